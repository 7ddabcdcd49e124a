/**
 * Runs in Chromium (production build, launched with --expose-gc and precise memory info).
 * Transcript search over a seeded 100,000-message English + Polish corpus, stored in IndexedDB:
 * index build (catch-up from storage), snapshot write, reload, heap, query latencies, time until
 * a new message is searchable, and a naive `includes` scan over folded texts in the same run;
 * long main-thread tasks during the build, the write and the reload's catch-up, and the same build
 * in a Worker for comparison.
 * Results go to `window.searchBenchResults` for bench/run.mjs to print.
 */
import type { Conversation, Message } from '../src/core/model.js';
import { createMemoryStorage, openStorage, type Storage } from '../src/core/storage.js';
import { createSearchService, finish, fold, InvertedIndex, queryWords, readSnapshot, tokenize, type SearchSnapshot, type SearchTuning } from '../src/core/search/service.js';
import type { SearchService, SearchStatus } from '../src/core/search/types.js';
import { mulberry32 } from '../src/core/random.js';
import type { SearchMatches } from '../src/core/search/types.js';
import type { SearchResults } from '../src/core/records.js';
import MiniSearch from 'minisearch';
import { Index as FlexIndex } from 'flexsearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';

/** `?messages=20000` for a quick look; the bench runs 100,000. */
const MESSAGES = Number(new URLSearchParams(location.search).get('messages')) || 100_000;
const PER_CONVERSATION = 20;
const QUERIES = 300;
const LIMIT = 100;
const T0 = Date.UTC(2024, 0, 1);
/** Messages stored after the last snapshot, for the reload's catch-up to find (words no query uses). */
const LATE = 1000;
const LATE_WORD = 'zzlate';

// ---- seeded corpus ----


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

/** Main-thread tasks of 50 ms or more as Chromium reports them (PerformanceObserver 'longtask'). */
function watchLongTasks(): () => Promise<PerformanceEntry[]> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  return async () => {
    // A task that just ended is reported after it: one more turn of the event loop.
    await nextTask();
    entries.push(...observer.takeRecords());
    observer.disconnect();
    return entries;
  };
}

/** A turn of the event loop: what follows runs in a task of its own. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The longest of the long tasks starting in [from, to), and how many there were. */
function longTasks(entries: readonly PerformanceEntry[], from = 0, to = Infinity): { longest: number; count: number } {
  const seen = entries.filter((e) => e.startTime >= from && e.startTime < to);
  return { longest: Math.max(0, ...seen.map((e) => e.duration)), count: seen.length };
}

/** Runs sliced work to its end, 6 ms at a time, as the service does. */
async function sliced<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const deadline = now() + 6;
    let step = steps.next();
    while (!step.done && now() < deadline) step = steps.next();
    if (step.done) return step.value;
    await nextTask();
  }
}

/**
 * The other way to keep the main thread free: the whole build in a Worker (reading IndexedDB
 * there too), its snapshot sent back and restored in slices. Time until the index answers with
 * every message and takes new ones, and the long tasks meanwhile; the index, to compare answers.
 */
async function workerBuild(db: string): Promise<{ ms: number; longTasks: { longest: number; count: number }; index: InvertedIndex }> {
  const stop = watchLongTasks();
  const from = now();
  await nextTask();
  performance.mark('search-worker');
  const t = now();
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const snapshot = await new Promise<SearchSnapshot>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<SearchSnapshot>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`worker: ${event.message}`));
    worker.postMessage({ db });
  });
  worker.terminate();
  const index = await sliced(InvertedIndex.restoreSteps(snapshot.index));
  if (!index || !(await sliced(index.attachKeysSteps(snapshot.keys)))) throw new Error('the worker snapshot did not restore');
  const ms = now() - t;
  performance.measure('search-worker', 'search-worker');
  return { ms, longTasks: longTasks(await stop(), from), index };
}

function newTimings() {
  return { read: 0, keys: 0, slice: 0, put: 0, slices: 0, longSlices: 0 };
}

/** Keeps the longest of each, and counts slices of work longer than a frame. */
function recorder(timings: ReturnType<typeof newTimings>): NonNullable<SearchTuning['onTiming']> {
  return (what, ms) => {
    timings[what] = Math.max(timings[what], ms);
    if (what === 'slice') {
      timings.slices++;
      if (ms > 16) timings.longSlices++;
    }
  };
}

