import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { CUE_LINK, MIN_PASSWORD_LENGTH, PLACEHOLDER, isCommonPassword, valueRightAfterCue } from './password-values.ts';
import { execAll } from './text.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Passwords given in a sentence: "my password is hunter2!x", "the wifi passcode is now
// Tr0ub4dor&3", "use hunter2!x as the password".
// ---------------------------------------------------------------------------------------------

const PASSWORD_WORD =
  '(?:pass(?:word|wd|code|phrase)|pwd|pw|psw|pin(?: code)?|kennwort|passwort|mot de passe|contraseña|(?:wi-?fi|network|wpa2?|guest) (?:key|pass)|' +
  // "pass" and "secret" as nouns: after an article or a word that makes them one.
  'pass(?<=\\b(?:the|temporary|temp|new|my|your|guest|wifi|admin) pass)|secret(?<=\\b(?:the|shared|client|api) secret))';
/** "password (for the vpn) is (now) X" */
const PASSWORD_IS = new RegExp(
  `\\b${PASSWORD_WORD}s?(?:\\s+(?:for|to|on|of)\\s+(?:the\\s+|my\\s+|our\\s+|your\\s+)?[\\w.-]{1,30}(?:\\s+[\\w.-]{1,30})?)?\\s*(?:is|was|=|:|->|will be|has been|is now|now is|changed to|set to)\\s*(?:now\\s+|still\\s+|just\\s+)?["'\`“]?([^\\s"'\`”]{4,128})`,
  'dgi',
);
/** "use X as (the|my) password", "X is the password" */
const PASSWORD_AS = new RegExp(`\\b(?:use|try|it's|its)\\s+["'\`“]?([^\\s"'\`”]{4,128}?)["'\`”]?\\s+(?:as|for)\\s+(?:the|my|your|our)\\s+(?:new\\s+)?${PASSWORD_WORD}\\b`, 'dgi');
/** Words that follow "password is" in prose about passwords, not a password. */
const PASSWORD_PROSE = /^(?:required|incorrect|invalid|wrong|expired|correct|missing|empty|too|not|the|a|an|set|reset|changed|same|different|weak|strong|case|stored|saved|hidden|shown|encrypted|hashed|optional|mandatory|below|above|attached|in|on|at|of|for|to|with|by|from|your|my|our|their|his|her|its|this|that|still|now|also|being|only|never|always)$/i;
/** "changed my pw to X", "reset the password to X" */
const PASSWORD_CHANGED = new RegExp(
  `\\b(?:changed|set|reset|updated|switched)\\s+(?:my\\s+|the\\s+|our\\s+|your\\s+|his\\s+|her\\s+)?(?:[\\w-]{1,20}\\s+)?${PASSWORD_WORD}\\s+to\\s+["'\`“]?([^\\s"'\`”]{4,128})`,
  'dgi',
);
/** A password in prose ends before sentence punctuation, but a final '!' or '?' may be part of it. */
const TRAILING_PUNCTUATION = /[.,;:)\]]+$/;

/** A superset of {@link PASSWORD_WORD} and {@link PASSWORD_CUE}: the patterns below run only on texts that have one. */
const PASSWORD_HINT = /p(?:ass|wd|w|in|sw)|ps+w|mdp|key|secret|kennwort|passwort|mot de passe|contraseña|senha|wachtwoord|lösenord|passord|adgangskode|salasana|has[łl]o|heslo|jelsz[óo]|parola|[şs]ifre|geslo|lozinka|parool|kata sandi|cred|clave|p\/w|psw|zugangsdaten|wi-?fi|wlan/i;

/**
 * A word that names a password, in English and in the languages of the street-address locales.
 * The window search below needs only this cue, not a fixed phrasing. Not "pin": mostly the verb
 * ("pin nginx:1.27-alpine"), and a PIN has no letter for the window to find.
 */
