import { isContextSecret } from './secret.ts';
import type { PiiSpan, Scrubber } from './types.ts';
import { execAll } from './text.ts';

// RFC 5322 dot-atom local part, narrowed to what people type; the domain needs a dot and an
// alphabetic TLD, so `react@18.2.0` (a package spec) is not an address.
const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])/g;

/** A URL's scheme, user and colon before the match, and any part of the password ("postgresql://bi_reader:river~staple~" before "battery@pg-1.internal", "https://deploy:P@" before "ssw0rd@git.acme.local"). */
const URL_USERINFO_BEFORE = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s\/@:]*:[^\s\/]*$/;

/** Retina image names (`logo@2x.png`) look like addresses. */
const IMAGE_SCALE = /@\d+(?:\.\d+)?x\.[a-z]+$/i;

function* findEmails(text: string): Generator<PiiSpan> {
  if (!text.includes('@')) return;
  for (const m of execAll(EMAIL, text)) {
    const value = m[0];
    if (IMAGE_SCALE.test(value) || value.includes('..')) continue;
    // `git@github.com:org/repo.git` is a remote, not a mailbox.
    if (value.startsWith('git@') && text.charCodeAt(m.index + value.length) === 58 /* : */) continue;
    // `scheme://user:password@host`: the part before '@' is a password (SECRET), not a mailbox.
    if (m.index > 0 && !/\s/.test(text[m.index - 1] ?? ' ') && URL_USERINFO_BEFORE.test(text.slice(Math.max(0, m.index - 300), m.index))) continue;
    // "pwd: Pancake@91.gizmo": a password given by its context, in an address's shape.
    if (isContextSecret(text, m.index, m.index + value.length)) continue;
    yield { start: m.index, end: m.index + value.length };
  }
}

export const emailScrubber: Scrubber = { type: 'EMAIL', priority: 20, find: findEmails };