function startService(storage: Storage, onStatus: (s: SearchStatus) => void = () => undefined, onTiming?: SearchTuning['onTiming']): SearchService {
  // No background snapshot while measuring: it is written by persist(), timed.
  const tuning: SearchTuning = { persistDelayMs: 3_600_000, persistMaxWaitMs: 3_600_000 };
  if (onTiming) tuning.onTiming = onTiming;
  return createSearchService({ storage, conversations: () => ({}), onStatus, tuning });
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

const log = (text: string) => console.log(`[search bench] ${text}`);
const REFERENCE = 'cc-search-bench-reference';

interface Reference {
  db: string;
  sets: QuerySet[];
  /** Per set, per query: the hits as `conversationId@at`. */
  results: string[][];
}

const hitsOf = (service: SearchService, q: string) =>
  service
    .search(q, {}, LIMIT)
    .hits.map((h) => `${h.conversationId}@${h.at}`)
    .join();

/** Every match counted and the first page of hits made: what a desk search asks for. */
function timeFullSet(service: SearchService, sets: readonly QuerySet[]) {
  return timeQueries(sets, (q) => service.searchAll(q, {}).page(0, LIMIT));
}

/** First page: corpus, build, snapshot, queries, naive baseline, fresh messages. */
async function run(): Promise<unknown> {
  const corpus = makeCorpus(20250330);
  const sets = makeQueries(corpus, 7);
  log(`corpus: ${corpus.messages.length} messages, ${(corpus.bytes / MB).toFixed(1)} MB`);

  // The naive scan's data: every text folded, newest last.
  await gc();
  const beforeNaive = heap();
  const folded = corpus.messages.map((m) => fold(m.text!));
  await gc();
  const naiveHeap = heap() - beforeNaive;

  const db = `cc-search-bench-${Date.now()}`;
  await deleteDatabase(db);
  const storage = await openStorage(db);
  if (storage.kind !== 'indexeddb') throw new Error('IndexedDB unavailable');
  const t = now();
  for (let i = 0; i < corpus.messages.length; i += 10_000) await storage.putMessages(corpus.messages.slice(i, i + 10_000));
  await storage.putConversations(corpus.conversations);
  log(`stored in IndexedDB in ${(now() - t).toFixed(0)} ms`);
  try {
    return await measure(corpus, sets, folded, naiveHeap, storage, db);
  } catch (error) {
    storage.close();
    await deleteDatabase(db);
    throw error;
  }
}

async function measure(corpus: Corpus, sets: QuerySet[], folded: readonly string[], naiveHeap: number, storage: Storage, db: string): Promise<unknown> {
  let t: number;
  // Build: the real path, catching up with the stored messages (in key order) in slices.
  await gc();
  const beforeBuild = heap();
  const timings = newTimings();
  const record = recorder(timings);
  let stopWatch = watchBlocking();
  let stopLongTasks = watchLongTasks();
  // Long tasks are counted from the next task on (not the one that started watching).
  let from = now();
  await nextTask();
  performance.mark('search-build');
  t = now();
  const service = startService(storage, undefined, record);
  await service.ready();
  performance.measure('search-build', 'search-build');
  const buildMs = now() - t;
  const buildBlockMs = stopWatch();
  const buildLongTasks = longTasks(await stopLongTasks(), from);
  const buildSliceMs = timings.slice;
  const buildSlices = `${timings.longSlices} of ${timings.slices}`;
  Object.assign(timings, { slice: 0, slices: 0, longSlices: 0 });
  // Measured before the compaction the service starts now gets a turn: synchronous GC, no await.
  const collect = (globalThis as unknown as { gc: () => void }).gc;
  collect();
  collect();
  const indexHeap = heap() - beforeBuild;
  log(`built in ${buildMs.toFixed(0)} ms`);
  // Straight after a catch-up, docs are in key order, not time order: queries rank more candidates.
  const beforeCompaction = timeQueries(sets, (q) => service.search(q, {}, LIMIT));

  // The snapshot, built in slices and written; the live index is replaced by the compacted one
  // (started by the service when the catch-up ended).
  stopWatch = watchBlocking();
  stopLongTasks = watchLongTasks();
  from = now();
  await nextTask();
  performance.mark('search-write');
  t = now();
  await service.persist();
  performance.measure('search-write', 'search-write');
  const writeMs = now() - t;
  const writeBlockMs = stopWatch();
  const writeLongTasks = longTasks(await stopLongTasks(), from);
  const writeSliceMs = timings.slice;
  const writeSlices = `${timings.longSlices} of ${timings.slices}`;
  const writePutMs = timings.put;
  await gc();
  const compactHeap = heap() - beforeBuild;

  // The same build in a Worker: its index must answer exactly as the service's.
  const inWorker = await workerBuild(db);
  for (const q of sets.flatMap((set) => set.queries)) {
    const theirs = inWorker.index
      .search(queryWords(q), {}, LIMIT)
      .docs.map((d) => `${inWorker.index.info(d).conversationId}@${inWorker.index.info(d).at}`)
      .join();
    if (theirs !== hitsOf(service, q)) throw new Error(`the worker's index answers "${q}" differently`);
  }
  const workerBuildMs = inWorker.ms;
  const workerLongTasks = inWorker.longTasks;

  // The engine alone, without storage reads: every message in one synchronous loop.
  const engineMs = (() => {
    const engine = new InvertedIndex();
    const started = now();
    for (const m of corpus.messages) engine.add(m.conversationId, m.id, m.at, m.author, m.text!);
    return now() - started;
  })();

  const snapshot = await readSnapshot(storage);
  const bytesOf = (part: unknown) =>
    Object.values(part as object).reduce<number>((sum, value) => sum + (ArrayBuffer.isView(value) ? value.byteLength : typeof value === 'string' ? value.length : 0), 0);
  const snapshotBytes = bytesOf(snapshot.index) + bytesOf(snapshot.keys);
  const indexPartBytes = bytesOf(snapshot.index);
  const vocabulary = (snapshot.index as { vocabulary: string }).vocabulary.split('\n').length;

  const ours = timeQueries(sets, (q) => service.search(q, {}, LIMIT));
  const oursAll = timeFullSet(service, sets);
  const naive = timeQueries(sets, (q) => naiveSearch(folded, q, LIMIT));
  // Filters narrow the candidates after the postings walk: a date range and a customer.
  const filtered = timeQueries(
    [{ kind: '1-word + customer + dates', queries: sets[0]!.queries }],
    (q) => service.search(q, { customer: 'nowak', from: T0 + 30 * 86_400_000, to: T0 + 60 * 86_400_000 }, LIMIT),
  );
  // The text of the hits, read back from IndexedDB (what desk.searchTranscripts adds).
  const hydrateTimes: number[] = [];
  for (const q of sets[0]!.queries.slice(0, 30)) {
    const results = service.search(q, {}, 20);
    t = now();
    await service.hydrate(results);
    hydrateTimes.push(now() - t);
  }

  // Every hit has every word as a prefix of one of its words; the naive scan finds at least as many.
  const byTime = new Map(corpus.messages.map((m) => [m.at, m] as const));
  for (const set of sets) {
    for (const q of set.queries) {
      const result = service.search(q, {}, LIMIT);
      for (const hit of result.hits) {
        const tokens = tokenize(byTime.get(hit.at)!.text!);
        if (!result.terms.every((w) => tokens.some((tok) => tok.startsWith(w)))) throw new Error(`wrong hit for "${q}"`);
      }
      if (result.hits.length === 0) throw new Error(`no hit for "${q}", drawn from the corpus`);
      if (naiveSearch(folded, q, LIMIT).length < result.hits.length) throw new Error(`naive found fewer for "${q}"`);
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
  await service.persist();
  // Stored after the last snapshot (in the seconds before a page closes, or by another tab).
  const late = Array.from({ length: LATE }, (_, i): Message => ({
    id: `late-${i}`,
    conversationId: corpus.conversations[(i * 7) % corpus.conversations.length]!.id,
    author: 'customer',
    kind: 'text',
    text: `${LATE_WORD} qq${i}`,
    at: Date.now() + i,
  }));
  await storage.putMessages(late);
  storage.close();

  // The reload is measured in a fresh page (cold code, as after a real page load): it needs the
  // queries and what they found here.
  const reference: Reference = { db, sets: sets.map((s) => ({ kind: s.kind, queries: s.queries.slice(0, 100) })), results: [] };
  reference.results = reference.sets.map((s) => s.queries.map((q) => hitsOf(service, q)));
  localStorage.setItem(REFERENCE, JSON.stringify(reference));

  return {
    messages: corpus.messages.length,
    limit: LIMIT,
    queries: QUERIES,
    conversations: corpus.conversations.length,
    textMB: corpus.bytes / MB,
    vocabulary,
    naiveHeapMB: naiveHeap / MB,
    indexHeapMB: indexHeap / MB,
    compactHeapMB: compactHeap / MB,
    buildMs,
    buildBlockMs,
    buildSliceMs,
    buildSlices,
    buildLongTasks,
    writeLongTasks,
    workerBuildMs,
    workerLongTasks,
    writeSliceMs,
    writeSlices,
    writePutMs,
    engineMs,
    writeMs,
    writeBlockMs,
    snapshotMB: snapshotBytes / MB,
    indexPartMB: indexPartBytes / MB,
    freshP50Ms: percentile(fresh, 50),
    freshP95Ms: percentile(fresh, 95),
    freshMaxMs: Math.max(...fresh),
    hydrateP50Ms: percentile(hydrateTimes, 50),
    ours,
    oursAll,
    beforeCompaction,
    naive,
    filtered,
  };
}

/** Second page (`?reload`): a new service over the stored snapshot, as after a page reload. */
async function runReload(): Promise<unknown> {
  const reference = JSON.parse(localStorage.getItem(REFERENCE)!) as Reference;
  localStorage.removeItem(REFERENCE);
  try {
    const storage = await openStorage(reference.db);
    // On a desk, storage has long been in use (drafts, transcripts) when search is enabled: the
    // connection's first transaction is not the search's to pay.
    let t = now();
    await storage.getValue('bench-first-transaction');
    const firstTransactionMs = now() - t;
    const timings = newTimings();
    const record = recorder(timings);
    await gc();
    const before = heap();
    let loadedAt = 0;
    // The blocking watch starts once the index is searchable: its stream of tasks would slow the reload.
    let stopWatch = () => 0;
    const stopLongTasks = watchLongTasks();
    const from = now();
    await nextTask();
    t = now();
    const service = startService(
      storage,
      (s) => {
        if (s.state !== 'loading' && !loadedAt) {
          loadedAt = now();
          stopWatch = watchBlocking();
        }
      },
      record,
    );
    await service.ready();
    performance.measure('search-reload', { start: t });
    const reloadMs = loadedAt - t;
    const catchUpMs = now() - loadedAt;
    const catchUpBlockMs = stopWatch();
    const reloadTasks = await stopLongTasks();
    // Until searchable (reading and rebuilding the snapshot), then the catch-up until ready.
    const restoreLongTasks = longTasks(reloadTasks, from, loadedAt);
    const catchUpLongTasks = longTasks(reloadTasks, loadedAt);
    await gc();
    const reloadHeap = heap() - before;
    const again = reference.sets.map((s) => s.queries.map((q) => hitsOf(service, q)));
    if (JSON.stringify(again) !== JSON.stringify(reference.results)) throw new Error('results differ after reload');
    if (service.search(LATE_WORD, {}, LATE + 1).hits.length !== LATE) throw new Error('the catch-up missed messages stored after the snapshot');

    // Again, warm: reading the snapshot (both parts) and rebuilding the searchable part, each alone.
    const reads: number[] = [];
    const rebuilds: number[] = [];
    for (let round = 0; round < 3; round++) {
      let t2 = now();
      const raw = await readSnapshot(storage);
      reads.push(now() - t2);
      t2 = now();
      finish(InvertedIndex.restoreSteps(raw.index));
      rebuilds.push(now() - t2);
    }
    const afterReload = timeQueries(reference.sets, (q) => service.search(q, {}, LIMIT));
    const afterReloadAll = timeFullSet(service, reference.sets);
    storage.close();
    return {
      reloadMs,
      firstTransactionMs,
      catchUpMs,
      catchUpBlockMs,
      restoreLongTasks,
      catchUpLongTasks,
      reloadHeapMB: reloadHeap / MB,
      readMs: percentile(reads, 50),
      rebuildMs: percentile(rebuilds, 50),
      keysMs: timings.keys,
      longestSliceMs: timings.slice,
      catchUpSlices: `${timings.longSlices} of ${timings.slices}`,
      afterReload,
      afterReloadAll,
    };
  } finally {
    await deleteDatabase(reference.db);
  }
}

// ---- side by side: the same corpus and queries in MiniSearch, FlexSearch and Orama ----

const PEER_QUERIES = 100;
const ROUNDS = 3;
/** Longest a contender's timed queries of one kind may take in a round; beyond, the queries timed so far stand. */
const QUERY_BUDGET_MS = 4000;

interface Contender {
  name: string;
  build(corpus: Corpus): Promise<Engine>;
}

interface Engine {
  /** Kept alive while the heap is measured. */
  hold: unknown;
  /** The newest `limit` matches, as corpus positions, newest first. */
  newest(query: string, limit: number): number[] | Promise<number[]>;
  /** Every match (the full result set), in the engine's own order; timed as the engine gives it. */
  all(query: string): unknown;
  /** `all`'s answer as corpus positions (not timed). */
  ids(answer: unknown): number[];
}

/** Diacritics dropped the plain way, apart from the project's folding: the ground truth's own. */
function plainFold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/ł/g, 'l');
}
const plainWords = (text: string) => plainFold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * What every engine should find: the messages where each query word starts one of their words,
 * diacritics ignored. Built apart from every engine: word → messages, words sorted for prefixes.
 */
function groundTruth(texts: readonly string[]): (query: string) => Uint32Array {
  const postings = new Map<string, number[]>();
  texts.forEach((text, i) => {
    for (const word of new Set(plainWords(text))) {
      const list = postings.get(word);
      if (list) list.push(i);
      else postings.set(word, [i]);
    }
  });
  const vocabulary = [...postings.keys()].sort();
  const count = new Uint8Array(texts.length);
  const seen = new Int32Array(texts.length).fill(-1);
  return (query) => {
    const words = [...new Set(plainWords(query))];
    count.fill(0);
    words.forEach((w, j) => {
      let lo = 0;
      let hi = vocabulary.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (vocabulary[mid]! < w) lo = mid + 1;
        else hi = mid;
      }
      for (let r = lo; r < vocabulary.length && vocabulary[r]!.startsWith(w); r++) {
        for (const d of postings.get(vocabulary[r]!)!) {
          if (seen[d] !== j) {
            seen[d] = j;
            count[d]!++;
          }
        }
      }
    });
    seen.fill(-1);
    const hits: number[] = [];
    for (let d = texts.length - 1; d >= 0; d--) if (words.length > 0 && count[d] === words.length) hits.push(d);
    return Uint32Array.from(hits);
  };
}

