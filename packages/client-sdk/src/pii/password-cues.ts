import { ENGLISH_TIER } from './english-lexicon.ts';
import { memoized } from './call-memo.ts';
import { execAll } from './text.ts';
import { execAround, stemPositions } from './anchor-windows.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Where words that name a password stand: "password", "pw", "hasło", "mot de passe", "パスワード",
// and misspellings of "password". Found once per scrub; the password rules and the name
// scrubber start from them.
// ---------------------------------------------------------------------------------------------

/** A superset of the cue words of the phrasings in password-in-prose.ts and of {@link PASSWORD_CUE}: those patterns run only on texts that have one. */
const PASSWORD_HINT = /p(?:ass|wd|w|in|sw)|access[ -]code|ps+w|pa?s{1,2}[a-z]{0,3}w|mdp|key|secret|kennwort|passwort|mot de pass|contraseña|senha|wachtwoord|ww|l[öo]sen|passord|kode|adgangskode|salasana(?:si|nne|nsa|n)?|has[łl]o|heslo|jelsz[óo]|parol|[şs]ifre|geslo|lozinka|parool|kata sandi|kh[aẩ]u|mk|cred|clave|p\/w|psw|zugangsdaten|wi-?fi|wlan|パスワード|密[码碼]|口令|парол|كلمة|סיסמ|κωδικ/i;

/** {@link PASSWORD_HINT} tested once per scrub: three scrubbers ask. */
export function hasPasswordHint(text: string): boolean {
  return memoized('password-hint', text, (t) => PASSWORD_HINT.test(t));
}

/**
 * A word that names a password, in English and in the languages of the street-address locales.
 * The window search (password-in-prose.ts) needs only this cue, not a fixed phrasing. Not "pin": mostly the verb
 * ("pin nginx:1.27-alpine"), and a PIN has no letter for the window to find. A cue may close a
 * compound ("wifi-password", "WLAN-Passwort"), not follow a flag's dashes ("--password").
 * The look-ahead first holds the letters every alternative starts with: the look-behinds after it
 * are then tried only where a cue can start (a third of the time of a scan of a long text).
 */
