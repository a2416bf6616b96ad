// Passwords near a cue though no link ties them to it: a word and digits on the cue's line or the
// lines around it, or near words about a login just set up ("reset the kiosk login. Lizard1800 is
// what i set it to"); and the words that say what a password is for, or when, rather than what it is.

import { PASSWORD_COMPOUND, hasPasswordHint, passwordCues } from './password-cues.ts';
import { bareWord, wordAndDigits } from './password-shapes.ts';
import { execAll } from './text.ts';
import type { PiiSpan } from './types.ts';

/** Words after which a password-shaped word is what the password is for, not the password. */
export const PASSWORD_OWNER_WORDS = /^(?:for|on|of|at|in|from|user|username|login|account|host|hostname|server|machine|box|id|ticket|via|about|mailbox|email|e-mail|ssid|network|till|til|för|på|für|van|voor|pour|para|per|do|da|di|del|de|du|dla|na)$/i;

/**
 * Words that make a word-and-digits nearby a password though no word names one: a login or an
 * account just reset or set up, a value not to be passed on ("reset the kiosk login. Lizard1800
 * is what i set it to", "its bamboo09$ for both accounts", "harbor4 — dont share").
 */
const LOGIN_CUE_WORDS =
  /(?<![\p{L}\d_])(?:log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in|accounts?|set it to|reset (?:it|your|the|his|her|their)|(?:do not|don['’]?t|dont)[ \t]+(?:share|forward|post))(?![\p{L}\d_])/giu;
const LOGIN_CUE_HINT = /log|sign|account|set it|reset|share|forward|post/i;

/** A season, a quarter or a month with its year, naming what follows ("Spring2027 release notes", "FY2024 budget", "Jan2026 newsletter"). */
export const PERIOD = /^(?:spring|summer|autumn|fall|winter|herbst|sommer|frühling|fruehling|lente|zomer|herfst|primavera|verano|otoño|otono|invierno|été|ete|hiver|printemps|automne|estate|autunno|inverno|kesä|kesa|talvi|syksy|kevät|kevat|vår|var|sommar|höst|host|vinter|lato|zima|jesień|jesien|wiosna|yaz|kış|kis|sonbahar|ilkbahar|q[1-4]|h[12]|fy|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)[-_]?(?:19|20)?\d\d$/i;
const PERIOD_THING =
  /^[ \t]+(?:release|notes?|newsletter|interns?|offsite|roadmap|planning|kick-?off|review|report|budget|campaign|cohort|sprint|launch|edition|update|collection|sale|catalog(?:ue)?|season|term|semester|intake|class|batch|agenda|retro|all-hands|town-?hall|party|event|hires?|onboarding|goals|okrs?|results|board|plan|forecast|close|audit|conference|summit|hackathon|migration|demo|env|environment|rollout|cutover|freeze|upgrade|pilot)(?![\p{L}])/iu;
/** A period's name after a word that dates something ("reset all passwords every Spring 2025"), or before the thing it names. */
export function isPeriodName(word: string, after: string, previous = ''): boolean {
  return PERIOD.test(word) && (PERIOD_THING.test(after) || /^(?:every|each|next|last|this|since|during|until|before|after|by)$/i.test(previous));
}

/** Whether `line` is a row of one token with `count` commas or semicolons, as a table's header or row is. */
function sameDelimiters(line: string, count: number): boolean {
  return /^[ \t]*\S+[ \t]*\r?$/.test(line) && (line.match(/[,;]/g)?.length ?? 0) === count;
}

/** Word-and-digits passwords on a cue's line, the line before it or the line after it. */
export function* findWordAndDigitsNearCues(text: string): Generator<PiiSpan> {
  const cues = hasPasswordHint(text) ? [...passwordCues(text)] : [];
  if (LOGIN_CUE_HINT.test(text)) for (const m of execAll(LOGIN_CUE_WORDS, text)) cues.push({ index: m.index, cue: m[0] });
  if (cues.length === 0 || !/\d|[!#$%&*+=?@^_~]/.test(text)) return;
  // The lines to read, each once however many cues stand near it: by where they start.
  const lines = new Map<number, number>();
  for (const { index, cue } of cues) {
    const cueEnd = index + cue.length;
    // "password manager", "password policy": about passwords in general.
    if (PASSWORD_COMPOUND.test(/^[\s:]*([\p{L}-]+)/u.exec(text.slice(cueEnd, cueEnd + 40))?.[1] ?? '')) continue;
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    const before = lineStart === 0 ? -1 : text.lastIndexOf('\n', lineStart - 2) + 1;
    const lineEnd = text.indexOf('\n', cueEnd);
    const after = lineEnd === -1 ? -1 : lineEnd + 1;
    for (const start of [before, lineStart, after]) {
      if (start < 0 || lines.has(start)) continue;
      const end = text.indexOf('\n', start);
      lines.set(start, end === -1 ? text.length : end);
    }
  }
  for (const [from, to] of lines) {
    let previous = '';
    const line = text.slice(from, to);
    // Chinese and Japanese punctuation parts words as a space does ("パスワード：HarborLamp58#"), and so do
    // the commas and semicolons of an export's row ("router,admin,Gz71!kq"; not "cowboy,Hammer" in a sentence).
    // (One comma is enough under a header of as many: "user,password" then "alice,Xy7!pp2q".)
    const commas = /^[ \t]*\S+[ \t]*\r?$/.test(line) ? (line.match(/[,;]/g)?.length ?? 0) : 0;
    const row = commas >= 2 || (commas === 1 && from > 0 && sameDelimiters(text.slice(text.lastIndexOf('\n', from - 2) + 1, from - 1), commas));
    for (const w of line.matchAll(row ? /[^\s：，。、,;]+/gu : /[：，。、]/.test(line) ? /[^\s：，。、]+/gu : /\S+/g)) {
      // Neither shape is all letters: most words are passed over here.
      const word = /[^\p{L}'’.,;:]/u.test(w[0]) ? wordAndDigits(w[0]) : undefined;
      // "the password for web01", "login user42": what the password is for, or whose; "the
      // Spring2027 release notes": a period's name.
      if (word !== undefined && !PASSWORD_OWNER_WORDS.test(previous) && !isPeriodName(word, line.slice(w.index + w[0].length), previous)) {
        const start = from + w.index + bareWord(w[0]).lead;
        yield { start, end: start + word.length };
      }
      // A sentence's end or a comma parts the owner from the value ("reset the kiosk login.
      // Lizard1800 is …", "reset your account, Kestrel#208 works").
      previous = /[.!?,;]$/.test(w[0]) || /^[,;，。、]/.test(line.slice(w.index + w[0].length)) ? '' : bareWord(w[0]).word;
    }
  }
}
