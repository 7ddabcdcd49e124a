/**
 * Runs in Chromium (production build, launched with --expose-gc and precise memory info).
 * Transcript search over a seeded 100,000-message English + Polish corpus, stored in IndexedDB:
 * index build (catch-up from storage), snapshot write, reload, heap, query latencies, time until
 * a new message is searchable, and a naive `includes` scan over folded texts in the same run.
 * Results go to `window.searchBenchResults` for bench/run.mjs to print.
 */
import type { Conversation, Message } from '../src/core/model.js';
import { openStorage, type Storage } from '../src/core/storage.js';
import { createSearchService, fold, InvertedIndex, queryWords, SNAPSHOT_KEY, tokenize } from '../src/core/search/service.js';
import type { SearchService, SearchStatus } from '../src/core/search/types.js';
import type { SearchSnapshot } from '../src/core/search/inverted-index.js';

const MESSAGES = 100_000;
const PER_CONVERSATION = 20;
const QUERIES = 300;
const LIMIT = 100;
const T0 = Date.UTC(2024, 0, 1);

// ---- seeded corpus ----

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POLISH = `zamówienie zamówienia zamówieniu zamówień zamówić zamówiłem zamówiłam przesyłka przesyłki przesyłkę
paczka paczki paczkę kurier kuriera kurierem dostawa dostawy dostawę dostarczyć dostarczona dotarła dotarło
nie dotarła jeszcze wczoraj dzisiaj jutro tydzień tygodnia miesiąc reklamacja reklamacji reklamację zwrot zwrotu
zwrócić zwracam pieniądze pieniędzy płatność płatności zapłaciłem zapłaciłam przelew przelewem karta kartą
faktura faktury fakturę korekta korektę numer numeru konto konta hasło hasła logowanie zalogować się można
proszę dziękuję dzień dobry cześć pozdrawiam witam przepraszam niestety oczywiście sprawdzę sprawdzić sprawdziłem
chwileczkę moment czekam czekałem czekałam długo szybko wolno problem problemu błąd błędu aplikacja aplikacji
strona stronie sklep sklepu produkt produktu produkty rozmiar rozmiaru kolor koloru czerwony niebieski zielony żółty
czarny biały buty butów kurtka kurtkę płaszcz spodnie sukienka sukienkę koszula koszulę telefon telefonu ładowarka
słuchawki ekran ekranu uszkodzony uszkodzona uszkodzone zepsuty działa nie działa wymiana wymianę gwarancja gwarancji
serwis serwisu naprawa naprawy adres adresu ulica miasto kod pocztowy Warszawa Kraków Łódź Wrocław Poznań Gdańsk
Szczecin Lublin Białystok Katowice Gdynia Częstochowa Radom Toruń Kielce Rzeszów Olsztyn Bydgoszcz Zielona Góra
mój moja moje twój państwa pan pani jest był była było będzie mam mają miałem mogę może możemy chciałbym chciałabym
potrzebuję pomóc pomoc pomocy informacja informacji termin terminu godzina godziny poniedziałek wtorek środa czwartek
piątek sobota niedziela rano wieczorem popołudniu zaraz wkrótce natychmiast żaden żadnej wszystko wszystkie ile
kiedy gdzie dlaczego jak który która które czy tak nie już jeszcze tylko bardzo dużo mało więcej mniej także
również oraz lub albo ale więc dlatego ponieważ że żeby jeśli gdyby kiedyś nigdy zawsze często rzadko źle dobrze
świetnie super ok okej zgoda rozumiem rozumiemy wyjaśnić wyjaśnienie anulować anulowanie anulowałem rezygnacja
subskrypcja subskrypcji abonament abonamentu rabat rabatu kod promocja promocji cena ceny koszt kosztów opłata opłaty
wysyłka wysyłki wysłać wysłaliśmy wysłane odebrać odebrałem odbiór odbioru paczkomat paczkomatu punkt punktu
magazyn magazynu dostępny dostępna niedostępny brak braku stan stanu śledzenie śledzić link linku mail maila
wiadomość wiadomości odpowiedź odpowiedzi konsultant konsultanta klient klienta obsługa obsługi zgłoszenie zgłoszenia
sprawa sprawy numer zgłoszenia źródło źdźbło żółć gęś mąka ćma koń sąsiad ciężarówka łyżka łóżko książka`;

