/**
 * The simulator's knowledge base (F9): help-centre articles of an online shop that delivers parcels,
 * in English and Polish. Search folds case and diacritics ("zwrot" finds "Zwrot", "platnosc" finds
 * "Płatność") and matches word prefixes, as the desk's own search does.
 *
 * Pure data and functions; loaded by the simulator on the first knowledge command.
 */
import type { Article, ArticleBlock, ArticleSummary } from '../../core/knowledge.js';
import { queryWords, tokenize } from '../../core/search/fold.js';
import { TransportError } from '../../core/transport.js';

const UPDATED = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

const h = (text: string): ArticleBlock => ({ type: 'heading', text });
const p = (text: string): ArticleBlock => ({ type: 'paragraph', text });
const list = (...items: string[]): ArticleBlock => ({ type: 'list', items });
const steps = (...items: string[]): ArticleBlock => ({ type: 'steps', items });
const note = (text: string): ArticleBlock => ({ type: 'note', text });

let serial = 0;
function article(id: string, locale: 'en' | 'pl', title: string, summary: string, blocks: ArticleBlock[]): Article {
  serial++;
  return { id, locale, title, summary, url: `https://help.example.com/${locale}/${id}`, updatedAt: UPDATED - serial * 3 * DAY, blocks };
}

export const ARTICLES: readonly Article[] = [
  // ---- English ----
  article('returns-policy', 'en', 'Returning an order', 'You can return most items within 30 days of delivery, free of charge.', [
    p('Most items can be returned within *30 days* of delivery. The return is free when you use the label from your account.'),
    h('What can be returned'),
    list('Unused items in their original packaging', 'Shoes and clothing with tags attached', 'Electronics with all accessories and the seal intact'),
    h('How to return'),
    steps('Open *Orders* in your account and choose the order.', 'Select the items and the reason for the return.', 'Print the label or show the QR code at a parcel point.', 'Drop the parcel off within 7 days.'),
    note('Hygiene products, personalised items and gift cards cannot be returned.'),
  ]),
  article('refund-timing', 'en', 'When will I get my refund?', 'Refunds go back to the original payment method within 5 business days of the return arriving.', [
    p('We refund as soon as the returned parcel is checked at our warehouse, usually within *2 business days* of arrival.'),
    list('Card: 3–5 business days, depending on your bank', 'BLIK and bank transfer: 1–3 business days', 'Gift card: at once, as store credit'),
    p('You get an e-mail when the refund is issued. If it has been more than 10 business days, contact us with your order number.'),
  ]),
  article('damaged-item', 'en', 'My item arrived damaged', 'Report damage within 14 days with photos; we send a replacement or refund you.', [
    p('We are sorry it arrived damaged. Report it within *14 days* of delivery so we can put it right.'),
    steps('Take photos of the item, the packaging and the shipping label.', 'Open the order in your account and choose *Report a problem*.', 'Choose a replacement or a refund.'),
    note('Keep the packaging until the case is closed: the carrier may ask to inspect it.'),
  ]),
  article('wrong-item', 'en', 'I received the wrong item', 'We collect the wrong item for free and send the right one at once.', [
    p('If the parcel holds a different item, size or colour than you ordered, we pick it up for free.'),
    steps('Report it under *Report a problem* in the order.', 'Book a free courier pickup or use a parcel point.', 'We ship the right item as soon as the pickup is booked.'),
  ]),
  article('track-parcel', 'en', 'Tracking your parcel', 'Follow your delivery with the tracking number from the shipping e-mail.', [
    p('When your order ships we send an e-mail and a text message with the *tracking number*.'),
    steps('Open *Orders* in your account.', 'Choose *Track parcel* next to the order.', 'Follow the status on the carrier page.'),
    p('Tracking can take up to 24 hours to show the first scan.'),
  ]),
  article('delivery-times', 'en', 'Delivery times and costs', 'Standard delivery takes 1–3 business days; delivery is free over 199 PLN.', [
    list('Courier: 1–2 business days, 14.99 PLN', 'Parcel locker: 1–2 business days, 9.99 PLN', 'Parcel point pickup: 2–3 business days, 8.99 PLN', 'Same-day delivery in large cities: order before 11:00, 24.99 PLN'),
    p('Orders over *199 PLN* ship free with the parcel locker or parcel point.'),
  ]),
  article('delayed-delivery', 'en', 'My delivery is late', 'What to do when the parcel has not arrived by the expected date.', [
    p('Carriers sometimes need an extra day, especially before holidays.'),
    steps('Check the tracking page for the latest scan.', 'If there has been no scan for 3 business days, contact us.', 'We open a search with the carrier and, if the parcel is lost, send a new one or refund you.'),
  ]),
  article('change-address', 'en', 'Changing the delivery address', 'The address can be changed until the order is packed.', [
    p('You can change the address in the order details while its status is *Received* or *Paid*.'),
    p('Once the order is packed, ask the carrier to redirect the parcel from the tracking page (not every carrier allows it).'),
  ]),
  article('parcel-locker', 'en', 'Collecting from a parcel locker', 'Use the code from the text message within 48 hours.', [
    steps('Wait for the text message with the pickup code.', 'Enter the code and your phone number at the locker, or scan the QR code.', 'Take the parcel from the open compartment.'),
    note('Parcels wait *48 hours*; after that they go to the nearest parcel point for 3 more days.'),
  ]),
  article('missed-courier', 'en', 'The courier missed me', 'The courier tries again the next business day; you can also choose a new date.', [
    p('If nobody was at home, the courier leaves a notice and tries again the next business day.'),
    p('After two attempts the parcel goes to a parcel point and waits there for *7 days*.'),
  ]),
  article('invoice-request', 'en', 'Getting a VAT invoice', 'Invoices are in your account; a company invoice needs the tax number at checkout.', [
    p('Every order has a receipt. For a VAT invoice, tick *I want an invoice* and enter the company tax number (NIP) at checkout.'),
    steps('Open *Orders* in your account.', 'Choose the order and *Download invoice* (PDF).'),
    note('An invoice can be issued up to 3 months after the end of the month of purchase.'),
  ]),
  article('invoice-correction', 'en', 'Correcting an invoice', 'Wrong company details? We issue a correcting invoice within 3 business days.', [
    p('Send us the order number and the correct details (name, address, tax number).'),
    p('We issue a *correcting invoice* within 3 business days and send it by e-mail.'),
  ]),
  article('payment-methods', 'en', 'Payment methods', 'Card, BLIK, bank transfer, pay later and cash on delivery.', [
    list('Card (Visa, Mastercard)', 'BLIK', 'Fast bank transfer', 'Pay later in 30 days', 'Cash on delivery (+5 PLN)'),
    p('Cash on delivery is not available for parcel lockers.'),
  ]),
  article('payment-failed', 'en', 'My payment failed', 'The order waits 24 hours for payment; you can pay again from the order.', [
    p('If the payment was declined or interrupted, the order waits *24 hours*.'),
    steps('Open the order in your account.', 'Choose *Pay again* and pick a payment method.'),
    p('If money left your account but the order shows unpaid, it is returned automatically within 3 business days.'),
  ]),
  article('cancel-order', 'en', 'Cancelling an order', 'Cancel from your account before the order is packed.', [
    p('An order can be cancelled in your account while its status is *Received* or *Paid*.'),
    p('After it ships, refuse the delivery or return it within 30 days.'),
  ]),
  article('reset-password', 'en', 'Resetting your password', 'Use *Forgot password* on the sign-in page to get a reset link.', [
    steps('Choose *Forgot password* on the sign-in page.', 'Enter your account e-mail address.', 'Open the link in the e-mail within 60 minutes and set a new password.'),
    note('No e-mail? Check the spam folder, then try again after 10 minutes.'),
  ]),
  article('delete-account', 'en', 'Deleting your account', 'Account deletion removes your data within 30 days; open orders must be finished first.', [
    p('You can delete the account under *Settings → Privacy*. Orders in progress and open returns must be finished first.'),
    p('Invoices are kept for 5 years, as the law requires.'),
  ]),
  article('change-email', 'en', 'Changing your e-mail address', 'Change it under Settings and confirm it from the new address.', [
    steps('Open *Settings → Account*.', 'Enter the new address and your password.', 'Confirm with the link sent to the new address.'),
  ]),
  article('warranty-claim', 'en', 'Warranty and complaints', 'Items have a 2-year warranty; a complaint is answered within 14 days.', [
    p('Every item has a *2-year* statutory warranty. Electronics may also have a manufacturer guarantee.'),
    steps('Open the order and choose *File a complaint*.', 'Describe the fault and add photos.', 'Send the item with the free label.'),
    p('We answer within *14 days*.'),
  ]),
  article('gift-cards', 'en', 'Gift cards', 'Gift cards are valid for 12 months and can pay for part of an order.', [
    list('Valid for 12 months from purchase', 'Can be combined with other payment methods', 'Cannot be exchanged for cash'),
  ]),
  article('discount-code', 'en', 'My discount code does not work', 'Check the minimum order value, the expiry date and the excluded items.', [
    list('The code may have expired', 'The basket may be below the minimum value', 'Some brands and sale items are excluded', 'One code per order'),
  ]),
  article('international-shipping', 'en', 'Shipping abroad', 'We deliver to EU countries in 3–7 business days.', [
    p('We deliver to all EU countries by courier. Delivery takes *3–7 business days* and costs from 39 PLN.'),
    note('Returns from abroad are at the customer’s cost.'),
  ]),

  // ---- Polski ----
  article('zwrot-zamowienia', 'pl', 'Zwrot zamówienia', 'Większość produktów możesz zwrócić w ciągu 30 dni od dostawy, bezpłatnie.', [
    p('Większość produktów możesz zwrócić w ciągu *30 dni* od dostawy. Zwrot jest bezpłatny z etykietą z Twojego konta.'),
    h('Jak zwrócić'),
    steps('Otwórz *Zamówienia* na swoim koncie i wybierz zamówienie.', 'Zaznacz produkty i podaj powód zwrotu.', 'Wydrukuj etykietę lub pokaż kod QR w punkcie nadania.', 'Nadaj paczkę w ciągu 7 dni.'),
    note('Nie przyjmujemy zwrotów produktów higienicznych, personalizowanych i kart podarunkowych.'),
  ]),
  article('termin-zwrotu-pieniedzy', 'pl', 'Kiedy otrzymam zwrot pieniędzy?', 'Pieniądze wracają na konto w ciągu 5 dni roboczych od dotarcia zwrotu.', [
    p('Zwracamy pieniądze, gdy tylko magazyn sprawdzi paczkę, zwykle w ciągu *2 dni roboczych*.'),
    list('Karta: 3–5 dni roboczych, zależnie od banku', 'BLIK i przelew: 1–3 dni robocze', 'Karta podarunkowa: od razu'),
  ]),
  article('uszkodzony-produkt', 'pl', 'Produkt dotarł uszkodzony', 'Zgłoś uszkodzenie w ciągu 14 dni ze zdjęciami; wyślemy nowy produkt lub zwrócimy pieniądze.', [
    p('Przykro nam, że produkt dotarł uszkodzony. Zgłoś to w ciągu *14 dni* od dostawy.'),
    steps('Zrób zdjęcia produktu, opakowania i etykiety przewozowej.', 'Otwórz zamówienie i wybierz *Zgłoś problem*.', 'Wybierz wymianę lub zwrot pieniędzy.'),
    note('Zachowaj opakowanie do zamknięcia sprawy: przewoźnik może chcieć je obejrzeć.'),
  ]),
  article('bledny-produkt', 'pl', 'Otrzymałem inny produkt', 'Odbierzemy błędny produkt bezpłatnie i od razu wyślemy właściwy.', [
    p('Jeśli w paczce jest inny produkt, rozmiar lub kolor, odbierzemy go bezpłatnie.'),
    steps('Zgłoś to w zamówieniu przez *Zgłoś problem*.', 'Zamów bezpłatny odbiór kurierem lub nadaj w punkcie.', 'Wysyłamy właściwy produkt zaraz po zamówieniu odbioru.'),
  ]),
  article('sledzenie-przesylki', 'pl', 'Śledzenie przesyłki', 'Sprawdzaj status dostawy numerem przesyłki z e-maila o wysyłce.', [
    p('Gdy zamówienie wyjedzie z magazynu, wyślemy e-mail i SMS z *numerem przesyłki*.'),
    steps('Otwórz *Zamówienia* na swoim koncie.', 'Wybierz *Śledź przesyłkę*.', 'Sprawdzaj status na stronie przewoźnika.'),
  ]),
  article('czas-i-koszt-dostawy', 'pl', 'Czas i koszt dostawy', 'Standardowa dostawa trwa 1–3 dni robocze; od 199 zł dostawa jest darmowa.', [
    list('Kurier: 1–2 dni robocze, 14,99 zł', 'Paczkomat: 1–2 dni robocze, 9,99 zł', 'Odbiór w punkcie: 2–3 dni robocze, 8,99 zł', 'Dostawa tego samego dnia w dużych miastach: zamów do 11:00, 24,99 zł'),
    p('Zamówienia powyżej *199 zł* wysyłamy gratis do paczkomatu lub punktu odbioru.'),
  ]),
  article('opozniona-dostawa', 'pl', 'Przesyłka się spóźnia', 'Co zrobić, gdy paczka nie dotarła w przewidywanym terminie.', [
    p('Przewoźnicy czasem potrzebują dodatkowego dnia, zwłaszcza przed świętami.'),
    steps('Sprawdź ostatni status na stronie śledzenia.', 'Jeśli przez 3 dni robocze nie ma nowego skanu, napisz do nas.', 'Zgłosimy poszukiwanie u przewoźnika, a jeśli paczka zaginęła, wyślemy nową lub zwrócimy pieniądze.'),
  ]),
  article('zmiana-adresu', 'pl', 'Zmiana adresu dostawy', 'Adres możesz zmienić, dopóki zamówienie nie zostanie spakowane.', [
    p('Adres zmienisz w szczegółach zamówienia, gdy ma status *Przyjęte* lub *Opłacone*.'),
    p('Po spakowaniu poproś przewoźnika o przekierowanie paczki na stronie śledzenia.'),
  ]),
  article('odbior-z-paczkomatu', 'pl', 'Odbiór z paczkomatu', 'Odbierz paczkę kodem z SMS-a w ciągu 48 godzin.', [
    steps('Poczekaj na SMS z kodem odbioru.', 'Wpisz kod i numer telefonu w paczkomacie albo zeskanuj kod QR.', 'Wyjmij paczkę z otwartej skrytki.'),
    note('Paczka czeka *48 godzin*, potem trafia do najbliższego punktu na kolejne 3 dni.'),
  ]),
  article('faktura-vat', 'pl', 'Faktura VAT', 'Faktury znajdziesz na koncie; do faktury na firmę podaj NIP przy zamówieniu.', [
    p('Do każdego zamówienia wystawiamy paragon. Aby otrzymać fakturę VAT, zaznacz *Chcę fakturę* i podaj NIP firmy.'),
    steps('Otwórz *Zamówienia* na swoim koncie.', 'Wybierz zamówienie i *Pobierz fakturę* (PDF).'),
    note('Fakturę można wystawić do 3 miesięcy od końca miesiąca zakupu.'),
  ]),
  article('korekta-faktury', 'pl', 'Korekta faktury', 'Błędne dane firmy? Wystawimy fakturę korygującą w ciągu 3 dni roboczych.', [
    p('Prześlij numer zamówienia i poprawne dane: nazwę, adres i NIP.'),
    p('Wystawimy *fakturę korygującą* w ciągu 3 dni roboczych i wyślemy ją e-mailem.'),
  ]),
  article('metody-platnosci', 'pl', 'Metody płatności', 'Karta, BLIK, przelew, płatność odroczona i pobranie.', [
    list('Karta (Visa, Mastercard)', 'BLIK', 'Szybki przelew', 'Zapłać później w 30 dni', 'Płatność przy odbiorze (+5 zł)'),
    p('Płatność przy odbiorze nie jest dostępna dla paczkomatów.'),
  ]),
  article('nieudana-platnosc', 'pl', 'Płatność się nie powiodła', 'Zamówienie czeka na płatność 24 godziny; możesz zapłacić ponownie.', [
    p('Jeśli płatność została odrzucona lub przerwana, zamówienie czeka *24 godziny*.'),
    steps('Otwórz zamówienie na swoim koncie.', 'Wybierz *Zapłać ponownie* i metodę płatności.'),
    p('Jeśli pieniądze zeszły z konta, a zamówienie jest nieopłacone, wrócą automatycznie w ciągu 3 dni roboczych.'),
  ]),
  article('anulowanie-zamowienia', 'pl', 'Anulowanie zamówienia', 'Anuluj zamówienie na koncie, zanim zostanie spakowane.', [
    p('Zamówienie anulujesz na koncie, gdy ma status *Przyjęte* lub *Opłacone*.'),
    p('Po wysyłce odmów przyjęcia przesyłki albo zwróć ją w ciągu 30 dni.'),
  ]),
  article('reset-hasla', 'pl', 'Resetowanie hasła', 'Użyj opcji *Nie pamiętam hasła* na stronie logowania.', [
    steps('Wybierz *Nie pamiętam hasła* na stronie logowania.', 'Podaj adres e-mail konta.', 'Otwórz link z e-maila w ciągu 60 minut i ustaw nowe hasło.'),
    note('Nie ma e-maila? Sprawdź folder spam i spróbuj ponownie po 10 minutach.'),
  ]),
  article('usuniecie-konta', 'pl', 'Usunięcie konta', 'Usunięcie konta kasuje dane w ciągu 30 dni; najpierw zakończ otwarte zamówienia.', [
    p('Konto usuniesz w *Ustawienia → Prywatność*. Najpierw muszą się zakończyć zamówienia w realizacji i otwarte zwroty.'),
    p('Faktury przechowujemy przez 5 lat, zgodnie z przepisami.'),
  ]),
  article('reklamacja', 'pl', 'Reklamacja i gwarancja', 'Produkty mają 2 lata rękojmi; odpowiadamy na reklamację w ciągu 14 dni.', [
    p('Każdy produkt ma *2 lata* rękojmi. Elektronika może mieć też gwarancję producenta.'),
    steps('Otwórz zamówienie i wybierz *Złóż reklamację*.', 'Opisz usterkę i dodaj zdjęcia.', 'Wyślij produkt z bezpłatną etykietą.'),
    p('Odpowiadamy w ciągu *14 dni*.'),
  ]),
  article('karty-podarunkowe', 'pl', 'Karty podarunkowe', 'Karta podarunkowa jest ważna 12 miesięcy i może opłacić część zamówienia.', [
    list('Ważna 12 miesięcy od zakupu', 'Można ją łączyć z innymi metodami płatności', 'Nie można jej wymienić na gotówkę'),
  ]),
  article('kod-rabatowy', 'pl', 'Kod rabatowy nie działa', 'Sprawdź minimalną wartość koszyka, datę ważności i wykluczone produkty.', [
    list('Kod mógł wygasnąć', 'Koszyk może być poniżej minimalnej wartości', 'Niektóre marki i wyprzedaż są wyłączone', 'Jeden kod na zamówienie'),
  ]),
  article('wysylka-za-granice', 'pl', 'Wysyłka za granicę', 'Dostarczamy do krajów UE w 3–7 dni roboczych.', [
    p('Dostarczamy kurierem do wszystkich krajów UE. Dostawa trwa *3–7 dni roboczych* i kosztuje od 39 zł.'),
    note('Zwroty z zagranicy są na koszt klienta.'),
  ]),
];

