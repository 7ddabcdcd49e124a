/** F4: what an agent may send. Checked before any byte is uploaded. */
export interface AttachmentPolicy {
  /** Largest file, bytes. Default 5 MB, never above Messenger's 25 MB. */
  maxBytes: number;
  /** Allowed extensions, lower case, without the dot. Empty means "anything not blocked". */
  allow: readonly string[];
  /** Always refused, even when allowed. */
  block: readonly string[];
}

export const MESSENGER_MAX_BYTES = 25 * 1024 * 1024;

/** Facebook's default allow list. */
export const DEFAULT_ALLOWED_EXTENSIONS = [
  'jpg', 'jpeg', 'png', 'gif', 'mp3', 'oga', 'ogg', 'amr', 'mp4', 'pdf', 'docx', 'txt', 'xlsx', 'xls',
] as const;

/** Executable or active formats: refused wherever they appear in a name. */
const DANGEROUS_EXTENSIONS = new Set([
  'exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'msi', 'msp', 'dll', 'cpl', 'jar', 'js', 'jse', 'mjs', 'vbs', 'vbe',
  'wsf', 'wsh', 'hta', 'ps1', 'psm1', 'sh', 'bash', 'app', 'dmg', 'pkg', 'deb', 'rpm', 'apk', 'lnk', 'reg',
  'html', 'htm', 'xhtml', 'svg', 'php', 'py', 'iso', 'docm', 'xlsm', 'pptm',
]);

/** Inner parts that are also common in ordinary names (`receipt.example.com.pdf`, `my.app.pdf`). */
const DOMAIN_LIKE = new Set(['com', 'app']);

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
  if (inner.some((p) => DANGEROUS_EXTENSIONS.has(p) && !DOMAIN_LIKE.has(p)) || (inner.some((p) => KNOWN_EXTENSIONS.has(p)) && DANGEROUS_EXTENSIONS.has(extension))) {
    return { ok: false, name: file.name, reason: 'double-extension', extension };
  }
  if (policy.block.includes(extension) || (DANGEROUS_EXTENSIONS.has(extension) && !policy.allow.includes(extension))) {
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
