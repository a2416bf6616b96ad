import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { CUE_LINK, FINDING_TAG, PASSWORD_PROSE, PLACEHOLDER, isChosenWord, isCodeValue, isCommonPassword, isMarkedValue, isPassphraseRun, isSpacedPassphrase, joinPassphraseRuns, joinSeasonAndYear, runToClauseWord, unlinkedPassphrase, userBeforeColon, valueRightAfterCue } from './password-values.ts';
import type { CueValueOptions } from './password-values.ts';
import { afterNonLetter, execAll } from './text.ts';
import { PASSWORD_COMPOUND, PASSWORD_COMPOUND_WORDS, hasPasswordHint, passwordCueMatches, passwordCues } from './password-cues.ts';
import { TECH_TOKEN, TRAILING_PUNCTUATION, bareWord, hasPasswordShape, isJoinedWordsPassphrase, isLetterRunPassword, isNumberedThing, isTiedShape, pastCueWord, wordAndDigits } from './password-shapes.ts';
import { findDelimitedPasswordColumns, findLoginArguments, findPasswordColumns } from './password-conventions.ts';
import { findChangedTo } from './password-changed.ts';
import { PASSWORD_OWNER_WORDS, findWordAndDigitsNearCues, isPeriodName } from './password-near-cues.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Passwords given in a sentence: "my password is hunter2!x", "the wifi passcode is now
// Tr0ub4dor&3", "use hunter2!x as the password".
// ---------------------------------------------------------------------------------------------

const PASSWORD_WORD =
  '(?:pass(?:word|wd|code|phrase)|pwd|pw|psw|pin(?: code)?|kennwort|passwort|mot de passe|contraseña|(?:wi-?fi|network|wpa2?|guest) (?:key|pass)|' +
  // "pass" and "secret" as nouns: after an article or a word that makes them one.
  'pass(?<=\\b(?:the|temporary|temp|new|my|your|guest|wifi|admin) pass)|secret(?<=\\b(?:the|shared|client|api) secret))';
/** What a password is for, after its cue: "for the vpn", "on my laptop", "to the staging box"; `more` words after the first. */
const passwordFor = (more: number): string => `(?:\\s+(?:for|to|on|of)\\s+(?:the\\s+|my\\s+|our\\s+|your\\s+)?[\\w.-]{1,30}(?:\\s+[\\w.-]{1,30}){0,${more}})?`;
/** "password (for the vpn) is (now) X" */
const PASSWORD_IS = new RegExp(
  `\\b${PASSWORD_WORD}s?${passwordFor(1)}\\s*(?:is|was|=|:|->|will be|has been|is now|now is|(?:has |was |has been )?(?:changed|set|reset) to)\\s*(?:now\\s+|still\\s+|just\\s+)?["'\`“]?([^\\s"'\`”]{4,128})`,
  'dgi',
);
/**
 * "use X as (the|my) password", "try X as the admin password", "pls use X for the router pass until …":
 * up to four words name which password, and the cue is no compound ("use Okta for the password reset flow").
 */
const PASSWORD_AS = new RegExp(
  `\\b(?:use|try|it's|its)\\s+["'\`“]?([^\\s"'\`”]{4,128}?)["'\`”]?\\s+(?:as|for)\\s+(?:the|my|your|our)\\s+(?:[\\w-]{1,20}\\s+){0,4}?${PASSWORD_WORD}\\b(?![ \\t]+(?:${PASSWORD_COMPOUND_WORDS})\\b)`,
  'dgi',
);
/** "is the password for the VPN still X?": the value asked about. */
const PASSWORD_STILL = new RegExp(
  `\\bis\\s+(?:the|my|your|our)\\s+(?:[\\w-]{1,20}\\s+){0,3}?${PASSWORD_WORD}${passwordFor(2)}\\s+still\\s+["'\`“]?([^\\s"'\`”]{4,128}?)["'\`”]?\\?`,
  'dgi',
);
/** The word for a password in a language, which the most used passwords hold too: a cue, not the value ("Benutzer admin, Passwort …"). */
const NAMES_A_PASSWORD = /^(?:passwort|kennwort|motdepasse|contraseña|senha|wachtwoord)$/i;
/** "changed my pw to X", "reset the password to X" */
const PASSWORD_CHANGED = new RegExp(
  `\\b(?:changed|set|reset|updated|switched)\\s+(?:my\\s+|the\\s+|our\\s+|your\\s+|his\\s+|her\\s+)?(?:[\\w-]{1,20}\\s+){0,3}${PASSWORD_WORD}\\s+(?:(?:from|for|on)\\s+(?:the\\s+)?[\\w.@-]{1,30}\\s+)?(?:back\\s+)?to\\s+["'\`“]?([^\\s"'\`”]{4,128})`,
  'dgi',
);
/** What follows a word of prose after "password is": a preposition or an article ("taped under the router"). */
const PROSE_GOES_ON = /^[ \t]+(?:under|on|in|at|to|by|with|from|behind|inside|next|near|above|below|into|onto|the|a|an|and|or|for|of)(?![\p{L}])/iu;
/** Words in angle brackets that stand for a value: "<your password here>", "<new_password>". */
const PLACEHOLDER_IN_BRACKETS = /^[=:]*<[\p{Ll} _-]{2,40}>/u;

/** How many words after the cue the password may come ("the password for the conference room tablet - X"). */
const PASSWORD_WINDOW_WORDS = 8;
/** "X is the password", "log in with X as password": up to three words between the verb and the cue. */
const LINK_BEFORE_CUE =
  // (And the copulas of the cues' languages: "X è la password nuova", "X är det nya lösenordet", "X, c'est le nouveau mdp".)
  ",?\\s+(?:(?:is|as|was|=|will be|would be|è|é|är|ist|es|est|c['’]est|jest|er|on|to|je|este|(?:does(?:n['’]?t| not)|did(?:n['’]?t| not)|won['’]t|will not)\\s+work\\s+as|works?\\s+as)\\s+(?:[\\p{L}-]{1,20}\\s+){0,4}(?:\\p{L}{2,12}-)?|(?:<-+|←|<=|[-–—])\\s+(?:[\\p{L}'’-]{1,20}\\s+){0,4}|\\((?:[\\p{L}-]{1,20}\\s+){0,2})$";
