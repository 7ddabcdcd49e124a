import { expect } from '@open-wc/testing';
import { fold, queryWords, tokenize } from '../../src/core/search/fold.js';
import { highlight } from '../../src/core/search/highlight.js';
import { hashKey, InvertedIndex, SNAPSHOT_VERSION, type AddOutcome, type DocFilter } from '../../src/core/search/inverted-index.js';
import type { MessageAuthor } from '../../src/core/model.js';

const T0 = Date.UTC(2025, 2, 30, 12, 0, 0);
const MIN = 60_000;

interface Doc {
  conversationId: string;
  key: string;
  at: number;
  text: string;
  author?: MessageAuthor;
}

/** The index keeps key hashes only: the tests remember which key a hash stands for. */
const keyNames = new Map<string, string>();
const keyName = (index: InvertedIndex, d: number) => keyNames.get(index.info(d).key?.join() ?? '') ?? '?';

function put(index: InvertedIndex, conversationId: string, key: string, at: number, author: MessageAuthor, text: string): AddOutcome {
  keyNames.set(hashKey(key).join(), key);
  return index.add(conversationId, key, at, author, text);
}

function build(docs: readonly Doc[]): InvertedIndex {
  const index = new InvertedIndex();
  for (const d of docs) put(index, d.conversationId, d.key, d.at, d.author ?? 'customer', d.text);
  return index;
}

/** Message keys of the hits, in result order. */
function find(index: InvertedIndex, query: string, filter: DocFilter = {}, limit = 50): string[] {
  return index.search(queryWords(query), filter, limit).docs.map((d) => keyName(index, d));
}

const POLISH: Doc[] = [
  { conversationId: 'c1', key: 'm1', at: T0, text: 'Gdzie jest moje zamówienie 12345?' },
  { conversationId: 'c1', key: 'm2', at: T0 + MIN, text: 'Zamówienie wysłaliśmy wczoraj kurierem.', author: 'agent' },
  { conversationId: 'c2', key: 'm3', at: T0 + 2 * MIN, text: 'Chcę zwrócić żółty płaszcz' },
  { conversationId: 'c2', key: 'm4', at: T0 + 3 * MIN, text: 'Straße, Łódź, źdźbło, ćma, koń, gęś, mąka' },
  { conversationId: 'c3', key: 'm5', at: T0 + 4 * MIN, text: 'Where is my order? The zamowienie number is 777' },
];

describe('search folding and tokens', () => {
  it('folds Polish and other diacritics to plain letters', () => {
    expect(fold('Łódź ŁÓDŹ')).to.equal('lodz lodz');
    expect(fold('ą ę ś ż ź ć ń ó ł')).to.equal('a e s z z c n o l');
    expect(fold('Straße')).to.equal('strasse');
    expect(fold('Ærø Œuvre đ')).to.equal('aero oeuvre d');
    expect(fold('ZAŻÓŁĆ GĘŚLĄ JAŹŃ')).to.equal('zazolc gesla jazn');
  });

  it('tokenizes runs of letters and digits, keeping one-letter tokens', () => {
    expect(tokenize('Zamówienie #A-12, czy 2 szt.?')).to.deep.equal(['zamowienie', 'a', '12', 'czy', '2', 'szt']);
    expect(tokenize('e-mail: jan.kowalski@poczta.pl')).to.deep.equal(['e', 'mail', 'jan', 'kowalski', 'poczta', 'pl']);
    expect(tokenize('   ')).to.deep.equal([]);
    // A decomposed accent (e + combining acute) folds like the precomposed letter.
    expect(tokenize('cafe\u0301 café')).to.deep.equal(['cafe', 'cafe']);
  });

  it('drops query words implied by a longer word', () => {
    expect(queryWords('zam Zamów zamówienie')).to.deep.equal(['zamowienie']);
    expect(queryWords('order order 123')).to.deep.equal(['order', '123']);
  });
});

