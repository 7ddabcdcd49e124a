/**
 * Scripted customer data for the simulated Facebook transport: names, queues, conversations
 * and transcript lines in Polish and English, drawn from a seedable PRNG. Pure data and
 * functions: nothing here touches the DOM.
 */
import type { ConversationState, Customer } from '../../core/model.js';
import { mulberry32 } from '../../core/random.js';

// ---- PRNG ----

export { mulberry32 };

/** Convenience wrapper around mulberry32. Same seed, same sequence. */
export class Random {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** Float in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
    return items[Math.floor(this.#next() * items.length)]!;
  }

  /** A string of `length` decimal digits, not starting with 0. */
  digits(length: number): string {
    let out = String(this.int(1, 9));
    for (let i = 1; i < length; i++) out += String(this.int(0, 9));
    return out;
  }
}

// ---- Customers ----

export type ScriptLocale = 'pl' | 'en';

export const POLISH_NAMES: readonly string[] = [
  'Zofia Wójcik',
  'Łukasz Dąbrowski',
  'Małgorzata Kowalczyk',
  'Grzegorz Brzęczyszczykiewicz',
  'Anna Nowak',
  'Piotr Zieliński',
  'Katarzyna Szymańska',
  'Michał Woźniak',
  'Agnieszka Kamińska',
  'Jędrzej Żółkiewski',
  'Ewa Lewandowska',
  'Paweł Kaczmarek',
  'Joanna Grabowska',
  'Tomasz Pawłowski',
  'Aleksandra Mazur',
  'Krzysztof Jabłoński',
];

export const ENGLISH_NAMES: readonly string[] = [
  'Emily Carter',
  "James O'Brien",
  'Siobhan McAllister',
  'Oliver Bennett',
  'Charlotte Hughes',
  'Daniel Price',
  'Amelia Thompson',
  'Harry Walsh',
  'Grace Patel',
  'Jack Robinson',
  'Chloe Evans',
  'William Foster-Montgomery',
];

/**
 * A scripted customer. No avatar: avatar URLs are left out so nothing is ever fetched;
 * elements show initials.
 */
export function scriptedCustomer(random: Random, locale: ScriptLocale, n: number): Customer {
  const name = random.pick(locale === 'pl' ? POLISH_NAMES : ENGLISH_NAMES);
  const region = locale === 'pl' ? 'pl-PL' : random.pick(['en-GB', 'en-US', 'en-IE']);
  return {
    id: `cust-${n}`,
    name,
    locale: region,
    // Page-scoped ids are long numeric strings.
    facebookId: random.digits(16),
  };
}

// ---- Conversations ----

/** One scripted conversation: what the customer says first, next, and in reply to the agent. */
export interface Scenario {
  locale: ScriptLocale;
  queue: string;
  skills: readonly string[];
  /** First message (the offer preview). */
  first: string;
  /** The first message after the customer edited it. */
  firstEdited: string;
  /** Sent shortly after the agent accepts. */
  followUp: string;
  /** Answers to the agent's messages, used in order, then cycled. */
  replies: readonly string[];
  /** Name of the file the customer sends, without extension. */
  documentName: string;
  /** What the customer picked as the topic in the pre-chat form. */
  topic: string;
  /** Order number the customer typed in the pre-chat form, when the scenario is about an order. */
  orderNumber?: string;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    locale: 'pl',
    queue: 'Reklamacje',
    skills: ['reklamacje', 'polski'],
    first: 'Dzień dobry, zamówienie nr 48213 miało przyjść wczoraj, a dalej nic 😕',
    firstEdited: 'Dzień dobry, zamówienie nr 48231 miało przyjść wczoraj, a dalej nic 😕',
    followUp: 'Numer przesyłki to `PL-7731-0092`. Status *nie zmienił się od 3 dni*.',
    replies: [
      'Dobrze, dziękuję. A kiedy mniej więcej mogę się spodziewać paczki?',
      'Czy mogę zmienić adres dostawy na _paczkomat_? W ciągu dnia nikogo nie ma w domu.',
      'Rozumiem 👍',
      'A jeśli nie dojdzie do piątku, to mogę zrezygnować? ~Potrzebuję tego na weekend~ Właściwie to już nieważne.',
      'Super, dziękuję za pomoc! 🙏',
    ],
    documentName: 'potwierdzenie-zamowienia-48231',
    topic: 'Dostawa',
    orderNumber: '48213',
  },
  {
    locale: 'pl',
    queue: 'Faktury i płatności',
    skills: ['płatności', 'polski'],
    first: 'Hej, zapłaciłam dwa razy za to samo zamówienie, co teraz? 😬',
    firstEdited: 'Hej, zapłaciłam dwa razy za to samo zamówienie (BLIK), co teraz? 😬',
    followUp: 'Obie płatności po *149,99 zł* z 12.03. Potwierdzenie przelewu wyślę zaraz w załączniku.',
    replies: [
      'Ile trwa zwrot na konto?',
      'Ok, a faktura korygująca przyjdzie mailem?',
      'Jeszcze jedno — czy mogę dostać fakturę na firmę? NIP: `525-000-00-00`',
      'Dzięki, czekam w takim razie 😊',
    ],
    documentName: 'faktura-FV-2291-2024',
    topic: 'Płatności',
    orderNumber: 'PL-4471',
  },
  {
    locale: 'pl',
    queue: 'Wsparcie techniczne',
    skills: ['aplikacja mobilna', 'polski'],
    first: 'Aplikacja wyrzuca mnie przy logowaniu, błąd 0x80070005',
    firstEdited: 'Aplikacja wyrzuca mnie przy logowaniu, błąd `0x80070005` (Android 14)',
    followUp:
      'Próbowałem już przeinstalować, nie pomogło. Instrukcja z https://example.com/pomoc/logowanie też nic nie daje.',
    replies: [
      'Wyczyściłem pamięć podręczną, dalej to samo 😤',
      'Wersja 5.12.1, telefon Samsung Galaxy A54.',
      'O, teraz działa! Co to było?',
      'Dziękuję, miłego dnia!',
    ],
    documentName: 'zrzut-bledu-logowania',
    topic: 'Aplikacja mobilna',
  },
  {
    locale: 'pl',
    queue: 'Sprzedaż',
    skills: ['sprzedaż', 'polski'],
    first: 'Dzień dobry, czy rower Kross Evado 5.0 w rozmiarze L jest dostępny w sklepie w Gdańsku?',
    firstEdited: 'Dzień dobry, czy rower Kross Evado 5.0 w rozmiarze M jest dostępny w sklepie w Gdańsku?',
    followUp: 'Zależy mi na odbiorze *jeszcze w tym tygodniu* 🚲',
    replies: [
      'A czy można zarezerwować przez telefon?',
      'Jaka jest cena z montażem błotników?',
      'Świetnie, w takim razie przyjadę w sobotę ok. 11:00.',
      'Dziękuję bardzo! 😀',
    ],
    documentName: 'oferta-rower-evado',
    topic: 'Dostępność produktu',
  },
  {
    locale: 'en',
    queue: 'Billing',
    skills: ['billing', 'english'],
    first: 'Hi, I was charged twice for my subscription this month 😡',
    firstEdited: 'Hi, I was charged twice for my Premium subscription this month 😡',
    followUp: 'Both charges are on the 3rd — *£12.99* each. Card ending `4421`.',
    replies: [
      'How long does the refund take?',
      'OK. Will I get a confirmation email?',
      "Can you also make sure it doesn't happen again next month? _Please_.",
      'Thanks, that sorts it 👍',
    ],
    documentName: 'invoice-2291',
    topic: 'Billing',
  },
  {
    locale: 'en',
    queue: 'Returns',
    skills: ['returns', 'english'],
    first: "Hello! How do I return a jacket that doesn't fit?",
    firstEdited: "Hello! How do I return a jacket (size M) that doesn't fit?",
    followUp: 'Order #A-55120, bought online. Tags are still on 🙂',
    replies: [
      'Do I need to print the label or is a QR code enough?',
      'Can I exchange it for a size L instead of a refund?',
      'Perfect. ~Dropping it off tomorrow~ Actually I can do it today.',
      'Cheers! 😊',
    ],
    documentName: 'receipt-A-55120',
    topic: 'Returns',
    orderNumber: 'A-55120',
  },
  {
    locale: 'en',
    queue: 'Technical support',
    skills: ['broadband', 'english'],
    first: 'The router keeps dropping Wi-Fi every evening around 8pm',
    firstEdited: 'The router keeps dropping Wi-Fi every evening around 8pm (model HX-300)',
    followUp: 'Already rebooted it ~twice~ three times. Lights: power green, internet _blinking_ orange.',
    replies: [
      'Firmware says 2.4.17, is that the latest?',
      "I tried https://example.com/help/router-reset — didn't help.",
      'OK it seems stable now 🤞',
      'Thanks for your patience!',
    ],
    documentName: 'router-diagnostics',
    topic: 'Broadband',
  },
  {
    locale: 'en',
    queue: 'Sales',
    skills: ['sales', 'english'],
    first: 'Do you ship to Ireland? Looking at the oak desk on https://example.com/desks/oak-140',
    firstEdited: 'Do you ship to Ireland (Cork)? Looking at the oak desk on https://example.com/desks/oak-140',
    followUp: 'Ideally *before the 20th* — it is a birthday present 🎁',
    replies: [
      'What would delivery cost?',
      'Does it come assembled?',
      'Great, ordering now!',
      'Thank you 🙌',
    ],
    documentName: 'quote-oak-desk-140',
    topic: 'Delivery',
  },
];

