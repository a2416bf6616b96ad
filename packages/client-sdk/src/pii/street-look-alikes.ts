import { lazySet } from './lexicon.ts';
import type { LexiconData } from './lexicon-types.ts';

// What a street line's shape is mistaken for: a room, seat, platform or bus with its number, a
// model or a mission, a title read or watched, an amount of money, a numbered road, a score. The
// words are the lexicon's (script-street-data.ts), which the browser loads apart.

function wordSet(pick: (w: LexiconData['SCRIPT_STREET_WORDS']) => string): ReadonlySet<string> {
  return lazySet((d) => new Set(pick(d.SCRIPT_STREET_WORDS).split(' ').filter((w) => w !== '')));
}

/** Rooms named by a word then a name ("Salle Eiffel 2"). */
export const ROOM_FIRST_WORDS = wordSet((w) => w.rooms);
/** Possessives after a noun ("Kursi saya 5C"). */
export const POSSESSIVES_AFTER = wordSet((w) => w.possessives);
/** Verbs a title follows ("reading 84 Charing Cross Road"). */
export const MEDIA_VERBS = wordSet((w) => w.mediaVerbs);
/** Makers, missions and the words that name a model ("Embraer 190", "Apollo 13", "Model Nimbus 600"). */
export const MODEL_WORDS = wordSet((w) => w.models);
/** Currencies beside an amount ("Rs. 900", "120 zł"). */
export const CURRENCY_WORDS = wordSet((w) => w.currencies);
/** The class of a numbered road ("carretera federal 100"). */
export const ROAD_CLASS_WORDS = wordSet((w) => w.roadClasses);
/** Vietnamese nouns numbered with "số" ("xe buýt số 35"). */
export const VIETNAMESE_COUNTERS = wordSet((w) => w.vietnameseCounters);

/**
 * A version after its product's name, where the text says what was installed or upgraded ("Updated
 * to Sonoma 12", "upgrading the fleet to Ventura 14", "rolled out Tahoe 26"): the words before a
 * name guess, ending where it starts.
 */
export const VERSION_CONTEXT = /(?:up(?:dat|grad)|install|migrat|downgrad|patch|flash|reimag|roll(?:ed|ing)?[ \t]+out|releas|bump)\w*(?:[ \t]+(?:\p{L}+[ \t]+){0,3}?(?:to|on|from|onto))?[ \t]+$/iu;
