import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { FOREIGN_ADDED_WORDS, FOREIGN_COUNTED_WORDS, FOREIGN_EXACT_WORDS } from './foreign-added-words.ts';
import { lazyMap, lazyValue } from './lexicon.ts';
import type { LexiconData } from './lexicon-types.ts';
import { memoized } from './call-memo.ts';
import { PerLine, execAll } from './text.ts';
import { lineRegime } from './name-features.ts';
import { foldName } from './name-lexicon.ts';

/** A list line's language code: what comes before its first space. */
const codeOf = (line: string): string => line.slice(0, line.indexOf(' '));

/**
 * The ISO 639-1 code of each language, by index: the generated data's (foreign-data.ts) in its
 * order, then the ones only the added lists have (foreign-added-words.ts: Vietnamese).
 */
const languageCodes = lazyValue((d) => {
  const codes = d.FOREIGN_FUNCTION_WORDS.split('\n').map(codeOf);
  for (const list of [FOREIGN_ADDED_WORDS, FOREIGN_EXACT_WORDS, FOREIGN_COUNTED_WORDS]) {
    for (const line of list.split('\n')) if (!codes.includes(codeOf(line))) codes.push(codeOf(line));
  }
  return codes;
});

/**
 * Function words of 38 other languages written in Latin script (foreign-data.ts, with
 * foreign-added-words.ts): each word of the lists `lists` picks, as written in lower case with its
 * diacritics or as folded (by `key`), with the languages (their index in `languageCodes`) whose
 * lists hold it.
 */
const foreignWords = (lists: (d: LexiconData) => readonly string[], key: (word: string) => string | undefined) =>
  lazyMap((d) => {
    const codes = languageCodes();
    const out = new Map<string, number[]>();
    for (const list of lists(d)) {
      for (const line of list.split('\n')) {
        const lang = codes.indexOf(codeOf(line));
        for (const w of line.split(' ').slice(1)) {
          const k = key(w);
          if (k === undefined) continue;
          const langs = out.get(k);
          if (langs === undefined) out.set(k, [lang]);
          else if (!langs.includes(lang)) langs.push(lang);
        }
      }
    }
    return out;
  });
/** Written without its diacritics, a word is matched folded unless that is an English word ("für" as "fur"). */
const foldedKey = (w: string): string | undefined => {
  const folded = foldName(w);
  return folded !== w && (ENGLISH_TIER.has(folded) || JARGON_WORDS.has(folded)) ? undefined : folded;
};
const EXACT: ReadonlyMap<string, readonly number[]> = foreignWords((d) => [d.FOREIGN_FUNCTION_WORDS, FOREIGN_ADDED_WORDS, FOREIGN_EXACT_WORDS], (w) => w);
// (Not the words matched only as written: folded, they are names' syllables, "phòng" and Phong.)
const FOLDED: ReadonlyMap<string, readonly number[]> = foreignWords((d) => [d.FOREIGN_FUNCTION_WORDS, FOREIGN_ADDED_WORDS], foldedKey);
/** Words that only tell a line's language ("dan", "del", "anh"), as written and folded. */
const COUNTED_EXACT: ReadonlyMap<string, readonly number[]> = foreignWords(() => [FOREIGN_COUNTED_WORDS], (w) => w);
/**
 * The generated Vietnamese syllables with their marks ("lại", "thị"), as written: words of a
 * Vietnamese line, that tell no line's language (a name of them is a line of them: "welcome
 * aboard, thành công!") and cut no name.
 */
const MARKED_EXACT: ReadonlyMap<string, readonly number[]> = foreignWords((d) => [d.VIETNAMESE_MARKED_WORDS], (w) => w);
const COUNTED_FOLDED: ReadonlyMap<string, readonly number[]> = foreignWords(() => [FOREIGN_COUNTED_WORDS], foldedKey);
/** The generated lists' words alone, by which a line without case is told. */
const GENERATED_EXACT: ReadonlyMap<string, readonly number[]> = foreignWords((d) => [d.FOREIGN_FUNCTION_WORDS], (w) => w);
const GENERATED_FOLDED: ReadonlyMap<string, readonly number[]> = foreignWords((d) => [d.FOREIGN_FUNCTION_WORDS], foldedKey);

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

