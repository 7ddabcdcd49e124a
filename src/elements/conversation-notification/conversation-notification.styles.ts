import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-inline-size: var(--cc-notification-width, 24rem);
  }
  /* Nothing to show: no box at all, while the live region stays in the tree so announcements still work. */
  :host(:state(idle)) {
    display: contents;
  }
  /* Overlay: the element keeps no height; its cards float down over what follows it. */
  :host([overlay]) {
    block-size: 0;
    z-index: var(--cc-notification-z-index, 10);
  }
  :host([overlay]) .stack {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    max-block-size: var(--cc-notification-max-height, 80vh);
    overflow: auto;
    overscroll-behavior: contain;
    /* Room for the stacked edges and the shadow inside the scroll box. */
    padding-block-end: 12px;
  }

  .card,
  .missed {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--cc-shadow, 0 4px 16px rgb(0 0 0 / 0.18));
  }
  .card {
    border-block-start: 4px solid var(--_accent);
  }
  /* More offers wait behind this one: their edges show under the card, one line says how many. */
  .card.stacked {
    box-shadow:
      0 5px 0 -1px var(--_surface),
      0 5px 0 0 var(--_border),
      0 10px 0 -2px var(--_surface),
      0 10px 0 -1px var(--_border),
      var(--cc-shadow, 0 4px 16px rgb(0 0 0 / 0.18));
    margin-block-end: 10px;
  }
  .missed {
    border-block-start: 4px solid var(--_warning);
  }
  .missed + .card {
    margin-block-start: var(--_space);
  }

  h2,
  h3,
  p,
  ul,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 1em;
    font-weight: 600;
    color: var(--_muted);
  }
  h3 {
    font-size: 0.9em;
    font-weight: 600;
  }

  header {
    display: flex;
    gap: var(--_space);
    align-items: center;
    min-inline-size: 0;
  }
  header > div {
    min-inline-size: 0;
  }
  .avatar {
    --cc-avatar-size: 40px;
  }
  .name {
    font-size: 1.15em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .channel,
  .meta dt,
  .muted {
    color: var(--_muted);
  }

  .meta {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 0.25) var(--_space);
  }
  .meta dd {
    overflow-wrap: anywhere;
    font-variant-numeric: tabular-nums;
  }

  .preview {
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface-2);
    border-radius: var(--_radius);
  }
  /* Clamped visually only: the whole message stays in the DOM for screen readers and in the tooltip. */
  .preview-text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }

  .countdown {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    font-variant-numeric: tabular-nums;
  }
  progress {
    inline-size: 100%;
    block-size: 6px;
    appearance: none;
    border: none;
    border-radius: 3px;
    overflow: hidden;
    background: var(--_surface-2);
    accent-color: var(--_accent);
  }
  progress::-webkit-progress-bar {
    background: var(--_surface-2);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
    transition: inline-size 1s linear;
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  .urgent progress::-webkit-progress-value {
    background: var(--_danger);
  }
  .urgent progress::-moz-progress-bar {
    background: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .actions button {
    flex: 1 1 auto;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .error {
    color: var(--_danger);
  }
  .more {
    font-weight: 600;
  }

  .others {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
  }
  .others ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .others li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.5);
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_space) * 0.75);
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface-2);
    font-size: 0.85em;
  }
`;
