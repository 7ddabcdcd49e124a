/**
 * The example themes of the theming page and the toolbar's theme switcher. Each is a class whose
 * stylesheet (beside this file) sets only `--cc-*` tokens; the page around the elements (its
 * `color-scheme`, for native controls, and its background) is the host's own choice.
 */
export const themeClasses: Record<string, string> = {
  light: 'cc-theme-light',
  dark: 'cc-theme-dark',
  'high contrast': 'cc-theme-high-contrast',
  brand: 'cc-theme-brand',
};

/** The host page each theme sits on. */
export const themePages: Record<string, { scheme: 'light' | 'dark'; background: string }> = {
  light: { scheme: 'light', background: '#ffffff' },
  dark: { scheme: 'dark', background: '#121418' },
  'high contrast': { scheme: 'dark', background: '#000000' },
  brand: { scheme: 'light', background: '#f7f4fb' },
};
