import { FINDING_TAG, PLACEHOLDER, isCodeValue, isCommonPassword, isSpacedPassphrase, userBeforeColon } from './password-values.ts';
import { ENGLISH_TIER } from './english-lexicon.ts';
import { TRAILING_PUNCTUATION, hasPasswordShape, isNumberedThing, isStrongPasswordValue } from './password-shapes.ts';
import { execAround, stemPositions } from './anchor-windows.ts';
import { answerLine } from './password-passphrases.ts';
import { phraseToLineEnd } from './password-any-shape.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Passwords given by what they do or where they go, with no word that names one beside them:
// "kr7t-wks9 works for both the NAS and the old FTP box", "At the prompt, enter F4ex^+s?Q6*p and
// hit return", "Connecte-toi avec Max1985", "Scratch that, they changed it again. Now it's
// C0b4l7.", and the answer to a question that names one ("what's the pw for the printer?" then
// "> Spring@24?"). With no cue, only a value of a password's shape is taken (digits too where the
// phrase can give nothing else), so the same phrases about versions, products and people stay.
// ---------------------------------------------------------------------------------------------

/** A token, quoted or not, as group 1. */
const TOKEN = `["'\`“]?([^\\s"'\`”]{4,128}?)["'\`”]?`;
/** Where a clause starts: the text's or a line's start, after a sentence, a colon, a dash, or a word that opens a chat line. */
const CLAUSE_START = `(?:^|\\n|[.!?:;—–][ \\t]+|(?:fyi|btw|ps|also|and|remember|note)[ \\t:,]+)`;

/** "kr7t-wks9 works for both the NAS", "cVdEwzAe7 gets you into the build mac's keychain", "FYI X unlocks the shared iPad". */
export const VALUE_DOES = new RegExp(
  `${CLAUSE_START}[ \\t]*["'\`“]?([^\\s"'\`”>,;][^\\s"'\`”]{2,126}[^\\s"'\`”,;:.])["'\`”]?[ \\t]+(?:works|worked|should[ \\t]+work|will[ \\t]+work|gets[ \\t]+(?:you|u)[ \\t]+(?:in|into|onto)|will[ \\t]+get[ \\t]+(?:you|u)[ \\t]+in|unlocks|opens)(?![a-zA-Z\\u00C0-\\u024F])`,
  'dgi',
);
/**
 * "At the prompt, enter X", "enter X and hit return", "Give it X when sudo asks", "put X in the second box",
 * "paste X into the password field" (a box named for a password: "enter '2024' in the year box" is a form's).
 */
export const AT_PROMPT = new RegExp(
  `(?<![a-zA-Z\\u00C0-\\u024F])(?:at[ \\t]+the[ \\t]+(?:[a-zA-Z\\u00C0-\\u024F-]+[ \\t]+)?prompt,?[ \\t]+(?:enter|type|put|paste)[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|(?:enter|type|put|paste|give[ \\t]+it)[ \\t]+${TOKEN}[ \\t]+(?:and[ \\t]+(?:hit|press)[ \\t]+(?:return|enter)|when[ \\t]+(?:it|sudo|the[ \\t]+[a-zA-Z\\u00C0-\\u024F]+|[a-zA-Z\\u00C0-\\u024F]+)[ \\t]+(?:asks|prompts)|at[ \\t]+the[ \\t]+prompt|in(?:to)?[ \\t]+the[ \\t]+(?:[a-zA-Z\\u00C0-\\u024F-]+[ \\t]+)?(?:password|passcode|pw|pin|secret|second|login|key|code)[ \\t]+(?:field|box|prompt)))`,
  'dgi',
);
/** Logins in the words of other languages: "Connecte-toi avec X", "Log in met admin en X", "Melde dich mit pkumar und X an". */
export const LOGIN_ELSEWHERE = new RegExp(
  `(?<![a-zA-Z\\u00C0-\\u024F])(?:connecte[sz]?[- ](?:toi|vous)[ \\t]+avec[ \\t]+(?:[^\\s,]+[ \\t]+et[ \\t]+)??|log[ \\t]*in[ \\t]+met[ \\t]+[^\\s,]+[ \\t]+en[ \\t]+|melde[ \\t]+dich[ \\t]+mit[ \\t]+[^\\s,]+[ \\t]+und[ \\t]+|connect[ \\t]+to[ \\t]+[^\\s,]+[ \\t]+with[ \\t]+)${TOKEN}(?=[ \\t,.!(]|$)`,
  'dgi',
);
/**
 * More ways in, in English and the street locales' languages: "first login: use X, then …", "you can get in
 * with X", "Inloggen kan met X", "Du kommst mit X rein", "Puedes entrar con X", "用 X 就能登录", "user svc_ci, secret X".
 */
