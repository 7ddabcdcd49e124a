import { css } from 'lit';

export const workItemsStyles = css`
  :host {
    display: block;
  }
  :host(:state(unavailable)) {
    display: none;
  }
  .root {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  section {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
  }
  .count,
  .hint,
  .empty,
  .status-line {
    margin: 0;
    color: var(--_muted);
  }
  .hint {
    font-size: 0.9em;
  }
  .head button {
    margin-inline-start: auto;
  }
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: calc(var(--_space) * 0.5) var(--_space);
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--_border);
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  thead th {
    background: var(--_surface-2);
    font-weight: 600;
    white-space: nowrap;
  }
  th button.sort {
    border: 0;
    background: none;
    padding: 0;
    min-height: 24px;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .arrow {
    display: inline-flex;
    color: var(--_muted);
    min-width: 1em;
  }
  .who .avatar {
    --cc-avatar-size: 1.5rem;
    vertical-align: middle;
    margin-inline-end: calc(var(--_space) * 0.5);
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover,
  tbody tr:focus-within {
    background: var(--_surface-2);
  }
  .open-button {
    border: 0;
    background: none;
    padding: 0;
    min-height: 24px;
    font-weight: 600;
    text-align: start;
    /* Names wrap between words; a single word longer than the column is the only one broken. */
    overflow-wrap: break-word;
    color: var(--_accent);
    text-decoration: underline;
  }
  .wait {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* The preview takes the room the other columns leave and ends in an ellipsis: with no width of
     its own (max-width: 0) it never widens the table past its box. */
  .preview {
    max-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .preview.none {
    color: var(--_muted);
    font-style: italic;
  }
  .alert {
    margin: 0;
    color: var(--_danger);
  }
  .alert:empty {
    display: none;
  }
  .notice {
    margin: 0;
    color: var(--_success);
  }
  .notice:empty {
    display: none;
  }
  [aria-busy='true'] tbody {
    opacity: 0.6;
  }
  /* Narrow: each row becomes a card, the header is read from data-label. */
  @container work-items (max-width: 40rem) {
    thead {
      position: absolute;
      inset-block-start: 0;
      inset-inline-start: 0;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    tr {
      padding: calc(var(--_space) * 0.5) 0;
      border-bottom: 1px solid var(--_border);
    }
    tbody tr:last-child {
      border-bottom: 0;
    }
    td {
      border: 0;
      padding: calc(var(--_space) * 0.25) var(--_space);
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_muted);
    }
    .preview {
      width: auto;
      max-width: none;
      white-space: normal;
    }
  }
  .root {
    container: work-items / inline-size;
  }
`;