describe('InvertedIndex', () => {
  it('finds words regardless of diacritics, both ways', () => {
    const index = build(POLISH);
    expect(find(index, 'zamowienie')).to.have.members(['m1', 'm2', 'm5']);
    expect(find(index, 'zamówienie')).to.have.members(['m1', 'm2', 'm5']);
    expect(find(index, 'ZAMÓWIENIE')).to.have.members(['m1', 'm2', 'm5']);
    expect(find(index, 'lodz')).to.deep.equal(['m4']);
    expect(find(index, 'zolty')).to.deep.equal(['m3']);
    expect(find(index, 'strasse')).to.deep.equal(['m4']);
    expect(find(index, 'gesi')).to.deep.equal([]);
    expect(find(index, 'gęś')).to.deep.equal(['m4']);
  });

  it('matches every word as a prefix of a word', () => {
    const index = build(POLISH);
    expect(find(index, 'zamow')).to.have.members(['m1', 'm2', 'm5']);
    expect(find(index, 'zam kur')).to.deep.equal(['m2']);
    expect(find(index, '123')).to.deep.equal(['m1']);
    // Prefixes of words, not substrings inside them.
    expect(find(index, 'mowienie')).to.deep.equal([]);
    expect(find(index, 'z')).to.have.members(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('requires all words (AND)', () => {
    const index = build(POLISH);
    expect(find(index, 'zamowienie wczoraj')).to.deep.equal(['m2']);
    expect(find(index, 'order zamowienie')).to.deep.equal(['m5']);
    expect(find(index, 'order kurier')).to.deep.equal([]);
    expect(find(index, 'nothing')).to.deep.equal([]);
  });

  it('returns the newest first, whatever the order of indexing', () => {
    const shuffled = [POLISH[3]!, POLISH[0]!, POLISH[4]!, POLISH[2]!, POLISH[1]!];
    const index = build(shuffled);
    expect(find(index, 'z')).to.deep.equal(['m5', 'm4', 'm3', 'm2', 'm1']);
    expect(find(index, 'zamowienie')).to.deep.equal(['m5', 'm2', 'm1']);
  });

  it('stops at the limit and says there is more', () => {
    const docs: Doc[] = Array.from({ length: 30 }, (_, i) => ({ conversationId: `c${i % 3}`, key: `k${i}`, at: T0 + i * MIN, text: `faktura numer ${i}` }));
    const index = build(docs);
    const page = index.search(['faktura'], {}, 10);
    expect(page.docs.map((d) => keyName(index, d))).to.deep.equal(Array.from({ length: 10 }, (_, i) => `k${29 - i}`));
    expect(page.more).to.be.true;
    const all = index.search(['faktura'], {}, 30);
    expect(all.docs).to.have.length(30);
    expect(all.more).to.be.false;
    // The same through the out-of-order path: docs indexed newest first.
    const reversed = build([...docs].reverse());
    const reversedPage = reversed.search(['fak'], {}, 10);
    expect(reversedPage.docs.map((d) => keyName(reversed, d))).to.deep.equal(Array.from({ length: 10 }, (_, i) => `k${29 - i}`));
    expect(reversedPage.more).to.be.true;
  });

  it('filters by customer, dates and state', () => {
    const index = build(POLISH);
    index.setConversation('c1', { customerId: 'u1', customerName: fold('Łucja Wąs'), state: 'closed' });
    index.setConversation('c2', { customerId: 'u2', customerName: fold('Jan Kowalski'), state: 'active' });
    // c3 has no known conversation: it cannot match a customer or state filter.
    expect(find(index, 'z', { customer: 'u2' })).to.deep.equal(['m4', 'm3']);
    expect(find(index, 'z', { customer: 'lucja' })).to.deep.equal(['m2', 'm1']);
    expect(find(index, 'z', { customer: 'WĄS' })).to.deep.equal(['m2', 'm1']);
    expect(find(index, 'z', { states: ['closed'] })).to.deep.equal(['m2', 'm1']);
    expect(find(index, 'z', { states: ['active', 'closed'] })).to.deep.equal(['m4', 'm3', 'm2', 'm1']);
    expect(find(index, 'z', { from: T0 + MIN, to: T0 + 3 * MIN })).to.deep.equal(['m4', 'm3', 'm2']);
    expect(find(index, 'z', { from: T0 + 2 * MIN, customer: 'u1' })).to.deep.equal([]);
  });

  it('indexes a message once, and an edited text replaces the old one', () => {
    const index = new InvertedIndex();
    expect(put(index, 'c1', 'm1', T0, 'customer', 'Paczka nie dotarła')).to.equal('added');
    // A re-sent status update carries the same text.
    expect(put(index, 'c1', 'm1', T0, 'customer', 'Paczka nie dotarła')).to.equal('unchanged');
    expect(index.size).to.equal(1);
    expect(index.search(['paczka'], {}, 10).docs).to.have.length(1);
    expect(put(index, 'c1', 'm1', T0, 'customer', 'Przesyłka dotarła')).to.equal('added');
    expect(index.size).to.equal(1);
    expect(find(index, 'paczka')).to.deep.equal([]);
    expect(find(index, 'przesylka dotarla')).to.deep.equal(['m1']);
    // Same key in another conversation is another message.
    put(index, 'c2', 'm1', T0 + MIN, 'customer', 'Przesyłka');
    expect(index.size).to.equal(2);
    expect(put(index, 'c1', 'm2', T0, 'customer', '')).to.equal('skipped');
  });

  it('finds a word repeated in a message once, and many new words before they are merged', () => {
    const index = new InvertedIndex();
    put(index, 'c1', 'm1', T0, 'customer', 'test test test');
    expect(index.search(['test'], {}, 10).docs).to.deep.equal([0]);
    for (let i = 0; i < 700; i++) put(index, 'c1', `n${i}`, T0 + i, 'customer', `kod${i} wspólny`);
    expect(find(index, 'kod699')).to.deep.equal(['n699']);
    expect(find(index, 'kod69 wspolny', {}, 100)).to.have.length(11);
    // A prefix over hundreds of tokens, newest first, with another word to match too.
    expect(find(index, 'kod', {}, 3)).to.deep.equal(['n699', 'n698', 'n697']);
    expect(find(index, 'wsp kod1', {}, 2)).to.deep.equal(['n199', 'n198']);
    expect(index.search(['kod'], {}, 3).more).to.be.true;
  });

  it('round-trips through a snapshot with the same results', () => {
    const words = ['zamówienie', 'faktura', 'zwrot', 'przesyłka', 'order', 'refund', 'łódź', 'straße', 'kurier', 'payment'];
    const docs: Doc[] = [];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 3 + Math.floor(rnd() * 6) }, () => words[Math.floor(rnd() * words.length)]).join(' ') + ` #${Math.floor(rnd() * 500)}`;
      // Out of time order on purpose, like a catch-up in key order.
      docs.push({ conversationId: `c${i % 37}`, key: `m${i}`, at: T0 + ((i * 7919) % 2000) * MIN, text });
    }
    const index = build(docs);
    put(index, 'c1', 'm1', docs[1]!.at, 'customer', 'edited away'); // a dead doc must not come back
    const copy = InvertedIndex.fromSnapshot(structuredClone(index.snapshot()));
    expect(copy).to.be.instanceOf(InvertedIndex);
    expect(copy!.size).to.equal(index.size);
    for (const query of ['zam', 'faktura zwrot', 'lodz', 'strasse kur', 'o', '12', 'edited', 'order refund payment', 'nic']) {
      const a = index.search(queryWords(query), {}, 25);
      const b = copy!.search(queryWords(query), {}, 25);
      expect(b.docs.map((d) => copy!.info(d)), query).to.deep.equal(a.docs.map((d) => index.info(d)));
      expect(b.more, query).to.equal(a.more);
    }
    // It keeps working after the reload: new messages and dedupe by key.
    expect(put(copy!, 'c3', 'm3', T0, 'customer', docs[3]!.text)).to.equal('unchanged');
    put(copy!, 'c9', 'new', T0 + 99_999 * MIN, 'agent', 'zupełnie nowe słowo');
    expect(find(copy!, 'nowe slowo')).to.deep.equal(['new']);
    expect(find(copy!, 'z', {}, 1)).to.deep.equal(['new']);
    // A word the snapshot already had (its postings still packed) gets the new message too.
    put(copy!, 'c9', 'new2', T0 + 100_000 * MIN, 'agent', 'faktura');
    expect(find(copy!, 'faktura', {}, 2)).to.deep.equal(['new2', keyName(index, index.search(['faktura'], {}, 1).docs[0]!)]);
    // An edit after the reload replaces the restored entry.
    put(copy!, 'c3', 'm3', docs[3]!.at, 'customer', 'poprawiona treść');
    expect(find(copy!, 'poprawiona')).to.deep.equal(['m3']);
    expect(copy!.size).to.equal(index.size + 2);
  });

  describe('every match (matchAll)', () => {
    const VOCABULARY = ['zamówienie', 'zamówienia', 'zamowić', 'zapłata', 'faktura', 'fakturę', 'przesyłka', 'paczka', 'Łódź', 'łóżko', 'order', 'ordered', 'refund', 'straße', 'kurier', 'kurierem'];

    /** Every live message: key → [conversation, time, text]. */
    type Truth = Map<string, { conversationId: string; at: number; text: string }>;

    /** Newest first (ties: the later indexed first, as the index breaks them), every word a prefix of a token. */
    function expected(truth: Truth, query: string, order: readonly string[], filter: DocFilter = {}): string[] {
      const words = queryWords(query);
      const position = new Map(order.map((key, i) => [key, i]));
      return [...truth.entries()]
        .filter(([, m]) => {
          const tokens = tokenize(m.text);
          return words.length > 0 && words.every((w) => tokens.some((t) => t.startsWith(w)));
        })
        .filter(([, m]) => (filter.from === undefined || m.at >= filter.from) && (filter.to === undefined || m.at <= filter.to))
        .sort(([a, x], [b, y]) => y.at - x.at || position.get(b)! - position.get(a)!)
        .map(([key]) => key);
    }

    const all = (index: InvertedIndex, query: string, filter: DocFilter = {}) => [...index.matchAll(queryWords(query), filter)].map((d) => keyName(index, d));

    function corpus(n: number, outOfOrder: boolean) {
      let seed = 11;
      const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const index = new InvertedIndex();
      const truth: Truth = new Map();
      /** Keys in the order the index last (re)indexed them. */
      const order: string[] = [];
      const write = (key: string, conversationId: string, at: number, text: string) => {
        put(index, conversationId, key, at, 'customer', text);
        truth.set(key, { conversationId, at, text });
        order.splice(order.indexOf(key) >>> 0, order.includes(key) ? 1 : 0);
        order.push(key);
      };
      const text = () => Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]).join(' ') + ` n${Math.floor(rnd() * 40)}`;
      for (let i = 0; i < n; i++) {
        const at = outOfOrder ? T0 + ((i * 7919) % n) * MIN : T0 + i * MIN;
        write(`k${i}`, `c${i % 13}`, at, text());
      }
      return { index, truth, order, write, text, rnd };
    }

    const QUERIES = ['zamowienie', 'zamówienie', 'zamo', 'ZAMÓ', 'lodz', 'łóżk', 'fakt', 'kurier', 'zam fak', 'zamowienia paczka', 'order ref', 'strasse', 'n1', 'n12 kur', 'z', 'nothing', 'ordered n3 kurierem'];

    it('counts and lists every match exactly, newest first: 1 word, prefix, several words, no diacritics', () => {
      for (const outOfOrder of [false, true]) {
        const { index, truth, order } = corpus(1500, outOfOrder);
        for (const query of QUERIES) {
          const want = expected(truth, query, order);
          const got = all(index, query);
          expect(got, `${query} (${outOfOrder ? 'out of order' : 'in order'})`).to.deep.equal(want);
          // The newest of them are the newest-first search's.
          expect(find(index, query, {}, 100), query).to.deep.equal(want.slice(0, 100));
        }
        expect(all(index, 'zamowienie').length).to.be.greaterThan(100);
        expect(all(index, 'zam').length).to.be.greaterThan(all(index, 'zamowienie').length);
      }
    });

    it('stays exact after adds, edits and removals, and through a snapshot', () => {
      const { index, truth, order, write, text } = corpus(1200, false);
      // New messages, some older than the rest (out of time order).
      for (let i = 0; i < 150; i++) write(`new${i}`, `c${i % 5}`, i % 3 === 0 ? T0 + (i * 37) * MIN + 1 : T0 + (5000 + i) * MIN, text());
      // Edits: new words in, old ones out.
      for (let i = 0; i < 200; i += 3) write(`k${i}`, `c${i % 13}`, truth.get(`k${i}`)!.at, `poprawka ${text()}`);
      // Removals.
      for (let i = 1; i < 400; i += 4) {
        expect(index.remove(`c${i % 13}`, `k${i}`)).to.be.true;
        truth.delete(`k${i}`);
      }
      expect(index.remove('c1', 'k1')).to.be.false;
      expect(index.remove('nowhere', 'k2')).to.be.false;
      expect(index.size).to.equal(truth.size);
      for (const query of [...QUERIES, 'poprawka', 'popr zam']) expect(all(index, query), query).to.deep.equal(expected(truth, query, order));
      // 67 edited, 16 of them removed since.
      expect(all(index, 'poprawka')).to.have.length(51);
      const copy = InvertedIndex.fromSnapshot(structuredClone(index.snapshot()))!;
      for (const query of QUERIES) expect(all(copy, query), query).to.deep.equal(all(index, query));
      // A removal after the reload.
      expect(copy.remove('c0', 'k0')).to.be.true;
      truth.delete('k0');
      expect(all(copy, 'poprawka')).to.deep.equal(expected(truth, 'poprawka', order));
    });

    it('applies the filters to every match and counts the conversations', () => {
      const { index, truth, order } = corpus(800, true);
      const filter = { from: T0 + 100 * MIN, to: T0 + 500 * MIN };
      for (const query of QUERIES) expect(all(index, query, filter), query).to.deep.equal(expected(truth, query, order, filter));
      for (let c = 0; c < 13; c++) index.setConversation(`c${c}`, { customerId: `u${c}`, customerName: c === 4 ? 'lucja was' : 'jan', state: c < 3 ? 'active' : 'closed' });
      const active = all(index, 'zam', { states: ['active'] });
      expect(active).to.deep.equal(expected(truth, 'zam', order).filter((key) => ['c0', 'c1', 'c2'].includes(truth.get(key)!.conversationId)));
      expect(index.conversationCount(index.matchAll(['zam'], { states: ['active'] }))).to.equal(3);
      expect(index.conversationCount(index.matchAll(['zam'], { customer: 'was' }))).to.equal(1);
      expect(index.conversationCount(index.matchAll(['zam'], {}))).to.equal(13);
      expect(index.conversationCount(index.matchAll(['nothing'], {}))).to.equal(0);
    });
  });

  it('ignores a snapshot of another version', () => {
    const snapshot = build(POLISH).snapshot();
    expect(InvertedIndex.fromSnapshot({ ...snapshot, index: { ...snapshot.index, version: SNAPSHOT_VERSION + 1 } })).to.be.undefined;
    expect(InvertedIndex.fromSnapshot({ ...snapshot, index: { ...snapshot.index, postings: snapshot.index.postings.slice(1) } })).to.be.undefined;
    // Keys of another snapshot (written apart, e.g. the tab closed between the two writes).
    expect(InvertedIndex.fromSnapshot({ ...snapshot, keys: build(POLISH).snapshot().keys })).to.be.undefined;
    expect(InvertedIndex.fromSnapshot({ ...snapshot, keys: { ...snapshot.keys, hash: new Uint32Array(1) } })).to.be.undefined;
    expect(InvertedIndex.fromSnapshot(undefined)).to.be.undefined;
    expect(InvertedIndex.fromSnapshot(new InvertedIndex().snapshot())!.size).to.equal(0);
  });
});

