import { shannonEntropy } from './checksums.ts';
import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { CUE_LINK, isCommonPassword, valueRightAfterCue } from './password-values.ts';
import { codeAt, isWordCode, regexSpans, execAll } from './text.ts';
import type { PiiSpan, Scrubber } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Credentials with a recognisable shape. Formats are the issuers' documented ones.
// ---------------------------------------------------------------------------------------------

const PREFIXED_TOKENS: readonly RegExp[] = [
  // AWS access key ids (IAM "unique ID prefixes": AKIA long-term, ASIA temporary, …).
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  // GitHub personal, OAuth, user-to-server, server-to-server and refresh tokens; fine-grained PATs.
  /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,255}(?![A-Za-z0-9_])/g,
  /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])/g,
  /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, // GitLab
  /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}(?![A-Za-z0-9_-])/g, // Slack
  /(?<![A-Za-z0-9_-])xapp-\d-[A-Za-z0-9-]{10,}(?![A-Za-z0-9_-])/g, // Slack app-level
  /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9_])/g, // Stripe secret/restricted
  /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+\/=]{20,}(?![A-Za-z0-9_])/g, // Stripe webhook signing
  /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, // Google API key
  /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, // OpenAI, Anthropic
  /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g, // npm
  /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g, // SendGrid
  // JWT / JWS compact form: base64url JSON header and payload (both start `{"` = `eyJ`).
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
];

/** Slack incoming webhooks carry their secret in the path. */
const SLACK_WEBHOOK = /hooks\.slack\.com\/services\/(T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+)/dg;

const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY(?: BLOCK)?-----/g;
/** Body lines of a PEM block (RFC 7468 §3: base64, plus RFC 1421 headers in legacy keys). */
const PEM_BODY_LINE = /^(?:[A-Za-z0-9+\/=]*|[A-Za-z-]+: .*)\r?$/;

function* findPemBlocks(text: string): Generator<PiiSpan> {
  if (!text.includes('-----BEGIN ')) return;
  // One pass for the END markers, so that many BEGINs cost no more than one.
  const ends = [...execAll(PEM_END, text)];
  let e = 0;
  for (const m of execAll(PEM_BEGIN, text)) {
    const label = m[1] ?? '';
    const bodyStart = m.index + m[0].length;
    while (e < ends.length && (ends[e]?.index ?? 0) < bodyStart) e++;
    const end = ends.slice(e).find((x) => x[1] === label);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (end !== undefined && (nextBegin === -1 || end.index < nextBegin)) {
      yield { start: m.index, end: end.index + end[0].length };
      continue;
    }
    // Truncated block (pasted in part): take the key lines that follow the header.
    let at = bodyStart;
    while (at < text.length && (text[at] === '\n' || text[at] === '\r')) at++;
    while (at < text.length) {
      const nl = text.indexOf('\n', at);
      const line = text.slice(at, nl === -1 ? text.length : nl);
      if (line.trim() === '' || !PEM_BODY_LINE.test(line)) break;
      at = nl === -1 ? text.length : nl + 1;
    }
    yield { start: m.index, end: text[at - 1] === '\n' ? at - 1 : at };
  }
}

/**
 * Every prefix of {@link PREFIXED_TOKENS}: a text without one of them holds none of those tokens,
 * and one scan for them is cheaper than thirteen patterns (most texts hold no credential).
 */
const TOKEN_PREFIX_HINT =
  /AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|xapp-|[sr]k_(?:live|test)_|whsec_|AIza|sk-|npm_|SG\.|eyJ/;

function* findStructuredSecrets(text: string): Generator<PiiSpan> {
  yield* findPemBlocks(text);
  if (TOKEN_PREFIX_HINT.test(text)) for (const re of PREFIXED_TOKENS) yield* regexSpans(re, text);
  if (text.includes('hooks.slack.com/')) yield* regexSpans(SLACK_WEBHOOK, text, 1);
}

// ---------------------------------------------------------------------------------------------
// Secrets recognised by where they are: URL parameters, URL passwords, `key = value` lines.
// Only the value is scrubbed, so the URL or the setting name stays readable.
// ---------------------------------------------------------------------------------------------

