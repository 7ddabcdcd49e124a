import { css } from 'lit';

export const smartAssistStyles = css`
  :host {
    display: block;
  }
  .root {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  h3,
  h4,
  p {
    margin: 0;
  }
  h3 {
    font-size: 1em;
  }
  h4 {
    font-size: 0.95em;
    color: var(--_muted);
  }
  .status,
  .empty,
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .status:empty,
  .notice:empty {
    display: none;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  ul[aria-busy='true'] {
    opacity: 0.6;
  }
  li {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .summary,
  .snippet {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .snippet {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .alert {
    color: var(--_danger);
  }
  .notice {
    color: var(--_success);
  }
`;
