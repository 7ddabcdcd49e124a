/**
 * Runs in Chromium (production build). 100 KB of adversarial Messenger markdown, pattern by pattern:
 * the parser on all of it, a transcript receiving it as one message, and "Show more" pressed on it.
 * Each is timed as the one task it runs in (script, Lit's update and the layout it forces), after
 * one warm-up with ordinary text; medians of 5 rounds, and the slowest transcript task of any round. Results go to `window.richTextResults`
 * for bench/run.mjs to print.
 */
import type { Message } from '../src/core/model.js';
import '../src/elements/transcript/define.js';
import type { CcTranscript } from '../src/elements/transcript/transcript.js';
import { parseRichText } from '../src/elements/transcript/rich-text.js';

interface Row {
  pattern: string;
  chars: number;
  parseMs: number;
  renderMs: number;
  showMoreMs: number;
}

const SIZE = 100 * 1024;
const ROUNDS = 5;
/** Openers that never close, closers that never open, spans in spans, URLs in spans, fences, long punctuation runs. */
const PATTERNS = [' *a', '*a', ' _a', '*a* ', ' *_~a', '`a', '```a', ' *https://x.io/_a', '*', ' *', `https://a.io/${'.'.repeat(99)}`];

/** A fresh task, so the time measured is that task alone. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function measure(pattern: string, round: number): Promise<Row> {
  const text = pattern.repeat(Math.ceil(SIZE / pattern.length)).slice(0, SIZE);

  await nextTask();
  let t0 = performance.now();
  parseRichText(text);
  const parseMs = performance.now() - t0;

  const stage = document.getElementById('stage')!;
  const transcript = document.createElement('cc-transcript') as CcTranscript;
  transcript.style.height = '600px';
  stage.replaceChildren(transcript);
  await transcript.updateComplete;
  const message: Message = { id: `m-${round}-${pattern}`, conversationId: 'bench', author: 'customer', kind: 'text', text, at: Date.now() };

  await nextTask();
  t0 = performance.now();
  transcript.messages = [message];
  await transcript.updateComplete;
  const row = transcript.shadowRoot!.querySelector<HTMLElement>('.row');
  if (!row) throw new Error(`no row for ${JSON.stringify(pattern)}`);
  void row.offsetHeight;
  const renderMs = performance.now() - t0;

  const more = transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]');
  if (!more) throw new Error(`no "Show more" under 100 KB of ${JSON.stringify(pattern)}`);
  await nextTask();
  t0 = performance.now();
  more.click();
  await transcript.updateComplete;
  void row.offsetHeight;
  const showMoreMs = performance.now() - t0;

  return { pattern, chars: text.length, parseMs, renderMs, showMoreMs };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function run(): Promise<void> {
  // Warm-up, not reported: the transcript's first render of any message, and the parser's first run.
  await measure(`${'Hello, *my order* is late: https://example.com/t/1 '.repeat(200)}`, -1);
  const rounds = new Map<string, Row[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const pattern of PATTERNS) {
      const row = await measure(pattern, round);
      rounds.set(pattern, [...(rounds.get(pattern) ?? []), row]);
    }
  }
  const results = [...rounds.values()].map((rows) => ({
    pattern: rows[0]!.pattern,
    chars: rows[0]!.chars,
    parseMs: median(rows.map((r) => r.parseMs)),
    renderMs: median(rows.map((r) => r.renderMs)),
    showMoreMs: median(rows.map((r) => r.showMoreMs)),
    maxMs: Math.max(...rows.flatMap((r) => [r.renderMs, r.showMoreMs])),
  }));
  (window as unknown as { richTextResults: typeof results }).richTextResults = results;
}

run().catch((error: unknown) => {
  (window as unknown as { benchError: string }).benchError = String((error as Error)?.stack ?? error);
});
