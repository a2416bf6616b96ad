import { isContextSecret } from './secret.ts';
import { codeAt, isWordCode, execAll } from './text.ts';
import type { PiiSpan, Scrubber } from './types.ts';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Dotted quad without leading zeros. Not preceded by a letter, digit or dot (so `v1.2.3.4`
// and the tail of `10.1.2.3.4` are skipped) and not followed by `.digit` (a fifth part).
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
// Anything hex-and-colon with at least two colons; validated by parseIpv6.
const IPV6_CANDIDATE = /(?<![\w:.])(?=[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:)[0-9A-Fa-f:.]{2,45}(?:%[0-9A-Za-z_.]{1,15})?/g;
const IPV4_TAIL = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** RFC 4291 §2.2 text forms: eight groups, `::` at most once, an optional dotted-quad tail. */
export function isIpv6(s: string): boolean {
  const zone = s.indexOf('%');
  const addr = zone >= 0 ? s.slice(0, zone) : s;
  let groups = 0;
  let body = addr;
  const lastColon = addr.lastIndexOf(':');
  const tail = addr.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4_TAIL.test(tail)) return false;
    groups += 2;
    body = addr.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  for (const half of halves) {
    if (half === '') continue;
    for (const g of half.split(':')) {
      if (!HEX_GROUP.test(g)) return false;
      groups++;
    }
  }
  if (halves.length === 2) return groups <= 7 && /[0-9A-Fa-f]/.test(addr);
  return groups === 8;
}

function* findIpAddresses(text: string): Generator<PiiSpan> {
  for (const m of execAll(IPV4, text)) {
    // `Chrome/120.0.0.0` is a product version, not an address.
    if (text[m.index - 1] === '/' && isWordCode(codeAt(text, m.index - 2))) continue;
    // "password: 10.0.9.147": a password given by its context, in an address's shape (as the e-mail scrubber leaves one).
    if (isContextSecret(text, m.index, m.index + m[0].length)) continue;
    yield { start: m.index, end: m.index + m[0].length };
  }
  // (Two colons at least: most texts have none.)
  for (const m of text.includes(':') ? execAll(IPV6_CANDIDATE, text) : []) {
    let s = m[0];
    // Sentence punctuation after an address (`fe80::1.` or `… ::1:`) is not part of it.
    while (s.length > 2 && /[.:]$/.test(s) && !s.endsWith('::')) s = s.slice(0, -1);
    if (isWordCode(codeAt(text, m.index + m[0].length))) continue;
    if (isIpv6(s)) yield { start: m.index, end: m.index + s.length };
  }
}

export const ipAddressScrubber: Scrubber = { type: 'IP_ADDRESS', priority: 40, find: findIpAddresses };
