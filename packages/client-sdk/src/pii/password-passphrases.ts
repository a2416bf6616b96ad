import { execAround, lowerOf, stemPositions } from './anchor-windows.ts';
import { CHAT_WORDS, ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { isForeignFunctionWord } from './foreign-lines.ts';
import { CLAUSE_WORDS, CUE_LINK, FINDING_TAG, PASSWORD_PROSE, PLACEHOLDER, isChosenWord, isCodeValue, isFunctionWord } from './password-values.ts';
import { NAME_SUFFIX } from './password-shapes.ts';
import { CUE_ENDS_LINE, OWNER_THEN_LINK } from './password-in-prose.ts';
import { PASSWORD_COMPOUND, hasPasswordHint, passwordCues } from './password-cues.ts';
import { execAll } from './text.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Passphrases with no digit and no symbol, where the words around them leave no doubt that they
// are the value: "the password is crystal", "Passwort: Knuffel", "wifi key: copper.lantern",
// "password:" then "Honey Sunflower" on the next line, "ops / harbor_violin", "svc_backup:Järvi"
// under "backup share login". The other rules want a password's shape (a digit, a symbol, a mix of
// cases) or a rare word; people as often hand over ordinary words. A value is taken here only where
// a link ties it to a strong cue ("is", ":", "=", an arrow, a tab, a form's dots, a line of its own)
// or a login pair's slot holds it, the clause ends with it, and it is no word of prose about the
// password ("expired", "in the vault", "ask Dana", "unchanged", "see binder").
// ---------------------------------------------------------------------------------------------

/** Adjectives and participles that say what state a password is in, in English and the cues' languages; and what stands where it is kept. */
const STATE_WORDS = new Set(
  ('gone lost visible invisible secret safe unsafe compromised leaked known unknown public private personal mine yours ours theirs hers his ' +
    'weird strange funny stupid annoying ridiculous complicated complex random unique generic default standard obvious predictable guessable ' +
    'memorable forgotten locked disabled enabled active inactive valid invalid current outdated stale fixed pending attached enclosed included ' +
    'encrypted hashed salted stored masked hidden blank identical similar like right ready done available unavailable necessary needed useless ' +
    'mandatory sensitive insensitive active passive expensive effective positive negative exclusive inclusive temporary permanent static dynamic ' +
    'elsewhere somewhere nowhere inside outside upstairs downstairs unchanged tbd tbc tba pending sso ldap manual automatic ' +
    'whatever wherever printed taped written what which who whom whose where when why how yes no true false anyone someone everyone nobody sorry oops wait hmm actually anyway correction ' +
    // (In the cues' languages: expired, forgotten, see, ask, in, unchanged, "with", "on request".)
    'abgelaufen vergessen geändert unverändert siehe frag fragen scaduta scaduto scadute dimenticata cambiata vedi chiedi expiré expirée oublié ' +
    'voir demande demander caducó caducada caducado olvidada cambiada ver pregunta pídesela pídela expirou expirada esquecida veja pergunte ' +
    'verlopen vergeten gewijzigd zie vraag utgånget glömt ändrat fråga wygasło zapomniane patrz zapytaj süresi doldu').split(' '),
);
/** Verbs that open a request or a pointer, not a value: "ask Dana", "see KeePass", "check the binder". */
const REQUEST_WORDS = new Set('ask see check call contact use try read look find get visit refer sent send same text ping dm email mail message'.split(' '));
/** First halves of hyphenated English compounds ("self-service", "one-time", "two-factor", "re-enter"). */
const COMPOUND_HEADS = new Set('self auto re pre non multi co semi anti one two three single double half well long short high low full part follow built opt log sign e x'.split(' '));
/** The words that name a password or a login, never its value. */
const CUE_WORDS = /^(?:pass|password|passwort|passwd|passphrase|passcode|pw|pwd|pin|code|key|secret|login|logon|user|username|wifi|wi-fi|wlan|network|kennwort|mdp|senha|contraseña|wachtwoord|hasło|lösenord|şifre|credentials|creds|account)$/i;

/** Whether a lower-case English word ends as a verb's or an adverb's form does, its stem a word: "working", "quickly", "expired". */
function isInflected(w: string): boolean {
  if (/[^e]ed$/.test(w) && w.length >= 5) return true;
  const stem = /^(\p{L}{3,})(?:ing|ly)$/u.exec(w)?.[1];
  return stem !== undefined && [stem, `${stem}e`].some((x) => ENGLISH_TIER.has(x) || JARGON_WORDS.has(x));
}

/** A word that says what a password is, where it is or what to do, not what it is: no passphrase's word. */
export function isProseWord(word: string): boolean {
  const w = word.toLowerCase();
  return (
    !isChosenWord(w) ||
    isFunctionWord(w) ||
    CLAUSE_WORDS.has(w) ||
    CHAT_WORDS.has(w) ||
    STATE_WORDS.has(w) ||
    REQUEST_WORDS.has(w) ||
    PASSWORD_PROSE.test(w) ||
    PASSWORD_COMPOUND.test(w) ||
    CUE_WORDS.test(w) ||
    isForeignFunctionWord(w) ||
    isInflected(w) ||
    (/(?:ous|ful|less|able|ible)$/.test(w) && w.length >= 7 && ENGLISH_TIER.has(w))
  );
}

/** Each word's case: lower, UPPER or Title. */
const ONE_CASE_PART = /^(?:\p{Ll}+|\p{Lu}+|\p{Lu}\p{Ll}+)$/u;

export type PassphraseKind = 'joined' | 'run' | 'word';

/**
 * What kind of passphrase a token is, or undefined: words joined by one of - . _ + ("copper-lantern",
 * "Knuffel.Eekhoorn", "pearl+bold"), a run of words ("HopeHoneyPancake", "harborviolintundra",
 * "KERNELGENEVAHONEY"), or one ordinary word ("crystal", "Knuffel", "DUMPLING", "mañana"); not a word
 * of prose, a host's or a file's name, a placeholder, a product's or a class's name.
 */
export function passphraseKind(token: string): PassphraseKind | undefined {
  if (token.length < 3 || token.length > 64 || PLACEHOLDER.test(token) || FINDING_TAG.test(token)) return undefined;
  if (isCodeValue(token)) return undefined;
  const joiners = token.match(/[-._+]/g);
  if (joiners !== null) {
    if (new Set(joiners).size !== 1 || !/^\p{L}{2,}(?:[-._+]\p{L}{2,})+$/u.test(token)) return undefined;
    const parts = token.split(/[-._+]/);
    if (!parts.every((p) => ONE_CASE_PART.test(p))) return undefined;
    const lower = parts.map((p) => p.toLowerCase());
    // (A host or a file: "notes.txt", "api.example.com"; a compound of prose: "case-sensitive", "self-service", "follow-up".)
    if (joiners[0] === '.' && NAME_SUFFIX.test(lower[lower.length - 1] ?? '')) return undefined;
    if (lower.some((p) => isFunctionWord(p) || CLAUSE_WORDS.has(p))) return undefined;
    if (parts.length === 2 && joiners[0] === '-' && (COMPOUND_HEADS.has(lower[0] ?? '') || lower.some((p) => isProseWord(p)))) return undefined;
    if (lower.every((p) => isProseWord(p))) return undefined;
    return 'joined';
  }
  if (!/^\p{L}+$/u.test(token)) return undefined;
  const lower = token.toLowerCase();
  // (A product's name that is no English word: "Bitwarden", "KeePass"; "Copper", "Notion" are words too.)
  if (PRODUCT_WORDS.has(lower) && !ENGLISH_TIER.has(lower)) return undefined;
  // Words in CamelCase: "HopeHoneyPancake", "MadridEmber"; not a class's or a product's ("UserService", "GitHub").
  const humps = token.match(/\p{Lu}\p{Ll}+/gu);
  if (/^(?:\p{Lu}\p{Ll}+){2,}$/u.test(token) && humps !== null) {
    return humps.every((h) => h.length >= 3) && !CODE_TAIL.test(humps[humps.length - 1] ?? '') ? 'run' : undefined;
  }
  if (!ONE_CASE_PART.test(token)) return undefined;
  if (isProseWord(lower)) return undefined;
  return token.length >= 10 && !ENGLISH_TIER.has(lower) ? 'run' : 'word';
}
/** Last words of classes and products ("UserService", "LastPass"). */
const CODE_TAIL = /^(?:Service|Client|Server|Handler|Factory|Manager|Controller|Exception|Error|Provider|Helper|Config|Settings|Options|Builder|Adapter|Module|Component|View|Model|Store|Vault|Pass|Keeper|Hub|Labs?|Cloud|Box|Drive|Desk|Point|Script|Base|Bot|App|Api|Id|Key|Token|Test|Spec|Net|Soft|Ware|Works|Tech|Data|File|Page|Portal|Center|Studio|Suite|Flow|Sync|Shop|Mail|Chat|Space|Stack|Validator|Request|Response|Event|Type|List|Map|Set|Queue|Job|Task|Worker|Runner|Loader|Reader|Writer|Parser|Pro)$/;

/** Two to four words with spaces that read as one passphrase where its extent is certain: one case, none a word of prose. */
export function isSpacedWords(run: string): boolean {
  const words = run.trim().split(/[ \t]+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{L}{2,}$/u.test(w))) return false;
  const lower = words.every((w) => /^\p{Ll}+$/u.test(w));
  const upper = words.every((w) => /^\p{Lu}+$/u.test(w));
  const title = words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
  if (!(lower || upper || title)) return false;
  return !words.some((w) => isProseWord(w) || PRODUCT_WORDS.has(w.toLowerCase()) || JARGON_WORDS.has(w.toLowerCase()) && title);
}

