import { isFieldStandIn } from './password-word-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// The bounds of a password any rule took, read once more where the text around it says more:
// a question's mark after it ("is the pw Jk8!sd9?"), a login's user before it ("admin/B@d"), a
// word that stands in for a value in another language ("Passwort: vergessen") or a script's
// argument ("pw = $arg1").
// ---------------------------------------------------------------------------------------------

/**
 * Words of another language that say the password is forgotten, expired, unchanged or elsewhere
 * (German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Polish, Turkish), beside the
 * stand-ins of a form's field ({@link isFieldStandIn}).
 */
const STATE_WORDS: ReadonlySet<string> = new Set(
  ('abgelaufen geändert vergessen verloren gesperrt unbekannt ' +
    'oublié oubliée expiré expirée changé changée perdu perdue inconnu bloqué ' +
    'olvidé olvidada olvidado caducada caducado cambiada cambiado perdida desconocida bloqueada ' +
    'esqueci esquecida esquecido expirada expirado alterada perdida bloqueada ' +
    'dimenticata dimenticato scaduta scaduto cambiata perso persa bloccata ' +
    'vergeten verlopen gewijzigd kwijt geblokkeerd ' +
    'glömt glömd utgånget ändrat borta spärrat ' +
    'zapomniane zapomniałem zapomniałam wygasło zmienione ' +
    'unuttum unutuldu değişti').split(' '),
);

/** A script's argument or a numbered variable standing for the value: "$1", "$arg1", "%1", "$ARGV[0]", "%~1". */
const SCRIPT_ARGUMENT = /^(?:\$\d{1,2}|%~?\d|\$(?:args?|argv|param|params|parameter|input|val|value|opt|var|pass|passwd|password|pw|pwd|secret|new|old|tmp)_?\d{0,2}(?:\[\d+\])?)$/i;

/** Who logs in, before a slash and the password ("admin/B@d"): the usual accounts of devices and services. */
const LOGIN_USER = /^(?:admin|administrator|root|user|guest|sa|pi|ubnt|operator|support|test|demo|postgres|mysql|oracle|ftp|manager|super|superuser|sysadmin|service|svc[_.-][\w.-]{1,30}|[\w.-]{1,30}@[\w.-]{1,60})\/(?=[^\s\/]{3,}$)/i;

/** Words that ask a question before the value: "is the pw X?", "was it still X?", "did you mean X?". */
const ASKS = /(?:^|[.!?:;,\n]\s*|\b(?:so|and|but|hey|wait|also)\s+)(?:is|was|are|were|isn['’]?t|wasn['’]?t|did|does|do|can|could|would|will|should|shall|has|have|what['’]?s|whats)\b[^.!?\n]{0,80}$/i;

/** Words of time in lower case that say when, not what: "login: tomorrow noon" ("Friday" may be one). */
const WHEN_WORDS = /^(?:noon|midnight|tomorrow|today|tonight|yesterday|morning|afternoon|evening|later|soon|asap|eod|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** A span's value that stands for no password: a state or a stand-in in another language, a script's argument, a time. */
export function standsInForPassword(value: string): boolean {
  const word = value.replace(/[.!]$/, '');
  return (/^\p{L}+$/u.test(word) && (STATE_WORDS.has(word.toLowerCase()) || isFieldStandIn(word) || (WHEN_WORDS.test(word) && word === word.toLowerCase()))) || SCRIPT_ARGUMENT.test(value);
}

/** The span cut to the password: without a login's user before a slash, nor a question's mark after it. */
export function passwordBounds(text: string, s: PiiSpan): PiiSpan {
  let { start, end } = s;
  const value = text.slice(start, end);
  const user = LOGIN_USER.exec(value);
  if (user !== null) start += user[0].length;
  // A question's mark ends the question, not the value: "is the pw Jk8!sd9?" (not "??", nor a mark inside: "wh?t?").
  if (end - start > 4 && text[end - 1] === '?' && text[end - 2] !== '?' && !text.slice(start, end - 1).includes('?') && /^(?:\s|$)/.test(text.slice(end, end + 1))) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (ASKS.test(text.slice(Math.max(lineStart, start - 120), start))) end--;
  }
  return { start, end };
}