const byId = new Map(ARTICLES.map((a) => [a.id, a]));

interface Indexed {
  article: Article;
  title: readonly string[];
  body: readonly string[];
}

const blockText = (block: ArticleBlock): string => ('text' in block ? block.text : block.items.join(' '));

const indexed: readonly Indexed[] = ARTICLES.map((a) => ({
  article: a,
  title: tokenize(a.title),
  body: tokenize([a.summary, ...a.blocks.map(blockText)].join(' ')),
}));

const summaryOf = ({ blocks: _blocks, ...summary }: Article): ArticleSummary => summary;

/**
 * Articles whose words start with every query word, best first: title matches weigh more, and
 * articles in `locale` (its language part) come before the rest.
 */
export function searchArticles(query: string, options: { locale?: string; limit?: number } = {}): ArticleSummary[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const language = options.locale?.toLowerCase().split('-')[0];
  const scored: { article: Article; score: number }[] = [];
  for (const entry of indexed) {
    let score = 0;
    let all = true;
    for (const word of words) {
      const inTitle = entry.title.some((t) => t.startsWith(word));
      const inBody = inTitle || entry.body.some((t) => t.startsWith(word));
      if (!inBody) {
        all = false;
        break;
      }
      score += inTitle ? 3 : 1;
    }
    if (!all) continue;
    if (language && entry.article.locale === language) score += 100;
    scored.push({ article: entry.article, score });
  }
  scored.sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title));
  return scored.slice(0, Math.max(0, options.limit ?? 20)).map((s) => summaryOf(s.article));
}

export function getArticle(articleId: string): Article {
  const found = byId.get(articleId);
  if (!found) throw new TransportError('not-found', `No article "${articleId}".`, { retryable: false });
  return structuredClone(found);
}
