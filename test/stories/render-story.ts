import { fixture, html, waitUntil } from '@open-wc/testing';
import type { ReactiveElement, TemplateResult } from 'lit';
import { Desk } from '../../src/core/desk/desk.js';
import { adopt } from '../harness.js';

/** What the story tests use of a Storybook story (and of a module's default export, its meta). */
export type Loader = (context: unknown) => Promise<Record<string, unknown>> | Record<string, unknown>;
export type Render = (args: Record<string, unknown>, context: { loaded: Record<string, unknown>; args: Record<string, unknown> }) => TemplateResult;
export interface StoryLike {
  args?: Record<string, unknown>;
  loaders?: Loader | Loader[];
  render?: Render;
  /** Runs before the loaders; what it returns runs after the test. */
  beforeEach?: () => void | (() => void) | Promise<void | (() => void)>;
  play?: (context: { canvasElement: HTMLElement; loaded: Record<string, unknown>; args: Record<string, unknown> }) => Promise<void> | void;
}
/** What the stories' `beforeEach` returned: undone after each test. */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

export type StoryModule = Record<string, StoryLike> & { default: StoryLike };

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

/**
 * Every custom element under `root` is defined and has no render pending; with `images`, every
 * image has also loaded (or failed).
 */
export function rendered(root: Element, { images = false }: { images?: boolean } = {}): boolean {
  return deepElements(root).every(
    (el) =>
      !(el.localName.includes('-') && !customElements.get(el.localName)) &&
      !(el as Partial<ReactiveElement>).isUpdatePending &&
      !(images && el instanceof HTMLImageElement && !el.complete),
  );
}

/** The desks a story's loaders made (directly or in a stage object), so the harness disposes them after the test. */
function adoptDesks(loaded: Record<string, unknown>): void {
  for (const value of Object.values(loaded)) {
    if (value instanceof Desk) adopt(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) if (inner instanceof Desk) adopt(inner);
  }
}

/** The stories of a module: every export but the default (the meta) that is an object. */
export function storiesOf(module: StoryModule): [name: string, story: StoryLike][] {
  return Object.entries(module).filter(([name, story]) => name !== 'default' && typeof story === 'object');
}

export interface RenderOptions {
  /** Names the story in errors. */
  label: string;
  /** Runs the story's play function once it is in the page (default true). */
  play?: boolean;
  /** Waits for the images too (see `rendered`). */
  images?: boolean;
  /** The box the story renders in (default a plain <div>). */
  box?: (story: TemplateResult) => TemplateResult;
}

/**
 * A story as Storybook would render it (the meta's and the story's args and loaders, the story's or
 * the meta's render, then its play function), once every element in it has rendered.
 */
export async function renderStory(
  meta: StoryLike,
  story: StoryLike,
  { label, play = true, images = false, box = (content) => html`<div>${content}</div>` }: RenderOptions,
): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args };
  for (const before of [meta.beforeEach, story.beforeEach]) {
    const cleanup = await before?.();
    if (cleanup) cleanups.push(cleanup);
  }
  const loaders = [meta.loaders, story.loaders].flat().filter(Boolean) as Loader[];
  const loaded = Object.assign({}, ...(await Promise.all(loaders.map((load) => load({ args }))))) as Record<string, unknown>;
  adoptDesks(loaded);
  const render = story.render ?? meta.render;
  if (!render) throw new Error(`${label} has no render function`);
  const el = await fixture<HTMLElement>(box(render(args, { loaded, args })));
  if (play) await story.play?.({ canvasElement: el, loaded, args });
  await waitUntil(() => rendered(el, { images }), 'the story never finished rendering');
  return el;
}
