/**
 * Checks a file's first bytes against its claimed extension. Content that no signature identifies
 * (plain text, or formats without one) passes: only a file that is recognisably something else is
 * refused, e.g. an executable or an archive named `photo.jpg`.
 *
 * A small table of our own rather than the `file-type` package: that one is ~21 KB gzip for the
 * browser and drags in Node-only CommonJS dependencies, for the dozen formats the policy allows.
 */

type Signature = readonly [name: string, test: (b: Uint8Array) => boolean];

const at = (b: Uint8Array, offset: number, ...bytes: number[]): boolean => bytes.every((x, i) => b[offset + i] === x);
const ascii = (b: Uint8Array, offset: number, text: string): boolean =>
  at(b, offset, ...Array.from(text, (c) => c.charCodeAt(0)));

const SIGNATURES: readonly Signature[] = [
  ['exe', (b) => ascii(b, 0, 'MZ')],
  ['elf', (b) => at(b, 0, 0x7f, 0x45, 0x4c, 0x46)],
  ['macho', (b) => at(b, 0, 0xfe, 0xed, 0xfa) || at(b, 1, 0xfa, 0xed, 0xfe) || at(b, 0, 0xca, 0xfe, 0xba, 0xbe)],
  ['wasm', (b) => at(b, 0, 0x00, 0x61, 0x73, 0x6d)],
  ['script', (b) => ascii(b, 0, '#!')],
  ['png', (b) => at(b, 0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  ['jpg', (b) => at(b, 0, 0xff, 0xd8, 0xff)],
  ['gif', (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')],
  ['webp', (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')],
  ['pdf', (b) => ascii(b, 0, '%PDF-')],
  ['ogg', (b) => ascii(b, 0, 'OggS')],
  ['amr', (b) => ascii(b, 0, '#!AMR')],
  ['mp4', (b) => ascii(b, 4, 'ftyp')],
  ['mp3', (b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)],
  ['zip', (b) => at(b, 0, 0x50, 0x4b, 0x03, 0x04)],
  ['cfb', (b) => at(b, 0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
  ['rar', (b) => ascii(b, 0, 'Rar!')],
  ['7z', (b) => at(b, 0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)],
  ['gz', (b) => at(b, 0, 0x1f, 0x8b)],
];

/** What each extension may really be. Extensions not listed accept anything but an executable. */
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
  txt: [],
  csv: [],
};

const EXECUTABLE = new Set(['exe', 'elf', 'macho', 'wasm', 'script']);

export interface SniffResult {
  ok: boolean;
  /** What the content is, when a signature matched. */
  detected?: string;
}

/** Names the format of the first bytes, or undefined when no signature matches. */
export function detectFormat(head: Uint8Array): string | undefined {
  // AMR's "#!AMR" would otherwise read as a script's "#!".
  if (ascii(head, 0, '#!AMR')) return 'amr';
  return SIGNATURES.find(([, test]) => test(head))?.[0];
}

export async function sniffFile(file: Blob, extension: string): Promise<SniffResult> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const detected = detectFormat(head);
  if (!detected) return { ok: true };
  if (EXECUTABLE.has(detected)) return { ok: false, detected };
  const family = FAMILIES[extension.toLowerCase()];
  if (!family) return { ok: true, detected };
  return { ok: family.includes(detected), detected };
}
