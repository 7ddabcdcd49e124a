/**
 * Checks a file's first kilobyte against its claimed extension.
 *
 * - A format with a signature (jpg, jpeg, png, gif, webp, pdf, mp3, ogg, oga, amr, mp4, docx, xlsx,
 *   pptx, xls, doc, zip) must start with it; anything else under that name is refused, including
 *   HTML, SVG or plain text named `photo.png`. `xml` must be XML or other inactive markup.
 * - `txt` and `csv` must be text (any 8-bit encoding, UTF-8 with or without a BOM, UTF-16 with its
 *   BOM) that is neither markup nor a script: no signature, no leading tag, comment or declaration,
 *   no script, SVG, frame or document tag and no `on…=` handler in the first kilobyte.
 * - Any other extension the host allows is refused only when it is an executable, a script, HTML or SVG.
 *
 * A small table of our own rather than the `file-type` package: that one is ~21 KB gzip for the
 * browser and drags in Node-only CommonJS dependencies, for the dozen formats the policy allows.
 */

type Signature = readonly [name: string, test: (b: Uint8Array) => boolean];

/** How much of a file is read: every signature sits in the first bytes; markup is looked for in all of it. */
const HEAD_BYTES = 1024;

const at = (b: Uint8Array, offset: number, ...bytes: number[]): boolean => bytes.every((x, i) => b[offset + i] === x);
const ascii = (b: Uint8Array, offset: number, text: string): boolean =>
  at(b, offset, ...Array.from(text, (c) => c.charCodeAt(0)));

/** An MPEG Layer III frame header: sync, then no reserved version, bitrate or sample rate. */
const mpegAudioFrame = (b: Uint8Array): boolean => {
  const [sync = 0, info = 0, rate = 0] = [b[0], b[1], b[2]];
  return sync === 0xff && (info & 0xe0) === 0xe0 && ((info >> 3) & 3) !== 1 && ((info >> 1) & 3) === 1 && rate >> 4 !== 15 && ((rate >> 2) & 3) !== 3;
};