/** 1 word as typed, a 4-letter prefix, and a word with diacritics typed without them. */
function makePeerQueries(corpus: Corpus, seed: number): QuerySet[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const wordsOf = (m: Message) => (m.text!.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3);
  const one: string[] = [];
  const prefix: string[] = [];
  const plain: string[] = [];
  while (one.length < PEER_QUERIES || prefix.length < PEER_QUERIES || plain.length < PEER_QUERIES) {
    const ws = wordsOf(pick(corpus.messages));
    if (ws.length === 0) continue;
    if (one.length < PEER_QUERIES) one.push(pick(ws).toLowerCase());
    const long = ws.filter((w) => w.length >= 6);
    if (prefix.length < PEER_QUERIES && long.length > 0) prefix.push(pick(long).toLowerCase().slice(0, 4));
    const marked = ws.filter((w) => plainFold(w) !== w.toLowerCase());
    if (plain.length < PEER_QUERIES && marked.length > 0) plain.push(plainFold(pick(marked)));
  }
  return [
    { kind: '1-word', queries: one },
    { kind: 'prefix (4 letters)', queries: prefix },
    { kind: 'no diacritics', queries: plain },
  ];
}

const newestOf = (ids: number[], limit: number) => ids.sort((a, b) => b - a).slice(0, limit);