const PASSWORD_CUE =
  /(?<![\p{L}\d_-])(?:pass(?:word|wd|code|phrase)s?|pass phrase|pwd|pw|psw|mdp|p\/w|p(?:a?s{1,2})w(?:o?r)?d|pass(?=[ \t]*[:=](?![:=]))|(?:wi-?fi|wlan|network|wpa2?|guest)\s+(?:key|pass|code)|clave|zugangsdaten|pass(?<=\b(?:the|temporary|temp|new|my|your|guest|wifi|admin)\spass)|secret(?<=\b(?:the|shared|client|api)\ssecret)|secret(?=[ \t]+for[ \t])|kennw[oö]rt(?:er)?|passw[oö]rt(?:er)?|mot de passe|contraseña|senha|wachtwoord|lösenord(?:et)?|passord(?:et)?|adgangskode(?:n)?|salasana|has[łl]o|heslo|jelsz[óo]|parola|[şs]ifre(?:si)?|geslo|lozinka|parool|kata sandi|credentials?|creds)(?![\p{L}\d_])/giu;
/**
 * Nouns that make the cue a compound about passwords in general ("password manager",
 * "password policy"): no value follows them.
 */
const PASSWORD_COMPOUND =
  /^(?:manager|managers|policy|policies|reset|resets|field|fields|hint|hints|prompt|prompts|rule|rules|requirement|requirements|strength|expiry|expiration|change|changes|vault|vaults|hash|hashes|hashing|length|history|complexity|protected|recovery|generator|store|safe|form|screen|page|dialog|box|link|links|e-?mail|ticket|tickets|request|requests|rotation|age|entry|check|checks|validation|spray|spraying|leak|leaks|breach|breaches|less|stuffing|guidelines|audit|login|authentication|auth|flow|reuse|sharing)$/i;
