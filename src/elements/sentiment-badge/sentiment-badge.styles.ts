/** Styles of `<cc-sentiment-badge>`. */
export const sentimentBadgeCss = /* css */ `
    :host {
      --_sentiment-negative: var(--cc-color-sentiment-negative, var(--_danger));
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      vertical-align: middle;
      font-size: 0.85em;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      padding: 0 calc(var(--_space) * 0.75);
      border: 1px solid currentColor;
      border-radius: 999px;
      line-height: 1.6;
      white-space: nowrap;
      color: var(--cc-color-sentiment-neutral, var(--_muted));
    }
    .icon {
      font-size: 0.75em;
      letter-spacing: -0.1em;
    }
    .badge[data-level$='negative'] {
      color: var(--_sentiment-negative);
    }
    .badge[data-level='slightly-negative'] {
      color: var(--cc-color-sentiment-slightly-negative, var(--_warning));
    }
    .badge[data-level$='positive'] {
      color: var(--cc-color-sentiment-positive, var(--_success));
    }
    .badge[data-level='very-negative'],
    .badge[data-level='very-positive'] {
      font-weight: 600;
    }
    .urgent {
      display: inline-grid;
      place-items: center;
      min-width: 1.6em;
      height: 1.6em;
      border-radius: 999px;
      background: var(--_sentiment-negative);
      color: var(--_surface);
      font-weight: 700;
    }
  `;

/** Styles of `<cc-sentiment-alert>`. */
export const sentimentAlertCss = /* css */ `
    :host {
      display: block;
      --_sentiment-negative: var(--cc-color-sentiment-negative, var(--_danger));
    }
    .alert {
      display: flex;
      align-items: center;
      gap: var(--_space);
      margin: 0;
      padding: calc(var(--_space) * 0.75) var(--_space);
      border-inline-start: 4px solid var(--_sentiment-negative);
      background: var(--_surface-2);
    }
    .icon {
      color: var(--_sentiment-negative);
    }
    p {
      flex: 1;
      margin: 0;
    }
  `;
