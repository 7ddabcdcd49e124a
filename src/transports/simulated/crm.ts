/**
 * The simulated CRM behind SimulatedTransport: contacts, accounts, cases, notes and past (closed)
 * Messenger conversations, all seeded, so the same seed and clock give the same CRM.
 *
 * A small directory of customers and company accounts exists from the start, so searches find
 * something before any conversation; every customer the simulator plays gets a contact (and maybe
 * cases and past conversations) the first time it is seen (`ensureCustomer`). Each customer and
 * conversation draws from its own seeded stream, so the transport's scripted sequence is untouched.
 *
 * Pure data and functions: nothing here touches the DOM.
 */
import type { Conversation, Customer, Message, MessageAuthor } from '../../core/model.js';
import {
  validateNewRecord,
  type ConversationLinks,
  type CrmRecord,
  type NewRecord,
  type Note,
  type RecordKind,
  type RecordRef,
  type SearchFilters,
  type SearchHit,
} from '../../core/records.js';
import { TransportError } from '../../core/transport.js';
import { Random, type Scenario, type ScriptLocale } from './scripts.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MAX_NOTE_LENGTH = 10_000;

// ---- text folding and seeds ----

const SPECIAL_LETTERS: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let value = foldedChars.get(char);
  if (value === undefined) {
    value = SPECIAL_LETTERS[char] ?? char.normalize('NFD').replace(/\p{M}+/gu, '');
    foldedChars.set(char, value);
  }
  return value;
}

/** Lower case without diacritics: "Zamówienie Łódź" → "zamowienie lodz". */
export function foldText(text: string): string {
  // Character by character, cached: decomposing whole texts is several times slower.
  return text.toLowerCase().replace(/[\u0080-\u{10ffff}]/gu, foldChar);
}

