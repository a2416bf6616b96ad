// Name guesses that are the words around a password or a code rather than a name: prose about a
// password in a language the word lists lack, and the sentence before a code's digits (person.ts).

import { passwordCueSpans } from './password-cues.ts';
import { isContextSecret } from './secret.ts';
import type { PiiSpan } from './types.ts';

/** `spans` without the guesses that are prose about a password (see {@link aboutAPassword}). */
export function withoutPasswordProse(text: string, spans: PiiSpan[]): PiiSpan[] {
  const cues = spans.length > 0 ? passwordCueSpans(text) : [];
  if (cues.length === 0) return spans;
  const near = cuesByEnd(cues);
  return spans.filter((s) => !aboutAPassword(text, s, near));
}

/**
 * A guess right before digits the secret scrubber takes as a code (a copula between at most) is the
 * code's sentence ("bike lock combo 753", "la caja fuerte abre con 7403", "sejf otwiera się kodem
 * 0558", "le code de la porte est 05182"): no name stands between a code's cue and its digits.
 */
export function beforeCode(text: string, s: PiiSpan): boolean {
  // (A copula may stand between: "… de la porte est 05182".)
  const m = /^[ \t]*(?:\p{Ll}{2,4}[ \t]+)?[:=]?[ \t]*(\d{3,})(?!\d)/u.exec(text.slice(s.end, s.end + 24));
  if (m === null) return false;
  const start = s.end + m[0].length - (m[1]?.length ?? 0);
  return isContextSecret(text, start, s.end + m[0].length);
}

/**
 * A name guess that holds a word naming a password, or follows one right away, is prose about a
 * password in a language the word lists lack ("hasło zmienione", "şifre süresi doldu",
 * "contraseña olvidada", "I forgot my password lol"): no name holds such a word, and the value
 * after a cue is the password scrubber's.
 */
function aboutAPassword(text: string, s: PiiSpan, { cues, longest }: CuesByEnd): boolean {
  // Only the cues that end at most 16 characters before the span and start before its end can
  // touch it: found by their ends (a long text has hundreds of cues and thousands of guesses).
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid]?.end ?? 0) < s.start - 16) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < cues.length; k++) {
    const c = cues[k] as PiiSpan;
    if (c.end - longest >= s.end) break;
    // (Only a short gap can be blanks and a colon: no slice of the text between a far cue and the span.)
    if ((c.start < s.end && s.start < c.end) || (c.end <= s.start && s.start - c.end <= 16 && /^[ \t]*[:=]?[ \t]*$/.test(text.slice(c.end, s.start)))) return true;
  }
  return false;
}

/** Cue spans in the order of their ends, and the length of the longest. */
interface CuesByEnd {
  cues: readonly PiiSpan[];
  longest: number;
}

function cuesByEnd(cues: readonly PiiSpan[]): CuesByEnd {
  let longest = 0;
  for (const c of cues) longest = Math.max(longest, c.end - c.start);
  return { cues: [...cues].sort((a, b) => a.end - b.end), longest };
}