function languagesOf(word: string, exact = EXACT, folded = FOLDED): readonly number[] | undefined {
  // Most words are ASCII: lower case is their folded form.
  if (isAscii(word)) return folded.get(word.toLowerCase());
  const lower = word.normalize('NFC').replace(/’/g, "'").toLowerCase();
  const f = foldName(word);
  // (A word whose only letter outside ASCII is "đ" is matched folded only: "đang" is Đặng's
  // surname written without its tones as often as the word.)
  return lower === f ? folded.get(f) : exact.get(lower);
}

/**
 * The languages a word tells a line is in (`all`): those whose function words hold it
 * (`foreignLanguages`) and those whose lists of words that only tell a language do ("dan",
 * "del"); and the ones of the generated lists alone (`generated`), by which a line without case
 * is told (see `lineLanguages`). Kept as `LANGUAGES_OF_WORD` is.
 */
function lineLanguagesOfWord(word: string): WordLanguages | undefined {
  let langs = LINE_LANGUAGES_OF_WORD.get(word);
  if (langs === undefined) {
    const own = foreignLanguages(word);
    const counted = languagesOf(word, COUNTED_EXACT, COUNTED_FOLDED);
    const all = counted === undefined ? own : own === undefined ? counted : [...new Set([...own, ...counted])];
    langs = all === undefined ? null : { all, generated: languagesOf(word, GENERATED_EXACT, GENERATED_FOLDED) ?? NONE };
    if (LINE_LANGUAGES_OF_WORD.size >= LANGUAGES_OF_WORD_LIMIT) LINE_LANGUAGES_OF_WORD.clear();
    LINE_LANGUAGES_OF_WORD.set(word, langs);
  }
  return langs ?? undefined;
}
interface WordLanguages {
  readonly all: readonly number[];
  readonly generated: readonly number[];
}
const LINE_LANGUAGES_OF_WORD = new Map<string, WordLanguages | null>();
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** True when the language of ISO 639-1 code `code` ("de", "vi") is one of the languages `langs`. */
export function hasLanguage(langs: readonly number[], code: string): boolean {
  const codes = languageCodes();
  return langs.some((l) => codes[l] === code);
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

/**
 * True for a word that tells a line is in one of the languages `langs` but is a name's as often
 * ("dan", "del", "anh", "cho"), or is a Vietnamese syllable with its marks ("lại"): in such a line
 * it makes no piece of a name guess a name.
 */
export function isCountedWordOf(word: string, langs: readonly number[]): boolean {
  const of = (found: readonly number[] | undefined): boolean => found?.some((l) => langs.includes(l)) ?? false;
  return of(languagesOf(word, COUNTED_EXACT, COUNTED_FOLDED)) || (!isAscii(word) && of(languagesOf(word, MARKED_EXACT, NO_WORDS)));
}
const NO_WORDS: ReadonlyMap<string, readonly number[]> = new Map();

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
  const byGenerated = new Map<number, Set<string>>();
  const others: string[] = [];
  let words = 0;
  for (const m of execAll(WORD, line)) {
    words++;
    const word = m[0];
    const langs = lineLanguagesOfWord(word);
    if (langs === undefined) {
      others.push(word);
      continue;
    }
    if (word !== word.toLowerCase() && (mixed ??= lineRegime(line) === 'M') && !SENTENCE_START.test(line.slice(0, m.index))) continue;
    const folded = foldName(word);
    addWord(byLanguage, langs.all, folded);
    addWord(byGenerated, langs.generated, folded);
  }
  let best = 0;
  for (const seen of byLanguage.values()) best = Math.max(best, seen.size);
  // Most lines end here: no language has two of its words in them.
  if (words < 4 || best < 2 || best * 4 < words) return NONE;
  let english = 0;
  for (const word of others) if ((ENGLISH_TIER.get(word.toLowerCase()) ?? 9) <= 2) english++;
  const generated = languagesOfLine(byGenerated, words, english, Number.POSITIVE_INFINITY);
  if (generated.length > 0) return generated;
  // The added words and the short ones tell a line without case too ("hola marta, ¿puedes mirar
  // el informe antes del jueves?", "em gửi lại file cho chị"): told by the
  // generated lists alone, such a line was English, and its every word the lists lack a name. Its
  // names are then those a list holds or a cue introduces (see foreign-names.ts).
  return languagesOfLine(byLanguage, words, english, SHORT_WORDS_ENOUGH);
}

