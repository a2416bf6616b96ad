import { CHAT_WORDS, ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import type { PiiSpan, Scrubber } from './types.ts';
import { afterNonLetter, execAll, letterBefore } from './text.ts';
import { findStreetsByWords, isSentenceWord, isUnitWord, withUnit } from './street-words.ts';
import { isListedGiven } from './name-lexicon.ts';
import { nameGuessesOf } from './person.ts';
import { passwordCueSpans } from './password-cues.ts';
import { isContextSecret } from './secret.ts';
import { BUILDING_BEFORE, COMPOUND_ENDINGS, COUNTER_WORDS, ENGLISH_WORD_THEN_NUMBER, FLOOR, FRENCH_TYPES_BEFORE_PARTICLE, HOUSE_MARK_WORD, SENTENCE_WORDS_AFTER_STREET, TYPE_FIRST_PARTICLES, TYPE_FIRST_WORDS, endBeforeSentenceWord, isCounter, HOUSE_MARK, NAME_WORD, NOT_IN_CUED_LINE, NOT_STREET_WORDS, NUMBER, ORDINAL, STREET_WORDS_AFTER, SUFFIXES, PLACE_ENDS, TYPE_OR_SUFFIX, TYPE_WORDS, UNIT, UNITS, UNIT_LEAD, cuedWordsLookLikeStreet } from './street-patterns.ts';
import { findCjkStreets } from './street-cjk.ts';
import { findCuedStreetLines, findLoneStreetLines, findStreetLinesBeforePostcodes } from './street-lines.ts';
import { CAP_WORD, UNIT_BEFORE_NUMBER, WORD_BEFORE_NUMBER, isSpace, lastCodeIn, lineAround, matchNearAnchors } from './street-text.ts';
import { findLocalStreetNames } from './street-local-names.ts';
import { findHouseNamesAndMarks } from './street-house-names.ts';
import { findGridStreets } from './street-grids.ts';
import { countsThings, holdsSentenceWord, isDateOrTally, isYearOrAge } from './street-counts.ts';
import { findBlocksAndLots, findDoorNumbers } from './street-home-numbers.ts';
import { MEDIA_VERBS, MODEL_WORDS, ROAD_CLASS_WORDS, ROOM_FIRST_WORDS, VERSION_CONTEXT } from './street-look-alikes.ts';
import { findStreetsInOtherScripts, findTransliteratedStreets } from './street-scripts.ts';
import { englishWordLine, findStreetsOfOtherConventions, findVietnameseAlleys } from './street-conventions.ts';

// Street lines of postal addresses in three shapes:
//   number, street name, suffix   "742 Evergreen Terrace", "221B Baker Street", "12 Rue de Provence"
//   type word, name, number       "Via Roma 10", "Calle Mayor, 12", "ul. Marszałkowska 10"
//   compound street word, number  "Hauptstraße 5", "Kalverstraat 92a", "Björkgatan 11"
// each with an optional unit after it ("Apt. 4B", "Suite 300", "Lgh. 1102"). The span is the
// street line: city, postcode and country are left, so the place stays readable.

// (A person's name may hold a "Jr." before the suffix: "821 Martin Luther King Jr Boulevard".)
const NUMBER_FIRST = new RegExp(
  `(?<![\\w.,/:@$%&*!?+=^~-])(${NUMBER}),?\\s+(?:(?:north|south|east|west|[NSEW])\\.?\\s+)?((?:(?:${NAME_WORD}|${ORDINAL})[ \\t]+){1,3}(?:(?:jr|sr)\\.?[ \\t]+)?)(?:${SUFFIXES})s?\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?${UNITS}(?![\\p{L}\\d])`,
  'giu',
);
// A French house number may take "bis", "ter" or "quater" apart, then a comma ("12 bis, rue de la Paix", "4 ter rue Victor Hugo").
const NUMBER_FIRST_TYPE = new RegExp(
  `(?<![\\w.,/:@$%&*!?+=^~-])(${NUMBER})(?:[ \\t](?:bis|ter|quater)(?![\\p{L}]))?,?\\s+(?:${TYPE_WORDS}|${FRENCH_TYPES_BEFORE_PARTICLE})[ \\t]+(?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD}${UNITS}(?![\\p{L}\\d])`,
  'giu',
);
// Not glued to code before it ("::0:bd please 0" is an IPv6 address and words); not after a letter
// outside ASCII either (afterNonLetter).
const TYPE_FIRST = afterNonLetter(new RegExp(
  // A date may name the street ("Avenida 9 de Julio 4605", "Calle 5 de Mayo 12").
  `(?<![a-zA-Z\\d:./@_-])(?:${TYPE_WORDS})(?:[ \\t]+|(?<=[lL]\\.)(?=\\p{L}))(?:\\d{1,2}[ \\t]+d[eo][ \\t]+)?(?:${NAME_WORD}[ \\t]+){0,4}${NAME_WORD},?\\s+(?:(?:${HOUSE_MARK}|n\\.\\s?|bloc\\s)?${NUMBER}|s\\/n\\.?)${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
));
/** Whether a {@link TYPE_FIRST} line holds a sentence's words between its type word and its number. */
function hasSentenceWords(value: string): boolean {
  return value.split(/\s+/).slice(1, -1).some((w) => NOT_STREET_WORDS.has(w.toLowerCase()) && !TYPE_FIRST_WORDS.has(w.toLowerCase()));
}
const TYPE_FIRST_AT = new RegExp(TYPE_FIRST.source, 'iuy');
/** The first {@link TYPE_FIRST} line without a sentence's words that starts at a later word of `value` (found at `index`). */
function typeFirstWithin(text: string, index: number, value: string): [number, string] | undefined {
  for (const gap of value.matchAll(/\s+(?=\S)/g)) {
    TYPE_FIRST_AT.lastIndex = index + gap.index + gap[0].length;
    const m = TYPE_FIRST_AT.exec(text);
    if (m !== null && !hasSentenceWords(m[0])) return [m.index, m[0]];
  }
  return undefined;
}
/**
 * Two numbers joined by an en dash at the start of `value`, or two single digits by a hyphen, the
 * second no greater than the first: a score ("4–0", "3-3"). Not a Queens house number ("188-17").
 */
function isScore(value: string): boolean {
  const m = /^(\d{1,3})\s?–\s?(\d{1,3})(?!\d)|^(\d) ?- ?(\d)(?!\d)/.exec(value);
  if (m !== null && m[1] === undefined) return Number(m[4]) <= Number(m[3]) || m[3] === '0';
  // (No range of houses starts at 0: "0–1 Hill Street Harriers" is a score.)
  return m !== null && (Number(m[2]) <= Number(m[1]) || m[1] === '0');
}
/** "Mülheimer Str. 51a", "Rasmuss Väg 775": the street word written apart. */
const NAME_THEN_STREET_WORD = new RegExp(
  // A Turkish street may be numbered ("2830. Sk. No:52") and name the building before its number ("Nergis Cad. Güneş Apt. No:27").
  // Hungarian "u." (utca) after a capitalised name only ("Váci u. 10"; see HUNGARIAN_U).
  `(?<![\\p{L}])(?:(?:${NAME_WORD}[ \\t]+){1,3}|(?<![\\d.])\\d{1,5}\\.[ \\t]+)(?:str\\.|straße|strasse|weg|platz|allee|gasse|ring|damm|ufer|straat|laan|plein|gracht|väg|vägen|gata|gatan|vej|gate|ave\\.|u\\.|${STREET_WORDS_AFTER}|${ENGLISH_WORD_THEN_NUMBER})` +
    `(?:[ \\t]+${NAME_WORD}[ \\t]+(?:apt\\.?|apartmanı|sitesi))?,?\\s+${HOUSE_MARK}?${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);
const COMPOUND = new RegExp(
  `(?<![\\p{L}])(?:${NAME_WORD}[ -])?[\\p{L}][\\p{L}\\p{M}-]*(?:${COMPOUND_ENDINGS})\\s+${HOUSE_MARK}?${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'giu',
);

/**
 * Street names without a street word, recognised by their first word (case-sensitive):
 * "7875 The Paddock", "Im Frohental 268", "Zum Claashäuschen 12c", "Norra Skogsgärdet 96", Norwegian
 * "Gamle Klokkergropa 1", "Vestre Litjlia 4".
 */
const NUMBER_THE = new RegExp(`(?<![\\w.,/:@$%&*!?+=^~-])(${NUMBER})\\s+The\\s+${CAP_WORD}(?:\\s+${CAP_WORD})?${UNITS}(?![\\p{L}\\d])`, 'gu');
const LEADING_WORD_THEN_NUMBER = new RegExp(
  // (The first letter is looked at before the look-behind: with the Norwegian words V8 no longer found the pattern's starts quickly,
  // and tried the look-behind at every position, 15 times the time over the corpus as one text.)
  `(?=[AGILMNØÖSUVYZ])(?<![\\p{L}])(?:Im|Am|Zum|Zur|An der|Auf der|Auf dem|In der|Unter den|Norra|Södra|Östra|Västra|Undre|Övre|Lilla|Stora|Søndre|Nordre|Vestre|Østre|Øvre|Nedre|Gamle|Indre|Ytre|Midtre)\\s+${CAP_WORD}(?:\\s+${CAP_WORD})?\\s+${NUMBER}${UNITS}(?![\\p{L}\\d]|[.,]\\d)`,
  'gu',
);

/** The patterns whose line starts with the house number. */
const NUMBER_LEADS: ReadonlySet<RegExp> = new Set([NUMBER_FIRST, NUMBER_FIRST_TYPE, NUMBER_THE]);
/** Rooms, buildings and internal mail stops, numbered inside a site: "Zimmer 12", "Bldg 40", "Mailstop 4-1". */
const ROOM_WORDS = new Set(['room', 'zimmer', 'raum', 'bldg', 'building', 'mailstop', 'booth', 'gate', 'hall', 'salle', 'ruang', 'desk', 'locker', 'dock', 'bay']);

/**
 * Whether the capitalised word at `k` of a street's name, one of {@link NOT_STREET_WORDS}, names the street:
 * "14 New Church Road", "867 Will Parkways" (a surname), "7153 A Street", Cantonese "On" beside a syllable no
 * English list holds ("1 Yan On Terrace", "6 On Pak Road").
 */
function namesStreet(written: readonly string[], k: number): boolean {
  const w = written[k] ?? '';
  const lower = w.toLowerCase();
  // "99 26th of July St.", "1 26TH OF JULY STREET": a street named after a date (Egypt, Cuba).
  if (lower === 'of' && /^\d{1,2}(?:st|nd|rd|th)$/i.test(written[k - 1] ?? '') && MONTHS.has((written[k + 1] ?? '').toLowerCase())) return true;
  if (!/^\p{Lu}/u.test(w)) return false;
  if (lower === 'new' || lower === 'old' || lower === 'will' || w === 'A') return true;
  return lower === 'on' && [written[k - 1], written[k + 1]].some((x) => x !== undefined && /^\p{Lu}/u.test(x) && !ENGLISH_TIER.has(x.toLowerCase()));
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Particles inside Dutch, German and Romance street names ("van de Venstraat", "von der Tann-Straße"). */
const NAME_PARTICLES = new Set(['de', 'van', 'der', 'den', 'von', 'vom', 'la', 'le', 'di', 'da', 'du', 'del', 'della', 'des', 'ter', 'te', 'op']);

/** A street word or compound ending right before a house number: where the last two shapes can match. */
// Found from the letter, space and digit (rare) backwards: one pattern of all the street words
// tried at every position of the text costs more than the rest of the street scan. The spaces and
// digit are found first, and the letter or full stop (and comma) before them checked here: a
// pattern that starts with a Unicode letter class is tried at every letter of the text.
const SPACE_DIGIT = /(?<!\s)\s+\d/g;

/** Each run of spaces before a digit, after a letter or a full stop and perhaps a comma ("Str. 5", "Rd, 12"): [where the spaces start, the digit's end]. */
function letterSpaceDigit(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of execAll(SPACE_DIGIT, text)) {
    let before = m.index - 1;
    if (text.charCodeAt(before) === 44) before--; // ','
    if (before >= 0 && (text.charCodeAt(before) === 46 || letterBefore(text, before + 1))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
/** A house-number mark before a digit ("Cad No:175", "Sokağı No: 1"): the street word is before the mark. */
const MARK_DIGIT = /(?<![\p{L}])(?:no|n-ro|n[úu]mero)[.:]?[ \t]?:?[ \t]?(?=\d)/giu;
// A Turkish building's "Apt." or "Sitesi" stands between the street word and the number ("Nergis Cad. Güneş Apt. No:27");
// "Kyparission Ave. 110": an English abbreviation in a European order.
const ENDS_WITH_STREET_WORD = new RegExp(`(?:${COMPOUND_ENDINGS}|väg|gata|${STREET_WORDS_AFTER}|apt\\.|apartmanı|sitesi|ave\\.|(?<![\\p{L}])u\\.|(?<![\\p{L}])(?:${ENGLISH_WORD_THEN_NUMBER})),?$`, 'iu');
/** Hungarian "u." (utca) ends a street line only after a capitalised word that is not English ("Váci u. 10", not "thank u. 10 times"). */
const HUNGARIAN_U = /(?<![\p{L}])(\p{L}[\p{L}\p{M}'’-]*)[ \t]+u\.,?\s+\d/u;
/** How far back from the space a street word may start. */
const STREET_WORD_REACH = 24;

function streetWordAnchors(text: string): number[][] {
  const out: number[][] = [];
  for (const [wordEnd, end] of letterSpaceDigit(text)) {
    if (ENDS_WITH_STREET_WORD.test(text.slice(Math.max(0, wordEnd - STREET_WORD_REACH), wordEnd))) out.push([Math.max(0, wordEnd - STREET_WORD_REACH), end]);
  }
  if (!/(?:no|n-ro|n[úu]mero)[.:]?\s?\d/i.test(text)) return out;
  for (const m of execAll(MARK_DIGIT, text)) {
    let wordEnd = m.index;
    while (wordEnd > 0 && isSpace(text.charCodeAt(wordEnd - 1))) wordEnd--;
    if (ENDS_WITH_STREET_WORD.test(text.slice(Math.max(0, wordEnd - STREET_WORD_REACH), wordEnd))) out.push([Math.max(0, wordEnd - STREET_WORD_REACH), m.index + m[0].length + 1]);
  }
  // The two scans each go left to right; the windows are merged in order.
  return out.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/**
 * A year after a season, quarter or month ("Spring 2026", "Q3 2026", "fall 2026 roadmap review")
 * is a date, not a house number, whatever street word follows. Not after a letter (found with
 * afterNonLetter).
 */
const SEASON_YEAR = afterNonLetter(/(?<![a-zA-Z\d])(?:spring|summer|fall|autumn|winter|q[1-4]|h[12]|fy|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[ \t,]+(?:19|20)\d\d(?!\d)/giu);

function inSeasonYear(spans: readonly number[][], s: PiiSpan): boolean {
  return spans.some(([a = 0, b = 0]) => a < s.end && s.start < b);
}

/**
 * Whether a number in the line is a code the secret scrubber takes from its cue ("bike lock combo 753",
 * "Kapı kodu 9478", "la caja fuerte abre con 7403", "gate code is 90890, then drive round the back"):
 * the line is the code's sentence, not a street's.
 */
function numberIsCode(text: string, c: PiiSpan): boolean {
  for (const m of text.slice(c.start, c.end).matchAll(/\d+/g)) if (isContextSecret(text, c.start + m.index, c.start + m.index + m[0].length)) return true;
  return false;
}

/** A Polish type word after a sentence's words, glued to the street's name or not ("ul.Marszałkowska", "al. Jerozolimskie"). */
const POLISH_TYPE_WORD = /(?<=^[^\d]*[ \t])(?:ul|al|pl|os)\.(?=[ \t]?\p{L})/iu;
/** The street line from a Polish type word on, when no number comes before it: the words before it are the sentence's ("Mieszkam przy al.Jerozolimskie 44"). */
function fromPolishTypeWord(text: string, c: PiiSpan): PiiSpan {
  const m = POLISH_TYPE_WORD.exec(text.slice(c.start, c.end));
  return m === null ? c : { start: c.start + m.index, end: c.end };
}
function* findStreetAddresses(text: string): Generator<PiiSpan> {
  // A house number (in ASCII, full-width, Arabic-Indic, Thai or Bengali digits), or "s/n" (Spanish and Portuguese: no number).
  if (!/[\d０-９٠-٩۰-۹๐-๙০-৯]|s\/n/i.test(text)) return;
  // A Vietnamese alley's chain of numbers stands over the pieces the general shapes find in it; a
  // line of another script (Greek, Hebrew, Arabic, Persian, Thai, Cyrillic) over the general shapes'
  // lines that start in the sentence before it ("נא לשלוח את הציוד לכתובת שדרות הכלנית 62" is not one
  // street line of nine words).
  const alleys = [...findVietnameseAlleys(text)];
  const scripts = [...findStreetsInOtherScripts(text)];
  // (Nor does a street line start inside the word for a password, or hold it: "le mot de passe du wifi est 12345" is
  // no "passe", passage, "Temp password monkey.tar.gz valid 24h" no line; "162 Stokes Pass" ends a street.)
  const cues = passwordCueSpans(text);
  const candidates = [...findStreetCandidates(text)]
    .filter((c) => !alleys.some((a) => a.start < c.end && c.start < a.end) && !scripts.some((a) => c.start < a.start && a.start < c.end) && !cues.some((q) => (q.start <= c.start && c.start < q.end) || (c.start <= q.start && q.end < c.end)))
    .filter((c) => !numberIsCode(text, c))
    .map((c) => fromPolishTypeWord(text, c))
    .concat(alleys, scripts);
  if (candidates.length === 0) return;
  const seasons = execAll(SEASON_YEAR, text).map((m) => [m.index, m.index + m[0].length]);
  const withUnits = candidates.filter((s) => seasons.length === 0 || !inSeasonYear(seasons, s)).map((s) => withUnit(text, s));
  const byStart = [...withUnits].sort((x, y) => x.start - y.start);
  const lines = withUnits.map((s) => withUnitsBefore(text, withBuildingAfter(text, withUnitsAfter(text, s, byStart))));
  // A unit that ends one street line does not start another ("613 Prince Shoals suite 718,
  // Pietermaritzburg 10341" is not "suite 718, Pietermaritzburg 10341"): the engine would keep
  // the longer of the two. (Inside a longer line it is that line's anyway.)
  lines.sort((x, y) => x.start - y.start);
  let reach = -1; // the farthest end of the lines that start before the current one
  let groupReach = -1;
  let groupStart = -1;
  for (const s of lines) {
    if (s.start !== groupStart) {
      reach = Math.max(reach, groupReach);
      groupStart = s.start;
      groupReach = -1;
    }
    groupReach = Math.max(groupReach, s.end);
    if (!(reach > s.start && UNIT_LEAD_AT.test(text.slice(s.start, s.end)))) yield s;
  }
}

/** Units right after a line that a shape stops before ("Erőmű dűlő 3" before " 9.em 59 ajtó", "Laralaan 94" before " 2e verdieping"). */
const UNITS_AT = new RegExp(`(?:${UNIT})+(?![\\p{L}\\d]|[.,]\\d)`, 'iuy');

/** `byStart`: every line found, in order of their starts. */
function withUnitsAfter(text: string, s: PiiSpan, byStart: readonly PiiSpan[]): PiiSpan {
  UNITS_AT.lastIndex = s.end;
  const m = UNITS_AT.exec(text);
  if (m === null) return s;
  const end = s.end + m[0].length;
  // A line that starts later and reaches as far holds those units already where the words before it are a sentence's, in lower
  // case with no house number, or it starts with a unit of its own: "estoy en transv. 13a" is not grown over "# 94b-07 of. 1105",
  // nor "Lotus Gardens" over "No. 28, Skelton Gardens"; "Pod hájom 8" is, over " Suite 4", beside "hájom 8 Suite 4".
  // (Only the lines that start inside this one are looked at, found by halving: a long line of many units has thousands.)
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((byStart[mid]?.start ?? 0) <= s.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < byStart.length && (byStart[k]?.start ?? end) < end; k++) {
    const o = byStart[k] as PiiSpan;
    if (o.end >= end && (!/[\p{Lu}\d]/u.test(text.slice(s.start, o.start)) || UNIT_LEAD_AT.test(text.slice(o.start, o.end)))) return s;
  }
  return { start: s.start, end };
}

/** A street line that starts with a unit ("suite 718, …", "no 10, …", "#220, …"). */
const UNIT_LEAD_AT = new RegExp(`^${UNIT_LEAD}`, 'iu');

/** Units before any street line found ("Flat 32, 38 Sráid an Mhuilinn", "Level 2, 117 Bourke Esp", "Unit 503, Pacific Tower, 2921 …"), read backwards from its start. */
// (Vietnamese writes "số", number, before the house number the street line starts with.)
const UNITS_BEFORE = new RegExp(`(?<![\\p{L}\\d])(?:${UNIT_LEAD}|${FLOOR})(?:,?[ \\t]+(?:${UNIT_LEAD}|${BUILDING_BEFORE})){0,3},?[ \\t]+(?:số[ \\t]+)?$`, 'iu');

/** A residence or building named before its units or street ("Résidence Nour, Imm. 12, …", "Tòa nhà Bến Thành, 214 …"). */
const BUILDING_LEAD = /(?<![\p{L}\d])(?:r[ée]sidence|tòa[ \t]nhà|menara|wisma|gedung)[ \t]+(?:[\p{L}'’.-]+[ \t]+){0,3}[\p{L}'’.-]+,?[ \t]+$/iu;
/** A unit's word whose number starts a line found ("Appt 26, Rue Ibn Batouta": the line is the street after the unit). */
const UNIT_WORD_BEFORE = /(?<![\p{L}\d])(?:apt|appt|apartment|flat|unit|suite|phòng)\.?[ \t]$/iu;

/** The span grown back over the units written before it ("Flat 32, " before "38 Sráid an Mhuilinn"). */
function withUnitsBefore(text: string, s: PiiSpan): PiiSpan {
  if (s.start === 0) return s;
  let start = s.start;
  const word = UNIT_WORD_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  if (word !== null && /^\d[^\s,]*,[ \t]/.test(text.slice(start, s.end))) start -= word[0].length;
  if (!isSpace(text.charCodeAt(start - 1))) return start === s.start ? s : { start, end: s.end };
  const m = UNITS_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
  if (m !== null) start -= m[0].length;
  const building = BUILDING_LEAD.exec(text.slice(Math.max(0, start - 64), start)) ?? NUMBERED_BUILDING_BEFORE.exec(text.slice(Math.max(0, start - 48), start));
  if (building !== null) start -= building[0].length;
  return start === s.start ? s : { start, end: s.end };
}

/** A building's name and flat number, as Japan writes them around a block ("Lions Mansion 102, ", "Maison Ebisu 1009, "). */
const NUMBERED_BUILDING = "(?:(?:\\p{Lu}[\\p{L}'’-]+[ \\t]+){1,2}(?:Mansion|Tower|Heights|Bldg\\.?|Building|Residence|Haitsu|Corpo|Court)|(?:Maison|Villa|Palais)[ \\t]+\\p{Lu}[\\p{L}'’-]+)[ \\t]+\\d{1,4}[A-Z]?";
const NUMBERED_BUILDING_BEFORE = new RegExp(`(?<![\\p{L}\\d])${NUMBERED_BUILDING},[ \\t]+$`, 'u');
const NUMBERED_BUILDING_AFTER = new RegExp(`^,[ \\t]+${NUMBERED_BUILDING}(?![\\p{L}\\d])`, 'u');
/** The span grown over such a building written after it ("5-5-24 Kaigan-dori, Hikari Tower 1105"). */
function withBuildingAfter(text: string, s: PiiSpan): PiiSpan {
  if (text.charCodeAt(s.end) !== 44) return s;
  const m = NUMBERED_BUILDING_AFTER.exec(text.slice(s.end, s.end + 48));
  return m === null ? s : { start: s.start, end: s.end + m[0].length };
}

/** A house number, with its unit, or "s/n", right after a name guess ("Lilleringen 67", "Edificio Leticia s/n."). */
/** Where a house number after a name guess ends: no more digits, and no release's number ("Netscape 4.x", "Mandrake 8.2"). */
const GUESS_NUMBER_END = '(?![\\d:.,]\\d|\\.[xX*](?![\\p{L}\\d]))';
const NUMBER_AFTER_GUESS = new RegExp(`^,?[ \\t]+(?:${NUMBER}${UNITS}|s\\/n\\.?)${GUESS_NUMBER_END}`, 'u');
/** The same without its units: where a place does not end after them ("mælkevejen 97b, 5. th 9258"), it may after the number. */
const BARE_NUMBER_AFTER_GUESS = new RegExp(`^,?[ \\t]+${NUMBER}${GUESS_NUMBER_END}`, 'u');
/** {@link NUMBER_FIRST} where a house number stands. */
const NUMBER_FIRST_AT = new RegExp(NUMBER_FIRST.source, 'iuy');
/** A short word or street type right before such a line: "K Železnej studienke 57", "Plaza …", "park Wnuk 89a". */
const WORD_BEFORE_GUESS = /(?<![\p{L}\p{M}'’.-])([\p{L}][\p{L}\p{M}.]{0,11}) +$/u;

/**
 * Words the name scrubber took for a name, then a house number, then where a place ends ("the
 * courier is outside Lilleringen 67 now", "Apartment: Zemunska 7", "Our rental is Trekanten 657,
 * second floor"): a street named without a street word. Not when a word of them is a given name a
 * list holds ("Ana 2"), nor when the words look like no street (a function word, English only).
 */
/** Words in lower case before the capitalised last word of a name guess. */
const LOWER_LEAD = /^(\p{Ll}+)(?:[ \t]+\p{Ll}+)*[ \t]+(?=\p{Lu}\p{Ll}*$)/u;
/** Prepositions of place in several languages; not "de", "del", "la", which street names hold ("Avenida de Mayo"). */
const PREPOSITION_IN_GUESS = /(?<![\p{L}])(?:desde|hasta|hacia|para|por|en|al|von|bis|nach|zum|zur|vers|chez|naar|från|till)[ \t]+/giu;
function* findStreetsAfterNameGuesses(text: string): Generator<PiiSpan> {
  const caselessLine = (at: number): boolean => !/\p{Lu}/u.test(lineAround(text, at));
  for (const guess of nameGuessesOf(text)) {
    // Most guesses have no house number after them: that is asked first.
    const m = NUMBER_AFTER_GUESS.exec(text.slice(guess.end, guess.end + 80));
    if (m === null) continue;
    const ahead = text.slice(guess.end, guess.end + 80);
    const behind = text.slice(Math.max(0, guess.start - 8), guess.start);
    if (isYearOrAge(behind, ahead) || isDateOrTally(text.slice(guess.start, guess.end), behind, ahead)) continue;
    // "Saltmarsh Design, 183, 7th Cross Road": the number starts a street line of its own.
    NUMBER_FIRST_AT.lastIndex = guess.end + m[0].search(/[^,\s]/);
    if (NUMBER_FIRST_AT.test(text)) continue;
    // A tab parts a record's fields ("People Ops\tApt 365"): the words before the last one are another field's.
    const tab = lastCodeIn(text, 9, guess.start, guess.end);
    let s = tab >= guess.start ? { start: tab + 1, end: guess.end } : guess;
    // A preposition in the guess ends the sentence's words before the street's ("remís desde Los Horneros 634").
    // (Only before a capital: "dejan en la Sala 4" stays the sentence it was.)
    const preposition = [...text.slice(s.start, s.end).matchAll(PREPOSITION_IN_GUESS)].pop();
    if (preposition !== undefined && /^\p{Lu}/u.test(text.slice(s.start + preposition.index + preposition[0].length))) {
      s = { start: s.start + preposition.index + preposition[0].length, end: s.end };
    }
    // "η νέα μου διεύθυνση είναι Τσιμισκή 121": in a script with capitals, a sentence's words in lower case before the street's
    // capitalised name are not the street's (a particle aside: "de Ruijterkade 7").
    const lowerLead = LOWER_LEAD.exec(text.slice(s.start, s.end));
    if (lowerLead !== null && !NAME_PARTICLES.has(lowerLead[1] ?? '') && !TYPE_OR_SUFFIX.test(lowerLead[1] ?? '')) s = { start: s.start + lowerLead[0].length, end: s.end };
    // (Korean roads are read by their own rule, which leaves the province, city and district out.)
    if (s.start >= s.end || /\p{Script=Hangul}/u.test(text.slice(s.start, s.end))) continue;
    // The words are a name guess already, removed either way: a looser end costs no word here.
    const endsPlace = (at: number): boolean => PLACE_ENDS.test(text.slice(at, at + 24)) || GUESS_PLACE_ENDS.test(text.slice(at, at + 24));
    let end = s.end + m[0].length;
    if (!endsPlace(end)) {
      const bare = BARE_NUMBER_AFTER_GUESS.exec(text.slice(guess.end, guess.end + 80));
      if (bare === null || bare[0].length >= m[0].length || !endsPlace(s.end + bare[0].length)) continue;
      end = s.end + bare[0].length;
    }
    const words = text.slice(s.start, s.end).split(/\s+/);
    // "Davao City 6445", "Stellenbosch Central 7600": a town and its postcode; "120 00 Praha 2": a town after its postcode, and its district.
    if (TOWN_WORDS.has((words[words.length - 1] ?? '').toLowerCase()) || /(?:\d{3}[ \t]?\d{2}|\d{4,5})[ \t]+$/.test(text.slice(Math.max(0, s.start - 8), s.start))) continue;
    if (words.some(isListedGiven) || !cuedWordsLookLikeStreet(words, caselessLine(s.start))) continue;
    // "Zimmer 12", "Bldg 40", "Mailstop 4-1": a room or building inside a site, not a street.
    if (words.length === 1 && (ROOM_WORDS.has((words[0] ?? '').toLowerCase()) || isUnitWord(words[0] ?? ''))) continue;
    if (isCounter(words)) continue;
    // "Salle Eiffel 2", "Model Nimbus 600", "Embraer 190", "Apollo 13": a room named after its word, a model, a mission.
    if ((words.length > 1 && ROOM_FIRST_WORDS.has((words[0] ?? '').toLowerCase())) || words.some((w) => MODEL_WORDS.has(w.toLowerCase()))) continue;
    // "Updated to Sonoma 12 on all laptops": a product's release where the text says what was installed; "B Blok 5. kat": a floor.
    if (VERSION_CONTEXT.test(text.slice(Math.max(0, s.start - 60), s.start)) || /^\.?[ \t]*kat(?![\p{L}])/iu.test(text.slice(end, end + 8))) continue;
    // "macOS Sonoma 14": a product's release after its name; "Lakers 112 Celtics 104": a score.
    const before = text.slice(Math.max(0, s.start - 24), s.start);
    const prev = /(\p{L}+)[ \t]+$/u.exec(before)?.[1];
    if (prev !== undefined && JARGON_WORDS.has(prev.toLowerCase())) continue;
    // A score names a team before the number too; "at 79 Cwit Yr Eos Suite 438" is a house number.
    const team = /(\p{Lu}\p{L}+)[ \t]+\d{1,3}[ \t]+$/u.exec(before)?.[1]?.toLowerCase();
    if (team !== undefined && !ENGLISH_TIER.has(team) && !NOT_IN_CUED_LINE.has(team)) continue;
    let start = s.start;
    const lead = WORD_BEFORE_GUESS.exec(text.slice(Math.max(0, s.start - 16), s.start))?.[1];
    if (lead !== undefined && !NOT_IN_CUED_LINE.has(lead.toLowerCase()) && (TYPE_OR_SUFFIX.test(lead) || (/^\p{Lu}/u.test(lead) && !ENGLISH_TIER.has(lead.toLowerCase())))) {
      start -= lead.length + 1;
    }
    yield { start, end };
  }
}
/** Words before "No." that make it a house number's mark, not a unit's ("Door No. 6", "House No. 1315"). */
const HOUSE_NO_WORDS = new Set(['door', 'house', 'plot', 'premises']);
const WORD_BEFORE_NO = /(?:^|[^\p{L}\p{M}])(?:([\p{L}\p{M}]+)[ \t])?no\.?[ \t]?$/iu;
/** Whether `before` (the text right before a number) ends with a unit's word, not a house number's "No." alone or after "Door" or "House". */
function unitNumberBefore(before: string): boolean {
  if (!UNIT_BEFORE_NUMBER.test(before)) return false;
  const m = WORD_BEFORE_NO.exec(before);
  return m === null || (m[1] !== undefined && !HOUSE_NO_WORDS.has(m[1].toLowerCase()));
}
/** Words that end a town's or a district's name, not a street's ("Pasig City", "Stellenbosch Central", "Zhongli Dist."). */
const TOWN_WORDS = new Set(['city', 'town', 'central', 'district', 'dist.', 'province', 'county', 'municipality', 'region']);
// (And words of other languages that go on from a place: "desde Los Horneros 634 hasta …", "bis", "jusqu'à".)
const GUESS_PLACE_ENDS = /^[ \t]+(?:around|if|is|was|near|by|before|after|in|or|then|hasta|hacia|até|bis|nach|jusqu|fino|tot)(?![\p{L}])/iu;

const NUMBERED_SHAPES = [NUMBER_FIRST, NUMBER_FIRST_TYPE, TYPE_FIRST, NAME_THEN_STREET_WORD, COMPOUND, NUMBER_THE, LEADING_WORD_THEN_NUMBER];
const HAS_DIGIT = /\d/;
/** {@link TYPE_FIRST}'s line without a number: "Calle Mayor s/n". */
const WITHOUT_NUMBER = /s\/n/i;

function* findStreetCandidates(text: string): Generator<PiiSpan> {
  yield* findStreetsByWords(text);
  yield* findStreetsAfterNameGuesses(text);
  if (text.includes(',')) yield* findStreetLinesBeforePostcodes(text);
  yield* findCuedStreetLines(text);
  yield* findLoneStreetLines(text);
  yield* findStreetsOfOtherConventions(text);
  yield* findCjkStreets(text);
  yield* findTransliteratedStreets(text);
  yield* findLocalStreetNames(text);
  yield* findHouseNamesAndMarks(text);
  yield* findGridStreets(text);
  yield* findDoorNumbers(text);
  yield* findBlocksAndLots(text);
  // Every shape below has a house number, and every house number a digit (ASCII: `\d`); without one, only
  // "sin número" (s/n) after a type word is left. Half of real mail's paragraphs have no digit.
  const digits = HAS_DIGIT.test(text);
  const anchors = digits ? streetWordAnchors(text) : [];
  for (const re of digits ? NUMBERED_SHAPES : WITHOUT_NUMBER.test(text) ? [TYPE_FIRST] : []) {
    const matches =
      re === NAME_THEN_STREET_WORD || re === COMPOUND
        ? matchNearAnchors(text, re, anchors)
        : execAll(re, text).map((m): [number, RegExpMatchArray] => [m.index, m]);
    for (const [found, m] of matches) {
      let index = found;
      let value = m[0];
      // "to Hauptstraße 5": an English word before a compound street name is not part of it.
      // "Spring 2026", "offering 3": an English word that ends like a compound street name.
      if (re === COMPOUND) {
        // (The compound is the word before the house number, not a letter of it: "Parkstr. 86a 4 OG".)
        const compound = /^(?:\S+[ -])?([\p{L}\p{M}-]+)/u.exec(value)?.[1]?.toLowerCase();
        // "von Bahnsteig 12", "Sitzplatz 42": a platform, a seat.
        if (compound !== undefined && (ENGLISH_TIER.has(compound) || JARGON_WORDS.has(compound) || COUNTER_WORDS.has(compound))) continue;
      }
      const first = re === COMPOUND ? /^(\p{Ll}+) /u.exec(value)?.[1] : undefined;
      // (A word in lower case before a capitalised compound is the sentence's in any language: "es Diag. 76", "aan Kerkstraat 5".)
      // (A particle of the name aside: "van de Venstraat 227".)
      if (first !== undefined && (ENGLISH_TIER.has(first) || NOT_IN_CUED_LINE.has(first) || isSentenceWord(first) || (/^\p{Ll}+ \p{Lu}/u.test(value) && !NAME_PARTICLES.has(first)))) {
        index += first.length + 1;
        value = value.slice(first.length + 1);
      }
      // "use Gate 2", "lewat Gate 25": a gate. Norway's street word "gate" follows a name in the genitive ("Kongens gate 5", "Nielsens Gate 40").
      // (In lower case too: "Boarding from gate 15".)
      // (Nor after a Norwegian adjective of place: "Nedre gate 7B", "Øvre gate 3", "Store gate 12".)
      if (re === NAME_THEN_STREET_WORD && /(?<![s\s])\s+[Gg]ate,?\s+(?:\S+\s?)?\d[^\s]*$/u.test(value) && !/(?:^|\s)(?:Nedre|Øvre|Søndre|Nordre|Vestre|Østre|Store|Lille|Gamle|Nye|Indre|Ytre)\s+gate/u.test(value)) continue;
      if (re === NAME_THEN_STREET_WORD) {
        const name = HUNGARIAN_U.exec(value)?.[1];
        if (name !== undefined && (!/^\p{Lu}/u.test(name) || ENGLISH_TIER.has(name.toLowerCase()))) continue;
      }
      // "Invoice address Fatih Sokak 161": the words before the street's own name are the sentence's.
      while (re === NAME_THEN_STREET_WORD) {
        const lead = /^([\p{L}.'’-]+)[ \t]+(?=\S+[ \t]+\S)/u.exec(value);
        const word = lead?.[1];
        if (lead === null || word === undefined) break;
        const lower = word.toLowerCase();
        if (!NOT_IN_CUED_LINE.has(lower) && !(word === lower && (ENGLISH_TIER.get(lower) ?? 9) <= 2)) break;
        index += lead[0].length;
        value = value.slice(lead[0].length);
      }
      // "Herzl St 101", "Kanti Road 97": an English street word after the name (see englishWordLine).
      if (re === NAME_THEN_STREET_WORD) {
        const line = englishWordLine(text, index, value, () => !/\p{Lu}/u.test(lineAround(text, index)));
        if (line === undefined) continue;
        [index, value] = line;
      }
      // "Ulica 27. marca 14": the number is an ordinal of the street's name (street-local-names.ts reads the line).
      if (/^\.[ \t]+\p{Ll}+[ \t]+\d/u.test(text.slice(index + value.length, index + value.length + 24))) continue;
      // "10 million square feet", "4 usb ports", "2002\nThe Guardian": a count, or a number that ends its line.
      if ((re === NUMBER_FIRST || re === NUMBER_THE) && countsThings(value, m[1] ?? '')) continue;
      // "4–0 Canal Street", "3–3 Hill Street": a score, not a range of houses (which goes up: "12–14").
      if (NUMBER_LEADS.has(re) && isScore(value)) continue;
      // "Chapter 2 Ocean Drive", "Table 17 Garden Terrace", "bus 124 towards …": a number that counts or labels something, not a house's.
      // "reading 84 Charing Cross Road", "Binge-watching 21 Jump Street": a title read or watched.
      // "Hill Street 5, Bridge Road 1": the number ends the street before it (or is a team's score), and starts no line.
      const wordBefore = WORD_BEFORE_NUMBER.exec(text.slice(Math.max(0, index - 24), index))?.[1]?.toLowerCase() ?? '';
      if (NUMBER_LEADS.has(re) && (COUNTER_WORDS.has(wordBefore) || MEDIA_VERBS.has(wordBefore) || (TYPE_OR_SUFFIX.test(wordBefore) && /^[^\s,]+,/.test(value)))) continue;
      // "place is unit 10", "place of business at Unit 27": a sentence's words after a type word, not a street's name;
      // a street line may start at a type word further on ("… place at corso buenos aires 1").
      // "Boulevard de Tilsitt around 8", "Place Bellecour at 9": a sentence's word before the number, which is a time or a count.
      // The word right before the house number (the first number), a house-number mark or unit aside ("nr 169", "#2379", "n-ro 126", "apt 673").
      const beforeNumber = re === TYPE_FIRST ? (/(\S+)[ \t,]+$/u.exec(value.slice(0, value.search(/\d/)))?.[1] ?? '').replace(/[.:,]+$/, '') : '';
      const plainBefore = /^\p{L}+$/u.test(beforeNumber) && !HOUSE_MARK_WORD.test(beforeNumber) && !UNIT_BEFORE_NUMBER.test(beforeNumber) && !isUnitWord(beforeNumber);
      if (re === TYPE_FIRST && plainBefore && (NOT_IN_CUED_LINE.has(beforeNumber.toLowerCase()) || SENTENCE_WORDS_AFTER_STREET.has(beforeNumber.toLowerCase()))) continue;
      // "Via Rail train 4", "Avenue Q season 8", "Calle ocupada por 8 horas": a capitalised type word, then a word in lower case
      // before the number, is a sentence's (not a particle, nor a date's month: "Calle 5 de mayo 12").
      // (After a particle it is the name's: "Parvis des médias 9 bis", Belgian.)
      const namedWords = re === TYPE_FIRST ? value.slice(0, value.search(/\d/)).trim().split(/[ \t,]+/) : [];
      const afterParticle = TYPE_FIRST_PARTICLES.has((namedWords[namedWords.length - 2] ?? '').toLowerCase());
      if (re === TYPE_FIRST && plainBefore && !afterParticle && /^\p{Lu}/u.test(value) && /^\p{Ll}{2,}$/u.test(beforeNumber) && !TYPE_FIRST_PARTICLES.has(beforeNumber) && !/\d[ \t]+d[eo][ \t]+\p{Ll}+[ \t,]+\d/u.test(value)) continue;
      // "la carretera federal 100", "route nationale 7": a numbered road named by its class only, no street line.
      if (re === TYPE_FIRST && plainBefore && ROAD_CLASS_WORDS.has(beforeNumber.toLowerCase()) && value.trim().split(/\s+/).length === 3) continue;
      // "Nowak et al. Kowalski 2020": a citation's "et al.", not a Polish avenue (aleja).
      if (re === TYPE_FIRST && /^al\./i.test(value) && /(?<![\p{L}])et[ \t]+$/iu.test(text.slice(Math.max(0, index - 4), index))) continue;
      if (re === TYPE_FIRST && hasSentenceWords(value)) {
        const inner = typeFirstWithin(text, index, value);
        if (inner === undefined) continue;
        [index, value] = inner;
      }
      let named = m[2] ?? '';
      // "4 High Close pls": "pls" read as the suffix "pl" in the plural; the line may end at the word before it.
      if (re === NUMBER_FIRST && CHAT_WORDS.has(value.slice(value.search(/[\p{L}.]+$/u)).toLowerCase())) {
        const shorter = text.slice(0, index + value.search(/[ \t]+[\p{L}.]+$/u));
        NUMBER_FIRST_AT.lastIndex = index;
        const again = NUMBER_FIRST_AT.exec(shorter);
        if (again === null) continue;
        value = again[0];
        named = again[2] ?? '';
      }
      // "4176\tkastanias str. 89": a tab parts a record's fields; an id is no house number.
      if (re === NUMBER_FIRST && /^[^\s,]+,?[ ]*\t/.test(value)) continue;
      // "shipped via DHL": "via" after a word in lower case is the English preposition.
      if (re === NUMBER_FIRST && /[ \t]\p{Ll}+[ \t]+via$/u.test(value)) continue;
      const written = re === NUMBER_FIRST ? named.trim().split(/\s+/) : [];
      const words = written.map((w) => w.toLowerCase());
      // "48 rue de Rivoli this morning": the street's name ends before a sentence's word.
      if (re === NUMBER_FIRST_TYPE) value = endBeforeSentenceWord(value);
      // "9 ave du Vélé apt 219": a unit's word read as the name's last; the unit is taken whole after the line (withUnitsAfter).
      if (re === NUMBER_FIRST_TYPE && /^[ \t]+#?\d/.test(text.slice(index + value.length, index + value.length + 4))) value = value.replace(/[ \t]+(?:apt|suite|unit|flat|ste)\.?$/i, '');
      // "1695, colonia La Loma": after a house number and a comma, a neighbourhood, not a street.
      if (re === NUMBER_FIRST_TYPE && /^[^,]*,\s*(?:colonia|col\.?|barrio|sector|fraccionamiento|fracc?\.|urbanizaci[óo]n|bairro)\s/i.test(value)) continue;
      // "In 2024, Main Street …": a year and a comma start a sentence, not a street line.
      if (re === NUMBER_FIRST && /^(?:19|20)\d\d,/.test(value)) continue;
      // "apt. 736, west haven park": after a unit's number, a comma and words are the place, not a street.
      // (Not after a house number's own mark: "No. 420, Old Airport Rd.", "Door No. 12, Temple Street", Indian lines.)
      if (re === NUMBER_FIRST && /^\d[^,\s]*,/.test(value) && unitNumberBefore(text.slice(Math.max(0, index - 16), index))) continue;
      // ("14 New Church Road", "232B Old Mill Walk": "New" and "Old" capitalised name the street.)
      if (words.some((w, k) => NOT_STREET_WORDS.has(w) && !namesStreet(written, k))) continue;
      // "the Forbes 400 as well", "4 test sets when run", "Office 365 last spring": a sentence's word in lower case.
      if (re === NUMBER_FIRST && holdsSentenceWord(written)) continue;
      // "a 5 char str. value": "Str." ends a street of a name of its own only ("43 kloof str.", "23 Qasr El Nil Str.").
      if (re === NUMBER_FIRST && /[ \t]str\.$/i.test(value) && words.every((w) => ENGLISH_TIER.has(w) || JARGON_WORDS.has(w))) continue;
      // "29 GB retries. Chase the vendor": a sentence ends inside; abbreviations ("Mt.", "St.") are short.
      if (words.some((w) => w.length > 4 && w.endsWith('.'))) continue;
      // Sentence punctuation after the line is not part of it ("… Baker St.").
      if (/\.$/.test(value) && !/(?:st|ave|rd|dr|blvd|ln|ct|pl|str|apt|ste|fl|lgh|no)\.$/i.test(value)) value = value.slice(0, -1);
      yield { start: index, end: index + value.length };
    }
  }
}

export const streetAddressScrubber: Scrubber = { type: 'STREET_ADDRESS', priority: 55, find: findStreetAddresses };
