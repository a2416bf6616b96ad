import { stemPositions } from './anchor-windows.ts';
import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { isForeignFunctionWord, lineLanguagesAt } from './foreign-lines.ts';
import { foldName, isListedName } from './name-lexicon.ts';
import type { PiiSpan } from './types.ts';

// Names after a Spanish or Portuguese title written with its point (issue 13): "dña. isabela
// solorzano firmó el contrato ayer", "DÑA. YAMILETH MONTEIRO FIRMÓ …", "sra. gia lập đào". In a
// line without case the tagger reads no title of those languages and finds nothing; the title is
// as sure a cue as "Mr.". Found with indexOf first: most texts hold none.

/** Titles, in lower case with their point, at a word's start. */
const TITLES = ['sr.', 'sra.', 'srta.', 'dña.', 'doña ', 'sra ', 'dña '];

/** At most this many words after a title are its name's (a given name and two surnames). */
const MAX_WORDS = 3;

const WORD = /^[\p{L}\p{M}'’-]+/u;

/**
 * Whether `w`, after a title or a word of its name, ends the name: a function word of another
 * language, an English word of the commonest lists (a job title's "Sr. Software Engineer"), jargon
 * or a product, unless a name list holds it; or a verb in the past of the third person, the
 * sentence's ("firmó", "envió", "assinou").
 */
function endsName(w: string): boolean {
  const lower = w.toLowerCase();
  if (isListedName(w)) return false;
  if (isForeignFunctionWord(w) || (ENGLISH_TIER.get(lower) ?? 9) <= 2 || JARGON_WORDS.has(lower) || PRODUCT_WORDS.has(foldName(w))) return true;
  return lower.length >= 4 && (lower.endsWith('ó') || lower.endsWith('ou'));
}

/** The names that a Spanish or Portuguese title introduces in `text`. */
export function findForeignTitledNames(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const at of stemPositions(text, TITLES, true)) {
    const title = TITLES.find((t) => text.slice(at, at + t.length).toLowerCase() === t) ?? '';
    // ("Sr." is English's "Senior" too: "the sr. dev team"; it is a title in a line of another language only.)
    if (title === 'sr.' && lineLanguagesAt(text, at).length === 0) continue;
    let i = at + title.length;
    if (text.charCodeAt(i) === 32) i++;
    let end = -1;
    for (let k = 0; k < MAX_WORDS; k++) {
      const w = WORD.exec(text.slice(i, i + 40))?.[0];
      if (w === undefined || w.length < 2 || endsName(w)) break;
      end = i + w.length;
      // (Words of one name are one blank apart: a comma, a line's end or a point ends it.)
      if (text.charCodeAt(end) !== 32) break;
      i = end + 1;
    }
    if (end > 0) out.push({ start: at + title.length + (text.charCodeAt(at + title.length) === 32 ? 1 : 0), end });
  }
  return out;
}
