/**
 * Agent scripts of the simulator's queues (F15), one per queue, in the queue's language: a demo
 * passes them to `createDesk({ scripts })`, and the simulator answers `scripts.list` with them when
 * `capabilities.scripts` is on. Article steps name articles of the simulated knowledge base.
 */
import type { AgentScript } from '../../core/scripts.js';

export const AGENT_SCRIPTS: readonly AgentScript[] = [
  {
    id: 'reklamacje',
    title: 'Reklamacja lub opóźniona dostawa',
    queue: 'Reklamacje',
    steps: [
      { id: 'powitanie', kind: 'send', text: 'Dzień dobry, {customerFirstName}! Nazywam się {agentName} i pomogę w sprawie zamówienia.' },
      { id: 'numer', kind: 'check', label: 'Potwierdź numer zamówienia i przesyłki' },
      { id: 'status', kind: 'check', label: 'Sprawdź status u przewoźnika' },
      { id: 'artykul', kind: 'article', articleId: 'opozniona-dostawa', title: 'Przesyłka się spóźnia' },
      { id: 'zamkniecie', kind: 'send', text: 'Czy mogę jeszcze w czymś pomóc?' },
    ],
  },
  {
    id: 'faktury',
    title: 'Płatności i faktury',
    queue: 'Faktury i płatności',
    steps: [
      { id: 'powitanie', kind: 'send', text: 'Dzień dobry! Sprawdzę płatności do Twojego zamówienia.' },
      { id: 'platnosci', kind: 'check', label: 'Znajdź płatności w panelu płatności' },
      { id: 'artykul', kind: 'article', articleId: 'termin-zwrotu-pieniedzy', title: 'Kiedy otrzymam zwrot pieniędzy?' },
      { id: 'faktura', kind: 'check', label: 'Zapytaj o dane do faktury (NIP)' },
      { id: 'zamkniecie', kind: 'send', text: 'Zwrot zlecony. Czy mogę jeszcze w czymś pomóc?' },
    ],
  },
  {
    id: 'wsparcie',
    title: 'Problem z aplikacją',
    queue: 'Wsparcie techniczne',
    steps: [
      { id: 'powitanie', kind: 'send', text: 'Dzień dobry! Jaką wersję aplikacji i jaki telefon masz?' },
      { id: 'wersja', kind: 'check', label: 'Zapisz wersję aplikacji i model telefonu' },
      { id: 'pamiec', kind: 'send', text: 'Proszę wyczyścić pamięć podręczną aplikacji i zalogować się ponownie.' },
      { id: 'haslo', kind: 'article', articleId: 'reset-hasla', title: 'Resetowanie hasła' },
    ],
  },
  {
    id: 'sprzedaz',
    title: 'Pytanie o produkt',
    queue: 'Sprzedaż',
    steps: [
      { id: 'powitanie', kind: 'send', text: 'Dzień dobry! Chętnie sprawdzę dostępność.' },
      { id: 'dostepnosc', kind: 'check', label: 'Sprawdź stan w sklepie' },
      { id: 'dostawa', kind: 'article', articleId: 'czas-i-koszt-dostawy', title: 'Czas i koszt dostawy' },
      { id: 'zamkniecie', kind: 'send', text: 'Czy mogę jeszcze w czymś pomóc?' },
    ],
  },
  {
    id: 'billing',
    title: 'Billing question',
    queue: 'Billing',
    steps: [
      { id: 'greeting', kind: 'send', text: 'Hi {customerFirstName}, I am {agentName}. Let me look at your charges.' },
      { id: 'verify', kind: 'check', label: 'Verify the account holder' },
      { id: 'refund', kind: 'article', articleId: 'refund-timing', title: 'When will I get my refund?' },
      { id: 'closing', kind: 'send', text: 'The refund is on its way. Anything else I can help with?' },
    ],
  },
  {
    id: 'returns',
    title: 'Return or exchange',
    queue: 'Returns',
    steps: [
      { id: 'greeting', kind: 'send', text: 'Hi {customerFirstName}! I can help with your return.' },
      { id: 'order', kind: 'check', label: 'Confirm the order number' },
      { id: 'policy', kind: 'article', articleId: 'returns-policy', title: 'Returning an order' },
      { id: 'label', kind: 'check', label: 'Email the return label' },
      { id: 'closing', kind: 'send', text: 'Is there anything else I can help with?' },
    ],
  },
  {
    id: 'technical',
    title: 'Connection problem',
    queue: 'Technical support',
    steps: [
      { id: 'greeting', kind: 'send', text: 'Hi! Which router model do you have, and what do the lights show?' },
      { id: 'line', kind: 'check', label: 'Run a line test' },
      { id: 'firmware', kind: 'send', text: 'Please update the router firmware to the latest version and restart it.' },
      { id: 'stable', kind: 'check', label: 'Confirm the connection is stable' },
    ],
  },
  {
    id: 'sales',
    title: 'Product question',
    queue: 'Sales',
    steps: [
      { id: 'greeting', kind: 'send', text: 'Hi! Happy to help with your order.' },
      { id: 'stock', kind: 'check', label: 'Check stock and delivery date' },
      { id: 'abroad', kind: 'article', articleId: 'international-shipping', title: 'Shipping abroad' },
      { id: 'closing', kind: 'send', text: 'Anything else I can help with?' },
    ],
  },
];
