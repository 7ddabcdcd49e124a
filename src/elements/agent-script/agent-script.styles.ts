import { css } from 'lit';

export const agentScriptStyles = css`
  :host {
    display: block;
  }
  :host(:state(empty)) {
    display: none;
  }
  .root {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
    container-type: inline-size;
  }
  h3,
  p {
    margin: 0;
  }
  h3 {
    font-size: 1em;
    overflow-wrap: anywhere;
  }
  .kicker,
  .progress-text {
    color: var(--_muted);
    font-size: 0.9em;
  }
  progress {
    width: 100%;
    height: 6px;
    accent-color: var(--_accent);
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_space) * 0.5);
    counter-reset: step;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: start;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }
  li.done {
    background: var(--_surface-2);
  }
  li.done label {
    color: var(--_muted);
  }
  input[type='checkbox'] {
    margin: 0.2em 0 0;
    width: 18px;
    height: 18px;
    accent-color: var(--_accent);
  }
  label {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .kind {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .alert {
    color: var(--_danger);
  }
  .alert:empty {
    display: none;
  }
  @container (max-width: 280px) {
    li {
      grid-template-columns: auto 1fr;
    }
    li button {
      grid-column: 2;
      justify-self: start;
    }
  }
`;
