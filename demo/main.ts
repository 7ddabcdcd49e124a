// The demo CRM page: wires the elements to a desk over the simulated Messenger customer,
// translates the page's own static content, and logs the intents the elements fire.
// `.js` specifiers resolve to the .ts sources (Vite and tsc agree); a host would import the package.
import '../src/define.js';
// src/define.ts registers every element once all are listed there; naming the two used here keeps
// the page working meanwhile (each define is guarded, so registering twice is harmless).
import '../src/elements/conversation-notification/define.js';
import '../src/elements/communication-panel/define.js';
import { createDesk } from '../src/index.js';
import { SimulatedTransport, type SimulatedState } from '../src/transports/simulated/index.js';
// Demo data: one agent script per simulated queue.
import { AGENT_SCRIPTS } from '../src/transports/simulated/agent-scripts.js';
import { WebSocketTransport } from '../src/transports/websocket/index.js';

type Lang = 'en' | 'pl';

const en = {
  'page.title': 'Acme CRM — Nordwind Logistics',
  'nav.label': 'Main',
  'nav.accounts': 'Accounts',
  'nav.cases': 'Cases',
  'nav.contacts': 'Contacts',
  'nav.reports': 'Reports',
  'work.title': 'My work',
  'lang.label': 'Language',
  'network.flaky': 'Flaky network',
  'demo.reset': 'Reset demo',
  'record.kind': 'Account',
  'record.owner': 'Owner: Anna Kowalska',
  'record.tier': 'Gold support plan',
  'details.title': 'Account details',
  'context.title': 'Conversation context',
  'search.title': 'Transcript search',
  'assist.title': 'Help for this conversation',
  'field.number': 'Account number',
  'field.industry': 'Industry',
  'field.phone': 'Phone',
  'field.email': 'Email',
  'field.website': 'Website',
  'field.since': 'Customer since',
  'field.address': 'Billing address',
  'field.contact': 'Primary contact',
  'field.revenue': 'Annual revenue',
  'field.channel': 'Preferred channel',
  'value.industry': 'Logistics & transport',
  'value.since': 'March 2019',
  'value.channel': 'Facebook Messenger',
  'cases.title': 'Recent cases',
  'cases.number': 'Case',
  'cases.subject': 'Subject',
  'cases.status': 'Status',
  'cases.priority': 'Priority',
  'cases.opened': 'Opened',
  'case1.subject': 'Delayed shipment to Poznań warehouse',
  'case2.subject': 'Invoice 2025/05/114 shows the wrong VAT rate',
  'case3.subject': 'Tracking link in the confirmation email does not open',
  'case4.subject': 'Request for a pallet return pickup',
  'status.open': 'Open',
  'status.progress': 'In progress',
  'status.resolved': 'Resolved',
  'priority.high': 'High',
  'priority.normal': 'Normal',
  'priority.low': 'Low',
  'side.label': 'Contact center',
  'log.title': 'DOM events fired by the elements',
  'log.empty': 'Nothing yet. Accept the incoming conversation to see cc-accept.',
  'log.connectFailed': 'Could not connect to the contact center:',
};

type Key = keyof typeof en;

const pl: Record<Key, string> = {
  'page.title': 'Acme CRM — Nordwind Logistics',
  'nav.label': 'Menu główne',
  'nav.accounts': 'Klienci',
  'nav.cases': 'Sprawy',
  'nav.contacts': 'Kontakty',
  'nav.reports': 'Raporty',
  'work.title': 'Moja praca',
  'lang.label': 'Język',
  'network.flaky': 'Niestabilna sieć',
  'demo.reset': 'Zresetuj demo',
  'record.kind': 'Klient',
  'record.owner': 'Opiekun: Anna Kowalska',
  'record.tier': 'Plan wsparcia Gold',
  'details.title': 'Dane klienta',
  'context.title': 'Kontekst konwersacji',
  'search.title': 'Wyszukiwanie transkrypcji',
  'assist.title': 'Pomoc do rozmowy',
  'field.number': 'Numer klienta',
  'field.industry': 'Branża',
  'field.phone': 'Telefon',
  'field.email': 'E-mail',
  'field.website': 'Strona WWW',
  'field.since': 'Klient od',
  'field.address': 'Adres rozliczeniowy',
  'field.contact': 'Główny kontakt',
  'field.revenue': 'Roczny przychód',
  'field.channel': 'Preferowany kanał',
  'value.industry': 'Logistyka i transport',
  'value.since': 'marzec 2019',
  'value.channel': 'Facebook Messenger',
  'cases.title': 'Ostatnie sprawy',
  'cases.number': 'Sprawa',
  'cases.subject': 'Temat',
  'cases.status': 'Stan',
  'cases.priority': 'Priorytet',
  'cases.opened': 'Otwarta',
  'case1.subject': 'Opóźniona dostawa do magazynu w Poznaniu',
  'case2.subject': 'Faktura 2025/05/114 ma błędną stawkę VAT',
  'case3.subject': 'Link do śledzenia w e-mailu z potwierdzeniem nie działa',
  'case4.subject': 'Prośba o odbiór zwrotnych palet',
  'status.open': 'Otwarta',
  'status.progress': 'W toku',
  'status.resolved': 'Rozwiązana',
  'priority.high': 'Wysoki',
  'priority.normal': 'Normalny',
  'priority.low': 'Niski',
  'side.label': 'Contact center',
  'log.title': 'Zdarzenia DOM wysyłane przez elementy',
  'log.empty': 'Na razie nic. Przyjmij przychodzącą rozmowę, aby zobaczyć cc-accept.',
  'log.connectFailed': 'Nie udało się połączyć z contact center:',
};

