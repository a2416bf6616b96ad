import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { FINDING_TAG, MIN_PASSWORD_LENGTH, PLACEHOLDER, isChosenWord, isCodeValue, isCommonPassword } from './password-values.ts';

// The shapes of a password value, whatever the words around it: what a random string, a chosen
// word with digits, a passphrase or a run of letters looks like, and what an id, a version, a
// path, a host or a product looks like instead.

/** A password in prose ends before sentence punctuation, but a final '!' or '?' may be part of it. */
export const TRAILING_PUNCTUATION = /[.,;:)\]]+$/;

/** Known words and ids with a password's mix of letters and digits: algorithms, encodings, protocols. */
export const TECH_TOKEN =
  /^(?:sha-?\d+|md[45]|base(?:32|58|64)|utf-?(?:8|16|32)|aes-?\d+|rsa-?\d*|ed25519|x25519|pbkdf2|argon2(?:id|i|d)?|bcrypt|scrypt|hmac-?\w*|ipv[46]|wpa[23]?|wpa2-\w+|tls-?1\.\d|x\.?509|ssh-?\d?|oauth2?|2fa|mfa|totp|otp|1password|s3|ec2|k8s|i18n|l10n|a11y|p2p|b2b|b2c|mp[34]|h26[45])$/i;

/** An e-mail address's shape: tied to a cue it is a password ("pwd: Pancake@91.gizmo"), not a mailbox. */
export const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.\p{L}{2,}$/u;

/** Letters whose capitals start words, as names of products and code have them ("GitHub", "iPhone", "PowerShell"). */
export const CAMEL_CASE = /^\p{Ll}{0,2}(?:\p{Lu}{1,3}\p{Ll}{2,}|\p{Lu}\p{Ll})+\p{Lu}{0,3}$/u;

/**
 * Whether a word looks like a password, not like prose, a number, a date, an id or a name: a
 * letter and a digit or a symbol, or letters whose case changes more than a product name's
 * ("tWnLwGPf", not "GitHub").
 */