/** Three messages of a customer losing patience (F14): the local analyzer reads them as Very negative. */
export const ANGRY_MESSAGES: Readonly<Record<ScriptLocale, readonly string[]>> = {
  en: [
    'This is the third time I am writing and nobody answers.',
    'My order still has not arrived and your service is terrible!',
    'I am furious. This is unacceptable, I want my money back NOW!',
  ],
  pl: [
    'Piszę już trzeci raz i nikt nie odpowiada.',
    'Zamówienie nadal nie dotarło, a obsługa jest fatalna!',
    'Jestem wściekły. To niedopuszczalne, chcę zwrotu pieniędzy!',
  ],
};

export function scenariosFor(locale: ScriptLocale): readonly Scenario[] {
  return SCENARIOS.filter((s) => s.locale === locale);
}

/** States an "other conversation" of the same customer can be in (F2). */
export const OTHER_CONVERSATION_STATES: readonly ConversationState[] = ['active', 'waiting', 'open'];

// ---- Transcript lines (seedTranscript) ----

const POLISH_CUSTOMER_LINES: readonly string[] = [
  'Ok',
  'Dzięki!',
  '👍',
  'Tak, zgadza się.',
  'Nie, to nie to zamówienie.',
  'Czy mogę zapłacić przy odbiorze?',
  'Paczka przyszła uszkodzona, karton był *cały mokry*.',
  'Wysłałam już dwa maile i nikt nie odpowiada 😤',
  'Numer klienta: `884120`',
  'A ile to potrwa?',
  'Rozumiem, poczekam w takim razie.',
  'Kurier zostawił awizo, ale byłam w domu cały dzień. To już drugi raz w tym miesiącu i szczerze mówiąc mam dość, bo muszę jechać na drugi koniec miasta.',
  'Czy jest jakiś kod rabatowy na następne zamówienie? 😅',
  'Zdjęcie wyślę wieczorem.',
  'W regulaminie na https://example.com/regulamin jest napisane coś innego.',
  'Dzień dobry',
  '_Pilne_ — potrzebuję tego na jutro!',
  'Zamawiałem ~dwie~ trzy sztuki, a przyszła jedna.',
];

