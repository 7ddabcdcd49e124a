import { css, html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { safeAvatarUrl } from '../core/safe-url.js';
import { icon, userRound } from '../icons/index.js';

/** How many backgrounds avatarStyles has for initials. */
const TONES = 8;

/**
 * Up to two initials: the first letter of the first and of the last word that have one, upper-cased
 * ("Łukasz Żak" → "ŁŻ"). Letters of any script count, with their combining marks; a name with no
 * letters at all (only emoji or digits) has none.
 */
export function initials(name: string | undefined): string {
  const firsts = (name ?? '').split(/\s+/u).flatMap((word) => word.match(/\p{L}\p{M}*/u) ?? []);
  return ((firsts[0] ?? '') + (firsts.length > 1 ? firsts.at(-1) : '')).toLocaleUpperCase();
}

/** The same name always gets the same colour. */
export function avatarTone(name: string | undefined): number {
  let hash = 0;
  for (const char of name ?? '') hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % TONES;
}

const hide = (event: Event): void => void ((event.target as HTMLImageElement).hidden = true);

/**
 * The customer's picture, only from an absolute http(s) URL and without a referrer; else, or when
 * it fails to load, their initials on a colour from their name, or a person icon when the name has
 * no letters. Hidden from assistive technology: the name is always shown beside it.
 */
export function avatar(name: string | undefined, url: string | undefined): TemplateResult {
  const src = safeAvatarUrl(url);
  const letters = initials(name);
  // A new element per URL: one that failed stays hidden, the next one shows.
  const image = src ? keyed(src, html`<img src=${src} alt="" referrerpolicy="no-referrer" @error=${hide} />`) : nothing;
  return html`<span class="avatar" part="avatar" data-tone=${avatarTone(name)} aria-hidden="true">${letters ? html`<span dir="auto">${letters}</span>` : icon(userRound)}${image}</span>`;
}

/** Styles for avatar(); its size is `--cc-avatar-size` on the element (default 2.5rem). */
// Compact on purpose: CSS in a template literal ships as written. The picture covers the initials.
// White initials on each tone have a contrast of at least 4.9:1 (WCAG AA asks 4.5:1).
export const avatarStyles = css`
  .avatar{--_size:var(--cc-avatar-size,2.5rem);display:inline-grid;place-items:center;flex:none;inline-size:var(--_size);block-size:var(--_size);border-radius:50%;overflow:hidden;color:#fff;font-size:calc(var(--_size)*.4);font-weight:600;line-height:1}
  .avatar>*{grid-area:1/1}
  .avatar img{inline-size:100%;block-size:100%;object-fit:cover}
  [data-tone='0']{background:#1d4ed8}[data-tone='1']{background:#047857}[data-tone='2']{background:#b91c1c}[data-tone='3']{background:#7e22ce}
  [data-tone='4']{background:#a16207}[data-tone='5']{background:#0e7490}[data-tone='6']{background:#be185d}[data-tone='7']{background:#4338ca}
`;
