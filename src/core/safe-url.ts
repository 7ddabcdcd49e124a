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

/**
 * For a customer's picture: an absolute http(s) URL only. A relative one (`/api/session/logout`)
 * would be fetched from the host page's own origin, with its cookies; it is refused, never resolved.
 * Show the result with `referrerpolicy="no-referrer"`.
 */
export function safeAvatarUrl(raw: string | undefined): string | undefined {
  if (typeof raw !== 'string' || !/^https?:\/\//iu.test(raw.trim())) return undefined;
  return safeHttpUrl(raw.trim());
}

/** For `<img src>` and downloads: http(s), blob:, and data: images only. */
export function safeMediaUrl(raw: string | undefined, { image = false } = {}): string | undefined {
  if (!raw) return undefined;
  if (raw.startsWith('blob:')) return raw;
  if (image && /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(raw)) return raw;
  return safeHttpUrl(raw);
}