/** Ours: the search service, as the desk runs it (memory storage; every message added at once, indexed in slices). */
const oursContender: Contender = {
  name: 'ours',
  async build(corpus) {
    const service = startService(createMemoryStorage());
    service.add(corpus.messages);
    await service.ready();
    const position = new Map(corpus.messages.map((m, i) => [m.at, i] as const));
    return {
      hold: service,
      newest: (q, limit) => service.search(q, {}, limit).hits.map((h) => position.get(h.at)!),
      // Every match counted, the first page's hits made (the count an agent sees, and the list).
      all: (q) => {
        const matches = service.searchAll(q, {});
        return { matches, first: matches.page(0, LIMIT) };
      },
      ids: (answer) => {
        const { matches, first } = answer as { matches: SearchMatches; first: SearchResults };
        const ids = matches.page(0, matches.total).hits.map((h) => position.get(h.at)!);
        // Every match newest first, the first page its beginning.
        if (ids.some((d, i) => i > 0 && d >= ids[i - 1]!)) throw new Error(`every match of "${matches.query}" is not newest first`);
        if (first.hits.map((h) => position.get(h.at)).join() !== ids.slice(0, LIMIT).join()) throw new Error(`first page of "${matches.query}" differs`);
        return ids;
      },
    };
  },
};

