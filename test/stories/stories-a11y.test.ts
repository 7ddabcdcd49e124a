import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ReactiveElement, TemplateResult } from 'lit';
import { Desk } from '../../src/core/desk/desk.js';
import { adopt } from '../harness.js';
import * as notification from '../../stories/conversation-notification.stories.js';
import * as panel from '../../stories/communication-panel.stories.js';
import * as picker from '../../stories/attachment-picker.stories.js';
import * as transcript from '../../stories/transcript.stories.js';
import * as customerForm from '../../stories/customer-form.stories.js';
import * as notes from '../../stories/conversation-notes.stories.js';
import * as recordSearch from '../../stories/record-search.stories.js';
import * as recordCreate from '../../stories/record-create.stories.js';
import * as transcriptSearch from '../../stories/transcript-search.stories.js';
import * as knowledgeSearch from '../../stories/knowledge-search.stories.js';
import * as smartAssist from '../../stories/smart-assist.stories.js';
import * as agentScript from '../../stories/agent-script.stories.js';
import * as sessionTabs from '../../stories/session-tabs.stories.js';
import * as sessionView from '../../stories/session-view.stories.js';
import * as shortcuts from '../../stories/shortcuts.stories.js';
import * as sentimentBadge from '../../stories/sentiment-badge.stories.js';
import * as quickReplies from '../../stories/quick-replies.stories.js';
import * as callControls from '../../stories/call-controls.stories.js';

type Loader = (context: unknown) => Promise<Record<string, unknown>> | Record<string, unknown>;
type Render = (args: Record<string, unknown>, context: { loaded: Record<string, unknown>; args: Record<string, unknown> }) => TemplateResult;
interface StoryLike {
  args?: Record<string, unknown>;
  loaders?: Loader | Loader[];
  render?: Render;
  play?: (context: { canvasElement: HTMLElement; loaded: Record<string, unknown>; args: Record<string, unknown> }) => Promise<void> | void;
}

const modules = { notification, panel, picker, transcript, customerForm, notes, recordSearch, recordCreate, transcriptSearch, knowledgeSearch, smartAssist, agentScript, sessionTabs, sessionView, shortcuts, sentimentBadge, quickReplies, callControls } as unknown as Record<string, Record<string, StoryLike> & { default: StoryLike }>;

/** Every element under `root`, through shadow roots. */
function deepElements(root: Element): Element[] {
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

/** Every custom element of the story is defined and has no render pending. */
function rendered(root: Element): boolean {
  return deepElements(root).every(
    (el) => !(el.localName.includes('-') && !customElements.get(el.localName)) && !(el as Partial<ReactiveElement>).isUpdatePending,
  );
}

/** The desks a story's loaders made (directly or in a stage object), so the harness disposes them after the test. */
function adoptDesks(loaded: Record<string, unknown>): void {
  for (const value of Object.values(loaded)) {
    if (value instanceof Desk) adopt(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) if (inner instanceof Desk) adopt(inner);
  }
}

/** Every story of every element renders, and axe finds nothing, as the Storybook a11y addon would check. */
describe('stories are accessible in every state', () => {
  for (const [name, module] of Object.entries(modules)) {
    const meta = module.default;
    for (const [storyName, story] of Object.entries(module)) {
      if (storyName === 'default' || typeof story !== 'object') continue;
      it(`${name}: ${storyName}`, async () => {
        const args = { ...meta.args, ...story.args };
        const loaders = [meta.loaders, story.loaders].flat().filter(Boolean) as Loader[];
        const loaded = Object.assign({}, ...(await Promise.all(loaders.map((load) => load({ args }))))) as Record<string, unknown>;
        adoptDesks(loaded);
        const render = story.render ?? meta.render;
        if (!render) throw new Error(`${name}/${storyName} has no render function`);
        const el = await fixture<HTMLElement>(html`<div>${render(args, { loaded, args })}</div>`);
        await story.play?.({ canvasElement: el, loaded, args });
        await waitUntil(() => rendered(el), 'the story never finished rendering');
        await expect(el).to.be.accessible();
      });
    }
  }
});
