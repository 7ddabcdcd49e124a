/**
 * The transcript beside its peers (bench only; nothing here is part of the package): `<cc-transcript>`,
 * `@lit-labs/virtualizer`, `react-virtuoso` and plain Lit `repeat` (the floor), each showing the same
 * messages with similar bubble markup and CSS in the same 720×600 box. bench/sections/panel.mjs drives
 * it through `window.peers`: it mounts one contender at a time, appends, records frames while it sends
 * real wheel events, and reads DOM size and heap.
 */
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { createElement, createRef, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { SimulatedTransport } from '../src/transports/simulated/index.js';
import type { Message } from '../src/core/model.js';
import '../src/elements/transcript/define.js';
import type { CcTranscript } from '../src/elements/transcript/transcript.js';
import { afterPaint, nextFrame } from './frames.js';

type Kind = 'ours' | 'virtualizer' | 'virtuoso' | 'lit-map';

const stage = () => document.getElementById('stage')!;

// ---- data: the same messages for every contender ----

let transport: SimulatedTransport | undefined;
let conversationId = '';
let list: Message[];
let appended = 0;

function makeData(count: number): number {
  transport = new SimulatedTransport({ seed: 42 });
  conversationId = transport.startConversation({ locale: 'pl' }).id;
  list = transport.seedTranscript(conversationId, count);
  appended = 0;
  return list.length;
}

function newMessage(): Message {
  const i = appended++;
  const author = i % 2 === 0 ? 'customer' : 'agent';
  return {
    id: `bench-new-${i}`,
    conversationId,
    author,
    kind: 'text',
    text: `Nowa wiadomość ${i}: czy zamówienie już wyszło? ${'tekst '.repeat(i % 7)}`,
    at: list[list.length - 1]!.at + 30_000,
    ...(author === 'agent' ? { status: 'read' as const } : {}),
  };
}

// ---- the peers' row: the transcript's markup (header, bubble, time), plain text ----

const time = new Intl.DateTimeFormat('pl', { hour: '2-digit', minute: '2-digit' });
const groupStart = (items: readonly Message[], i: number) => {
  const prev = items[i - 1];
  const m = items[i]!;
  return !prev || prev.author !== m.author || m.at - prev.at > 5 * 60_000;
};
const name = (m: Message) => (m.author === 'customer' ? 'Klient' : 'Agent');

const litRow = (items: readonly Message[], m: Message, i: number) => {
  const start = groupStart(items, i);
  return html`<div class="row ${m.author} ${start ? 'group-start' : ''}" data-key=${m.id}>
    ${start ? html`<div class="header">${name(m)}</div>` : html`<span class="visually-hidden">${name(m)}:</span>`}
    <div class="bubble"><span class="text" dir="auto">${m.text}</span></div>
    <div class="meta"><time>${time.format(m.at)}</time></div>
  </div>`;
};

function reactRow(items: readonly Message[], m: Message, i: number): ReactElement {
  const start = groupStart(items, i);
  return createElement(
    'div',
    { className: `row ${m.author} ${start ? 'group-start' : ''}`, 'data-key': m.id },
    start ? createElement('div', { className: 'header' }, name(m)) : createElement('span', { className: 'visually-hidden' }, `${name(m)}:`),
    createElement('div', { className: 'bubble' }, createElement('span', { className: 'text', dir: 'auto' }, m.text)),
    createElement('div', { className: 'meta' }, createElement('time', null, time.format(m.at))),
  );
}

// ---- contenders ----

interface Contender {
  scroller(): HTMLElement;
  rows(): HTMLElement[];
  set(items: Message[]): Promise<void>;
  /** Keeps the newest row in view after an append, as a host would with this library. */
  follow(): void;
  dom(): number;
  dispose(): void;
}

let current: Contender | undefined;
let reactRoot: Root | undefined;

function mountOurs(items: Message[]): Contender {
  const el = document.createElement('cc-transcript') as CcTranscript;
  el.customerName = 'Klient';
  el.messages = items;
  stage().append(el);
  const root = () => el.shadowRoot!;
  return {
    scroller: () => root().querySelector<HTMLElement>('.scroller')!,
    rows: () => [...root().querySelectorAll<HTMLElement>('.row')],
    async set(next) {
      el.messages = next;
      await el.updateComplete;
    },
    follow() {},
    dom: () => root().querySelectorAll('*').length + 1,
    dispose: () => el.remove(),
  };
}

function mountVirtualizer(items: Message[]): Contender {
  const host = document.createElement('div');
  host.className = 'peer';
  stage().append(host);
  let data = items;
  const draw = () =>
    render(
      html`<lit-virtualizer scroller class="scroll" .items=${data} .keyFunction=${(m: Message) => m.id} .renderItem=${(m: Message, i: number) => litRow(data, m, i)}></lit-virtualizer>`,
      host,
    );
  draw();
  const v = host.querySelector('lit-virtualizer') as LitVirtualizer;
  const toEnd = () => v.element(data.length - 1)?.scrollIntoView({ block: 'end' });
  toEnd();
  return {
    scroller: () => v,
    rows: () => [...host.querySelectorAll<HTMLElement>('.row')],
    async set(next) {
      data = next;
      draw();
      await v.updateComplete;
    },
    follow: toEnd,
    dom: () => host.querySelectorAll('*').length,
    dispose: () => {
      render(html``, host);
      host.remove();
    },
  };
}

function mountVirtuoso(items: Message[]): Contender {
  const host = document.createElement('div');
  host.className = 'peer';
  stage().append(host);
  reactRoot = createRoot(host);
  const root = reactRoot;
  const handle = createRef<VirtuosoHandle>();
  let last = items.length - 1;
  const draw = (data: Message[]) =>
    flushSync(() =>
      root.render(
        createElement(Virtuoso<Message>, {
          ref: handle,
          className: 'scroll',
          data,
          initialTopMostItemIndex: data.length - 1,
          followOutput: 'auto',
          computeItemKey: (_i: number, m: Message) => m.id,
          itemContent: (i: number, m: Message) => reactRow(data, m, i),
        }),
      ),
    );
  draw(items);
  return {
    scroller: () => host.querySelector<HTMLElement>('.scroll')!,
    rows: () => [...host.querySelectorAll<HTMLElement>('.row')],
    async set(next) {
      last = next.length - 1;
      draw(next);
    },
    follow: () => handle.current?.scrollToIndex({ index: last, align: 'end' }),
    dom: () => host.querySelectorAll('*').length,
    dispose: () => {
      root.unmount();
      host.remove();
    },
  };
}

function mountLitMap(items: Message[]): Contender {
  const host = document.createElement('div');
  host.className = 'peer scroll';
  stage().append(host);
  const draw = (data: Message[]) =>
    render(
      repeat(
        data,
        (m) => m.id,
        (m, i) => litRow(data, m, i),
      ),
      host,
    );
  draw(items);
  const toEnd = () => (host.scrollTop = host.scrollHeight);
  toEnd();
  return {
    scroller: () => host,
    rows: () => [...host.querySelectorAll<HTMLElement>('.row')],
    async set(next) {
      draw(next);
    },
    follow: toEnd,
    dom: () => host.querySelectorAll('*').length,
    dispose: () => {
      render(html``, host);
      host.remove();
    },
  };
}

const mounts: Record<Kind, (items: Message[]) => Contender> = {
  ours: mountOurs,
  virtualizer: mountVirtualizer,
  virtuoso: mountVirtuoso,
  'lit-map': mountLitMap,
};

/** The newest row (this one, if given) is laid out wholly inside the scroller. */
function newestVisible(c: Contender, key?: string): boolean {
  const want = key ?? list[list.length - 1]!.id;
  const last = c.rows().find((r) => r.dataset['key'] === want);
  if (!last) return false;
  const view = c.scroller().getBoundingClientRect();
  const rect = last.getBoundingClientRect();
  return rect.height > 0 && rect.top >= view.top - 0.5 && rect.bottom <= view.bottom + 0.5;
}

async function mount(kind: Kind): Promise<{ firstFrameMs: number; newestVisible: boolean }> {
  current?.dispose();
  current = undefined;
  await afterPaint();
  const start = performance.now();
  current = mounts[kind](list);
  const firstFrame = (await afterPaint()) - start;
  // Some peers settle on the newest row over a few frames: give them up to a second.
  const t0 = performance.now();
  while (!newestVisible(current) && performance.now() - t0 < 2000) {
    await nextFrame();
    current.follow();
  }
  return { firstFrameMs: firstFrame, newestVisible: newestVisible(current) };
}

async function append(times: number): Promise<number[]> {
  const c = current!;
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const message = newMessage();
    const t0 = performance.now();
    list = [...list, message];
    await c.set(list);
    c.follow();
    while (!newestVisible(c, message.id)) {
      await nextFrame();
      c.follow();
      if (performance.now() - t0 > 3000) throw new Error(`message ${i} never became visible`);
    }
    out.push(performance.now() - t0);
    await afterPaint();
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
  }
  return out;
}

