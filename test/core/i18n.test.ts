import { expect } from '@open-wc/testing';
import { DeskError, type DeskErrorCode } from '../../src/core/errors.js';
import { TransportError, type TransportErrorCode } from '../../src/core/transport.js';
import { catalogFor, en, englishFor, errorText, formatRemaining, loadCatalog, registerCatalog, type Catalog } from '../../src/i18n/index.js';
import { attachmentsStrings } from '../../src/i18n/en/attachments.js';
import { customerFormStrings } from '../../src/i18n/en/customer-form.js';
import { messageStrings } from '../../src/i18n/en/message.js';
import { notesStrings } from '../../src/i18n/en/notes.js';
import { notificationStrings } from '../../src/i18n/en/notification.js';
import { panelStrings } from '../../src/i18n/en/panel.js';
import { recordsStrings } from '../../src/i18n/en/records.js';
import { sharedStrings } from '../../src/i18n/en/shared.js';
import { transcriptSearchStrings } from '../../src/i18n/en/transcript-search.js';
import { knowledgeStrings } from '../../src/i18n/en/knowledge.js';
import { assistStrings } from '../../src/i18n/en/assist.js';
import { scriptsStrings } from '../../src/i18n/en/scripts.js';
import { quickRepliesStrings } from '../../src/i18n/en/quick-replies.js';
import { sentimentStrings } from '../../src/i18n/en/sentiment.js';
import { emojiStrings } from '../../src/i18n/en/emoji.js';
import { callsStrings } from '../../src/i18n/en/calls.js';
import { callMenuStrings } from '../../src/i18n/en/call-menu.js';
import { presenceStrings } from '../../src/i18n/en/presence.js';
import { sessionsStrings } from '../../src/i18n/en/sessions.js';
import { workItemsStrings } from '../../src/i18n/en/work-items.js';
import { pl, plural } from '../../src/i18n/pl.js';

/** Every code, listed at run time; the type checks below fail when a code is added to the union but not here. */
const DESK_ERROR_CODES = [
  'window-closed',
  'too-long',
  'empty',
  'unknown-conversation',
  'unknown-offer',
  'policy',
  'unsupported',
  'invalid',
  'no-link',
  'not-active',
  'disposed',
  'session-limit',
  'disposition-required',
  'presence',
  'unfilled-placeholder',
] as const satisfies readonly DeskErrorCode[];
const TRANSPORT_ERROR_CODES = [
  'network',
  'timeout',
  'auth-expired',
  'not-found',
  'invalid',
  'conflict',
  'window-closed',
  'policy',
  'aborted',
  'unavailable',
  'internal',
] as const satisfies readonly TransportErrorCode[];
type Unlisted<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const everyDeskCodeListed: Unlisted<DeskErrorCode, (typeof DESK_ERROR_CODES)[number]> = true;
const everyTransportCodeListed: Unlisted<TransportErrorCode, (typeof TRANSPORT_ERROR_CODES)[number]> = true;
void [everyDeskCodeListed, everyTransportCodeListed];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Shape {
  [key: string]: string | Shape;
}

/** The catalog with every leaf replaced by its type, for comparing structure. */
function shapeOf(value: object): Shape {
  const shape: Shape = {};
  for (const [key, v] of Object.entries(value)) shape[key] = v && typeof v === 'object' ? shapeOf(v) : typeof v;
  return shape;
}

function leaves(value: unknown, path: string[] = []): { path: string; value: unknown }[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [{ path: path.join('.'), value }];
}

/** Numeric parameters by function path; every other parameter is text. */
const NUMERIC: Record<string, unknown[]> = {
  'duration.seconds': [5],
  'duration.minutes': [5],
  'duration.hours': [5],
  'duration.days': [5],
  conversations: [5],
  'notification.expiresIn': [42],
  'notification.moreWaiting': [3],
  'panel.counter': [120, 2000],
  'panel.tooLong': [3],
  'message.newMessages': [4],
  'attachments.uploading': ['report.pdf', 40],
  'attachments.rejectedCount': [2],
  'attachments.size': [5 * 1024 * 1024],
  'customerForm.event.state': ['active'],
};


