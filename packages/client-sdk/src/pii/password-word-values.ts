import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { isForeignFunctionWord } from './foreign-lines.ts';
import { isFunctionWord } from './password-values.ts';

// ---------------------------------------------------------------------------------------------
// A password of one word no English list holds, set off before its cue: "It's girasole! — the
// password, I mean", "it's sotmhlozYCnG, the password I mean". Only where the apposition ties it: after
// a cue's colon or a copula such a word is a state as often, in the cue's language ("le mot de passe
// est expiré", "Şifre: değişmedi", "Kennwort abgelaufen"), and no list here knows those languages' words.
// ---------------------------------------------------------------------------------------------

/** One word of letters, perhaps with a bang ("girasole!"). */
const WORD = /^\p{L}{3,24}!?$/u;
/** What may follow the word: the line's end, a sentence's end, a clause's comma, "and". */
const CLOSES_CLAUSE = /^(?:[.!]?[ \t]*(?:\r?\n|$)|[.!]?,?[ \t]+(?:and|und|och|en|et|y|e)[ \t]|,[ \t])/;
/** The end of the line or text only (for a cue without a link: "PW fbj"). */
const ENDS_LINE = /^[.!]?[ \t]*(?:\r?\n|$)/;

/**
 * Words of other languages that a form's field holds in place of a password: forgotten, unchanged, known,
 * follows, sent, same, none, empty, see (German, French, Spanish, Portuguese, Dutch, Swedish, Italian,
 * Polish, Turkish).
 */
const FIELD_WORDS: ReadonlySet<string> = new Set(
  ('vergessen unverändert bekannt folgt gesendet geschickt gleich keins keine leer siehe ' +
    'oublié oubliée inchangé envoyé envoyée identique aucun vide suit voir ' +
    'olvidada olvidado igual ninguna ninguno enviada enviado vacío vacía sigue ver ' +
    'esquecida esquecido nenhuma nenhum vazio vazia segue ' +
    'vergeten onveranderd bekend volgt verzonden verstuurd geen leeg zie ' +
    'glömt glömd oförändrat samma ingen tomt skickat skickad följer se ' +
    'dimenticata dimenticato invariata invariato uguale nessuna nessuno inviata inviato vuota vuoto segue vedi ' +
    'zapomniane zapomniałem brak wysłane puste ' +
    'unutuldu unuttum aynı yok gönderildi boş').split(' '),
);

/** Whether `word` is one a form's field holds in place of a password in another language ("vergessen", "oublié"). */
export function isFieldStandIn(word: string): boolean {
  return FIELD_WORDS.has(word.toLowerCase());
}

/**
 * Whether `value`, the word after a cue, is a password of one word that no English list holds:
 * `linked` says whether a link ties it to the cue (a colon, "is"); `after` is the text after it.
 */
export function isUnlistedWordValue(value: string, after: string, linked: boolean): boolean {
  if (!WORD.test(value) || !(linked ? CLOSES_CLAUSE : ENDS_LINE).test(after)) return false;
  const lower = value.replace(/!$/, '').toLowerCase();
  // (A mask of one letter repeated is no word: "xxxxxxxx".)
  if (/^(.)\1+$/.test(lower)) return false;
  // (Nor a word a list holds, English or jargon, nor another language's function word or a field's stand-in: "Passwort: vergessen" is left.)
  return ENGLISH_TIER.get(lower) === undefined && !FIELD_WORDS.has(lower) && !JARGON_WORDS.has(lower) && !isForeignFunctionWord(lower) && !isFunctionWord(lower);
}
