import { CHAT_WORDS, ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { BUILDING_BEFORE, ENGLISH_WORD_THEN_NUMBER, FLOOR, HOUSE_MARK, NAME_WORD, NOT_IN_CUED_LINE, NOT_STREET_WORDS, NUMBER, ORDINAL, SUFFIXES, TYPE_OR_SUFFIX, UNITS, UNIT_LEAD, cuedWordsLookLikeStreet, isSuffixWord } from './street-patterns.ts';
import { afterNonLetter, execAll, execAllNear, isDigitCode, regexSpans } from './text.ts';
import { execAround, stemPositions } from './anchor-windows.ts';
import { VIETNAMESE_COUNTERS } from './street-look-alikes.ts';
import type { PiiSpan } from './types.ts';
import { holdsSentenceWord } from './street-counts.ts';

// Street lines of conventions other than a number and a street name with its suffix or type word:
// units written first (India, the Gulf, Africa), Japanese blocks, Korean roads, Vietnamese
// streets, numbered roads, Colombian and Mexican grids.

/** A street's name after such a unit: words and a suffix, a numbered street ("Street 36", "Road No. 3", "39A Street"), "8th Cross", a sector. */
const STREET_AFTER_LEAD =
  `(?:(?:${NUMBER},?[ \\t]+)?(?:(?:${NAME_WORD}|${ORDINAL})[ \\t]+){1,4}(?:${SUFFIXES})s?\\.?` +
  // A numbered lane in Pakistan and India too ("House No. 69, Gali No. 21", "house 12, lane 4").
  `|(?:street|road|st|rd|way|lane|gali|galli|gully)\\.?[ \\t](?:no\\.?[ \\t]?)?\\d{1,4}[a-z]?|\\d{1,3}[a-z]?[ \\t](?:street|road)|${ORDINAL}[ \\t](?:cross|main)` +
  // An Indian sector ("H.No. 373, Sector 64", "qtr. no. 553, sector 58-b").
  `|sector[ \\t]\\d{1,3}[a-z]?(?:-?[a-z](?![\\p{L}]))?` +
  // A Malaysian street named after its type word, with or without a number ("Persiaran Bayu Damai", "Jalan Kenari Emas 10/7").
  `|(?:jalan|jln\\.?|persiaran|lorong|lebuh)[ \\t]+(?:${NAME_WORD}[ \\t]+){0,3}${NAME_WORD}(?:[ \\t]+\\d{1,4}(?:/\\d{1,3})?)?)`;
// Both unit shapes start after no letter or digit (afterNonLetter).
const UNITS_THEN_STREET = afterNonLetter(new RegExp(
  // A floor may lead, and a building's name before a floor ("4th Floor, Menara Kencana, Jl. …", "Baobab Plaza, 4th Floor, Mnazi Avenue").
  `(?<![a-zA-Z\\d])((?:${UNIT_LEAD}|${FLOOR}|${BUILDING_BEFORE}(?=,?[ \\t]+${FLOOR}))(?:,?[ \\t]+(?:${UNIT_LEAD}|${BUILDING_BEFORE})){0,3}),?[ \\t]+(${STREET_AFTER_LEAD})(?![\\p{L}\\d])`,
  'giu',
));
/** The same written street first: "Corniche Rd., Villa 52", "lower kabete road, hse no. 21". */
const STREET_THEN_UNIT = afterNonLetter(new RegExp(
  `(?<![a-zA-Z\\d])((?:(?:${NAME_WORD}|${ORDINAL})[ \\t]+){1,4})(?:${SUFFIXES})\\.?,?[ \\t]+${UNIT_LEAD}(?![\\p{L}\\d])`,
  'giu',
));
/**
 * A unit as {@link STREET_THEN_UNIT} ends with it, after its space: that pattern, which never
 * crosses a line's end, runs only on the lines that hold one. V8 stops optimising the regular
 * expressions it compiles once a process has made much code (past about 1 MB of it and 16 MB of
 * executable memory, as after a few thousand scrubs), and the unoptimised pattern tries its four
 * words and its suffixes at every word: over the corpus as one text 143 ms so, 26 ms optimised,
 * and now 5 ms and 1.3 ms with this scan. (A line's end is where its '\n' is, or, when none
 * follows, the largest index: -1 >>> 0.)
 */
const UNIT_AFTER_SPACE = new RegExp(`[ \\t]${UNIT_LEAD}(?![\\p{L}\\d])`, 'giu');
/** The words a unit's street ends with besides {@link SUFFIXES} ("Road", "Cross", "Jalan"). */
const UNIT_STREET_WORDS: ReadonlySet<string> = new Set(['street', 'road', 'st', 'rd', 'cross', 'main', 'sector', 'jalan', 'jln', 'persiaran', 'lorong', 'lebuh']);
const LETTER_RUN = /\p{L}+/gu;
const LETTER_FIRST = /^\p{L}/u;
/**
 * Whether a street's suffix ({@link isSuffixWord}, {@link UNIT_STREET_WORDS}), in any case, or "str."
 * stands whole in `text`: words read once and looked up, in place of a pattern of 250 alternatives,
 * which V8 compiled without its optimisations once the scrubber had made much code and then tried at
 * every letter (half a millisecond a paragraph where a unit's number stood).
 */
function hasSuffixWord(text: string): boolean {
  for (const m of text.matchAll(LETTER_RUN)) {
    const w = m[0].toLowerCase();
    if (isSuffixWord(w) || UNIT_STREET_WORDS.has(w)) return true;
    if (w === 'str' && text[m.index + 3] === '.' && !LETTER_FIRST.test(text.slice(m.index + 4, m.index + 6))) return true;
  }
  return false;
}
/** What {@link UNIT_LEAD} starts with, cheaply: a unit's word, "No." or "#" and a digit. */
const UNIT_LEAD_HINT = /(?:apt|apartment|flat|villa|plot|house|hse|ghar|qtr|door|office|suite|unit|level|shop|building|bldg|blk|block|lot|rm|room|floor|no|#)\.?[ \t]?(?:no\.?[ \t]?)?#?[ \t]?(?:[a-z]-?)?\d|\d(?:st|nd|rd|th)[ \t]floor|\d\/?f,|(?:block|blk|building|bldg|tower)[ \t][a-z](?![\p{L}])|(?<![\w-])[a-z]-\d{1,2}-\d|căn[ \t]hộ|tòa[ \t]/iu;

/**
 * Japanese blocks, numbered "chōme-ban-gō" before or after the district's name ("6-4-3 Shibuya",
 * "1-21-25 Kita-Aoyama", "Jingumae 4-13-10", "Akasaka 1-chome 19-20", "1-chōme-3-10 kitazawa"):
 * three numbers joined by dashes are no date, phone number or version a street would be mistaken for.
 */
const JP_BLOCK = '\\d{1,2}(?:-ch[oō]me)?-\\d{1,3}-\\d{1,3}(?:-\\d{3,4})?|\\d{1,2}-ch[oō]me[ \\t]\\d{1,3}-\\d{1,3}';
/** Chōme with its numbers ("6-chome 16-21"), and chōme, ban and gō spelt out ("2-chome 29-ban 5-go"). */
const JP_CHOME = '\\d{1,2}-ch[oō]me[ \\t]\\d{1,3}-(?:\\d{1,3}|ban(?:[ \\t]\\d{1,3}-g[oō])?)';
/** Spelt out, no other number is written so: a place in lower case may stand before it. */
const JP_CHOME_BAN = '\\d{1,2}-ch[oō]me[ \\t]\\d{1,3}-ban(?:[ \\t]\\d{1,3}-g[oō])?';
const JP_PLACE = "\\p{L}[\\p{L}'-]*(?:[ \\t]\\p{Lu}[\\p{L}'-]*)?";
const JAPANESE_BLOCK = new RegExp(
  `(?:(?<![\\w./:-])(?:(${JP_BLOCK})[ \\t]+(${JP_PLACE})|(\\p{Lu}[\\p{L}'-]*|\\p{Ll}+(?:cho|machi|gaoka|oka|dai|dori|saka|zaka|yama|gawa|hama|mura|jima|shima))[ \\t]+(?:${JP_BLOCK}))` +
    // (A block may follow a CSV field's comma; a place in lower case before it ends as Japanese places do: "sakuragaoka 5-9-8".)
    // A spelt-out block may follow a place in lower case ("sakuragaoka 2-chome 29-ban 5-go").
    `|(?<![\\w./:-])(?:(${JP_CHOME})[ \\t]+(${JP_PLACE})|(\\p{L}[\\p{L}'-]*)[ \\t]+${JP_CHOME_BAN}))` +
    `(?:,?[ \\t]+(?:#\\d{1,5}|[rR]oom[ \\t]\\d{1,5}))?(?![\\p{L}\\d-])`,
  // Case-sensitive: a second word of the place, and a place before the block, is capitalised ("Kichijoji
  // Honcho", "Jingumae 4-13-10"; not "Tenjin this", "at 6-20-11").
  'gu',
);
/** Particles glued to a Korean number ("222까지", "5에서"): the number ends there all the same. */
const HANGUL_PARTICLE = '(?:까지|에서|에|로|으로|으로는|은|는|이|가|을|를|도|요)(?![\\p{L}])';
/** The building, block, floor and flat after a Korean road's number: ", 118동 1304호", ", 지하 1층", " 별빛프라자 14층". */
const KOREAN_UNITS = '(?:,?[ \\t]+(?:\\p{Script=Hangul}{1,12}[ \\t]?)?(?:지하[ \\t]?)?\\d{1,4}(?:동|층|호)(?:[ \\t]?\\d{1,5}호)?)*';
/**
 * Korean road names, romanised or in Hangul: "Seolleung-ro 285", "Dosan-daero 65-gil 50", "301
 * Apgujeong-ro", "을지로 414", "강남대로 317", "햇살로50번길 222"; the block and flat before a romanised
 * line ("109-dong 506-ho, 142 Solbaram-ro").
 */
const KOREAN_ROAD = new RegExp(
  `(?<![\\p{L}\\d])(?:\\p{L}+-(?:ro|daero|gil)|\\p{Script=Hangul}{1,8}(?:로|길)(?:[ \\t]?\\d{1,3}번?길)?)(?:[ \\t]+\\d{1,3}(?:beon)?-?gil)?[ \\t]+${NUMBER}(?![\\d]|(?!${HANGUL_PARTICLE})\\p{L})${KOREAN_UNITS}` +
    `|(?<![\\w.,/:-])(?:\\d{1,4}-dong[ \\t]+\\d{1,5}-ho,?[ \\t]+)?${NUMBER}[ \\t]+\\p{L}+-(?:ro|daero|gil)(?![\\p{L}])`,
  'giu',
);
/** What a Japanese block cannot do without: "6-4-3", "1-chome" (not a date's "2026-05-06" nor a phone number). */
const JAPANESE_HINT = /(?<![\d-])\d{1,2}-(?:ch[oō]me|\d{1,3}-\d{1,3}(?:-\d{3,4})?(?![\d-]))/iu;
const JAPANESE_BLOCKS = new RegExp(JAPANESE_HINT.source, 'giu');
const KOREAN_HINT = /-(?:ro|daero|gil)(?![\p{L}])|\p{Script=Hangul}(?:로|길)/iu;
/** A ward or a district after a street line's comma ("…, Phường Hàng Bài", "…, Quận 1", "…, P. 6", "…, Quan 3"). */
const VIETNAMESE_WARD_AFTER = ',[ \\t]*(?:[pP]hường|[pP]huong|PHƯỜNG|[qQ]uận|[qQ]uan|QUẬN|[PQ]\\.)[ \\t]*[\\p{L}\\d]';
const VIETNAMESE_WARD_AT = new RegExp(`^${VIETNAMESE_WARD_AFTER}`, 'u');
/**
 * Vietnamese streets, a house number then the name's syllables ("120 Nguyễn Huệ", "Số 45 Nam Kỳ Khởi
 * Nghĩa", "88/11 Hàng Bài"): capitalised, or in lower case after "số" (number) or "ở", "tại" (at).
 */
// "Đ." (đường, "d." without its mark) and "P." (phố) may stand before the name ("252 Đ. Võ Văn Tần", "Số 338 P. Hai Bà Trưng"), and the line may be in capitals;
// the number may be an alley's chain ("117/394/35 Vườn Cau");
// "số" may be typed without its marks ("em đang ở So 21 Ba Trieu nhé").
const VIETNAMESE_STREET = new RegExp(
  `(?<![\\w.,/:-])(?:(?:[sS][ốỐoO][ \\t]+)?\\d{1,4}[a-zA-Z]?(?:/\\d{1,4}[a-zA-Z]?){0,3}(?:[ \\t]+[ĐđPpDd]\\.)?(?:[ \\t]+(?:\\p{Lu}\\p{Ll}{0,6}|\\p{Lu}{2,7})){1,5}` +
    `|(?<=(?<![\\p{L}])(?:số|ở|tại)[ \\t])\\d{1,4}[a-zA-Z]?(?:/\\d{1,4}[a-zA-Z]?){0,3}(?:[ \\t]+\\p{Ll}{1,7}){1,5}` +
    // In lower case before the ward or district too ("132 nguyễn huệ, Quan 3").
    `|\\d{1,4}[a-zA-Z]?(?:/\\d{1,4}[a-zA-Z]?){0,3}(?:[ \\t]+\\p{Ll}{1,7}){1,5}(?=${VIETNAMESE_WARD_AFTER}))(?![\\p{L}\\d])`,
  'gu',
);
/** Letters only Vietnamese writes ("Huệ", "Đồng Khởi"): only in a text with them, or with an address's words typed without marks, are such streets looked for. */
const VIETNAMESE_LETTER = /[đĐơƠưƯ\u1EA0-\u1EF9]|(?<![\p{L}])(?:dia chi|phuong|quan[ \t]?\d)(?![\p{L}])/iu;
/** "Địa chỉ" (address) before the line, with or without its marks: "Địa chỉ giao hàng: 10 Pasteur", "dia chi moi cua em la 279 Ho Sen". */
const VIETNAMESE_ADDRESS_BEFORE = /(?<![\p{L}])(?:địa chỉ|dia chi)(?![\p{L}])[^\n\d]{0,40}$/iu;
/** Particles that end a Vietnamese chat line ("em đang ở 21 lê duẩn nhé"). */
const VIETNAMESE_PARTICLES = new Set(['nhé', 'nha', 'nhá', 'ạ', 'à', 'nhe', 'rồi', 'đi', 'ha']);

/** A house on a numbered road, as in Egypt and the Gulf: "9 Road 22", "20 road 81", "11, Street 36". */
const NUMBERED_ROAD = /(?<![\w.,/:-])\d{1,4}[a-z]?,?[ \t]+(?:road|street|st\.|rd\.)[ \t]+\d{1,3}[a-z]?(?![\p{L}\d]|[.,]\d)/giu;
const NUMBERED_ROAD_HINT = /(?:road|street|st\.|rd\.)[ \t]+\d/i;

/**
 * Colombian and Mexican grid addresses: a numbered street, then "#" or "No" and the crossing and
 * distance ("Transversal 166 #117-67", "Cl. 4A Bis Nº 105-92", "diagonal 134b no. 23a-08", "Calle 31
 * #508 x 69 y 71").
 */
const GRID_ADDRESS = new RegExp(
  // A street's number may take "Bis", glued or not, and a cardinal point ("Tv 85 Bis Sur # 40B-80", "Diagonal 13Bis # 3Bis-92"); an avenue may be a numbered street ("Av. Calle 102 # 77-75").
  `(?<![\\p{L}\\d])(?:(?:av\\.|avenida)[ \\t]+(?=calle|carrera))?(?:calle|cl\\.?|cll\\.?|carrera|cra\\.?|kr\\.?|cr\\.?|transversal|transv\\.?|tv\\.?|diagonal|dg\\.?|avenida|av\\.?|ak|ac)[ \\t]+\\d{1,3}[a-z]?(?:[ \\t]?bis)?(?:[ \\t][a-z](?![\\p{L}]))?(?:[ \\t](?:sur|norte|este|oeste)(?![\\p{L}]))?` +
    `[ \\t]*(?:#|no\\.?|n\\.?[º°])[ \\t]?\\d{1,4}[a-z]?(?:[ \\t]?bis)?(?:[ \\t]?-[ \\t]?\\d{1,3}[a-z]?)?(?:[ \\t]x[ \\t]\\d{1,3}(?:[ \\t]y[ \\t]\\d{1,3})?)?${UNITS}(?![\\p{L}\\d])`,
  'giu',
);

/** An Indian house's letter and number before its street ("B-984, Saraswati Marg", "b-98, nehru marg"). */
const LETTERED_HOUSE = new RegExp(`(?<![\\w-])[a-z]-\\d{1,5},[ \\t]+(?:${NAME_WORD}[ \\t]+){1,3}(?:marg|nagar|road|street|lane|cross|main|colony|layout|vihar)(?![\\p{L}])`, 'giu');
const LETTERED_HOUSE_HINT = /(?<![\w-])[a-z]-\d{1,5},/i;
/** Swahili street lines: "Mtaa wa Mvule, Nyumba Na. 72, Ghorofa ya 4", "Barabara ya Mwembe, nyumba nambari 6". */
const SWAHILI_LINE = /(?<![\p{L}])(?:mtaa|barabara)[ \t]+(?:wa|ya)[ \t]+\p{L}+(?:[ \t]+\p{L}+)?,?[ \t]+nyumba[ \t]+(?:na\.?|nambari|namba|no\.?)[ \t]*\d{1,4}[a-z]?(?:,?[ \t]+ghorofa[ \t]+ya[ \t]+\d{1,2})?(?![\p{L}\d])/giu;
const SWAHILI_HINT = /nyumba/i;
/** Persian lines typed in Latin letters: "Pelak 10, Kooche Golestan, Kh. Yas" (plate, lane, street). */
const PERSIAN_LATIN_LINE = /(?<![\p{L}])pelak[ \t]*\d{1,4}(?:,?[ \t]+(?:kooche(?:h)?|kuche(?:h)?|kh\.|khiaban|khiyaban|blvd\.?|meydan|bonbast)[ \t]+\p{L}+){1,3}(?![\p{L}])/giu;
const PERSIAN_LATIN_HINT = /pelak/i;

/**
 * Philippine corners: a house number, the street, "cor." (corner) and the crossing street, the two named
 * together as "Sts." ("1606 Del Pilar cor. Mabini Sts.", "232 narra st cor. escolta str.").
 */
const PHILIPPINE_CORNER = new RegExp(
  `(?<![\\w./:-]|\\d,)\\d{1,5}[a-zA-Z]?,?[ \\t]+(?:${NAME_WORD}[ \\t]+){1,3}cor\\.[ \\t]+(?:${NAME_WORD}[ \\t]+){0,3}(?:sts?|str|streets?)\\.?(?![\\p{L}\\d])`,
  'giu',
);
const PHILIPPINE_CORNER_HINT = /(?<![\p{L}])cor\.[ \t]/iu;

/** Indonesian housing estates: "Perumahan Griya Asri Blok D11 No. 168", "perum taman sari blok d3 no. 31". */
const HOUSING_ESTATE = new RegExp(
  `(?<![\\p{L}])(?:perumahan|perum\\.?|komplek|kompleks|cluster)[ \\t]+(?:${NAME_WORD}[ \\t]+){1,4}?blok[ \\t]+[a-z]{0,2}\\d{0,3}[a-z]?(?:[ \\t]*(?:no\\.?|nomor)[ \\t]*\\d{1,4}[a-z]?)?(?![\\p{L}\\d])`,
  'giu',
);
const HOUSING_HINT = /blok[ \t]+[a-z]{0,2}\d/i;

/**
 * Vietnamese alleys: a house number, then one or more alleys ("ngõ 211", "hẻm 161/52", "ngách 54"),
 * then the street with or without "phố"/"đường" ("số 327 ngõ 211 phố Cây Gạo", "307 hem 161/52 cau
 * tre"), with or without diacritics.
 */
const VIET_ALLEY = new RegExp(
  `(?<![\\p{L}\\d/])(?:s[ốo][ \\t]+(?:nh[àa][ \\t]+)?)?\\d{1,4}[a-z]?(?:/\\d{1,4}[a-z]?)*,?(?:[ \\t]+(?:ng[õo]|h[ẻe]m|ng[áa]ch|ki[ệe]t)[ \\t]+\\d{1,4}(?:/\\d{1,4})*,?)+(?:[ \\t]+(?:đường|duong|phố|pho|đ\\.|d\\.))?((?:[ \\t]+[\\p{L}\\p{M}]+){1,4})`,
  'giu',
);
const VIET_ALLEY_HINT = /\d,?[ \t]+(?:ng[õo]|h[ẻe]m|ng[áa]ch|ki[ệe]t)[ \t]+\d/iu;
/** Words that end a Vietnamese street's name in chat: particles, "to the office", times. */
const VIET_TAIL = new Set([...VIETNAMESE_PARTICLES, 'giúp', 'giup', 'em', 'anh', 'chị', 'chi', 'về', 've', 'lúc', 'luc', 'di', 'roi', 'với', 'voi', 'cho']);

/**
 * Taiwanese addresses in English, the house first: "No. 14, Aly. 11, Ln. 300, Guangfu Rd.", "19F., No. 83,
 * Sec. 2, Fuxing Rd.", "No. 197, Sec. 3, Datong Rd.": a house number, alleys, lanes and sections, then the road.
 */
const TAIWAN_LINE = new RegExp(
  `(?<![\\p{L}\\d])(?:\\d{1,2}f\\.?(?:-\\d{1,2})?,?[ \\t]+)?no\\.[ \\t]?\\d{1,4}(?:-\\d{1,3})?,[ \\t]*(?:(?:aly|ln|sec|lane|alley|section)\\.?[ \\t]?\\d{1,4},[ \\t]*){1,3}` +
    `(?:${NAME_WORD}[ \\t]+){0,2}${NAME_WORD}[ \\t]+(?:rd|st|road|street|blvd|ave|avenue)\\.?(?![\\p{L}\\d])`,
  'giu',
);
const TAIWAN_HINT = /(?:aly|ln|sec)\.[ \t]?\d/i;

const GRID_HINT = /\d[a-z]?(?:[ \t]?bis)?(?:[ \t][a-z])?(?:[ \t](?:sur|norte|este|oeste))?[ \t]*(?:#|no\.?|n\.?[º°])[ \t]?\d/iu;

/** What one of the shapes of {@link findStreetsOfOtherConventions} cannot do without, in one pattern. */
const OTHER_CONVENTIONS_HINT = new RegExp(
  [UNIT_LEAD_HINT, JAPANESE_HINT, KOREAN_HINT, VIETNAMESE_LETTER, NUMBERED_ROAD_HINT, GRID_HINT, HOUSING_HINT, TAIWAN_HINT, SWAHILI_HINT, PERSIAN_LATIN_HINT, LETTERED_HOUSE_HINT].map((re) => `(?:${re.source})`).join('|'),
  'iu',
);

/** The words a unit's lead starts with ({@link UNIT_LEAD}, {@link FLOOR}, a building before a floor), in lower case. */
const UNIT_STEMS = ['apt', 'apartment', 'fl', 'flat', 'villa', 'plot', 'house', 'hse', 'ghar', 'qtr', 'door', 'office', 'suite', 'unit', 'level', 'shop', 'build', 'bldg', 'blk', 'block', 'lot', 'rm', 'room', 'floor', 'no', '#', 'h.', 'căn', 'tòa', 'tower', '/f', 'f,'];
/**
 * Where {@link UNITS_THEN_STREET} can start, found with indexOf: a unit's word or mark with a digit
 * soon after it, a floor, a lettered block or tower, a Malaysian "A-10-6". That pattern tries many
 * words at every position, and where V8 has stopped compiling regular expressions (after about
 * 1 MB of their code, as in bench/pii.ts after its evaluation) that took 146 ms of a scrub of the
 * corpus as one text; it now runs in windows of the lines around these (anchor-windows.ts).
 */
function unitLeads(text: string): number[] {
  // (At a word's start, its number right after it as UNIT_LEAD writes it: "Apt 3708", "flat no. 7", "#217", "Block E", "4th floor".)
  const out = stemPositions(text, UNIT_STEMS).filter(
    (p) => !/[\p{L}\d]/u.test(text[p - 1] ?? '') && /^(?:#|[\p{L}.]{1,12}?\.?[ \t]?(?:no\.?[ \t]?)?#?[ \t]?(?:[a-z]-?)?)\d|^(?:floor|block|blk|build|bldg|tower|tòa|căn)/iu.test(text.slice(p, p + 24)),
  );
  // (A floor written "12F" or "12/F".)
  for (const p of stemPositions(text, ['f'])) {
    const before = text.charCodeAt(p - 1);
    if ((isDigitCode(before) || (before === 47 && isDigitCode(text.charCodeAt(p - 2)))) && !/[\p{L}\d]/u.test(text[p + 1] ?? '')) out.push(Math.max(0, p - 4));
  }
  for (let i = text.indexOf('-'); i !== -1; i = text.indexOf('-', i + 1)) if (i > 0 && /[a-z]-\d{1,2}-\d/i.test(text.slice(i - 1, i + 5))) out.push(i - 1);
  return out.sort((a, b) => a - b);
}

/** Street lines of the conventions after {@link UNIT_LEAD}: units first, Japanese, Korean, Vietnamese and grid addresses. */
export function* findStreetsOfOtherConventions(text: string): Generator<PiiSpan> {
  // (A Philippine corner has no mark the scan below looks for.)
  for (const m of PHILIPPINE_CORNER_HINT.test(text) ? execAll(PHILIPPINE_CORNER, text) : []) {
    // (A sentence's words are no street's: "we met 3 friends cor. the street".)
    if (!m[0].split(/[ \t,]+/).some((w) => NOT_STREET_WORDS.has(w.toLowerCase()))) yield { start: m.index, end: m.index + m[0].length };
  }
  // One scan for what every shape below needs: most texts have none of it.
  if (!OTHER_CONVENTIONS_HINT.test(text)) return;
  const lower = (w: string): string => w.toLowerCase();
  // Both unit shapes try many words at every position: only in a text with a unit's number.
  // Both need a street's suffix too ("Road", "Ave", "Cross").
  const units = UNIT_LEAD_HINT.test(text) && hasSuffixWord(text);
  for (const m of units ? execAround(UNITS_THEN_STREET, text, unitLeads(text), 200, 300) : []) {
    const words = (m[2] ?? '').split(/[ \t,]+/).map(lower);
    if (words.some((w) => NOT_STREET_WORDS.has(w) || CHAT_WORDS.has(w))) continue;
    // "Office 365 last spring": an office's number, then a sentence's words in lower case.
    if (holdsSentenceWord((m[2] ?? '').split(/[ \t,]+/))) continue;
    // "Order #62321 shipped via DHL": "via" after a word in lower case is the English preposition.
    if (/(?:^|[ \t])\p{Ll}+[ \t]+via$/u.test(m[2] ?? '')) continue;
    // "832 feil hill apt. 736, farrellwell": a unit right after a street's suffix is that street's, and a place follows.
    // So is a unit after a house number in the same clause ("78a zimmer 948, bad danielburg").
    const clause = text.slice(Math.max(0, m.index - 60), m.index);
    const before = /([\p{L}.]+)[ \t]+$/u.exec(clause)?.[1];
    // (Not a time or a ratio: "09:00 No. 20, Allen Avenue", "the 1:1 at No. 11, …"; nor an id or a table's other cell: "| E44887 | Qtr. No. 37, …".)
    if ((before !== undefined && TYPE_OR_SUFFIX.test(before)) || /(?<![\d:\p{L}_-])\d+(?![:\d])[^\d.,;:!?()|\n]*$/u.test(clause)) continue;
    yield { start: m.index, end: m.index + m[0].length };
  }
  for (const m of units ? execAllNear(STREET_THEN_UNIT, text, UNIT_AFTER_SPACE, (at) => text.lastIndexOf('\n', at - 1) + 1, (at) => text.indexOf('\n', at) >>> 0) : []) {
    // "Grabbing coffee at lower kabete road, hse no. 21": the street's name starts after the sentence's last function word.
    const words = (m[1] ?? '').trim().split(/[ \t]+/);
    let k = words.length;
    while (k > 0 && !NOT_IN_CUED_LINE.has(lower(words[k - 1] ?? ''))) k--;
    const own = words.slice(k);
    // The unit after it stands for the capital letter a street's name may lack ("lower kabete road, hse no. 21").
    if (own.length === 0 || !cuedWordsLookLikeStreet(own, true)) continue;
    const start = m.index + m[0].indexOf(own.join(' '));
    yield { start, end: m.index + m[0].length };
  }
  if (JAPANESE_HINT.test(text)) {
    // (Around the blocks' numbers only: the place before a block is one word, or two.)
    for (const m of execAround(JAPANESE_BLOCK, text, execAll(JAPANESE_BLOCKS, text).map((b) => b.index), 60, 90)) {
      const place = (m[2] ?? m[3] ?? m[5] ?? m[6] ?? '').split(/[ \t]+/);
      if (cuedWordsLookLikeStreet(place, true)) yield { start: m.index, end: m.index + m[0].length };
    }
  }
  // The other shapes run only where the text has what they cannot match without.
  if (KOREAN_HINT.test(text)) yield* regexSpans(KOREAN_ROAD, text);
  if (VIETNAMESE_LETTER.test(text)) {
    for (const m of execAll(VIETNAMESE_STREET, text)) {
      const words = m[0].split(/[ \t]+/);
      while (words.length > 2 && VIETNAMESE_PARTICLES.has(lower(words[words.length - 1] ?? ''))) words.pop();
      // "xe buýt số 35 đến công ty", "gian hàng số 38", "Điều 33 Bộ luật": a bus, a booth, an article, numbered; no house.
      const counted = /(\p{L}+)[ \t]+(?:s[ốo][ \t]+)?$/iu.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1];
      if (counted !== undefined && VIETNAMESE_COUNTERS.has(counted.toLowerCase())) continue;
      // In a text with Vietnamese letters, a name with marks ("Hàng Bài") or after "số" is a street's.
      // So is one after "tại" or "ở" (at) or the word for address, or before the ward or district ("Họp tại 296 Pasteur, Phường Hàng Bài").
      const end = m.index + words.join(' ').length;
      const placed =
        /(?<![\p{L}])(?:tại|ở)[ \t]+$/iu.test(text.slice(Math.max(0, m.index - 8), m.index)) ||
        VIETNAMESE_WARD_AT.test(text.slice(end, end + 16)) ||
        VIETNAMESE_ADDRESS_BEFORE.test(text.slice(Math.max(0, m.index - 48), m.index));
      if (words.length < 2 || !(/^s/i.test(m[0]) || placed || /[^\x00-\x7f]/.test(words.slice(1).join(' ')))) continue;
      // "Số 64 Phố Hàng Bạc": the line starts at its number, as the street-word shapes take it.
      const lead = /^s[ốo][ \t]+/iu.exec(m[0])?.[0].length ?? 0;
      yield { start: m.index + lead, end: m.index + words.join(' ').length };
    }
  }
  if (NUMBERED_ROAD_HINT.test(text)) yield* regexSpans(NUMBERED_ROAD, text);
  if (GRID_HINT.test(text)) yield* regexSpans(GRID_ADDRESS, text);
  if (HOUSING_HINT.test(text)) yield* regexSpans(HOUSING_ESTATE, text);
  if (TAIWAN_HINT.test(text)) yield* regexSpans(TAIWAN_LINE, text);
  if (SWAHILI_HINT.test(text)) yield* regexSpans(SWAHILI_LINE, text);
  if (LETTERED_HOUSE_HINT.test(text)) yield* regexSpans(LETTERED_HOUSE, text);
  if (PERSIAN_LATIN_HINT.test(text)) yield* regexSpans(PERSIAN_LATIN_LINE, text);
}

/**
 * Vietnamese streets through alleys ({@link VIET_ALLEY}). Their chain of numbers and alley words is
 * like no other shape's, so a line found here stands over the pieces other shapes find in it ("45
 * ngõ", "12 phố Cửa Bắc giúp em nhé").
 */
export function* findVietnameseAlleys(text: string): Generator<PiiSpan> {
  if (!VIET_ALLEY_HINT.test(text)) return;
  for (const m of execAll(VIET_ALLEY, text)) {
    // The street's name ends before a chat particle or what follows it ("… cau tre ve cong ty").
    const words = (m[1] ?? '').trim().split(/[ \t]+/);
    const k = words.findIndex((w) => VIET_TAIL.has(w.toLowerCase()));
    const name = k === -1 ? words : words.slice(0, k);
    if (name.length === 0) continue;
    const end = m.index + m[0].length - (m[1] ?? '').length + (m[1] ?? '').indexOf(name[0] ?? '') + name.join(' ').length;
    yield { start: m.index, end };
  }
}

/** An English street word of {@link ENGLISH_WORD_THEN_NUMBER} before the house number ("Herzl St 101"), with the words before it. */
const ENGLISH_WORD_BEFORE_NUMBER = new RegExp(`^(.*?)[ \\t]+(${ENGLISH_WORD_THEN_NUMBER})(,?\\s+)(${HOUSE_MARK})?\\d`, 'iu');

/**
 * A line of a name, an English street word and the house number ("Herzl St 101", "Kanti Road 97", "Makarios III
 * Ave 67", "Zhongshan Lu No. 440"), found at `index` as `value`: undefined when it is none (the name is English
 * words, a product or jargon: "Wall Street 2", "Fury Road 2"; in mixed case, not capitalised; across a line's end or
 * a comma: "Allen Avenue\n11:30", "Skoufa Street, 712 02"; pinyin "Lu" without "No."); else where it starts and what
 * it is, the sentence's words before the name left out and a house number before the name taken in ("439 Bukit Batok
 * West Avenue 6"). A line of another street word is returned as it is.
 */
export function englishWordLine(text: string, index: number, value: string, caseless: () => boolean): [number, string] | undefined {
  const english = ENGLISH_WORD_BEFORE_NUMBER.exec(value);
  if (english === null) return [index, value];
  const named = (english[1] ?? '').split(/[ \t]+/);
  const caselessLine = caseless();
  const own = named.some((w) => {
    const lower = w.toLowerCase();
    return !ENGLISH_TIER.has(lower) && !JARGON_WORDS.has(lower) && !PRODUCT_WORDS.has(lower) && (caselessLine || /^\p{Lu}/u.test(w));
  });
  if (!own || /[\n,]/.test(english[3] ?? '') || (/^(?:lu|dajie|dadao)$/i.test(english[2] ?? '') && english[4] === undefined)) return undefined;
  // "Skicka till Amager Boulevard 94b": in mixed case the name starts after the sentence's last word in lower case.
  const lowerAt = caselessLine ? -1 : named.findLastIndex((w) => /^\p{Ll}/u.test(w));
  if (lowerAt >= 0) {
    const cut = value.indexOf(named[lowerAt + 1] ?? '', named.slice(0, lowerAt + 1).join(' ').length);
    index += cut;
    value = value.slice(cut);
  }
  // "439 Bukit Batok West Avenue 6": the house number before the name starts the line; the number after names the avenue.
  const house = /(?<![\p{L}\d.,:/#-])\d{1,5}[A-Za-z]?[ \t]+$/u.exec(text.slice(Math.max(0, index - 12), index))?.[0];
  if (house !== undefined && !/(?:blk|block|lot|plot|apt|unit|flat|suite|no\.?|#)[ \t]*$/i.test(text.slice(Math.max(0, index - house.length - 8), index - house.length))) {
    return [index - house.length, text.slice(index - house.length, index + value.length)];
  }
  return [index, value];
}