const dictionaries: Record<Lang, Record<Key, string>> = { en, pl };

const LANG_KEY = 'acme-crm-demo:lang';

function currentLang(): Lang {
  return document.documentElement.lang === 'pl' ? 'pl' : 'en';
}

function t(key: Key): string {
  return dictionaries[currentLang()][key];
}

function savedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'pl' ? 'pl' : 'en';
  } catch {
    // Storage can be blocked (privacy settings); the page simply starts in English.
    return 'en';
  }
}

function required<T extends Element>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`demo/index.html lacks ${selector}`);
  return element;
}

const deskElement = required<HTMLElementTagNameMap['cc-agent-desk']>('#desk');
const logList = required<HTMLOListElement>('#event-log');
const logEmpty = required<HTMLElement>('#event-log-empty');

function translatePage(): void {
  document.title = t('page.title');
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset['i18n'] as Key);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset['i18nLabel'] as Key));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset['lang'] === currentLang()));
  }
}

function setLang(lang: Lang): void {
  // The elements watch the page's `lang` and re-render themselves; the page translates its own text.
  document.documentElement.lang = lang;
  translatePage();
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Not remembering the choice is fine.
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => setLang(button.dataset['lang'] === 'pl' ? 'pl' : 'en'));
}

// ---- event log: what a host page would hook into (the intents bubble out of the shadow roots) ----

const MAX_LOG_ENTRIES = 50;

function log(type: string, detail: string, vetoable: boolean): void {
  const item = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString(currentLang(), { hour12: false });
  const name = document.createElement('code');
  name.textContent = type;
  const text = document.createElement('span');
  text.textContent = detail;
  item.append(time, ' ', name, ' ', text);
  if (vetoable) item.classList.add('cancelable');
  logList.prepend(item);
  while (logList.children.length > MAX_LOG_ENTRIES) logList.lastElementChild?.remove();
  logEmpty.hidden = true;
}

function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

