import { isAnyShapeValue, valueAt } from './password-any-shape.ts';
import { hasPasswordHint, passwordCues } from './password-cues.ts';
import { isStrongPasswordValue } from './password-shapes.ts';
import { isChosenPlainWord } from './password-plain-words.ts';
import { isPassphraseRun } from './password-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A value given again to correct one given before: "typo in my last msg, should be X not the old
// one", "ignore the earlier one, use X instead", "sorry, wrong password earlier — it's X". The
// correction's words say a value is replaced; the link ("should be", "use … instead", "it's") says
// where the new one stands. With a password's cue shortly before, the value may be of any shape a
// password takes, a plain word or a run of words among them; without one, only a token no prose
// holds (a digit or a mark with letters, another script), and never a date, a time, a version or a
// count, which corrections of anything else give.
// ---------------------------------------------------------------------------------------------

/** Cheap test for a correction that needs no password's cue. */
const CORRECTION_HINT = /typo|orrect|ignore|my bad|old one|earlier one|previous one|last one/i;
/** Words that say what was given before was wrong. */
const CORRECTION_MARK =
  /(?<![\p{L}])(?:typos?|correction|corrected|my bad|oops|sorry|wrong|mistake|ignore|changed|(?:the|that)[ \t]+(?:old|earlier|previous|last|first|other)[ \t]+one|new[ \t]+one)(?![\p{L}])/iu;
/** The same words, strong enough without a password's cue: "sorry" and "wrong" say too much else. */
const STRONG_CORRECTION_MARK = /(?<![\p{L}])(?:typos?|correction|corrected|my bad|ignore|(?:the|that)[ \t]+(?:old|earlier|previous|last|first|other)[ \t]+one)(?![\p{L}])/iu;
/** The link before the new value: "should be", "it's", "use" (closed by "instead"), "meant". */
const LINK = /(?<![\p{L}])(?:should[ \t]+(?:be|have[ \t]+been|read)|it['’]s|it[ \t]+is|is[ \t]+actually|i[ \t]+meant|meant|use|try|(?:new|right|correct|actual|updated)[ \t]+one(?:[ \t]+is|[ \t]*[:=]))[ \t]*:?[ \t]+(?=\S)/giu;
/** What may close the new value: the old one set against it, "instead", the clause's or line's end. */
const VALUE_END = /^(?:[ \t]+(?:not|instead|rather)(?![\p{L}])|[ \t]*(?:[,;!)]|[.?](?:\s|$)|[ \t][-–—][ \t]|\r?\n|$))/u;
/** "not" then another value, not the one given before ("not python", against "not the old one", "not what I sent"). */
const OTHER_VALUE_AFTER = /^[ \t]+not[ \t]+(?!(?:the|that|this|my|what|it|one)(?![\p{L}]))/iu;
/** How far before the link the correction's words and the cue may stand. */
const REACH = 160;

/** Shapes a correction of anything else gives: a date, a time, a version, a count, an address, a path. */
function isOtherCorrection(value: string): boolean {
  return (
    /^\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?!?$/.test(value) ||
    /^\d{1,2}(?:[:.]\d\d)?(?:[ap]m)?$/i.test(value) ||
    /^v?\d+(?:\.\d+)+[\w-]*$/i.test(value) ||
    /^\d{1,3}$|^(?:19|20)\d\d$/.test(value) ||
    /:\/\/|^www\.|^[\w.-]+\.(?:com|org|net|io|de|uk|fr)(?:\/|$)|@[\w-]+\.[\w.-]+$/i.test(value) ||
    /^(?:~|\.{0,2})\/|^[A-Za-z]:\\/.test(value)
  );
}


/** The value after a link, and whether it may be of the shapes a cue admits. */
function correctedValue(text: string, at: number, cued: boolean): PiiSpan | undefined {
  const v = valueAt(text, at);
  if (v !== undefined && !v.label && VALUE_END.test(text.slice(v.end))) {
    const value = text.slice(v.start, v.end);
    if (v.quoted) return cued || !/\s/.test(value) ? { start: v.start, end: v.end } : undefined;
    // (Two letters of a script that writes words in few, "사랑", are a value.)
    const shaped = isStrongPasswordValue(value) || isAnyShapeValue(value, true) || /^[^\u0000-\u024f\s\p{P}]{2}$/u.test(value);
    if (cued && (shaped || isChosenPlainWord(value) || /:\/\/|^www\.|^(?:~|\.{0,2})\/|^[A-Za-z]:\\/.test(value))) return { start: v.start, end: v.end };
    // (Without a cue, the old value is not named beside it: "should be python3 not python" corrects a word.)
    if (!cued && shaped && !isOtherCorrection(value) && !OTHER_VALUE_AFTER.test(text.slice(v.end))) return { start: v.start, end: v.end };
    if (cued || !/[ \t]/.test(text[v.end] ?? '')) return undefined;
  }
  // A run of words to the line's end, or to "instead" / "not": a passphrase, with a cue only.
  if (!cued) return undefined;
  const nl = text.indexOf('\n', at);
  const line = text.slice(at, nl === -1 ? text.length : nl).replace(/\s+$/, '');
  const run = /^(.+?)(?:[ \t]+(?:not|instead)(?![\p{L}]).*)?[.!]?$/u.exec(line)?.[1] ?? '';
  const words = run.split(/[ \t]+/);
  return words.length >= 3 && words.length <= 6 && isPassphraseRun(words) ? { start: at, end: at + run.length } : undefined;
}

export function* findCorrectedPasswords(text: string): Generator<PiiSpan> {
  // (Only where the correction's words stand: most texts with a cue correct nothing.)
  const strong = CORRECTION_HINT.test(text);
  const cues = hasPasswordHint(text) && (strong || CORRECTION_MARK.test(text)) ? passwordCues(text) : [];
  if (cues.length === 0 && !strong) return;
  for (const m of text.matchAll(LINK)) {
    const head = text.slice(Math.max(0, m.index - REACH), m.index);
    // (The correction's words before the link, on its line or the one above.)
    const near = head.split('\n').slice(-2).join('\n');
    const cued = cues.some((c) => c.index < m.index && m.index - c.index <= REACH && !text.slice(c.index, m.index).includes('\n\n'));
    if (!(cued ? CORRECTION_MARK : STRONG_CORRECTION_MARK).test(near)) continue;
    // ("use X" is closed by "instead" in a correction: "use the VPN" is advice.)
    const word = m[0].trim().toLowerCase();
    const at = m.index + m[0].length;
    const s = correctedValue(text, at, cued);
    if (s === undefined) continue;
    if ((word === 'use' || word === 'try') && !cued && !/^[ \t]+instead(?![\p{L}])/u.test(text.slice(s.end))) continue;
    yield s;
  }
}