/** Words after which a password-shaped word is what the password is for, not the password. */
const PASSWORD_OWNER_WORDS = /^(?:for|on|of|at|in|from|user|username|login|account|host|hostname|server|machine|box|id|ticket|via|about|mailbox|email|e-mail|ssid|network)$/i;
/** How many words after the cue the password may come ("the password for the conference room tablet - X"). */
const PASSWORD_WINDOW_WORDS = 8;
/** "X is the password", "log in with X as password": up to three words between the verb and the cue. */
const VALUE_BEFORE_CUE =
  /(?:^|[\s(\["'`“])["'`“(]?([^\s"'`”()]{4,128}?)["'`”)]?,?\s+(?:(?:is|as|was|=|will be|would be)\s+(?:[\p{L}-]{1,20}\s+){0,3}|(?:<-+|←|<=)\s+(?:[\p{L}'’-]{1,20}\s+){0,4}|\((?:[\p{L}-]{1,20}\s+){0,2})$/iu;
/** Known words and ids with a password's mix of letters and digits: algorithms, encodings, protocols. */
const TECH_TOKEN =
  /^(?:sha-?\d+|md[45]|base(?:32|58|64)|utf-?(?:8|16|32)|aes-?\d+|rsa-?\d*|ed25519|x25519|pbkdf2|argon2(?:id|i|d)?|bcrypt|scrypt|hmac-?\w*|ipv[46]|wpa[23]?|wpa2-\w+|tls-?1\.\d|x\.?509|ssh-?\d?|oauth2?|2fa|mfa|totp|otp|1password|s3|ec2|k8s|i18n|l10n|a11y|p2p|b2b|b2c|mp[34]|h26[45])$/i;

/**
 * Whether a word looks like a password, not like prose, a number, a date, an id or a name: a
 * letter and a digit or a symbol, or letters whose case changes more than a product name's
 * ("tWnLwGPf", not "GitHub").
 */
function hasPasswordShape(word: string): boolean {
  if (word.length < MIN_PASSWORD_LENGTH || word.length > 128) return false;
  if (hasPassphraseShape(word)) return true;
  if (!/\p{L}/u.test(word) || /^\[[A-Za-z][\w-]*\]/.test(word) || PLACEHOLDER.test(word) || TECH_TOKEN.test(word)) return false;
  if (word.includes('://') || /^[^@\s]+@[^@\s]+\.\p{L}{2,}$/u.test(word)) return false; // URL, e-mail
  if (/^v?\d+(?:[.:\/-]\d+)+[a-z]{0,2}$/i.test(word)) return false; // version, date, time
  if (/^[A-Z][A-Z0-9]{1,9}-\d+$/.test(word)) return false; // ticket id
  if (/^\d+(?:-?[a-z]{1,12})$/.test(word) || /^\d+(?:st|nd|rd|th)$/i.test(word)) return false; // "90-day", "12chars", "3rd"
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(word) && !/\d$/.test(word)) return false; // host or file name
  const digit = /\d/.test(word);
  const symbol = /[^\p{L}\p{M}\d'’.,-]/u.test(word);
  if (digit || symbol) return true;
  // Letters only (hyphens and dots aside): an irregular mix of cases, not CamelCase or iPhone.
  if (word.length < 8 || /[-.'’]/.test(word)) return false;
  return /\p{Lu}/u.test(word) && /\p{Ll}/u.test(word) && !/^\p{Ll}{0,2}(?:\p{Lu}{1,3}\p{Ll}{2,}|\p{Lu}\p{Ll})+\p{Lu}{0,3}$/u.test(word);
}

/** Top-level domains and file extensions: "api.example.com", "notes.backup.txt" are no passphrase. */
const NAME_SUFFIX = /^(?:com|net|org|io|dev|app|ai|co|uk|de|fr|nl|eu|us|gov|edu|info|biz|local|internal|lan|corp|cloud|test|example|invalid|localhost|txt|md|json|ya?ml|toml|ini|cfg|conf|log|csv|tsv|xml|html?|css|js|mjs|cjs|ts|tsx|jsx|py|rb|go|rs|java|kt|sh|bash|zip|tar|gz|tgz|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|bak|backup|old|tmp|lock|env|key|pem|crt)$/i;

/**
 * A passphrase: three or more words joined by '-' or '.', or two or more by '_', in one case
 * ("harbor-violin-tundra", "comet.pickle.ember", "ember_thistle"); or one long run of letters that
 * no list holds, in one case ("prairiecomettundra", "WALNUTTHISTLE").
 */
function hasPassphraseShape(word: string): boolean {
  if (word !== word.toLowerCase() && word !== word.toUpperCase()) return false;
  const parts = word.split(/[-._]/);
  if (parts.length < 2 || !parts.every((p) => /^\p{L}{3,}$/u.test(p))) return false;
  if (word.includes('_')) return !word.includes('-') && !word.includes('.');
  // One kind of joiner, and not a host or file name.
  return parts.length >= 3 && new Set(word.match(/[-.]/g)).size === 1 && !NAME_SUFFIX.test(parts[parts.length - 1] ?? '');
}

/**
 * A long run of letters in one case that no list holds ("prairiecomettundra", "WALNUTTHISTLE"):
 * a password only right after its cue and a colon, "=", "is" or a tab, or right before "is the
 * password" — in the window after the cue it is as often a service's or a host's name.
 */
function isLetterRunPassword(word: string): boolean {
  // One case, or capitalised ("Harborfalcon"): not a CamelCase product name.
  if (!/^\p{L}{10,}$/u.test(word) || (word !== word.toLowerCase() && word !== word.toUpperCase() && !/^\p{Lu}\p{Ll}+$/u.test(word))) return false;
  const lower = word.toLowerCase();
  return !ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower) && !PRODUCT_WORDS.has(lower);
}
/** What links a cue to its value right after it: "pw: X", "passwd X", "password\tX", "pass is X". */
const RIGHT_AFTER_CUE = new RegExp(`^(?:${CUE_LINK.source.slice(1)}|[ \\t]+)["'\`“]?([^\\s"'\`”]{10,128})`, 'iu');
/**
 * What the password is for, between the cue and its link: "password for the vault is …",
 * "contraseña del wifi: …", "Passwort für das Wiki: …".
 */
const OWNER_THEN_LINK = /^(?:[ \t]*\([^)\n]{1,40}\)|[ \t]+(?:for|to|on|of|del|de|du|für|van|voor|per|do|da|di)(?:[ \t]+[\p{L}\d.@_'’-]+){1,4}?)(?=[ \t]*[:=]|[ \t]+(?:is|was|es|est|ist|è|é|lautet|c['’]est)(?![\p{L}]))/iu;

/** The word at the front of `s` without the quotes, brackets and sentence punctuation around it. */
function bareWord(raw: string): { word: string; lead: number } {
  // "password=X" (a URL parameter or a setting) and "pw:X" glue the value to the cue.
  const lead = /^[=:]*["'`“‘(\[]*/.exec(raw)?.[0].length ?? 0;
  const word = raw.slice(lead).replace(/["'`”’)\]]+$/, '').replace(TRAILING_PUNCTUATION, '');
  return { word, lead };
}

/**
 * Passwords found by their cue word, whatever the phrasing: the first password-shaped word within
 * a few words after the cue on the same line ("pw: X", "FYI password X", "password updated -> X",
 * "the new one is X"), or right before "is/as … password" ("X is the password for the printer").
 * Only words with a password's shape are taken here; a plain word is taken only by the
 * connecting phrasings above ("the password is hunter").
 */
function* findCuedPasswords(text: string): Generator<PiiSpan> {
  for (const m of execAll(PASSWORD_CUE, text)) {
    const cueEnd = m.index + m[0].length;
    const lineEnd = text.indexOf('\n', cueEnd);
    const rest = text.slice(cueEnd, lineEnd === -1 ? Math.min(text.length, cueEnd + 400) : lineEnd);
    const next = /^[\s:]*([\p{L}-]+)/u.exec(rest)?.[1] ?? '';
    // "password reset to X" gives the value; "password reset link" is about passwords.
    if (PASSWORD_COMPOUND.test(next) && !/^[ \t]+(?:reset|change|changes)[ \t]+to[ \t]/i.test(rest)) continue;
    const owner = OWNER_THEN_LINK.exec(rest)?.[0].length ?? 0;
    const linked = rest.slice(owner);
    const tied = /^\[[A-Za-z][\w-]*\]/.test(linked.replace(/^\W+/, '')) ? undefined : valueRightAfterCue(linked, /phrase/i.test(m[0]), hasPasswordShape);
    if (tied !== undefined) {
      yield { start: cueEnd + owner + tied[0], end: cueEnd + owner + tied[1] };
      continue;
    }
    const run = RIGHT_AFTER_CUE.exec(linked);
    const runWord = run?.[1]?.replace(TRAILING_PUNCTUATION, '');
    if (run !== null && runWord !== undefined && isLetterRunPassword(runWord)) {
      const start = cueEnd + owner + run[0].length - (run[1] ?? '').length;
      yield { start, end: start + runWord.length };
      continue;
    }
    let previous = m[0];
    let taken = false;
    let words = 0;
    for (const w of rest.matchAll(/\S+/g)) {
      if (++words > PASSWORD_WINDOW_WORDS) break;
      // A placeholder is the value already replaced (scrubbing twice finds nothing new).
      if (/^[=:]*["'`“(]?\[[A-Za-z][\w-]*\]/.test(w[0])) break;
      const { word, lead } = bareWord(w[0]);
      if (hasPasswordShape(word) && !PASSWORD_OWNER_WORDS.test(previous)) {
        const start = cueEnd + w.index + lead;
        yield { start, end: start + word.length };
        taken = true;
        break;
      }
      previous = word;
    }
    if (taken) continue;
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const before = VALUE_BEFORE_CUE.exec(text.slice(Math.max(lineStart, m.index - 200), m.index));
    const value = before?.[1];
    if (before === null || value === undefined) continue;
    const { word } = bareWord(value);
    if (!hasPasswordShape(word) && !isLetterRunPassword(word) && !isCommonPassword(word) && !/^\d{4,16}$/.test(word)) continue;
    const start = m.index - before[0].length + before[0].indexOf(value) + (value.length - value.replace(/^["'`“‘(\[]+/, '').length);
    yield { start, end: start + word.length };
  }
}

/**
 * A PIN or a door, alarm or safe code: 4–8 digits right after its cue and a linking word
 * ("PIN: 4821", "the door code is 151219", "alarm code 23002"). Digits alone are a secret only
 * here: anywhere else they are counts, ids and times.
 */
const PIN_CODE = new RegExp(
  '(?<![\\p{L}\\d])(?:(?:pin(?:[ -]?code)?|(?:door|gate|alarm|access|entry|garage|lock|locker|keypad|building|safe|vault)[ -]code|pass ?code|(?:safe|lock|locker) combination)' +
    '(?:\\s+(?:for|to|of|on)\\s+(?:the\\s+|my\\s+|our\\s+)?[\\p{L}-]{2,20})?(?:\\s*[:=#]|(?:\\s+(?:is|was|now|will be|has been|changed to|set to))+)' +
    '|(?:door|gate|alarm|entry|garage|keypad)[ -]code)\\s*[:=#]?\\s*(\\d{4,8})(?![\\d.,:/-]?\\d)',
  'dgiu',
);
/** Supersets of the cues of {@link PIN_CODE} and {@link CREDENTIAL_PAIR}: those run only on texts that have one. */
const PIN_HINT = /pin|code|combination/i;
const CREDENTIAL_HINT = /cred|login|wi-?fi|account|zugangsdaten|identifiants|inloggegevens/i;
/** "creds for staging are deploy / X", "wifi: Office-Guest / X": the second half of a login pair. */
const CREDENTIAL_PAIR = /(?<![\p{L}])(?:creds?|credentials|credenciales|credenciais|zugangsdaten|identifiants|inloggegevens|login|wi-?fi|account)\b[^\n]{0,40}?[\s:]([^\s\/:]{1,64}) ?\/ ?["'`“]?([^\s"'`”]{4,128})/dgiu;

/** "log in with jdoe and X", "signed in as admin / X": the second of the two is the password. */
const LOGIN_WITH = /(?<![\p{L}])(?:log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in)\s+(?:with|as|using)\s+[^\s,]{2,64}\s+(?:and|\/|\+|&)\s+["'`“]?([^\s"'`”]{4,128})/dgiu;
const LOGIN_HINT = /log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in/i;

/** Passwords given in a sentence, a line or a login pair: the value's span only. */
export function* findSentencePasswords(text: string): Generator<PiiSpan> {
  if (LOGIN_HINT.test(text)) {
    for (const m of execAll(LOGIN_WITH, text)) {
      const span = m.indices?.[1];
      const value = (m[1] ?? '').replace(TRAILING_PUNCTUATION, '');
      if (span !== undefined && (hasPasswordShape(value) || isLetterRunPassword(value) || /^\d{4,16}$/.test(value))) yield { start: span[0], end: span[0] + value.length };
    }
  }
  if (PIN_HINT.test(text) && /\d{4}/.test(text)) {
    for (const m of execAll(PIN_CODE, text)) {
      const span = m.indices?.[1];
      if (span !== undefined) yield { start: span[0], end: span[1] };
    }
  }
  if (text.includes('/') && CREDENTIAL_HINT.test(text)) {
    for (const m of execAll(CREDENTIAL_PAIR, text)) {
      const span = m.indices?.[2];
      const value = (m[2] ?? '').replace(TRAILING_PUNCTUATION, '');
      if (span === undefined || /^\d+$/.test(m[1] ?? '') || value.length < 4 || PLACEHOLDER.test(value) || /^\[[A-Za-z][\w-]*\]/.test(value) || PASSWORD_PROSE.test(value)) continue;
      if (/^[\p{L}-]+$/u.test(value) && (ENGLISH_TIER.has(value.toLowerCase()) || JARGON_WORDS.has(value.toLowerCase()))) continue;
      if (!hasPasswordShape(value) && !isLetterRunPassword(value) && !/\d/.test(value)) continue;
      yield { start: span[0], end: span[0] + value.length };
    }
  }
  if (!PASSWORD_HINT.test(text)) return;
  yield* findCuedPasswords(text);
  for (const re of [PASSWORD_IS, PASSWORD_AS, PASSWORD_CHANGED]) {
    for (const m of execAll(re, text)) {
      const span = m.indices?.[1];
      if (span === undefined) continue;
      let value = text.slice(span[0], span[1]);
      if (/^\[[A-Za-z][\w-]*\]/.test(value)) continue;
      value = value.replace(TRAILING_PUNCTUATION, '');
      // "[EMAIL]" is another finding's placeholder (scrubbing twice finds nothing new).
      if (value.length < 4 || /^[(\[]/.test(value) || PASSWORD_PROSE.test(value) || PLACEHOLDER.test(value) || /^\[[A-Za-z][\w-]*\]/.test(value)) continue;
      // A plain common English word is prose ("the password is expired"); a rarer word, or
      // anything with a digit, a symbol or mixed case, is the password.
      if (/^[a-z]+$/i.test(value) && (ENGLISH_TIER.get(value.toLowerCase()) ?? 9) <= 2) continue;
      yield { start: span[0], end: span[0] + value.length };
    }
  }
}