deskElement.addEventListener('cc-accept', (e) => log(e.type, `offerId=${e.offerId}`, e.cancelable));
deskElement.addEventListener('cc-reject', (e) => log(e.type, `offerId=${e.offerId}`, e.cancelable));
deskElement.addEventListener('cc-offer-expired', (e) => log(e.type, `offerId=${e.offerId}`, e.cancelable));
deskElement.addEventListener('cc-presence', (e) => log(e.type, `presence=${e.presence}`, e.cancelable));
deskElement.addEventListener('cc-send', (e) =>
  log(
    e.type,
    `conversationId=${e.conversationId} text=${quote(e.text)} attachments=${e.attachments.length}`,
    e.cancelable,
  ),
);
deskElement.addEventListener('cc-retry', (e) =>
  log(e.type, `conversationId=${e.conversationId} clientId=${e.clientId}`, e.cancelable),
);
deskElement.addEventListener('cc-end', (e) => log(e.type, `conversationId=${e.conversationId} to=${e.to}`, e.cancelable));
deskElement.addEventListener('cc-transition', (e) => log(e.type, `conversationId=${e.conversationId} to=${e.to}`, e.cancelable));
deskElement.addEventListener('cc-transfer', (e) => log(e.type, `conversationId=${e.conversationId} to=${JSON.stringify(e.to)}`, e.cancelable));
deskElement.addEventListener('cc-session-select', (e) => log(e.type, `conversationId=${e.conversationId}`, e.cancelable));
deskElement.addEventListener('cc-session-close', (e) => log(e.type, `conversationId=${e.conversationId}`, e.cancelable));
deskElement.addEventListener('cc-work-item-open', (e) => log(e.type, `conversationId=${e.conversationId}`, e.cancelable));
deskElement.addEventListener('cc-work-item-pick', (e) => log(e.type, `conversationId=${e.conversationId}`, e.cancelable));
deskElement.addEventListener('cc-attach', (e) =>
  log(e.type, `files=${e.files.map((f) => quote(f.name, 40)).join(', ')}`, e.cancelable),
);
deskElement.addEventListener('cc-share-article', (e) => log(e.type, `conversationId=${e.conversationId} article=${e.article.id} as=${e.as}`, e.cancelable));
deskElement.addEventListener('cc-open-article', (e) => log(e.type, `conversationId=${e.conversationId} article=${e.article.id}`, e.cancelable));
deskElement.addEventListener('cc-open-transcript', (e) => log(e.type, `conversationId=${e.conversationId}`, e.cancelable));
deskElement.addEventListener('cc-script-step', (e) => log(e.type, `conversationId=${e.conversationId} step=${e.step.id} action=${e.action}`, e.cancelable));
deskElement.addEventListener('cc-files-rejected', (e) =>
  log(
    e.type,
    e.rejected.map((r) => `${quote(r.name, 40)} (${r.reason})`).join(', '),
    e.cancelable,
  ),
);

// ---- the desk ----

setLang(savedLang());

// The simulated backend keeps its world (conversations, messages, offers, cursors) in localStorage, so a
// reload mid-conversation brings it back; the desk keeps the draft and unsent messages in IndexedDB.
const WORLD_KEY = 'acme-crm-demo:world';
function keptWorld(): SimulatedState | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(WORLD_KEY) ?? 'null') as SimulatedState | null;
    return kept?.version === 1 ? kept : undefined;
  } catch {
    return undefined;
  }
}
const world = keptWorld();
const seed = Date.now();
// A new world gets its own ids, so what IndexedDB kept from an earlier one never lands in a new conversation.
// Customers arrive close together (every 9 s while fewer than 3 wait); two more wait in the open queue.
const transport = new SimulatedTransport({
  ...(world ? { state: world } : {}),
  // Every second customer the agent accepts loses patience a few seconds in (F14: sentiment badge and alert).
  autoplay: { offerEvery: 9000, angryEvery: 2 },
  latency: 300,
  seed,
  idPrefix: `${seed.toString(36)}-`,
  capabilities: { queue: true, transfer: { queues: ['Billing', 'Orders', 'Returns'], agents: true } },
  // Voice and video calls (F20): the customer answers after a short ring; their picture and sound are synthetic.
  calls: true,
});
if (!world) {
  transport.queueConversation({ locale: 'pl' });
  transport.queueConversation({ locale: 'en' });
}
let saving: ReturnType<typeof setTimeout> | undefined;
function saveWorld(): void {
  clearTimeout(saving);
  saving = undefined;
  try {
    localStorage.setItem(WORLD_KEY, JSON.stringify(transport.saveState()));
  } catch {
    // Storage blocked or full: the demo goes on, and a reload starts a new world.
  }
}
transport.subscribe(() => {
  saving ??= setTimeout(saveWorld, 300);
});
addEventListener('pagehide', saveWorld);
// "Reset demo": a new world on the next load.
required<HTMLButtonElement>('#reset-demo').addEventListener('click', () => {
  removeEventListener('pagehide', saveWorld);
  clearTimeout(saving);
  try {
    localStorage.removeItem(WORLD_KEY);
  } catch {
    // Nothing was kept.
  }
  location.reload();
});
/** Share of sends the "Flaky network" switch makes fail. */
const FLAKY_FAILURE_RATE = 0.6;
/**
 * `?bridge=ws://…/agent` (`npm run demo:bridge`): the real Messenger path through the reference bridge
 * in its demo mode, which hands out agent tokens at /dev/token (a host gets them from its own sign-in).
 * Without it, the simulator.
 */
