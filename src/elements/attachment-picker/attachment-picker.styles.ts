import { css } from 'lit';

export const attachmentPickerStyles = css`
  :host {
    display: block;
  }
  :host(:state(unavailable)) {
    display: none;
  }
  .dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  :host(:state(dragging)) .dropzone {
    border-color: var(--_accent);
    background: var(--_surface-2);
  }
  .hint {
    color: var(--_muted);
  }
  .limits {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  ul:empty {
    display: none;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  li[data-state='rejected'],
  li[data-state='failed'] {
    border-inline-start-color: var(--_danger);
  }
  li[data-state='ready'] {
    border-inline-start-color: var(--_success);
  }
  li[data-state='uploading'] {
    border-inline-start-color: var(--_accent);
  }
  .status {
    grid-column: 1;
    grid-row: 1;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  li > button {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
  .reason,
  .error {
    color: var(--_danger);
  }
  .ready {
    color: var(--_success);
  }
  .detail {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }
  progress {
    grid-column: 1;
    grid-row: 2;
    width: 100%;
    height: 6px;
    accent-color: var(--_accent);
  }
`;