/** Folded words of a text (letters and digits), for transcript search. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A seed for one named stream (FNV-1a over seed and key): adding a stream never shifts another. */
export function streamSeed(seed: number, key: string): number {
  const input = `${seed >>> 0}:${key}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// ---- seed data ----

interface AccountSeed {
  name: string;
  city: string;
  locale: ScriptLocale;
  domain: string;
}

const ACCOUNTS: readonly AccountSeed[] = [
  { name: 'Zakład Stolarski Dąbrowski i Syn', city: 'Łódź', locale: 'pl', domain: 'stolarnia-dabrowski.example' },
  { name: 'Piekarnia Złoty Kłos', city: 'Kraków', locale: 'pl', domain: 'zloty-klos.example' },
  { name: 'Hurtownia Świętokrzyska sp. z o.o.', city: 'Kielce', locale: 'pl', domain: 'hurtownia-sw.example' },
  { name: 'Żółta Łódka Catering', city: 'Gdańsk', locale: 'pl', domain: 'zolta-lodka.example' },
  { name: 'Pracownia Ceramiki „Źródło”', city: 'Wrocław', locale: 'pl', domain: 'zrodlo.example' },
  { name: 'Northwind Traders Ltd', city: 'Manchester', locale: 'en', domain: 'northwind.example' },
  { name: 'Harbour & Finch LLP', city: 'Cork', locale: 'en', domain: 'harbourfinch.example' },
  { name: 'Bluebell Cycles', city: 'Leeds', locale: 'en', domain: 'bluebell.example' },
];

/** Customers known from earlier conversations. Not in the scripted name lists, so no name is shared by accident. */
const DIRECTORY: readonly { name: string; locale: ScriptLocale }[] = [
  { name: 'Barbara Ścibor-Rylska', locale: 'pl' },
  { name: 'Wojciech Łęcki', locale: 'pl' },
  { name: 'Halina Źrebiec', locale: 'pl' },
  { name: 'Marek Ożóg', locale: 'pl' },
  { name: 'Teresa Głąb', locale: 'pl' },
  { name: 'Ryszard Wąsik', locale: 'pl' },
  { name: 'Danuta Kęsicka', locale: 'pl' },
  { name: 'Stanisław Gąsior', locale: 'pl' },
  { name: 'Iwona Chmielewska', locale: 'pl' },
  { name: 'Bartosz Śliwiński', locale: 'pl' },
  { name: 'Megan Clarke', locale: 'en' },
  { name: 'Rhys Llewellyn', locale: 'en' },
  { name: 'Aoife Byrne', locale: 'en' },
  { name: 'Noah Fitzgerald', locale: 'en' },
  { name: 'Priya Shah', locale: 'en' },
  { name: 'Liam Doherty', locale: 'en' },
];

/** What a past conversation (and its case) was about. `{order}` is replaced by an order number. */
interface Topic {
  locale: ScriptLocale;
  queue: string;
  skills: readonly string[];
  /** Pre-chat answer to "Topic". */
  topic: string;
  subject: string;
  lines: readonly (readonly [MessageAuthor, string])[];
}

const TOPICS: readonly Topic[] = [
  {
    locale: 'pl',
    queue: 'Reklamacje',
    skills: ['reklamacje', 'polski'],
    topic: 'Dostawa',
    subject: 'Opóźniona dostawa zamówienia {order}',
    lines: [
      ['customer', 'Dzień dobry, moje zamówienie {order} miało przyjść w piątek i nadal go nie ma.'],
      ['agent', 'Dzień dobry, już sprawdzam status przesyłki.'],
      ['agent', 'Paczka utknęła w sortowni w Strykowie, powinna dotrzeć jutro.'],
      ['customer', 'Dziękuję, w takim razie poczekam.'],
    ],
  },
  {
    locale: 'pl',
    queue: 'Reklamacje',
    skills: ['reklamacje', 'polski'],
    topic: 'Reklamacja',
    subject: 'Reklamacja: uszkodzona paczka ({order})',
    lines: [
      ['customer', 'Paczka z zamówieniem {order} przyszła uszkodzona, karton był cały mokry.'],
      ['agent', 'Bardzo mi przykro. Proszę przesłać zdjęcie uszkodzeń, założę reklamację.'],
      ['customer', 'Zdjęcie wysłałam mailem. Ekspres do kawy w ogóle się nie włącza.'],
      ['agent', 'Reklamacja przyjęta, odpowiedź przyjdzie w ciągu 14 dni.'],
    ],
  },
  {
    locale: 'pl',
    queue: 'Faktury i płatności',
    skills: ['płatności', 'polski'],
    topic: 'Płatności',
    subject: 'Podwójna płatność BLIK za zamówienie {order}',
    lines: [
      ['customer', 'Zapłaciłam dwa razy za zamówienie {order}, 149,99 zł zeszło z konta dwa razy.'],
      ['agent', 'Widzę obie płatności, zlecam zwrot jednej z nich.'],
      ['customer', 'Ile trwa zwrot na konto?'],
      ['agent', 'Zwrot trwa zwykle od 3 do 5 dni roboczych.'],
    ],
  },
  {
    locale: 'pl',
    queue: 'Faktury i płatności',
    skills: ['płatności', 'polski'],
    topic: 'Faktura',
    subject: 'Faktura VAT na firmę do zamówienia {order}',
    lines: [
      ['customer', 'Potrzebuję faktury VAT na firmę do zamówienia {order}, NIP 525-000-00-00.'],
      ['agent', 'Oczywiście, faktura zostanie wysłana mailem jeszcze dziś.'],
      ['customer', 'Dziękuję bardzo!'],
    ],
  },
  {
    locale: 'pl',
    queue: 'Reklamacje',
    skills: ['dostawa', 'polski'],
    topic: 'Dostawa',
    subject: 'Zmiana adresu dostawy na paczkomat',
    lines: [
      ['customer', 'Czy mogę zmienić adres dostawy zamówienia {order} na paczkomat?'],
      ['agent', 'Tak, zmieniłam adres dostawy na paczkomat WAW123M.'],
      ['customer', 'Super, dzięki 👍'],
    ],
  },
  {
    locale: 'pl',
    queue: 'Wsparcie techniczne',
    skills: ['aplikacja mobilna', 'polski'],
    topic: 'Aplikacja mobilna',
    subject: 'Błąd logowania w aplikacji mobilnej',
    lines: [
      ['customer', 'Nie mogę się zalogować do aplikacji, wyskakuje błąd 0x80070005.'],
      ['agent', 'Proszę wyczyścić pamięć podręczną aplikacji i zalogować się ponownie.'],
      ['customer', 'Działa, dziękuję!'],
    ],
  },
  {
    locale: 'pl',
    queue: 'Sprzedaż',
    skills: ['sprzedaż', 'polski'],
    topic: 'Zwrot',
    subject: 'Zwrot roweru Kross – zły rozmiar',
    lines: [
      ['customer', 'Chcę zwrócić rower z zamówienia {order}, rozmiar L jest za duży.'],
      ['agent', 'Zwrot jest możliwy w ciągu 30 dni, wyślę etykietę zwrotną mailem.'],
      ['customer', 'Świetnie, czekam na etykietę.'],
    ],
  },
  {
    locale: 'en',
    queue: 'Returns',
    skills: ['delivery', 'english'],
    topic: 'Delivery',
    subject: 'Late delivery of order {order}',
    lines: [
      ['customer', "Hi, my order {order} was due on Friday and still hasn't arrived."],
      ['agent', 'Let me check the tracking for you.'],
      ['agent', 'The parcel is at the local depot and should arrive tomorrow.'],
      ['customer', 'Thanks, I will wait.'],
    ],
  },
  {
    locale: 'en',
    queue: 'Billing',
    skills: ['billing', 'english'],
    topic: 'Billing',
    subject: 'Charged twice for the Premium subscription',
    lines: [
      ['customer', 'I was charged twice for my Premium subscription this month.'],
      ['agent', 'I can see both charges and have refunded one of them.'],
      ['customer', 'How long does the refund take?'],
      ['agent', 'Usually 3 to 5 working days.'],
    ],
  },
  {
    locale: 'en',
    queue: 'Returns',
    skills: ['returns', 'english'],
    topic: 'Returns',
    subject: 'Return of a jacket from order {order}',
    lines: [
      ['customer', 'How do I return a jacket from order {order}? It does not fit.'],
      ['agent', 'You can return it within 30 days; I have emailed you a return label.'],
      ['customer', 'Could I exchange it for a size L instead?'],
      ['agent', 'Yes, the exchange is booked.'],
    ],
  },
  {
    locale: 'en',
    queue: 'Technical support',
    skills: ['broadband', 'english'],
    topic: 'Broadband',
    subject: 'Router drops Wi-Fi every evening',
    lines: [
      ['customer', 'The router keeps dropping Wi-Fi every evening around 8pm.'],
      ['agent', 'Please update the router firmware to 2.4.18 and restart it.'],
      ['customer', 'Updated, it seems stable now.'],
    ],
  },
  {
    locale: 'en',
    queue: 'Returns',
    skills: ['delivery', 'english'],
    topic: 'Delivery',
    subject: 'Damaged parcel {order}',
    lines: [
      ['customer', 'My parcel {order} arrived damaged, the box was soaked.'],
      ['agent', 'Sorry about that! Could you send a photo of the damage?'],
      ['customer', 'Photo sent by email.'],
      ['agent', 'A replacement is on its way.'],
    ],
  },
];

const BOT_GREETING: Readonly<Record<ScriptLocale, string>> = {
  pl: 'Dzień dobry! Za chwilę połączymy Cię z konsultantem.',
  en: 'Hi! An agent will be with you shortly.',
};

const NOTE_TEXTS: Readonly<Record<ScriptLocale, readonly string[]>> = {
  pl: [
    'Klient prosi o kontakt telefoniczny po 16:00.',
    'Przekazano do działu reklamacji.',
    'Wysłano etykietę zwrotną mailem.',
    'Zwrot zlecony, czekamy na zaksięgowanie.',
    'Stały klient od 2019 r., proszę traktować priorytetowo.',
  ],
  en: [
    'Customer prefers a call after 4 pm.',
    'Escalated to the claims team.',
    'Return label emailed.',
    'Refund issued, waiting for the bank.',
    'Long-standing customer since 2019, please prioritise.',
  ],
};

const NOTE_AUTHORS: Readonly<Record<ScriptLocale, readonly string[]>> = {
  pl: ['Marta Kowalska', 'Tomasz Lis'],
  en: ['Sarah Jones', 'Tom Reid'],
};

const PRE_CHAT_QUESTIONS: Readonly<Record<ScriptLocale, { firstName: string; topic: string; order: string; email: string }>> = {
  pl: { firstName: 'Imię', topic: 'Temat', order: 'Numer zamówienia', email: 'Adres e-mail' },
  en: { firstName: 'First name', topic: 'Topic', order: 'Order number', email: 'Email address' },
};

const PAGE_NAMES: Readonly<Record<ScriptLocale, string>> = { pl: 'Acme Polska', en: 'Acme Store UK' };

const DEVICES: readonly string[] = ['Messenger for Android', 'Messenger for iOS', 'messenger.com (Chrome)', 'Facebook app (Android)'];

const REFERRALS: readonly string[] = [
  'Page “Send message” button',
  'Click-to-Messenger ad: spring sale',
  'm.me link on https://example.com/contact',
  'Chat plugin on https://example.com/help',
];

const TIMEZONES: Readonly<Record<string, string>> = {
  'pl-PL': 'Europe/Warsaw',
  'en-GB': 'Europe/London',
  'en-IE': 'Europe/Dublin',
  'en-US': 'America/New_York',
};

// ---- the CRM ----

export interface PastConversation {
  readonly conversation: Conversation;
  readonly messages: readonly Message[];
}

/** Pre-chat answers, visitor details and initial links of a new conversation. */
export interface ConversationDetails {
  preChat?: { question: string; answer: string }[];
  visitor: Record<string, string>;
  links?: ConversationLinks;
}

export interface SimulatedCrmOptions {
  seed: number;
  /** Clock, epoch ms: seeded dates count back from it. */
  now: () => number;
  /** Put in front of past conversation and message ids (see SimulatedTransportOptions.idPrefix). */
  idPrefix?: string;
}

export interface RecordQuery {
  kinds?: readonly RecordKind[];
  customerId?: string;
  limit?: number;
}

interface Entry {
  record: CrmRecord;
  /** Folded searchable text: title, subtitle, e-mail, case number; one field per line. */
  haystack: string;
  /** Accounts: ids of the customers who belong to it. */
  members?: Set<string>;
}

type CaseFields = Extract<NewRecord, { kind: 'case' }>['fields'];
type ContactFields = Extract<NewRecord, { kind: 'contact' }>['fields'];

function invalid(message: string): TransportError {
  return new TransportError('invalid', message, { retryable: false });
}

function notFound(message: string): TransportError {
  return new TransportError('not-found', message, { retryable: false });
}

function refOf<R extends RecordRef>(record: R): RecordRef & { kind: R['kind'] } {
  return { kind: record.kind, id: record.id, title: record.title };
}

function copyRecord(record: CrmRecord): CrmRecord {
  return record.fields ? { ...record, fields: { ...record.fields } } : { ...record };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(text[at]!);
}

/** Whether `term` occurs in `text` at the start of a word. */
function startsWord(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !isWordChar(text, at - 1)) return true;
  }
  return false;
}

function slug(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

function phoneFor(random: Random, locale: string | undefined): string {
  switch (locale) {
    case 'en-GB':
      // Ofcom's range for drama: never a real subscriber.
      return `+44 7700 900${random.int(0, 999).toString().padStart(3, '0')}`;
    case 'en-US':
      return `+1 202 555 01${random.int(0, 99).toString().padStart(2, '0')}`;
    case 'en-IE':
      return `+353 85 ${random.digits(3)} ${random.digits(4)}`;
    default:
      return `+48 ${random.pick(['501', '602', '693', '724', '885'])} ${random.digits(3)} ${random.digits(3)}`;
  }
}

function orderNumber(random: Random, locale: ScriptLocale): string {
  return locale === 'pl' ? `PL-${random.digits(4)}` : `A-${random.digits(5)}`;
}

function caseNumber(n: number): string {
  return `CAS-${String(n).padStart(5, '0')}`;
}

/** The CRM of the simulated backend. Commands throw TransportError like a real backend would. */
export class SimulatedCrm {
  readonly #seed: number;
  readonly #now: () => number;
  readonly #idPrefix: string;

  readonly #records = new Map<string, Entry>();
  readonly #customers = new Map<string, Customer>();
  /** Customer id → the customer's primary contact id. */
  readonly #contacts = new Map<string, string>();
  readonly #notes = new Map<string, Note[]>();
  readonly #past = new Map<string, PastConversation>();
  readonly #createdByClientId = new Map<string, string>();
  readonly #notesByClientId = new Map<string, Note>();

  #contactSeq = 0;
  #accountSeq = 0;
  #caseSeq: number;
  #noteSeq = 0;
  #pastSeq = 0;

  constructor(options: SimulatedCrmOptions) {
    this.#seed = options.seed;
    this.#now = options.now;
    this.#idPrefix = options.idPrefix ?? '';
    const random = new Random(streamSeed(options.seed, 'crm'));
    this.#caseSeq = random.int(8000, 8899);
    const anchor = this.#now();
    for (const account of ACCOUNTS) this.#addAccount(account, random, anchor);
    // Every number of cases from 0 to 4 occurs in the directory whatever the seed, so stories find each state.
    const shift = random.int(0, 4);
    DIRECTORY.forEach((person, i) => {
      const locale = person.locale === 'pl' ? 'pl-PL' : random.pick(['en-GB', 'en-IE', 'en-US']);
      const customer: Customer = { id: `cust-d${String(i + 1).padStart(2, '0')}`, name: person.name, locale, facebookId: random.digits(16) };
      this.#addCustomer(customer, person.locale, 0.5, (i + shift) % 5);
    });
  }

  // ---- reading (the transport, tests, stories) ----

  record(id: string): CrmRecord | undefined {
    const entry = this.#records.get(id);
    return entry ? copyRecord(entry.record) : undefined;
  }

  /** Every record, optionally of one kind, in creation order. */
  records(kind?: RecordKind): CrmRecord[] {
    const out: CrmRecord[] = [];
    for (const { record } of this.#records.values()) if (kind === undefined || record.kind === kind) out.push(copyRecord(record));
    return out;
  }

  /** Customers the CRM knows: the directory and every customer seen in a conversation. */
  customers(): Customer[] {
    return [...this.#customers.values()].map((c) => ({ ...c }));
  }

  /** The customer's primary contact. */
  contactOf(customerId: string): CrmRecord | undefined {
    const id = this.#contacts.get(customerId);
    return id === undefined ? undefined : this.record(id);
  }

  /** The account the customer belongs to, if any. */
  accountOf(customerId: string): CrmRecord | undefined {
    for (const entry of this.#records.values()) {
      if (entry.members?.has(customerId)) return copyRecord(entry.record);
    }
    return undefined;
  }

  /** The customer's cases, newest first. */
  casesOf(customerId: string): CrmRecord[] {
    return this.search('', { kinds: ['case'], customerId, limit: Infinity });
  }

  /** Past (closed) conversations, oldest first; of one customer when given. */
  pastConversations(customerId?: string): PastConversation[] {
    const all = [...this.#past.values()];
    return customerId === undefined ? all : all.filter((p) => p.conversation.customer.id === customerId);
  }

  pastConversation(conversationId: string): PastConversation | undefined {
    return this.#past.get(conversationId);
  }

  // ---- records ----

  /**
   * Every word of the query must occur (diacritic-insensitive) in the title, subtitle, e-mail or case
   * number. Matches at the start of a word rank first, then the most recently updated.
   */
  search(query: string, options: RecordQuery = {}): CrmRecord[] {
    const terms = foldText(query).split(/\s+/u).filter((t) => t.length > 0);
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : undefined;
    const limit = Math.max(0, options.limit ?? 20);
    const found: { record: CrmRecord; rank: number }[] = [];
    for (const entry of this.#records.values()) {
      if (kinds && !kinds.has(entry.record.kind)) continue;
      if (options.customerId !== undefined && !this.#belongsTo(entry, options.customerId)) continue;
      let rank = 0;
      let matches = true;
      for (const term of terms) {
        if (!entry.haystack.includes(term)) {
          matches = false;
          break;
        }
        if (!startsWord(entry.haystack, term)) rank++;
      }
      if (matches) found.push({ record: entry.record, rank });
    }
    found.sort(
      (a, b) =>
        a.rank - b.rank ||
        (b.record.updatedAt ?? 0) - (a.record.updatedAt ?? 0) ||
        (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
    );
    return found.slice(0, limit).map((f) => copyRecord(f.record));
  }

  /**
   * Quick-creates a case or contact owned by `owner` (the conversation's customer). Idempotent on
   * `clientId`. Throws TransportError('invalid') on fields that fail validateNewRecord.
   */
  create(input: NewRecord, clientId: string, owner?: Customer): CrmRecord {
    const prior = this.#createdByClientId.get(clientId);
    if (prior !== undefined) return this.record(prior)!;
    if ((input?.kind !== 'case' && input?.kind !== 'contact') || typeof input.fields !== 'object' || input.fields === null) {
      throw invalid('Only cases and contacts, with their fields, can be created.');
    }
    const errors = validateNewRecord(input);
    const failed = Object.entries(errors);
    if (failed.length > 0) {
      throw invalid(`Some fields are not valid: ${failed.map(([field, rule]) => `${field} (${String(rule)})`).join(', ')}.`);
    }
    const at = this.#now();
    const record =
      input.kind === 'case'
        ? this.#addCase(input.fields, 'open', at, owner?.id, this.#origin(owner))
        : this.#addContact(input.fields, at, owner, owner ? { Origin: 'Facebook Messenger' } : {});
    this.#createdByClientId.set(clientId, record.id);
    return copyRecord(record);
  }

  /** Resolves a reference to the CRM's own record; throws not-found for an unknown id or a kind mismatch. */
  resolve(ref: RecordRef): CrmRecord {
    const entry = ref ? this.#records.get(ref.id) : undefined;
    if (!entry || entry.record.kind !== ref.kind) throw notFound(`No ${ref?.kind ?? 'record'} "${ref?.id}".`);
    return copyRecord(entry.record);
  }

  // ---- notes ----

  /** Notes of a record, oldest first. */
  notes(target: RecordRef): Note[] {
    const record = this.resolve(target);
    return (this.#notes.get(record.id) ?? []).map((n) => ({ ...n, target: { ...n.target } }));
  }

  /** Adds a note; idempotent on `clientId`. */
  addNote(input: { target: RecordRef; text: string; clientId: string; author: string; conversationId?: string }): Note {
    const prior = this.#notesByClientId.get(input.clientId);
    if (prior) return { ...prior, target: { ...prior.target } };
    const record = this.resolve(input.target);
    if (typeof input.text !== 'string' || !input.text.trim()) throw invalid('The note is empty.');
    if (input.text.length > MAX_NOTE_LENGTH) throw invalid(`Notes take at most ${MAX_NOTE_LENGTH} characters.`);
    const note = this.#storeNote(refOf(record), input.text, input.author, this.#now(), input.conversationId);
    this.#notesByClientId.set(input.clientId, note);
    return { ...note, target: { ...note.target } };
  }

  // ---- customers and conversations ----

  /** The customer's contact; a customer seen for the first time gets one, and maybe an account, cases and history. */
  ensureCustomer(customer: Customer, locale: ScriptLocale): CrmRecord {
    return this.contactOf(customer.id) ?? this.#addCustomer(customer, locale, 0.25);
  }

  /**
   * Pre-chat answers, visitor details and (sometimes) a link to the customer's contact for a new
   * conversation. `key` names its seeded stream (the transport's offer number).
   */
  conversationDetails(customer: Customer, scenario: Pick<Scenario, 'locale' | 'topic' | 'orderNumber'>, key: string): ConversationDetails {
    const random = new Random(streamSeed(this.#seed, `conversation:${key}`));
    const contact = this.ensureCustomer(customer, scenario.locale);
    const details = this.#details(random, customer, contact, scenario.locale, scenario.topic, scenario.orderNumber);
    // Most conversations start unlinked; a returning customer the CRM recognised starts linked.
    if (random.chance(0.25)) details.links = { customer: refOf(contact) as RecordRef & { kind: 'contact' } };
    return details;
  }

  // ---- internals ----

  #belongsTo(entry: Entry, customerId: string): boolean {
    return entry.record.customerId === customerId || (entry.members?.has(customerId) ?? false);
  }

  #put(record: CrmRecord, members?: Set<string>): CrmRecord {
    const fields = record.fields ?? {};
    const haystack = [record.title, record.subtitle, fields['E-mail'], fields['Case number']]
      .filter((v): v is string => typeof v === 'string' && v.length > 0)
      .map(foldText)
      .join('\n');
    this.#records.set(record.id, members ? { record, haystack, members } : { record, haystack });
    return record;
  }

  #origin(owner: Customer | undefined): Record<string, string> {
    const extra: Record<string, string> = { Origin: 'Facebook Messenger' };
    const contact = owner ? this.contactOf(owner.id) : undefined;
    if (contact) extra['Contact'] = contact.title;
    const account = owner ? this.accountOf(owner.id) : undefined;
    if (account) extra['Account'] = account.title;
    return extra;
  }

  #addAccount(seed: AccountSeed, random: Random, anchor: number): CrmRecord {
    const number = `ACC-${String(10_000 + ++this.#accountSeq * 37 + random.int(0, 30))}`;
    const taxId =
      seed.locale === 'pl'
        ? `NIP ${random.digits(3)}-${random.digits(3)}-${random.digits(2)}-${random.digits(2)}`
        : `Company no. ${random.digits(8)}`;
    return this.#put(
      {
        kind: 'account',
        id: `account-${this.#accountSeq}`,
        title: seed.name,
        subtitle: number,
        updatedAt: anchor - random.int(2, 400) * DAY,
        fields: { 'Account number': number, City: seed.city, 'Tax id': taxId, Website: `https://${seed.domain}` },
      },
      new Set(),
    );
  }

  #addContact(fields: ContactFields, at: number, owner: Customer | undefined, extra: Record<string, string> = {}): CrmRecord {
    const title = [fields.firstName?.trim(), fields.lastName.trim()].filter(Boolean).join(' ');
    const email = fields.email?.trim();
    const phone = fields.phone?.trim();
    const record: CrmRecord = {
      kind: 'contact',
      id: `contact-${++this.#contactSeq}`,
      title,
      ...(email || phone ? { subtitle: email || phone } : {}),
      ...(owner ? { customerId: owner.id } : {}),
      updatedAt: at,
      fields: {
        ...(email ? { 'E-mail': email } : {}),
        ...(phone ? { Phone: phone } : {}),
        ...extra,
      },
    };
    if (owner && !this.#contacts.has(owner.id)) this.#contacts.set(owner.id, record.id);
    return this.#put(record);
  }

  #addCase(fields: CaseFields, status: 'open' | 'closed', at: number, customerId: string | undefined, extra: Record<string, string>): CrmRecord {
    const number = caseNumber(++this.#caseSeq);
    const description = fields.description?.trim();
    return this.#put({
      kind: 'case',
      id: `case-${this.#caseSeq}`,
      title: fields.subject.trim(),
      subtitle: number,
      status,
      ...(customerId !== undefined ? { customerId } : {}),
      updatedAt: at,
      fields: {
        'Case number': number,
        Priority: fields.priority ?? 'normal',
        ...(description ? { Description: description } : {}),
        ...extra,
      },
    });
  }

  #storeNote(target: RecordRef, text: string, author: string, at: number, conversationId?: string): Note {
    const note: Note = {
      id: `note-${++this.#noteSeq}`,
      target,
      text,
      author,
      at,
      ...(conversationId !== undefined ? { conversationId } : {}),
    };
    const list = this.#notes.get(target.id) ?? [];
    // Kept oldest first: seeded notes may be written out of order.
    const index = list.findIndex((n) => n.at > at);
    if (index < 0) list.push(note);
    else list.splice(index, 0, note);
    this.#notes.set(target.id, list);
    return note;
  }

  /** A contact, maybe an account membership, 0–4 cases with their conversations, and some other history. */
  #addCustomer(customer: Customer, locale: ScriptLocale, accountChance: number, cases?: number): CrmRecord {
    const random = new Random(streamSeed(this.#seed, `customer:${customer.id}`));
    const anchor = this.#now();
    this.#customers.set(customer.id, { ...customer });

    const accounts = [...this.#records.values()].filter(
      (e) => e.members !== undefined && ACCOUNTS.some((a) => a.name === e.record.title && a.locale === locale),
    );
    const account = accounts.length > 0 && random.chance(accountChance) ? random.pick(accounts) : undefined;
    const domain = account ? ACCOUNTS.find((a) => a.name === account.record.title)!.domain : locale === 'pl' ? 'poczta.example' : 'mail.example';
    const local = slug(customer.name) || `customer.${this.#contactSeq + 1}`;
    const words = customer.name.trim().split(/\s+/u);
    const lastName = words.length > 1 ? words.slice(1).join(' ') : customer.name.trim() || customer.id;
    const firstName = words.length > 1 ? words[0]! : undefined;
    const extra: Record<string, string> = {};
    if (customer.facebookId) extra['Facebook id'] = customer.facebookId;
    if (customer.locale) extra['Locale'] = customer.locale;
    if (account) extra['Account'] = account.record.title;
    const contact = this.#addContact(
      { ...(firstName ? { firstName } : {}), lastName, email: `${local}@${domain}`, phone: phoneFor(random, customer.locale) },
      anchor - random.int(30, 900) * DAY,
      customer,
      extra,
    );
    // The display name is the customer's own, even when it is not "first last".
    if (contact.title !== customer.name && customer.name.trim()) {
      this.#put({ ...contact, title: customer.name });
    }
    const contactRecord = this.#records.get(contact.id)!.record;
    const contactRef = refOf(contactRecord) as RecordRef & { kind: 'contact' };
    account?.members?.add(customer.id);
    if (random.chance(0.2)) {
      this.#storeNote(contactRef, random.pick(NOTE_TEXTS[locale]), random.pick(NOTE_AUTHORS[locale]), contact.updatedAt ?? anchor);
    }

    const topics = TOPICS.filter((t) => t.locale === locale);
    const drawn = random.int(0, 4);
    const caseCount = cases ?? drawn;
    const starts = Array.from({ length: caseCount }, () => anchor - random.int(1, 240) * DAY - random.int(0, 600) * MINUTE).sort((a, b) => a - b);
    starts.forEach((start, i) => {
      const topic = random.pick(topics);
      const order = orderNumber(random, locale);
      const newest = i === starts.length - 1;
      const status = random.chance(newest ? 0.55 : 0.1) ? 'open' : 'closed';
      const subject = topic.subject.replace('{order}', order);
      const caseExtra: Record<string, string> = { Origin: 'Facebook Messenger', Contact: contactRef.title };
      if (account) caseExtra['Account'] = account.record.title;
      const priority = random.pick(['low', 'normal', 'normal', 'high'] as const);
      const past = this.#addPast(random, customer, contactRecord, locale, topic, order, start);
      const kase = this.#addCase(
        { subject, priority, description: topic.lines[0]![1].replace('{order}', order) },
        status,
        past.conversation.closedAt ?? start,
        customer.id,
        caseExtra,
      );
      const caseRef = refOf(kase) as RecordRef & { kind: 'case' };
      this.#linkPast(past, { customer: contactRef, case: caseRef });
      const noteCount = random.chance(0.5) ? random.int(1, 2) : 0;
      for (let n = 0; n < noteCount; n++) {
        this.#storeNote(
          caseRef,
          random.pick(NOTE_TEXTS[locale]),
          random.pick(NOTE_AUTHORS[locale]),
          (past.conversation.closedAt ?? start) + random.int(5, 600) * MINUTE,
          past.conversation.id,
        );
      }
    });
    const extraConversations = random.int(0, 1);
    for (let i = 0; i < extraConversations; i++) {
      const topic = random.pick(topics);
      const start = anchor - random.int(1, 120) * DAY - random.int(0, 600) * MINUTE;
      const past = this.#addPast(random, customer, contactRecord, locale, topic, orderNumber(random, locale), start);
      if (random.chance(0.5)) this.#linkPast(past, { customer: contactRef });
    }
    return copyRecord(this.#records.get(contact.id)!.record);
  }

  #addPast(
    random: Random,
    customer: Customer,
    contact: CrmRecord,
    locale: ScriptLocale,
    topic: Topic,
    order: string,
    start: number,
  ): PastConversation {
    const id = `${this.#idPrefix}past-${++this.#pastSeq}`;
    const messages: Message[] = [];
    let at = start;
    const add = (author: MessageAuthor, text: string): void => {
      const message: Message = { id: `${id}-m${messages.length + 1}`, conversationId: id, author, kind: 'text', text, at };
      if (author === 'agent') message.status = 'read';
      messages.push(message);
      at += random.int(20, 240) * 1000;
    };
    const greeted = random.chance(0.3);
    const lines = topic.lines.map(([author, text]) => [author, text.replace('{order}', order)] as const);
    if (greeted) {
      add(lines[0]![0], lines[0]![1]);
      add('bot', BOT_GREETING[locale]);
      for (const [author, text] of lines.slice(1)) add(author, text);
    } else {
      for (const [author, text] of lines) add(author, text);
    }
    const lastCustomer = messages.filter((m) => m.author === 'customer').at(-1);
    const details = this.#details(random, customer, contact, locale, topic.topic, topic.lines[0]![1].includes('{order}') ? order : undefined);
    const conversation: Conversation = {
      id,
      customer: { ...customer },
      channel: 'facebook',
      queue: topic.queue,
      state: 'closed',
      skills: [...topic.skills],
      requestedAt: start,
      acceptedAt: start + random.int(15, 120) * 1000,
      ...(lastCustomer ? { lastCustomerMessageAt: lastCustomer.at } : {}),
      closedAt: at + random.int(1, 10) * MINUTE,
      ...(details.preChat ? { preChat: details.preChat } : {}),
      visitor: details.visitor,
    };
    const past: PastConversation = { conversation, messages };
    this.#past.set(id, past);
    return past;
  }

  #linkPast(past: PastConversation, links: ConversationLinks): void {
    this.#past.set(past.conversation.id, { ...past, conversation: { ...past.conversation, links } });
  }

  #details(
    random: Random,
    customer: Customer,
    contact: CrmRecord,
    locale: ScriptLocale,
    topic: string,
    order: string | undefined,
  ): ConversationDetails {
    const region = customer.locale ?? (locale === 'pl' ? 'pl-PL' : 'en-GB');
    const visitor: Record<string, string> = {
      Locale: region,
      Timezone: TIMEZONES[region] ?? 'UTC',
      'Entry point': 'Messenger',
      Page: PAGE_NAMES[locale],
      Device: random.pick(DEVICES),
      Referral: random.pick(REFERRALS),
    };
    // Some customers skip the pre-chat form.
    if (random.chance(0.15)) return { visitor };
    const q = PRE_CHAT_QUESTIONS[locale];
    const preChat: { question: string; answer: string }[] = [];
    const firstName = customer.name.trim().split(/\s+/u)[0];
    if (firstName) preChat.push({ question: q.firstName, answer: firstName });
    preChat.push({ question: q.topic, answer: topic });
    if (order) preChat.push({ question: q.order, answer: order });
    const email = contact.fields?.['E-mail'];
    if (email && random.chance(0.5)) preChat.push({ question: q.email, answer: email });
    return { preChat, visitor };
  }
}

