// Customer- and host-controlled URLs go through these before they reach an attribute.

/**
 * Returns the URL when it is http(s), else undefined. Everything else (javascript:, data:, …) is
 * refused. A relative URL is resolved against `base` (pass `document.baseURI` in the page).
 */
export function safeHttpUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** For `<img src>` and downloads: http(s), blob:, and data: images only. */
export function safeMediaUrl(raw: string | undefined, { image = false } = {}): string | undefined {
  if (!raw) return undefined;
  if (raw.startsWith('blob:')) return raw;
  if (image && /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(raw)) return raw;
  return safeHttpUrl(raw);
}