// Values that are already a placeholder ("?token=[SECRET]") are skipped, so scrubbing is
// idempotent.
const URL_SECRET_PARAM =
  /[?&#;](?:access_token|refresh_token|id_token|auth_token|token|api_key|apikey|api-key|key|secret|client_secret|password|passwd|pwd|pass|sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|session_id|sessionid|jwt|auth)=(?!\[[A-Za-z][\w-]*\])([^&#\s"'<>]{1,2048})/dgi;
// Quantifiers are bounded throughout this file so that no pattern is quadratic on long
// runs of URL-ish characters.
/** scheme://user:password@host: the password. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:\/@]{1,128}:(?!\[[A-Za-z][\w-]*\]@)([^\s@\/]{1,256})@[^\s@]/dgi;
/**
 * `api_key = …`, `"password": "…"`, `export GITHUB_TOKEN=…`: a name ending in a secret word,
 * an assignment operator, then the value. The scan starts from the secret word, which is much
 * rarer than words in general, and reads the rest of the name backwards.
 */
const SECRET_WORD_ASSIGNED =
  /(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|apikey|key|credential|auth|pass|pw)s?["']?[ \t]{0,8}(?::=|=>|[:=])/gi;
const SECRET_NAME =
  /(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|auth)s?$|^(?:pass|pw|key)$/i;
const ASSIGNED_VALUE = /[ \t]{0,8}["'`]?([^\s"'`,;<>()\[\]{}]{1,512})/y;
const MAX_NAME_LENGTH = 60;
/** `Authorization: Bearer …`. */
const BEARER = /\b(?:Bearer|Basic|Token)[ \t]{1,8}([A-Za-z0-9\-._~+\/]{16,4096}={0,2})/dg;
/** AWS secret access keys are 40 base64 characters; only taken near the words that name them. */
const AWS_SECRET = /(?<![A-Za-z0-9+\/=])[A-Za-z0-9+\/]{40}(?![A-Za-z0-9+\/=])/g;
const AWS_SECRET_CONTEXT = /\b(?:aws|secret)[\s\S]{0,60}$/i;
const AWS_HINT = /aws|secret/i;
const PLACEHOLDER =
  /^(?:\$\{?[A-Za-z_][\w.]*\}?|<[^>]*>|\{\{.*\}\}|%[A-Za-z_]+%|x+|\*+|\.+|null|none|nil|true|false|undefined|redacted|\[redacted\]|changeme|required|optional|string|example|your[_-].*)$/i;
/** A password shorter than this, or a token shorter than the next, is taken for prose. */
const MIN_PASSWORD_LENGTH = 6;
const MIN_TOKEN_LENGTH = 12;

function looksLikeSecretValue(name: string, value: string): boolean {
  if (PLACEHOLDER.test(value)) return false;
  if (/pass|pwd|^pw$/i.test(name)) {
    // A plain lower-case word after `password:` is usually prose ("password: reset it").
    return value.length >= MIN_PASSWORD_LENGTH && !/^[a-z]+$/.test(value);
  }
  if (value.length < MIN_TOKEN_LENGTH || /^\d+$/.test(value)) return false;
  // Letters with digits, or mixed case: not a word or a number.
  return (/\d/.test(value) && /[A-Za-z]/.test(value)) || (/[A-Z]/.test(value) && /[a-z]/.test(value));
}

/** Sentence punctuation after a value ("…?token=abc123.") is not part of it. */
function* trimTrailingPunctuation(spans: Iterable<PiiSpan>, text: string): Generator<PiiSpan> {
  for (const { start, end } of spans) {
    let e = end;
    while (e > start + 1 && /[.,;:!?)\]]/.test(text[e - 1] ?? '')) e--;
    yield { start, end: e };
  }
}

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

function* findSentencePasswords(text: string): Generator<PiiSpan> {
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

function* findContextSecrets(text: string): Generator<PiiSpan> {
  yield* findSentencePasswords(text);
  // Each pattern runs only where the text has what it cannot match without.
  const assigns = text.includes('=');
  if (assigns) yield* trimTrailingPunctuation(regexSpans(URL_SECRET_PARAM, text, 1), text);
  if (text.includes('://')) yield* regexSpans(URL_PASSWORD, text, 1);
  if (text.includes('Bearer') || text.includes('Basic') || text.includes('Token')) yield* trimTrailingPunctuation(regexSpans(BEARER, text, 1), text);
  for (const m of assigns || text.includes(':') ? execAll(SECRET_WORD_ASSIGNED, text) : []) {
    const word = /^[A-Za-z_-]+/.exec(m[0])?.[0] ?? '';
    let nameStart = m.index;
    while (nameStart > 0 && m.index - nameStart < MAX_NAME_LENGTH && /[A-Za-z0-9_.-]/.test(text[nameStart - 1] ?? '')) nameStart--;
    const name = text.slice(nameStart, m.index + word.length);
    if (!SECRET_NAME.test(name)) continue;
    ASSIGNED_VALUE.lastIndex = m.index + m[0].length;
    const v = ASSIGNED_VALUE.exec(text);
    const value = v?.[1];
    if (v === null || value === undefined) continue;
    const start = ASSIGNED_VALUE.lastIndex - value.length;
    let end = ASSIGNED_VALUE.lastIndex;
    // A query parameter ("…&client_token=…&page=2") ends at the next '&' or '#'.
    if (/[?&;#]/.test(text[nameStart - 1] ?? '')) {
      const stop = value.search(/[&#;]/);
      if (stop > 0) end = start + stop;
    }
    while (end > start + 1 && /[.,;:]/.test(text[end - 1] ?? '')) end--;
    if (looksLikeSecretValue(name, text.slice(start, end))) yield { start, end };
  }
  for (const m of AWS_HINT.test(text) ? execAll(AWS_SECRET, text) : []) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    if (AWS_SECRET_CONTEXT.test(before) && /[A-Z]/.test(m[0]) && /[a-z]/.test(m[0]) && /\d/.test(m[0])) {
      yield { start: m.index, end: m.index + m[0].length };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// High-entropy strings: random-looking tokens with no recognisable issuer.
// ---------------------------------------------------------------------------------------------

/** Shortest token considered. Shorter random strings are rarely credentials. */
export const ENTROPY_MIN_LENGTH = 20;
/**
 * Largest share of the token that may sit in pieces (split at `-_/+`) made only of lower-case
 * letters, 3 or more: `api-server-7d9f8b6c5-x2x4z` and `x86_64-unknown-linux-gnu` are names
 * built from words, a base64url key is not.
 */
const ENTROPY_MAX_WORDY_SHARE = 0.3;
/** An IBAN-shaped token (country, check digits, BBAN) that failed mod-97 is a typo, not a key. */
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
/**
 * Minimum Shannon entropy as a share of the most a string of this length can have over the
 * character classes it uses: log2(min(length, alphabet)), the alphabet being 10 per digit
 * class, 26 per letter case and 4 for `+/_-`. Uniformly random keys reach ≈ 0.9 of it
 * (base62/base64 of length 20–64 pass 99%); English identifiers, which also fail the
 * class-change test below, sit around 0.7.
 */
const ENTROPY_RATIO = 0.82;
/** Share of adjacent character pairs whose class (upper, lower, digit) differs: ≈ 0.6 for
 * random base62, ≈ 0.1–0.2 for camelCase or snake_case words. */
const ENTROPY_MIN_CLASS_CHANGES = 0.3;

// '=' only as trailing base64 padding, followed by a space, punctuation or the end: `NAME=…`
// splits at the '=' whether or not the value has been replaced yet (idempotence).
const ENTROPY_TOKEN = /(?<![A-Za-z0-9+\/_-])[A-Za-z0-9+\/_-]{20,}(?:={1,2}(?=[\s"'`,;:.)\]}]|$))?(?![A-Za-z0-9+\/=_-])/g;
/** Hex-only strings (git SHAs, digests, UUIDs, trace ids) are ids, not credentials. */
const HEX_ID = /^[0-9a-fA-F-]+$/;

function charClass(c: number): number {
  if (c >= 48 && c <= 57) return 0;
  if (c >= 65 && c <= 90) return 1;
  if (c >= 97 && c <= 122) return 2;
  return 3;
}

/** Exported for tests: the decision for one token. */
export function isHighEntropyToken(token: string): boolean {
  if (token.length < ENTROPY_MIN_LENGTH || HEX_ID.test(token) || IBAN_SHAPE.test(token)) return false;
  let wordy = 0;
  for (const piece of token.split(/[-_\/+=]/)) if (piece.length >= 3 && /^[a-z]+$/.test(piece)) wordy += piece.length;
  if (wordy / token.length > ENTROPY_MAX_WORDY_SHARE) return false;
  let changes = 0;
  let pairs = 0;
  let prev = -1;
  const seen = [false, false, false, false];
  for (let i = 0; i < token.length; i++) {
    const cls = charClass(token.charCodeAt(i));
    seen[cls] = true;
    if (cls === 3) {
      prev = -1;
      continue;
    }
    if (prev !== -1) {
      pairs++;
      if (prev !== cls) changes++;
    }
    prev = cls;
  }
  const classes = (seen[0] ? 1 : 0) + (seen[1] ? 1 : 0) + (seen[2] ? 1 : 0);
  if (classes < 2) return false;
  if (pairs === 0 || changes / pairs < ENTROPY_MIN_CLASS_CHANGES) return false;
  const alphabet = (seen[0] ? 10 : 0) + (seen[1] ? 26 : 0) + (seen[2] ? 26 : 0) + (seen[3] ? 4 : 0);
  const ideal = Math.log2(Math.min(token.length, alphabet));
  return shannonEntropy(token) >= ENTROPY_RATIO * ideal;
}

function* findHighEntropy(text: string): Generator<PiiSpan> {
  for (const m of execAll(ENTROPY_TOKEN, text)) {
    // A path segment (`/static/…/`) or an identifier glued to a dot is not a free token.
    if (codeAt(text, m.index - 1) === 46 || (isWordCode(codeAt(text, m.index + m[0].length + 1)) && text[m.index + m[0].length] === '.')) {
      continue;
    }
    let token = m[0];
    // Trailing '=' padding belongs to the token; a trailing '-' or '/' does not.
    while (/[-\/_]$/.test(token)) token = token.slice(0, -1);
    if (isHighEntropyToken(token)) yield { start: m.index, end: m.index + token.length };
  }
}

/** Issuer-formatted keys, JWTs and PEM private keys. */
export const structuredSecretScrubber: Scrubber = { type: 'SECRET', priority: 0, find: findStructuredSecrets };
/** Secret values named by their context (URL parameter, URL password, assignment). */
export const contextSecretScrubber: Scrubber = { type: 'SECRET', priority: 45, find: findContextSecrets };
/** Random-looking tokens. */
export const entropySecretScrubber: Scrubber = { type: 'SECRET', priority: 90, find: findHighEntropy };
