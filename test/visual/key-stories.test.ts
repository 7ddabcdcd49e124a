// The stopped clock goes first: some stories read the time when their module loads.
import { FIXED_NOW } from './fixed-clock.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { rendered, renderStory, type StoryModule } from '../stories/render-story.js';
import * as panel from '../../stories/communication-panel.stories.js';
import * as notification from '../../stories/conversation-notification.stories.js';
import * as customerForm from '../../stories/customer-form.stories.js';
import * as sessionTabs from '../../stories/session-tabs.stories.js';
import * as transcriptSearch from '../../stories/transcript-search.stories.js';

/**
 * Screenshots of the key stories compared with the committed pictures in test/visual/baselines/
 * (`npm run test:visual:update` writes them again after an intended change of the look). Every
 * story renders in the same 1024 × 768 page with a stopped clock, seeded data, one font, no motion
 * and no focus, so a picture only changes when the layout or the styles do.
 */

interface Shot {
  /** The baseline's file name (without .png). */
  name: string;
  module: unknown;
  story: string;
  /** Width of the box that is photographed (default 760 px). */
  width?: number;
}

const SHOTS: Shot[] = [
  { name: 'communication-panel-light', module: panel, story: 'Active' },
  { name: 'communication-panel-dark', module: panel, story: 'Dark' },
  { name: 'communication-panel-polish', module: panel, story: 'Polish' },
  { name: 'communication-panel-side-pane', module: panel, story: 'SidePane', width: 360 },
  { name: 'offer-light', module: notification, story: 'Incoming' },
  { name: 'offer-side-pane', module: notification, story: 'SidePane', width: 360 },
  { name: 'customer-form', module: customerForm, story: 'ConversationView' },
  { name: 'session-tabs', module: sessionTabs, story: 'Unread' },
  { name: 'transcript-search-results', module: transcriptSearch, story: 'ManyResults' },
];

/** One font on every machine (it ships with Chromium's Debian dependencies), and nothing that moves. */
const PAGE_STYLE = `
  body { margin: 0; }
  .shot {
    box-sizing: border-box;
    padding: 8px;
    background: #ffffff;
    font-family: 'DejaVu Sans', sans-serif;
    --cc-font-family: 'DejaVu Sans', sans-serif;
    --cc-font-family-mono: 'DejaVu Sans Mono', monospace;
    --cc-font-mono: 'DejaVu Sans Mono', monospace;
  }
`;

/** No caret and no focus ring: the focused element, however deep in shadow roots, loses focus. */
function blurAll(): void {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  (active as HTMLElement | null)?.blur?.();
}

/** Transitions and animations jump to their end (endless ones are stopped). */
function finishAnimations(): void {
  for (const animation of document.getAnimations()) {
    try {
      animation.finish();
    } catch {
      animation.cancel();
    }
  }
}

const frame = (): Promise<number> => new Promise(requestAnimationFrame);

describe('key stories look as in their baselines', () => {
  let style: HTMLStyleElement;

  before(async () => {
    await setViewport({ width: 1024, height: 768 });
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    style = document.createElement('style');
    style.textContent = PAGE_STYLE;
    document.head.append(style);
  });

  after(async () => {
    style.remove();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('runs on the stopped clock', () => {
    expect(Date.now()).to.equal(FIXED_NOW);
    expect(new Date().getTime()).to.equal(FIXED_NOW);
  });

  for (const shot of SHOTS) {
    it(shot.name, async () => {
      const module = shot.module as StoryModule;
      const story = module[shot.story];
      if (!story) throw new Error(`No story ${shot.story}`);
      // The images too must have loaded (or failed) before the picture is taken.
      const el = await renderStory(module.default, story, {
        label: shot.story,
        images: true,
        box: (content) => html`<div class="shot" style="width: ${shot.width ?? 760}px">${content}</div>`,
      });
      await document.fonts.ready;
      blurAll();
      finishAnimations();
      // Two frames: layout that follows a render (virtualized rows, measured heights) settles.
      await frame();
      await frame();
      await waitUntil(() => rendered(el, { images: true }), 'the story kept rendering');
      finishAnimations();
      await visualDiff(el, shot.name);
    });
  }
});