const ENGLISH = `order orders ordered ordering delivery deliver delivered package parcel shipment shipping shipped courier
tracking track number account password login sign in email address refund refunds refunded return returned returns
exchange replacement warranty repair broken damaged missing wrong size color colour red blue green yellow black white
shoes jacket coat trousers dress shirt phone charger headphones screen battery laptop tablet watch camera speaker
invoice receipt payment paid card credit debit transfer bank price cost fee discount coupon code promotion sale
subscription cancel cancelled cancellation renew renewal plan premium basic upgrade downgrade billing charge charged
hello hi hey thanks thank you please sorry unfortunately of course sure okay ok great perfect awesome fine
wait waiting waited minute minutes hour hours day days week weeks month yesterday today tomorrow monday tuesday
wednesday thursday friday saturday sunday morning evening afternoon soon now immediately later never always often
where when why how what which who is was were will would could should can may might must have has had do does did
my your our their the a an and or but so because if then than that this these those there here it its not no yes
still already just only very much many more less also too again please help support agent customer service team
problem issue error bug app application website store shop product products item items stock available unavailable
check checking checked confirm confirmed confirmation update updated status pending processing dispatched arrived
London Manchester Birmingham Leeds Glasgow Liverpool Bristol Edinburgh Dublin Cardiff Belfast Oxford Cambridge
street road avenue postcode city country warehouse pickup locker collect collected reschedule address change changed
message reply response email ticket case reference escalate manager supervisor complaint feedback review rating`;