// ---- transcript search ----

/**
 * Folded text by original text. Seeded transcripts repeat their lines a lot (100,000 messages have
 * about 14,000 distinct texts), so this saves most of the folding; cleared when it grows too big.
 */
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/** Folded text per message: messages are replaced, never mutated, so an entry never goes stale. */
const foldedMessages = new WeakMap<Message, string>();

function foldedTextOf(message: Message, text: string): string {
  let value = foldedMessages.get(message);
  if (value === undefined) {
    value = foldCache.get(text);
    if (value === undefined) {
      if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
      value = foldText(text);
      foldCache.set(text, value);
    }
    foldedMessages.set(message, value);
  }
  return value;
}

function conversationMatches(conversation: Conversation, filters: SearchFilters): boolean {
  if (filters.states && filters.states.length > 0 && !filters.states.includes(conversation.state)) return false;
  if (filters.from !== undefined && conversation.requestedAt < filters.from) return false;
  if (filters.to !== undefined && conversation.requestedAt > filters.to) return false;
  const customer = filters.customer?.trim();
  if (customer) {
    const { id, name } = conversation.customer;
    if (id !== customer && !foldText(name).includes(foldText(customer))) return false;
  }
  return true;
}

/**
 * Server-side transcript search: diacritic-insensitive, every query word must be the prefix of a
 * word of the message. Filters are conversation-level (`from`/`to` bound the conversation's start).
 * Newest hits first. `messageKey` is the client id when the message has one, else its id, as the
 * desk stores it.
 */
