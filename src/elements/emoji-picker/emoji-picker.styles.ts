// A plain string (no Lit in the lazy chunk): the picker adopts it as a constructed sheet into the panel.
export const emojiPickerCss = `
  .emoji-picker {
    grid-column: 1 / -1;
    display: grid;
    gap: 4px;
    padding: 6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.12);
  }
  .emoji-search {
    font: inherit;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  .emoji-list {
    max-height: min(14rem, 35vh);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .emoji-heading {
    margin: 6px 2px 2px;
    font-size: 0.75em;
    font-weight: 600;
    color: var(--_muted);
  }
  .emoji-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(2.25rem, 1fr));
  }
  .emoji-picker button.emoji {
    min-width: 0;
    min-height: 2.25rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    font-size: 1.25rem;
    line-height: 1;
    cursor: pointer;
  }
  .emoji-picker button.emoji:hover,
  .emoji-picker button.emoji:focus-visible {
    background: var(--_surface-2);
  }
  .emoji-none {
    margin: 4px;
    color: var(--_muted);
  }
`;