const SIGNATURES: readonly Signature[] = [
  ['exe', (b) => ascii(b, 0, 'MZ')],
  ['elf', (b) => at(b, 0, 0x7f, 0x45, 0x4c, 0x46)],
  ['macho', (b) => at(b, 0, 0xfe, 0xed, 0xfa) || at(b, 1, 0xfa, 0xed, 0xfe) || at(b, 0, 0xca, 0xfe, 0xba, 0xbe)],
  ['wasm', (b) => at(b, 0, 0x00, 0x61, 0x73, 0x6d)],
  // Before "script": an AMR header also starts with "#!", and only the exact header counts.
  ['amr', (b) => ['#!AMR\n', '#!AMR-WB\n', '#!AMR_MC1.0\n', '#!AMR-WB_MC1.0\n'].some((h) => ascii(b, 0, h))],
  ['script', (b) => ascii(b, 0, '#!')],
  ['png', (b) => at(b, 0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  ['jpg', (b) => at(b, 0, 0xff, 0xd8, 0xff)],
  ['gif', (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')],
  ['webp', (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')],
  ['pdf', (b) => ascii(b, 0, '%PDF-')],
  ['ogg', (b) => ascii(b, 0, 'OggS') && b[4] === 0],
  // The first box: its 32-bit size must hold "ftyp", a major brand and a minor version.
  ['mp4', (b) => ascii(b, 4, 'ftyp') && b.length >= 8 && new DataView(b.buffer, b.byteOffset, 4).getUint32(0) >= 16],
  ['mp3', (b) => (ascii(b, 0, 'ID3') && (b[3] ?? 0) >= 2 && (b[3] ?? 0) <= 4 && b[4] !== 0xff) || mpegAudioFrame(b)],
  ['zip', (b) => at(b, 0, 0x50, 0x4b, 0x03, 0x04)],
  ['cfb', (b) => at(b, 0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
  ['rar', (b) => ascii(b, 0, 'Rar!')],
  ['7z', (b) => at(b, 0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)],
  ['gz', (b) => at(b, 0, 0x1f, 0x8b)],
];

/** What each extension with a signature must really be. */
const FAMILIES: Record<string, readonly string[]> = {
  jpg: ['jpg'],
  jpeg: ['jpg'],
  png: ['png'],
  gif: ['gif'],
  webp: ['webp'],
  pdf: ['pdf'],
  mp3: ['mp3'],
  oga: ['ogg'],
  ogg: ['ogg'],
  amr: ['amr'],
  mp4: ['mp4'],
  docx: ['zip'],
  xlsx: ['zip'],
  pptx: ['zip'],
  xls: ['cfb'],
  doc: ['cfb'],
  zip: ['zip'],
  xml: ['xml', 'markup'],
};

/** Extensions that must be plain text. */
const TEXT_ONLY = new Set(['txt', 'csv']);

const EXECUTABLE = new Set(['exe', 'elf', 'macho', 'wasm', 'script']);
/** Content a browser would run or render actively. */
const ACTIVE = new Set(['html', 'svg']);

/** C0 controls that do not occur in text (tab, line breaks, form feed, SUB and ESC do). */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000e-\u0019\u001c-\u001f]/u;
const SVG = /<svg[\s/>]|http:\/\/www\.w3\.org\/2000\/svg/iu;
/** Tags that run or load something, or make a document; an event handler in any tag; XHTML; UTF-7 "<". */
const ACTIVE_HTML =
  /<(?:script|iframe|frame|frameset|object|embed|applet|html|head|body|meta|base|link|style|form|template|math|!doctype\s+html)[\s/>]|<[a-z][^>]*[\s/"']on[a-z]+\s*=|http:\/\/www\.w3\.org\/1999\/xhtml|\+ADw-/iu;

/** The first bytes as text: UTF-16 when its BOM says so, else UTF-8 (an 8-bit encoding keeps its ASCII). */
function headText(head: Uint8Array): string {
  const encoding = at(head, 0, 0xff, 0xfe) ? 'utf-16le' : at(head, 0, 0xfe, 0xff) ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(head);
}

/**
 * 'svg' or 'html' for active markup, 'xml' for an XML declaration, 'markup' for any other leading
 * tag, end tag, comment or declaration (what a sniffing browser would render as HTML); else undefined.
 */
function detectMarkup(text: string): string | undefined {
  if (SVG.test(text)) return 'svg';
  if (ACTIVE_HTML.test(text)) return 'html';
  const start = text.trimStart();
  if (start.startsWith('<?xml')) return 'xml';
  if (/^<[a-z!/?]/iu.test(start)) return 'markup';
  return undefined;
}

export interface SniffResult {
  ok: boolean;
  /**
   * What the content is, when a signature or markup named it. A refusal always names something:
   * 'txt' for plain text and 'bin' for data that nothing names.
   */
  detected?: string;
}

/** Names the format of the first bytes (a signature, else markup), or undefined when nothing matches. */
export function detectFormat(head: Uint8Array): string | undefined {
  return SIGNATURES.find(([, test]) => test(head))?.[0] ?? detectMarkup(headText(head));
}

export async function sniffFile(file: Blob, extension: string): Promise<SniffResult> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const detected = detectFormat(head);
  const isText = head.length > 0 && !BINARY.test(headText(head));
  const ext = extension.toLowerCase();
  if (detected && EXECUTABLE.has(detected)) return { ok: false, detected };
  if (TEXT_ONLY.has(ext)) return detected ? { ok: false, detected } : isText ? { ok: true } : { ok: false, detected: 'bin' };
  const family = FAMILIES[ext];
  if (family) {
    if (detected) return { ok: family.includes(detected), detected };
    return { ok: false, detected: isText ? 'txt' : 'bin' };
  }
  if (!detected) return { ok: true };
  return { ok: !ACTIVE.has(detected), detected };
}
