import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_avatar: var(--cc-customer-form-avatar-size, 48px);
  }

  .form {
    display: grid;
    gap: var(--_space);
  }
  .card {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    align-content: start;
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  h2,
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 0.85em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .identity {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .avatar {
    --cc-avatar-size: var(--_avatar);
  }
  .name {
    font-size: 1.2em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  dl {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  dt {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  dd {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  /* Long pre-chat questions read better above their answers than in a narrow label column. */
  dl.stacked {
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.25);
  }
  dl.stacked dd + dt {
    margin-block-start: calc(var(--_space) * 0.75);
  }
  dl.stacked dd {
    white-space: pre-line;
  }

  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .number {
    font-variant-numeric: tabular-nums;
  }
  .code {
    font-family: var(--cc-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 0.95em;
  }
  .title {
    font-weight: 600;
  }

  .badge,
  .chips li {
    display: inline-block;
    padding: 0 calc(var(--_space) * 0.75);
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface-2);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .state-open {
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .state-active {
    color: var(--_success);
    border-color: var(--_success);
  }
  .state-waiting,
  .state-wrap-up {
    color: var(--_warning);
    border-color: var(--_warning);
  }
  .state-closed {
    color: var(--_muted);
  }
  .badge.linked {
    color: var(--_accent);
    border-color: var(--_accent);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    list-style: none;
    padding: 0;
  }

  /* An empty live region stays in the tree (or later messages go unannounced) without leaving a gap. */
  .status:empty {
    margin-block-end: calc(var(--_space) * -0.75);
  }
  .retry {
    justify-self: start;
  }
  .records,
  .timeline {
    list-style: none;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .records li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
    overflow-wrap: anywhere;
  }
  .records .subtitle {
    flex-basis: 100%;
  }
  .timeline li {
    display: grid;
    grid-template-columns: minmax(4.5rem, max-content) minmax(0, 1fr);
    gap: var(--_space);
    overflow-wrap: anywhere;
  }
  .timeline time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  /* One row: in a column too narrow for both tabs, the row scrolls rather than wrapping. */
  [role='tablist'] {
    display: flex;
    gap: calc(var(--_space) * 0.25);
    border-block-end: 1px solid var(--_border);
    overflow-x: auto;
  }
  [role='tab'] {
    flex: none;
    white-space: nowrap;
    border: none;
    border-block-end: 3px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    margin-block-end: -1px;
    padding-inline: var(--_space);
    color: var(--_muted);
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_accent);
    color: inherit;
    font-weight: 600;
  }
  [role='tab']:hover {
    background: var(--_surface-2);
  }
  [role='tabpanel'] {
    padding-block-start: calc(var(--_space) * 0.5);
    border-radius: var(--_radius);
  }

  .empty {
    padding: calc(var(--_space) * 1.5);
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
`;
