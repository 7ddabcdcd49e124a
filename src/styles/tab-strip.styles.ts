import { css } from 'lit';

/**
 * The tab strip shared by `<cc-session-tabs>` and `<cc-session-view>`: a row of ARIA tabs with a
 * parallel row of close buttons, an empty notice and the "full" count. Each element adds its own
 * tab layout after this block.
 */
export const tabStripStyles = css`
  :host {
    display: block;
  }
  .empty {
    margin: 0;
    padding: var(--_space);
    color: var(--_muted);
  }
  .bar {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  /* Tabs and their close buttons share the columns, so a close button sits on its tab while
     staying outside the tab list (a tab holds no other control). */
  .strip {
    display: grid;
    grid-template-columns: repeat(var(--_tabs, 1), minmax(9rem, 14rem));
    overflow-x: auto;
    padding: 2px;
  }
  .tabs,
  .closers {
    grid-row: 1;
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: subgrid;
  }
  .closers {
    pointer-events: none;
  }
  .tab {
    min-width: 0;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-block-end-width: 3px;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    background: var(--_surface-2);
    border-block-end-color: var(--_accent);
  }
  .state {
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .unread {
    min-width: 1.6em;
    text-align: center;
    border-radius: 999px;
    padding: 0 calc(var(--_space) * 0.5);
    background: var(--cc-color-unread, var(--_accent));
    color: var(--cc-color-on-unread, var(--_on-accent));
    font-weight: 700;
  }
  .close {
    pointer-events: auto;
    justify-self: end;
    min-height: 24px;
    min-width: 24px;
    padding: 0 6px;
    line-height: 1;
    background: transparent;
    border-color: transparent;
  }
  .close:hover {
    border-color: var(--_border);
  }
  .count {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    color: var(--_warning);
  }
  .count span {
    color: var(--_muted);
  }
`;
