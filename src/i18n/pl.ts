import { formatBytes, type Catalog } from './en.js';

const rules = new Intl.PluralRules('pl');

/** Polish has three counting forms: 1 rozmowa, 2 rozmowy, 5 rozmów (and fractions use "other"). */
export function plural(n: number, one: string, few: string, many: string): string {
  switch (rules.select(n)) {
    case 'one':
      return one;
    case 'few':
      return few;
    case 'many':
      return many;
    default:
      return few;
  }
}

export const pl: Catalog = {
  lang: 'pl',
  channel: { facebook: 'Facebook Messenger' },
  state: { open: 'Otwarta', active: 'Aktywna', waiting: 'Oczekująca', 'wrap-up': 'Podsumowanie', closed: 'Zamknięta' },
  connection: {
    idle: 'Brak połączenia',
    connecting: 'Łączenie…',
    online: 'Połączono',
    reconnecting: 'Ponowne łączenie…',
    offline: 'Offline',
    'auth-expired': 'Sesja wygasła: zaloguj się ponownie',
  },
  duration: {
    seconds: (n) => `${n} s`,
    minutes: (n) => `${n} min`,
    hours: (n) => `${n} godz.`,
    days: (n) => `${n} ${plural(n, 'dzień', 'dni', 'dni')}`,
  },
  conversations: (n) => `${n} ${plural(n, 'rozmowa', 'rozmowy', 'rozmów')}`,
  notification: {
    title: 'Przychodząca konwersacja',
    from: (name) => `${name} chce porozmawiać`,
    channel: 'Kanał',
    queue: 'Kolejka',
    waiting: 'Czeka',
    firstMessage: 'Pierwsza wiadomość',
    expiresIn: (s) => `Wygasa za ${s} s`,
    accept: 'Akceptuj',
    reject: 'Odrzuć',
    moreWaiting: (n) => `Czeka jeszcze ${n} ${plural(n, 'rozmowa', 'rozmowy', 'rozmów')}`,
    otherConversations: 'Inne aktywne konwersacje tego klienta',
    noOtherConversations: 'Brak innych aktywnych konwersacji.',
    missedTitle: 'Nieodebrana konwersacja',
    missed: (name) => `Konwersacja z klientem ${name} wróciła do kolejki. Twój stan obecności to teraz Nieaktywny.`,
    becomeAvailable: 'Ustaw stan Dostępny',
    dismiss: 'Zamknij',
    announce: (name, queue) => `Przychodząca konwersacja Facebook od ${name}, kolejka ${queue}.`,
    desktopTitle: (name) => `Konwersacja Facebook: ${name}`,
    failed: 'Nie udało się. Spróbuj ponownie.',
    startedAt: (time) => `Rozpoczęta ${time}`,
  },
  panel: {
    empty: 'Brak wiadomości.',
    noConversation: 'Żadna konwersacja nie jest otwarta. Zaakceptuj przychodzącą konwersację, aby zacząć.',
    transcriptLabel: (name) => `Konwersacja z: ${name}`,
    composerLabel: 'Wiadomość',
    placeholder: 'Napisz wiadomość',
    composerHint: 'Enter wysyła, Shift+Enter dodaje wiersz.',
    send: 'Wyślij',
    more: 'Więcej akcji',
    attachFile: 'Dołącz plik',
    endConversation: 'Zakończ konwersację',
    closeConversation: 'Zamknij konwersację',
    wrapUp: 'Konwersacja została zakończona. Dokończ podsumowanie, a potem ją zamknij.',
    closed: 'Ta konwersacja jest zamknięta.',
    counter: (used, max) => `${used} / ${max}`,
    tooLong: (over) => `${over} ${plural(over, 'znak', 'znaki', 'znaków')} za dużo`,
    typing: (name) => `${name} pisze…`,
    windowLeft: (time) => `Okno odpowiedzi: zostało ${time}`,
    windowLeftHumanAgent: (time) => `Okno agenta (HUMAN_AGENT): zostało ${time}`,
    windowClosed: 'Okno odpowiedzi zamknięte',
    windowClosedHelp:
      'Messenger pozwala odpowiadać tylko w ciągu 24 godzin od ostatniej wiadomości klienta (7 dni z tagiem HUMAN_AGENT). Możesz znów pisać, gdy klient się odezwie.',
    windowNotOpen: 'Możesz odpowiedzieć, gdy klient napisze.',
    dropHere: 'Upuść pliki, aby je dołączyć',
    sendFailed: 'Wiadomość nie została wysłana.',
    endFailed: 'Nie udało się zakończyć konwersacji. Spróbuj ponownie.',
  },
  message: {
    customer: 'Klient',
    agent: 'Ty',
    system: 'System',
    bot: 'Bot',
    status: { sending: 'Wysyłanie…', sent: 'Wysłano', delivered: 'Dostarczono', read: 'Przeczytano', failed: 'Błąd' },
    retry: 'Ponów',
    unsupported: 'Błąd: Klient wysłał nieobsługiwany typ wiadomości.',
    edited: 'edytowano',
    sticker: 'Naklejka',
    image: (name) => `Obraz ${name}`,
    download: (name) => `Pobierz ${name}`,
    openImage: (name) => `Otwórz obraz ${name}`,
    closeImage: 'Zamknij obraz',
    reactions: (list) => `Reakcje: ${list}`,
    newMessages: (n) => `${n} ${plural(n, 'nowa wiadomość', 'nowe wiadomości', 'nowych wiadomości')}`,
    jumpToLatest: 'Przejdź do najnowszych',
  },
  attachments: {
    label: 'Załączniki',
    choose: 'Wybierz pliki',
    drop: 'lub upuść je tutaj',
    limits: (max, ext) => `Do ${max} każdy. Dozwolone: ${ext}.`,
    limitsAnyType: (max) => `Do ${max} każdy.`,
    reasons: {
      empty: (name) => `${name} jest pusty.`,
      'too-large': (name, limit) => `${name} przekracza limit ${limit}.`,
      'invalid-name': (name) => `${name} ma nazwę, której nie można wysłać.`,
      'null-byte': (name) => `${name} ma ukryty znak w nazwie i został odrzucony.`,
      'no-extension': (name) => `${name} nie ma rozszerzenia.`,
      'double-extension': (name) => `${name} ukrywa prawdziwy typ za podwójnym rozszerzeniem.`,
      'blocked-extension': (name, ext) => `${name}: pliki .${ext} są zablokowane.`,
      'extension-not-allowed': (name, ext) => `${name}: pliki .${ext} są niedozwolone.`,
    },
    uploading: (name, percent) => `Wysyłanie ${name}: ${percent}%`,
    uploaded: (name) => `${name} jest gotowy do wysłania`,
    failed: (name) => `Nie udało się wysłać ${name}.`,
    cancel: (name) => `Anuluj wysyłanie ${name}`,
    remove: (name) => `Usuń ${name}`,
    cancelButton: 'Anuluj',
    removeButton: 'Usuń',
    unnamed: '(bez nazwy)',
    cancelled: (name) => `Anulowano wysyłanie ${name}.`,
    rejectedCount: (n) => `Odrzucono ${n} ${plural(n, 'plik', 'pliki', 'plików')}`,
    size: (n) => formatBytes(n, 'pl'),
  },
};
