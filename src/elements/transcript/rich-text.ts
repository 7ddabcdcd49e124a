import { html, nothing, type TemplateResult } from 'lit';
import { safeHttpUrl } from '../../core/safe-url.js';
import { visibleText } from '../../core/visible-text.js';

export { safeHttpUrl, safeMediaUrl } from '../../core/safe-url.js';

/** A parsed piece of Messenger-formatted text. Text stays text: nothing here becomes markup. */
export type RichNode =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: RichNode[] }
  | { type: 'code' | 'pre'; text: string }
  | { type: 'link'; href: string; text: string };

/** Counts the parser's work, so a test can check it grows linearly with the text. */
export interface ParseStats {
  steps: number;
}

type Marker = '*' | '_' | '~';
const DELIMITERS: Record<Marker, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };
const isMarker = (ch: string | undefined): ch is Marker => ch === '*' || ch === '_' || ch === '~';
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const SPACE = /\s/u;
const WORD = /[\p{L}\p{N}]/u;
// Per-character checks with an ASCII fast path: a regular expression per character is most of the cost.
const isSpace = (ch: string): boolean => (ch < '\x80' ? ch === ' ' || (ch >= '\t' && ch <= '\r') : SPACE.test(ch));
const isWord = (ch: string): boolean =>
  ch < '\x80' ? (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') : WORD.test(ch);
/** A marker opens only after a space or one of these (or at the start), like Messenger does. */
const OPENS_AFTER = new Set(['(', '[', '{', '"', "'", '>']);
const opensAfter = (ch: string): boolean => OPENS_AFTER.has(ch) || isSpace(ch);
/** Trailing punctuation belongs to the sentence, not the link. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}']);

/**
 * Parses Messenger markdown: *bold*, _italic_, ~strike~, `code`, ```block```, and bare http(s) links.
 * Linear in the length of the text, whatever it holds: a customer cannot make it freeze the page.
 */
export function parseRichText(text: string, stats: ParseStats = { steps: 0 }): RichNode[] {
  const nodes: RichNode[] = [];
  const blocks = text.split('```');
  stats.steps += text.length;
  blocks.forEach((part, i) => {
    // Odd parts sit between ``` fences (an unclosed fence stays text).
    if (i % 2 === 1 && i < blocks.length - 1) nodes.push({ type: 'pre', text: trimNewlines(part) });
    else parseInline(i % 2 === 1 ? `\`\`\`${part}` : part, nodes, stats);
  });
  return merge(nodes);
}

function trimNewlines(text: string): string {
  const start = text.startsWith('\n') ? 1 : 0;
  const end = text.length > start && text.endsWith('\n') ? text.length - 1 : text.length;
  return text.slice(start, end);
}

/**
 * For each marker, where the first marker of its kind that can close it is (at least two further
 * on, before the next line break), or the text's length: one backward pass, so no search rescans.
 */
function closers(text: string, stats: ParseStats): Int32Array {
  const n = text.length;
  const close = new Int32Array(n).fill(n);
  // The first closer of each marker at or after j + 1 (near) and j + 2 (far), as j moves left.
  let nearBold = n, nearItalic = n, nearStrike = n;
  let farBold = n, farItalic = n, farStrike = n;
  for (let j = n - 1; j >= 0; j--) {
    const ch = text[j]!;
    const marker = isMarker(ch);
    if (marker) close[j] = ch === '*' ? farBold : ch === '_' ? farItalic : farStrike;
    farBold = nearBold;
    farItalic = nearItalic;
    farStrike = nearStrike;
    // A span never crosses a line break.
    if (ch === '\n') nearBold = nearItalic = nearStrike = farBold = farItalic = farStrike = n;
    // A marker closes after a non-space and before the end or a non-word character.
    else if (marker && j > 0 && !isSpace(text[j - 1]!) && (j + 1 === n || !isWord(text[j + 1]!))) {
      if (ch === '*') nearBold = j;
      else if (ch === '_') nearItalic = j;
      else nearStrike = j;
    }
  }
  stats.steps += n;
  return close;
}

interface Frame {
  kind: 'bold' | 'italic' | 'strike' | undefined;
  /** First position inside the span. */
  start: number;
  /** Position of the closing marker (the end of the text for the outermost frame). */
  end: number;
  out: RichNode[];
}

/** One pass, left to right, with a stack of open spans whose ends are already known. */
function parseInline(text: string, out: RichNode[], stats: ParseStats): void {
  const n = text.length;
  stats.steps += n;
  if (!/[*_~`]/u.test(text)) {
    pushTextWithLinks(text, out, stats);
    return;
  }
  const close = closers(text, stats);
  const stack: Frame[] = [{ kind: undefined, start: 0, end: n, out }];
  let plain = 0;
  let i = 0;
  // The next backtick and the next `://`, looked up again only once passed: i only moves forward,
  // so together these lookups read the text once.
  let tick = -1;
  let scheme = -1;
  for (;;) {
    stats.steps++;
    const top = stack[stack.length - 1]!;
    if (i >= top.end) {
      pushTextWithLinks(text.slice(plain, top.end), top.out, stats);
      if (stack.length === 1) return;
      stack.pop();
      stack[stack.length - 1]!.out.push({ type: top.kind!, children: top.out });
      i = top.end + 1;
      plain = i;
      continue;
    }
    const ch = text[i]!;
    if (ch === '`') {
      if (tick <= i) tick = find(text, '`', i + 1, stats);
      const end = tick;
      if (end > i + 1 && end < top.end) {
        pushTextWithLinks(text.slice(plain, i), top.out, stats);
        top.out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        plain = i;
        continue;
      }
    } else if (isMarker(ch) && (i === top.start || opensAfter(text[i - 1]!)) && i + 1 < top.end && !isSpace(text[i + 1]!)) {
      const end = close[i]!;
      if (scheme < i) scheme = find(text, '://', i, stats);
      // A span holding a URL is left alone, so links keep their underscores and tildes.
      if (end < top.end && scheme + 2 > end) {
        pushTextWithLinks(text.slice(plain, i), top.out, stats);
        stack.push({ kind: DELIMITERS[ch], start: i + 1, end, out: [] });
        i++;
        plain = i;
        continue;
      }
    }
    i++;
  }
}

/** Where `what` next starts at or after `from`, or the text's length. */
function find(text: string, what: string, from: number, stats: ParseStats): number {
  const at = text.indexOf(what, from);
  const end = at < 0 ? text.length : at;
  stats.steps += end - from;
  return end;
}

function pushTextWithLinks(text: string, out: RichNode[], stats: ParseStats): void {
  if (!text) return;
  stats.steps += text.length;
  if (!text.includes('://')) {
    out.push({ type: 'text', text });
    return;
  }
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let length = match[0].length;
    while (length > 0 && TRAILING.has(match[0][length - 1]!)) length--;
    const raw = match[0].slice(0, length);
    stats.steps += match[0].length;
    const href = safeHttpUrl(raw);
    const start = match.index;
    if (start > last) out.push({ type: 'text', text: text.slice(last, start) });
    out.push(href ? { type: 'link', href, text: visibleText(raw) } : { type: 'text', text: raw });
    last = start + raw.length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
}

function merge(nodes: RichNode[]): RichNode[] {
  const out: RichNode[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (node.type === 'text' && prev?.type === 'text') prev.text += node.text;
    else out.push(node);
  }
  return out;
}

/**
 * Formatted pieces (bold, links, code…) one text may render as elements. Past them the rest shows as
 * plain text: a real message never comes near, and a crafted one cannot make thousands of elements.
 */
export const MAX_ELEMENTS = 100;

/** The visible text of a node, without its formatting. */
function nodeText(node: RichNode): string {
  return 'children' in node ? node.children.map(nodeText).join('') : node.text;
}

/**
 * Messenger markdown as the plain text it shows: `*149,99 zł*` becomes `149,99 zł`, `~twice~`
 * becomes `twice`, a code span keeps its text. For previews, which are text only; as linear as the
 * parser.
 */
export function plainText(markdown: string): string {
  return parseRichText(markdown).map(nodeText).join('');
}

/** Renders parsed nodes as Lit templates; every string is bound as text. */
export function renderRichNodes(
  nodes: readonly RichNode[],
  budget: { left: number } = { left: MAX_ELEMENTS },
): (TemplateResult | string | typeof nothing)[] {
  const out: (TemplateResult | string | typeof nothing)[] = [];
  // Plain runs are joined: one text node each, however many pieces they came from.
  let plain = '';
  for (const node of nodes) {
    if (node.type === 'text' || budget.left <= 0) {
      plain += nodeText(node);
      continue;
    }
    if (plain) out.push(plain);
    plain = '';
    budget.left--;
    switch (node.type) {
      case 'bold':
        out.push(html`<strong>${renderRichNodes(node.children, budget)}</strong>`);
        break;
      case 'italic':
        out.push(html`<em>${renderRichNodes(node.children, budget)}</em>`);
        break;
      case 'strike':
        out.push(html`<s>${renderRichNodes(node.children, budget)}</s>`);
        break;
      case 'code':
        out.push(html`<code>${node.text}</code>`);
        break;
      case 'pre':
        out.push(html`<pre><code>${node.text}</code></pre>`);
        break;
      case 'link':
        out.push(html`<a href=${node.href} target="_blank" rel="noopener noreferrer nofollow">${node.text}</a>`);
        break;
    }
  }
  if (plain) out.push(plain);
  return out;
}

/**
 * How much of one message is shown at first, and added by each "Show more": twice Messenger's own
 * 2,000-character limit, so a real Messenger message is always shown whole.
 */
export const TEXT_STEP = 4000;

/** A piece of a long text; `midWord` when it was cut inside a word. */
export interface TextChunk {
  text: string;
  midWord: boolean;
}

/**
 * The first `count` pieces of `text`, each at most TEXT_STEP long and cut after a space when one is
 * near, and how many characters are left. Each piece is parsed and rendered on its own, so showing
 * one more costs one piece, however much is already shown.
 */
export function textChunks(text: string, count: number): { chunks: TextChunk[]; rest: number } {
  const chunks: TextChunk[] = [];
  let start = 0;
  while (chunks.length < count && start < text.length) {
    let end = Math.min(text.length, start + TEXT_STEP);
    let midWord = false;
    if (end < text.length) {
      const high = text.charCodeAt(end - 1);
      // Never split a surrogate pair.
      if (high >= 0xd800 && high <= 0xdbff) end--;
      let cut = end;
      while (cut > end - 200 && cut > start && !isSpace(text[cut - 1]!)) cut--;
      if (cut > end - 200 && cut > start) end = cut;
      else midWord = true;
    }
    chunks.push({ text: text.slice(start, end), midWord });
    start = end;
  }
  return { chunks, rest: text.length - start };
}

const caches = { whole: new Map<string, RichNode[]>(), midWord: new Map<string, RichNode[]>() };

/**
 * Parses with a small cache: the same visible rows re-render often while scrolling. `midWord` says
 * the text was cut inside a word, so a link that runs to its end is shown as text, not as a link
 * to a cut-off address.
 */
export function richText(text: string, { midWord = false } = {}): (TemplateResult | string | typeof nothing)[] {
  const cache = midWord ? caches.midWord : caches.whole;
  let nodes = cache.get(text);
  if (!nodes) {
    nodes = parseRichText(text);
    const last = nodes[nodes.length - 1];
    if (midWord && last?.type === 'link') nodes[nodes.length - 1] = { type: 'text', text: last.text };
    if (cache.size > 2000) cache.clear();
    cache.set(text, nodes);
  }
  return renderRichNodes(nodes);
}