/** What ends a value's clause: punctuation, the line's end, a dash or a bracket, a word that starts the next clause. */
const CLAUSE_AFTER =
  /^(?:[.,;!?:)\]]*[ \t]*(?:\r?\n|$)|[,;)\]][ \t]|[.!?][ \t]+\p{Lu}|[ \t]*[,;]|[ \t]+(?:[-–—(]|<-|←|!!)|[ \t]+(?:and|if|but|so|until|till|unless|or|then|when|lol|btw|thx|pls|please|for[ \t]+now|for[ \t]+the|for[ \t]+your|on[ \t]+first)(?![\p{L}]))/u;

/** A token at the start of `s`: quotes or square brackets around it left out, sentence punctuation after it too. */
function tokenAt(s: string): { start: number; end: number; quoted: boolean } | undefined {
  const q = /^(["'`“‘«„]|\[{1,2})/.exec(s)?.[1];
  if (q !== undefined) {
    const close = q === '“' || q === '„' ? /[”“]/ : q === '‘' ? /’/ : q === '«' ? /»/ : q.startsWith('[') ? /\]/ : new RegExp(q);
    const inner = s.slice(q.length);
    const at = inner.search(close);
    if (at < 2 || /\n/.test(inner.slice(0, at))) return undefined;
    return { start: q.length, end: q.length + at, quoted: true };
  }
  const m = /^[^\s"'`“”‘’«»()[\]]+/u.exec(s)?.[0];
  if (m === undefined) return undefined;
  const word = m.replace(/[.,;:!?]+$/, '');
  return word === '' ? undefined : { start: 0, end: word.length, quoted: false };
}

/** How sure the slot is of its value: a strong slot takes one ordinary word, a weak one a passphrase's shape only (or a word no common English one). */
type Strength = 'strong' | 'weak';

/**
 * The value at the start of `s` (after the link), as a range into `s`: a token the clause ends with
 * (or quoted), or, where `spaced`, two to four words to the line's end.
 */
export function readPassphrase(s: string, strength: Strength, spaced: boolean, foreign = false): [number, number] | undefined {
  const t = tokenAt(s);
  if (t === undefined) return undefined;
  const value = s.slice(t.start, t.end);
  // (A word in capitals or an unknown one in square brackets marks what was hidden: "[UKRYTE]", "[oculta]".)
  if (s.startsWith('[') && /^\p{L}+$/u.test(value) && (value === value.toUpperCase() || (value === value.toLowerCase() && !ENGLISH_TIER.has(value)))) return undefined;
  // (An unknown word in lower case after a cue of another language is that language's prose as often: "hasło jest nieprawidłowe", "Şifre: kasada".)
  if (foreign && /^\p{Ll}+$/u.test(value) && !ENGLISH_TIER.has(value)) return undefined;
  const after = s.slice(t.end + (t.quoted ? 1 : 0));
  if (t.quoted ? /\s/.test(value) : false) {
    return isSpacedWords(value) ? [t.start, t.end] : undefined;
  }
  if (t.quoted || CLAUSE_AFTER.test(after)) {
    const kind = passphraseKind(value);
    if (kind === 'joined' || kind === 'run' || (kind === 'word' && acceptsWord(value, strength))) return [t.start, t.end];
    if (kind === undefined || t.quoted) return undefined;
  }
  if (!spaced) return undefined;
  const line = /^[^\n]*/.exec(s)?.[0] ?? '';
  const run = line.replace(/[ \t]*[.!]?[ \t]*\r?$/, '');
  return isSpacedWords(run) ? [0, run.length] : undefined;
}

function acceptsWord(word: string, strength: Strength): boolean {
  if (strength === 'strong') return word.length >= 3;
  // (After a user's name the value is a thing or a place: not the commonest English words, which as often go on a clause.)
  return word.length >= 4 && (ENGLISH_TIER.get(word.toLowerCase()) ?? 9) >= 2;
}

// ---------------------------------------------------------------------------------------------
// The slots.
// ---------------------------------------------------------------------------------------------

/** Cues that name a login, a user and a password. */
const LOGIN_CUE = /^(?:credentials?|creds|zugangsdaten)$/i;
/** More links than a cue's usual ones: a form's dots ("PW ....... X"), "still" ("is the wifi pw still X"), "to" after a verb that sets. */
const DOTS_OR_STILL = /^(?:[ \t]*\.{3,}[ \t]*|[ \t]+still[ \t]+|[ \t]+(?:to|on)[ \t]+)/i;
const SETS_BEFORE = /(?:^|[^\p{L}])(?:set|reset|changed|change|updated|switched)(?:[ \t]+[\p{L}'’-]+){0,4}[ \t]*$/iu;
/** A line's start, a list's mark, a dash that sets a clause apart, or a user's name and its key before the cue: a form's field. */
const FIELD_BEFORE = /^[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]+$|[ \t][-–—][ \t]*$|,[ \t]*$|(?:^|[^\p{L}])(?:user(?:name)?|utente|usuario|usuário|identifiant|benutzer(?:name)?|gebruiker(?:snaam)?|login|u)[ \t]*(?:[:=]|is)?[ \t]*[^\s,:]{2,40}(?:,|[ \t]+(?:y|e|et|und|en|and))?[ \t]+$/iu;
/** A user's name on the line above: "dein Benutzername: jdoe" then "Passwort X". */
const USER_ABOVE = /(?:^|[^\p{L}])(?:user(?:name)?|benutzer(?:name)?|utente|usuario|usuário|identifiant|login|gebruiker(?:snaam)?)[ \t]*[:=]?[ \t]*[^\s,]{2,40}[ \t]*\r?$/iu;
/** Cues in English: after them an unknown word is no English prose. */
const ENGLISH_CUE = /^(?!passw[oö]rt|passord|parola)(?:pass\p{L}*|pw|pwd|psw|p\/w|secret|creds?|credentials?|key|magic word|wifi|wi-fi|(?:wi-?fi|network|wpa2?|guest)\s+\p{L}+)$/iu;
/** A user's key after the value: "pwd X for the scanner, user is jdoe". */
const USER_AFTER = /^[^\n]{0,40}?(?:^|[^\p{L}])(?:user(?:name)?|login)[ \t]+(?:is[ \t]+|[:=][ \t]*)\S/iu;

/** Cues besides the listed words: "the magic word", "wifi =", "the key for the USB stick is". */
function* extraCues(text: string): Generator<{ index: number; cue: string }> {
  const lower = lowerOf(text);
  for (let i = lower.indexOf('magic word'); i !== -1; i = lower.indexOf('magic word', i + 10)) yield { index: i, cue: text.slice(i, i + 10) };
  for (let i = lower.indexOf('wifi'); i !== -1; i = lower.indexOf('wifi', i + 4)) if (/^[ \t]*=[^=]/.test(text.slice(i + 4, i + 8)) && !/[\p{L}\d_-]/u.test(text[i - 1] ?? '')) yield { index: i, cue: text.slice(i, i + 4) };
  for (let i = lower.indexOf('key for '); i !== -1; i = lower.indexOf('key for ', i + 8)) if (!/[\p{L}\d_-]/u.test(text[i - 1] ?? '')) yield { index: i, cue: text.slice(i, i + 3) };
}

/** The value tied to a cue on its line by a link, or right after it in a form's field; or on the next line when the cue ends its line. */
function* afterCues(text: string, cues: ReadonlyArray<{ index: number; cue: string }>): Generator<PiiSpan> {
  for (const { index, cue } of cues) {
    const cueEnd = index + cue.length;
    const lineEnd = text.indexOf('\n', cueEnd);
    const rest = text.slice(cueEnd, lineEnd === -1 ? Math.min(text.length, cueEnd + 300) : lineEnd);
    const next = /^[\s:]*([\p{L}-]+)/u.exec(rest)?.[1] ?? '';
    if (PASSWORD_COMPOUND.test(next) && !/^[ \t]+(?:reset|change|changes)[ \t]+to[ \t]/i.test(rest)) continue;
    // (A label's line, not a paragraph's wrapped at the cue: "… and a large passwd" then "file.".)
    const label = index - (text.lastIndexOf('\n', index - 1) + 1) <= 30 || /[:：👇⬇↓][ \t]*\r?$/u.test(rest);
    if (lineEnd !== -1 && label && CUE_ENDS_LINE.test(rest) && !/[,;\t|]/.test(text[index - 1] ?? '')) {
      // The value alone on the next line (a blank line between allowed), a quote's mark before it.
      const at = lineEnd + 1 + (/^[ \t]*\r?\n/.exec(text.slice(lineEnd + 1))?.[0].length ?? 0);
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end === -1 ? text.length : end).replace(/\r$/, '');
      const lead = /^[ \t]*(?:>[ \t]*)?/.exec(line)?.[0].length ?? 0;
      const v = wholeLine(line.slice(lead));
      if (v !== undefined) yield { start: at + lead + v[0], end: at + lead + v[1] };
      continue;
    }
    // (After a login's cue the first word is the user's: "creds: jdoe (pw in 1Password)".)
    if (LOGIN_CUE.test(cue)) continue;
    // (An aside between dashes before the link: "the passwort — sorry, autocorrect — is X".)
    const aside = /^[ \t]+[—–][^—–\n]{1,40}[—–]/.exec(rest)?.[0].length ?? 0;
    const owner = aside + (OWNER_THEN_LINK.exec(rest.slice(aside))?.[0].length ?? 0);
    const linked = rest.slice(owner);
    const link = CUE_LINK.exec(linked)?.[0] ?? DOTS_OR_STILL.exec(linked)?.[0];
    const bareTo = link !== undefined && /^[ \t]+(?:to|on)[ \t]+$/i.test(link);
    if (link !== undefined && (!bareTo || SETS_BEFORE.test(text.slice(Math.max(0, index - 40), index)) || /^(?:has[łl]o|salasana\p{L}*)$/iu.test(cue))) {
      const from = cueEnd + owner + link.length;
      const tail = text.slice(from, lineEnd === -1 ? text.length : lineEnd);
      const v = readPassphrase(tail, 'strong', true, !ENGLISH_CUE.test(cue));
      // (An unknown word that a clause goes on from is another language's prose: "Password: invariata, chiedi a Lena".)
      const goesOn = v !== undefined && /^\p{Ll}+$/u.test(tail.slice(v[0], v[1])) && !ENGLISH_TIER.has(tail.slice(v[0], v[1])) && /^[ \t]*,?[ \t]+\p{L}/u.test(tail.slice(v[1]));
      if (v !== undefined && !goesOn) yield { start: from + v[0], end: from + v[1] };
      continue;
    }
    // No link: a form's field ("Passwort Knuffel", "identifiant jdoe, mot de passe archive, …"), not after a plural.
    const space = /^[ \t]+/.exec(rest)?.[0].length;
    if (space === undefined || /s$/i.test(cue)) continue;
    const from = cueEnd + space;
    const tail = text.slice(from, lineEnd === -1 ? text.length : lineEnd);
    // (A user's name before it, on its line or the one above, or after it; or a list's step: a form's field. Not a
    // cue at a line's start alone: "senha incorreta", "Kennwort zurückgesetzt" are states.)
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    const above = text.slice(Math.max(0, text.lastIndexOf('\n', lineStart - 2) + 1), Math.max(0, lineStart - 1));
    const field = FIELD_BEFORE.test(text.slice(Math.max(lineStart, index - 60), index)) || USER_AFTER.test(tail) || USER_ABOVE.test(above);
    const v = readPassphrase(tail, 'strong', field, !ENGLISH_CUE.test(cue) && !field);
    if (v === undefined) continue;
    const kind = passphraseKind(tail.slice(v[0], v[1]));
    if (field || kind === 'joined' || kind === 'run') yield { start: from + v[0], end: from + v[1] };
  }
}

/** The answer to a question that names a password, when its line is one passphrase (see {@link wholeLine}). */
export function answerLine(line: string): [number, number] | undefined {
  return wholeLine(line);
}

/** A value that is all of its line: one token (any passphrase) or two to four words. */
function wholeLine(line: string): [number, number] | undefined {
  const v = readPassphrase(line, 'strong', true);
  if (v === undefined) return undefined;
  // (One word and a full stop is a sentence's end: "file.")
  const tail = line.slice(v[1]);
  return /^["'”’»`\]]{0,2}[ \t]*!?[ \t]*$/.test(tail) || (/^["'”’»`\]]{0,2}[ \t]*\.[ \t]*$/.test(tail) && !/^\p{L}+$/u.test(line.slice(v[0], v[1]))) ? v : undefined;
}

/** A link before a cue, the value at its line's start: "X is the new passphrase for …", "X <- new password", "X - that's the wifi key", "X (that's the router login)", "X c'est le mot de passe". */
const VALUE_THEN_LINK =
  /^[ \t]*(?:[-*][ \t]+)?(\S+?)(?:,?[ \t]+(?:is|was|c['’]est|ist|è|é|är|es|est|jest|er)[ \t]+(?:the|my|our|your|a|an|het|de|das|der|die|le|la|el|il|det|den|o|new|nieuwe|neue|neues|nouveau|nuevo|nueva|nuova|nova|novo|nya|nye)[ \t]+|[ \t]*(?:<-+|←)[ \t]*|[ \t]+[-–—][ \t]+(?:that['’]?s|this is|is)[ \t]+|[ \t]*\((?:that['’]?s[ \t]+|this is[ \t]+)?)(?:[\p{L}-]+[ \t]+){0,3}$/iu;
/** A line that points back at the line above: "^ that's the VPN password", "↑ new pw". */
const POINTS_UP = /^[ \t]*(?:\^+|↑|☝\uFE0F?)[ \t]*(?:[\p{L}'’-]+[ \t]+){0,5}$/u;
/** "(currently X)", "(still X)" right after the cue. */
const CURRENTLY = /^[ \t]*\((?:currently|now|still|was|is)[ \t]+([^\s()]{3,64})\)/i;
/** "it's still X (the printer admin pw)": a value, then the cue in brackets that close after it. */
const VALUE_THEN_BRACKET = /(?:^|[ \t](?:is|still|currently|now|it['’]s|its)[ \t]+)(\S+)[ \t]+\((?:that['’]?s[ \t]+|this is[ \t]+)?(?:the|my|our|your)?[ \t]*(?:[\p{L}-]+[ \t]+){0,3}$/iu;

/** "It's X. The ": a value, then the sentence that names it starts. */
const IT_IS_THEN_CUE = /(?:^|[.!?][ \t]+)it['’]?s[ \t]+(\S+?)[.!][ \t]+(?:the|my|our|that['’]?s[ \t]+the)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}$/iu;

function* beforeCues(text: string, cues: ReadonlyArray<{ index: number; cue: string }>): Generator<PiiSpan> {
  for (const { index, cue } of cues) {
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    const head = text.slice(lineStart, index);
    const after = text.slice(index + cue.length, index + cue.length + 60);
    // (A question about it names none: "what is the wifi password?"; nor a compound about passwords: "access.kdbx is the password policy doc".)
    if (/^[ \t]*\?/.test(after) || PASSWORD_COMPOUND.test(/^[ \t]+([\p{L}-]+)/u.exec(after)?.[1] ?? '')) continue;
    const currently = CURRENTLY.exec(after);
    if (currently !== null) {
      const at = index + cue.length + currently[0].length - 1 - (currently[1] ?? '').length;
      const v = readPassphrase(text.slice(at, at + (currently[1] ?? '').length + 1), 'strong', false);
      if (v !== undefined) yield { start: at + v[0], end: at + v[1] };
      continue;
    }
    const m = VALUE_THEN_LINK.exec(head) ?? (/^(?:[ \t]+(?:for|on|of)[ \t]+[^()\n]{1,30})?\)/.test(after) ? VALUE_THEN_BRACKET.exec(head) : null);
    if (m !== null) {
      // (The link ends the value: its quotes and a comma before the link are no part of it.)
      const raw = m[1] ?? '';
      const value = raw.replace(/^["'`“‘]+/, '').replace(/["'`”’,]+$/, '');
      const at = lineStart + m.index + m[0].indexOf(raw) + raw.indexOf(value);
      // (A greeting or a word of chat before a comma opens a question: "hey, is the wifi password X?".)
      const opener = raw.endsWith(',') && (CHAT_WORDS.has(value.toLowerCase()) || /^(?:hey|hi|hello|yo|ok|so|well|also|sorry|guys|team|folks|all|quick q(?:uestion)?)$/i.test(value));
      if (value !== '' && !opener && passphraseKind(value) !== undefined) yield { start: at, end: at + value.length };
      continue;
    }
    // "It's X. The password, I mean.": the value, then a sentence that names it.
    const named = /^[ \t]*[,.!]/.test(after) ? IT_IS_THEN_CUE.exec(head) : null;
    if (named !== null) {
      const at = lineStart + named.index + named[0].indexOf(named[1] ?? '', named[0].search(/it/i) + 3);
      const v = readPassphrase(text.slice(at, at + (named[1] ?? '').length + 2), 'strong', false);
      if (v !== undefined && v[0] === 0) yield { start: at, end: at + v[1] };
      continue;
    }
    // The value alone on the line above, this line pointing up at it.
    if (lineStart >= 2 && POINTS_UP.test(head)) {
      const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = text.slice(prevStart, lineStart - 1).replace(/\r$/, '');
      const lead = /^[ \t]*/.exec(prev)?.[0].length ?? 0;
      const v = wholeLine(prev.slice(lead));
      if (v !== undefined) yield { start: prevStart + lead + v[0], end: prevStart + lead + v[1] };
    }
  }
}

/** Cues that name a login, before a value: "X (that's the router login)", "X <- creds for the test box". */
function* loginCues(text: string): Generator<{ index: number; cue: string }> {
  const lower = lowerOf(text);
  for (const word of ['login', 'creds']) {
    for (let i = lower.indexOf(word); i !== -1; i = lower.indexOf(word, i + word.length)) {
      if (!/[\p{L}\d_]/u.test(text[i - 1] ?? '') && !/[\p{L}\d_]/u.test(text[i + word.length] ?? '')) yield { index: i, cue: text.slice(i, i + word.length) };
    }
  }
}

/** Whether a login's name: lower case, a dot, an underscore, a hyphen or digits allowed ("jdoe", "a.nowak", "svc_backup", "lab-user"). */
const USER_NAME = /^[a-z][a-z0-9._-]{1,31}$/;
const ACCOUNT_WORDS = /^(?:admin|administrator|root|ops|deploy|pi|guest|user|kiosk|reception|frontdesk|service|support|operator|sysadmin|test|demo|staff)$/;
/** "user jdoe pass X", "login ops pw X": a user and a password's cue in a row. */
const USER_THEN_PASS = /(?<![\p{L}\d_])(?:user(?:name)?|login)[ \t]*[:=]?[ \t]+([^\s,:]{2,40}),?[ \t]+(?:pass|pw|pwd|password)[ \t]*[:=]?[ \t]+/giu;
/** "login with ops and X", "inloggen met jdoe en X", "log in as root / X". */
const LOGIN_WITH_AND = /(?<![\p{L}])(?:log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in|inloggen|einloggen|anmelden|connecte[sz]?-(?:toi|vous)|entra|entrar|accedi)[ \t]+(?:with|as|using|met|mit|avec|con|com)[ \t]+([^\s,]{2,40})[ \t]+(?:and|en|und|et|y|e|\/)[ \t]+/giu;
/** "use X to log in", "try X as the password", "type X and hit enter". */
const USE_VALUE = /(?<![\p{L}])(?:use|try|type|enter)[ \t]+(["'`“]?[\p{L}][\p{L}._+-]{1,63}["'`”]?)[ \t]+(?:to[ \t]+(?:log|sign)[ \t-]?in|as[ \t]+(?:the|my|your|our)[ \t]+(?:[\p{L}-]+[ \t]+){0,3}(?:password|passphrase|passwort|pw|pass)|and[ \t]+(?:hit|press)[ \t]+(?:enter|return))(?![\p{L}])/giu;

/** A login's pair or a user and the cue of a password before the value; and the lines of a login under its cue. */
const CREDS_USER = /(?<![\p{L}])(?:creds|credentials|login)[ \t]*:[ \t]*([a-z][a-z0-9._-]{1,31})[ \t]+(?=\S)/giu;
const USER_SLASH = /(?:^|[:→][ \t]*|->[ \t]*|[ \t](?:is|login)[ \t]+)([a-z][a-z0-9._-]{1,31})[ \t]+\/[ \t]+(?=[^\s\/])/gmu;

function* loginPairs(text: string): Generator<PiiSpan> {
  const lower = lowerOf(text);
  if (lower.includes('user') || lower.includes('login')) {
    for (const m of execAll(USER_THEN_PASS, text)) {
      const from = (m.index ?? 0) + m[0].length;
      const v = readPassphrase(text.slice(from, from + 120), 'strong', true);
      if (v !== undefined) yield { start: from + v[0], end: from + v[1] };
    }
  }
  if (/log|sign|inlog|anmeld|connect|entra|acced/i.test(text)) {
    for (const m of execAll(LOGIN_WITH_AND, text)) {
      const from = (m.index ?? 0) + m[0].length;
      const v = readPassphrase(text.slice(from, from + 120), 'weak', false);
      if (v !== undefined) yield { start: from + v[0], end: from + v[1] };
    }
  }
  if (/use|try|type|enter/i.test(text)) {
    for (const m of execAll(USE_VALUE, text)) {
      const raw = m[1] ?? '';
      const bare = raw.replace(/^["'`“]|["'`”]$/g, '');
      const at = (m.index ?? 0) + m[0].indexOf(raw) + (raw.length - raw.replace(/^["'`“]/, '').length);
      const v = readPassphrase(bare + ' and', 'weak', false);
      if (v !== undefined && v[1] === bare.length) yield { start: at, end: at + bare.length };
    }
  }
  // "creds: jdoe X": a login's cue, the user, the password.
  if (lower.includes('cred') || lower.includes('login')) for (const m of execAll(CREDS_USER, text)) {
    const from = (m.index ?? 0) + m[0].length;
    const v = readPassphrase(text.slice(from, from + 80), 'weak', false);
    if (v !== undefined) yield { start: from + v[0], end: from + v[1] };
  }
  // "jdoe / X", "meeting room tablet: ops / X", "the login for the kiosk is admin / X".
  // (The pattern needs a slash between blanks.)
  if (/[ \t]\/[ \t]/.test(text)) {
    for (const m of execAll(USER_SLASH, text)) {
      const user = m[1] ?? '';
      const from = (m.index ?? 0) + m[0].length;
      const lineStart = text.lastIndexOf('\n', m.index ?? 0) + 1;
      const cue = /log|cred|account|tablet|kiosk|router|admin/i.test(text.slice(lineStart, (m.index ?? 0) + m[0].length - user.length));
      const strong = cue || /[._\d-]/.test(user) || ACCOUNT_WORDS.test(user);
      const lineEnd = text.indexOf('\n', from);
      const tail = text.slice(from, lineEnd === -1 ? text.length : lineEnd);
      const v = readPassphrase(tail, strong ? 'strong' : 'weak', true);
      if (v === undefined || !/^[ \t]*[.!]?[ \t]*(?:\r?$|\(|[-–—]|,)/.test(tail.slice(v[1] + (/["'`”\]]/.test(tail[v[1]] ?? '') ? 1 : 0)))) continue;
      const kind = passphraseKind(tail.slice(v[0], v[1]));
      if (strong || kind !== 'word' || kind === undefined) yield { start: from + v[0], end: from + v[1] };
    }
  }
  // Under a line that names a login ("backup share login", "here's the login for the old CRM"): "svc_backup:X", or the user's line then the value's.
  for (const { index } of loginCues(text)) {
    const lineEnd = text.indexOf('\n', index);
    if (lineEnd === -1 || !/^[\p{L}'’ \t]{0,40}:?[ \t]*\r?$/u.test(text.slice(index + 5, lineEnd))) continue;
    let at = lineEnd + 1;
    if (/^[ \t]*\r?\n/.test(text.slice(at))) at = text.indexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end).replace(/\r$/, '');
    const pair = /^[ \t]*([a-z][a-z0-9._-]{1,31}):(?=\S)/.exec(line);
    if (pair !== null) {
      const v = wholeLine(line.slice(pair[0].length));
      if (v !== undefined) yield { start: at + pair[0].length + v[0], end: at + pair[0].length + v[1] };
      continue;
    }
    if (end === -1 || !USER_NAME.test(line.trim())) continue;
    const nextEnd = text.indexOf('\n', end + 1);
    const valueLine = text.slice(end + 1, nextEnd === -1 ? text.length : nextEnd).replace(/\r$/, '');
    const v = wholeLine(valueLine);
    if (v !== undefined) yield { start: end + 1 + v[0], end: end + 1 + v[1] };
  }
}

/** A PIN's digits before "is the PIN", or after "PIN" and before a bracket or the clause's end. */
const PIN_DIGITS = /(?:^|[\s(])(\d{4,8})[ \t]+(?:is|was)[ \t]+(?:the|my|our|your)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}(?:PIN|pin|passcode|door[ \t]+code|code)(?![\p{L}])|(?<![\p{L}])PIN[ \t]+(\d{4,8})(?=[ \t]*(?:[.,;!)]|\(|\r?\n|$))|(?<![\p{L}])code[ \t]+(?:de[ \t]+la[ \t]+porte|de[ \t]+l['’]alarme|d['’]entrée|du[ \t]+portail)[ \t]+(?:est[ \t]+)?:?[ \t]*(\d{4,8})(?![\d])/gu;

const PIN_STEMS = ['pin', 'passcode', 'code'];

/** The passphrases of `text` that the rules of this file read (see its top). */
export function* findPassphrases(text: string): Generator<PiiSpan> {
  if (/PIN|code/.test(text) && /\d{4}/.test(text)) {
    // (Tried only around the words it cannot match without: on a long text the pattern at every position is slow.)
    for (const m of execAround(PIN_DIGITS, text, stemPositions(text, PIN_STEMS), 100, 60)) {
      const digits = m[1] ?? m[2] ?? m[3];
      if (digits === undefined) continue;
      const at = (m.index ?? 0) + m[0].indexOf(digits);
      yield { start: at, end: at + digits.length };
    }
  }
  yield* loginPairs(text);
  const cues = hasPasswordHint(text) ? [...passwordCues(text)] : [];
  const extra = [...extraCues(text)];
  if (cues.length + extra.length > 0) yield* afterCues(text, [...cues, ...extra]);
  const before = [...cues, ...extra.filter((c) => !/^wifi$/i.test(c.cue)), ...loginCues(text)];
  if (before.length > 0) yield* beforeCues(text, before);
  // "wifi" alone on its line, or with the network's name (a sticky note): the value alone on the next line.
  const lower = lowerOf(text);
  for (const w of ['wifi', 'wi-fi', 'wlan']) {
    for (let i = lower.indexOf(w); i !== -1; i = lower.indexOf(w, i + w.length)) {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const lineEnd = text.indexOf('\n', i);
      if (lineEnd === -1 || !/^[ \t]*$/.test(text.slice(lineStart, i)) || !/^(?:[ \t]+[^\s]{2,40})?[ \t]*:?[ \t]*\r?$/.test(text.slice(i + w.length, lineEnd))) continue;
      const end = text.indexOf('\n', lineEnd + 1);
      const line = text.slice(lineEnd + 1, end === -1 ? text.length : end).replace(/\r$/, '');
      const v = wholeLine(line);
      if (v !== undefined) yield { start: lineEnd + 1 + v[0], end: lineEnd + 1 + v[1] };
    }
  }
}
