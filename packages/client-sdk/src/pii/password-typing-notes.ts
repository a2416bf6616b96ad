import { isAnyShapeValue } from './password-any-shape.ts';
import { isChosenWord, isPassphraseRun } from './password-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A value alone on its line, with a note under it on how to type it: "here you go:\nX\n(case
// sensitive)", "X\n(all lower case, no spaces)". What must be typed letter for letter is a secret;
// the note needs no cue, and a login's user, which it may also be said of, stands under its label.
// ---------------------------------------------------------------------------------------------

/** A note on how to type the line above, alone on its line, in brackets or not. */
const TYPING_NOTE =
  /^[ \t]*[(\[]?[ \t]*(?:(?:it['’]?s|note:?|nb:?|btw|fyi)[ \t,]+)?(?:case[- ]?sensitive|all[ \t]+(?:lower|upper)[ -]?case|all[ \t]+caps|no[ \t]+spaces|without[ \t]+(?:the[ \t]+)?(?:quotes|spaces))(?:[ \t]*[,;][ \t]*[\p{L} -]{0,30})?[ \t]*[.!]*[ \t]*[)\]]?[ \t]*$/iu;
/** Cheap test before {@link TYPING_NOTE} is tried on any line. */
const NOTE_HINT = /sensitive|[lr][ -]?case|all caps|no spaces|without (?:the )?(?:quotes|spaces)/i;
/** A label before the value's line that makes it a user's name or an address, of which the note is also said. */
const USER_LABEL = /(?:user(?:[ \t]?name)?|login|e-?mail|account|id|benutzer(?:name)?|utilisateur|usuario)[ \t]*[:=]?[ \t]*$/i;

function lineAt(text: string, start: number): string {
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '');
}

/** The value a line holds alone: one token of any shape but a label, or a passphrase's words. */
function valueOfLine(line: string): [number, number] | undefined {
  const lead = line.length - line.trimStart().length;
  const value = line.trim();
  // (Two letters of a script that writes words in few, "猫咪", are a value; two Latin characters are not.)
  if (/^[^\u0000-\u024f\s]{2}$/u.test(value) && /^\p{L}+$/u.test(value)) return [lead, lead + 2];
  if (value.length < 3 || value.length > 128 || /:$/.test(value)) return undefined;
  const words = value.split(/[ \t]+/);
  if (words.length === 1) {
    // (A plain word is taken when no list of prose holds it: the note says it is typed, not read.)
    const word = /^\p{L}{3,}$/u.test(value) ? isChosenWord(value) : isAnyShapeValue(value, true);
    return word ? [lead, lead + value.length] : undefined;
  }
  return words.length <= 6 && isPassphraseRun(words) ? [lead, lead + value.length] : undefined;
}

export function* findTypingNotePasswords(text: string): Generator<PiiSpan> {
  if (!NOTE_HINT.test(text)) return;
  let lineStart = 0;
  let prev = -1;
  let prevPrev = -1;
  while (lineStart <= text.length) {
    const line = lineAt(text, lineStart);
    if (prev !== -1 && TYPING_NOTE.test(line)) {
      const above = lineAt(text, prev);
      const head = prevPrev === -1 ? '' : lineAt(text, prevPrev);
      const v = valueOfLine(above);
      if (v !== undefined && !USER_LABEL.test(head)) yield { start: prev + v[0], end: prev + v[1] };
    }
    if (line.trim() !== '') {
      prevPrev = prev;
      prev = lineStart;
    }
    const nl = text.indexOf('\n', lineStart);
    if (nl === -1) break;
    lineStart = nl + 1;
  }
}
