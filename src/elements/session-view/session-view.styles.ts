import { css } from 'lit';

/** Follows `tabStripStyles` (src/styles/tab-strip.styles.ts). */
export const sessionViewStyles = css`
  .tab {
    display: grid;
    gap: 2px;
    padding-inline-end: calc(var(--_space) + 32px);
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-size: 0.85em;
  }
  .state {
    padding: 0 calc(var(--_space) * 0.75);
  }
  .close {
    align-self: start;
    margin: 4px;
  }
`;

export const sessionViewPanelStyles = css`
  .tab {
    padding-inline-end: var(--_space);
  }
  .tab[data-closable] {
    padding-inline-end: calc(var(--_space) + 32px);
  }
  /* One line, like the title: a long label is cut visually (the tab's name keeps it whole). */
  .kind {
    color: var(--_muted);
    font-size: 0.85em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .title {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: 0 0 var(--_radius) var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .nothing {
    margin: 0;
    color: var(--_muted);
  }
  cc-transcript {
    height: var(--cc-session-view-transcript-height, 24rem);
  }
`;
