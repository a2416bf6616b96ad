import { isAnyShapeValue } from './password-any-shape.ts';
import { hasPasswordHint, passwordCueSpans } from './password-cues.ts';
import { isPassphraseRun } from './password-values.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A wireless network's label opening a line, and what follows it to the line's end: "wifi: X",
// "- WLAN = X". A guest is given the key this way more than the network's name, which has a line of
// its own beside a password's ("WiFi: AcmeGuest\nPassword: X"): with another cue in the text the
// label names the network, and the line is left to the rules of that cue.
// ---------------------------------------------------------------------------------------------

/** The label at a line's start, after a list's bullet: "wifi:", "• Wi-Fi =", "WLAN:". */
const NETWORK_LINE = /^[ \t]*(?:[-*•·][ \t]*)?(?:wi-?fi|wlan)[ \t]*[:=][ \t]*(?=\S)/gimu;
/** What a listing or a review says of a network, not its key: a speed, a band, a standard. */
const NETWORK_FACT = /^(?:\d+(?:[.,]\d+)?[ \t]*(?:[kmg]bi?t?p?s|[kmg]b|[gm]hz|%|x)|802\.11\w*|[kmgt]bps|(?:2\.4|5|6)g(?:hz)?|wpa\d?\w*|wep|n\/a)$/i;

/** The key on a wireless network's line; undefined when the line says something else of the network. */
function keyOnLine(line: string): [number, number] | undefined {
  const value = line.replace(/[ \t]+$/, '');
  if (value.length === 0 || NETWORK_FACT.test(value)) return undefined;
  // (A network's name and its key set apart, "wifi: Guest_2G / lato22", is read by the rules of a user and a password.)
  if (/[ \t][\/|,;][ \t]|[ \t][\/|]$/.test(value)) return undefined;
  const words = value.split(/[ \t]+/);
  // (A web address is the network's sign-in page: "WiFi: https://portal.hotel.example".)
  if (words.length === 1) return isAnyShapeValue(value, true) ? [0, value.length] : undefined;
  // (Prose holds a function word: "wifi: free in every room".)
  return words.length <= 6 && value.length <= 64 && isPassphraseRun(words) ? [0, value.length] : undefined;
}

export function* findNetworkLinePasswords(text: string): Generator<PiiSpan> {
  if (!hasPasswordHint(text) || !/wi-?fi[ \t]*[:=]|wlan[ \t]*[:=]/i.test(text)) return;
  const others = passwordCueSpans(text).filter((q) => !/^(?:wi-?fi|wlan)$/i.test(text.slice(q.start, q.end)));
  if (others.length > 0) return;
  for (const m of text.matchAll(NETWORK_LINE)) {
    const at = m.index + m[0].length;
    const nl = text.indexOf('\n', at);
    const key = keyOnLine(text.slice(at, nl === -1 ? text.length : nl).replace(/\r$/, ''));
    if (key !== undefined) yield { start: at + key[0], end: at + key[1] };
  }
}
