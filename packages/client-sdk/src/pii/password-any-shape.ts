import { lowerOf, stemPositions } from './anchor-windows.ts';
import { isForeignFunctionWord } from './foreign-lines.ts';
import { isCodeShapedPassword } from './password-code-shapes.ts';
import { isUnlistedWordValue } from './password-word-values.ts';
import { PASSWORD_COMPOUND, isPasswordTypo } from './password-cues.ts';
import { OWNER_THEN_LINK } from './password-in-prose.ts';
import { CUE_LINK, FINDING_TAG, PLACEHOLDER, TEMPLATE_EXPRESSION, isChosenWord, isCodeValue, isKeyboardWalk, isPassphraseRun, isShellVariable } from './password-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A password whose value looks like something else — a date, a version, an address, a phone
// number, a path, a ticket's id, three characters — right where a cue gives it: "pw: 12/05/1988!",
// "Password ........ 192.168.6.172!", "the wifi key: #67", "passcode (739)555-6962",
// "user ops pass 1q2w3e4r", "requirepass setup23.exe!". The other rules read a value by its shape;
// here the cue and its link decide, and the value needs only a digit, a mark or a letter of another
// script (a plain word is left to the rules that weigh words).
// ---------------------------------------------------------------------------------------------

/** Where a cue may start (lower case); `key` and `clave` are weak cues (see {@link WEAK_CUE}). */
const STEMS = ['pas', 'pss', 'pw', 'kennwort', 'mdp', 'contraseña', 'clave', 'senha', 'wachtwoord', 'hasło', 'haslo', 'lösenord', 'şifre', 'sifre', 'schlüssel', 'key', 'requirepass', 'masterauth'];
/** The cue at a stem's position (read on the lower-cased text). */
const CUE_AT =
  /(?:passwor[dt]|passwd|passcode|passphrase|pass(?:e|wort)?|kennwort|pwd|pw|ps{1,2}w(?:o?r)?d|mdp|contraseña|clave|senha|wachtwoord|has[łl]o|lösenord(?:et)?|[şs]ifre(?:n|niz)?|schlüssel|key)s?(?![a-zà-ÿ0-9ąćęłńóśźżğışç])/y;
/** A misspelt "password" at a stem ("passwrod", "pasword", "psswd"), kept when {@link isPasswordTypo} says so. */
const TYPO_AT = /pa?s{1,2}[a-z]{2,6}(?![a-zà-ÿ0-9ąćęłńóśźżğışç])/y;
/** The misspelt cue at {@link TYPO_AT}'s position, when it is one. */
function typoAt(lower: string): RegExpExecArray | null {
  const typo = TYPO_AT.exec(lower);
  return typo !== null && isPasswordTypo(typo[0]) ? typo : null;
}
/** Cues that name too much else to give a value without a colon, "=" or what the key is for ("pass the salt", "key 2"). */
const WEAK_CUE = /^(?:pass|passe|key|keys|clave|mdp)$/;
/** A key named as a network's or a password's ("wifi key", "WLAN-Schlüssel", "network key"): a strong cue. */
const NETWORK_BEFORE = /(?:wi-?fi|wlan|wpa2?|network|netzwerk|router|guest)[ \t-]?$/;
/** A dot leader between a form's label and its value ("Password ........ X"). */
const DOT_LEADER = /^[ \t]*(?:\.{3,}|…+)[ \t]*/;
/** Nouns after a cue that make it another thing's name ("password manager:", "password policy is", "password-protected file is"). */
const OWNER_NAMES_ANOTHER_THING =
  /(?:^|[\s-])(?:manager|policy|policies|strength|hint|tips?|column|field|report|audit|protected|history|requirements?|rules?|prompt|dialog|form|page|portal|link|hash(?:es)?|complexity|length|age|expiry|expires|expiration|rotation|changed|updated|generator|vault)(?=$|[\s:=])/;