function addWord(byLanguage: Map<number, Set<string>>, langs: readonly number[], folded: string): void {
  for (const lang of langs) {
    const seen = byLanguage.get(lang);
    if (seen === undefined) byLanguage.set(lang, new Set([folded]));
    else seen.add(folded);
  }
}

/**
 * The languages with most words in a line of `words` words, `english` of them common English
 * ones: none unless they are two or more, a quarter of the line and outnumber the English ones.
 * Short function words are syllables of names too ("Ngọc Vy Ji", "Thanh Phi Pan", "Gia Bình
 * Cui"): a language counts when one of its words in the line has four letters or more, or when
 * `enough` of its words are (Spanish writes short ones: "La mesa de ayuda abre el lunes").
 */
function languagesOfLine(byLanguage: ReadonlyMap<number, ReadonlySet<string>>, words: number, english: number, enough: number): readonly number[] {
  let best = 0;
  for (const seen of byLanguage.values()) best = Math.max(best, seen.size);
  if (best < 2 || best * 4 < words || best <= english) return NONE;
  return [...byLanguage].filter(([, seen]) => seen.size === best && (best >= enough || [...seen].some((w) => w.length >= 4))).map(([lang]) => lang);
}

const NONE: readonly number[] = [];

/** How many short function words of one language tell a line is in it. */
const SHORT_WORDS_ENOUGH = 3;

/** `lineLanguages` of the line holding offset `at` of `text`, each line worked out once per scrub. */
export function lineLanguagesAt(text: string, at: number): readonly number[] {
  // Worked out once per scrub: the tagger and the cut of name guesses both ask.
  return memoized('line-languages', text, (t) => new PerLine(t, lineLanguages)).at(at);
}

/** Where a sentence starts: the line's start, or after its end and an opening mark ("¿", "¡"). */
const SENTENCE_START = /(?:^|[.!?:;]\s+)[¿¡"'«„(]*\s*$/u;

/**
 * Greetings, thanks and forms of address of other languages that a name follows ("hola", "olá",
 * "salut", "terima kasih", "sehr geehrte frau", "szanowny panie", "sayın"), and the words "with"
 * and "from" that put a person after them ("hablé con", "falei com", "bicara dengan", "laporan
 * dari"), folded. In a line of
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
  heer bey hanim hoca abi abla ustaz ustazah encik cik tuan puan prezado prezada con com dengan dari`.split(/\s+/),
);

/**
 * True when the folded word is a greeting or form of address of another language (`written`, the
 * word as written, tells "ơi" from "oi"); `before`, the
 * folded word before it, makes one of a word that is a greeting's only after another: "dia" after
 * "bom" ("bom dia, siyuan"), not the Indonesian pronoun ("dia sudah pulang").
 */
export function isForeignNameCue(folded: string, before?: string, written?: string): boolean {
  // Vietnamese "ơi" folds to Portuguese "oi" (hi) but calls the name before it ("Lan ơi, …"): the
  // words after it are the message, no name.
  if (written !== undefined && folded === 'oi' && written !== 'oi' && /[ơƠ]/u.test(written)) return false;
  return FOREIGN_NAME_CUES.has(folded) || (before !== undefined && (GREETING_SECOND_WORDS.get(folded)?.includes(before) ?? false));
}

/** Second words of greetings, with the first words they follow: "bom dia". */
const GREETING_SECOND_WORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['dia', ['bom']],
  // Vietnamese: "kính gửi" (dear), "xin chào" (hello), and the forms of address after them
  // ("chào anh", "gửi chị"); alone, "gửi" is "send", and Chao and Anh are names.
  ['gui', ['kinh']],
  ['chao', ['xin']],
  ['anh', ['chao', 'gui']],
  ['chi', ['chao', 'gui']],
  ['em', ['chao', 'gui']],
  // Indonesian "selamat ulang tahun" (happy birthday).
  ['tahun', ['ulang']],
]);
