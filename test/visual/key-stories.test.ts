// The stopped clock goes first: some stories read the time when their module loads.
import { FIXED_NOW } from './fixed-clock.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import type { ReactiveElement, TemplateResult } from 'lit';
import { Desk } from '../../src/core/desk/desk.js';
import { adopt } from '../harness.js';
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

type Loader = (context: unknown) => Promise<Record<string, unknown>> | Record<string, unknown>;
type Render = (args: Record<string, unknown>, context: { loaded: Record<string, unknown>; args: Record<string, unknown> }) => TemplateResult;
interface StoryLike {
  args?: Record<string, unknown>;
  loaders?: Loader | Loader[];
  render?: Render;
  play?: (context: { canvasElement: HTMLElement; loaded: Record<string, unknown>; args: Record<string, unknown> }) => Promise<void> | void;
}
type StoryModule = Record<string, StoryLike> & { default: StoryLike };

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

/** Every element under `root`, through shadow roots. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot): void => {
    for (const child of node.children) {
      found.push(child);
      visit(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** Every custom element is defined, has no render pending, and every image has loaded (or failed). */
function rendered(root: Element): boolean {
  return deepElements(root).every(
    (el) =>
      !(el.localName.includes('-') && !customElements.get(el.localName)) &&
      !(el as Partial<ReactiveElement>).isUpdatePending &&
      !(el instanceof HTMLImageElement && !el.complete),
  );
}

/** The desks a story's loaders made (directly or in a stage object), so the harness disposes them after the test. */
function adoptDesks(loaded: Record<string, unknown>): void {
  for (const value of Object.values(loaded)) {
    if (value instanceof Desk) adopt(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) if (inner instanceof Desk) adopt(inner);
  }
}

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
      const meta = module.default;
      const story = module[shot.story];
      if (!story) throw new Error(`No story ${shot.story}`);
      const args = { ...meta.args, ...story.args };
      const loaders = [meta.loaders, story.loaders].flat().filter(Boolean) as Loader[];
      const loaded = Object.assign({}, ...(await Promise.all(loaders.map((load) => load({ args }))))) as Record<string, unknown>;
      adoptDesks(loaded);
      const render = story.render ?? meta.render;
      if (!render) throw new Error(`${shot.story} has no render function`);
      const el = await fixture<HTMLElement>(
        html`<div class="shot" style="width: ${shot.width ?? 760}px">${render(args, { loaded, args })}</div>`,
      );
      await story.play?.({ canvasElement: el, loaded, args });
      await waitUntil(() => rendered(el), 'the story never finished rendering');
      await document.fonts.ready;
      blurAll();
      finishAnimations();
      // Two frames: layout that follows a render (virtualized rows, measured heights) settles.
      await frame();
      await frame();
      await waitUntil(() => rendered(el), 'the story kept rendering');
      finishAnimations();
      await visualDiff(el, shot.name);
    });
  }
});
