import { HEX_ID, NAME_SUFFIX, hasPasswordShape, isNumberedThing } from './password-shapes.ts';
import { PASSWORD_COMPOUND } from './password-cues.ts';
import { PASSWORD_OWNER_WORDS, PERIOD } from './password-near-cues.ts';
import { passphraseKind } from './password-passphrases.ts';
import { FINDING_TAG, PLACEHOLDER, isCodeValue } from './password-values.ts';
import { execAll } from './text.ts';
import { lineAround } from './title-case.ts';
import { ENGLISH_TIER } from './english-lexicon.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A value of a secret's shape near a cue, however the two are laid out: on a later line of the
// message ("what's the alarm code again?" … "3208"), in a correction ("scratch that, 629840"), before
// the cue ("48610 — code for the bike room"), in a short text ("garage 768950"), with a misspelt or
// foreign cue ("pascode for the storage room is 5223", "Код от двери 197319"). Only shapes no prose
// has are taken: a password's (letters with digits or symbols), words joined into a passphrase
// ("saffron.tiger.dynamo"), a key's hex after a cue of a key or a token, digits after a cue of a code.
// ---------------------------------------------------------------------------------------------

/** A superset of {@link CUE}'s words: the rule runs only on texts that have one. */
const HINT = /pass|pw|p\.w|p-word|pin|code|alarm|disarm|keypad|lock|door|gate|garage|barrier|token|cred|wi-?fi|key|secret|код|парол|密|暗証|번호|mã|sandi|पासवर्ड|κωδικ/i;
/**
 * Words that name a password, a code or a key, misspelt and abbreviated ("pascode", "p.w.", "p-word",
 * "passkey"), and in other languages and scripts; and the things a code opens ("garage", "keypad").
 */
const CUE =
  /(?<![\p{L}\d_])(?:pass(?:word|wd|code|phrase|key)s?|pass-word|pascode|passw|pwd?|p\.w\.?|p-word|psw|pins?|pin[ -]?code|codes?|alarm|disarm|keypad|lockbox|lockers?|key[ -]?safe|barrier|garage|door|(?<=(?:the|front|back|side|main|parking|garden|security|car park)[ \t]+)gate|combo|combination|tokens?|creds?|credentials|wi-?fi|(?:wi-?fi|network|wpa2?|wlan)[ -]key|key(?=[ \t]*\|)|secret|passwort|kennwort|mot de passe|mdp|contraseña|senha|wachtwoord|l[öo]senord|has[łl]o|salasana|[şs]ifre|sandi|пароль|код|κωδικός|mã)(?![\p{L}\d_])|密[码碼]|暗証番号|パスワード|비밀번호|도어락|पासवर्ड/giu;
