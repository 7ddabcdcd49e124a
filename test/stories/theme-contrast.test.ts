import { expect, fixture, html } from '@open-wc/testing';
import { renderStory, type StoryLike, type StoryModule } from './render-story.js';
import * as panel from '../../stories/communication-panel.stories.js';
import * as notification from '../../stories/conversation-notification.stories.js';
import * as customerForm from '../../stories/customer-form.stories.js';
import * as sessionTabs from '../../stories/session-tabs.stories.js';
import * as transcriptSearch from '../../stories/transcript-search.stories.js';
import * as sentimentBadge from '../../stories/sentiment-badge.stories.js';
import * as workItems from '../../stories/work-items.stories.js';
import * as rightToLeft from '../../stories/right-to-left.stories.js';
import * as theming from '../../stories/theming.stories.js';
import { themeClasses, themePages } from '../../stories/themes/themes.js';

/**
 * Every example theme (stories/themes/*.css, the Storybook theme switcher's) keeps text readable:
 * axe's colour-contrast rule, alone, on the key stories under each theme, applied as a host page
 * would: the theme's class on <html> and the page's colour scheme and background.
 */

const KEY_STORIES: [module: unknown, story: string][] = [
  [panel, 'Active'],
  [panel, 'FailedMessage'],
  [panel, 'WrapUpWithCodes'],
  [notification, 'Incoming'],
  [customerForm, 'ConversationView'],
  [sessionTabs, 'Unread'],
  [transcriptSearch, 'ManyResults'],
  [sentimentBadge, 'AllLevels'],
  [workItems, 'Several'],
  [rightToLeft, 'PanelAndOffer'],
];

const THEME_FILES: Record<string, string> = {
  light: 'light.css',
  dark: 'dark.css',
  'high contrast': 'high-contrast.css',
  brand: 'brand.css',
};

interface AxeLike {
  run(
    context: Element,
    options: { runOnly: { type: 'rule'; values: string[] }; resultTypes: string[] },
  ): Promise<{ violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[]; passes: unknown[] }>;
}

async function axe(): Promise<AxeLike> {
  const page = window as unknown as { axe?: AxeLike };
  if (!page.axe) await import('axe-core/axe.min.js' as string);
  return page.axe!;
}

/** A story as Storybook would render it (without its play function), once every element in it has rendered. */
const renderKeyStory = (stories: StoryModule, storyName: string): Promise<HTMLElement> =>
  renderStory(stories.default, stories[storyName]!, { label: storyName, play: false });

describe('the theming and right-to-left guide stories are accessible', () => {
  for (const [name, module] of Object.entries({ theming, rightToLeft })) {
    const stories = module as unknown as StoryModule;
    for (const storyName of Object.keys(stories).filter((key) => key !== 'default')) {
      it(`${name}: ${storyName}`, async () => {
        const el = await renderKeyStory(stories, storyName);
        await expect(el).to.be.accessible();
      });
    }
  }
});

describe('every theme passes axe colour contrast on the key stories', () => {
  const style = document.createElement('style');
  const root = document.documentElement;

  before(async () => {
    const sheets = await Promise.all(Object.values(THEME_FILES).map((file) => fetch(`/stories/themes/${file}`).then((r) => r.text())));
    style.textContent = sheets.join('\n');
    document.head.append(style);
  });

  after(() => {
    style.remove();
    root.classList.remove(...Object.values(themeClasses));
    root.style.colorScheme = '';
    document.body.style.background = '';
  });

  for (const [theme, className] of Object.entries(themeClasses)) {
    describe(theme, () => {
      before(() => {
        root.classList.remove(...Object.values(themeClasses));
        root.classList.add(className);
        root.style.colorScheme = themePages[theme]!.scheme;
        document.body.style.background = themePages[theme]!.background;
      });

      it('is applied: its tokens reach the elements', async () => {
        const probe = await fixture<HTMLElement>(html`<div></div>`);
        expect(getComputedStyle(probe).getPropertyValue('--cc-color-surface').trim()).not.to.equal('');
      });

      for (const [module, storyName] of KEY_STORIES) {
        const stories = module as StoryModule;
        it(`${String(stories.default['title' as keyof StoryLike] ?? '')}: ${storyName}`, async () => {
          const el = await renderKeyStory(stories, storyName);
          const results = await (await axe()).run(el, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
          const failures = results.violations.flatMap((v) => v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
          expect(failures, failures.join('\n')).to.deep.equal([]);
        });
      }
    });
  }
});
