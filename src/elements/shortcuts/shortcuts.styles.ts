import { css } from 'lit';

export const shortcutsStyles = css`
  :host {
    display: inline-block;
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    padding: calc(var(--_space) * 2);
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.15em;
  }
  p {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  dl {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(8em, auto) 1fr;
    gap: var(--_space);
    align-items: baseline;
  }
  dt,
  dd {
    margin: 0;
  }
  kbd {
    font-family: inherit;
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 4px;
    background: var(--_surface-2);
  }
  form {
    display: flex;
    justify-content: flex-end;
  }
`;
