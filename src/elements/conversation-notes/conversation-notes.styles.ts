import { css } from 'lit';

export const conversationNotesStyles = css`
  :host {
    display: block;
  }
  .message {
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-2);
    color: var(--_muted);
  }
  .message.no-link {
    color: inherit;
    border-inline-start: 4px solid var(--_warning);
  }
  .error {
    color: var(--_danger);
    border-inline-start: 4px solid var(--_danger);
  }
  .target {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .composer {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .footer .hint {
    flex: 1 1 12rem;
  }
  label {
    font-weight: 600;
  }
  textarea {
    min-height: 4.5em;
    max-height: 50vh;
  }
  .hint,
  .counter {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .counter {
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  /* The button stays focusable while it cannot save, so its explanation is still read. */
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .alert {
    margin: 0;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  .load-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-top: var(--_space);
  }
  .load-error .alert {
    flex: 1 1 12rem;
  }
  ul {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  li {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    margin: 0 0 4px;
    font-size: 0.85em;
  }
  .author {
    font-weight: 600;
  }
  time {
    color: var(--_muted);
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .list-status {
    margin-top: var(--_space);
  }
`;