/** Cues after which digits alone are the secret: a PIN, a code, what a code opens. */
const CODE_CUE = /^(?:pins?|pin[ -]?code|codes?|pascode|passcode|alarm|disarm|keypad|lockbox|lockers?|key[ -]?safe|barrier|garage|door|gate|combo|combination|код|mã|暗証番号|도어락|密[码碼])$/iu;
/** Cues after which a key's hex is the secret: a password's, a token's, a key's, a login's. */
const KEY_CUE = /^(?!pins?$|codes?$|alarm|disarm|keypad|lock|barrier|garage|door|gate|combo|mã$|код$|도어락$)/iu;
/** Words before digits that make them another number: an error's or a status's code, a postal one, a room's, a port. */
const OTHER_NUMBER_BEFORE = /(?<![\p{L}])(?:error|status|exit|return|response|http|zip|postal|post|area|country|dial|promo|discount|coupon|voucher|tracking|order|invoice|product|item|sku|qr|source|sort|bank|swift|tax|airport|flight|room|suite|unit|floor|apt|port|ext|extension|no\.?|number|#|version|build|line|page|step|chapter|ticket|case|ref|reference|issue|pr|bug|year|since|in|by|until|from|before|after|at|about|over|under|around|every|than|approx\.?|~)[ \t]*[:#]?[ \t]*$/iu;
/** What after digits makes them a quantity, a time or part of a longer number. */
const OTHER_NUMBER_AFTER = /^(?:[ \t]*(?:%|‰|°|(?:k|m|s|h|d|y|w|x|px|ms|kb|mb|gb|tb|km|kg|cm|mm|hz|hrs?|pm|am)(?![\p{L}])|chars?|characters|digits|times|tries|attempts|users|people|seats|rooms|days?|weeks?|months?|years?|hours?|minutes?|mins?|secs?|seconds?|ms|gb|mb|kb|px|euros?|dollars?|usd|eur|gbp)(?![\p{L}])|[.,:\/-]\d)/iu;
/** Words before a hex string that make it an id: a commit, a digest, a trace. */
const ID_BEFORE = /(?:revert|cherry-pick|checkout|rebase|blame|diff|show|merge|tag|commit|sha\d*|hash|digest|checksum|fingerprint|id|uuid|build|trace|request|revision|rev|object|blob|etag|md5|crc)[ \t]*[:#=]?[ \t]*$/i;

/** A file's name: a name and a known extension ("creds_old.xlsx", "access.kdbx", "onboarding_v3.pptx"). */
const FILE = { test: (word: string): boolean => { const ext = /\.([A-Za-z0-9]{2,6})$/.exec(word)?.[1]; return ext !== undefined && (NAME_SUFFIX.test(ext) || /^(?:kdbx?|1pux|psafe3|ovpn|p12|pfx|jks|keystore|gpg|asc|xls|ppt|doc|odt|ods|rtf|bin|img|iso|dmg|exe|msi|apk|pdf)$/i.test(ext)); } };

/** Words before "code" that make it another code: an error's, a parcel's, a postal one, a law's. */
const OTHER_CODE_BEFORE = /(?:error|status|exit|return|response|http|tracking|promo|discount|coupon|voucher|zip|postal|post|country|area|dial|region|language|currency|source|qr|bar|sort|swift|bank|tax|product|item|order|reference|confirmation|verification|activation|colou?r|civil|penal|criminal|labou?r|commercial|tax|building|dress|morse|machine|byte|op|status)[ \t]+$/i;
/** A delivery's or an address's note, where a door's code is a hint for the driver: left to the street rules. */
const DELIVERY = /deliver|courier|parcel|package|driver|visitor|address|postal|shipping|apto|piso|suite/i;
/** Letters of scripts written without spaces: a token holding them is a clause, not a value. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
/** A ticket's id ("inc0091879", "INC-56162"), a year's quarter ("2020Q2", "Q3-2024"). */
const TICKET_OR_QUARTER = /^(?:(?:inc|chg|req|ritm|task|sctask|prb|ticket|case|jira|bug|pr|cr)[-_]?\d+|(?:19|20)\d\d[-_]?(?:q[1-4]|h[12])|(?:q[1-4]|h[12])[-_](?:19|20)\d\d)$/i;

/**
 * Markup, a style sheet or code: a tag, braces, an entity. The rules below read messages people
 * write; in these a cue's word is an identifier's and the tokens near it are code ("color:#FF0000",
 * "border=0", "Exmh_Debug"), as real mail showed.
 */
const MARKUP_OR_CODE = /<\/?[a-z][^>\n]{0,200}>|[{}]|&#\d|&[a-z]{2,6};/i;
/** A row of fields parted by commas, semicolons or tabs (two or more). */
const DELIMITED_ROW = /^[^\n]*?(?:[,;\t][^\n]*?){2,}$/;
/** How far from a cue a value may stand, before it and after it (a later line of the same message). */
const BEFORE = 90;
const AFTER = 160;

/** A cue's word inside an identifier: "password_hash", "kata_sandi_anda", "db_pw". */
const CUE_IN_NAME = /pass|pw|pwd|secret|token|key|sandi|hash|user|login|cred/i;

/** Tokens: runs between spaces, quotes, brackets and the punctuation of CJK text. */
const TOKEN = /[^\s"'`“”‘’«»()[\]{}<>|,;，。、「」『』：→←]+/gu;

/** Whether `word` is words joined into a passphrase, three or more, a number after them allowed ("saffron.tiger.dynamo.meadow.299", "Copper-Otter-Kettle-50", "FjordHazelSaffron"). */
function isJoinedPassphrase(word: string): boolean {
  const body = word.replace(/[-._]\d{1,4}$/, '');
  const kind = passphraseKind(body);
  if (kind === 'joined') return body.split(/[-._]/).length >= 3;
  return kind === 'run' && (body.match(/\p{Lu}\p{Ll}+/gu) ?? []).length >= 3;
}

/** The kind of secret `word` has the shape of, given the cue's kind; undefined for none. */
function secretShape(word: string, cue: string, before: string, after: string): boolean {
  if (word.length < 4 || word.length > 128 || PLACEHOLDER.test(word) || FINDING_TAG.test(word) || isCodeValue(word)) return false;
  // (Nor a hashtag or a mention, a template's or a placeholder's inside, an identifier in capitals or with a cue's word, a period's or a ticket's name, an id, a hex number.)
  // (Nor markup's name or attribute: "<user>svc_hr</user>", 'ProtectInMemory="True"'.)
  if (/>$|<[\w:-]+(?:\s[^>]*)?$/.test(before) || /=$/.test(word) || word.includes('\\')) return false;
  if (/^[#@$]|^0x/i.test(word) || /[{<]$/.test(before) || UNSPACED_SCRIPT.test(word) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(word) || (/_/.test(word) && CUE_IN_NAME.test(word))) return false;
  // (Nor a setting and its value, which the assignment's rule reads: "spring.datasource.password=${…}".)
  if (/^[\w.-]+=/.test(word) && (CUE_IN_NAME.test(word.slice(0, word.indexOf('='))) || /[._]/.test(word.slice(0, word.indexOf('='))))) return false;
  if (PERIOD.test(word) || TICKET_OR_QUARTER.test(word) || (HEX_ID.test(word) && word.includes('-'))) return false;
  // (Nor what a word before it says the password is for: "login: svc_backup", "for kiosk01".)
  const previous = /([\p{L}]+)[ \t]*:?[ \t]*$/u.exec(before)?.[1] ?? '';
  if (previous !== '' && (PASSWORD_OWNER_WORDS.test(previous) || /^(?:ids?|ref|reference|tracking|order|invoice|serial|sku|number|model|part|build|version|release)$/i.test(previous))) return false;
  if (/(?<![\p{L}])ids?[ \t]+(?:is|was|=)[ \t]*$/iu.test(before)) return false;
  // (Nor a name said to be one, "X is the network name", nor an image's tag, "fountain:latest".)
  if (/^[ \t]+(?:is|=)[ \t]+the[ \t]+(?:[\p{L}-]+[ \t]+)?(?:name|ssid|user(?:name)?|login|id|account)(?![\p{L}])/iu.test(after) || /^[a-z][\w.-]*:[a-z\d][\w.-]*$/.test(word)) return false;
  // (Not a flag's rest, a path, a URL or a date with slashes, nor a file's name: "--password-file=/etc/app/pass.conf", "creds_old.xlsx".)
  if (/^-|\//.test(word) || /^[^@\s]+@[^@\s]+\.\p{L}{2,}$/u.test(word) || FILE.test(word)) return false;
  if (/^\d{4,8}$/.test(word)) {
    if (!CODE_CUE.test(cue) || (OTHER_NUMBER_BEFORE.test(before) && !/pin[ \t]+no\.?[ \t]*$/i.test(before)) || OTHER_NUMBER_AFTER.test(after)) return false;
    // (Nor a postal code in an address: after a house's number and a comma, before a town's name, "gate 22, 0159 Oslo".)
    if (/\d[\p{L}]?,[ \t]*$/u.test(before) || /^[ \t]+\p{Lu}\p{Ll}+/u.test(after)) return false;
    // (A year is a date's: "since 2019", unless longer.)
    return !/^(?:19|20)\d\d$/.test(word);
  }
  if (/^[0-9a-f]{16,128}$/i.test(word)) return KEY_CUE.test(cue) && /\d/.test(word) && /[a-f]/i.test(word) && !ID_BEFORE.test(before);
  // (After a code's cue only digits: "Pin nginx:1.20-alpine" is a verb's object.)
  // ("密码" is a password's word as well as a code's.)
  if (/^\d+$/.test(word) || (CODE_CUE.test(cue) && !cue.startsWith('密'))) return false;
  // (Nor a time: "open 1am–16:03".)
  if (/\d:\d\d|\d(?:am|pm)(?![\p{L}])/iu.test(word)) return false;
  if (isJoinedPassphrase(word)) return true;
  return hasPasswordShape(word) && !isNumberedThing(word) && /\d|[^\p{L}\d]/u.test(word) && !/^[\p{L}]+[.!?]$/u.test(word);
}

/** The tokens of `text` between `from` and `to`, their sentence punctuation off. */
function* tokensBetween(text: string, from: number, to: number): Generator<{ start: number; end: number; word: string }> {
  const re = new RegExp(TOKEN.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    let word = m[0];
    let start = m.index;
    // (Markdown's emphasis and a quote's '>' around it, a sentence's end after it.)
    const lead = /^(?:(\*{1,2}|_{1,2})(?=.*\1$)|>)/.exec(word)?.[0].length ?? 0;
    word = word.slice(lead);
    start += lead;
    word = word.replace(/(?:\.{2,}|…|[.:;!?*]+)$/u, '');
    if (word !== '') yield { start, end: start + word.length, word };
  }
}

/** Another finding's placeholder, left by an earlier scrub. */
const TAG = /\[[A-Z][A-Z_]*\]/;

/** A user and a colon or a slash before the value in one token ("svc_report:cisco", "helpdesk/Tiger2816"): the value's offset in it. */
function afterUser(word: string): number {
  return /^[a-z][a-z0-9._-]{1,30}[:\/](?=[^\/]{3,}$)/.exec(word)?.[0].length ?? 0;
}

/** What may stand between a value and a cue after it: a link ("X — code for …", "X, that's the wifi key", "X = guest wifi", "X (pin for …)"). */
const LINK_TO_CUE_AFTER = /^(?:[ \t]*\r?\n){0,2}[ \t]*(?:[,.?!]?[ \t]*(?:that['’]?s|this is|is)(?:[ \t]+(?:still|the|my|our|your|what|for))*|[-–—=:→←]+|<-|->|\(|for(?:[ \t]+the)?|on(?:[ \t]+the)?|if it asks for a|opens(?:[ \t]+the)?)[ \t\p{L}'’-]{0,40}$/u;

/** What may follow a code's digits: the clause's end, an emoji, a word that goes on from a value, another script. */
const AFTER_DIGITS = /^(?:[ \t]*(?:$|\r?\n|[.,;:!?)\]}—–-]|\p{Extended_Pictographic})|[ \t]+(?:for|on|at|to|in|by|if|when|until|till|before|after|from|since|now|today|tonight|tomorrow|only|instead|again|too|as|so|but|and|or|then|is|was|will|expires|opens|works|changed|lol|thx|ty|pls|plz|please|thanks|cheers|btw|fyi|ok|okay|asap|por|para|pour|für|per|und|et|y|e|je|ja|og|och|en)(?![\p{L}])|[ \t]*[^\p{Script=Latin}\s\d])/u;
/** A link before a code's digits on a later line: "it's 24730 now", "use 5131", "actual: 017789", "scratch that, 629840". */
const LINK_BEFORE_DIGITS = /(?:\bis|['’]s|\bits|:|=|→|->|\buse|\bnow|\bthat,|\bbeen|\bto|\bwith)[ \t]*$/i;

/**
 * Whether digits at [start, end) stand where a code's do after the cue that ends at `cueEnd`: a few words after
 * it on its line, alone on a later line, or after a link on a later line; and a clause's end or a word that
 * goes on from a value after them (not a house's number before its street, "1234 main st").
 */
function digitsPlaced(text: string, cueEnd: number, start: number, end: number): boolean {
  if (!AFTER_DIGITS.test(text.slice(end, end + 24))) return false;
  const gap = text.slice(cueEnd, start);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const head = text.slice(lineStart, start);
  if (LINK_BEFORE_DIGITS.test(head)) return true;
  if (!gap.includes('\n')) return gap.trim().split(/\s+/).filter(Boolean).length <= 5;
  return /^[ \t>*-]*$/.test(head);
}

/** The candidates between `from` and `to` with their sentence's context, as a value of the cue `cue`. */
function* candidates(text: string, from: number, to: number, cue: string): Generator<{ start: number; end: number }> {
  for (const t of tokensBetween(text, from, to)) {
    const lead = /^[=:]+/.exec(t.word)?.[0].length ?? 0;
    const user = afterUser(t.word.slice(lead));
    const start = t.start + lead + user;
    const word = t.word.slice(lead + user);
    const before = text.slice(Math.max(0, start - 24), start);
    if (!secretShape(word, cue, before, text.slice(t.end, t.end + 40))) continue;
    // (Nor a setting, which the assignment's rule reads: "status=ok", "ip=10.0.0.4"; nor the user or the network before a
    // pair's slash, "svc_batch / X", "Acme-5G / X", or after a command's "-u"; nor a field of a delimited row,
    // which the table's rules read.)
    if (word.includes('=') || /(?:^|\s)(?:-u|--user(?:name)?)[ \t=]*$/.test(before) || /^[ \t]*\/\/?[ \t]*\S/.test(text.slice(t.end, t.end + 8)) || DELIMITED_ROW.test(lineAround(text, start))) continue;
    // (Digits in a delivery's or an address's note are the street rules' to judge: "code 4471 opens the loading bay door".)
    if (/^\d+$/.test(word) && (DELIVERY.test(text) || !digitsPlaced(text, from, start, t.end))) continue;
    yield { start, end: t.end };
  }
}

/**
 * Secrets near a cue: for each cue the nearest token of a secret's shape after it within {@link AFTER},
 * else one before it within {@link BEFORE} that starts its line or is linked to the cue.
 */
export function* findNearbySecrets(text: string): Generator<PiiSpan> {
  if (!HINT.test(text) || MARKUP_OR_CODE.test(text)) return;
  for (const m of execAll(CUE, text)) {
    const cue = m[0];
    const cueEnd = m.index + cue.length;
    // (A name that starts with the word: "the Secret Service", "Secret Santa".)
    if (/^secret$/i.test(cue) && /^[ \t]+\p{Lu}/u.test(text.slice(cueEnd, cueEnd + 3))) continue;
    // (A compound about passwords in general, "password manager rollout", "store password hints"; another code, "Error code", "Postal code".)
    if (PASSWORD_COMPOUND.test(/^[ \t]*([\p{L}-]+)/u.exec(text.slice(cueEnd, cueEnd + 30))?.[1] ?? '')) continue;
    // (Nor "Code" heading a table's column: the table's rule reads a code's column, beside a door or a gate.)
    // ("Key" labels a table's row only beside a network's name: "| SSID | Studio-5G |" then "| Key | X |".)
    if (/^key$/i.test(cue) && !/ssid|wi-?fi|wlan|network/i.test(text)) continue;
    if (/^codes?$/i.test(cue) && (OTHER_CODE_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)) || /[|,;\t][ \t]*$/.test(text.slice(Math.max(0, m.index - 4), m.index)) || /^[ \t]*[|,;\t]/.test(text.slice(cueEnd, cueEnd + 4)))) continue;
    let found: { start: number; end: number } | undefined;
    for (const c of candidates(text, cueEnd, Math.min(text.length, cueEnd + AFTER), cue)) {
      // (A value already replaced between them: scrubbing twice finds nothing new.)
      if (!TAG.test(text.slice(cueEnd, c.start))) found = c;
      break;
    }
    if (found === undefined) {
      for (const c of candidates(text, Math.max(0, m.index - BEFORE), m.index, cue)) {
        if (c.end > m.index) break;
        const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
        const startsLine = /^[ \t>*-]*(?:(?:it['’]?s|its|here|use|try)[ \t]*:?[ \t]+)?$/i.test(text.slice(lineStart, c.start));
        const gap = text.slice(c.end, m.index);
        // (On the cue's line or the line above it, blank lines between allowed.)
        const near = !/\n[^\n]*\S[^\n]*\n/.test(`${gap}\n`.replace(/^[^\n]*/, '')) || !gap.includes('\n');
        if (TAG.test(gap)) continue;
        if ((startsLine && near && !/[.!?]\s+\p{L}/u.test(gap.replace(/\n+/g, ' '))) || LINK_TO_CUE_AFTER.test(gap)) found = c;
      }
    }
    if (found !== undefined) yield { start: found.start, end: found.end };
  }
}

// ---------------------------------------------------------------------------------------------
// A login's user and its password side by side with no cue: "helpdesk/Tiger2816 on jenkins.ci.lan",
// "svc-backup // Zephyr_Otter_Cactus", "rsingh + otterNimbus^56 for the printer", "it's rsingh and
// Lantern.33", "helpdesk:Suns3t^h4z3l2". Only a value no word or name has the shape of.
// ---------------------------------------------------------------------------------------------

const PAIR_HINT = /[a-z0-9_-](?:[ \t]+(?:\/\/|\+|and)[ \t]+|[\/:])\S/;
/** A user, a slash, a colon, "//" or "+", the value; then a host, a purpose or the clause's end. */
const USER_PAIR = /(?<![\w.@\/:-])([a-z][a-z0-9._-]{1,30})(?:[ \t]+\/\/[ \t]+|[ \t]+\+[ \t]+|\/|:)([^\s"'`,;()<>\/]{3,128})(?=[ \t]+(?:on|for|@|at|via|to|in)[ \t]|[ \t]*(?:$|\r?\n|[,;)]|\.(?:\s|$)))/gm;
/** "it's rsingh and Lantern.33": a user, "and", the value. */
const USER_AND = /(?<![\p{L}])(?:it['’]?s|its|use|login is)[ \t]+([a-z][a-z0-9._-]{1,30})[ \t]+(?:and|\+|\/)[ \t]+([^\s,;()]{4,128})/giu;
/** Words before a colon or a slash that name no user: a scheme, a label, a word of prose. */
const NOT_A_USER = /^(?:https?|ftp|sftp|ssh|file|mailto|tel|git|s3|re|fwd|fw|note|todo|fixme|error|warning|info|debug|step|type|ref|see|and|or|the|a|an|to|for|on|in|at|by|of)$/i;

/** A value of a password's shape no prose has: letters, digits and a symbol, mixed case with a digit, words joined, or a key's hex. */
function isPairValue(word: string): boolean {
  if (word.length < 4 || /[:@]/.test(word) || FILE.test(word) || PERIOD.test(word) || TICKET_OR_QUARTER.test(word) || (HEX_ID.test(word) && word.includes('-')) || PLACEHOLDER.test(word) || isCodeValue(word)) return false;
  if (/^[0-9a-f]{16,128}$/i.test(word)) return /\d/.test(word) && /[a-f]/i.test(word);
  if (isJoinedPassphrase(word)) return true;
  return hasPasswordShape(word) && /\d/.test(word) && (/[^\p{L}\d._-]/u.test(word) || (/\p{Lu}/u.test(word) && /\p{Ll}/u.test(word)));
}

export function* findUserPairs(text: string): Generator<PiiSpan> {
  if (!PAIR_HINT.test(text) || MARKUP_OR_CODE.test(text)) return;
  for (const re of [USER_PAIR, USER_AND]) {
    for (const m of execAll(re, text)) {
      const user = m[1] ?? '';
      const value = (m[2] ?? '').replace(/[.!?]+$/, '');
      if (NOT_A_USER.test(user) || ENGLISH_TIER.get(user) === 1 || !isPairValue(value)) continue;
      const start = m.index + m[0].length - (m[2] ?? '').length;
      yield { start, end: start + value.length };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A phrase with a contraction and a bang given as the value ("password: don't panic!"): the whole
// exclamation to the line's end, unless its verb is about the password itself ("don't share it!",
// "can't remember!").
// ---------------------------------------------------------------------------------------------

const EXCLAIMED = /(?<![\p{L}])(?:pass(?:word|phrase|code)?|passwort|pw|pwd)[ \t]*(?:[:=]|[ \t]is|[ \t]was)[ \t]*["'“]?((?:don['’]t|can['’]t|won['’]t|let['’]s|i['’]m|ain['’]t|it['’]s)[ \t]+\p{L}+(?:[ \t]+\p{L}+){0,2}!+)(?=["'”]?[ \t]*(?:\r?\n|$))/giu;
/** Verbs and words that make the exclamation a remark about the password ("don't share it!", "can't remember!", "it's in the vault!"). */
const ABOUT_IT = /(?<![\p{L}])(?:it|this|that|them|me|you|us|remember|recall|know|share|forget|tell|send|use|reuse|write|post|lose|change|reset|type|save|store|ask|have|care|worry|bother|work|works|expire|expired|sure|sorry|here|there|in|on|the|a|same|changed|gone|wrong|right|ok|okay|fine|secret|mine|yours)(?![\p{L}])/iu;

export function* findExclaimedPhrases(text: string): Generator<PiiSpan> {
  if (!text.includes('!') || !/['’]/.test(text)) return;
  for (const m of execAll(EXCLAIMED, text)) {
    const phrase = m[1] ?? '';
    if (ABOUT_IT.test(phrase.replace(/^\p{L}+['’]\p{L}+/u, ''))) continue;
    const start = m.index + m[0].length - phrase.length;
    yield { start, end: start + phrase.length };
  }
}