/** Units after a number that make it a count ("Password expiry: 180 days"). */
const UNIT_AFTER = /^[ \t]+(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|seconds?|secs?|chars?|characters?|digits?|letters?|symbols?|attempts?|tries|times|users?|accounts?|%)(?![\p{L}])/iu;
/** "user ops pass X", "login jdoe pw X": a user's name, then a password's cue without a link. */
const USER_THEN_PASS = /^(?:user(?:name)?|login|usr|u)[ \t]*[:=]?[ \t]+[\w.@-]{1,40}[ \t]*[,;/]?[ \t]+(?:pass(?:word)?|pwd|pw|p)[ \t]*[:=]?[ \t]+$/i;
/** A Redis configuration directive that sets a password ("requirepass X", "masterauth X"). */
const REDIS_DIRECTIVE = /(?:^|\n)[ \t]*(?:requirepass|masterauth)[ \t]+(?=\S)/g;
/** A clause of a person's between a cue and "is" ("we agreed on", "you need", "I set"). */
const WHOSE_CLAUSE = /^[ \t]+(?:we|you|i|they)(?:[ \t]+[a-z]{2,12}){1,3}(?=[ \t]+is[ \t])/i;
/** A verb that sets a password before its cue ("set your password to …", "reset the pw to …"). */
const SET_BEFORE = /(?:^|[ \t])(?:set|reset|change|changed|update|updated)[ \t]+(?:(?:your|my|the|his|her|our|their)[ \t]+)?(?:[a-z-]{2,12}[ \t]+)?$/;
/** A client's user flag with a user and a colon ("curl -u admin:X", "--user ops:X"). */
const USER_FLAG = /(?<![\w-])(?:-u|--user)[ \t]+[\w.@-]{1,40}:(?=\S)/g;
/** Longest value taken. */
const MAX_VALUE_LENGTH = 128;
/** Shortest value taken: "B@d", "#67", "hi7". */
const MIN_VALUE_LENGTH = 3;

/** Quotes that open a value and the ones that close it. */
const CLOSING: Readonly<Record<string, string>> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’', '«': '»', '„': '“' };

/** What hides a value or says where it is: "[REDACTED]", "***", "n/a". */
const HIDDEN = /^(?:\[?(?:redacted|removed|hidden|masked|omitted|censored)\]?|[*•·.xX_-]{3,})$/i;

/**
 * The value at `at` of `text`, on its line: in quotes to the closing quote, or one token with the
 * sentence's punctuation after it trimmed ("X.", "X,", an unbalanced ")"). Undefined when none.
 */