export const WAYS_IN = new RegExp(
  `(?<![a-zA-Z\\u00C0-\\u024F])(?:(?:first[ \\t]+login|to[ \\t]+log[ \\t]*in)[ \\t]*:?[ \\t]+use[ \\t]+${TOKEN}(?=[ \\t]*,|[ \\t]+(?:then|and|until)[ \\t])` +
    `|(?:get|got|getting)[ \\t]+in[ \\t]+with[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|(?:inloggen[ \\t]+(?:kan[ \\t]+)?met|(?:kommst|kommt[ \\t]+man|kommen[ \\t]+sie)[ \\t]+mit|(?:puedes|puede|podés|podéis)[ \\t]+entrar[ \\t]+con|(?:pode|podes)[ \\t]+entrar[ \\t]+com|(?:te|vous)[ \\t]+connecter[ \\t]+avec)[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|user[ \\t]+[^\\s,]+,[ \\t]+(?:secret|pass|pw|pwd)[ \\t]+${TOKEN}(?=[ \\t,.!;]|$)` +
    // ("ssh in as ops with X", "la caja fuerte abre con X", "přihlas se jako admin a zadej X", "masuk pakai user ops dan X ya",
    // "логін ops, далі вводиш X", "login: dkim, a dalej X".)
    `|ssh[ \\t]+in[ \\t]+as[ \\t]+[^\\s,]+[ \\t]+with[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|(?:abre|se[ \\t]+abre)[ \\t]+con[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|p[řr]ihlas(?:[ \\t]+se)?[ \\t]+jako[ \\t]+[^\\s,]+[ \\t]+a[ \\t]+zadej[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|masuk[ \\t]+(?:pakai|dengan)[ \\t]+(?:user[ \\t]+)?[^\\s,]+[ \\t]+dan[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|(?:логін|логин|login:?)[ \\t]+[^\\s,]+,[ \\t]+(?:далі|потім|дальше|потом|a[ \\t]+dalej|then)[ \\t]+(?:вводиш|введи|вводишь|enter|type)?[ \\t]*${TOKEN}(?=[ \\t,.!]|$))` +
    // (Thai: "user ops แล้วพิมพ์ X": "then type X".)
    `|user[ \\t]+[^\\s]+[ \\t]+แล้วพิมพ์[ \\t]+([!-~]{4,64})(?=[ \\t]|$)` +
    // (Chinese: "用 X 就能登录", "use X and you can log in".)
    `|用[ \\t]*([^\\s\\u3000-\\u9fff\\uff00-\\uffef]{4,64})[ \\t]*(?:就能|就可以|即可|可以)?登[录錄]`,
  'dgi',
);
/** "Did you try Walrus4786?", "Old one expired, new one is X", "they set mine to X", "same as the wifi: X", "Now it's X.", "— it's X". */
export const SAID_IN_A_THREAD = new RegExp(
  `(?<![a-zA-Z\\u00C0-\\u024F])(?:(?:did|have|can)[ \\t]+(?:you|u)[ \\t]+(?:try|tried)[ \\t]+${TOKEN}(?=\\?)` +
    `|(?:the[ \\t]+)?(?:new|current|right|correct|latest|real)[ \\t]+one[ \\t]+(?:is|['’]s)[ \\t]+(?:now[ \\t]+)?${TOKEN}(?=[ \\t]*(?:[.,;!)]|\\r?\\n|$))` +
    `|(?:set|changed|reset)[ \\t]+(?:mine|yours|his|hers|theirs|ours)[ \\t]+to[ \\t]+${TOKEN}(?=[ \\t,.!]|$)` +
    `|same[ \\t]+as[ \\t]+(?:the|my|your|our)[ \\t]+[a-zA-Z\\u00C0-\\u024F-]+[ \\t]*:[ \\t]*${TOKEN}(?=[ \\t]*(?:[.,;!)]|\\r?\\n|$))` +
    `|(?:now|[—–:])[ \\t]+it['’]?s[ \\t]+(?:now[ \\t]+)?${TOKEN}(?=[ \\t]*(?:[.!]?[ \\t]*(?:\\r?\\n|$)))` +
    // ("Whiteboard in the lobby says WIFI X".)
    `|says[ \\t]+(?:wi-?fi|pw|pass(?:word)?|code|pin)[ \\t]*:?[ \\t]+${TOKEN}(?=[ \\t]*(?:[.,;!)]|\\r?\\n|$)))`,
  'dgi',
);
/** "Summer_26 - that's the wifi", "X (guest wifi, 2nd floor)", "router: X (admin)": a device's value, named after it. */
const DEVICE = '(?:wi-?fi|wlan|router|vpn|nas|printer|guest[ \\t]+wi-?fi|guest[ \\t]+network)';
export const NAMED_AFTER = new RegExp(
  `(?:^|\\n|[ \\t])${TOKEN}(?:[ \\t]+[-–—][ \\t]+that['’]?s[ \\t]+(?:the|my|our)[ \\t]+${DEVICE}(?![a-zA-Z\\u00C0-\\u024F])|[ \\t]+\\(${DEVICE}[,)])` +
    `|(?<![a-zA-Z\\u00C0-\\u024F])${DEVICE}[ \\t]*:[ \\t]*${TOKEN}[ \\t]+\\((?:admin|root|user|login)\\)`,
  'dgi',
);
/** "u: j.silva p: X", "deploy@corp.example // X": a user and a password in chat shorthand. */
export const SHORTHAND_PAIR = /(?<![a-zA-Z\u00C0-\u024F])u:[ \t]*\S+[ \t]+p:[ \t]*["'`]?([^\s"'`]{4,128})/dgi;
export const MAIL_SLASHES_PAIR = /(?<=[\w.+-]@[\w.-]{1,64}[ \t]+)\/\/[ \t]+["'`]?([^\s"'`]{4,128})/dgi;

/** A word naming a password (or a login, a PIN, a passcode) in a question or a request. */
const ASKED = /(?<![a-zA-Z\u00C0-\u024F])(?:pw|pwd|pass|password|passwd|passcode|passphrase|pin|login|creds|credentials|code|wi-?fi|log[ \t]+in|magic[ \t]+word)(?![a-zA-Z\u00C0-\u024F])/gi;
const ASKED_STEMS = ['pw', 'pass', 'pin', 'login', 'cred', 'code', 'wifi', 'wi-fi', 'log in', 'magic'];
/** What names a password itself, not a login or a code: after it an ordinary word or two alone on the answer's line are the value. */
const ASKED_PASSWORD = /^(?:pw|pwd|pass|password|passwd|passphrase|magic[ \t]+word)$/i;
/** A line that asks for one: a question mark, or a request ("send me", "can u", "whats", "anyone know"). */
const ASKING = /\?[ \t]*$|(?<![a-zA-Z\u00C0-\u024F])(?:send|resend|what['’]?s|whats|anyone know|remind me|need)(?![a-zA-Z\u00C0-\u024F])/i;
/** What opens an answer's line: a time, a speaker, a quote mark, "here you go", "sure", "it's". */
const ANSWER_OPENING = /^[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?(?:[\p{L}][\p{L}.'’ -]{0,20}:(?!\/\/)[ \t]*)?(?:[>—–-][ \t]*)?(?:(?:here you go|here|sure|ok|yes|yep|it['’]?s)[ \t]*[:,!]?[ \t]*)*/iu;
/** A line that only holds the answerer's stalling: "one sec", "sure one sec", "hang on". */
const STALLING = /^[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?(?:[\p{L}][\p{L}.'’ -]{0,20}:[ \t]*)?(?:sure|ok|okay|yes|yep|one sec|hang on|hold on|sec|checking|let me check|lemme check|just a sec)[ \t,.!]*(?:one sec|sec)?[ \t.!]*$/iu;

/** A line that names a password itself when it asks ("what's the guest wifi password again?", "could you confirm the password on the account?"). */
const NAMES_PASSWORD = /(?<![a-zA-Z\u00C0-\u024F])(?:pw|pwd|pass|password|passwd|passcode|passphrase|magic[ \t]+word)(?![a-zA-Z\u00C0-\u024F])/i;
/** What a chat's answer holds that is no value: a word of chat, a mention, a pointer to where the value is. */
const CHAT_WORDS = new Set('idk dunno lol ty thx thanks np nvm brb omg kk ok okay sure yes yep yeah no nope nah hmm same unchanged vault dm dmd sent slack teams check asking lemme'.split(' '));
/**
 * One token alone as the answer to a line that asks for a password by its name: the value whatever its shape
 * ("b8wi", "16/08/1994", "qwqwqwqw"), not a word of chat or prose, a mention, a placeholder or a reference in code.
 */
function isAnswerToken(token: string): boolean {
  // (Nor a MIME boundary or a mail's quote mark: "--6460….JavaMail", ">smart".)
  if (token.length < 3 || token.length > 64 || /&[a-z]+;|^[-=>\/]/i.test(token) || PLACEHOLDER.test(token) || FINDING_TAG.test(token) || isCodeValue(token) || /^@\p{L}+$/u.test(token) || /\?$/.test(token) || /^(?:https?:\/\/|www\.|~?\/)/i.test(token)) return false;
  const lower = token.toLowerCase().replace(/['’]/g, '');
  if (CHAT_WORDS.has(lower)) return false;
  return !(/^\p{L}+$/u.test(token) && (ENGLISH_TIER.get(lower) ?? 9) <= 2 && !isCommonPassword(token));
}

/** Whether `value` is one a phrase with no cue gives: a password's shape, and digits where `digits` allows. */
function given(value: string, digits: boolean, common = false): boolean {
  // (Not an HTML entity's text, a MIME boundary or a mail's quote mark: "&quot;n/a&quot;", "--6460….JavaMail", ">smart".)
  if (PLACEHOLDER.test(value) || FINDING_TAG.test(value) || isNumberedThing(value) || /&[a-z]+;|^[-=>\/]/i.test(value) || value.length > 64) return false;
  if (digits && /^\d{4,16}$/.test(value)) return true;
  // (The word for a password where its value was looked for: "Give it password when sudo asks".)
  if (/^(?:password|passwd|passwort|pass|pwd|pw|secret|code|pin|key|login)$/i.test(value)) return false;
  // (One of the most used passwords, a keyboard walk among them, only after a phrase that gives nothing else: "далі вводиш poiuytrewq".)
  return isStrongPasswordValue(value) && (hasPasswordShape(value) || /\d/.test(value) || /^(?:\p{Lu}\p{Ll}+){3,}$/u.test(value) || (common && isCommonPassword(value)));
}

/** The spans of `re`'s first group that `keep` takes, `re` tried only around `stems` (see anchor-windows.ts). */
function* spansOf(re: RegExp, text: string, stems: readonly string[], before: number, after: number, keep: (value: string) => boolean): Generator<PiiSpan> {
  const at = stemPositions(text, stems, true);
  if (at.length === 0) return;
  for (const m of execAround(re, text, at, before, after)) {
    const at = m.indices?.findIndex((x, i) => i > 0 && x !== undefined) ?? -1;
    const span = at > 0 ? m.indices?.[at] : undefined;
    const raw = at > 0 ? m[at] : undefined;
    if (span === undefined || raw === undefined) continue;
    const quoted = /["'`”’]/.test(text[span[1]] ?? '');
    const whole = quoted ? raw : raw.replace(TRAILING_PUNCTUATION, '');
    // ("svc_deploy:Slunce123 works for …": the user before the colon is no part of the password.)
    const user = userBeforeColon(whole);
    const value = whole.slice(user);
    if (keep(value)) yield { start: span[0] + user, end: span[0] + whole.length };
  }
}

/** The answer to a line that asks for a password, within the three lines after it: its one token, or a passphrase of words. */
function* answersToAsking(text: string): Generator<PiiSpan> {
  let done = -1;
  for (const { index, 0: asked } of execAround(ASKED, text, stemPositions(text, ASKED_STEMS), 2, 24)) {
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    let lineEnd = text.indexOf('\n', index);
    if (lineEnd === -1 || lineStart <= done || !ASKING.test(text.slice(lineStart, lineEnd))) continue;
    done = lineStart;
    const lineEnd0 = lineEnd;
    for (let j = 0; j < 3 && lineEnd !== -1; j++) {
      const at = lineEnd + 1;
      lineEnd = text.indexOf('\n', at);
      const answer = text.slice(at, lineEnd === -1 ? Math.min(text.length, at + 200) : lineEnd).replace(/\r$/, '');
      if (STALLING.test(answer) || answer.trim() === '') continue;
      const open = ANSWER_OPENING.exec(answer)?.[0].length ?? 0;
      const rest = answer.slice(open).replace(/[ \t]+$/, '');
      // ("build and X, same as the test tenant": a user and the password.)
      const pair = /^[^\s,]+[ \t]+(?:and|\/)[ \t]+([^\s,]{4,128})(?=[ \t]*(?:,|$))/u.exec(rest);
      const token = pair !== null ? pair[1] ?? '' : /^\S+$/u.test(rest) ? rest.replace(/[.,;:!]$/u, '').replace(/^["'`“]|["'`”]$/gu, '').replace(TRAILING_PUNCTUATION, '') : '';
      if (token !== '' && (given(token, true) || (lineEnd0 - lineStart <= 160 && NAMES_PASSWORD.test(text.slice(lineStart, lineEnd0)) && isAnswerToken(token)))) {
        const start = at + open + rest.indexOf(token);
        yield { start, end: start + token.length };
      } else if (/^\p{L}{3,}(?:[ \t]+\p{L}{3,}){2,5}$/u.test(rest) && rest === rest.toLowerCase() && isSpacedPassphrase(rest)) {
        yield { start: at + open, end: at + open + rest.length };
      } else if (ASKED_PASSWORD.test(asked)) {
        // (Asked for a password by its name, the answer's line is the value when it is one passphrase: "violet umbrella", "Knuffel", "copper.lantern".)
        // (Or a phrase with a digit or a mark no prose holds, as after a form's colon: "I <3 mustang", "rock 'n' banana", "Pickle Walrus 4".)
        const v = answerLine(rest) ?? phraseSpan(rest);
        if (v !== undefined) yield { start: at + open + v[0], end: at + open + v[1] };
      }
      break;
    }
  }
}

/** A phrase that is all of an answer's line, as {@link phraseToLineEnd} reads one. */
function phraseSpan(line: string): [number, number] | undefined {
  const p = phraseToLineEnd(line, 0);
  return p === undefined ? undefined : [p.start, p.end];
}

/** Passwords given by what they do, where they go or what they answer (see the top of this file). */
export function* findGivenPasswords(text: string): Generator<PiiSpan> {
  yield* spansOf(VALUE_DOES, text, ['work', 'get', 'unlock', 'open'], 2000, 40, (v) => given(v, false));
  yield* spansOf(AT_PROMPT, text, ['enter', 'type', 'put', 'paste', 'give', 'prompt'], 60, 240, (v) => given(v, true, true));
  yield* spansOf(LOGIN_ELSEWHERE, text, ['avec', 'met', 'mit', 'connect'], 60, 220, (v) => given(v, true, true));
  yield* spansOf(WAYS_IN, text, ['use', 'with', 'met', 'mit', 'con', 'com', 'avec', 'user', '登', 'zadej', 'masuk', 'логін', 'логин', 'login', 'abre'], 80, 200, (v) => given(v, true, true));
  yield* spansOf(SAID_IN_A_THREAD, text, ['try', 'tried', 'one', 'mine', 'yours', 'his', 'hers', 'theirs', 'ours', 'same', 'it’s', "it's", 'its', 'says'], 60, 220, (v) => given(v, true));
  yield* spansOf(NAMED_AFTER, text, ['wifi', 'wi-fi', 'wlan', 'router', 'vpn', 'nas', 'printer', 'guest'], 2000, 60, (v) => given(v, false));
  const paired = (v: string): boolean => !PLACEHOLDER.test(v) && !FINDING_TAG.test(v);
  yield* spansOf(SHORTHAND_PAIR, text, ['p:'], 200, 160, paired);
  yield* spansOf(MAIL_SLASHES_PAIR, text, ['//'], 120, 160, paired);
  if (text.includes('\n')) yield* answersToAsking(text);
}