const FIRST_NAMES = ['Anna', 'Łucja', 'Zofia', 'Małgorzata', 'Piotr', 'Paweł', 'Michał', 'Jakub', 'Grzegorz', 'Żaneta', 'John', 'Emily', 'Oliver', 'Sophie', 'James', 'Chloé', 'Jörg', 'Søren'];
const LAST_NAMES = ['Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zieliński', 'Szymańska', 'Dąbrowski', 'Kozłowska', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Müller', 'Øster'];

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

interface Corpus {
  messages: Message[];
  conversations: Conversation[];
  bytes: number;
}

function makeCorpus(seed: number): Corpus {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Skewed towards the start of the list: some words are common, most are rare (like real text).
  const zipf = <T>(items: readonly T[]) => items[Math.floor(items.length * random() ** 2.2)]!;
  const shuffled = (items: string[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const polish = shuffled(words(POLISH));
  const english = shuffled(words(ENGLISH));
  const alphabet = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
  const id = (length: number) => Array.from({ length }, () => pick(alphabet)).join('');

  const conversationCount = Math.ceil(MESSAGES / PER_CONVERSATION);
  const conversations: Conversation[] = [];
  const locales: ('pl' | 'en')[] = [];
  for (let c = 0; c < conversationCount; c++) {
    const locale = random() < 0.6 ? 'pl' : 'en';
    locales.push(locale);
    conversations.push({
      id: `conv-${id(12)}`,
      customer: { id: `psid-${id(16)}`, name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, locale },
      channel: 'facebook',
      queue: pick(['Sales', 'Support', 'Returns']),
      state: random() < 0.9 ? 'closed' : 'active',
      requestedAt: T0,
    });
  }
  const messages: Message[] = [];
  let bytes = 0;
  let at = T0;
  for (let i = 0; i < MESSAGES; i++) {
    // Conversations overlap in time, as on a real desk.
    const c = (Math.floor(i / 4) * 7 + (i % 4) * 11) % conversationCount;
    const vocabulary = locales[c] === 'pl' ? polish : english;
    const length = 6 + Math.floor(random() * 12);
    const parts: string[] = [];
    for (let w = 0; w < length; w++) {
      const r = random();
      if (r < 0.03) parts.push(String(100_000 + Math.floor(random() * 900_000))); // order numbers
      else if (r < 0.04) parts.push(`${id(6).toLowerCase()}@example.com`);
      else parts.push(zipf(vocabulary));
    }
    let text = parts.join(' ');
    text = text[0]!.toUpperCase() + text.slice(1) + pick(['.', '?', '!', '', '…']);
    bytes += new TextEncoder().encode(text).length;
    at += 1000 + Math.floor(random() * 30_000);
    messages.push({
      id: `m_${id(30)}`,
      conversationId: conversations[c]!.id,
      author: i % 2 === 0 ? 'customer' : 'agent',
      kind: 'text',
      text,
      at,
    });
  }
  return { messages, conversations, bytes };
}

// ---- measuring ----

const now = () => performance.now();
const gc = async () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('launch Chromium with --js-flags=--expose-gc');
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
const MB = 1024 * 1024;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The longest stretch the event loop was busy, seen by a task that re-posts itself. */
function watchBlocking(): () => number {
  let longest = 0;
  let last = now();
  let on = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const t = now();
    longest = Math.max(longest, t - last);
    last = t;
    if (on) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  return () => {
    on = false;
    channel.port1.close();
    return longest;
  };
}

function startService(storage: Storage, onStatus: (s: SearchStatus) => void = () => undefined): SearchService {
  // No background snapshot while measuring: it is written by persist(), timed.
  return createSearchService({ storage, conversations: () => ({}), onStatus, tuning: { persistDelayMs: 3_600_000, persistMaxWaitMs: 3_600_000 } });
}

interface QuerySet {
  kind: string;
  queries: string[];
}

function makeQueries(corpus: Corpus, seed: number): QuerySet[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const wordsOf = (m: Message) => (m.text!.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3);
  const asTyped = (w: string) => (random() < 0.5 ? w.toLowerCase() : fold(w)); // with or without diacritics
  const one: string[] = [];
  const two: string[] = [];
  const prefix: string[] = [];
  while (one.length < QUERIES || two.length < QUERIES || prefix.length < QUERIES) {
    const ws = [...new Set(wordsOf(pick(corpus.messages)))];
    if (ws.length < 2) continue;
    if (one.length < QUERIES) one.push(asTyped(pick(ws)));
    if (two.length < QUERIES) {
      const a = pick(ws);
      const b = pick(ws.filter((w) => w !== a));
      two.push(`${asTyped(a)} ${asTyped(b)}`);
    }
    const long = ws.filter((w) => w.length >= 5);
    if (prefix.length < QUERIES && long.length > 0) prefix.push(asTyped(pick(long)).slice(0, 3 + Math.floor(random() * 2)));
  }
  return [
    { kind: '1-word', queries: one },
    { kind: '2-word AND', queries: two },
    { kind: 'prefix (3–4 letters)', queries: prefix },
  ];
}

/** Newest first, every word a substring of the folded text: the baseline a small app would write. */
function naiveSearch(folded: readonly string[], query: string, limit: number): number[] {
  const needles = queryWords(query);
  const hits: number[] = [];
  outer: for (let i = folded.length - 1; i >= 0; i--) {
    for (const n of needles) if (!folded[i]!.includes(n)) continue outer;
    hits.push(i);
    if (hits.length > limit) break;
  }
  return hits;
}

function timeQueries(sets: readonly QuerySet[], run: (q: string) => unknown): { kind: string; p50: number; p95: number; max: number }[] {
  return sets.map(({ kind, queries }) => {
    for (const q of queries.slice(0, 30)) run(q); // warm-up
    const times = queries.map((q) => {
      const t = now();
      run(q);
      return now() - t;
    });
    return { kind, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
  });
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}

async function run(): Promise<unknown> {
  const log = (text: string) => console.log(`[search bench] ${text}`);
  const corpus = makeCorpus(20250330);
  const sets = makeQueries(corpus, 7);
  log(`corpus: ${corpus.messages.length} messages, ${(corpus.bytes / MB).toFixed(1)} MB`);

  // The naive scan's data: every text folded, newest last.
  await gc();
  const beforeNaive = heap();
  const folded = corpus.messages.map((m) => fold(m.text!));
  await gc();
  const naiveHeap = heap() - beforeNaive;

  const name = `cc-search-bench-${Date.now()}`;
  await deleteDatabase(name);
  let storage = await openStorage(name);
  if (storage.kind !== 'indexeddb') throw new Error('IndexedDB unavailable');
  const writeStart = now();
  for (let i = 0; i < corpus.messages.length; i += 2000) await storage.putMessages(corpus.messages.slice(i, i + 2000));
  await storage.putConversations(corpus.conversations);
  log(`stored in IndexedDB in ${(now() - writeStart).toFixed(0)} ms`);

  try {
    // Build: the real path, catching up with the stored messages in slices.
    await gc();
    const beforeBuild = heap();
    let stopWatch = watchBlocking();
    let t = now();
    let service = startService(storage);
    await service.ready();
    const buildMs = now() - t;
    const buildBlockMs = stopWatch();
    await gc();
    const indexHeap = heap() - beforeBuild;
    log(`built in ${buildMs.toFixed(0)} ms`);

    // The engine alone, without storage reads: all messages in one synchronous loop.
    let engineMs = 0;
    {
      const index = new InvertedIndex();
      t = now();
      for (const m of corpus.messages) index.add(m.conversationId, m.id, m.at, m.author, m.text!);
      engineMs = now() - t;
    }

    stopWatch = watchBlocking();
    t = now();
    await service.persist();
    const writeMs = now() - t;
    const writeBlockMs = stopWatch();
    const snapshot = (await storage.getValue<SearchSnapshot>(SNAPSHOT_KEY))!;
    const snapshotBytes = Object.values(snapshot).reduce<number>(
      (sum, value) => sum + (ArrayBuffer.isView(value) ? value.byteLength : typeof value === 'string' ? value.length : 0),
      0,
    );
    const vocabulary = snapshot.postingCounts.length;

    const ours = timeQueries(sets, (q) => service.search(q, {}, LIMIT));
    const naive = timeQueries(sets, (q) => naiveSearch(folded, q, LIMIT));
    // Filters narrow the candidates after the postings walk: a date range and a customer.
    const filtered = timeQueries(
      [{ kind: '1-word + customer + dates', queries: sets[0]!.queries }],
      (q) => service.search(q, { customer: 'nowak', from: T0 + 30 * 86_400_000, to: T0 + 60 * 86_400_000 }, LIMIT),
    );

    // Every hit has every word as a prefix of one of its words, and the naive scan agrees on
    // which queries find nothing.
    const position = new Map(corpus.messages.map((m, i) => [m.id, i] as const));
    for (const set of sets) {
      for (const q of set.queries) {
        const result = service.search(q, {}, LIMIT);
        for (const hit of result.hits) {
          const tokens = tokenize(corpus.messages[position.get(hit.messageKey)!]!.text!);
          if (!result.terms.every((w) => tokens.some((tok) => tok.startsWith(w)))) throw new Error(`wrong hit for "${q}"`);
        }
        if (result.hits.length === 0) throw new Error(`no hit for "${q}", drawn from the corpus`);
        if (set.kind === '1-word' && naiveSearch(folded, q, LIMIT).length < result.hits.length) throw new Error(`naive found fewer for "${q}"`);
      }
    }

    // A new message: searchable how soon after add()?
    const fresh: number[] = [];
    for (let i = 0; i < 100; i++) {
      const word = `nowość${i}x${i * 7}`;
      const message: Message = { id: `fresh-${i}`, conversationId: corpus.conversations[i]!.id, author: 'customer', kind: 'text', text: `Pytanie o ${word} i zamówienie`, at: Date.now() };
      t = now();
      service.add([message]);
      while (service.search(word, {}, 10).hits.length === 0) {
        if (now() - t > 1000) throw new Error('a new message never became searchable');
      }
      fresh.push(now() - t);
    }

    // Reload: read the snapshot from IndexedDB and rebuild the index, in a new service.
    await service.persist();
    const reference = sets.map((s) => s.queries.slice(0, 50).map((q) => service.search(q, {}, LIMIT).hits.map((h) => h.messageKey).join()));
    service = undefined as unknown as SearchService;
    storage.close();
    storage = await openStorage(name);
    await gc();
    const beforeReload = heap();
    const reloads: { total: number; read: number; rebuild: number }[] = [];
    let reloaded: SearchService | undefined;
    let catchUpMs = 0;
    let catchUpBlockMs = 0;
    for (let round = 0; round < 3; round++) {
      t = now();
      const raw = await storage.getValue<SearchSnapshot>(SNAPSHOT_KEY);
      const read = now() - t;
      const t2 = now();
      InvertedIndex.fromSnapshot(raw);
      const rebuild = now() - t2;
      let loadedAt = 0;
      const t3 = now();
      stopWatch = watchBlocking();
      const service2 = startService(storage, (s) => {
        if (s.state !== 'loading' && !loadedAt) loadedAt = now();
      });
      await service2.ready();
      catchUpMs = now() - loadedAt;
      catchUpBlockMs = stopWatch();
      reloads.push({ total: loadedAt - t3, read, rebuild });
      reloaded = service2;
      await gc();
    }
    const reloadHeap = heap() - beforeReload;
    const again = sets.map((s) => s.queries.slice(0, 50).map((q) => reloaded!.search(q, {}, LIMIT).hits.map((h) => h.messageKey).join()));
    if (JSON.stringify(again) !== JSON.stringify(reference)) throw new Error('results differ after reload');
    const median = (key: 'total' | 'read' | 'rebuild') => percentile(reloads.map((r) => r[key]), 50);

    return {
      messages: corpus.messages.length,
      limit: LIMIT,
      queries: QUERIES,
      conversations: corpus.conversations.length,
      textMB: corpus.bytes / MB,
      vocabulary,
      naiveHeapMB: naiveHeap / MB,
      indexHeapMB: indexHeap / MB,
      reloadHeapMB: reloadHeap / MB,
      buildMs,
      buildBlockMs,
      engineMs,
      writeMs,
      writeBlockMs,
      snapshotMB: snapshotBytes / MB,
      reloadMs: median('total'),
      reloadReadMs: median('read'),
      reloadRebuildMs: median('rebuild'),
      catchUpMs,
      catchUpBlockMs,
      freshP50Ms: percentile(fresh, 50),
      freshMaxMs: Math.max(...fresh),
      ours,
      naive,
      filtered,
    };
  } finally {
    storage.close();
    await deleteDatabase(name);
  }
}

run().then(
  (results) => {
    (window as unknown as { searchBenchResults: unknown }).searchBenchResults = results;
  },
  (error: unknown) => {
    (window as unknown as { benchError: string }).benchError = String((error as Error)?.stack ?? error);
  },
);
