import { css } from 'lit';

/**
 * Shared host rules. Every token has a fallback, so an element looks right on a page with no theme.
 * Light or dark follows the inherited `color-scheme` (the host page's choice: `dark`, or
 * `light dark` to follow the OS); elements never set it themselves, so a nested one cannot disagree.
 *
 * Public tokens are `--cc-*` custom properties the host page sets (on `:root` or any ancestor); each
 * element reads them into private `--_*` variables here, so its own styles never name a public token.
 * Spacing and radius come in small families (`--cc-space-1…4`, `--cc-radius-1…3`); `--cc-space` and
 * `--cc-radius` (the base step every element multiplies) default to step 2 of each.
 */
export const hostStyles = css`
  /* Positioned, so the absolutely positioned parts inside (hidden text, menus) are laid out against
     the element and never against the page: nothing inside can stretch the host page's scroll area. */
  :host {
    position: relative;
    box-sizing: border-box;
    font-family: var(--cc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--cc-font-size, 14px);
    line-height: 1.4;
    --_text: var(--cc-color-text, light-dark(#1d2330, #e8eaf0));
    color: var(--_text);
    --_surface: var(--cc-color-surface, light-dark(#ffffff, #1c1f26));
    --_surface-2: var(--cc-color-surface-2, light-dark(#f3f5f8, #262a33));
    --_border: var(--cc-color-border, light-dark(#c9ced8, #444b57));
    --_muted: var(--cc-color-text-muted, light-dark(#555e6e, #aab1be));
    --_accent: var(--cc-color-accent, light-dark(#0a5dc2, #6aa8ff));
    --_on-accent: var(--cc-color-on-accent, light-dark(#ffffff, #0b1220));
    --_danger: var(--cc-color-danger, light-dark(#b3261e, #ff8a80));
    --_success: var(--cc-color-success, light-dark(#1b6e3a, #7ddc9b));
    --_warning: var(--cc-color-warning, light-dark(#8a5a00, #ffd27a));
    --_customer-bubble: var(--cc-color-customer-bubble, light-dark(#eef1f5, #2c313b));
    --_agent-bubble: var(--cc-color-agent-bubble, light-dark(#dcebff, #1d3557));
    --_space-1: var(--cc-space-1, 4px);
    --_space-2: var(--cc-space-2, 8px);
    --_space-3: var(--cc-space-3, 12px);
    --_space-4: var(--cc-space-4, 16px);
    --_radius-1: var(--cc-radius-1, 4px);
    --_radius-2: var(--cc-radius-2, 8px);
    --_radius-3: var(--cc-radius-3, 12px);
    --_radius: var(--cc-radius, var(--_radius-2));
    --_space: var(--cc-space, var(--_space-2));
    --_focus: var(--cc-color-focus, light-dark(#0a5dc2, #9cc3ff));
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Icons that point along the line (arrows, chevrons, reply) mirror in right-to-left text. */
  .flip-rtl:dir(rtl) {
    scale: -1 1;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    min-height: 32px;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  /* Read out, not shown. Pinned to the element's corner: left at its place in a long scrolled list it
     would sit outside every box and make the page scroll (the element is its containing block). */
  .visually-hidden {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** The conversation-state badge (F11), the same wherever a state is shown. */
export const stateBadgeStyles = css`
  .badge {
    font-size: 0.78em;
    font-weight: 600;
    padding: 1px var(--_space-2);
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .badge.active {
    color: var(--cc-color-state-active, var(--_success));
  }
  .badge.wrap-up,
  .badge.waiting {
    color: var(--cc-color-state-waiting, var(--_warning));
  }
  .badge.closed,
  .badge.open {
    color: var(--cc-color-state-closed, var(--_muted));
  }
`;

/** Multi-line text fields (composer, notes). Elements set their own heights. */
export const textareaStyles = css`
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px var(--_space-2);
    resize: vertical;
    width: 100%;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;
