import { css } from 'lit';

export const knowledgeSearchStyles = css`
  :host {
    display: block;
    --_mark: var(--cc-color-highlight, light-dark(#ffe58a, #6b5400));
  }
  :host(:state(unavailable)) {
    display: none;
  }
  .root,
  .search,
  .article {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .label {
    margin: 0;
    font-weight: 600;
  }
  .hint,
  .meta,
  .status-line {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
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
    box-sizing: border-box;
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .results[aria-busy='true'] {
    opacity: 0.6;
  }
  .result {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .result button {
    justify-self: start;
    text-align: start;
    font-weight: 600;
    overflow-wrap: anywhere;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
  }
  .summary {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--_mark);
    color: inherit;
    border-radius: 2px;
  }
  .back {
    justify-self: start;
  }
  .article-title {
    margin: 0;
    font-size: 1.15em;
    overflow-wrap: anywhere;
  }
  .blocks {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    overflow-wrap: anywhere;
  }
  .blocks h4,
  .blocks p,
  .blocks ul,
  .blocks ol {
    margin: 0;
  }
  .blocks ul,
  .blocks ol {
    padding-inline-start: 1.5em;
  }
  .note {
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-inline-start: 4px solid var(--_border);
    background: var(--_surface-2);
  }
  a {
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }
  .alert {
    margin: 0;
    color: var(--_danger);
  }
  .notice {
    margin: 0;
    color: var(--_success);
  }
  .alert:empty,
  .notice:empty {
    display: none;
  }
`;
