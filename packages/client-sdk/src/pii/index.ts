/**
 * On-device PII scrubbing for the Conclave client SDK. Text that a tool hands to training is
 * passed through {@link scrubPii} first: e-mail addresses, phone numbers, Luhn-valid card
 * numbers, mod-97-valid IBANs, US SSNs, IPv4/IPv6 addresses, credentials (cloud and API keys,
 * tokens in URLs, JWTs, PEM private keys, high-entropy strings) and people's names are replaced
 * by `[TYPE]` placeholders. Findings report offsets into the original text. Runs the same in
 * Node and in browsers: no I/O, no Node built-ins. The lexicon (word and name lists, tagger
 * weights) is imported with the scrubber in Node; in browsers it is a chunk of its own that
 * {@link loadPiiLexicon} fetches (the browser client starts it when created; `record()` waits
 * for it), and `scrubPii` throws `LEXICON_NOT_LOADED` until it is there.
 *
 * Decisions: in a URL or a `key=value` only the secret value is replaced, so the URL or the
 * setting stays readable; hex-only strings (git SHAs, digests, UUIDs) are ids and are kept
 * unless named as a secret (`token=…`); dates, times, prices, versions, ticket keys and order
 * ids are never touched on purpose. Overlaps go to the longest span, then to the more
 * specific scrubber ({@link Scrubber.priority}).
 *
 * @example
 * ```ts
 * import { scrubPii, createScrubber } from '@conclave/client-sdk/pii';
 * scrubPii('Thanks, Grace. Token: ghp_0123456789abcdefghijABCDEFGHIJ012345').text;
 * // 'Thanks, [PERSON]. Token: [SECRET]'
 *
 * const scrub = createScrubber({
 *   extra: [{ type: 'TICKET_REPORTER', find: (t) => findReporters(t) }],
 *   disable: ['IP_ADDRESS'],
 * });
 * scrub.scrub(text);
 * ```
 *
 * @packageDocumentation
 */
export { scrubPii, createScrubber } from './engine.ts';
export { isPiiLexiconLoaded, loadPiiLexicon } from './lexicon-loader.ts';
export { PiiError } from './errors.ts';
export type { PiiErrorCode } from './errors.ts';
export { PII_TYPES } from './types.ts';
export type {
  CreateScrubberOptions,
  PiiFinding,
  PiiScrubber,
  PiiSpan,
  PiiType,
  ScrubOptions,
  ScrubResult,
  Scrubber,
} from './types.ts';
