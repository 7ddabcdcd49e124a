/** F4: what an agent may send. Checked before any byte is uploaded. */
export interface AttachmentPolicy {
  /** Largest file, bytes. Default 5 MB, never above Messenger's 25 MB. */
  maxBytes: number;
  /** Allowed extensions, lower case, without the dot. Empty means "anything not blocked"; never lifts the built-in list. */
  allow: readonly string[];
  /** Also refused, on top of the built-in executable and active types that are refused always. */
  block: readonly string[];
}

export const MESSENGER_MAX_BYTES = 25 * 1024 * 1024;

/** Facebook's default allow list. */
export const DEFAULT_ALLOWED_EXTENSIONS = [
  'jpg', 'jpeg', 'png', 'gif', 'mp3', 'oga', 'ogg', 'amr', 'mp4', 'pdf', 'docx', 'txt', 'xlsx', 'xls',
] as const;

/**
 * Always refused, whatever the policy says: formats that run code, install something, point the
 * operating system at something else, or render active content when opened. No policy removes
 * them — `allow: []` and an `allow` list that names one of them both leave them refused.
 */
const DANGEROUS_EXTENSIONS = new Set(
  [
    // Windows programs, libraries, installers and packages
    'exe com scr pif cpl dll ocx sys drv msi msp mst msix msixbundle appx appxbundle appinstaller application appref-ms xbap gadget msc',
    // Windows scripts, script components and shells
    'bat cmd ps1 ps1xml ps2 ps2xml psc1 psc2 psd1 psm1 pssc cdxml msh msh1 msh2 mshxml msh1xml msh2xml js jse mjs cjs vb vbs vbe wsf wsh wsc ws sct hta',
    // Shortcuts, registry, setup, shell and search files, help
    'lnk url website scf reg inf ins isp settingcontent-ms library-ms searchconnector-ms diagcab shs shb chm hlp',
    // Java, browser extensions
    'jar jnlp class crx xpi',
    // Documents a browser renders actively, and web archives
    'html htm xhtml xht shtml mht mhtml svg svgz',
    // Office files that carry macros, add-ins or live queries; Access programs
    'docm dotm xlsm xltm xlam xla xll xlm pptm potm ppam ppa ppsm sldm iqy slk ade adp mde accde',
    // Disk images that open as a drive
    'iso img vhd vhdx dmg',
    // macOS, Linux and Android programs, packages and launchers
    'sh bash zsh csh ksh command terminal fileloc app pkg mpkg deb rpm run appimage desktop scpt apk xapk ipa',
    // Interpreted and server-side code
    'py pyw pyc pyz php phtml phar asp aspx jsp',
  ].join(' ').split(' '),
);

/** Inner parts that are also ordinary words in names (`receipt.example.com.pdf`, `Thesis.MSc.pdf`). */
const WORD_LIKE = new Set(['com', 'app', 'application', 'command', 'img', 'url', 'reg', 'inf', 'ins', 'msc', 'run', 'class', 'website', 'terminal', 'desktop']);

/** Extensions that some sender could plausibly have put in front of a final one. */
const KNOWN_EXTENSIONS = new Set<string>([
  ...DEFAULT_ALLOWED_EXTENSIONS, ...DANGEROUS_EXTENSIONS,
  'doc', 'ppt', 'pptx', 'zip', 'rar', '7z', 'gz', 'tar', 'csv', 'rtf', 'odt', 'webp', 'heic', 'wav', 'mov', 'avi',
]);

export function createAttachmentPolicy(overrides: Partial<AttachmentPolicy> = {}): AttachmentPolicy {
  const maxBytes = overrides.maxBytes ?? 5 * 1024 * 1024;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new RangeError(`Attachment size limit must be a positive number of bytes, got ${String(maxBytes)}.`);
  }
  const normalise = (list: readonly string[]) => list.map((e) => e.toLowerCase().replace(/^\./, '').trim()).filter(Boolean);
  return {
    maxBytes: Math.min(maxBytes, MESSENGER_MAX_BYTES),
    allow: normalise(overrides.allow ?? DEFAULT_ALLOWED_EXTENSIONS),
    block: normalise(overrides.block ?? []),
  };
}

export type RejectionReason =
  | 'empty'
  | 'too-large'
  | 'invalid-name'
  | 'null-byte'
  | 'no-extension'
  | 'double-extension'
  | 'blocked-extension'
  | 'extension-not-allowed'
  | 'type-mismatch';

export type FileVerdict =
  | { ok: true; name: string; extension: string }
  | { ok: false; name: string; reason: RejectionReason; extension?: string; limit?: number; detected?: string };

/** Percent-decodes (repeatedly, so `%252e` counts), folds Unicode and trims what Windows would drop. */
export function decodeFileName(raw: string): string {
  let name = raw;
  for (let i = 0; i < 3; i++) {
    if (!/%[0-9a-f]{2}/i.test(name)) break;
    try {
      name = decodeURIComponent(name);
    } catch {
      break;
    }
  }
  return name.normalize('NFKC').replace(/[\s.]+$/u, '');
}

/** Checks one file's name and size against the policy; the first failing rule is the reason. */
export function checkFile(policy: AttachmentPolicy, file: { name: string; size: number }): FileVerdict {
  const name = decodeFileName(file.name);
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(name)) return { ok: false, name: file.name, reason: 'null-byte' };
  const base = name.split(/[\\/]/).pop() ?? '';
  // ':' would open an NTFS alternate stream (`evil.exe::$DATA`).
  // eslint-disable-next-line no-control-regex
  if (!base || /[\u0001-\u001f\u007f:]/.test(base) || /^\.+$/.test(base)) {
    return { ok: false, name: file.name, reason: 'invalid-name' };
  }
  if (file.size === 0) return { ok: false, name: file.name, reason: 'empty' };
  if (file.size > policy.maxBytes) return { ok: false, name: file.name, reason: 'too-large', limit: policy.maxBytes };
  const parts = base.toLowerCase().split('.').map((p) => p.trim());
  if (parts.length < 2 || !parts[parts.length - 1]) return { ok: false, name: file.name, reason: 'no-extension' };
  const extension = parts[parts.length - 1]!;
  const inner = parts.slice(1, -1);
  if (inner.some((p) => DANGEROUS_EXTENSIONS.has(p) && !WORD_LIKE.has(p)) || (inner.some((p) => KNOWN_EXTENSIONS.has(p)) && DANGEROUS_EXTENSIONS.has(extension))) {
    return { ok: false, name: file.name, reason: 'double-extension', extension };
  }
  if (policy.block.includes(extension) || DANGEROUS_EXTENSIONS.has(extension)) {
    return { ok: false, name: file.name, reason: 'blocked-extension', extension };
  }
  if (policy.allow.length > 0 && !policy.allow.includes(extension)) {
    return { ok: false, name: file.name, reason: 'extension-not-allowed', extension };
  }
  return { ok: true, name: base, extension };
}

/** A download name that cannot traverse paths, hide an extension or carry control characters. */
export function safeDownloadName(raw: string, fallbackExtension = 'bin'): string {
  const decoded = decodeFileName(raw).split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = decoded.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/gu, '').trim();
  const parts = cleaned.split('.').filter(Boolean);
  const ext = parts.length > 1 ? parts.pop()!.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8) : '';
  const stem = parts.join('_').replace(/[^\p{L}\p{N} _-]/gu, '_').slice(0, 80) || 'attachment';
  return `${stem}.${ext && !DANGEROUS_EXTENSIONS.has(ext) ? ext : fallbackExtension}`;
}
