/**
 * The simulator's quick replies (F15): what a parcel shop's contact centre answers most, in English
 * and Polish. Some hold placeholders; `{caseNumber}` stays unfilled until a case is linked.
 * Pure data; loaded by the simulator on the first `quickReplies.list`.
 */
import type { TransportQuickReply } from '../../core/quick-replies.js';

export const QUICK_REPLIES: readonly TransportQuickReply[] = [
  { id: 'greet-en', locale: 'en', shortcut: 'hello', title: 'Greeting', text: 'Hi {customerFirstName}, this is {agentName}. How can I help you today?' },
  { id: 'greet-pl', locale: 'pl', shortcut: 'czesc', title: 'Powitanie', text: 'Dzień dobry, {customerFirstName}! Nazywam się {agentName}. W czym mogę pomóc?' },
  { id: 'check-en', locale: 'en', shortcut: 'check', title: 'Checking the order', text: 'Thank you, {customerName}. Give me a moment while I check your order.' },
  { id: 'check-pl', locale: 'pl', shortcut: 'sprawdzam', title: 'Sprawdzam zamówienie', text: 'Dziękuję. Proszę o chwilę, sprawdzam Pani/Pana zamówienie.' },
  { id: 'case-en', locale: 'en', shortcut: 'case', title: 'Case number', text: 'I have noted everything under case {caseNumber}. You will get an e-mail as soon as there is news.' },
  { id: 'case-pl', locale: 'pl', shortcut: 'sprawa', title: 'Numer sprawy', text: 'Wszystko zapisałem w sprawie {caseNumber}. Gdy tylko coś się zmieni, wyślemy e-mail.' },
  { id: 'transfer-en', locale: 'en', shortcut: 'transfer', title: 'Passing to a specialist', text: 'I am passing your question to the {queue} team, who will reply here shortly.' },
  { id: 'transfer-pl', locale: 'pl', shortcut: 'przekazuje', title: 'Przekazanie do specjalisty', text: 'Przekazuję pytanie do zespołu {queue}. Odpowiedzą tutaj wkrótce.' },
  { id: 'bye-en', locale: 'en', shortcut: 'bye', title: 'Closing', text: 'Is there anything else I can do for you? Have a great day!' },
  { id: 'bye-pl', locale: 'pl', shortcut: 'dowidzenia', title: 'Zakończenie', text: 'Czy mogę jeszcze w czymś pomóc? Życzę miłego dnia!' },
];
