import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { PASSWORD_PROSE, PLACEHOLDER, TEMPLATE_EXPRESSION, isChosenWord, isCodeValue, isCommonPassword, isFunctionWord, isMarkedValue, isSpacedPassphrase, isSymbolValue } from './password-values.ts';
import { HEX_ID, TRAILING_PUNCTUATION, hasPasswordShape, isJoinedWordsPassphrase, isLeetWord, isNumberedThing } from './password-shapes.ts';
import { execAround, stemPositions } from './anchor-windows.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// "code", "key" and "PIN" naming an access code: "the code for the conference room tablet is
// lemon~&97", "Key is Kürbis2", "temp key: ibH94 (expires in 24h)", "new code pelican 🔑",
// "just set the key to q1w2e3r4", "MAMMOTH 👈 code for the shared folder".
//
// These words name source code, a lookup key, a postal or an error code at least as often, so they
// are no cue of password-cues.ts (a name or a street next to them stays what it is). Here they are a
// cue only where nothing names another kind of code or key ("zip code", "error code", "primary key",
// "API key" is a secret and stays a cue), and only for a value a person would read as a secret:
// a password's shape, a quoted word that is no prose, one of the most used passwords; digits, a
// date-like value or a plain word only when the code is one of a lock, a device or a login
// ("for the safe", "door", "new", "temp").
// ---------------------------------------------------------------------------------------------

/** A superset of the cue words: texts without one are skipped. */
const ACCESS_HINT = /code|key|pin|k[oó]d|codice|c[óo]digo|combo|combination|lockbox|koodi/i;
/**
 * The cue: a word of its own ("keyboard", "pinned", "barcode" are none), not a path's or a handle's
 * part; plural only after a word of a lock or a login ("backup codes"); in the languages of the
 * street locales too, the words for a door's or a PIN's code among them ("Portkoden", "Türcode").
 */