// ---- frames while scrolling ----

let frames: number[] = [];
let longFrames: number[] = [];
let recording = false;
let observer: PerformanceObserver | undefined;

function startFrames(): { scrollTop: number; x: number; y: number } {
  frames = [];
  longFrames = [];
  recording = true;
  const tick = (t: number) => {
    if (!recording) return;
    frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  observer = new PerformanceObserver((entries) => {
    for (const e of entries.getEntries()) longFrames.push(e.duration);
  });
  try {
    observer.observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    observer.observe({ type: 'longtask', buffered: false });
  }
  const scroller = current!.scroller();
  const box = scroller.getBoundingClientRect();
  return { scrollTop: scroller.scrollTop, x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

async function stopFrames(): Promise<{ long: number[][]; longestFrameMs: number; droppedFrames: number; longestLoafMs: number }> {
  await afterPaint();
  recording = false;
  observer?.disconnect();
  const deltas: number[] = [];
  for (let i = 1; i < frames.length; i++) deltas.push(frames[i]! - frames[i - 1]!);
  const interval = 1000 / 60;
  // A frame of k intervals stands for k − 1 frames that were never produced.
  const dropped = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / interval) - 1), 0);
  const long = deltas.flatMap((d, i) => (d > 50 ? [[Math.round(frames[i]! - frames[0]!), Math.round(d)]] : []));
  return {
    long,
    longestFrameMs: Math.max(0, ...deltas),
    droppedFrames: dropped,
    longestLoafMs: Math.max(0, ...longFrames),
  };
}

function scrollTop(): number {
  return current!.scroller().scrollTop;
}

function dom(): number {
  return current!.dom();
}

function heap(): number {
  (window as unknown as { gc?: () => void }).gc?.();
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

function unmount(): void {
  current?.dispose();
  current = undefined;
}

Object.assign(window, { peers: { makeData, mount, append, startFrames, stopFrames, scrollTop, dom, heap, unmount } });
