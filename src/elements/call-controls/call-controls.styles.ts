/** Styles of `<cc-call-controls>`: plain text, so its lazy chunk imports nothing the page already has (Lit's `css`). */
export const callControlsCss = /* css */ `
  :host {
    display: block;
  }
  :host([compact]) {
    display: inline-flex;
    vertical-align: middle;
  }
  .call {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-2);
  }
  .call.ringing {
    border-color: var(--_accent);
    border-width: 2px;
  }
  .call.problem {
    border-color: var(--_danger);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .title {
    margin: 0;
    font-weight: 600;
  }
  .timer {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .problem-text {
    margin: 0;
    color: var(--_danger);
  }
  .media {
    position: relative;
    display: grid;
    background: #000;
    border-radius: var(--_radius);
    overflow: hidden;
    aspect-ratio: 4 / 3;
    /* The chat goes on below: the picture never takes most of the panel. */
    max-height: min(240px, 35vh);
    justify-self: center;
  }
  video {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .self {
    position: absolute;
    inset-block-end: var(--_space);
    inset-inline-end: var(--_space);
    width: 28%;
    height: auto;
    aspect-ratio: 4 / 3;
    border: 2px solid var(--_surface);
    border-radius: var(--_radius-1);
    scale: -1 1;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  details > summary {
    cursor: pointer;
    color: var(--_muted);
  }
  .devices {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-block-start: calc(var(--_space) * 0.5);
  }
  label {
    display: grid;
    gap: 2px;
  }
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: 32px;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0 0.5em;
    border-radius: 999px;
    font-size: 0.85em;
    line-height: 1.6;
    font-variant-numeric: tabular-nums;
    background: var(--_success);
    color: var(--_on-accent);
  }
  .badge.ringing {
    background: var(--_accent);
  }
  .badge.on-hold {
    background: var(--_warning);
  }
`;
