import { css } from 'lit';

export const recordCreateStyles = css`
  :host {
    display: block;
  }
  :host(:state(unavailable)) {
    display: none;
  }
  form {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .title {
    margin: 0;
    font-weight: 600;
    font-size: 1.05em;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  label {
    font-weight: 600;
  }
  .required {
    font-weight: normal;
    color: var(--_muted);
  }
  input:not([type='checkbox']),
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5);
    min-height: 32px;
    width: 100%;
  }
  textarea {
    resize: vertical;
    min-height: 5lh;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .error,
  .alert {
    color: var(--_danger);
  }
  .error {
    margin: 0;
  }
  .alert {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  .alert:empty {
    display: none;
  }
  .alert p,
  .alert ul {
    margin: 0;
  }
  .alert ul {
    padding-inline-start: 1.25em;
  }
  .detail {
    color: var(--_muted);
  }
  .check {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    font-weight: normal;
  }
  .check input {
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .notice {
    margin: 0;
    color: var(--_success);
  }
  .notice.warning {
    color: var(--_warning);
  }
  .notice:empty {
    display: none;
  }
`;