const miniSearchContender: Contender = {
  name: 'MiniSearch',
  async build(corpus) {
    const engine = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => term,
      searchOptions: { prefix: true, combineWith: 'AND' },
    });
    engine.addAll(corpus.messages.map((m, i) => ({ id: i, text: m.text! })));
    await Promise.resolve();
    return {
      hold: engine,
      // Ranked by relevance: the newest are sorted out of every match.
      newest: (q, limit) => newestOf(engine.search(q).map((r) => r.id as number), limit),
      all: (q) => engine.search(q),
      ids: (answer) => (answer as { id: number }[]).map((r) => r.id),
    };
  },
};

const flexSearchContender: Contender = {
  name: 'FlexSearch',
  async build(corpus) {
    // "forward": every word indexed by each of its beginnings (prefix search); words folded by the encoder.
    const engine = new FlexIndex({ tokenize: 'forward', encode: (text: string) => tokenize(text) });
    corpus.messages.forEach((m, i) => engine.add(i, m.text!));
    await Promise.resolve();
    const every = { limit: corpus.messages.length };
    return {
      hold: engine,
      newest: (q, limit) => newestOf((engine.search(q, every) as number[]).slice(), limit),
      all: (q) => engine.search(q, every),
      ids: (answer) => [...(answer as number[])],
    };
  },
};