const bridge = new URLSearchParams(location.search).get('bridge');
function throughBridge(url: string): WebSocketTransport {
  const tokenUrl = new URL('/dev/token', url.replace(/^ws/, 'http'));
  return new WebSocketTransport({
    url,
    getToken: async () => {
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agentId: 'demo-agent', name: 'Demo agent' }),
      });
      if (!response.ok) throw new Error(`The bridge gave no demo token (HTTP ${response.status}).`);
      return ((await response.json()) as { token: string }).token;
    },
  });
}
const desk = createDesk({
  transport: bridge && /^wss?:\/\//.test(bridge) ? throughBridge(bridge) : transport,
  locale: currentLang(),
  // The default agent id, with a name for the quick replies' {agentName} (F15).
  agent: { id: 'agent', name: 'Alex' },
  // Typing / in the composer lists the simulator's ten quick replies and this one of the page's (F15).
  quickReplies: [
    { id: 'hours', title: 'Opening hours', shortcut: 'hours', locale: 'en', text: 'We are here Monday to Friday, 8:00–20:00. Anything else, {customerFirstName}?' },
    { id: 'godziny', title: 'Godziny pracy', shortcut: 'godziny', locale: 'pl', text: 'Jesteśmy dostępni od poniedziałku do piątku, 8:00–20:00. Czy mogę jeszcze pomóc?' },
  ],
  // A computer with no camera or microphone still shows a working call: the agent's side is synthetic
  // too then (a refused permission is still reported as such).
  calls: {
    getUserMedia: async (constraints) => {
      try {
        return await navigator.mediaDevices.getUserMedia(constraints);
      } catch (error) {
        if ((error as Error).name !== 'NotFoundError') throw error;
        const { syntheticMedia } = await import('../src/transports/simulated/calls.js');
        return syntheticMedia(constraints.video ? 'video' : 'voice', 'A').stream;
      }
    },
  },
  // Two automatic attempts: with the flaky network on, about a third of the messages reach Failed.
  maxSendAttempts: 2,
  // Three conversations fill the agent: one → Busy, three → Busy – Do not disturb (F12).
  capacity: { total: 3 },
  presences: [
    { id: 'lunch', label: { en: 'Lunch', pl: 'Przerwa obiadowa' }, base: 'away' },
    { id: 'training', label: { en: 'Training', pl: 'Szkolenie' }, base: 'busy-dnd' },
  ],
  wrapUp: {
    dispositions: [
      { id: 'resolved', label: { en: 'Resolved', pl: 'Rozwiązane' }, group: { en: 'Outcome', pl: 'Wynik' } },
      { id: 'refund', label: { en: 'Refund issued', pl: 'Zwrot pieniędzy' }, group: { en: 'Outcome', pl: 'Wynik' } },
      { id: 'callback', label: { en: 'Call back later', pl: 'Oddzwonić później' }, group: { en: 'Follow-up', pl: 'Dalsze kroki' } },
      { id: 'escalated', label: { en: 'Escalated to billing', pl: 'Przekazane do rozliczeń' }, group: { en: 'Follow-up', pl: 'Dalsze kroki' } },
    ],
    required: true,
    seconds: 120,
    atZero: 'remind',
  },
  // One script per simulated queue (F15): <cc-agent-script> shows the active conversation's.
  scripts: [...AGENT_SCRIPTS],
  privacyNotice: {
    en: 'This conversation may be monitored or recorded to improve our service.',
    pl: 'Ta rozmowa może być monitorowana lub nagrywana w celu poprawy jakości obsługi.',
  },
});
deskElement.desk = desk;
desk.on('sentiment-alert', (e) => log(e.type, `conversationId=${e.conversationId} level=${e.level}`, false));
deskElement.addEventListener('cc-sentiment-dismiss', (e) => log(e.type, `conversationId=${e.conversationId}`, e.cancelable));
deskElement.addEventListener('cc-quick-reply', (e) => log(e.type, `conversationId=${e.conversationId} reply=${e.reply.id}`, e.cancelable));
deskElement.addEventListener('cc-call-start', (e) => log(e.type, `conversationId=${e.conversationId} media=${e.media}`, e.cancelable));
for (const type of ['cc-call-accept', 'cc-call-decline', 'cc-call-end'] as const) {
  deskElement.addEventListener(type, (e) => log(e.type, `conversationId=${e.conversationId} callId=${e.callId}`, e.cancelable));
}

// "Flaky network": most sends fail at first; after two attempts a message shows Failed with Retry.
required<HTMLInputElement>('#flaky-network').addEventListener('change', (event) => {
  transport.setNetwork({ failureRate: (event.currentTarget as HTMLInputElement).checked ? FLAKY_FAILURE_RATE : 0 });
});


desk.connect().catch((error: unknown) => {
  log('connect', `${t('log.connectFailed')} ${error instanceof Error ? error.message : String(error)}`, false);
});
