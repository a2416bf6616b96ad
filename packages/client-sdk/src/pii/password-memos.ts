import { FINDING_TAG, PLACEHOLDER, isCodeValue } from './password-values.ts';
import { TRAILING_PUNCTUATION, isNumberedThing, isStrongPasswordValue } from './password-shapes.ts';
import { execAround, stemPositions } from './anchor-windows.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A note to oneself that maps a system to its password with an arrow, no word naming a password:
// "Note to self: SAP → January2k26!", "Reminder: the HR system -> tiger_1993_coffee". The memo's
// word and the arrow make the token after it a value; only one of a password's shape is taken
// ("Note to self: v1 → v2" and "reminder: Q3 budget → finance" stay).
// ---------------------------------------------------------------------------------------------

const MEMO_ARROW =
  /(?<![\p{L}])(?:note[ \t]+to[ \t]+self|notes?[ \t]+for[ \t]+me|reminder|remember|memo)[ \t]*[:,–—-]?[ \t]+[^\n→]{1,60}?[ \t]*(?:→|->|=>)[ \t]*(?:(["'“‘«`])([^"'”’»`\n]{4,64})["'”’»`]|([^\s"'“”‘’«»`]{4,64}))/giu;

export function* findMemoPasswords(text: string): Generator<PiiSpan> {
  if (!(text.includes('→') || text.includes('->') || text.includes('=>')) || !/note|remind|remember|memo/i.test(text)) return;
  // (Tried only around the memo's words at a word's start: on a long text the pattern at every position is slow.)
  for (const m of execAround(MEMO_ARROW, text, stemPositions(text, ['note', 'remind', 'remember', 'memo'], true), 2, 160)) {
    const raw = m[2] ?? m[3];
    if (raw === undefined) continue;
    const value = m[2] !== undefined ? raw : raw.replace(TRAILING_PUNCTUATION, '');
    if (PLACEHOLDER.test(value) || FINDING_TAG.test(value) || isCodeValue(value) || isNumberedThing(value) || !isStrongPasswordValue(value)) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(raw);
    yield { start, end: start + value.length };
  }
}