export function searchTranscripts(
  sources: Iterable<{ conversation: Conversation; messages: readonly Message[] }>,
  query: string,
  filters: SearchFilters = {},
  limit = 50,
): Omit<SearchHit, 'source'>[] {
  const terms = [...new Set(foldedWords(query))];
  if (terms.length === 0 || limit <= 0) return [];
  // The best `limit` hits so far, newest first: a common word can match most of 100,000 messages.
  const best: Omit<SearchHit, 'source'>[] = [];
  const before = (a: Omit<SearchHit, 'source'>, b: Omit<SearchHit, 'source'>): boolean =>
    a.at !== b.at
      ? a.at > b.at
      : a.conversationId !== b.conversationId
        ? a.conversationId < b.conversationId
        : a.messageKey < b.messageKey;
  for (const { conversation, messages } of sources) {
    if (!conversationMatches(conversation, filters)) continue;
    // Newest first: once `limit` hits are found, older messages are skipped before any text work.
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i]!;
      const text = message.text;
      if (!text) continue;
      if (best.length === limit && best[limit - 1]!.at > message.at) continue;
      const haystack = foldedTextOf(message, text);
      // Terms are letters and digits only, so "occurs at the start of a word" is "is the prefix of a word".
      if (!terms.every((term) => startsWord(haystack, term))) continue;
      const hit = { conversationId: conversation.id, messageKey: message.clientId ?? message.id, at: message.at, text, author: message.author };
      if (best.length === limit && !before(hit, best[limit - 1]!)) continue;
      let low = 0;
      let high = best.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (before(best[mid]!, hit)) low = mid + 1;
        else high = mid;
      }
      best.splice(low, 0, hit);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}
