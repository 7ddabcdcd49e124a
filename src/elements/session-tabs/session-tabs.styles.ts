import { css } from 'lit';

export const sessionTabsStyles = css`
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
    position: relative;
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
  /* One line when there is room: the name takes what the badges leave and ends in an ellipsis (the
     full name is its title). In a narrow tab the badges go under the name rather than squeeze it
     below 6em. The channel is read out but not shown. */
  .tab {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
    padding: calc(var(--_space) * 0.5) var(--_space);
    padding-inline-end: calc(var(--_space) * 0.5 + 28px);
    border: 1px solid var(--_border);
    border-block-end-width: 3px;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
    flex-wrap: wrap;
    row-gap: 2px;
    cursor: pointer;
    white-space: nowrap;
  }
  .tab[aria-selected='true'] {
    background: var(--_surface-2);
    border-block-end-color: var(--_accent);
  }
  .name {
    flex: 1 1 6em;
    min-width: 0;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* Read out with the tab, not shown: the tab stays one line. */
  .channel {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .state,
  .unread {
    flex: none;
    font-size: 0.8em;
    line-height: 1.5;
    border-radius: 999px;
  }
  .state {
    border: 1px solid var(--_border);
    padding: 0 calc(var(--_space) * 0.5);
    color: var(--_muted);
  }
  .unread {
    min-width: 1.6em;
    text-align: center;
    padding: 0 calc(var(--_space) * 0.5);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  .close {
    pointer-events: auto;
    justify-self: end;
    align-self: center;
    margin: 2px 4px;
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
