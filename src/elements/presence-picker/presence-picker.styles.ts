import { css } from 'lit';

export const presencePickerStyles = css`
  :host {
    display: inline-block;
    position: relative;
    max-width: 100%;
  }
  :host(:state(unavailable)) {
    display: none;
  }
  .root {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .current {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    max-width: 100%;
    text-align: start;
  }
  .current .text {
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .caret,
  .tick {
    display: inline-flex;
    margin-inline-start: auto;
  }
  .caret {
    color: var(--_muted);
  }
  .dot {
    flex: none;
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    border: 2px solid var(--_muted);
    background: transparent;
  }
  .dot[data-presence='available'] {
    border-color: var(--_success);
    background: var(--_success);
  }
  .dot[data-presence='busy'],
  .dot[data-presence='busy-dnd'] {
    border-color: var(--_danger);
    background: var(--_danger);
  }
  /* Do not disturb: a bar across the dot, so it is told apart without colour. */
  .dot[data-presence='busy-dnd'] {
    background: linear-gradient(var(--_danger) 38%, var(--_surface) 38% 62%, var(--_danger) 62%);
  }
  .dot[data-presence='away'] {
    border-color: var(--_warning);
    background: linear-gradient(90deg, var(--_warning) 50%, transparent 50%);
  }
  .dot[data-presence='inactive'] {
    border-style: dashed;
  }
  .meta {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.25) var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .meta .capacity {
    font-variant-numeric: tabular-nums;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    max-width: 28em;
  }
  .alert {
    margin: 0;
    color: var(--_danger);
  }
  .alert:empty {
    display: none;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 10;
    inset-inline-start: 0;
    top: calc(2.5em + var(--_space));
    min-width: min(18em, 100vw - 2 * var(--_space));
    max-width: min(24em, 100vw - 2 * var(--_space));
    max-height: 22em;
    overflow-y: auto;
    margin: 0;
    padding: calc(var(--_space) * 0.5) 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='listbox']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 0;
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    cursor: pointer;
    min-height: 32px;
  }
  [role='option'].custom {
    padding-inline-start: calc(var(--_space) * 4);
  }
  [role='option'][data-active] {
    background: var(--_surface-2);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [role='option'][aria-selected='true'] .label {
    font-weight: 600;
  }
  [role='option'][aria-disabled='true'] {
    cursor: default;
    color: var(--_muted);
    flex-wrap: wrap;
  }
  [role='option'] .why {
    flex-basis: 100%;
    font-size: 0.85em;
  }
  [role='group'] + [role='option'],
  [role='option'] + [role='group'],
  [role='group'] + [role='group'],
  .system {
    border-top: 1px solid var(--_border);
  }
`;
