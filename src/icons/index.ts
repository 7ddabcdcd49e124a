import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

// UI icons are inline SVG, never emoji or symbol glyphs: those render as empty boxes where the
// system has no font for them. The shapes come from Lucide (ISC); each icon is its own module,
// so a page carries only the icons its elements use.
export { default as arrowDown } from 'lucide/dist/esm/icons/arrow-down.mjs';
export { default as arrowUp } from 'lucide/dist/esm/icons/arrow-up.mjs';
export { default as check } from 'lucide/dist/esm/icons/check.mjs';
export { default as checkCheck } from 'lucide/dist/esm/icons/check-check.mjs';
export { default as chevronDown } from 'lucide/dist/esm/icons/chevron-down.mjs';
export { default as clock } from 'lucide/dist/esm/icons/clock.mjs';
export { default as ellipsis } from 'lucide/dist/esm/icons/ellipsis.mjs';
export { default as paperclip } from 'lucide/dist/esm/icons/paperclip.mjs';
export { default as userRound } from 'lucide/dist/esm/icons/user-round.mjs';
export { default as close } from 'lucide/dist/esm/icons/x.mjs';

/** An icon's shapes on a 24 × 24 grid, as Lucide ships them: `[tag, attributes]` pairs. */
export type IconNode = readonly (readonly [tag: string, attributes: Readonly<Record<string, string | number>>])[];

/** The shape tags icon() draws; an icon made of anything else needs a template here first. */
export const ICON_TAGS: readonly string[] = ['path', 'circle'];

const shape = ([tag, a]: IconNode[number]): SVGTemplateResult =>
  tag === 'circle' ? svg`<circle cx=${a.cx} cy=${a.cy} r=${a.r}></circle>` : svg`<path d=${a.d}></path>`;

/**
 * An icon as inline SVG: 1em square, drawn in `currentColor`, hidden from assistive technology (it
 * sits beside a visible or visually hidden label). One line: templates are shipped as written.
 */
export const icon = (node: IconNode): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${node.map(shape)}</svg>`;
