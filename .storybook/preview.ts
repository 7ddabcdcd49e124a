import { withThemeByClassName } from '@storybook/addon-themes';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { ElementDocs } from './element-docs.js';
import { themeClasses, themePages } from '../stories/themes/themes.js';
import '../stories/themes/light.css';
import '../stories/themes/dark.css';
import '../stories/themes/high-contrast.css';
import '../stories/themes/brand.css';

// Controls and docs tables come from the analyzer's manifest (`@internal` members are left out).
setCustomElementsManifest(manifest);

// One Lit (see viteFinal in main.ts): a second copy would fail every story, not only warn in the console.
const litCopies = (): number => (globalThis as { litHtmlVersions?: string[] }).litHtmlVersions?.length ?? 0;

const preview: Preview = {
  // Every element gets a Docs page generated from the manifest (element-docs.ts).
  tags: ['autodocs'],
  parameters: {
    docs: { page: ElementDocs, source: { type: 'dynamic', language: 'html' } },
    // axe runs on every story; a violation fails the story's a11y check.
    a11y: { test: 'error' },
    controls: { expanded: true },
    // Where the elements live: a CRM's side pane (and a short one), or a whole page.
    viewport: {
      options: {
        crmSidePane: { name: 'CRM side pane 360 × 640', styles: { width: '360px', height: '640px' }, type: 'mobile' },
        shortSidePane: { name: 'Short side pane 360 × 400', styles: { width: '360px', height: '400px' }, type: 'mobile' },
        fullPage: { name: 'Full page', styles: { width: '100%', height: '100%' }, type: 'desktop' },
      },
    },
  },
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'pl', title: 'Polski' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Light or dark page (the light theme follows it; the other themes choose their own)',
      toolbar: {
        title: 'Scheme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction of the page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', scheme: 'light', direction: 'ltr' },
  decorators: [
    // The theme switcher (toolbar): a class on <html> whose stylesheet sets only --cc-* tokens.
    withThemeByClassName({ themes: themeClasses, defaultTheme: 'light' }),
    (story, context) => {
      if (litCopies() > 1) throw new Error(`Multiple versions of Lit loaded (${litCopies()} copies of lit-html)`);
      const root = document.documentElement;
      // The page around the elements follows the theme: its scheme (native controls) and background.
      const theme = String(context.globals['theme'] ?? 'light');
      const page = theme === 'light' && context.globals['scheme'] === 'dark' ? themePages['dark']! : (themePages[theme] ?? themePages['light']!);
      const scheme = page.scheme;
      // Elements resolve their language from the nearest `lang`, the page's included.
      root.lang = context.globals['locale'] === 'pl' ? 'pl' : 'en';
      // Elements mirror under an ancestor's `dir` (logical properties throughout).
      root.dir = context.globals['direction'] === 'rtl' ? 'rtl' : 'ltr';
      root.dataset['ccScheme'] = scheme;
      root.style.colorScheme = scheme;
      document.body.style.background = page.background;
      return story();
    },
  ],
};

export default preview;
