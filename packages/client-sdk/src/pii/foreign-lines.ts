import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { lazyMap, lexiconData } from './lexicon.ts';
import { memoized } from './call-memo.ts';
import { PerLine, execAll } from './text.ts';
import { lineRegime } from './name-features.ts';
import { foldName } from './name-lexicon.ts';

/**
 * Function words of 37 other languages written in Latin script (foreign-data.ts): each word, as
 * written in lower case with its diacritics and as folded, with the languages (their index in the
 * data) whose lists hold it.
 */
const foreignWords = (key: (word: string) => string | undefined) =>
  lazyMap((d) => {
    const out = new Map<string, number[]>();
    d.FOREIGN_FUNCTION_WORDS.split('\n').forEach((line, lang) => {
      for (const w of line.split(' ').slice(1)) {
        const k = key(w);
        if (k === undefined) continue;
        const langs = out.get(k);
        if (langs === undefined) out.set(k, [lang]);
        else if (!langs.includes(lang)) langs.push(lang);
      }
    });
    return out;
  });
const EXACT: ReadonlyMap<string, readonly number[]> = foreignWords((w) => w);
/** Written without its diacritics, a word is matched folded unless that is an English word ("für" as "fur"). */
const FOLDED: ReadonlyMap<string, readonly number[]> = foreignWords((w) => {
  const folded = foldName(w);
  return folded !== w && (ENGLISH_TIER.has(folded) || JARGON_WORDS.has(folded)) ? undefined : folded;
});

/**
 * The languages whose function words hold `word`. A word written with diacritics must match them
 * ("tú" is Spanish, not the Italian "tu"; "gia" in "Thanh Tú Gia" is not "già"), one written
 * without may leave them out ("manana", "reuniao", as chat often does).
 */
function foreignLanguages(word: string): readonly number[] | undefined {
  let langs = LANGUAGES_OF_WORD.get(word);
  if (langs === undefined) {
    langs = languagesOf(word) ?? null;
    if (LANGUAGES_OF_WORD.size >= LANGUAGES_OF_WORD_LIMIT) LANGUAGES_OF_WORD.clear();
    LANGUAGES_OF_WORD.set(word, langs);
  }
  return langs ?? undefined;
}

/**
 * `foreignLanguages` of each word as written (null for none), kept: every line a name is looked
 * for in is read word by word, and a text repeats its words.
 */
const LANGUAGES_OF_WORD = new Map<string, readonly number[] | null>();
const LANGUAGES_OF_WORD_LIMIT = 50_000;

function languagesOf(word: string): readonly number[] | undefined {
  // Most words are ASCII: lower case is their folded form.
  if (isAscii(word)) return FOLDED.get(word.toLowerCase());
  const lower = word.normalize('NFC').replace(/’/g, "'").toLowerCase();
  const folded = foldName(word);
  return lower === folded ? FOLDED.get(folded) : EXACT.get(lower);
}
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The ISO 639-1 code of each language of the data, by index. */
let languageCodes: readonly string[] | undefined;

/** True when German is one of the languages `langs`. */
export function isGerman(langs: readonly number[]): boolean {
  languageCodes ??= lexiconData().FOREIGN_FUNCTION_WORDS.split('\n').map((line) => line.slice(0, line.indexOf(' ')));
  const codes = languageCodes;
  return langs.some((l) => codes[l] === 'de');
}

/**
 * German articles and determiners. German writes every noun capitalised, so that a capital
 * letter tells no name there; a capitalised word after one of these, or after one and adjectives
 * in lower case, is a noun ("für den Monat", "die neue Rechnung", "deine schnelle Rückmeldung").
 */
export const GERMAN_DETERMINERS: ReadonlySet<string> = new Set(
  `der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines mein meine meinen
  meinem meiner meines dein deine deinen deinem deiner deines sein seine seinen seinem seiner seines ihr ihre ihren
  ihrem ihrer ihres unser unsere unseren unserem unserer unseres euer eure euren eurem eurer eures dieser diese diesen
  diesem dieses jeder jede jeden jedem jedes welcher welche welchen welchem welches zum zur im am vom beim ins`.split(/\s+/),
);

/** True for a function word of any language of the lists ("bez", "zie", "som", "nel"). */
export function isForeignFunctionWord(word: string): boolean {
  return foreignLanguages(word) !== undefined;
}

/** True for a function word of one of the languages `langs` (indices), matched as `foreignLanguages` does. */
export function isFunctionWordOf(word: string, langs: readonly number[]): boolean {
  return foreignLanguages(word)?.some((l) => langs.includes(l)) ?? false;
}