const POLISH_AGENT_LINES: readonly string[] = [
  'Dzień dobry, w czym mogę pomóc?',
  'Już sprawdzam, proszę o chwilę cierpliwości.',
  'Dziękuję za informację.',
  'Przekazałam zgłoszenie do działu reklamacji, odpowiedź przyjdzie mailem w ciągu 3 dni roboczych.',
  'Czy mogę prosić o numer zamówienia?',
  'Zwrot środków zlecony 👍',
  'Bardzo przepraszam za kłopot. Sprawdziłam status przesyłki: paczka utknęła w sortowni w Strykowie i powinna wyjechać dzisiaj wieczorem. Jeśli nie dotrze do piątku, proszę napisać — wyślemy nową na nasz koszt.',
  'Czy mogę w czymś jeszcze pomóc?',
  'Instrukcja jest tutaj: https://example.com/pomoc/zwroty',
  'Kod rabatowy: `PRZEPRASZAMY10` ✨',
];

const ENGLISH_CUSTOMER_LINES: readonly string[] = [
  'ok',
  'Thanks!',
  '👍',
  'Yes, that is right.',
  'No, wrong order.',
  'Can I pay on delivery?',
  'The parcel arrived *damaged*, the box was soaked.',
  "I've emailed twice and nobody answered 😤",
  'Customer number: `884120`',
  'How long will that take?',
  'Fair enough, I will wait.',
  'The courier left a card saying nobody was home, but I was in all day. This is the second time this month and honestly I am fed up because the depot is on the other side of town.',
  'Any discount code for next time? 😅',
  'I will send a photo tonight.',
  'Your terms at https://example.com/terms say something else.',
  'Hello',
  '_Urgent_ — I need it by tomorrow!',
  'I ordered ~two~ three and only one came.',
];

