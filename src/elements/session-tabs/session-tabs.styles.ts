import { css } from 'lit';

/** Follows `tabStripStyles` (src/styles/tab-strip.styles.ts). */
export const sessionTabsStyles = css`
  .strip {
    position: relative;
    /* In a side pane the strip scrolls sideways; a thin bar leaves the height to the conversation. */
    scrollbar-width: thin;
  }
  /* One line when there is room: the name takes what the badges leave and ends in an ellipsis (the
     full name is its title). In a narrow tab the badges go under the name rather than squeeze it
     below 6em. The channel is read out but not shown. */
  .tab {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    padding-inline-end: calc(var(--_space) * 0.5 + 28px);
    flex-wrap: wrap;
    row-gap: 2px;
    white-space: nowrap;
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
  }
  .state {
    padding: 0 calc(var(--_space) * 0.5);
    color: var(--_muted);
  }
  /* On the name's row: the rows of badges below it (state, unread, sentiment) may run to the tab's
     end without passing under the close button. */
  .close {
    align-self: start;
    margin: 3px 4px;
  }
`;
