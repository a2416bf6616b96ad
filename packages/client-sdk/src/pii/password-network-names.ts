import { passwordCueSpans } from './password-cues.ts';
import type { PiiSpan } from './types.ts';

// A network's name given beside its password ("wifi: Office-5G\npass: Tr0ub4dor&3", "WLAN: Gast / Passwort:
// …"): the value after "wifi:" is the network's, not a secret, when another cue gives the password after it.

/** "wifi:", "WLAN =", "network name:", "SSID" right before a value on its line. */
const NETWORK_LABEL = /(?<![\p{L}\d])(?:wi-?fi|wlan|ssid|network)(?:[ \t]+name)?(?:[ \t]+is|[ \t]*[:=])?[ \t]*["'`“]?$/iu;
/** How far after the value the password's own cue may start. */
const CUE_REACH = 80;

/** Whether `s` is a network's name: after a network's label, with a password's cue after it. */
export function isNetworkName(text: string, s: PiiSpan): boolean {
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  if (!NETWORK_LABEL.test(text.slice(Math.max(lineStart, s.start - 24), s.start))) return false;
  return passwordCueSpans(text).some((q) => q.start >= s.end && q.start - s.end <= CUE_REACH && !/^(?:wi-?fi|wlan)$/i.test(text.slice(q.start, q.end)));
}