const WORD = /[\p{L}\p{M}'’]+/gu;

/**
 * True when a line is written in another language than English: of four words or more, at least
 * two (and a quarter of them) are function words of one other language, and they outnumber its
 * common English words ("przesyłam fakturę za marzec", "tu peux valider la pr avant midi ?").
 * There, a word the English lists lack is no sign of a name. Some name words are function words
 * somewhere ("Thanh Vy Bi", "Adhiraj Naik: Amodini Lama"), seldom two of one language; in mixed
 * case, a capitalised word counts only where a sentence starts.
 */
export function isForeignLine(line: string): boolean {
  return lineLanguages(line).length > 0;
}

/**
 * The languages (indices in the data) a line is written in by the test `isForeignLine` makes: the
 * ones with most function words in it, or none when it is English (or too short to tell).
 */
export function lineLanguages(line: string): readonly number[] {
  // (The line's case is worked out only when a capitalised function word asks for it.)
  let mixed: boolean | undefined;
  const byLanguage = new Map<number, Set<string>>();
  const others: string[] = [];
  let words = 0;
  for (const m of execAll(WORD, line)) {
    words++;
    const word = m[0];
    const langs = foreignLanguages(word);
    if (langs === undefined) {
      others.push(word);
      continue;
    }
    if (word !== word.toLowerCase() && (mixed ??= lineRegime(line) === 'M') && !SENTENCE_START.test(line.slice(0, m.index))) continue;
    const folded = foldName(word);
    for (const lang of langs) {
      const seen = byLanguage.get(lang);
      if (seen === undefined) byLanguage.set(lang, new Set([folded]));
      else seen.add(folded);
    }
  }
  let best = 0;
  for (const seen of byLanguage.values()) best = Math.max(best, seen.size);
  // Most lines end here: no language has two of its words in them.
  if (words < 4 || best < 2 || best * 4 < words) return NONE;
  let english = 0;
  for (const word of others) if ((ENGLISH_TIER.get(word.toLowerCase()) ?? 9) <= 2) english++;
  if (best <= english) return NONE;
  // Short function words are syllables of names too ("Ngọc Vy Ji", "Thanh Phi Pan", "Gia Bình
  // Cui"): a language counts when one of its words in the line has four letters or more.
  return [...byLanguage].filter(([, seen]) => seen.size === best && [...seen].some((w) => w.length >= 4)).map(([lang]) => lang);
}

const NONE: readonly number[] = [];

/** `lineLanguages` of the line holding offset `at` of `text`, each line worked out once per scrub. */
export function lineLanguagesAt(text: string, at: number): readonly number[] {
  // Worked out once per scrub: the tagger and the cut of name guesses both ask.
  return memoized('line-languages', text, (t) => new PerLine(t, lineLanguages)).at(at);
}

/** Where a sentence starts: the line's start, or after its end and an opening mark ("¿", "¡"). */
const SENTENCE_START = /(?:^|[.!?:;]\s+)[¿¡"'«„(]*\s*$/u;

/**
 * Greetings, thanks and forms of address of other languages that a name follows ("hola", "olá",
 * "salut", "terima kasih", "sehr geehrte frau", "szanowny panie", "sayın"), folded. In a line of
 * another language written without case, a word the English lists lack is a name only after one
 * of these (or when a name list holds it).
 */
const FOREIGN_NAME_CUES = new Set(
  `dzien sehr vielen terima guten buenos buenas bom boa muchas muito dias tardes noches noite
  hola ola oi salut bonjour bonsoir coucou hallo halo hai moin servus gruezi merhaba selam ciao buongiorno buonasera
  salve hej hei moi ahoj czesc witam dobry dobryj zdravo bok szia sveiki labas tere kasih makasih obrigado obrigada
  gracias danke merci grazie dziekuje dzieki tesekkurler tesekkur sagol tack takk kiitos dank bedankt estimado estimada
  estimados querido querida caro cara cari cher chere chers liebe lieber geehrte geehrter szanowny szanowna szanowni
  sayin bapak ibu pak bu mbak mas kak senor senora senorita senhor senhora sr sra srta dona dna don monsieur madame
  mademoiselle mme mlle herr frau signor signora signorina dott dottssa ing pan pani panie mevrouw meneer dhr mevr
  heer bey hanim hoca abi abla ustaz ustazah encik cik tuan puan`.split(/\s+/),
);

/**
 * True when the folded word is a greeting or form of address of another language; `before`, the
 * folded word before it, makes one of a word that is a greeting's only after another: "dia" after
 * "bom" ("bom dia, siyuan"), not the Indonesian pronoun ("dia sudah pulang").
 */
export function isForeignNameCue(folded: string, before?: string): boolean {
  return FOREIGN_NAME_CUES.has(folded) || (before !== undefined && GREETING_SECOND_WORDS.get(folded) === before);
}

/** Second words of greetings, with the first: "bom dia". */
const GREETING_SECOND_WORDS: ReadonlyMap<string, string> = new Map([['dia', 'bom']]);
