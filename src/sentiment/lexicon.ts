// The word lists of the lexicon analyzer, English and Polish, written for customer-service chat.
// Words are diacritic-folded and lower case ("ł" → "l"); a trailing `*` makes an entry a stem that
// matches every word it begins (Polish inflection: "zadowol*" → zadowolony, zadowolona, zadowoleni).
// Each string lists the entries of one score, separated by spaces.

/** Score → entries. Positive scores are pleasure, negative ones displeasure; 3 is the strongest. */
export const WORDS: Readonly<Record<string, string>> = {
  '3':
    'amazing* awesome* fantastic* excellent* outstanding* brilliant* wonderful* superb* flawless* ' +
    'perfect* love loved loves adore* thrilled delighted best exceptional* wow ' +
    'rewelac* genialn* fantastycz* cudown* wspanial* znakomi* doskonal* niesamowi* najlepsz* kocham ' +
    'uwielbiam zachwyc* perfekc*',
  '2.5': 'grateful idealn* swietn* wdzieczn*',
  '2':
    'great happy pleased glad satisfied helpful enjoy* recommend* ' +
    'super zadowol* ciesz* podoba* polec* pomocn*',
  '1.5': 'good nice well lovely appreciate* cool dobr* fajn* przyjemn* mily mila mile milo milego dziekuje',
  '1':
    'thank thanks thx fine like liked likes solved fixed helped saved ' +
    'dzieki dziek* pasuje porzadku rozwiaz* pomogl* pomoglo uratow* wygodn* spoko',
  '0.5': 'fast quick* easier easy alright fair szybk* pomoc',
  '-0.5': 'hmm still again waiting dent* issue nadal wciaz znowu czekam wgniec* powoli',
  '-1':
    'problem* unfortunately sadly shame late delay* slow* confus* meh error kidding expensive complain* ' +
    'niestety szkoda spozni* opozni* wolniejsz* pogubi* zal reklamac* drogo',
  '-1.5':
    'wrong poor crash* missing lost refuse* tore torn overpriced unbelievable annoying ' +
    'irytuj* smutn* wiesza niewiarygodn*',
  '-2':
    'bad angry annoy* frustrat* disappoint* dissapoint* unhappy upset broken damag* rude* fail* ' +
    'waste* mess ridiculous joke ' +
    'zly zla zle zlego zlej zlym zli rozczarow* zirytow* frustr* uszkodz* zniszcz* zepsu* absurd* ' +
    'zawiedz* zawiod* straszn* niezadowol* zart',
  '-2.5': 'sucks stupid lie lied lying liars ruin* insult* wkurz* porazk* zalaman* okropn*',
  '-3':
    'worst horrible* terrible* awful* disgust* disgrace* pathetic* useless* scam* fraud* furious* livid ' +
    'hate hated hates garbage rubbish trash unacceptable* outrage* appalling* nightmare devastat* ' +
    'shameful incompetent* ' +
    'najgorsz* beznadziej* fataln* tragedi* tragiczn* skandal* oszust* oszuk* wsciek* nienawidz* ' +
    'haniebn* zalosn* dno zenad* zenuj* szmelc* niedopuszczaln* kompromitac*',
};

/**
 * Words with no feeling of their own that a customer negates to complain: "doesn't work",
 * "nie działa", "nobody answers", "nie dotarło", "nie do przyjęcia".
 */
export const NEGATED_ONLY: Readonly<Record<string, string>> = {
  '-2': 'work* dziala* przyjecia',
  '-1.5': 'arriv* answer* respond* repl* dotar* doszl* odpowiada* odpisuj* zarzut*',
};

/** Turn the next feeling word of the clause around. */
export const NEGATORS =
  'not no never dont doesnt didnt isnt wasnt arent werent hasnt havent hadnt cant cannot couldnt ' +
  'wont wouldnt shouldnt aint nobody nothing nor neither without hardly ' +
  'nie nigdy ani bez nikt nic nikogo niczego zaden zadna zadne zadnego zadnej';

/** Make the next feeling word stronger. */
export const INTENSIFIERS =
  'very so really realy extremely totally totaly absolutely absolutly completely utterly incredibly ' +
  'truly highly deeply seriously terribly awfully such ' +
  'bardzo strasznie totalnie totalny totalna totalne naprawde mega kompletnie zupelnie calkowicie ' +
  'wyjatkowo ogromnie serio wcale wielkie stokrotne stokrotnie';

/** Make the previous feeling word stronger: "thanks a lot", "thank you so much", "worst ever". */
export const AFTER_INTENSIFIERS = 'much lot ever';

/** Make the next feeling word weaker. */
export const DIMINISHERS = 'slightly bit little somewhat kinda troche troszke nieco lekko raczej chyba';

/** What comes after these weighs more than what came before: "good product, but the delivery…". */
export const CONTRASTS = 'but however ale lecz jednak';

/** Emoji and emoticons, by score. */
export const EMOJI: Readonly<Record<string, string>> = {
  '3': '😍 🥰 😻 💯',
  '2.5': '❤ 💕 💖 🎉 🤩 😘',
  '2': '😄 😁 😃 😀 🥳 👏 🙌',
  '1.5': '😊 👍 ☺ :D :-D 💪',
  '1': '🙂 🙏 👌 😉 :) :-) ;) ;-) ✅',
  '-1': '😕 🙁 😐 😟 🤨 😬',
  '-1.5': '☹ 😞 😔 😒 😢 😩 😫 🙄 :( :-(',
  '-2': '😤 😭 👎 💔 😖',
  '-2.5': '😠 🤦',
  '-3': '😡 🤬 🖕',
};