const ACCESS_CUE =
  /(?<![a-zA-Z\u00C0-\u024F\d_@#$\/.])(?:codes?|keys?|pins?|combo|combination|keypad|lockbox|k[oó]d|k[oó]du|kodem|kode|koden|kodi|kodun|koodi|pincode|pinkoden?|portkoden?|dørkoden?|(?:tür|tor|alarm|zugangs)code|codice|c[óo]digo)(?![a-zA-Z\u00C0-\u024F\d_@-])/gi;
/** Cues that name a lock's code whatever stands before them: digits after them are its value ("Kapı kodu 188411", "bike lock combo 27-14-34"). */
const LOCK_CUE = /^(?:pins?|combo|combination|keypad|lockbox|k[oó]d|k[oó]du|kodem|kode|koden|kodi|kodun|koodi|pincode|pinkoden?|portkoden?|dørkoden?|(?:tür|tor|alarm|zugangs)code|codice|c[óo]digo)$/i;
/** Words before the cue that make it another kind of code or key, which holds no secret. */
const OTHER_KIND = new Set(
  ('source error status exit return response http https zip postal post postcode area country language lang currency product license licence ' +
    'serial promo discount coupon voucher referral gift qr bar tax color colour hex sample example short dial dialing dialling project reference ref ' +
    'tracking confirmation booking order invoice customer sort bank swift bic routing iata airport station course module class sku item part model ' +
    'primary foreign partition composite unique hash ssh gpg pgp public rsa host signing cache idempotency map object json yaml registry shortcut hot ' +
    'function escape minor major byte op operation reason result event message zone time region state billing cost dress morse ' +
    'legacy clean new-style your-own genetic machine-readable cheat area-code cpt icd naics sic postleitzahl posta postal plz cep').split(' '),
);
/** Words right before the cue (one word between allowed) that make it a code of a lock, a device or a login. */
const ACCESS_KIND =
  /(?:^|[^a-zA-Z\u00C0-\u024F])(?:new|temp|temporary|old|current|default|initial|one-time|door|gate|alarm|entry|safe|lockbox|locker|keypad|access|unlock|wi-?fi|guest|network|wpa2?|tablet|room|building|garage|vault|padlock|bike|lock|otp|verification|2fa|mfa|sms|auth|security|recovery|backup|pairing|sim|phone|laptop|ipad|folder|drive|printer|router|archive|zip-file|encryption|decryption|api|admin|login)[ \t]+(?:[a-zA-Z\u00C0-\u024F-]{2,20}[ \t]+)?$/i;
/** Words of a login, a lock or a device earlier on the cue's line: "your key safe account (code: 7469)", "the loaner laptop's code". */
const ACCESS_NEAR = /(?<![a-zA-Z\u00C0-\u024F])(?:accounts?|log ?in|sign ?in|users?|safe|locks?|doors?|tablet|wi-?fi|laptop|phone|folder|drive|vault|alarm|gate|keypad|router|printer|server room|lockbox|machine|kiosk|cage|padlock|sejf|kluis|tresor|coffre|cassaforte|caja fuerte|cofre|pintu|kapı|dveří|porte|portail|portal|puerta|portone|tür|tor|deur|dør|drzwi|alarme|alarma|allarme)(?![a-zA-Z\u00C0-\u024F])/i;
/** What the code is for, after the cue: "for the conference room tablet", "to the server room", "voor de kluis". */
const OWNER = /^(?:[ \t]*\([^)\n]{1,40}\))?[ \t]+(?:for|to|of|on|at|voor|van|für|pour|para|per|do|dla|del|du|de(?:[ \t]+la)?|de[ \t]+l['’]|od|ke)[ \t]*(?:[\p{L}\d.@_'’-]+[ \t]+){0,4}?[\p{L}\d.@_'’-]+?(?=[ \t]*(?:[:=]|->|→|=>)|[ \t]+(?:is|was|will be|has been|ist|est|es|è|é|är|er|je|jest|wynosi|lautet|adalah|c['’]est)(?![\p{L}])|['’]s[ \t])|^[ \t]*\([^)\n]{1,40}\)(?=[ \t]*[:=])|^[ \t]+\p{L}{2,20}(?:[ \t]+\p{L}{2,20})?(?=[ \t]*:)/u;
/** Words after the cue that make it another kind of code: a postcode, a barcode, a tax code, source code. */
const OTHER_AFTER = /^[ \t]+(?:postal|postale|postais|pocztowy|pocztowego|poštovní|postnummer|de[ \t]+barras|fiscal|fiscale|fonte|source|ean|iso|país|pais|pays|paese|de[ \t]+país|review|freeze|base)(?![\p{L}])/iu;
/** What ties the cue (and its owner) to the value: a colon, '=', an arrow, "is", "'s". */
const LINK =
  /^(?:[ \t]*(?:[:=]|->|→|=>)|['’]s(?=[ \t])|[ \t]+(?:is|was|will be|has been|ist|est|es|è|é|är|er|je|jest|wynosi|lautet|adalah|c['’]est)(?:[ \t]+(?:now|still|just|currently|nu|jetzt|maintenant|ahora))?)(?![\p{L}])[ \t]*/iu;
