/**
 * Styles of `<cc-quick-replies>`. It has no shadow root (its options must share the field's tree),
 * so these are added to the tree it renders in, every selector scoped to the element. Plain text,
 * not Lit's `css`: the element's lazy chunk imports nothing the page already loaded (see quick-replies.ts).
 */
export const quickRepliesCss = /* css */ `
  cc-quick-replies {
    color-scheme: light dark;
    --_qr-surface: var(--cc-color-surface, light-dark(#ffffff, #1c1f26));
    --_qr-border: var(--cc-color-border, light-dark(#c9ced8, #444b57));
    --_qr-muted: var(--cc-color-text-muted, light-dark(#555e6e, #aab1be));
    --_qr-active: var(--cc-color-highlight, light-dark(#dcebff, #1d3557));
    display: block;
    color: var(--cc-color-text, light-dark(#1d2330, #e8eaf0));
    font: inherit;
  }
  cc-quick-replies .cc-qr {
    background: var(--_qr-surface);
    border: 1px solid var(--_qr-border);
    border-radius: var(--cc-radius, var(--cc-radius-2, 6px));
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  }
  cc-quick-replies .cc-qr-list {
    list-style: none;
    margin: 0;
    padding: 4px;
  }
  cc-quick-replies .cc-qr-option {
    display: grid;
    grid-template-columns: 1fr auto auto;
    gap: 2px 8px;
    padding: 6px 8px;
    border-radius: var(--cc-radius-1, 4px);
    cursor: pointer;
  }
  cc-quick-replies .cc-qr-option[aria-selected='true'] {
    background: var(--_qr-active);
    outline: 2px solid var(--cc-color-focus, light-dark(#0a5dc2, #9cc3ff));
    outline-offset: -2px;
  }
  cc-quick-replies .cc-qr-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  cc-quick-replies .cc-qr-shortcut,
  cc-quick-replies .cc-qr-own {
    color: var(--_qr-muted);
    font-size: 0.85em;
  }
  cc-quick-replies .cc-qr-text {
    grid-column: 1 / -1;
    color: var(--_qr-muted);
    font-size: 0.9em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  cc-quick-replies .cc-qr-status {
    margin: 0;
    padding: 8px;
    color: var(--_qr-muted);
  }
  cc-quick-replies .cc-qr-sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    cc-quick-replies .cc-qr-option[aria-selected='true'] {
      outline-color: Highlight;
    }
  }
`;
