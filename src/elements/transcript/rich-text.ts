import { html, nothing, type TemplateResult } from 'lit';
import { safeHttpUrl } from '../../core/safe-url.js';

export { safeHttpUrl, safeMediaUrl } from '../../core/safe-url.js';

/** A parsed piece of Messenger-formatted text. Text stays text: nothing here becomes markup. */
export type RichNode =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: RichNode[] }
  | { type: 'code' | 'pre'; text: string }
  | { type: 'link'; href: string; text: string };

const DELIMITERS: Record<string, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/giu;

/** Parses Messenger markdown: *bold*, _italic_, ~strike~, `code`, ```block```, and bare http(s) links. */
export function parseRichText(text: string): RichNode[] {
  const nodes: RichNode[] = [];
  const blocks = text.split(/```/);
  blocks.forEach((part, i) => {
    // Odd parts sit between ``` fences (an unclosed fence stays text).
    if (i % 2 === 1 && i < blocks.length - 1) nodes.push({ type: 'pre', text: part.replace(/^\n|\n$/g, '') });
    else parseInline(i % 2 === 1 ? `\`\`\`${part}` : part, nodes);
  });
  return merge(nodes);
}

function parseInline(text: string, out: RichNode[]): void {
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) pushTextWithLinks(plain, out);
    plain = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const kind = DELIMITERS[ch];
    // A marker opens only at a word boundary and before a non-space, like Messenger does.
    if (kind && (i === 0 || /[\s([{"'>]/u.test(text[i - 1]!)) && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      const end = findClosing(text, ch, i + 1);
      // A span holding a URL is left alone, so links keep their underscores and tildes.
      if (end > 0 && !text.slice(i, end + 1).includes('://')) {
        flush();
        const children: RichNode[] = [];
        parseInline(text.slice(i + 1, end), children);
        out.push({ type: kind, children });
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
}

function findClosing(text: string, marker: string, from: number): number {
  for (let j = from + 1; j < text.length; j++) {
    if (text[j] === '\n') return -1;
    if (text[j] === marker && !/\s/u.test(text[j - 1]!) && (j + 1 === text.length || !/[\p{L}\p{N}]/u.test(text[j + 1]!))) {
      return j;
    }
  }
  return -1;
}

function pushTextWithLinks(text: string, out: RichNode[]): void {
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // Trailing punctuation belongs to the sentence, not the link.
    const raw = match[0].replace(/[.,;:!?)\]}]+$/u, '');
    const href = safeHttpUrl(raw);
    const start = match.index;
    if (start > last) out.push({ type: 'text', text: text.slice(last, start) });
    out.push(href ? { type: 'link', href, text: raw } : { type: 'text', text: raw });
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

/** Renders parsed nodes as Lit templates; every string is bound as text. */
export function renderRichNodes(nodes: readonly RichNode[]): (TemplateResult | string | typeof nothing)[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'bold':
        return html`<strong>${renderRichNodes(node.children)}</strong>`;
      case 'italic':
        return html`<em>${renderRichNodes(node.children)}</em>`;
      case 'strike':
        return html`<s>${renderRichNodes(node.children)}</s>`;
      case 'code':
        return html`<code>${node.text}</code>`;
      case 'pre':
        return html`<pre><code>${node.text}</code></pre>`;
      case 'link':
        return html`<a href=${node.href} target="_blank" rel="noopener noreferrer nofollow">${node.text}</a>`;
    }
  });
}

const cache = new Map<string, RichNode[]>();

/** Parses with a small cache: the same visible rows re-render often while scrolling. */
export function richText(text: string): (TemplateResult | string | typeof nothing)[] {
  let nodes = cache.get(text);
  if (!nodes) {
    nodes = parseRichText(text);
    if (cache.size > 2000) cache.clear();
    cache.set(text, nodes);
  }
  return renderRichNodes(nodes);
}
