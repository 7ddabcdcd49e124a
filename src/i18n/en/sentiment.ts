import type { Catalog } from '../catalog.js';

/** English strings of `<cc-sentiment-badge>` and `<cc-sentiment-alert>` (F14). */
export const sentimentStrings: Pick<Catalog, 'sentiment'> = {
  sentiment: {
    levels: {
      'very-negative': 'Very negative',
      negative: 'Negative',
      'slightly-negative': 'Slightly negative',
      neutral: 'Neutral',
      'slightly-positive': 'Slightly positive',
      positive: 'Positive',
      'very-positive': 'Very positive',
    },
    label: 'Customer sentiment:',
    urgent: 'Needs urgent attention',
    alertTitle: 'The customer seems upset',
    alert: (level) => `Sentiment: ${level}. Acknowledge the problem and say what happens next.`,
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss the sentiment alert',
  },
};
