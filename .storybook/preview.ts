import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Controls and docs tables come from the analyzer's manifest (`@internal` members are left out).
setCustomElementsManifest(manifest);

const backgrounds = { light: '#ffffff', dark: '#121418' } as const;

const preview: Preview = {
  parameters: {
    // axe runs on every story; a violation fails the story's a11y check.
    a11y: { test: 'error' },
    controls: { expanded: true },
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
      description: 'Light or dark page',
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
  },
  initialGlobals: { locale: 'en', scheme: 'light' },
  decorators: [
    (story, context) => {
      const root = document.documentElement;
      const scheme = context.globals['scheme'] === 'dark' ? 'dark' : 'light';
      // Elements resolve their language from the nearest `lang`, the page's included.
      root.lang = context.globals['locale'] === 'pl' ? 'pl' : 'en';
      root.dataset['ccScheme'] = scheme;
      root.style.colorScheme = scheme;
      document.body.style.background = backgrounds[scheme];
      return story();
    },
  ],
};

export default preview;