const VALUE_BEFORE_CUE = new RegExp(`(?:^|[\\s(\\["'\`“])["'\`“(]?([^\\s"'\`”()]{4,128}?)["'\`”)]?${LINK_BEFORE_CUE}`, 'iu');
/** Two to five words from the line's start, a bracket, a colon, a dash or a word that opens a chat line, before a value's last word. */
const RUN_BEFORE_VALUE = /(?:^|[(\[:—–])[ \t]*(?:(?:fyi|btw|ok so|so|hey|also|pls|ps|quick one)[ \t:,]+)?((?:\p{L}{3,}[ \t]+){2,5})$/iu;
/** The key of a user's name right before a value: "login: svc_backup (password …)". */
const USER_KEY_BEFORE = /(?:login|user(?:name)?|account|benutzer(?:name)?|id)[ \t]*[:=][ \t]*["'`“(]?$/i;
/** A quoted value of any shape before the cue: "\"blue sky 42\" is the passphrase". */
const QUOTED_BEFORE_CUE = new RegExp(`(?:^|[\\s(\\[])["'\`“„«]([^"'\`”“»\\n]{3,64})["'\`”“»]${LINK_BEFORE_CUE}`, 'iu');


/** What links a cue to its value right after it: "pw: X", "passwd X", "password\tX", "pass is X". */
const RIGHT_AFTER_CUE = new RegExp(`^(?:(${CUE_LINK.source.slice(1)})|[ \\t]+)["'\`“\\[]?([^\\s"'\`”\\[]{10,128})`, 'iu');
/**
 * What the password is for, or which one it is, between the cue and its link: "password for the
 * vault is …", "contraseña del wifi: …", "Passwort für das Wiki: …", "mot de passe provisoire :
 * …", "the wifi pw here is …" — a preposition and up to four words, or one or two words, before a
 * colon, "=" or "is". (Not the colon of a Swedish ending: "lösenordet till wifi:t är …".)
 */
export const OWNER_THEN_LINK =
  /^(?:[ \t]*\([^)\n]{1,40}\)|(?:[ \t]+\p{L}[\p{L}'’-]{2,20})?[ \t]+(?:for|to|on|of|del|de|du|für|van|voor|per|do|da|di|pra|para|til|till|på|för|pour|zu|zum|zur|untuk|cho|k|ke|pro|na|dla|до|для|на|в|у|від|от)(?:[ \t]+[\p{L}\d.@_'’-]+(?::\p{Ll}{1,3}(?![\p{L}\d]))?){1,6}?|(?:[ \t]+\p{L}[\p{L}'’-]{1,20}){1,2}?)(?=[ \t\u00a0\u202f]*(?:[:=](?![:=\/]|\p{Ll}{1,3}(?![\p{L}\d]))|→|->|=>)|[ \t]+(?:is|was|es|est|ist|è|é|lautet|c['’]est|är|ar|er|je|jest|este|là|passou[ \t]+a[ \t]+ser|pasó[ \t]+a[ \t]+ser|είναι|היא|הוא)(?![\p{L}]))/iu;
/** Cues whose language links them to the value with a word that is a preposition in English: Finnish "salasana on X", Polish "hasło to X". */
const NATIVE_LINK = { cue: /^(?:salasana(?:si|nne|nsa|n)?|has[łl]o)$/i, link: /^(?:[ \t]+(?:do|dla|na|k)[ \t]+[\p{L}\d.@_-]{1,30})?[ \t]+(?:on|to)(?=[ \t])/iu };
/** Cues in English (and its misspellings): after them an unknown word is no English prose. */
const ENGLISH_CUE = /^(?!parola$|passw[oö]rt|passord)(?:p[\p{L}\/]*|secret|creds?|credentials?|(?:wi-?fi|network|wpa2?|guest)\s+\p{L}+)$/iu;
/** Cues that name a login (a user and a password), after which one word is the user's name. */
const LOGIN_CUE = /^(?:credentials?|creds|zugangsdaten)$/i;
/**
 * "the wifi is X", "le wifi c'est X": the network named with a copula, and "Key for the encrypted archive:
 * X": cues only for a value of a password's shape ("the wifi is down again" is about the network).
 */
const SHAPE_ONLY_CUE = /^(?:wi-?fi|key)$/i;
/** "Below" in the cues' languages: "Nowe hasło poniżej", "Passwort unten", "mot de passe ci-dessous". */
const BELOW_WORDS = 'unten|darunter|anbei|ci-dessous|dessous|abajo|debajo|abaixo|hieronder|sotto|nedan|nedenfor|herunder|poniżej|aşağıda|ниже|níže';
/** "For" in the cues' languages, then what the password is for, ending the line ("Wachtwoord voor de NAS"). */
const FOR_WORDS = 'for|für|pour|para|per|voor|do|da|för|til|dla|için|для|от|pro';
/**
 * Where a cue ends its line and the value is on the next: "password:", "new pw below", "PASSWORD"; or a
 * few words after the cue end the line with a colon, "is:" or a hand pointing down ("the pw for the CRM
 * is:", "Lösenord till VPN:en:", "PW below 👇"); a heading's rule after it ("=== ADMIN PASSWORD ==="); or
 * what it is for, up to three words and nothing else ("Wachtwoord voor Jenkins", "Senha do router").
 */
export const CUE_ENDS_LINE = new RegExp(
  String.raw`^(?:(?:[ \t]+(?:is|was|will be))?(?:[ \t]+(?:below|here|follows|BELOW))?[ \t]*(?:[:=\-–—]|[=*#~_\-–—]{2,})?|[ \t]+[^\n]{0,50}?(?:[:：]|[ \t](?:is|below|here|BELOW)[ \t]*[:：]?|[ \t]*[👇⬇↓]+)|[ \t]+FOR[ \t]+[^\s.,;:!?()]{1,30}(?:[ \t][^\s.,;:!?()]{1,30}){0,2})[ \t]*\r?$`.replaceAll('BELOW', BELOW_WORDS).replace('FOR', `(?:${FOR_WORDS})`),
  'iu',
);
/** A value with no link after the cue, ending its clause: "pw 339275", "Netflix pw Marble 🙂", "temp pw Noodle, …". */
const UNLINKED_VALUE = /^[ \t]+(\p{L}{4,32}|\d{4,16})(?=[ \t]*(?:[.,;!?)]|\r?\n|$|[ \t]+[^\s\p{L}\p{N}]))/u;
/** "new", "temp" and their kind right before a cue, with up to two words between ("new admin password"). */
const NEW_BEFORE_CUE = /(?:^|[^\p{L}])(?:new|temp|temporary|neues?|nouveau|nuova|nueva|nova|nieuwe?)[ \t]+(?:[\p{L}-]{2,20}[ \t]+){0,2}$/iu;
/** One token after the cue and an emoji right after it, or a spaced dash or a bracket that ends the clause ("Temp pw B5j2 — user must change it"). */
const VALUE_THEN_EMOJI = /^[ \t]*[:=]?[ \t]+([^\s"'`“”‘’«»]{4,64}?)(?:[ \t]*(?=\p{Extended_Pictographic})|[ \t]+(?=[-–—][ \t]|\((?!\))))/u;
/** One token between commas right after the cue, or in round brackets a few words further on in its clause. */
const SET_APART = /^(?:,[ \t]+([^\s,()]{4,64}),(?=[ \t])|[^\n.!?()]{0,40}?[ \t]\(([^\s()]{4,64})\))/u;
/** What {@link SET_APART} takes: a password's shape, a passphrase run together, one of the most used passwords, or digits. */
function isApartValue(value: string): boolean {
  return !PLACEHOLDER.test(value) && !FINDING_TAG.test(value) && (isTiedShape(value) || isCommonPassword(value) || /^\d{4,16}$/.test(value));
}
/** An arrow within a few words after the cue, then the value: in quotes, or one token. */
const ARROW_THEN_VALUE = /^[^\n.!?→]{0,40}?[ \t](?:→|->|=>)[ \t]*(?:(["'“‘`])([^"'”’`\n]{2,64})["'”’`]|([^\s"'`“”‘’]{2,64}))/u;
/**
 * A token that a link, a pointer or a line of its own gives as the value, whatever its shape, unless
 * it is a word of prose about the password ("→ see vault", "Password:" then "Thanks", "new password
 * policy 🎉"), a placeholder or a reference in code.
 */
function isGivenToken(word: string): boolean {
  // (A path is no value: "pwd" then "/home/ops/projects" is the shell's answer.)
  if (/^(?:~|\.{1,2})?\/[\w.-]/.test(word)) return false;
  if (PLACEHOLDER.test(word) || FINDING_TAG.test(word) || isCodeValue(word) || PASSWORD_PROSE.test(word) || PASSWORD_COMPOUND.test(word) || !isChosenWord(word)) return false;
  return !(/^\p{L}+$/u.test(word) && (ENGLISH_TIER.get(word.toLowerCase()) ?? 9) <= 2 && !isCommonPassword(word));
}
/** What an arrow points at, or a dash points back to: a given token of three characters or more. */
function isPointedValue(value: string): boolean {
  const word = value.replace(TRAILING_PUNCTUATION, '');
  return word.length >= 3 && isGivenToken(word);
}
/**
 * One plain word as a password ("the password is Waffle", "pw: kitten"): a capitalised word
 * outside the commonest 4,000 (not "Below", "Required"), or a rarer English word in lower case.
 * An unknown lower-case word is as often another language's prose ("incorrecta"), and is left.
 */
function isPlainWordPassword(word: string): boolean {
  if (PASSWORD_PROSE.test(word) || PASSWORD_COMPOUND.test(word) || !isChosenWord(word)) return false;
  const lower = word.toLowerCase();
  const tier = ENGLISH_TIER.get(lower);
  if (word !== lower) return tier !== 1 && !JARGON_WORDS.has(lower);
  return tier === 3;
}

/** Whether `word` splits into two or more English words of three letters or more ("prairiecomettundra"). */
function isWordCompound(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z]{6,40}$/.test(lower)) return false;
  // parts[i]: the fewest words that make lower.slice(0, i), or Infinity.
  const parts: number[] = [0, ...Array.from({ length: lower.length }, () => Infinity)];
  for (let i = 3; i <= lower.length; i++) {
    for (let j = Math.max(0, i - 12); j <= i - 3; j++) {
      if ((parts[j] ?? Infinity) + 1 < (parts[i] ?? Infinity) && ENGLISH_TIER.has(lower.slice(j, i))) parts[i] = (parts[j] ?? 0) + 1;
    }
  }
  const n = parts[lower.length] ?? Infinity;
  return n >= 2 && n !== Infinity;
}


/** The value a cue is tied to on its own line, or on the next when the cue ends its line; offsets into `text`. */

function tiedValue(text: string, cue: string, cueEnd: number, rest: string): [number, number] | undefined {
  const options: CueValueOptions = { passphrase: /phrase/i.test(cue), shaped: isTiedShape };
  // After a cue that names a login, one word is the user's name ("Zugangsdaten: Benutzer …").
  if (!LOGIN_CUE.test(cue) && !SHAPE_ONLY_CUE.test(cue)) options.plainWord = isPlainWordPassword;
  const owner = OWNER_THEN_LINK.exec(rest)?.[0].length ?? 0;
  let linked = rest.slice(owner);
  let from = cueEnd + owner;
  const native = NATIVE_LINK.cue.test(cue) ? NATIVE_LINK.link.exec(linked) : null;
  if (native !== null) {
    linked = linked.slice(native[0].length);
    from += native[0].length;
    options.linked = true;
  } else if (CUE_ENDS_LINE.test(rest) && text[cueEnd + rest.length] === '\n' && !/[,;\t]/.test(text[cueEnd - cue.length - 1] ?? '')) {
    // (Not a CSV header's last cell: "system,username,password" heads a column, read by the export's rule.)
    // The next line, when it holds nothing but the value (one blank line between is allowed).
    const lineStart = cueEnd + rest.length + 1 + (/^\r?\n/.exec(text.slice(cueEnd + rest.length + 1))?.[0].length ?? 0);
    const lineEnd = text.indexOf('\n', lineStart);
    linked = text.slice(lineStart, lineEnd === -1 ? Math.min(text.length, lineStart + 200) : lineEnd).replace(/\r$/, '');
    // (Nor a path: "pwd" then "/home/ops/projects" is the shell's answer.)
    if (/^[ \t]*\[[A-Z][A-Z0-9_-]*\]/.test(linked) || /^[ \t]*(?:~|\.{1,2})?\/[\w.-]/.test(linked)) return undefined;
    const read = valueRightAfterCue(linked, { ...options, linked: true });
    // Nothing else on the line but the value's closing quote or bracket; else the line's one token.
    const value = read !== undefined && /^["'”’»“›`)\]]?[ \t]*[.,;]?[ \t]*$/u.test(linked.slice(read[1])) ? read : aloneOnLine(linked);
    return value === undefined ? undefined : [lineStart + value[0], lineStart + value[1]];
  }
  // A placeholder is the value already replaced (scrubbing twice finds nothing new).
  if (FINDING_TAG.test(linked.replace(/^\W+/, ''))) return undefined;
  const value = valueRightAfterCue(linked, options);
  return value === undefined ? undefined : [from + value[0], from + value[1]];
}

/**
 * One token alone on the line after a cue's line ("Passphrase below 👇" then "2020cobalt",
 * "thunder.lemon", "purple,purple,violet"): the value whatever its shape, but not a word of prose
 * ("Thanks", "unchanged"), a mask or a reference in code.
 */
function aloneOnLine(line: string): [number, number] | undefined {
  const m = /^([ \t]*)([^\s"'`“”‘’«»]{4,64})[ \t]*$/u.exec(line);
  const token = m?.[2];
  if (m === null || token === undefined) return undefined;
  if (!isGivenToken(token.replace(/(?<=\p{L})[.!?:]$/u, ''))) return undefined;
  const start = (m[1] ?? '').length;
  return [start, start + token.length];
}

/**
 * Passwords found by their cue word, whatever the phrasing: the value tied to the cue by a link
 * ("pw: X", "the password for the vault is X", "hasło to X"), on the next line when the cue ends
 * its line, or right after the cue at the end of a clause ("pw 339275"); else the first
 * password-shaped word within a few words after the cue on the same line ("FYI password X",
 * "password updated -> X"), or right before "is/as … password" ("X is the password for the
 * printer", "X — that's the admin password").
 */
function* findCuedPasswords(text: string, written: string): Generator<PiiSpan> {
  for (const { index, cue } of passwordCues(text)) {
    const cueEnd = index + cue.length;
    const lineEnd = text.indexOf('\n', cueEnd);
    const rest = text.slice(cueEnd, lineEnd === -1 ? Math.min(text.length, cueEnd + 400) : lineEnd);
    const next = /^[\s:]*([\p{L}-]+)/u.exec(rest)?.[1] ?? '';
    // "password reset to X" gives the value; "password reset link" is about passwords.
    if (PASSWORD_COMPOUND.test(next) && !/^[ \t]+(?:reset|change|changes)[ \t]+to[ \t]/i.test(rest)) continue;
    const tied = tiedValue(text, cue, cueEnd, rest);
    // "creds: ops-bot / X": after a login's cue the first of a pair is the user; the pair's rule takes the second.
    if (tied !== undefined && LOGIN_CUE.test(cue) && /^[ \t]*\/[ \t]*\S/.test(text.slice(tied[1]))) continue;
    if (tied !== undefined) {
      // "Credentials: svc_report:azerty2024": after a login's cue, a user and a password joined by a colon.
      const pair = LOGIN_CUE.test(cue) ? userBeforeColon(text.slice(tied[0], tied[1])) : 0;
      yield { start: tied[0] + pair, end: tied[1] };
      continue;
    }
    if (SHAPE_ONLY_CUE.test(cue)) continue;
    const owner = OWNER_THEN_LINK.exec(rest)?.[0].length ?? 0;
    const linked = rest.slice(owner);
    const run = RIGHT_AFTER_CUE.exec(linked);
    const runWord = run?.[2]?.replace(TRAILING_PUNCTUATION, '');
    // With no link but a space, an unknown word after a cue of another language is as often that
    // language's prose ("Kennwort abgelaufen") unless English words run together; after a copula,
    // so is a word with letters beyond ASCII ("hasło jest nieprawidłowe"). A colon, '=' or
    // "lautet" ("reads") introduces a value whatever it is.
    const colon = /^[ \t]*(?:[:=]|\t)|^[ \t]+lautet/i.test(run?.[1] ?? '');
    const ascii = /^[A-Za-z]+$/.test(runWord ?? '');
    // English words run together in CamelCase are a value after a cue of any language ("Kata sandinya GuitarWhiteYogurtGarden").
    // Letters whose case a generator mixed ("NOEldydsnGxlHhlmcW"), twelve or more, no product's name.
    const generated = runWord !== undefined && /^(?=\p{L}*\p{Lu})(?=\p{L}*\p{Ll})\p{L}{12,}$/u.test(runWord) && !PRODUCT_WORDS.has(runWord.toLowerCase()) && (runWord.match(/\p{Lu}/gu) ?? []).length >= 4;
    if (run !== null && runWord !== undefined && (generated || (isLetterRunPassword(runWord) && isChosenWord(runWord) && (colon || isWordCompound(runWord) || (ascii && (run[1] !== undefined || ENGLISH_CUE.test(cue))))) || isJoinedWordsPassphrase(runWord, true))) {
      const start = cueEnd + owner + run[0].length - (run[2] ?? '').length;
      yield { start, end: start + runWord.length };
      continue;
    }
    // A value in quotes or brackets right after the cue, with no link: "password 'monkey'", "password [monkey]".
    const inQuotes = /^[ \t]+(["'‘“«`(\[])([^"'’”»`()[\]\n]{4,64})["'’”»`)\]]/u.exec(rest);
    const quotedValue = inQuotes?.[2];
    // (Words with spaces in quotes are one when they read as a passphrase: "password \"tiger lamp river 42\"".)
    // (Not in round brackets, which hold a remark: "(request id 87d5ec64)".)
    const spaced = quotedValue !== undefined && inQuotes?.[1] !== '(' && /^\p{L}+(?:[ \t]+(?:\p{L}+|\d{1,4}))+$/u.test(quotedValue) && isPassphraseRun(quotedValue.split(/\s+/).filter((w) => !/^\d+$/.test(w)));
    if (inQuotes !== null && quotedValue !== undefined && (spaced || !/\s/.test(quotedValue)) && !PLACEHOLDER.test(quotedValue) && !isCodeValue(quotedValue) && !PASSWORD_PROSE.test(quotedValue) && ((ENGLISH_TIER.get(quotedValue.toLowerCase()) ?? 9) > 2 || isCommonPassword(quotedValue) || /[^\p{L}]/u.test(quotedValue))) {
      const start = cueEnd + inQuotes[0].indexOf(quotedValue);
      yield { start, end: start + quotedValue.length };
      continue;
    }
    // After "new pw", one token and an emoji, a dash or a bracket: the value whatever its shape ("new pw über-cool 🔑 don't lose it", "Temp pw B5j2 — user must …").
    const emojiAfter = NEW_BEFORE_CUE.test(text.slice(Math.max(0, index - 40), index)) ? VALUE_THEN_EMOJI.exec(rest) : null;
    const emojiValue = emojiAfter?.[1];
    // (Before a dash or a bracket a verb's or an adverb's form is the clause's: "new password emailed (encrypted)".)
    const clauseWord = emojiValue !== undefined && !/\p{Extended_Pictographic}/u.test(rest.slice(emojiAfter?.[0].length ?? 0, (emojiAfter?.[0].length ?? 0) + 4)) && /^\p{L}+(?:ed|ing|ly|tion|ment)$/iu.test(emojiValue);
    if (emojiAfter !== null && emojiValue !== undefined && !clauseWord && isGivenToken(emojiValue)) {
      const start = cueEnd + emojiAfter[0].indexOf(emojiValue);
      yield { start, end: start + emojiValue.length };
      continue;
    }
    // (A dash ends the clause too: "Temp passcode 1971battery — user must change it".)
    // (Or a bracket: "passwd Rex5 (same on all three boxes)"; four characters are one.)
    const brief = /^[ \t]+((?=[\p{L}\d]*\d)(?=[\p{L}\d]*\p{L})[\p{L}\d]{4,32})(?=[ \t]*(?:[.,;!?)]|\r?\n|$|[-–—][ \t])|[ \t]+\((?!\)))/u.exec(rest);
    const briefValue = brief?.[1];
    if (brief !== null && briefValue !== undefined && !isNumberedThing(briefValue) && !TECH_TOKEN.test(briefValue)) {
      const start = cueEnd + brief[0].length - briefValue.length;
      yield { start, end: start + briefValue.length };
      continue;
    }
    // One of the most used passwords that is a rarer English word, right after the cue, then a word
    // that starts the next clause: "try the password shadow and tell me", "the temporary password
    // monkey over the phone" (not "password access for contractors": the commonest words are prose).
    const common = LOGIN_CUE.test(cue) ? null : /^[ \t]+(\p{L}{4,32})(?=[ \t]+(?:and|over|for|to|on|at|with|until|then|but|so|if|via|by)(?![\p{L}]))/u.exec(rest);
    const commonValue = common?.[1];
    if (common !== null && commonValue !== undefined && isCommonPassword(commonValue) && (ENGLISH_TIER.get(commonValue.toLowerCase()) ?? 9) >= 2 && !JARGON_WORDS.has(commonValue.toLowerCase()) && !NAMES_A_PASSWORD.test(commonValue)) {
      const start = cueEnd + common[0].length - commonValue.length;
      yield { start, end: start + commonValue.length };
      continue;
    }
    const bare = UNLINKED_VALUE.exec(rest);
    const bareValue = bare?.[1];
    // (Four or five digits too, "shared drive pswd 20644", not a year: "password 2024.")
    if (bare !== null && bareValue !== undefined && ((/^\d+$/.test(bareValue) && !/^(?:19|20)\d\d$/.test(bareValue)) || isCommonPassword(bareValue) || (!LOGIN_CUE.test(cue) && /^\p{Lu}\p{Ll}+$/u.test(bareValue) && isPlainWordPassword(bareValue)))) {
      const start = cueEnd + bare[0].length - bareValue.length;
      yield { start, end: start + bareValue.length };
      continue;
    }
    // (Not after a plural: "don't share passwords over slack thx".)
    const phrase = LOGIN_CUE.test(cue) || /(?:words|codes|phrases)$/i.test(cue) ? undefined : unlinkedPassphrase(rest);
    if (phrase !== undefined) {
      yield { start: cueEnd + phrase[0], end: cueEnd + phrase[1] };
      continue;
    }
    // An arrow later in the cue's clause points at the value: "old password won't work anymore → Lavender is the one", "router pass -> w@1ru5".
    const arrow = ARROW_THEN_VALUE.exec(rest);
    const pointed = arrow?.[2] ?? arrow?.[3];
    if (arrow !== null && pointed !== undefined && isPointedValue(pointed)) {
      const start = cueEnd + arrow[0].length - pointed.length - (arrow[2] !== undefined ? 1 : 0);
      yield { start, end: start + pointed.length };
      continue;
    }
    // A value set apart in the cue's clause, by commas after "the default password" or in brackets
    // further on: "use the default password, shadow, and change it", "read the new pw out to them (letmein)".
    const apart = SET_APART.exec(rest);
    const apartValue = apart?.[1] ?? apart?.[2];
    // (After "the new pw" a token in brackets is the value whatever its shape, unless prose: "read the new pw out to them (PEGASUS)", "(10.4.5)".)
    const isNew = NEW_BEFORE_CUE.test(text.slice(Math.max(0, index - 40), index));
    if (apart !== null && apartValue !== undefined && (apart[1] === undefined || isNew || /(?:default|initial)[ \t]+$/i.test(text.slice(Math.max(0, index - 20), index))) && (isApartValue(apartValue) || (isNew && apart[2] !== undefined && isPointedValue(apartValue)))) {
      const start = cueEnd + apart[0].length - apartValue.length - 1;
      yield { start, end: start + apartValue.length };
      continue;
    }
    let previous = cue;
    let taken = false;
    let words = 0;
    for (const w of rest.matchAll(/\S+/g)) {
      if (++words > PASSWORD_WINDOW_WORDS) break;
      // A placeholder is the value already replaced (scrubbing twice finds nothing new); a
      // template's expression or a placeholder in brackets stands for it ("{{ vault_db_password }}",
      // "${{ secrets.DB_PASSWORD }}", "<your password here>").
      if (/^[=:]*["'`“(]?\[[A-Za-z][\w-]*\]/.test(w[0]) || /^[=:]*["'`]?(?:\$?\{\{|\{%|\$\{)/.test(w[0]) || PLACEHOLDER_IN_BRACKETS.test(rest.slice(w.index))) break;
      const { word, lead } = bareWord(w[0]);
      // "my password on my iPhone15": a numbered thing further on is no password; right after the cue it is ("password Safari768").
      // (So do one of the most used passwords that is no English word, and three words or more run
      // together: "the temporary password letmein over the phone", "the db password? CorrectHorseBatteryStaple".)
      const shaped =
        hasPasswordShape(word) ||
        (isCommonPassword(word) && !ENGLISH_TIER.has(word.toLowerCase()) && !JARGON_WORDS.has(word.toLowerCase()) && !NAMES_A_PASSWORD.test(word)) ||
        (/^\p{L}+$/u.test(word) && isJoinedWordsPassphrase(word) && (word.match(/\p{Lu}/gu) ?? []).length >= 3);
      // (Not words with spaces read as one: further on they are prose as often as not: "is case-sensitive, so check caps lock".)
      // (Right after the cue they are its value: "pw rabbit walnut anchor ladder".)
      const joined = previous !== cue && word.includes('_') && written.slice(cueEnd + w.index, cueEnd + w.index + w[0].length).includes(' ');
      if (shaped && !joined && !(previous !== cue && /^[\p{L}\d]+$/u.test(word) && isNumberedThing(word)) && !PASSWORD_OWNER_WORDS.test(previous) && !isPeriodName(word, rest.slice(w.index + w[0].length), previous)) {
        const start = cueEnd + w.index + lead;
        yield { start, end: start + word.length };
        taken = true;
        break;
      }
      previous = word;
    }
    if (taken) continue;
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    const head = text.slice(Math.max(lineStart, index - 200), index);
    const quoted = QUOTED_BEFORE_CUE.exec(head);
    const inner = quoted?.[1]?.trim();
    if (quoted !== null && inner !== undefined && inner.length >= 4 && !/^\[[A-Z][A-Z0-9_-]*\]$/.test(inner)) {
      const start = index - head.length + quoted.index + quoted[0].indexOf(inner);
      yield { start, end: start + inner.length };
      continue;
    }
    const before = VALUE_BEFORE_CUE.exec(head);
    const value = before?.[1];
    if (before === null || value === undefined) continue;
    const { word } = bareWord(value);
    const valueAt = before.index + before[0].indexOf(value);
    // "login: svc_backup (password via the portal)": a user's name, after its key; and the word for a login's other
    // half is none ("log in with your usual username (passphrase is X for now)").
    if (USER_KEY_BEFORE.test(head.slice(0, valueAt)) || /^(?:user(?:name)?s?|login|account|e-?mail|userid|handle)$/i.test(word)) continue;
    // "correct horse battery staple is the password": words from the line's start (or a bracket's),
    // the value's last word among them, are one passphrase.
    // (In Title Case too, and after "quick one:" or "FYI": "FYI Purple Monkey Dishwasher is the new pw".)
    const runBefore = /^\p{L}{3,}$/u.test(value) ? RUN_BEFORE_VALUE.exec(head.slice(0, valueAt)) : null;
    if (runBefore !== null && isSpacedPassphrase(`${runBefore[1] ?? ''}${value}`)) {
      const start = index - head.length + valueAt - (runBefore[1] ?? '').length;
      yield { start, end: index - head.length + valueAt + value.length };
      continue;
    }
    // A short word and digits is one only right before "is the (new) password" ("max50").
    const short = /^\p{L}{3,}\d{1,4}$/u.test(word) && /^,?\s+(?:is|was)\s+(?:the\s+)?(?:new\s+)?$/iu.test(before[0].slice(before[0].indexOf(value) + value.length));
    // (Or a word with a digit and a mark, whatever it looks like, right before "is the new password": "020-7946-0173", "1.20.52-beta".)
    // (The adjective may follow the cue: "1973-04-23 è la password nuova".)
    const marked =
      isMarkedValue(word) &&
      (/^,?\s+\S+\s+(?:(?:the|la|le|il|det|das|de|het|a|o|el)\s+)?(?:new|nuova|nouveau|nya|neue|nieuwe|nova|nueva|nowe)\s/iu.test(before[0].slice(before[0].indexOf(value) + value.length)) ||
        /^[ \t]+(?:nuova|nuovo|nouveau|nouvelle|nueva|nuevo|nova|novo|nowe|nowy)(?![\p{L}])/iu.test(text.slice(cueEnd, cueEnd + 12)));
    // (After a dash and "that's the", any token that is no prose: "@donkey032 — that's the password", "www.ocean-monkey.com — that's the pass".)
    const pointedAt = /^,?\s+[-–—]\s+that['’]?s\s+(?:the|my|our|your)\s+(?:[\p{L}-]{1,20}\s+)?$/iu.test(before[0].slice(before[0].indexOf(value) + value.length)) && isPointedValue(word);
    if (!short && !marked && !pointedAt && !isTiedShape(word) && !isLetterRunPassword(word) && !isCommonPassword(word) && !/^\d{4,16}$/.test(word) && !isPlainWordPassword(word)) continue;
    const start = index - before[0].length + before[0].indexOf(value) + (value.length - value.replace(/^["'`“‘(\[]+/, '').length);
    yield { start, end: start + word.length };
  }
}



/**
 * A PIN or a door, alarm or safe code: 4–8 digits right after its cue and a linking word
 * ("PIN: 4821", "the door code is 151219", "alarm code 23002"). Digits alone are a secret only
 * here: anywhere else they are counts, ids and times. Not after a letter: found, as
 * {@link CREDENTIAL_PAIR} is (afterNonLetter).
 */
const PIN_CODE = afterNonLetter(new RegExp(
  '(?<![a-zA-Z\\d])(?:(?:pin(?:[ -]?code)?|(?:door|gate|alarm|access|entry|garage|lock|locker|keypad|building|safe|vault)[ -]code|pass ?code|(?:safe|lock|locker) combination)' +
    '(?:\\s+(?:for|to|of|on)\\s+(?:the\\s+|my\\s+|our\\s+)?[\\p{L}-]{2,20})?(?:\\s*[:=#]|(?:\\s+(?:is|was|now|will be|has been|changed to|set to))+)' +
    '|(?:door|gate|alarm|entry|garage|keypad)[ -]code)\\s*[:=#]?\\s*(\\d{4,8})(?![\\d.,:/-]?\\d)',
  'dgiu',
));
/** Supersets of the cues of {@link PIN_CODE} and {@link CREDENTIAL_PAIR}: those run only on texts that have one. */
const PIN_HINT = /pin|code|combination/i;
const CREDENTIAL_HINT = /cred|login|wi-?fi|account|zugang|identifiants|inlog|ac?ce?ss?o?|accès|toegang|dostęp|auth|vpn|ssh|sftp|rdp|db/i;
/** "creds for staging are deploy / X", "wifi: Office-Guest / X": the second half of a login pair. */
const CREDENTIAL_PAIR = afterNonLetter(/(?<![a-zA-Z])(?:creds?|credentials|credenciales|credenciais|credenziali|zugangsdaten|zugang|identifiants|inloggegevens|inloggen|login|wi-?fi|account|access(?=[^\n:.!?]{0,40}:)|(?:vpn|ssh|sftp|rdp|db)(?=[ \t]*:)|basic[ -]auth|acceso|acesso|accès|toegang|dostęp)\b[^\n]{0,40}?[\s:]([^\s\/:]{1,64}) ?\/ ?["'`“]?([^\s"'`”]{3,128})/dgiu);

/** "log in with jdoe and X", "signed in as admin / X": the second of the two is the password. */
const LOGIN_WITH =
  /(?<![\p{L}])(?:(?:log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in)(?:\s+(?!with|as|using)[^\s,]+){0,5}?\s+(?:with|as|using)\s+[^\s,]{2,64}\s+(?:and|\/|\+|&|using|with)|(?:anmeld(?:ung|en|e dich)|einloggen|login)\s+mit\s+[^\s,]{2,64}\s+und)\s+["'`“]?([^\s"'`”]{4,128})/dgiu;
const LOGIN_HINT = /log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in|anmeld|einloggen/i;
/**
 * Words of a login, a lock or a code, and a login pair's slash or colon, near which a passphrase of
 * words with spaces may be read joined (as near a password's cue). Without the 'u' flag (ASCII word
 * edges, Latin letters after): a sixth of the time over a long text. (Not a colon between two digits:
 * a time's, "14:00", is no login pair, and most texts with a number have one.)
 */
const LOGIN_WORDS =
  /\b(?:log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in|creds?|credentials|credenciales|credenciais|credenziali|zugang(?:sdaten)?|anmeld[a-z]*|einloggen|entr[aá]|accounts?|wi-?fi|vpn|ssh|acceso|acesso|accès|identifiants|inloggegevens|toegang|dostęp|pins?|codes?|keys?|unlock(?:s|ed)?|locked|protected|opens?|new one|admin|root|user)(?![a-zA-Z\u00C0-\u024F])|[ \t]\/[ \t]|(?<=[a-zA-Z]):(?=[a-zA-Z0-9])|(?<=[0-9]):(?=[a-zA-Z])/gi;

/** {@link findCuedPasswords}, without what follows a cue as prose in another script. */
function* cuedPasswords(text: string, written: string): Generator<PiiSpan> {
  for (const s of findCuedPasswords(text, written)) if (!isProseOfOtherScripts(text.slice(s.start, s.end))) yield s;
}
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/**
 * What follows a cue as prose about the password in a script passwords are seldom typed in: any
 * Chinese or Japanese ("パスワード：別途お知らせします"), or only Cyrillic, Greek, Hebrew or Arabic
 * letters with no digit or symbol ("см. менеджер паролей", "ראה כספת הסיסמאות").
 */
function isProseOfOtherScripts(value: string): boolean {
  return CJK_LETTER.test(value) || /^[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}\p{M}\s'’".,;:!?()[\]{}-]+$/u.test(value);
}

/** Each opening quote and the closing quotes that may end what it opens. */
const CLOSING_QUOTES: Readonly<Record<string, string>> = { '「': '」', '『': '』', '"': '"', "'": "'", '`': '`', '“': '”“', '‘': '’‘', '«': '»', '»': '«', '„': '“”', '‚': '‘’', '‹': '›', '’': '’', '”': '”' };
/**
 * After a cue, in its clause, a link ("is", "to", "in", a colon, an arrow, "brzmi", "till") and a
 * value in quotes of any kind: all of it to its closing quote, spaces and other quotes included
 * ("changed the admin password to 'quiet seven ocean butter'", "Hasło brzmi «04-20-1964»",
 * "lösenordet till ’battery<3yellow’").
 */
const LINK_THEN_QUOTE = /^[^\n.!?"'“‘«»„‚‹`’”「『]{0,45}?(?:[ \t](?:is|was|to|in|into|auf|en|till|naar|para|brzmi|now|es|est|ist|è|é|är|como|som)|[:=→：]|->|=>|は|是|为|為)[ \t]*(["'“‘«»„‚‹`’”「『])/iu;

function* findQuotedAfterCues(text: string): Generator<PiiSpan> {
  for (const m of passwordCueMatches(text)) {
    const from = m.index + m[0].length;
    const link = LINK_THEN_QUOTE.exec(text.slice(from, from + 80));
    const open = link?.[1];
    if (link === null || open === undefined) continue;
    // French sets a guillemet's value off by a space on each side ("« sleepy_waffle@mailbox.lan »").
    const inner = open === '«' ? (/^[ \u00a0\u202f]/.exec(text.slice(from + link[0].length, from + link[0].length + 1))?.[0].length ?? 0) : 0;
    const start = from + link[0].length + inner;
    const window = text.slice(start, start + 130);
    const line = window.includes('\n') ? window.slice(0, window.indexOf('\n')) : window;
    const closing = CLOSING_QUOTES[open] ?? open;
    // The first closing quote after which the clause may go on (punctuation, a space, the line's end) ends the value.
    let end = -1;
    for (let k = 0; k < line.length; k++) {
      // (A CJK corner bracket closes only its own: any text may follow it, "「…」です".)
      if (closing.includes(line[k] ?? '') && (/^(?:[ \t.,;:!?)\]]|$)/.test(line.slice(k + 1, k + 2)) || open === '「' || open === '『')) {
        end = k;
        break;
      }
    }
    if (end < 3) continue;
    const value = inner > 0 ? line.slice(0, end).replace(/[ \u00a0\u202f]$/, '') : line.slice(0, end);
    if (value !== value.trim() || PLACEHOLDER.test(value) || FINDING_TAG.test(value) || isCodeValue(value)) continue;
    const words = value.split(/\s+/);
    // Words of prose in quotes are no value ("is in 'the vault'", "'same as before'").
    if (words.length > 1 ? words.some((w) => !isChosenWord(w) || /^[^\p{L}\d]+$/u.test(w)) : !isChosenWord(value) || PASSWORD_PROSE.test(value)) continue;
    yield { start, end: start + value.length };
  }
}

export function* findSentencePasswords(written: string): Generator<PiiSpan> {
  // (Read a season and its year, and a passphrase of words with spaces, as they are read joined.)
  const seasons = joinSeasonAndYear(written);
  const near = hasPasswordHint(written) ? passwordCues(written).map((c) => c.index) : [];
  for (const m of execAll(LOGIN_WORDS, written)) near.push(m.index);
  const text = near.length > 0 ? joinPassphraseRuns(seasons, near) : seasons;
  if (hasPasswordHint(text)) {
    yield* findQuotedAfterCues(text);
    yield* findChangedTo(text);
  }
  if (LOGIN_HINT.test(text)) {
    for (const m of execAll(LOGIN_WITH, text)) {
      const span = m.indices?.[1];
      const value = (m[1] ?? '').replace(TRAILING_PUNCTUATION, '');
      // (A user and then the value leave no doubt: digits and a mark, a date or a phone's number, are one too, "as jdoe with '956-562-7573'".)
      if (span !== undefined && (hasPasswordShape(value) || isLetterRunPassword(value) || isJoinedWordsPassphrase(value) || isCommonPassword(value) || /^\d{4,16}$/.test(value) || (isMarkedValue(value) && !/^v?\d+(?:\.\d+)+$/i.test(value)))) yield { start: span[0], end: span[0] + value.length };
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
      if (span === undefined || /^\d+$/.test(m[1] ?? '')) continue;
      // "creds for staging are deploy / correct horse battery staple": lower-case words to the clause's end are one passphrase.
      // (A number may end it, and an emoji or a word that starts the next clause may follow: "ops / tiger lamp river 42 👍".)
      // (Or in Title Case, no word of a product: "login jdoe / Purple Monkey Dishwasher".)
      const more = /^\p{L}{3,}$/u.test(value) ? runToClauseWord(text.slice(span[0], span[0] + 200)) : undefined;
      if (more !== undefined && isSpacedPassphrase(text.slice(span[0], span[0] + more))) {
        yield { start: span[0], end: span[0] + more };
        continue;
      }
      // (Three characters are one with a letter and a symbol or a digit: "login admin/B@d".)
      const marked = /[!@#$%^&*+=?~]/.test(value) && /\p{L}/u.test(value);
      if ((value.length < 4 && !(value.length === 3 && (marked || (/\d/.test(value) && /\p{L}/u.test(value))))) || PLACEHOLDER.test(value) || FINDING_TAG.test(value) || PASSWORD_PROSE.test(value)) continue;
      // (One of the most used passwords is one though it is a word, where the clause ends with it: "creds: ops / monkey", not "ops / password reset pending".)
      const ends = /^[ \t]*(?:[.,;!?)]|\r?\n|$|\p{Extended_Pictographic})/u.test(text.slice(span[0] + value.length));
      if (/^[\p{L}-]+$/u.test(value) && (ENGLISH_TIER.has(value.toLowerCase()) || JARGON_WORDS.has(value.toLowerCase())) && !(ends && isCommonPassword(value))) continue;
      if (!hasPasswordShape(value) && !isLetterRunPassword(value) && !isJoinedWordsPassphrase(value) && !isCommonPassword(value) && !/\d/.test(value) && !marked) continue;
      const given = pastCueWord(text, span[0], span[0] + value.length);
      if (given !== undefined) yield { start: given[0], end: given[1] };
    }
  }
  yield* findWordAndDigitsNearCues(text);
  yield* findLoginArguments(text);
  if (!hasPasswordHint(text)) {
    // (A table's column of codes beside a door or a room needs no password's cue: "Room\tCode\tNotes".)
    if (text.includes('\n') && /code/i.test(text)) {
      if (text.includes('|')) yield* findPasswordColumns(text);
      if (/[,;\t]/.test(text)) yield* findDelimitedPasswordColumns(text);
    }
    return;
  }
  if (text.includes('|')) yield* findPasswordColumns(text);
  if (text.includes('\n') && /[,;\t]/.test(text)) yield* findDelimitedPasswordColumns(text);
  yield* cuedPasswords(text, written);
  for (const re of [PASSWORD_IS, PASSWORD_AS, PASSWORD_CHANGED, PASSWORD_STILL]) {
    for (const m of execAll(re, text)) {
      const span = m.indices?.[1];
      if (span === undefined) continue;
      let value = text.slice(span[0], span[1]);
      if (FINDING_TAG.test(value)) continue;
      value = value.replace(TRAILING_PUNCTUATION, '');
      // "[EMAIL]" is another finding's placeholder (scrubbing twice finds nothing new).
      if (value.length < 4 || /^(?:[(\[{]|\$\{)/.test(value) || PLACEHOLDER_IN_BRACKETS.test(text.slice(span[0])) || PASSWORD_PROSE.test(value) || PLACEHOLDER.test(value) || isCodeValue(value) || FINDING_TAG.test(value)) continue;
      // A plain common English word is prose ("the password is expired"); a rarer word, or
      // anything with a digit, a symbol or mixed case, is the password.
      // (After "reset the password to" or "use … for the password" a common password is the value, an English word or not: "freedom".)
      if (/^[a-z]+$/i.test(value) && (ENGLISH_TIER.get(value.toLowerCase()) ?? 9) <= 2 && !(re !== PASSWORD_IS && isCommonPassword(value))) continue;
      // A question about it: "the password is what?", "is it which?".
      if (/^[a-z]+\?+$/i.test(value) && ENGLISH_TIER.get(value.replace(/\?+$/, '').toLowerCase()) === 1) continue;
      // A word the sentence goes on from is prose ("is taped under the router", "is case-sensitive").
      // (After "set … to X" the sentence goes on from the value: "set the password to qwerty for now".)
      if (re === PASSWORD_IS && /^\p{L}+$/u.test(value) && PROSE_GOES_ON.test(text.slice(span[0] + value.length))) continue;
      // A lower-case word no list holds, with more words after it, is another language's prose ("Passwort: kommt per SMS").
      if (/^\p{Ll}+$/u.test(value) && !ENGLISH_TIER.has(value) && !isCommonPassword(value) && /^,?[ \t]+\p{L}/u.test(text.slice(span[0] + value.length))) continue;
      if (/^\p{Ll}+-\p{Ll}+$/u.test(value) && value.split('-').every((w) => (ENGLISH_TIER.get(w) ?? 9) <= 2)) continue;
      yield { start: span[0], end: span[0] + value.length };
    }
  }
}
