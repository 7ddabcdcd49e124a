import { css } from 'lit';

export const recordSearchStyles = css`
  :host {
    display: block;
  }
  :host(:state(unavailable)) {
    display: none;
  }
  .root {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .label {
    margin: 0;
    font-weight: 600;
  }
  .linked {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  dl {
    margin: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .slot {
    display: grid;
    grid-template-columns: minmax(8em, auto) minmax(0, 1fr);
    align-items: center;
    gap: var(--_space);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  .empty {
    color: var(--_muted);
    font-style: italic;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .badge.status {
    border-color: var(--_accent);
  }
  .badge.status[data-status='closed'],
  .badge.status[data-status='resolved'] {
    border-color: var(--_border);
    color: var(--_muted);
  }
  .search {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  input[type='search'] {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5);
    min-height: 32px;
    width: 100%;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  legend {
    float: inline-start;
    margin-inline-end: calc(var(--_space) * 0.5);
    padding: 0;
    color: var(--_muted);
  }
  fieldset label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.25) var(--_space);
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
  }
  fieldset label:has(:checked) {
    border-color: var(--_accent);
    background: var(--_surface-2);
    font-weight: 600;
  }
  fieldset input {
    accent-color: var(--_accent);
    margin: 0;
  }
  .status-line {
    margin: 0;
    color: var(--_muted);
  }
  /* Bounded: twenty results scroll here instead of pushing the host page down. */
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 0.5);
    max-block-size: var(--cc-record-search-results-height, 20rem);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .results[aria-busy='true'] {
    opacity: 0.6;
  }
  .result {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: calc(var(--_space) * 0.25) var(--_space);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .result[data-linked] {
    border-inline-start: 4px solid var(--_success);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  .subtitle {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .result button {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }
  .alert {
    margin: 0;
    color: var(--_danger);
  }
  .alert:empty,
  .notice:empty {
    display: none;
  }
  .notice {
    margin: 0;
    color: var(--_success);
  }
  .create {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .create .label {
    flex-basis: 100%;
  }
  .create button[aria-expanded='true'] {
    border-color: var(--_accent);
    background: var(--_surface-2);
    font-weight: 600;
  }
  cc-record-create {
    flex-basis: 100%;
  }
`;