const oramaContender: Contender = {
  name: 'Orama',
  async build(corpus) {
    const engine = create({
      schema: { text: 'string', at: 'number' } as const,
      components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (text: string) => tokenize(text) } },
    });
    for (let i = 0; i < corpus.messages.length; i += 5000) {
      await insertMultiple(
        engine,
        corpus.messages.slice(i, i + 5000).map((m, j) => ({ id: String(i + j), text: m.text!, at: m.at })),
        5000,
      );
    }
    const ids = (hits: readonly { id: string }[]) => hits.map((h) => Number(h.id));
    // threshold 0: only documents with every word; prefixes match by default (exact: false).
    const params = (q: string, limit: number, newest: boolean) => ({
      term: q,
      properties: ['text'] as 'text'[],
      threshold: 0,
      limit,
      ...(newest ? { sortBy: { property: 'at', order: 'DESC' as const } } : {}),
    });
    return {
      hold: engine,
      newest: async (q, limit) => ids((await oramaSearch(engine, params(q, limit, true))).hits),
      all: (q) => oramaSearch(engine, params(q, corpus.messages.length, false)),
      ids: (answer) => ids((answer as Awaited<ReturnType<typeof oramaSearch>>).hits),
    };
  },
};

interface PeerTiming {
  kind: string;
  p50: number;
  p95: number;
  /** Queries timed (fewer than asked when the budget ran out). */
  timed: number;
}