/** A value in quotes of any kind. */
const QUOTED = /^(["'“‘«»„‹`])[ \u00a0]?([^"'”’»«“‹›`\n]{3,64}?)[ \u00a0]?["'”’»«“›`]/u;
/** Two keys pressed together ("Ctrl+Shift+P"), a public key's type, an identifier in code: what a key or a code is in prose about software. */
const NOT_A_SECRET = { test: (v: string): boolean => /^(?:(?:ctrl|cmd|alt|shift|option|opt|meta|win|super|fn)\+|ssh-|ecdsa-|-----)|[\/\\]|^[(\[{<][^)\]}>]*$/i.test(v) || /^[a-z]+(?:[_.][a-z]+)+$|^[a-z]+(?:[A-Z][a-z]+)+$/.test(v) };

/** A word of prose: a placeholder, another finding's tag, a reference in code, one of the commonest English words. */
function isProse(word: string): boolean {
  if (PLACEHOLDER.test(word) || /^\[[A-Z][A-Z_-]*\]/.test(word) || isCodeValue(word) || TEMPLATE_EXPRESSION.test(word) || PASSWORD_PROSE.test(word) || !isChosenWord(word)) return true;
  // ("key: password" under a Kubernetes secretKeyRef names which entry holds the secret.)
  if (/^(?:password|passwd|passwort|pass|pwd|pw|secret|token|key|code|pin)s?$/i.test(word)) return true;
  return /^\p{L}+$/u.test(word) && (ENGLISH_TIER.get(word.toLowerCase()) ?? 9) <= 2 && !isCommonPassword(word);
}

/** One token read as an access code: a password's shape, words run together, one of the most used passwords; more where the code is one of a lock or a login. */
function isCodeToken(token: string, access: boolean, alone = false): boolean {
  if (token.length < 4 || NOT_A_SECRET.test(token) || isProse(token) || (HEX_ID.test(token) && /[a-f]/i.test(token)) || /^0x[\da-f]+$/i.test(token)) return false;
  // Capitals and digits only are a reference's code where nothing names a lock or a login ("Code: EX8664", "Sales Rep Code: BSAD24").
  if (!access && /^[\p{Lu}\d]+$/u.test(token)) return false;
  if ((hasPasswordShape(token) && !isNumberedThing(token)) || isJoinedWordsPassphrase(token, true) || isCommonPassword(token) || isLeetWord(token)) return true;
  // Four or five letters and digits mixed ("Z6H8", "ibH94"), not a letter's prefix and a number ("E404", "AB12").
  if (/^(?=.*\p{L})(?=.*\d)[\p{L}\d]{4,5}$/u.test(token) && !/^(?:\p{Lu}{1,3}|\p{Ll}{1,3})-?\d+$/u.test(token)) return true;
  // A year and a word ("2001lantern", "1992dishwasher"), which a count's shape ("90days") does not explain away here.
  if (isSymbolValue(token) || /^(?:19|20)\d\d\p{L}{3,}$/u.test(token)) return true;
  if (!access) return false;
  // Words joined by a hyphen, a dot or an underscore, not all of the commonest ("Cloud-staple", not "self-service").
  if (/^\p{L}{3,}(?:[-_.+]\p{L}{3,}){1,4}$/u.test(token)) return token.split(/[-_.+]/).some((w) => (ENGLISH_TIER.get(w.toLowerCase()) ?? 9) >= 3);
  if (/^\d{4,12}$/.test(token) || isMarkedValue(token)) return true;
  // A chosen word: capitalised or in capitals and rarer than prose ("Snapdragon", "MAMMOTH"), or a rarer word in lower case.
  // (A product's name is written capitalised: "use Docker for the key"; "new code pelican 🔑" is a chosen word.)
  if (!/^\p{L}{4,32}$/u.test(token) || JARGON_WORDS.has(token.toLowerCase()) || (token !== token.toLowerCase() && PRODUCT_WORDS.has(token.toLowerCase()))) return false;
  const tier = ENGLISH_TIER.get(token.toLowerCase());
  // (A lower-case word no list holds is as often another language's prose: "Il codice del portone è cambiato ieri".)
  return token === token.toLowerCase() ? (tier !== undefined && tier >= 3) || (tier === undefined && alone) : tier !== 1;
}

/** Words in quotes read as one code: no word of prose, three or more, or two rarer than the commonest. */
function isQuotedWords(inner: string): boolean {
  const words = inner.split(/[\s,]+/).filter((w) => w !== '');
  if (words.length < 2 || words.length > 6 || words.some((w) => isFunctionWord(w) || !isChosenWord(w) || !/^[\p{L}\d]+$/u.test(w))) return false;
  return words.length >= 3 || words.every((w) => (ENGLISH_TIER.get(w.toLowerCase()) ?? 9) >= 2);
}

/** Digits read out, as a voicemail's transcript has them: "four zero eight five oh seven", "un sept six sept un", "vier sechs acht". */
const DIGIT_WORD =
  '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|zéro|un|deux|trois|quatre|cinq|sept|huit|neuf|null|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)';
const SPOKEN_DIGITS = new RegExp(`^${DIGIT_WORD}(?:,?[ \\t]+${DIGIT_WORD}){3,15}(?![\\p{L}])`, 'iu');

/** The value at the start of `tail` (after a link, an arrow or on a line of its own), as [start, end) into `tail`. */
function codeValueAt(tail: string, access: boolean): [number, number] | undefined {
  const spoken = access ? SPOKEN_DIGITS.exec(tail) : null;
  if (spoken !== null && spoken[0].trim().split(/[ \t,]+/).length >= 4) return [0, spoken[0].replace(/[ \t,]+$/, '').length];
  const quoted = QUOTED.exec(tail);
  const inner = quoted?.[2];
  if (quoted !== null && inner !== undefined) {
    const start = quoted[0].indexOf(inner);
    const one = !/\s/.test(inner);
    if (one ? !NOT_A_SECRET.test(inner) && !isProse(inner.replace(/[.!?]+$/, '')) && inner.length >= 3 : isQuotedWords(inner)) return [start, start + inner.length];
    return undefined;
  }
  const raw = /^[^\s"'`”’]+/u.exec(tail)?.[0];
  if (raw === undefined) return undefined;
  // A final '!' or '?' belongs to the value only where the word is no question ("still X?").
  const token = raw.replace(TRAILING_PUNCTUATION, '').replace(/(?<=[\p{L}\d])\?$/u, '');
  const alone = /^[ \t]*(?:[.,;!?)]|\r?\n|$|\p{Extended_Pictographic})/u.test(tail.slice(raw.length));
  return isCodeToken(token, access, alone) ? [0, token.length] : undefined;
}