function sampleArgs(path: string, fn: (...args: unknown[]) => unknown): unknown[] {
  // Numbers suit every function: a count gives a count, a name gives "3" (still text, never NaN).
  return NUMERIC[path] ?? [3, 2000].slice(0, Math.max(fn.length, 1));
}

describe('i18n', () => {
  describe('Polish plurals', () => {
    const cases: [number, string][] = [
      [0, '0 rozmów'],
      [1, '1 rozmowa'],
      [2, '2 rozmowy'],
      [4, '4 rozmowy'],
      [5, '5 rozmów'],
      [12, '12 rozmów'],
      [14, '14 rozmów'],
      [21, '21 rozmów'],
      [22, '22 rozmowy'],
      [104, '104 rozmowy'],
      [111, '111 rozmów'],
    ];
    for (const [n, expected] of cases) {
      it(`conversations(${n}) is "${expected}"`, () => {
        expect(pl.conversations(n)).to.equal(expected);
      });
    }

    it('uses the same three forms elsewhere', () => {
      expect(pl.attachments.rejectedCount(1)).to.equal('Odrzucono 1 plik');
      expect(pl.attachments.rejectedCount(3)).to.equal('Odrzucono 3 pliki');
      expect(pl.attachments.rejectedCount(7)).to.equal('Odrzucono 7 plików');
      expect(pl.duration.days(1)).to.equal('1 dzień');
      expect(pl.duration.days(2)).to.equal('2 dni');
    });

    it('treats fractions like "few" (1,5 rozmowy)', () => {
      expect(plural(1.5, 'rozmowa', 'rozmowy', 'rozmów')).to.equal('rozmowy');
    });

    it('English has one and other', () => {
      expect(en.conversations(1)).to.equal('1 conversation');
      expect(en.conversations(2)).to.equal('2 conversations');
      expect(en.conversations(0)).to.equal('0 conversations');
    });
  });

  describe('catalogFor', () => {
    it('loads Polish on first use, then picks it for pl and its regional tags', async () => {
      expect(await loadCatalog('pl-PL')).to.equal(pl);
      expect(catalogFor('pl')).to.equal(pl);
      expect(catalogFor('pl-PL')).to.equal(pl);
      expect(catalogFor('PL-pl')).to.equal(pl);
    });

    it('falls back to the built-in English for unknown or missing languages', () => {
      const english = catalogFor('en');
      expect(english.lang).to.equal('en');
      for (const lang of ['xx', 'de-DE', '', undefined, 'en-GB']) expect(catalogFor(lang), String(lang)).to.equal(english);
      // The shared strings are always built in, so errorText() works on a page with no element.
      expect(errorText(english, new TransportError('timeout', 'x'))).to.equal(en.errors.transport.timeout);
      expect(english.state).to.deep.equal(en.state);
    });

    it('the built-in English gains the parts elements bring; an element gets the shared strings and its own parts', () => {
      expect(catalogFor('xx')).not.to.have.property('notes');
      const own = englishFor([notesStrings]);
      expect(own.notes).to.equal(en.notes);
      expect(own.errors).to.equal(en.errors);
      expect(own).not.to.have.property('records');
      expect(catalogFor('xx').notes).to.equal(en.notes);
    });
  });

  describe('registerCatalog', () => {
    afterEach(() => registerCatalog('en', en));

    it('lets a host override wording of a built-in language', () => {
      englishFor([panelStrings]);
      registerCatalog('en', { ...en, panel: { ...en.panel, send: 'Reply' } });
      expect(catalogFor('en-US').panel.send).to.equal('Reply');
      expect(catalogFor('fr').panel.send).to.equal('Send');
    });

    it('a host’s English wins over a part an element brings later', () => {
      registerCatalog('en', { ...en, message: { ...en.message, agent: 'Me' } });
      // As when an element created after the host registered its wording brings its part.
      expect(englishFor([messageStrings]).message.agent).to.equal('You');
      expect(catalogFor('en').message.agent).to.equal('Me');
      expect(catalogFor('en-GB').message.agent).to.equal('Me');
    });

    it('adds a language, matched without regard to case or region', () => {
      const de: Catalog = { ...en, lang: 'de', panel: { ...en.panel, send: 'Senden' } };
      registerCatalog('DE', de);
      expect(catalogFor('de-AT')).to.equal(de);
      expect(catalogFor('de').panel.send).to.equal('Senden');
    });

    it('prefers an exact regional catalog over its language', () => {
      const ptBR: Catalog = { ...en, lang: 'pt-BR' };
      const pt: Catalog = { ...en, lang: 'pt' };
      registerCatalog('pt', pt);
      registerCatalog('pt-BR', ptBR);
      expect(catalogFor('pt-br')).to.equal(ptBR);
      expect(catalogFor('pt-PT')).to.equal(pt);
    });
  });

  describe('formatRemaining', () => {
    it('shows minutes and seconds under an hour', () => {
      expect(formatRemaining(65 * SECOND, en)).to.equal('1:05');
      expect(formatRemaining(59 * MINUTE + 59 * SECOND, en)).to.equal('59:59');
      expect(formatRemaining(9 * SECOND, pl)).to.equal('0:09');
    });

    it('rounds up partial seconds, so it reads 0:00 only when time is up', () => {
      expect(formatRemaining(1, en)).to.equal('0:01');
      expect(formatRemaining(59 * SECOND + 1, en)).to.equal('1:00');
      expect(formatRemaining(0, en)).to.equal('0:00');
      expect(formatRemaining(-5000, en)).to.equal('0:00');
    });

    it('shows hours and minutes under a day', () => {
      expect(formatRemaining(23 * HOUR + 10 * MINUTE, en)).to.equal('23 h 10 min');
      expect(formatRemaining(HOUR, en)).to.equal('1 h 0 min');
      // A fresh 24-hour window reads as hours, not "1 day 0 h".
      expect(formatRemaining(DAY, en)).to.equal('24 h 0 min');
      expect(formatRemaining(DAY, pl)).to.equal('24 godz. 0 min');
      expect(formatRemaining(23 * HOUR + 10 * MINUTE, pl)).to.equal('23 godz. 10 min');
    });

    it('shows days and hours beyond a day, in the catalog’s language', () => {
      expect(formatRemaining(6 * DAY + 4 * HOUR, en)).to.equal('6 days 4 h');
      expect(formatRemaining(DAY + MINUTE, en)).to.equal('1 day 0 h');
      expect(formatRemaining(2 * DAY + 3 * HOUR, pl)).to.equal('2 dni 3 godz.');
      expect(formatRemaining(DAY + HOUR, pl)).to.equal('1 dzień 1 godz.');
    });
  });

  describe('catalogs', () => {
    it('en and pl have the same keys, with strings and functions in the same places', () => {
      expect(shapeOf(pl)).to.deep.equal(shapeOf(en));
    });

    it('en is every English part together, each namespace in exactly one part', () => {
      const parts = [
        sharedStrings,
        notificationStrings,
        panelStrings,
        messageStrings,
        attachmentsStrings,
        customerFormStrings,
        notesStrings,
        recordsStrings,
        transcriptSearchStrings,
        knowledgeStrings,
        presenceStrings,
        sessionsStrings,
        workItemsStrings,
        assistStrings,
        scriptsStrings,
        quickRepliesStrings,
        sentimentStrings,
        emojiStrings,
        callsStrings,
        callMenuStrings,
      ];
      const keys = parts.flatMap((part) => Object.keys(part));
      expect(keys).to.have.members(Object.keys(en));
      for (const part of parts) for (const [key, value] of Object.entries(part)) expect(en[key as keyof Catalog], key).to.equal(value);
    });

    for (const catalog of [en, pl]) {
      it(`${catalog.lang}: every string is non-empty and every function returns text`, () => {
        const all = leaves(catalog);
        expect(all.length).to.be.greaterThan(100);
        for (const { path, value } of all) {
          if (typeof value === 'function') {
            const fn = value as (...args: unknown[]) => unknown;
            // Argument types are not known at run time: the first sample set that gives clean text wins.
            const attempts = [sampleArgs(path, fn), ['case', 'Parcel late', 'Old case'], ['Anna Nowak', 'pdf', 'x']];
            const tryCall = (args: unknown[]): unknown => {
              try {
                return fn(...args);
              } catch {
                return undefined;
              }
            };
            const result =
              attempts.map(tryCall).find((r) => typeof r === 'string' && !/undefined|NaN|\[object/.test(r)) ?? tryCall(attempts[0]!);
            expect(result, path).to.be.a('string');
            expect((result as string).trim(), path).not.to.equal('');
            expect(result, path).not.to.match(/undefined|NaN|\[object/);
          } else {
            expect(value, path).to.be.a('string');
            expect((value as string).trim(), path).not.to.equal('');
          }
        }
      });
    }

    it('each catalog names its own language', () => {
      expect(en.lang).to.equal('en');
      expect(pl.lang).to.equal('pl');
    });

    it('formats file sizes with the locale’s decimal separator', () => {
      expect(en.attachments.size(1536)).to.equal('1.5 KB');
      expect(pl.attachments.size(1536)).to.equal('1,5 KB');
      expect(en.attachments.size(512)).to.equal('512 B');
    });
  });

  describe('error texts', () => {
    for (const catalog of [en, pl]) {
      it(`${catalog.lang}: every DeskError and TransportError code has its own text`, () => {
        expect(Object.keys(catalog.errors.desk)).to.have.members([...DESK_ERROR_CODES]);
        expect(Object.keys(catalog.errors.transport)).to.have.members([...TRANSPORT_ERROR_CODES]);
        for (const code of DESK_ERROR_CODES) {
          expect(errorText(catalog, new DeskError(code, 'technical detail')), code).to.equal(catalog.errors.desk[code]);
        }
        for (const code of TRANSPORT_ERROR_CODES) {
          expect(errorText(catalog, new TransportError(code, 'technical detail')), code).to.equal(catalog.errors.transport[code]);
        }
      });
    }

    it('Polish texts are translated, not English copies', () => {
      for (const code of DESK_ERROR_CODES) expect(pl.errors.desk[code], code).not.to.equal(en.errors.desk[code]);
      for (const code of TRANSPORT_ERROR_CODES) expect(pl.errors.transport[code], code).not.to.equal(en.errors.transport[code]);
      expect(pl.errors.unknown).not.to.equal(en.errors.unknown);
    });

    it('never shows an error’s own message', () => {
      const secret = 'No conversation "c-42".';
      expect(errorText(pl, new DeskError('unknown-conversation', secret))).to.equal('Ta rozmowa nie jest już dostępna.');
      expect(errorText(en, new TransportError('network', secret))).not.to.contain(secret);
      expect(errorText(pl, new Error(secret))).to.equal('Coś poszło nie tak. Spróbuj ponownie.');
      expect(errorText(en, secret)).to.equal(en.errors.unknown);
      expect(errorText(en, undefined)).to.equal(en.errors.unknown);
    });

    it('reads a plain { code } (a failed upload’s) and falls back to the generic text for unknown codes', () => {
      expect(errorText(pl, { code: 'timeout', message: 'upload timed out' })).to.equal(pl.errors.transport.timeout);
      expect(errorText(pl, { code: 'no-link', message: 'x' })).to.equal(pl.errors.desk['no-link']);
      expect(errorText(en, { code: 'teapot', message: 'x' })).to.equal(en.errors.unknown);
      expect(errorText(en, { code: 'constructor' })).to.equal(en.errors.unknown);
      const odd = new DeskError('window-closed', 'x');
      Object.assign(odd, { code: 'from-a-newer-desk' });
      expect(errorText(en, odd)).to.equal(en.errors.unknown);
    });
  });
});
