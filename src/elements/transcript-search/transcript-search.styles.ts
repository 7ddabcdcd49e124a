import { css } from 'lit';

export const transcriptSearchStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: var(--cc-transcript-search-height, auto);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    --_mark: var(--cc-color-highlight, light-dark(#ffe58a, #6b5400));
  }

  .search,
  .viewer {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-height: 0;
    flex: 1;
    padding: calc(var(--_space) * 1.5);
  }
  .search[hidden],
  .viewer[hidden] {
    display: none;
  }

  h2,
  h3,
  p,
  ol,
  fieldset {
    margin: 0;
  }
  ol {
    padding: 0;
    list-style: none;
  }

  form {
    display: grid;
    gap: var(--_space);
  }
  .query {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_space) * 0.5) var(--_space);
    align-items: end;
  }
  .query label {
    grid-column: 1 / -1;
    font-weight: 600;
  }
  label {
    display: block;
    font-size: 0.9em;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
    min-height: 32px;
    min-width: 0;
    width: 100%;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--_space);
  }
  legend {
    font-size: 0.9em;
    color: var(--_muted);
    padding: 0 4px;
  }
  .field {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .day-shown {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .day-shown:empty {
    display: none;
  }

  .index-status {
    font-size: 0.85em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .index-status.error {
    color: var(--_danger);
  }

  .results {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-height: 0;
    overflow: auto;
  }
  .results[aria-busy='true'] .groups {
    opacity: 0.6;
  }
  .summary {
    font-weight: 600;
  }
  .hint,
  .empty {
    color: var(--_muted);
  }
  .more {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .show-more {
    margin-top: var(--_space);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_danger);
  }

  .groups {
    display: grid;
    gap: var(--_space);
  }
  .group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .group-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_surface-2);
  }
  .group-header h3 {
    font-size: 1em;
    overflow-wrap: anywhere;
  }
  .group-header .meta {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .group-header .open {
    margin-inline-start: auto;
  }

  .hit {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-top: 1px solid var(--_border);
    display: grid;
    gap: 2px;
  }
  .toggle {
    margin: calc(var(--_space) * 0.5) var(--_space) var(--_space);
  }
  .hit-meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    font-size: 0.85em;
    color: var(--_muted);
  }
  .author {
    font-weight: 600;
  }
  .source {
    font-style: italic;
  }
  .snippet {
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--_mark);
    color: inherit;
    border-radius: 2px;
    padding: 0 1px;
    font-weight: 600;
  }

  .viewer-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .viewer-header h2 {
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  .viewer-header h2:focus {
    outline: none;
  }
  .viewer-header h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .viewer-note {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .viewer-body {
    display: flex;
    flex-direction: column;
    /* A definite basis: the virtualized transcript needs a bounded height to scroll in. */
    flex: 1 1 var(--cc-transcript-search-viewer-height, 28rem);
    min-height: 12rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  cc-transcript {
    flex: 1;
    min-height: 0;
  }
  .viewer-body > p,
  .viewer-body > .error {
    padding: var(--_space);
  }
  .back {
    margin-inline-start: auto;
  }
`;