/** Like timeQueries, for engines whose answers may be promises, within a time budget per kind. */
async function timeEngine(sets: readonly QuerySet[], run: (q: string) => unknown): Promise<PeerTiming[]> {
  const results: PeerTiming[] = [];
  for (const { kind, queries } of sets) {
    for (const q of queries.slice(0, 10)) await run(q); // warm-up
    const times: number[] = [];
    const started = now();
    for (const q of queries) {
      const t = now();
      const answer = run(q);
      if (answer instanceof Promise) await answer;
      times.push(now() - t);
      if (now() - started > QUERY_BUDGET_MS) break;
    }
    results.push({ kind, p50: percentile(times, 50), p95: percentile(times, 95), timed: times.length });
  }
  return results;
}

interface Accuracy {
  kind: string;
  /** Over every query of the kind: found and expected / expected, found and expected / found. */
  recall: number;
  precision: number;
  /** Queries whose newest 100 were exactly the expected ones, in order. */
  newestExact: number;
}

async function accuracy(engine: Engine, sets: readonly QuerySet[], truth: (q: string) => Uint32Array): Promise<Accuracy[]> {
  return Promise.all(
    sets.map(async ({ kind, queries }) => {
      let expected = 0;
      let found = 0;
      let right = 0;
      let newestExact = 0;
      for (const q of queries) {
        const want = truth(q);
        const wanted = new Set(want);
        const answer = engine.all(q);
        const got = new Set(engine.ids(answer instanceof Promise ? await answer : answer));
        expected += wanted.size;
        found += got.size;
        for (const d of got) if (wanted.has(d)) right++;
        const newest = await engine.newest(q, LIMIT);
        if (newest.join() === Array.from(want.subarray(0, LIMIT)).join()) newestExact++;
      }
      return { kind, recall: expected ? right / expected : 1, precision: found ? right / found : 1, newestExact };
    }),
  );
}

/** Third page (`?peers`): ours and the peers, interleaved, round after round. */
async function runPeers(): Promise<unknown> {
  const corpus = makeCorpus(20250330);
  const sets = makePeerQueries(corpus, 11);
  const truth = groundTruth(corpus.messages.map((m) => m.text!));
  const matches = sets.map((s) => ({ kind: s.kind, mean: s.queries.reduce((sum, q) => sum + truth(q).length, 0) / s.queries.length }));
  log(`peers: ${corpus.messages.length} messages, ${sets.map((s) => s.queries.length).join(' / ')} queries`);
  const contenders = [oursContender, miniSearchContender, flexSearchContender, oramaContender];
  const rounds: Record<string, { buildMs: number; heapMB: number; newest: PeerTiming[]; all: PeerTiming[] }[]> = {};
  const accuracies: Record<string, Accuracy[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    // A different contender first in each round.
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const contender of order) {
      await gc();
      const before = heap();
      let t = now();
      let engine: Engine | undefined = await contender.build(corpus);
      const buildMs = now() - t;
      await gc();
      const heapMB = (heap() - before) / MB;
      t = now();
      const newest = await timeEngine(sets, (q) => engine!.newest(q, LIMIT));
      const all = await timeEngine(sets, (q) => engine!.all(q));
      if (round === 0) accuracies[contender.name] = await accuracy(engine, sets, truth);
      (rounds[contender.name] ??= []).push({ buildMs, heapMB, newest, all });
      log(`round ${round + 1}: ${contender.name} built in ${buildMs.toFixed(0)} ms, ${heapMB.toFixed(1)} MB, queried in ${(now() - t).toFixed(0)} ms`);
      engine = undefined;
    }
  }
  return { messages: corpus.messages.length, rounds: ROUNDS, limit: LIMIT, queries: PEER_QUERIES, budgetMs: QUERY_BUDGET_MS, matches, results: rounds, accuracy: accuracies };
}

const page = new URLSearchParams(location.search);
(page.has('peers') ? runPeers() : page.has('reload') ? runReload() : run()).then(
  (results) => {
    (window as unknown as { searchBenchResults: unknown }).searchBenchResults = results;
  },
  (error: unknown) => {
    (window as unknown as { benchError: string }).benchError = String((error as Error)?.stack ?? error);
  },
);