export function valueAt(text: string, at: number): { start: number; end: number; quoted: boolean; label: boolean } | undefined {
  const open = text[at] ?? '';
  const close = CLOSING[open];
  if (close !== undefined) {
    const stop = text.indexOf(close, at + 1);
    const nl = text.indexOf('\n', at + 1);
    if (stop !== -1 && (nl === -1 || stop < nl) && stop - at - 1 >= MIN_VALUE_LENGTH && stop - at - 1 <= 64) return { start: at + 1, end: stop, quoted: true, label: false };
  }
  let end = at;
  while (end < text.length && end - at <= MAX_VALUE_LENGTH && !/\s/.test(text[end] ?? ' ')) end++;
  if (end - at > MAX_VALUE_LENGTH) return undefined;
  const label = text[end - 1] === ':';
  for (;;) {
    const last = text[end - 1] ?? '';
    const token = text.slice(at, end);
    if (/[.,;:?"'”’»“]/.test(last) || (/[)\]}]/.test(last) && count(token, last) > count(token, OPENER[last] ?? ''))) end--;
    else break;
    if (end <= at) return undefined;
  }
  return { start: at, end, quoted: false, label };
}

const OPENER: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Whether `value` (one token, outside quotes) is a password whatever it looks like, once a cue gives it. */
export function isAnyShapeValue(value: string, linked: boolean): boolean {
  if (value.length < MIN_VALUE_LENGTH || value.length > MAX_VALUE_LENGTH) return false;
  // (A name in code that names nothing code keeps: "self.mustang21", "getRocket()", "$lemon_58".)
  if (isCodeShapedPassword(value)) return true;
  if (PLACEHOLDER.test(value) || HIDDEN.test(value) || isCodeValue(value) || TEMPLATE_EXPRESSION.test(value) || FINDING_TAG.test(value) || isShellVariable(value)) return false;
  // (A web address after a cue is the page where a password is set: "the password reset page is https://…".)
  // (Nor a password's hash: bcrypt's "$2b$10$…", crypt's "$6$…".)
  if (/:\/\/|^www\./i.test(value) || /^\$\d[a-z]?\$/.test(value)) return false;
  // Brackets balanced: "(739)555-6962", "{rocket}"; not "(not" of "(not set)".
  if (count(value, '(') !== count(value, ')') || count(value, '[') !== count(value, ']') || count(value, '{') !== count(value, '}') || count(value, '<') !== count(value, '>')) return false;
  // (A value in brackets is read inside them by the other rules: "(Q&fTg=Apq1^)", "[08630667]"; "(required)" is prose.)
  if (/^[(\[<][^()[\]<>]*[)\]>]$/.test(value)) return false;
  // (A keyboard walk or a repeated run of letters is no word: "asdfgh", "abcabcabc".)
  if (/^\p{L}{6,}$/u.test(value) && (isKeyboardWalk(value) || /^(.{1,4})\1{2,}$/.test(value))) return true;
  // Words joined by a hyphen or an apostrophe are prose ("case-sensitive", "won't"), left to the rules that weigh words.
  if (/^\p{L}+(?:[-'’]\p{L}+)*[!?]?$/u.test(value) && !/[^\u0000-\u024f]/.test(value)) return false;
  if (/^\d+(?:[.,]\d+)?%$/.test(value) || /^(?:2fa|mfa|totp|otp)$/i.test(value)) return false;
  const digit = /\d/.test(value);
  const mark = /[^\p{L}\p{N}]/u.test(value);
  const otherScript = /[^\u0000-\u024f]/.test(value);
  const letter = /\p{L}/u.test(value);
  // (Letters only: a keyboard walk or a repeated run, "asdfgh", "abcabcabc"; a word is left to the rules that weigh words.)
  if (!digit && !mark && !otherScript) return linked && (isKeyboardWalk(value) || /^(.{1,4})\1{2,}$/.test(value));
  // Marks only: a keyboard walk ("!@#$%^&*"), not a rule or a row of dashes.
  if (!digit && !letter && !otherScript) return isKeyboardWalk(value) || (value.length >= 6 && new Set(value).size >= 4);
  if (!linked) {
    // Without a link, digits alone are a count or a year ("password 2024 rotation"), and a short token a version or an ordinal.
    // (Nor an algorithm's or a model's name: "the password SHA1.", "pw MD5".)
    // (Nor a version, "password v2.0 (beta)", nor a hashtag, "rotate passwords #SecurityFirst".)
    if (/^\d{1,4}$/.test(value) || /^(?:v\d+|\d+(?:st|nd|rd|th|x))$/i.test(value) || /^[A-Z]{2,5}\d{1,2}$/.test(value) || (/^v?\d+(?:\.\d+){1,2}[a-z]*$/i.test(value) && !/\.\d{4}$/.test(value)) || /^#\p{L}+$/u.test(value)) return false;
  }
  return true;
}

/** A quoted value after a cue: anything but prose, a placeholder or a mask. */
function isQuotedValue(value: string): boolean {
  const inner = value.trim();
  if (inner.length < MIN_VALUE_LENGTH || PLACEHOLDER.test(inner) || HIDDEN.test(inner) || isCodeValue(inner) || TEMPLATE_EXPRESSION.test(inner) || FINDING_TAG.test(inner)) return false;
  const words = inner.split(/\s+/);
  return words.length === 1 ? /[\d\p{Lu}]|[^\p{L}]/u.test(inner) || words.some((w) => isChosenWord(w)) : (/[\d!?#$%&*+=<>@^~|]/.test(inner) && words.some((w) => isChosenWord(w))) || isPassphraseRun(words);
}

/** The spans of this rule in `text`. */
export function* findAnyShapePasswords(text: string): Generator<PiiSpan> {
  const lower = lowerOf(text);
  if (lower.includes('requirepass') || lower.includes('masterauth')) {
    for (const m of lower.matchAll(REDIS_DIRECTIVE)) {
      const v = valueAt(text, m.index + m[0].length);
      if (v === undefined || PLACEHOLDER.test(text.slice(v.start, v.end)) || isShellVariable(text.slice(v.start, v.end))) continue;
      // (The directive's argument is the rest of its line, spaces and all: "requirepass spring harbor mustang"; a comment after '#' is not.)
      const rest = v.quoted ? undefined : /^[^\n#]{1,64}/.exec(text.slice(v.start))?.[0].replace(/[ \t\r]+$/, '');
      // (Not prose about the directive: "requirepass is set in redis.conf".)
      if (rest !== undefined && /^(?:is|was|are|must|should|will|can|and|or|to|in|on|for|the|with|not|directive|option|setting)(?![\p{L}])/iu.test(rest)) continue;
      const whole = rest !== undefined && rest.length > v.end - v.start && /^[ \t]/.test(text.slice(v.end, v.end + 1)) && rest.split(/[ \t]+/).length <= 5;
      yield { start: v.start, end: whole ? v.start + rest.length : v.end };
    }
  }
  if (lower.includes('login') || lower.includes('cred') || strongCueSeen(lower)) yield* findValuesBelow(text, lower);
  if (lower.includes('-u ') || lower.includes('--user ')) {
    // curl's and other clients' "-u user:password": the value after the user's colon, whatever it looks like ("-u admin:15:12h").
    for (const m of text.matchAll(USER_FLAG)) {
      const at = m.index + m[0].length;
      const v = valueAt(text, at);
      const value = v === undefined ? '' : text.slice(v.start, v.end);
      if (v !== undefined && !v.quoted && value.length >= MIN_VALUE_LENGTH && !PLACEHOLDER.test(value) && !isShellVariable(value) && !TEMPLATE_EXPRESSION.test(value)) yield { start: v.start, end: v.end };
    }
  }
  if (!STEMS.some((s) => lower.includes(s))) return;
  for (const p of stemPositions(text, STEMS, true)) {
    CUE_AT.lastIndex = p;
    TYPO_AT.lastIndex = p;
    const cue = CUE_AT.exec(lower) ?? typoAt(lower);
    if (cue === null) continue;
    // (A word glued before the cue by a letter is another word: "bypass", "compass"; an underscore names a setting: "POSTGRES_PASSWORD".)
    const cueEnd = p + cue[0].length;
    const lineStart = lower.lastIndexOf('\n', p - 1) + 1;
    const head = lower.slice(Math.max(lineStart, p - 40), p);
    // (What is said not to be the password: "the bcrypt hash, not the password: …".)
    if (/(?:^|[ \t])not[ \t]+(?:the[ \t]+|a[ \t]+|my[ \t]+|your[ \t]+)?$/.test(head)) continue;
    const strong = !WEAK_CUE.test(cue[0]) || (/^keys?$/.test(cue[0]) && NETWORK_BEFORE.test(head)) || /requirepass|masterauth/.test(cue[0]);
    const rest = text.slice(cueEnd, Math.min(text.length, cueEnd + 200));
    // (A link right after the cue comes first: "Lösenordet är localhost:3636!" has no owner "är localhost".)
    // (Or a clause of a person's that says which password: "the password we agreed on is X", "the password you need is X".)
    const owner = DOT_LEADER.test(rest) || CUE_LINK.test(rest) ? '' : (OWNER_THEN_LINK.exec(rest)?.[0] ?? WHOSE_CLAUSE.exec(rest)?.[0] ?? '');
    if (owner !== '' && (OWNER_NAMES_ANOTHER_THING.test(owner.toLowerCase()) || owner.trim().split(/[ \t]+/).some((w) => PASSWORD_COMPOUND.test(w)))) continue;
    const afterOwner = rest.slice(owner.length);
    // ("to" links a password set or changed: "set your password to #80"; Polish "hasło to X".)
    const toLinks = /^has[łl]o$/.test(cue[0]) || SET_BEFORE.test(head);
    const link = DOT_LEADER.exec(afterOwner) ?? CUE_LINK.exec(afterOwner) ?? (toLinks ? /^[ \t]+to[ \t]+/.exec(afterOwner) : null);
    // (A link of spaces only: "pw X", "Temp password X valid 24h".)
    const linkLength = link?.[0].length ?? /^[ \t]+/.exec(afterOwner)?.[0].length ?? 0;
    if (linkLength === 0) continue;
    const linked = link !== null && /[:=→>\t.…]|[\p{L}'’]/u.test(link[0]);
    // (Passwords in general, with no link: "rotate passwords #SecurityFirst".)
    if (!linked && /s$/.test(cue[0]) && cue[0] !== 'pass') continue;
    const userBefore = USER_THEN_PASS.test(text.slice(Math.max(lineStart, p - 60), cueEnd + linkLength));
    // (A weak cue gives a value after what it is for, "clave del wifi: X", or "pass" with a colon or "=": "pass = X".)
    const at = cueEnd + owner.length + linkLength;
    const v = valueAt(text, at);
    if (v === undefined || v.label) continue;
    // (A weak cue gives a value after what it is for, "clave del wifi: X", in quotes, "pass 'X'", or "pass" and "mdp" with a link: "pass = X".)
    // (What a weak cue is for starts with a preposition: "key for the shared drive", not "Key ID:" or "three key elements:";
    // and "pass" after "to" or a modal is the verb: "I have to pass \"pci=bios\"".)
    const forWhat = /^[ \t]+(?:for|to|of|del|de|du|für|van|voor|do|da|di|pour|för|till|på|na|dla)[ \t]/i.test(owner);
    const verb = /(?:^|[ \t])(?:to|must|can|could|will|would|should|just|then|please|don['’]t|you|i|we|they)[ \t]+$/.test(head);
    const weakGives = !verb && (forWhat || userBefore || (v.quoted && /^pass/.test(cue[0])) || (/^(?:pass|passe|mdp)$/.test(cue[0]) && link !== null));
    if (!strong && !weakGives) continue;
    const value = text.slice(v.start, v.end);
    if (v.quoted) {
      if (isQuotedValue(value)) yield { start: v.start, end: v.end };
      continue;
    }
    // A phrase that runs to the line's end after a form's colon ("Password: the 4 little oranges", "pass = Cookie & Walrus").
    // (Only when its first word is no value alone: "Password: Cookie#2 (user informed by phone)" gives "Cookie#2".)
    // (Not after "=" glued to the name, a command line's: "POSTGRES_PASSWORD=changeme postgres:16".)
    const phrase = linked && /[:\t.…]|[ \t]=[ \t]/.test(link?.[0] ?? '') && !isAnyShapeValue(value, true) && !PLACEHOLDER.test(value) ? phraseToLineEnd(text, at) : undefined;
    if (phrase !== undefined) {
      yield phrase;
      continue;
    }
    if (!isAnyShapeValue(value, linked || userBefore)) continue;
    if (/^\d+$/.test(value) && UNIT_AFTER.test(text.slice(v.end, v.end + 20))) continue;
    // Groups of digits apart to the line's end are one value after a form's colon: "Password: 72043 238354".
    const groups = linked && /^\d{3,}$/.test(value) ? /^(?:[ \t]\d{3,}){1,3}[ \t]*(?=\r?\n|$)/.exec(text.slice(v.end, v.end + 40)) : null;
    yield { start: v.start, end: v.end + (groups?.[0].trimEnd().length ?? 0) };
  }
  if (strongCueSeen(lower)) yield* findValuesBeforeCues(text, lower);
}

/** Words that start prose after a form's colon, not a passphrase: "Password: see the vault", "pw: will send later". */
const PROSE_OPENERS = /^(?:see|ask|in|on|at|via|from|sent|send|same|check|will|not|no|none|n\/a|tbd|tbc|please|pls|call|unchanged|as|same|use|your|our|his|her|their|by|under|is|was|has|have|to|for|with|written|stored|saved|kept|taped|on)(?![\p{L}])/iu;
/** Marks that no prose sentence holds inside it ("Cookie & Walrus", "I <3 lemon", "say \"lemon\" twice", "rock 'n' roll"). */
const PHRASE_MARK = /[&<>"#@$%*+=^~|]|\s['’]n['’]\s/;

/** What a person says the password is made of, not a value: "my usual one", "my name is …", "my birthday is …". */
const SAYS_WHICH = /^(?:name|usual|default|email|e-mail|phone|account|birthday|password|pw|pin|code|login|user|username|one|guess)$/i;

/** Words that open an exclamation of prose: "thanks everyone!", "good luck!", "welcome aboard!". */
const INTERJECTION = /^(?:thanks|thank|cheers|hello|hi|hey|sorry|welcome|great|good|nice|well|done|congrats|congratulations|happy|bye|goodbye|enjoy|oops|wow|yay|whoops|ouch|hooray|bravo|fantastic|awesome|perfect|excellent|wonderful)$/i;

/**
 * Chosen words with no prose in them, the whole field after a form's colon: two or three ending in a
 * bang ("spring ginger!"), or a sentence no one writes of two ("my ginger is pickle").
 */
function isChosenPhrase(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? '';
  if (words.length <= 3 && last.endsWith('!') && !INTERJECTION.test(words[0] ?? '') && !words.some((w) => /^every|^any|^some/i.test(w)) && words.every((w) => /^\p{L}{3,}!?$/u.test(w) && isChosenWord(w.replace(/!$/, '')))) return true;
  const [my, x, is, y] = words;
  return words.length === 4 && /^my$/i.test(my ?? '') && /^is$/i.test(is ?? '') && [x, y].every((w) => w !== undefined && /^\p{L}{3,}$/u.test(w) && isChosenWord(w) && !SAYS_WHICH.test(w));
}

/** The rest of a line after a form's colon as one value: two to six words with a digit or a mark no prose holds, not opening as prose. */
export function phraseToLineEnd(text: string, at: number): PiiSpan | undefined {
  const nl = text.indexOf('\n', at);
  // (A record's closing quote is not the value's: 'id,note\n9004,"Wachtwoord: zie de kluis"'.)
  const line = text.slice(at, nl === -1 ? text.length : nl).replace(/\s+$/, '').replace(/(?<=\S)["'”’»“]$/, '');
  const words = line.split(/[ \t]+/);
  // (Nor markup or a quoted-printable line's soft break: "go to <A =".)
  if (words.length < 2 || words.length > 6 || line.length > 64 || PROSE_OPENERS.test(line) || /[()[\]{}]|<[^>\s]*>|<[A-Za-z\/!]|[ \t]=$|#\p{L}/u.test(line) || isForeignFunctionWord(words[0] ?? '')) return undefined;
  if (!/\d/.test(line) && !PHRASE_MARK.test(line) && !isChosenPhrase(words)) return undefined;
  // (A sentence's end inside the run is prose going on: "Password: sent it. Call me 2nite".)
  if (/[.!?][ \t]/.test(line)) return undefined;
  return { start: at, end: at + line.length };
}

/** Cues after which a value may come before them ("X is the new admin password", "X <- new pw"). */
const STRONG_CUES = ['password', 'passwort', 'passcode', 'passphrase', ' pw', 'pwd', 'kennwort', 'contraseña', 'senha', 'wachtwoord', 'lösenord', 'mot de passe', 'mdp'];
function strongCueSeen(lower: string): boolean {
  return STRONG_CUES.some((c) => lower.includes(c));
}
const CUE_BEFORE_VALUE = /(?<![a-z0-9])(?:password|passwort|passcode|passphrase|pwd|pw|kennwort|contraseña|senha|wachtwoord|lösenord(?:et)?|mot de passe|mdp)s?(?![a-z0-9])/g;
/**
 * What stands between a value and its cue after it: "X is the (new admin) password", "X <- new pw",
 * "X, the password I mean", "X — the password", "X (that's the wifi password)", "X = pw".
 */
const LINK_TO_CUE = /(?:^|[\s(\[:])(\S{3,64}?)(?:,?[ \t]+(?:is|was|=|<-+|←|<=|will be)|,?[ \t]+[-–—][ \t]+the|,[ \t]+the|[ \t]+\((?:that['’]?s|it['’]?s)?(?:[ \t]+the)?)[ \t]+(?:(?:the|my|your|our|a|new|old|current|temp|temporary|admin|wifi|wi-fi|vpn|router|shared|guest|master|root|db|email|mail|[a-z]{2,12})[ \t]+){0,3}$/;
/** A line above that holds the value, pointed at from the cue's line: "X\n^ that's the VPN password". */
const CARET_LINE = /^[ \t]*\^+[ \t]*(?:(?:that['’]?s|this is|is|=|<-+)[ \t]*)?(?:the[ \t]+)?(?:[a-z-]{1,20}[ \t]+){0,3}$/;
/** A line that says a login follows ("Please find the login below.", "new pw below:", "creds as follows"). */
const BELOW_LINE =
  /(?:login|password|credentials|creds|pw|passcode|passphrase)(?:[ \t]+[a-z]+){0,3}[ \t]+(?:below|as follows|follows|here)[ \t]*[.:]?[ \t]*$|^[ \t]*here['’]?s[ \t]+(?:the|my|our|your)[ \t]+(?:[a-z-]{2,12}[ \t]+){0,2}(?:login|password|creds|pw|passcode|passphrase)[ \t]*[.:!]?[ \t]*$/;

/** Values before a strong cue, on its line or the line above. */
function* findValuesBeforeCues(text: string, lower: string): Generator<PiiSpan> {
  CUE_BEFORE_VALUE.lastIndex = 0;
  for (let m = CUE_BEFORE_VALUE.exec(lower); m !== null; m = CUE_BEFORE_VALUE.exec(lower)) {
    const p = m.index;
    const after = lower.slice(p + m[0].length, p + m[0].length + 40);
    // (A compound names another thing: "v2.3 is the password manager we use".)
    const next = /^[ \t-]+([a-z-]+)/.exec(after)?.[1];
    if (next !== undefined && (PASSWORD_COMPOUND.test(next) || OWNER_NAMES_ANOTHER_THING.test(next))) continue;
    const lineStart = lower.lastIndexOf('\n', p - 1) + 1;
    const head = lower.slice(Math.max(lineStart, p - 100), p);
    const tied = LINK_TO_CUE.exec(head);
    // ("X, the password I mean" ends its clause at the cue; "svc_backup, the password will follow" starts another.)
    const apposition = tied !== null && !/(?:is|was|=|<-+|←|<=|will be)[ \t]/.test(tied[0].slice((tied[1] ?? '').length + 1));
    if (tied !== null && apposition && !/^(?:[ \t]+(?:i mean|that is|i think|btw))?[ \t]*(?:[,.!;:)]|$)/.test(after)) continue;
    if (tied !== null) {
      const raw = tied[1] ?? '';
      const start = p - head.length + tied.index + tied[0].indexOf(raw);
      const v = valueAt(text, start);
      const value = v === undefined ? '' : text.slice(v.start, v.end);
      // (Or, set off before the cue, a word no English list holds: "It's girasole! — the password, I mean", "it's sotmhlozYCnG, the password I mean".)
      // (Not a name in title case set off before it: "Thanks Priya, the password.")
      const word = apposition && !/^\p{Lu}\p{Ll}+!?$/u.test(value) && isUnlistedWordValue(value, ', ', true);
      if (v !== undefined && !v.quoted && !v.label && v.end <= start + raw.length && (word || (isAnyShapeValue(value, true) && !/^\d{1,4}$/.test(value) && !/^\d{1,2}:\d\d$/.test(value)))) yield { start: v.start, end: v.end };
      continue;
    }
    if (lineStart > 0 && CARET_LINE.test(head)) {
      const prevStart = lower.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = text.slice(prevStart, lineStart - 1).trim();
      const at = text.indexOf(prev, prevStart);
      if (prev.length >= MIN_VALUE_LENGTH && prev.length <= 64 && !/\s/.test(prev) && isAnyShapeValue(prev, true)) yield { start: at, end: at + prev.length };
      continue;
    }
  }
}

/** "Please find the login below.\n\nX\n": the next line with words, alone on it, after a line that says a login follows. */
function* findValuesBelow(text: string, lower: string): Generator<PiiSpan> {
  for (const word of ['below', 'follows', 'here']) {
    for (let i = lower.indexOf(word); i !== -1; i = lower.indexOf(word, i + word.length)) {
      const lineStart = lower.lastIndexOf('\n', i - 1) + 1;
      const lineEnd = lower.indexOf('\n', i);
      if (lineEnd === -1 || !BELOW_LINE.test(lower.slice(Math.max(lineStart, i - 80), lineEnd))) continue;
      let at = lineEnd + 1;
      while (text[at] === '\n' || text[at] === '\r') at++;
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end === -1 ? text.length : end).trim();
      if (line.length >= MIN_VALUE_LENGTH && line.length <= 64 && !/\s/.test(line) && isAnyShapeValue(line, true)) {
        const start = text.indexOf(line, at);
        yield { start, end: start + line.length };
      } else if (/\s/.test(line)) {
        // (A phrase with a digit or a mark no prose holds, the whole line: "I <3 mustang", "say \"summer\" twice".)
        const phrase = phraseToLineEnd(text, text.indexOf(line, at));
        if (phrase !== undefined) yield phrase;
      }
    }
  }
}

/** Before a value: a cue, then a noun that makes it another thing's name, then a link ("Password last changed: …", "the password column is …", "the password-protected file is …", "the password report to …"). */
const ANOTHER_THING_BEFORE =
  /(?:pass(?:word|wd|code|phrase)?|pw|pwd|passwort|kennwort)s?(?:[- \t]+(?:last|next|min(?:imum)?|max(?:imum)?))?[- \t]+(?:changed|updated|expir(?:y|es|ed|ation|ing)|rotat(?:ion|ed|es)|age|length|policy|policies|strength|hint|manager|column|field|report|audit|protected|history|requirements?|rules?|prompt|dialog|page|portal|link|hash(?:es|ed)?|complexity|reset[ \t]+(?:link|page|date|time|requested|scheduled))(?:[ \t]+[a-z]{2,12})?(?:[ \t]*(?::|=|is|was|are|on|at|to|in|since))*[ \t]*["'`“]?$/i;
/** A place after "is": "the password audit log is in /var/…", "the login script is at …". */
const PLACE_LINK = /(?:^|[ \t])(?:is|are|was|lives?|sits?|stored|kept)[ \t]+(?:at|in|under|inside)[ \t]+(?:the[ \t]+)?[\/\\~.]{0,2}$/i;
/** A day after a word that makes it a date: "changed my password on Monday". */
const DAY_AFTER = /(?:^|[ \t])(?:on|until|till|by|since|every|next|last|before|after)[ \t]+$/i;
const DAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)days?$/i;
/** After a value: what makes it a product's name ("we use Keeper as our password manager"). */
const AS_A_TOOL_AFTER = /^["'`”]?[ \t]+as[ \t]+(?:the|our|my|your|a|an)[ \t]+(?:[\p{L}-]+[ \t]+)?(?:password|pw)[ \t]+(?:manager|vault|store|tool|app|generator|safe)/iu;

/**
 * Whether the span of any password rule is not a password but what a cue's phrase names: a date of a
 * change, a column's type, a file, a place, a day, a tool. The line's words before the span decide
 * (a cue and a noun that names another thing, a place's "is in"), or the words after it ("as our
 * password manager").
 */
export function namesAnotherThing(text: string, s: PiiSpan): boolean {
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  const head = text.slice(Math.max(lineStart, s.start - 80), s.start);
  // (A change's "to" gives the new value: "pw changed to football".)
  if ((ANOTHER_THING_BEFORE.test(head) && !/(?:changed|updated|rotated|reset)[ \t]+to[ \t]*["'`“]?$/i.test(head)) || PLACE_LINK.test(head)) return true;
  const value = text.slice(s.start, s.end);
  if (DAY.test(value) && DAY_AFTER.test(head)) return true;
  return AS_A_TOOL_AFTER.test(text.slice(s.end, s.end + 60));
}