const PASSWORD_CUE =
  /(?=[pkwngczsmlahjşпκكהסパ密口])(?:(?<=\p{Ll})(?:kennw[oö]rt|passw[oö]rt)(?![\p{L}\d_])|(?<![\p{L}\d_]|[^\p{L}]-)(?:pass(?:word|wd|code|phrase)s?|pass phrase|pwd|pw|psw|mdp|p\/w|p(?:a?s{1,2})?w(?:o?r)?d|pass(?=[ \t]*(?:[:=](?![:=])|[-–—][ \t]|->|→|=>)|[ \t]+(?:is|è|é|es|est|ist|was|for)[ \t])|pass(?<=[,;|][ \t]{0,3}pass)|(?:wi-?fi|wlan|network|wpa2?|guest)\s+(?:key|pass|code)|clave|zugangsdaten|pass(?<=\b(?:the|temporary|temp|new|old|my|your|guest|wifi|admin)\spass)|secret(?<=\b(?:the|shared|client|api)\ssecret)|secret(?=[ \t]+for[ \t])|kennw[oö]rt(?:er)?|passw[oö]rt(?:er)?|mot de pass(?:e)?|contraseña|senha|palavra-passe|wachtwoord|ww(?=[ \t]*:)|l[öo]senord(?:et)?|l[öo]sen(?=[ \t]*:|[ \t]+(?:till|för|på)[ \t])|passord(?:et)?|kodeord(?:et)?|koden(?=[ \t]+til[ \t])|adgangskode(?:n)?|salasana(?:si|nne|nsa|n)?|has[łl]o|heslo|jelsz[óo]|parol[aă]|[şs]ifre(?:si|niz|n|m|miz)?|geslo|lozinka|parool|kata sandi(?:nya)?|passwordnya|passw(?=[ \t])|m[aậ]t[ \t]+kh[aẩ]u|mk(?=[ \t]+(?:wi-?fi|là|la)[ \t]|[ \t]*:)|contrasena|contra(?=[ \t]*:)|sandi(?=[ \t]+wi-?fi|[ \t]*:)|pass(?=[ \t]+\[[^\s\]]{4,64}\]|["'][ \t]*:)|access[ -]code|credentials?|creds|пароль|пароля|كلمة[ \t]+(?:المرور|السر)|κωδικός|κωδικό)(?![\p{L}\d_])|(?<![\p{L}\d_])ה?סיסמ[הא](?![\p{L}\d_])|(?<![\p{L}\d_])key(?=[ \t]+for[ \t][^\n:=]{1,40}?[:=][ \t])|(?:パスワード|密[码碼]|口令)(?=[ \t]*[:：=]|[ \t]*(?:は|是|为|為)|[ \t]|\r?\n)|(?<=(?:the|le|la|el|o|das|der|il)[ \t]|^)wi-?fi(?=[ \t]+(?:is|c['’]est|est|es|é|è|ist|är|er)[ \t]))/giu;
/** Exported for tests: {@link passwordCueMatches} must find what this pattern finds tried at every position. */
export const PASSWORD_CUE_PATTERN: RegExp = PASSWORD_CUE;
/** Misspellings of "password" ("pasword", "passwrod", "passowrd"): a word within two edits of it. */
const TYPO_CUE = /(?<![\p{L}\d_])pa?s{1,2}[a-z]{2,6}(?![\p{L}\d_])/giu;
const TYPO_HINT = /pa?s{1,2}[a-z]{0,3}w/i;

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/** A misspelt "password": two edits at most, a 'w' kept, and no English word ("passport"). */
export function isPasswordTypo(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.includes('w') && !ENGLISH_TIER.has(lower) && editDistance(lower, 'password') <= 2;
}

/** The cues of a text in order: the listed words and their misspellings. */
export function passwordCues(text: string): ReadonlyArray<{ index: number; cue: string }> {
  // Once per scrub: the tied values and the word-and-digits search both start from them.
  return memoized('password-cues', text, findPasswordCues);
}

/** The matches of {@link PASSWORD_CUE} in `text`, found once per scrub: the cues and the name scrubber's cue spans both start from them. */
export function passwordCueMatches(text: string): readonly RegExpExecArray[] {
  return memoized('password-cue-matches', text, (t) => execAround(PASSWORD_CUE, t, stemPositions(t, CUE_STEMS), 14, 90, false));
}
/**
 * What every alternative of {@link PASSWORD_CUE} holds, in lower case: the pattern runs only around
 * these (anchor-windows.ts), not at every position of a long text, where V8 may have stopped
 * compiling regular expressions. (Not cut at a line's end: in "admin\npass" the cue's look-behind reads
 * across it.) A cue added to the pattern needs its stem here; a test compares the two.
 */
const CUE_STEMS = [
  'pas', 'pss', 'pw', 'psw', 'p/w', 'mdp', 'wort', 'wört', 'mot de pass', 'contrase', 'contra', 'senha', 'palavra', 'wachtwoord', 'ww',
  'sen', 'passord', 'kodeord', 'koden', 'adgangskode', 'salasana', 'hasło', 'haslo', 'heslo', 'jelsz', 'parol', 'ifre', 'geslo',
  'lozinka', 'parool', 'sandi', 'khẩu', 'khau', 'mk', 'access', 'cred', 'wi-fi', 'wifi', 'wlan', 'network', 'wpa',
  'guest', 'clave', 'zugangsdaten', 'secret', 'key', 'пароль', 'пароля', 'كلمة', 'κωδικ', 'סיסמ', 'パスワード', '密', '口令',
];

function findPasswordCues(text: string): Array<{ index: number; cue: string }> {
  const cues = passwordCueMatches(text).map((m) => ({ index: m.index, cue: m[0] }));
  if (!TYPO_HINT.test(text)) return cues;
  const known = new Set(cues.map((c) => c.index));
  for (const m of execAll(TYPO_CUE, text)) if (!known.has(m.index) && isPasswordTypo(m[0])) cues.push({ index: m.index, cue: m[0] });
  return cues.sort((a, b) => a.index - b.index);
}

/** Where words that name a password stand in `text` ("password", "hasło", "mot de passe", "şifre"). */
export function passwordCueSpans(text: string): PiiSpan[] {
  if (!hasPasswordHint(text)) return [];
  return passwordCueMatches(text).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Nouns that make the cue a compound about passwords in general (see {@link PASSWORD_COMPOUND}). */
export const PASSWORD_COMPOUND_WORDS =
  'manager|managers|policy|policies|reset|resets|field|fields|hint|hints|prompt|prompts|rule|rules|requirement|requirements|strength|expiry|expiration|change|changes|vault|vaults|hash|hashes|hashing|length|history|complexity|protected|recovery|generator|store|safe|form|screen|page|dialog|box|link|links|e-?mail|ticket|tickets|request|requests|rotation|age|entry|check|checks|validation|spray|spraying|leak|leaks|breach|breaches|less|stuffing|guidelines|audit|login|authentication|auth|flow|reuse|sharing|fix|fixes|bug|bugs|issue|issues|problem|problems|step|steps|protection';
/**
 * Nouns that make the cue a compound about passwords in general ("password manager",
 * "password policy"): no value follows them.
 */
export const PASSWORD_COMPOUND = new RegExp(`^(?:${PASSWORD_COMPOUND_WORDS})$`, 'i');
