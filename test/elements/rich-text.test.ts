import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { safeAvatarUrl } from '../../src/core/safe-url.js';
import {
  MAX_ELEMENTS,
  parseRichText,
  plainText,
  renderRichNodes,
  safeHttpUrl,
  safeMediaUrl,
  TEXT_STEP,
  textChunks,
  type ParseStats,
} from '../../src/elements/transcript/rich-text.js';

describe('Messenger markdown', () => {
  it('parses bold, italic, strikethrough, monospace and code blocks', () => {
    expect(parseRichText('*a* _b_ ~c~ `d`')).to.deep.equal([
      { type: 'bold', children: [{ type: 'text', text: 'a' }] },
      { type: 'text', text: ' ' },
      { type: 'italic', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'strike', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'd' },
    ]);
    expect(parseRichText('```\nlet x = *1*\n```')).to.deep.equal([{ type: 'pre', text: 'let x = *1*' }]);
  });

  it('nests emphasis and leaves unmatched or spaced markers as text', () => {
    expect(parseRichText('*bold _and italic_*')).to.deep.equal([
      { type: 'bold', children: [{ type: 'text', text: 'bold ' }, { type: 'italic', children: [{ type: 'text', text: 'and italic' }] }] },
    ]);
    expect(parseRichText('2 * 3 * 4')).to.deep.equal([{ type: 'text', text: '2 * 3 * 4' }]);
    expect(parseRichText('snake_case_name')).to.deep.equal([{ type: 'text', text: 'snake_case_name' }]);
    expect(parseRichText('```open fence')).to.deep.equal([{ type: 'text', text: '```open fence' }]);
  });

  it('links only http(s) URLs, without trailing punctuation, and keeps underscores in them', () => {
    expect(parseRichText('see https://example.com/a_b_c. ok')).to.deep.equal([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://example.com/a_b_c', text: 'https://example.com/a_b_c' },
      { type: 'text', text: '. ok' },
    ]);
    const nodes = parseRichText('javascript:alert(1) data:text/html,<b>x</b> vbscript:x');
    expect(nodes.every((n) => n.type === 'text')).to.equal(true);
  });

  it('shows a bidi override in link text instead of obeying it', () => {
    const [, link] = parseRichText('see https://example.com/\u202Egpj.exe');
    expect(link).to.deep.equal({ type: 'link', href: 'https://example.com/%E2%80%AEgpj.exe', text: 'https://example.com/\uFFFDgpj.exe' });
  });

  it('accepts only safe URLs', () => {
    expect(safeHttpUrl('https://example.com/x')).to.equal('https://example.com/x');
    expect(safeHttpUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).to.equal(undefined);
    expect(safeHttpUrl('data:text/html,hi')).to.equal(undefined);
    expect(safeMediaUrl('data:image/png;base64,AAAA', { image: true })).to.equal('data:image/png;base64,AAAA');
    expect(safeMediaUrl('data:image/png;base64,AAAA')).to.equal(undefined);
    expect(safeMediaUrl('data:text/html;base64,AAAA', { image: true })).to.equal(undefined);
    expect(safeMediaUrl('blob:http://localhost/1')).to.equal('blob:http://localhost/1');
  });

  it('takes an avatar only from an absolute http(s) URL, never resolved against the page', () => {
    expect(safeAvatarUrl('https://cdn.example.com/a.png')).to.equal('https://cdn.example.com/a.png');
    for (const url of ['/api/session/logout?all=1', 'logout', '//evil.example/a.png', '?x=1', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '']) {
      expect(safeAvatarUrl(url), url).to.equal(undefined);
    }
  });

  describe('linear parsing', () => {
    /** Parser steps per character of `unit` repeated to `length` characters. */
    const stepsPerChar = (unit: string, length: number): number => {
      const stats: ParseStats = { steps: 0 };
      const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      parseRichText(text, stats);
      return stats.steps / text.length;
    };
    // Openers that never close, closers that never open, spans inside spans, URLs in spans, fences.
    const adversarial = [' *a', '*a', ' _a', '~a ', '*a* ', ' *_~a', '`a', '```a', ' *https://x.io/_a', 'https://a.io/' + '.'.repeat(50), '*', ' *'];

    for (const unit of adversarial) {
      it(`parses ${JSON.stringify(unit)} repeated to 100 KB in steps proportional to its length`, () => {
        const small = stepsPerChar(unit, 10_000);
        const large = stepsPerChar(unit, 100_000);
        // Every character is looked at, and the work per character does not grow with the text.
        expect(small).to.be.at.least(1);
        expect(large).to.be.at.most(8);
        expect(large).to.be.at.most(small * 1.1);
      });
    }
  });

  describe('bounded rendering', () => {
    it('renders at most MAX_ELEMENTS formatted pieces of one text, and the rest as one plain text', () => {
      const host = document.createElement('div');
      render(html`${renderRichNodes(parseRichText('*a* _b_ `c` '.repeat(1000)))}`, host);
      expect(host.querySelectorAll('*').length).to.equal(MAX_ELEMENTS);
      expect(host.textContent).to.equal('a b c '.repeat(1000));
    });

    it('cuts a long text into pieces of at most TEXT_STEP, after a space when one is near, never inside a surrogate pair', () => {
      const words = 'word '.repeat(2000);
      const { chunks, rest } = textChunks(words, 2);
      expect(chunks.map((c) => c.text.length)).to.deep.equal([TEXT_STEP, TEXT_STEP]);
      expect(chunks.every((c) => c.text.endsWith(' ') && !c.midWord)).to.equal(true);
      expect(rest).to.equal(words.length - 2 * TEXT_STEP);
      expect(textChunks(words, 99).chunks.map((c) => c.text).join('')).to.equal(words);

      const emoji = 'x' + '😀'.repeat(3000);
      const [first] = textChunks(emoji, 1).chunks;
      expect(first!.midWord).to.equal(true);
      expect(first!.text.length).to.equal(TEXT_STEP - 1);
      expect(first!.text.endsWith('😀')).to.equal(true);
    });
  });
  describe('plain text', () => {
    it('drops the markers and keeps the text', () => {
      expect(plainText('Razem *149,99 zł*, pobrane ~twice~ _dwa razy_')).to.equal('Razem 149,99 zł, pobrane twice dwa razy');
      expect(plainText('Kod `PL-7731` i *pogrubione _kursywą_*')).to.equal('Kod PL-7731 i pogrubione kursywą');
      expect(plainText('```\nblock\n``` after')).to.equal('block after');
    });

    it('leaves text that is not formatting as it is', () => {
      for (const text of ['2 * 3 = 6', 'snake_case_name', 'a ~ b', 'https://example.com/a_b_c', 'unclosed *bold', '<b>not html</b>', '']) {
        expect(plainText(text)).to.equal(text);
      }
    });

    it('does work proportional to the text, however it is crafted', () => {
      expect(plainText(' *_~a'.repeat(40_000)).length).to.be.at.least(80_000);
      // plainText is one parse of the text: the parser's steps per character do not grow with it.
      const stepsPerChar = (repeats: number): number => {
        const stats: ParseStats = { steps: 0 };
        const text = ' *_~a'.repeat(repeats);
        parseRichText(text, stats);
        return stats.steps / text.length;
      };
      const small = stepsPerChar(4_000);
      const large = stepsPerChar(40_000);
      expect(large).to.be.at.most(8);
      expect(large).to.be.at.most(small * 1.1);
    });
  });
});
