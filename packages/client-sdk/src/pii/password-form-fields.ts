import { ENGLISH_TIER } from './english-lexicon.ts';
import { FINDING_TAG, PLACEHOLDER, isCodeValue } from './password-values.ts';
import { execAround, stemPositions } from './anchor-windows.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A login's form, a user's field and then a key's or a code's: "Username: svc_backup" then
// "Key: O'Brien1979", "Username: m.keller" then "Code: Wanderlust". Alone, "Key:" and "Code:" head
// anything (a licence, a coupon, a snippet); under a user's name on the line above they are the
// password's field of the same form, and the field's value is the password whatever its shape.
// ---------------------------------------------------------------------------------------------

/** A user's field on its own line: its key and one token. */
const USER_FIELD = /^[ \t]*(?:user(?:[ \t]?name)?|login|benutzer(?:name)?|nom d['’]utilisateur|identifiant|usuario|usuário|utente|gebruiker(?:snaam)?)[ \t]*[:=][ \t]*\S{2,64}[ \t]*\r?$/i;
/** A key's or a code's field on its own line, and its value: one token, or anything in quotes. */
const KEY_FIELD = /^[ \t]*(?:(?:access[ \t]|login[ \t]|temp[ \t]|temporary[ \t])?(?:key|code|passkey|pass[ \t]?key|token))[ \t]*[:=][ \t]*(?:(["'“‘`])([^"'”’`\n]{2,64})["'”’`]|([^\s"'“”‘’`][^\s"“”`]{1,63}))[ \t]*\r?$/i;

/** Where each line of `text` starts. */
function* lines(text: string): Generator<[number, string]> {
  let at = 0;
  while (at <= text.length) {
    const end = text.indexOf('\n', at);
    yield [at, text.slice(at, end === -1 ? text.length : end)];
    if (end === -1) return;
    at = end + 1;
  }
}

export function* findFormFieldPasswords(text: string): Generator<PiiSpan> {
  if (!text.includes('\n') || !/user|login|benutzer|utilisateur|identifiant|usuari|utente|gebruiker/i.test(text) || !/key|code|token/i.test(text)) return;
  let userAbove = false;
  for (const [at, line] of lines(text)) {
    if (line.trim() === '') continue;
    const m = userAbove ? KEY_FIELD.exec(line) : null;
    userAbove = USER_FIELD.test(line);
    const value = m?.[2] ?? m?.[3];
    if (m === null || value === undefined || PLACEHOLDER.test(value) || FINDING_TAG.test(value) || isCodeValue(value)) continue;
    // (A common word is the field's state, not its value: "Code: pending", "Key: none".)
    if (/^\p{L}+$/u.test(value) && (ENGLISH_TIER.get(value.toLowerCase()) ?? 9) <= 2) continue;
    const start = at + m[0].indexOf(value, /[:=]/.exec(m[0])?.index ?? 0);
    yield { start, end: start + value.length };
  }
}

// ---------------------------------------------------------------------------------------------
// A new or temporary key or code given right after its words: "Temp code 1960-09-02 — user must
// change it", "temp key: D'Artagnan9 (expires in 24h)", "New key: “2022/07/22” (without the quotes)".
// "New" or "temp" makes the key or the code one issued to someone, and what follows before the
// clause ends is its value; a word of prose there is the clause's ("new code review — …").
// ---------------------------------------------------------------------------------------------

const NEW_KEY =
  /(?<![\p{L}\d])(?:new|temp|temporary)[ \t]+(?:(?:door|access|entry|login|wifi|wi-fi)[ \t]+)?(?:key|code)[ \t]*(?:[:=][ \t]*)?(?:(["'“‘«`])([^"'”’»`\n]{4,64})["'”’»`]|([^\s"'“”‘’«»`][^\s"“”«»`]{3,63}?))(?=[.!]?[ \t]*(?:\r?\n|$)|[.,;!]?[ \t]+(?:[-–—][ \t]|\())/giu;

export function* findNewKeyValues(text: string): Generator<PiiSpan> {
  if (!/new|temp/i.test(text) || !/key|code/i.test(text)) return;
  // (Tried only around "new" and "temp" at a word's start: on a long text the pattern at every position is slow.)
  for (const m of execAround(NEW_KEY, text, stemPositions(text, ['new', 'temp'], true), 2, 120)) {
    const value = m[2] ?? m[3];
    if (value === undefined || PLACEHOLDER.test(value) || FINDING_TAG.test(value) || isCodeValue(value)) continue;
    // (Prose, not a value: a common word, a verb's or an adverb's form: "new code review — …", "temp key expired.")
    if (m[3] !== undefined && /^\p{L}+$/u.test(value) && ((ENGLISH_TIER.get(value.toLowerCase()) ?? 9) <= 2 || /(?:ed|ing|ly|tion|ment|s)$/i.test(value))) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(value);
    yield { start, end: start + value.length };
  }
}