const ENGLISH_AGENT_LINES: readonly string[] = [
  'Hi, how can I help?',
  'Let me check that for you, one moment please.',
  'Thanks for letting me know.',
  'I have passed this to our claims team; they will email you within 3 working days.',
  'Could you give me the order number?',
  'Refund issued 👍',
  'I am really sorry about this. I checked the tracking: the parcel is stuck at the sorting centre and should leave tonight. If it has not arrived by Friday, message us and we will send a new one at our cost.',
  'Is there anything else I can help with?',
  'Here are the instructions: https://example.com/help/returns',
  'Discount code: `SORRY10` ✨',
];

/** A transcript line of varied length: mostly short, sometimes several sentences, rarely very long. */
export function transcriptLine(random: Random, author: 'customer' | 'agent', locale: ScriptLocale): string {
  const pool =
    author === 'customer'
      ? locale === 'pl'
        ? POLISH_CUSTOMER_LINES
        : ENGLISH_CUSTOMER_LINES
      : locale === 'pl'
        ? POLISH_AGENT_LINES
        : ENGLISH_AGENT_LINES;
  const roll = random.next();
  const parts = roll < 0.6 ? 1 : roll < 0.85 ? 2 : roll < 0.98 ? random.int(3, 5) : random.int(10, 14);
  if (parts === 1) return random.pick(pool);
  const lines: string[] = [];
  for (let i = 0; i < parts; i++) lines.push(random.pick(pool));
  return lines.join(parts > 5 ? '\n\n' : ' ');
}

/** Reactions the simulated customer uses. */
export const REACTIONS: readonly string[] = ['👍', '❤️', '😆', '😮'];

// ---- Media ----

