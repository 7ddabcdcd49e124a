/**
 * C0 controls and bidirectional marks, embeddings, overrides and isolates would hide or reorder
 * part of a name or a link ("invoice\u202Efdp.exe" reads as "invoiceexe.pdf").
 */
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Customer text that must read as it is stored (file names, link text): hidden characters show as U+FFFD. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, '\uFFFD');
}
