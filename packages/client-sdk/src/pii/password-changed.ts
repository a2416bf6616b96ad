import { ENGLISH_TIER } from './english-lexicon.ts';
import { isForeignFunctionWord } from './foreign-lines.ts';
import { FINDING_TAG, PASSWORD_PROSE, PLACEHOLDER, isChosenWord, isCodeValue, isCommonPassword, isPassphraseRun, isSpacedPassphrase, runToClauseWord } from './password-values.ts';
import { TRAILING_PUNCTUATION, isTiedShape } from './password-shapes.ts';
import { execAll } from './text.ts';
import { PASSWORD_COMPOUND_WORDS } from './password-cues.ts';
import type { PiiSpan } from './types.ts';

// Passwords given by a change of password: the value it was changed, reset or set to.

/**
 * "reset your password to X" in the cues' languages: Dutch "wachtwoord veranderd in X", Italian
 * "cambiato la password in X", French "changé le mot de passe en X", German "Passwort auf X geändert",
 * Spanish "cambié la contraseña a X", Portuguese "mudei a senha para X", Polish "zmieniłem hasło na X".
 * The value: one word, or three to six words of no prose to the clause's end.
 */
const CHANGED_TO = new RegExp(
  '(?<![\\p{L}])(?:(?:changed|set|reset|updated|switched)[ \\t]+(?:[\\p{L}\'’-]{1,20}[ \\t]+){0,4}?(?:password|passcode|passphrase|pw|pwd)[ \\t]+(?:(?:for|on|of)[ \\t]+(?:[\\p{L}\\d.@_-]{1,30}[ \\t]+){1,3}?)?to' +
    // "Password for the VPN got reset to X", "the pw has been changed to X", "wifi pw changed to X".
    '|(?:password|passcode|passphrase|pw|pwd)[ \\t]+(?:(?:for|on|of)[ \\t]+(?:[\\p{L}\\d.@_-]{1,30}[ \\t]+){1,3}?)?(?:(?:got|was|has(?:[ \\t]+been)?|had(?:[ \\t]+been)?|is|been)[ \\t]+)?(?:changed|set|reset|updated|switched|rotated)[ \\t]+to' +
    '|wachtwoord[ \\t]+(?:[\\p{L}-]{1,20}[ \\t]+){0,3}?(?:veranderd|gewijzigd|aangepast)[ \\t]+in' +
    '|cambiat[oa][ \\t]+(?:la[ \\t]+)?password[ \\t]+in|chang[ée][ \\t]+(?:le[ \\t]+)?mot[ \\t]+de[ \\t]+passe[ \\t]+en' +
    '|(?:passwort|kennwort)[ \\t]+(?:[\\p{L}-]{1,20}[ \\t]+){0,2}?auf(?=[ \\t]+\\S+[ \\t]+(?:geändert|gesetzt|umgestellt))' +
    '|cambi[éeó][ \\t]+(?:la[ \\t]+)?(?:contraseña|clave)[ \\t]+a|mud(?:ei|ou|amos)[ \\t]+a[ \\t]+senha[ \\t]+para|zmieni[łl](?:em|am|)?[ \\t]+hasło[ \\t]+na)' +
    '[ \\t]+((?:\\p{Ll}{3,}[ \\t]+){2,5}?\\p{Ll}{3,}(?=[ \\t]*(?:[.,;!]|$)|[ \\t]+(?:yesterday|today|tonight|this[ \\t]+morning|last[ \\t]+night|for[ \\t]+now|after|until|till|when|and|but|so|before|because|since)(?![\\p{L}]))|[^\\s"\'`“”‘’«»„]{4,128}?)(?=[.,;!?]?(?:[ \\t]|$)|[.,;!?]?\\r?\\n)',
  'dgiu',
);

/** "use correct horse battery staple as the password", "try Purple Monkey Dishwasher for the admin pw": words with spaces, given as one; not before a compound ("… for the password reset"). */
const PASSPHRASE_AS = new RegExp(
  String.raw`(?<![\p{L}])(?:use|try|using)[ \t]+((?:\p{L}{3,}|\d{1,4})(?:[ \t]+(?:\p{L}{3,}|\d{1,4})){2,6}?)[ \t]+(?:as|for)[ \t]+(?:the|my|your|our)[ \t]+(?:[\p{L}-]{1,20}[ \t]+){0,3}?(?:password|passcode|passphrase|pw|pwd|pass|pin)(?![\p{L}])(?![ \t]+(?:${PASSWORD_COMPOUND_WORDS})(?![\p{L}]))`,
  'dgiu',
);

/** "I set it to X", "changed it back to X": the value of the password the text names. */
const SET_IT_TO = /(?<![\p{L}])(?:set|changed|reset|switched)[ \t]+it[ \t]+(?:back[ \t]+)?to[ \t]+["'`“‘]?([^\s"'`”’]{4,128})/dgiu;

export function* findChangedTo(text: string): Generator<PiiSpan> {
  for (const m of execAll(CHANGED_TO, text)) {
    const found = m.indices?.[1];
    if (found === undefined) continue;
    let span = found;
    let value = m[1] ?? '';
    let words = value.split(/[ \t]+/);
    // "Cambié la contraseña a monkey esta mañana": after one word the clause goes on in the cue's language.
    if (words.length >= 3 && words.slice(1).some((w) => isForeignFunctionWord(w))) {
      value = words[0] ?? '';
      words = [value];
      span = [found[0], found[0] + value.length];
    }
    if (PLACEHOLDER.test(value) || FINDING_TAG.test(value) || isCodeValue(value) || PASSWORD_PROSE.test(value)) continue;
    // (One word the rule read may start a longer run up to a word of the next clause: "changed my pw to tiger lamp river 42 yesterday".)
    const longer = words.length === 1 ? runToClauseWord(text.slice(span[0], span[0] + 200)) : undefined;
    if (longer !== undefined && isSpacedPassphrase(text.slice(span[0], span[0] + longer))) {
      yield { start: span[0], end: span[0] + longer };
      continue;
    }
    const phrase = isPassphraseRun(words);
    // One word: a password's shape, a common password, capitals only ("HORIZON"), or a word no English list holds; not prose ("to expire").
    const one = words.length === 1 && (isTiedShape(value) || isCommonPassword(value) || /^\p{Lu}{4,}$/u.test(value) || /[^\p{L}]/u.test(value) || ((ENGLISH_TIER.get(value.toLowerCase()) ?? 9) > 2 && isChosenWord(value)));
    if (phrase || one) yield { start: span[0], end: span[1] };
  }
  for (const m of execAll(PASSPHRASE_AS, text)) {
    const span = m.indices?.[1];
    if (span !== undefined && isSpacedPassphrase(m[1] ?? '')) yield { start: span[0], end: span[1] };
  }
  // "Reset your SSO password as requested. I set it to X": "it" is the password the text names, and
  // only a value of a password's shape or one of the most used passwords is taken ("set it to private" stays).
  for (const m of execAll(SET_IT_TO, text)) {
    const span = m.indices?.[1];
    const value = (m[1] ?? '').replace(TRAILING_PUNCTUATION, '');
    if (span !== undefined && !PLACEHOLDER.test(value) && (isTiedShape(value) || isCommonPassword(value))) yield { start: span[0], end: span[0] + value.length };
  }
}