describe('highlight', () => {
  const marked = (text: string, terms: string[]) =>
    highlight(text, terms)
      .filter((r) => r.match)
      .map((r) => r.text);

  it('marks the matched prefix of words on the original text, diacritics kept', () => {
    expect(marked('Gdzie jest moje Zamówienie?', ['zamow'])).to.deep.equal(['Zamów']);
    expect(marked('zamowienie i zamówienie', ['zamówienie'])).to.deep.equal(['zamowienie', 'zamówienie']);
    expect(marked('Łódź, ŁÓDŹ', ['lodz'])).to.deep.equal(['Łódź', 'ŁÓDŹ']);
    expect(marked('Straße', ['stras'])).to.deep.equal(['Straß']);
    expect(marked('cafe\u0301!', ['cafe'])).to.deep.equal(['cafe\u0301']);
  });

  it('marks word starts only, and keeps every character', () => {
    const text = 'Podmówienie, zamówienie 12 szt.';
    const ranges = highlight(text, ['mow', 'zam', '12']);
    expect(ranges.map((r) => r.text).join('')).to.equal(text);
    expect(ranges.filter((r) => r.match).map((r) => r.text)).to.deep.equal(['zam', '12']);
    expect(highlight('', ['a'])).to.deep.equal([]);
    expect(highlight('abc', [])).to.deep.equal([{ text: 'abc', match: false }]);
  });
});