/** A 48×32 PNG landscape: what every simulated customer "photo" shows. */
export const PHOTO_PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAYAAABU1PscAAAEYUlEQVR42tXP28odNRiH8VzYhISEvE1WmFyG1yAIgiAIYtXR6mjd1V2VaqVa614RRVFEUZReTE7i4xAliKxvWT5dXQfv2TyT/0/d+35tp3zqvlu1nfKp+z+s7ZRPPfBRbad86sFPartbrt2+5687tFEPfVrbsW8c/vc7q1UPf17bsW8f4KxWXfyitmPevvF/3r5eLV/Wdsw7BLCvV5e+qu2YdwhgX6/Wr2s79u0bf1arLn9T27FvH+CsVr3wbW13y43DD23Ule9qO+VTr35f2ymfuvpDbad86tqPtZ3yqes/1fZ/3YW3pV24zr3D3ZBz+ae68XNt/9Xt3pC2e5O7xr3FAdgB2AHYAdi9y73H3ZQ7fkPd/KW28775dWnzVQ7ADGAGMAOYAcwAZgAzgBnADGAGMD/CPSr/+i01EX7waz2Xm16RNr3GAZgATAAmABOACcAEYAIwAZgATAAmABOAP3ZMAKbHuMe55bBdyhCaixzxx7/VOzpzhf5lDoABYAAYAAaAAWAAGAAGgAFgABgABoABYABsO9hgABgABoB5gru0f5dyhA6AI3bEjviz2/Wgcy/y/UscAAfAAXAAHAAHwAFwABwAB8ABcAAcAAfAAXAAHIBtx7DBAXAAHAD3FPf0P+9SgTAACMSBOBAHwvAkRxyIA3F4hnuWu8w9xz3PAQgAAoAAIAAIAAKAACAACAACgAAgAAgAAoAAIAAIAAKAbce4Yek7xg1r3zFsUJEwAojEkTgSR8IIIBJH4kgcCSOASByJI3EEEAFEABFABBABRAARQAQQAUQAEUAEEAFEABFABBABRADbjnHD0neMG9a+Y9igMmEGkIkzcSbOhBlAJs7EmTgTZgCZOBNn4gwgA8gAMoAMIAPIADKADCADyAAygAwgA8gAMoAMIAPIALYd44al7xg3rH3HsEEVwgKgEBfiQlwIC4BCXIgLcSEsAApxIS7EBUABUAAUAAVAAVAAFAAFQAFQABQABUABUAAUAAVAAVAAbDvGDUvfMW5Y+45hg9KEGoAm1sSaWBNqAJpYE2tiTagBaGJNrIk1AA1AA9AANAANQAPQADQADUAD0AA0AA1AA9AANAANQAPYdowblr5j3LD2HcMGZQktAEtsiS2xJbQALLEltsSW0AKwxJbYElsAFoAFYAFYABaABWABWAAWgAVgAVgAFoAFYAFYABaABbDtGDcsfce4Ye07hg3KE3oAntgTe2JP6AF4Yk/siT2hB+CJPbEn9gA8AA/AA/AAPAAPwAPwADwAD8AD8AA8AA/AA/AAPAAPYNsxblj6jnHD2ncMG5QQCgAhFmIhFkIBIMRCLMRCKACEWIiFWAAIAAEgAASAABAAAkAACAABIAAEgAAQAAJAAAgAAbDtGDcsfce4Ye07hg0qESYAiTgRJ+JEmAAk4kSciBNhApCIE3EiTgASgAQgAUgAEoAEIAFIABKABCABSAASgAQgAUgAEoAEYNsxblj6jnHD2ncMG34HUjlzqAtkwK4AAAAASUVORK5CYII=';
export const PHOTO_PNG_BYTES = 1178;

/** A 32×32 smiley PNG: what every simulated sticker shows. */
export const STICKER_PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAoklEQVR42u2Xuw2AMAxEPQRD0NMyIoNRZKdQoyD/YuNDIpI7onvYiXMm+tI6D+qaSBXtbWMjFEYrKsGUiE9BRAg/gZSJqyGi0u4qR7a4CPGGOFuKUgAp/fu63GL2u6EM0t9HAwxZgAdIPwc/ADSA9lBZ97gANBCWXoDTiDy9QIqUtyBCnAWw3AarKIQnUPnDUksGYUohbDnEYAIxmkEMp9nrAilc7lYV5LiFAAAAAElFTkSuQmCC';
export const STICKER_PNG_BYTES = 219;

/** A valid one-page PDF ("Invoice / Simulated document"), base64. */
export const SAMPLE_PDF_BASE64 =
  'JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCAzMDAgMTQ0XSAvQ29udGVudHMgNCAwIFIgL1Jlc291cmNlcyA8PCAvRm9udCA8PCAvRjEgNSAwIFIgPj4gPj4gPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCA4MCA+PgpzdHJlYW0KQlQgL0YxIDE4IFRmIDI0IDk2IFRkIChJbnZvaWNlKSBUaiAwIC0yOCBUZCAvRjEgMTEgVGYgKFNpbXVsYXRlZCBkb2N1bWVudCkgVGogRVQKZW5kc3RyZWFtCmVuZG9iago1IDAgb2JqCjw8IC9UeXBlIC9Gb250IC9TdWJ0eXBlIC9UeXBlMSAvQmFzZUZvbnQgL0hlbHZldGljYSA+PgplbmRvYmoKeHJlZgowIDYKMDAwMDAwMDAwMCA2NTUzNSBmIAowMDAwMDAwMDA5IDAwMDAwIG4gCjAwMDAwMDAwNTggMDAwMDAgbiAKMDAwMDAwMDExNSAwMDAwMCBuIAowMDAwMDAwMjQxIDAwMDAwIG4gCjAwMDAwMDAzNzEgMDAwMDAgbiAKdHJhaWxlcgo8PCAvU2l6ZSA2IC9Sb290IDEgMCBSID4+CnN0YXJ0eHJlZgo0NDEKJSVFT0YK';
export const SAMPLE_PDF_BYTES = 624;
