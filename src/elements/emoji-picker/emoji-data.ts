// The emoji the composer offers: a short, bundled set an agent answering customers reaches for,
// with English and Polish names to search by. No network, no storage: it ships with the picker's
// chunk. Each entry is "emoji|English name|Polish name", entries separated by ";".

export type EmojiCategory = 'smileys' | 'people' | 'hearts' | 'nature' | 'objects';

export interface Emoji {
  readonly char: string;
  readonly en: string;
  readonly pl: string;
}

const DATA: Readonly<Record<EmojiCategory, string>> = {
  smileys:
    '😀|grinning face|szeroki uśmiech;😃|smiling face with big eyes|uśmiech z dużymi oczami;😄|smiling eyes|uśmiechnięte oczy;' +
    '😁|beaming face|promienny uśmiech;😆|laughing|śmiech;😅|sweat smile|uśmiech z kroplą potu;😂|tears of joy|łzy radości;' +
    '🙂|slight smile|lekki uśmiech;😉|wink|mrugnięcie;😊|blush smile|rumieniec uśmiech;😇|halo angel|aureola anioł;' +
    '😍|heart eyes|zakochane oczy;🤩|star struck|zachwyt gwiazdy;😘|blowing a kiss|buziak;😋|yummy|pyszne;' +
    '😎|sunglasses cool|okulary przeciwsłoneczne luz;🤔|thinking|myślenie;🤗|hug|przytulenie;🙃|upside down|do góry nogami;' +
    '😐|neutral|obojętny;😴|sleeping|śpiący;😌|relieved|ulga;😔|pensive|zamyślony smutny;😢|crying|płacz;' +
    '😭|sobbing|szloch;😮|surprised|zaskoczony;😱|screaming fear|krzyk strach;😬|grimace|grymas;😕|confused|zmieszany;' +
    '😟|worried|zmartwiony;😠|angry|zły;🙄|eye roll|przewracanie oczami;🤯|mind blown|szok;🥳|party face|impreza świętowanie;' +
    '🥰|smiling with hearts|uśmiech z sercami;🤝|handshake deal|uścisk dłoni umowa',
  people:
    '👍|thumbs up yes|kciuk w górę tak;👎|thumbs down no|kciuk w dół nie;👌|ok hand|ok dłoń;✌️|victory peace|zwycięstwo pokój;' +
    '🤞|fingers crossed luck|skrzyżowane palce szczęście;👋|waving hello bye|machanie cześć;🙏|folded hands thanks please|złożone dłonie dziękuję proszę;' +
    '👏|clapping|oklaski;🙌|raising hands|wzniesione ręce;💪|flexed biceps strong|biceps siła;👉|pointing right|wskazuje w prawo;' +
    '👈|pointing left|wskazuje w lewo;👆|pointing up|wskazuje w górę;👇|pointing down|wskazuje w dół;✋|raised hand stop|podniesiona dłoń stop;' +
    '🤷|shrug|wzruszenie ramion;🤦|facepalm|załamanie;🙋|raising hand question|zgłaszanie się pytanie;💁|information desk|informacja;' +
    '🙆|gesturing ok|gest ok;🙅|gesturing no|gest nie;👀|eyes looking|oczy patrzę',
  hearts:
    '❤️|red heart love|czerwone serce miłość;🧡|orange heart|pomarańczowe serce;💛|yellow heart|żółte serce;💚|green heart|zielone serce;' +
    '💙|blue heart|niebieskie serce;💜|purple heart|fioletowe serce;🖤|black heart|czarne serce;💔|broken heart|złamane serce;' +
    '💯|hundred points|sto punktów;✅|check mark done|zaznaczone gotowe;❌|cross mark|krzyżyk;❗|exclamation|wykrzyknik;' +
    '❓|question|pytajnik;⚠️|warning|ostrzeżenie;⭐|star|gwiazda;✨|sparkles|iskierki;🔥|fire|ogień;💡|light bulb idea|żarówka pomysł;' +
    '🎉|party popper congratulations|konfetti gratulacje;🎁|gift|prezent;🎂|birthday cake|tort urodzinowy;🏆|trophy|puchar',
  nature:
    '☀️|sun|słońce;🌧️|rain|deszcz;❄️|snowflake|płatek śniegu;🌈|rainbow|tęcza;🌸|blossom|kwiat;🌹|rose|róża;🌻|sunflower|słonecznik;' +
    '🍀|four leaf clover luck|czterolistna koniczyna szczęście;🐶|dog|pies;🐱|cat|kot;🐻|bear|niedźwiedź;🦄|unicorn|jednorożec;' +
    '☕|coffee|kawa;🍵|tea|herbata;🍕|pizza|pizza;🍰|cake|ciasto;🍎|apple|jabłko;🍫|chocolate|czekolada;🥂|cheers toast|toast na zdrowie',
  objects:
    '📦|package parcel|paczka przesyłka;🚚|delivery truck|dostawa ciężarówka;📬|mailbox|skrzynka pocztowa;✉️|envelope|koperta;' +
    '📧|email|e-mail;📞|phone|telefon;📱|mobile phone|telefon komórkowy;💻|laptop|laptop;🖨️|printer|drukarka;🔑|key|klucz;' +
    '🔒|locked|zamknięte;🔓|unlocked|otwarte;💳|credit card|karta płatnicza;💰|money bag|worek pieniędzy;🧾|receipt|paragon;' +
    '📄|document page|dokument strona;📎|paperclip|spinacz;📅|calendar|kalendarz;⏰|alarm clock|budzik;⏳|hourglass wait|klepsydra czekanie;' +
    '🔧|wrench fix|klucz naprawa;🛠️|tools|narzędzia;🏠|house home|dom;🛒|shopping cart|koszyk zakupy;🎧|headphones support|słuchawki wsparcie',
};

/** The categories in the order the picker shows them. */
export const CATEGORIES = Object.keys(DATA) as EmojiCategory[];

let parsed: Map<EmojiCategory, readonly Emoji[]> | undefined;

/** The emoji of each category, parsed on first use. */
export function emojiByCategory(): ReadonlyMap<EmojiCategory, readonly Emoji[]> {
  parsed ??= new Map(
    CATEGORIES.map((category) => [
      category,
      DATA[category].split(';').map((entry) => {
        const [char = '', en = '', pl = ''] = entry.split('|');
        return { char, en, pl };
      }),
    ]),
  );
  return parsed;
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .toLowerCase();

/** Emoji whose English or Polish name has a word starting with every word of the query (accents optional). */
export function searchEmoji(query: string): Emoji[] {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [];
  const out: Emoji[] = [];
  for (const list of emojiByCategory().values()) {
    for (const emoji of list) {
      const names = fold(`${emoji.en} ${emoji.pl}`).split(/\s+/u);
      if (words.every((w) => names.some((n) => n.startsWith(w)))) out.push(emoji);
    }
  }
  return out;
}