/** The line after `at` when the cue's clause ends its line ("the code is:", "Code below 👇"): its one value, or a passphrase of words. */
function valueOnNextLine(text: string, at: number, access: boolean): PiiSpan | undefined {
  const lineEnd = text.indexOf('\n', at);
  if (lineEnd === -1 || !/^[ \t]*(?:[:：]|(?:below|here|follows)[ \t]*:?|[👇⬇↓]+)?[ \t]*[👇⬇↓]*[ \t]*\r?$/u.test(text.slice(at, lineEnd))) return undefined;
  // (A hand or "below" pointing at the next line gives what is on it: "Key below 👇" then "falafel".)
  if (/below|here|follows|[👇⬇↓]/u.test(text.slice(at, lineEnd))) access = true;
  const start = lineEnd + 1 + (/^[ \t]*\r?\n/.exec(text.slice(lineEnd + 1))?.[0].length ?? 0);
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end === -1 ? Math.min(text.length, start + 200) : end).replace(/[ \t\r]+$/, '');
  const lead = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  const body = line.slice(lead);
  if (/^\S+$/u.test(body) || QUOTED.test(body)) {
    // (A line of code is no code to a lock: "console.log(x)", "x = 1;".)
    const quoted = /^["'“‘«„`]/u.test(body);
    if (!quoted && /[();{}<>=]/.test(body)) return undefined;
    const bare = body.replace(TRAILING_PUNCTUATION, '');
    const v: [number, number] | undefined = quoted ? codeValueAt(body, access) : isCodeToken(bare, access, true) ? [0, bare.length] : undefined;
    if (v !== undefined && body.slice(v[1]).replace(/^["'”’»“›`]/u, '').trim() === '') return { start: start + lead + v[0], end: start + lead + v[1] };
    return undefined;
  }
  // (Words only where the code is one of a lock or a login: "Here is the code:" then "npm run build" is a command.)
  return access && /^\p{L}{3,}(?:[ \t]+\p{L}{3,}){2,5}$/u.test(body) && body === body.toLowerCase() && isSpacedPassphrase(body) ? { start: start + lead, end: start + line.length } : undefined;
}

/** The word before the cue on its line, lower-cased, and whether a word before it makes the code one of a lock or a login. */
function kindBefore(text: string, index: number): { other: boolean; access: boolean } {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const head = text.slice(Math.max(lineStart, index - 60), index);
  const previous = /([\p{L}\d-]+)[ \t]*$/u.exec(head)?.[1]?.toLowerCase() ?? '';
  // (A cue that starts its line reads the line before: "Safe (finance office)" then "Code: 4471".)
  const above = head.trim() === '' && lineStart > 0 ? text.slice(Math.max(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 80), lineStart) : '';
  return { other: OTHER_KIND.has(previous), access: ACCESS_KIND.test(head) || ACCESS_NEAR.test(head) || ACCESS_NEAR.test(above) };
}

/** After the cue: its owner and link, then the value; an arrow; a value set apart in brackets; the next line. */
function* valuesAfterCue(text: string, index: number, cue: string, access: boolean): Generator<PiiSpan> {
  const cueEnd = index + cue.length;
  const lineEnd = text.indexOf('\n', cueEnd);
  const rest = text.slice(cueEnd, lineEnd === -1 ? Math.min(text.length, cueEnd + 300) : lineEnd);
  // (A word before a colon names no code after "pin" or "key", verbs and labels as often: "Pin nginx:1.27-alpine".)
  // ("Código postal: 8000-286", "kod pocztowy", "code postal": the postcode in the order of the language.)
  if (OTHER_AFTER.test(rest)) return;
  const owned = (OWNER.exec(rest)?.[0] ?? '').replace(/^[ \t]+\p{L}[^(]*$/u, (o) => (/^(?:pins?|keys?)$/i.test(cue) && !/^[ \t]+(?:for|to|of|on|at)[ \t]/i.test(o) ? '' : o));
  // (Words of a thing, not of a clause: "the spambayes code to tell me whether it's spam" names no code.)
  const things = owned.trim().split(/[ \t]+/).slice(1);
  if (/^(?:the|my|our|your|this|that|his|her|their|de|la|le|het|der|die|das|el)$/i.test(things[0] ?? '')) things.shift();
  const owner = owned.trimStart().startsWith('(') || things.every((w) => !isFunctionWord(w) && !/['’]/.test(w.replace(/^[ld]['’]/i, '')) && !/^(?:me|you|him|us|them|tell|make|do|get|see|run|use|check|whether|if|how|what|why)$/i.test(w)) ? owned.length : 0;
  // ('=' glued to the word is an attribute's or a setting's syntax, read by the rules of assignments: code="…", key=….)
  if (owner === 0 && /^=/.test(rest)) return;
  // (What it is for names a lock or a device; a word before a colon, or a remark in brackets, does not: "Code freeze: 2024-12-01".)
  const qualified = access || (owner > 0 && /^[ \t]+(?:for|to|of|on|at|voor|van|für|pour|para|per|do|dla|del|du|de|od|ke)(?![\p{L}])/iu.test(owned)) || LOCK_CUE.test(cue);
  // A lock's digits right after its cue, to the clause's end: "SIM PIN 430284, the PUK …", "bike lock combo 27-14-34", "Kapı kodu 188411.".
  const digits = LOCK_CUE.test(cue) ? /^[ \t]+(\d{3,12}|\d{1,3}(?:-\d{1,3}){1,3})(?=[ \t]*(?:[.,;!?)]|\r?\n|$)|[ \t]+(?:then|and|but|for)(?![\p{L}]))/u.exec(rest) : null;
  if (digits !== null && (digits[1]?.length ?? 0) >= (/^pins?$/i.test(cue) ? 4 : 3)) {
    const start = cueEnd + digits[0].length - (digits[1] ?? '').length;
    yield { start, end: start + (digits[1] ?? '').length };
    return;
  }
  const link = LINK.exec(rest.slice(owner));
  if (link !== null) {
    const from = cueEnd + owner + link[0].length;
    const value = codeValueAt(text.slice(from, from + 140), qualified);
    if (value !== undefined) {
      yield { start: from + value[0], end: from + value[1] };
      return;
    }
    const next = valueOnNextLine(text, cueEnd + owner + link[0].length - (/[ \t]*$/.exec(link[0])?.[0].length ?? 0), qualified);
    if (next !== undefined) yield next;
    return;
  }
  const next = valueOnNextLine(text, cueEnd, qualified);
  if (next !== undefined) {
    yield next;
    return;
  }
  // "conference room tablet code -> flamingo", "new code pelican 🔑", "read the new code out to them (12.21)".
  const arrow = /^[^\n.!?→]{0,40}?[ \t](?:→|->|=>)[ \t]*/u.exec(rest);
  if (arrow !== null) {
    const value = codeValueAt(rest.slice(arrow[0].length), true);
    if (value !== undefined) yield { start: cueEnd + arrow[0].length + value[0], end: cueEnd + arrow[0].length + value[1] };
    return;
  }
  if (!access) return;
  const emoji = /^[ \t]+([^\s"'`“”‘’«»]{4,64}?)[ \t]*(?=\p{Extended_Pictographic})/u.exec(rest);
  const bracketed = /^[^\n.!?()]{0,40}?[ \t]\(([^\s()]{3,64})\)/u.exec(rest);
  for (const m of [emoji, bracketed]) {
    const v = m?.[1];
    if (m === null || v === undefined || !isCodeToken(v, true, m === emoji)) continue;
    const start = cueEnd + m[0].lastIndexOf(v);
    yield { start, end: start + v.length };
    return;
  }
}

/** "X is the new code", "`#paper` is the new key", "MAMMOTH 👈 code for the shared folder", "8230 — that's the PIN". */
const VALUE_BEFORE =
  /(?:^|[\s(\[])(["'`“«]?)([^\s"'`”»()]{3,128}?)["'`”»]?(?:,?[ \t]+(?:is|was|=|will be)[ \t]+(?:(?:the|my|our|your|a)[ \t]+)?(?:[\p{L}-]{2,20}[ \t]+){0,3}?|[ \t]*(?:👈|<-+|←|=)[ \t]*(?:(?:the|my|our|your)[ \t]+)?(?:[\p{L}-]{2,20}[ \t]+){0,3}?|,?[ \t]+[-–—][ \t]+that['’]?s[ \t]+(?:the|my|our|your)[ \t]+(?:[\p{L}-]{2,20}[ \t]+)?)$/u;

/** What follows a cue that ends its phrase: punctuation, the line's end, an emoji, "for …", "now", a word of the next clause. */
const ENDS_WITH_CUE = /^(?:[ \t]*(?:[.,;!?)]|\r?\n|$|\p{Extended_Pictographic})|[ \t]+(?:for|to|of|on|now|until|then|and|so|btw|in)(?![\p{L}]))/u;
/** Words in quotes before the link: "`winter bridge candle monkey` is the new code". */
const WORDS_BEFORE = /(?:^|[\s(\[])["'`“«]([^"'`”»\n]{3,64})["'`”»](?:,?[ \t]+(?:is|was|=)[ \t]+(?:(?:the|my|our|your|a)[ \t]+)?(?:[\p{L}-]{2,20}[ \t]+){0,3}?|[ \t]*(?:👈|<-+|←|=)[ \t]*(?:(?:the|my|our|your)[ \t]+)?(?:[\p{L}-]{2,20}[ \t]+){0,3}?)$/u;

function valueBeforeCue(text: string, index: number): PiiSpan | undefined {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const head = text.slice(Math.max(lineStart, index - 160), index);
  const words = WORDS_BEFORE.exec(head);
  const inner = words?.[1];
  if (words !== null && inner !== undefined && /\s/.test(inner) && isQuotedWords(inner) && ENDS_WITH_CUE.test(text.slice(index).replace(/^\p{L}+/u, ''))) {
    const start = index - head.length + words.index + words[0].indexOf(inner);
    return { start, end: start + inner.length };
  }
  const m = VALUE_BEFORE.exec(head);
  const value = m?.[2];
  if (m === null || value === undefined) return undefined;
  // The phrase must end with the cue ("is the key to success", "is the code review" are no code given).
  if (!ENDS_WITH_CUE.test(text.slice(index).replace(/^\p{L}+/u, ''))) return undefined;
  // "is the key to success", "is the key to the kingdom": the key of a metaphor.
  if (/^\p{L}+[ \t]+to[ \t]+(?:success|it|this|that|everything|the[ \t]+kingdom|growth)/iu.test(text.slice(index))) return undefined;
  const quoted = (m[1] ?? '') !== '';
  const word = value.replace(TRAILING_PUNCTUATION, '');
  const pointed = /👈|[-–—]/u.test(m[0].slice(m[0].indexOf(value) + value.length));
  if (quoted ? NOT_A_SECRET.test(word) || isProse(word) : !isCodeToken(word, pointed || ACCESS_KIND.test(head))) return undefined;
  const start = index - head.length + m.index + m[0].indexOf(value);
  return { start, end: start + word.length };
}

/** "set the key to q1w2e3r4", "Olek reset your code to 1981noodle", "changed the code for the tablet to [forest]02". */
const CHANGED_TO =
  /(?<![a-zA-Z\u00C0-\u024F])(?:changed|set|reset|updated|switched)[ \t]+(?:(?:the|my|your|our|his|her|their)[ \t]+)?(?:[a-zA-Z\u00C0-\u024F-]{1,20}[ \t]+){0,3}?(?:code|key|pin)(?:[ \t]+(?:for|on|of)[ \t]+(?:the[ \t]+)?(?:[a-zA-Z\u00C0-\u024F\d.@-]{1,30}[ \t]+){0,3}?)?[ \t]*to[ \t]+/gi;
/** "try Nightingale as the code", "pls use saffron for the conference room tablet code until …". */
const USED_AS =
  /(?<![a-zA-Z\u00C0-\u024F])(?:use|try)[ \t]+(["'`“]?)([^\s"'`”]{3,128}?)["'`”]?[ \t]+(?:as|for)[ \t]+(?:the|my|your|our)[ \t]+(?:[a-zA-Z\u00C0-\u024F-]{1,20}[ \t]+){0,4}?(?:code|key|pin)(?=[ \t]*(?:[.,;!?)]|\r?\n|$)|[ \t]+(?:until|till|then|and|for|that['’]s|so|but|if|when)(?![a-zA-Z\u00C0-\u024F]))/gi;
/** "is the code for the conference room tablet still X?": the value asked about. */
const STILL =
  /(?<![a-zA-Z\u00C0-\u024F])is[ \t]+(?:the|my|your|our)[ \t]+(?:[a-zA-Z\u00C0-\u024F-]{1,20}[ \t]+){0,3}?(?:code|key|pin)(?:[ \t]+(?:for|to|of|on)[ \t]+(?:the[ \t]+|my[ \t]+|our[ \t]+)?(?:[a-zA-Z\u00C0-\u024F\d.@-]{1,30}[ \t]+){0,3}?)?[ \t]*still[ \t]+/gi;

/** Whether the last cue word in the phrase `phrase` at `at` names another kind of code ("changed the zip code to …"). */
function isOtherKind(text: string, at: number, phrase: string): boolean {
  const cues = [...phrase.matchAll(ACCESS_CUE)];
  const last = cues[cues.length - 1];
  return last === undefined || kindBefore(text, at + last.index).other;
}

/** Access codes given after "code", "key" or "PIN" (see the top of this file). */
/** What every cue holds: the patterns run only around these. */
const CUE_STEMS = ['code', 'key', 'pin', 'kod', 'kód', 'combo', 'combination', 'lockbox', 'codice', 'código', 'codigo', 'koodi'];

export function* findAccessCodes(text: string): Generator<PiiSpan> {
  if (!ACCESS_HINT.test(text)) return;
  const stems = stemPositions(text, CUE_STEMS);
  if (stems.length === 0) return;
  for (const m of execAround(ACCESS_CUE, text, stems, 8, 24)) {
    const { other, access } = kindBefore(text, m.index);
    // ("backup codes for the shared account: …"; "the keys are in the drawer" are no codes.)
    if (other || (!access && /^(?:codes|keys|pins)$/i.test(m[0]))) continue;
    let found = false;
    for (const s of valuesAfterCue(text, m.index, m[0], access)) {
      found = true;
      yield s;
    }
    if (found) continue;
    const before = valueBeforeCue(text, m.index);
    if (before !== undefined) yield before;
  }
  const short = stemPositions(text, ['code', 'key', 'pin']);
  for (const re of [CHANGED_TO, STILL]) {
    for (const m of execAround(re, text, short, 140, 120)) {
      if (isOtherKind(text, m.index, m[0])) continue;
      const from = m.index + m[0].length;
      const v = codeValueAt(text.slice(from, from + 140), true);
      if (v !== undefined) yield { start: from + v[0], end: from + v[1] };
    }
  }
  for (const m of execAround(USED_AS, text, short, 200, 60)) {
    if (isOtherKind(text, m.index, m[0])) continue;
    const value = m[2] ?? '';
    const quoted = (m[1] ?? '') !== '';
    if (quoted ? NOT_A_SECRET.test(value) || isProse(value) : !isCodeToken(value, true)) continue;
    const start = m.index + m[0].indexOf(value, m[0].search(/\s/));
    yield { start, end: start + value.length };
  }
}