export function hasPasswordShape(word: string): boolean {
  // A word that ends a question or an exclamation: "the pw for the printer?", "Passwort
  // vergessen?" ("letmein!" is a password still).
  if (/^\p{L}+[?!]$/u.test(word) && !isCommonPassword(word.slice(0, -1))) return hasPasswordShape(word.slice(0, -1));
  // "says invalid?!" is prose; "try Bayern!?" a chosen word and its '!' before the question.
  if (/^\p{L}+[?!]{2,}$/u.test(word) && ENGLISH_TIER.has(word.replace(/[?!]+$/, '').toLowerCase())) return false;
  // A pattern described, not a password: "Company+Year", "Season+Year".
  if (/^\p{Lu}\p{Ll}+(?:\+\p{Lu}\p{Ll}+)+$/u.test(word)) return false;
  if (word.length < MIN_PASSWORD_LENGTH || word.length > 128) return false;
  if (hasPassphraseShape(word) || isLeetWord(word)) return true;
  if (!/\p{L}/u.test(word) || FINDING_TAG.test(word) || PLACEHOLDER.test(word) || TECH_TOKEN.test(word)) return false;
  if (/^[#@][\p{Ll}\d][\p{Ll}\d_.-]*$/u.test(word) || /^#\p{L}+$/u.test(word)) return false; // a channel, a mention or a hashtag ("#it-help", "@here", "#PasswordTips")
  if (isCodeValue(word)) return false;
  if (word.includes('://') || EMAIL_SHAPE.test(word)) return false; // URL, e-mail
  if (/^(?:~|\.{1,2})?\/[\w.-]+(?:\/[\w.-]*)*$/.test(word)) return false; // path ("run pwd: /srv/app")
  if (/^v?\d+(?:[.:\/-]\d+)+[a-z]{0,2}$/i.test(word)) return false; // version, date, time
  if ((/^[A-Z][A-Z0-9]{0,9}-\d+$/.test(word) && !/^Q[1-4]-(?:19|20)?\d\d$/.test(word)) || /^(?:INC|CHG|RITM|REQ|PRB|TASK|SCTASK|KB|CS)\d{5,}$/.test(word)) return false; // ticket id
  if (isCountOf(word) || /^\d+(?:st|nd|rd|th)$/i.test(word)) return false; // "90-day", "12chars", "3rd"
  // A host or file name, not words and a digit joined by dots ("marble.4.brave.pillow.igloo").
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(word) && !/\d$/.test(word) && (word.split('.').length <= 2 || NAME_SUFFIX.test(word.slice(word.lastIndexOf('.') + 1)) || !/\.\d+\./.test(word))) return false;
  const digit = /\d/.test(word);
  const symbol = /[^\p{L}\p{M}\d'’.,-]/u.test(word);
  if (digit || symbol) return true;
  // Letters only (hyphens and dots aside): an irregular mix of cases, not CamelCase or iPhone.
  if (word.length < 8 || /[-.'’]/.test(word)) return false;
  // Two capitals each with one small letter ("xEhsUNidIuOuq") are a generator's, not a name's.
  return /\p{Lu}/u.test(word) && /\p{Ll}/u.test(word) && (!CAMEL_CASE.test(word) || (word.match(/\p{Lu}\p{Ll}(?!\p{Ll})/gu) ?? []).length >= 2);
}

/** A value tied to its cue by a link or a line of its own: a password's shape, an e-mail address's ("pwd: Pancake@91.gizmo"), or words run together. */
export const isTiedShape = (word: string): boolean => hasPasswordShape(word) || EMAIL_SHAPE.test(word) || isJoinedWordsPassphrase(word);

/** Top-level domains and file extensions: "api.example.com", "notes.backup.txt" are no passphrase. */
export const NAME_SUFFIX = /^(?:com|net|org|io|dev|app|ai|co|uk|de|fr|nl|eu|us|gov|edu|info|biz|local|internal|lan|corp|cloud|test|example|invalid|localhost|txt|md|json|ya?ml|toml|ini|cfg|conf|log|csv|tsv|xml|html?|css|js|mjs|cjs|ts|tsx|jsx|py|rb|go|rs|java|kt|sh|bash|zip|tar|gz|tgz|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|bak|backup|old|tmp|lock|env|key|pem|crt)$/i;

/**
 * A passphrase: three or more words joined by '-' or '.', or two or more by '_', in one case
 * ("harbor-violin-tundra", "comet.pickle.ember", "ember_thistle"); or one long run of letters that
 * no list holds, in one case ("prairiecomettundra", "WALNUTTHISTLE").
 */
export function hasPassphraseShape(word: string): boolean {
  const parts = word.split(/[-._]/);
  // One case, or each word capitalised ("Anchor.Igloo.Jolly"), not a mix ("Set-ADAccountPassword").
  if (word !== word.toLowerCase() && word !== word.toUpperCase() && !parts.every((p) => /^\p{Lu}\p{Ll}+$/u.test(p))) return false;
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
export function isLetterRunPassword(word: string): boolean {
  // One case, or capitalised ("Harborfalcon"): not a CamelCase product name.
  if (!/^\p{L}{10,}$/u.test(word) || (word !== word.toLowerCase() && word !== word.toUpperCase() && !/^\p{Lu}\p{Ll}+$/u.test(word))) return false;
  const lower = word.toLowerCase();
  return !ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower) && !PRODUCT_WORDS.has(lower);
}

/** The word at the front of `s` without the quotes, brackets and sentence punctuation around it. */
export function bareWord(raw: string): { word: string; lead: number } {
  // "password=X" (a URL parameter or a setting) and "pw:X" glue the value to the cue.
  const lead = /^[=:]*["'`“‘(\[]*/.exec(raw)?.[0].length ?? 0;
  const word = raw.slice(lead).replace(/["'`”’)\]]+$/, '').replace(TRAILING_PUNCTUATION, '');
  return { word, lead };
}

/**
 * A chosen word with digits and perhaps a symbol added, the commonest way people make a password
 * ("Lemon3987", "bamboo09$", "Hunter#0218", "tiger5_", "ginger!2"): near a cue, it is the
 * password wherever it stands ("can you log in with Castle211? that should be the temp
 * password", "what's the wifi pw?\nits Lemon3987 lol").
 */
const WORD_AND_DIGITS = /^(\p{L}{3,})[!#$%&*+=?@^_~.-]?\d{1,6}[!#$%&*+=?@^_~]?$/u;
/**
 * Nouns that number things, and products with a version, not passwords: "room 101" is also
 * written "Room101", and "Windows11" is no password. (The product list at large holds words
 * people build passwords from: "Jaguar", "Falcon", "Spring".)
 */
export const NUMBERED_NOUNS =
  /^(?:windows|win|office|iphone|ipad|pixel|galaxy|python|java|php|node|ubuntu|debian|centos|fedora|rhel|macos|ios|android|xbox|playstation|excel|outlook|teams|chrome|firefox|safari|edge|mysql|postgres|postgresql|redis|oracle|sql|vue|react|angular|net|dotnet|es|ecma|html|css|http|room|level|floor|gate|team|sprint|version|ver|build|release|page|step|phase|building|flight|terminal|platform|seat|row|ticket|order|invoice|case|issue|item|rev|node|server|host|web|pod|cluster|region|zone|rack|table|lab|class|grade|year|week|day|month|quarter|covid|unit|suite|apt|route|bus|line|channel|part|chapter|section|figure|test|demo|user|guest|staging|prod|printer|desk|surface|slot|batch|job|task|story|epic|bug|pr|mr|run|iter|iteration|wave|round|stage|tier|plan|model|series|gen|type|size|vm|db|api|app|env|port|vlan|lane|block|lot|box)$/i;

/** Hex digests and ids: letters and digits, but no password ("dcf3a7c3050de991", a UUID). */
export const HEX_ID = /^(?:[0-9a-f]{7,}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/i;

/**
 * A password near a cue, or undefined: a word with digits added ("Lemon3987"), or a random-looking
 * string of three kinds of characters or more ("tua58QWP&6", "0r4nge+936", "nik83FHF+5").
 */
export function wordAndDigits(raw: string): string | undefined {
  const { word } = bareWord(raw);
  // Paths, packages, ARNs, times and user agents hold '/', '\\', ':' or '@' ("@types/node@20.0.6").
  if (word.length < MIN_PASSWORD_LENGTH || word.length > 64) return undefined;
  // A base64 string may hold '/' ("sEHgmI4CRWWkK/0TlJ7="): padded, and of both cases and digits.
  if (BASE64_PADDED.test(word)) return /\p{Ll}/u.test(word) && /\p{Lu}/u.test(word) && /\d/.test(word) ? word : undefined;
  if (/[\/\\:@]/.test(word)) return undefined;
  // A setting's name and its value ("password=000000") is not one word: the setting's rule reads the value.
  if (/^[\p{L}\d_.-]+=/u.test(word)) return undefined;
  const m = WORD_AND_DIGITS.exec(word);
  const letters = m?.[1]?.toLowerCase();
  if (letters !== undefined) {
    // hasPasswordShape leaves out ticket ids ("SEC-53729"), versions and the like.
    return NUMBERED_NOUNS.test(letters) || JARGON_WORDS.has(letters) || !hasPasswordShape(word) ? undefined : word;
  }
  // Dashes, dots and underscores join the parts of names ("x86_64-unknown-linux-gnu"); a key and
  // its value ("user=…") and another finding's placeholder ("[EMAIL]") are no password either.
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\d/, /[^\p{L}\d\-–_.]/u].filter((k) => k.test(word)).length;
  if (kinds >= 3) return word.length >= 8 && !/^\w+=|\[[A-Z]/.test(word) && hasPasswordShape(word) && !HEX_ID.test(word) ? word : undefined;
  // Capitals and digits mixed as a generator mixes them ("OB5HJLMBN77C"), not an id's letters
  // then digits ("INC0012345", "SQL2019"), hex, nor a parcel's tracking number ("1ZKMRF92NTX2H9Y6V2").
  return /^[A-Z\d]{8,16}$/.test(word) && (word.match(/[A-Z]\d|\d[A-Z]/g) ?? []).length >= 3 && !HEX_ID.test(word) ? word : undefined;
}
/** A base64 value with its padding: letters, digits, '+' and '/', then '='. */
const BASE64_PADDED = /^[A-Za-z0-9+\/]{12,}={1,2}$/;

/** Last words of the names of classes and products: "UserService", "LastPass", "OneDrive" are no passphrase. */
const CODE_OR_PRODUCT_TAIL =
  /^(?:service|services|client|server|handler|factory|manager|controller|exception|error|provider|helper|utils?|config|settings|options|builder|adapter|module|component|view|model|store|vault|pass|keeper|safe|hub|lab|labs|cloud|box|drive|desk|point|book|sheet|script|base|bot|app|api|id|key|token|test|tests|spec|net|soft|ware|works|tech|data|file|files|page|portal|center|centre|studio|suite|flow|sync|shop|mail|chat|space|stack|request|response|event|events|type|list|map|set|queue|job|task|worker|runner|loader|reader|writer|parser)$/i;

/**
 * English words run together in CamelCase, two or more ("SilverPretzelBridgeMuffin",
 * "KittenFrozenCorrect", "NoMoreLlama!", "ILikePickle"): a passphrase where a value stands, unless
 * the words name a product or a class ("LastPass", "UserService").
 */
export function isJoinedWordsPassphrase(word: string, anyWords = false): boolean {
  const core = word.replace(/[!?#$%&*]+$/, '');
  if (core.length < 8 || core.length > 64 || !/^(?:\p{Lu}\p{Ll}*)+$/u.test(core)) return false;
  const parts = core.match(/\p{Lu}\p{Ll}*/gu) ?? [];
  if (parts.length < 2 || parts.filter((p) => p.length === 1).length > 1) return false;
  const lower = core.toLowerCase();
  if (PRODUCT_WORDS.has(lower) || JARGON_WORDS.has(lower) || CODE_OR_PRODUCT_TAIL.test(parts[parts.length - 1] ?? '')) return false;
  // Three words or more may hold one no list has ("GuitarWhiteYogurtGarden").
  const unknown = parts.filter((p) => p.length > 1 && !ENGLISH_TIER.has(p.toLowerCase())).length;
  // Right after a cue, words of any language ("ApfelCasaCopper"), three or more of three letters each.
  if (anyWords && parts.length >= 3 && parts.every((p) => p.length >= 3)) return true;
  return unknown === 0 || (unknown === 1 && parts.length >= 3);
}

/** A numbered thing written as one word ("iPhone15", "Room101", "Surface9"): no password, unless one of the most used ("admin123"). */
export function isNumberedThing(word: string): boolean {
  const letters = WORD_AND_DIGITS.exec(word)?.[1]?.toLowerCase();
  return letters !== undefined && (NUMBERED_NOUNS.test(letters) || JARGON_WORDS.has(letters)) && !isCommonPassword(word);
}

/**
 * A value that stands where a password goes with no word naming one ("unlock it with X", "the vpn
 * one is X", "try X for the router"): shaped as one, a run of English words, a passphrase or a
 * common password; not a numbered thing ("Windows11", "Room101").
 */
export function isStrongPasswordValue(raw: string): boolean {
  const word = raw.replace(TRAILING_PUNCTUATION, '');
  if (word.length < 4 || (PLACEHOLDER.test(word) && !isLeetWord(word)) || FINDING_TAG.test(word)) return false;
  if (isNumberedThing(word)) return false;
  // A name with a symbol after it ("Galatasaray!"), where the phrase leaves no doubt.
  const marked = /^\p{L}{4,}[!#$%&*]$/u.test(word) && !ENGLISH_TIER.has(word.slice(0, -1).toLowerCase());
  return hasPasswordShape(word) || isJoinedWordsPassphrase(word) || isLetterRunPassword(word) || isCommonPassword(word) || marked;
}

/** The word for a password, standing where its value was looked for ("admin / password 12345"). */
const CUE_WORD = /^(?:password|passwd|passwort|kennwort|pass|pw|pwd|senha|contraseña|mdp)$/i;
/**
 * The value at [start, end) of `text`, or, when that is the word for a password and a value follows
 * it, that value ("admin / password 12345", "login is nagiosadmin with password 12345"): digits, a
 * password's value, or a word that is no lower-case prose ("Password: Rainbow", "rocket-comet"). With
 * none after it the word is the value ("creds: ops / password"), unless ':' or '=' follows it: then it
 * is a cue whose value is not one of those, and undefined.
 */
export function pastCueWord(text: string, start: number, end: number): [number, number] | undefined {
  if (!CUE_WORD.test(text.slice(start, end))) return [start, end];
  const next = /^[ \t]*[:=]?[ \t]*([^\s"'`“”]{4,128})/.exec(text.slice(end, end + 140));
  const value = next?.[1]?.replace(TRAILING_PUNCTUATION, '');
  const taken = value !== undefined && (isStrongPasswordValue(value) || /^\d{4,16}$/.test(value) || (value.length >= 4 && !/^\p{Ll}+$/u.test(value) && isChosenWord(value) && !PLACEHOLDER.test(value) && !FINDING_TAG.test(value)));
  if (taken && next !== null) {
    const at = end + next[0].length - (next[1] ?? '').length;
    return [at, at + value.length];
  }
  // "Password: correct cactus 11": a word followed by ':' or '=' is the cue, never the value.
  return /^[ \t]*[:=]/.test(text.slice(end, end + 8)) ? undefined : [start, end];
}

/** A count and what it counts ("90-day", "12chars", "5min"), not a password of digits and letters ("123456abc", "123qwe"). */
function isCountOf(word: string): boolean {
  const letters = /^\d+-?([a-z]{1,12})$/.exec(word)?.[1];
  return letters !== undefined && !isCommonPassword(word) && (ENGLISH_TIER.has(letters) || UNITS.test(letters));
}
const UNITS = /^(?:px|pt|em|ms|ns|us|kb|mb|gb|tb|k|m|s|h|d|y|w|x|hr|hrs|min|mins|sec|secs|am|pm|chars?|char|gbps|mbps|kbps|fps|hz|mhz|ghz|km|cm|mm|kg|g|lb|lbs|oz)$/;

/**
 * A word written in leet from its first letter ("$ummer24", "@utumn25", "$Copper8"): '$' for an
 * 's' and '@' for an 'a' before an English word and digits, not a shell variable ("$HOME2") nor a
 * mention ("@sam2").
 */
export function isLeetWord(word: string): boolean {
  const m = /^([$@])(\p{L}{3,})\d{0,4}[!#$%&*?]?$/u.exec(word);
  if (m === null || !/\d|[!#$%&*?]$/.test(word)) return false;
  const spelt = ((m[1] === '$' ? 's' : 'a') + (m[2] ?? '')).toLowerCase();
  return spelt.length >= 5 && ENGLISH_TIER.has(spelt) && (m[2] ?? '') !== (m[2] ?? '').toUpperCase();
}
