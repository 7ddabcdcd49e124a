/**
 * A text the host gave once, or per language (`{ en: 'Resolved', pl: 'Rozwiązane' }`), in the
 * element's language: the exact tag, then its language, then English, then the first given (keys
 * match in any case); '' for none.
 */
export function hostText(text: string | Readonly<Record<string, string>> | undefined, lang: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  const tag = lang.toLowerCase();
  const entries = Object.entries(text);
  const find = (wanted: string): string | undefined => entries.find(([key]) => key.toLowerCase() === wanted)?.[1];
  return find(tag) ?? find(tag.split('-')[0] ?? '') ?? find('en') ?? entries[0]?.[1] ?? '';
}
