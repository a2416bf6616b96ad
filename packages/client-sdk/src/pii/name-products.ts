import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { isListedGiven } from './name-lexicon.ts';
import { VERSION_CONTEXT } from './street-look-alikes.ts';
import type { PiiSpan } from './types.ts';

// Products read as names before their release's number (issue 13): "Updated to Sonoma 12 on all
// laptops", "The build needs Java 17", "running Mandrake 8.x", "Spamassassin 2.41". Real mail (the
// SpamAssassin ham) had 538 name findings right before a number, nearly all of them a product's. A
// person's name before a number stays one: a word of it that the name lists hold as a given name
// keeps it ("Stephen D. Williams 43392", "Michael Quinion 2002"), and a name no list holds is left
// unless the number is a release's by its own shape or by what the sentence says.

/** A release's number right after the words: "7.0", "8.x", "v2", "2.41", "17" (then no letter, digit, colon or slash). */
const RELEASE_AFTER = /^[ \t]+(v?)(\d{1,4})((?:\.(?:\d{1,4}|x))*)(?![\p{L}\d:/]|[.,-]\d)/u;
/** A user and a slash earlier on the line: "ops / ". */
const LOGIN_SLASH_BEFORE = /(?:^|\s)[\w.@-]+[ \t]*\/[ \t]*(?:[^\s/]+[ \t]+){0,6}$/;
/** Dotted numbers that are no release: a date, an IPv4 address, thousands. */
const NOT_A_RELEASE = /^(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,3}(?:\.\d{1,3}){3}|\d{1,3}(?:\.\d{3})+)$/;
/** What a sentence says before a release: "release notes for", "the latest", "version". */
const RELEASE_BEFORE = /(?:releas(?:e|ed|es)(?:[ \t]+notes)?[ \t]+(?:for|of)|latest|version(?:[ \t]+of)?)[ \t]+$/iu;

/** Whether the words of a name guess are a product's: each an English word or software jargon (in any case). */
function productWords(words: readonly string[]): boolean {
  return words.every((w) => {
    const lower = w.toLowerCase();
    return JARGON_WORDS.has(lower) || (ENGLISH_TIER.get(lower) ?? 9) <= 3;
  });
}

/**
 * `spans` without the names that are a product before its release's number: the number has a
 * release's shape ("8.x", "2.41", "v2"), or the sentence installs or announces a release ("Updated to
 * Sonoma 12"), or every word is an English word or jargon ("Java 17", "Excel 2016"). Never when a word
 * of the name is a given name the lists hold.
 */
export function withoutProductReleases(text: string, spans: readonly PiiSpan[]): readonly PiiSpan[] {
  if (spans.length === 0) return spans;
  return spans.filter((s) => {
    const release = RELEASE_AFTER.exec(text.slice(s.end, s.end + 24));
    if (release === null) return true;
    const words = text.slice(s.start, s.end).split(/[ \t]+/);
    if (words.some(isListedGiven)) return true;
    const before = text.slice(Math.max(0, s.start - 60), s.start);
    // (Words after a login's slash are a passphrase's, whatever the rules that read secrets make of them: "ops / Meadow Horse Drizzle Igloo 88".)
    if (LOGIN_SLASH_BEFORE.test(before)) return true;
    const number = (release[2] ?? '') + (release[3] ?? '');
    // (A date, an address of four parts or an amount in thousands is no release: "Ana Souza 21.10.1987", "jdoe 192.168.7.94", "Ana 1.500".)
    const shaped = release[1] === 'v' || ((release[3] ?? '') !== '' && !NOT_A_RELEASE.test(number));
    return !(shaped || VERSION_CONTEXT.test(before) || RELEASE_BEFORE.test(before) || productWords(words));
  });
}
