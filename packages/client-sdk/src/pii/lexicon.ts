import { PiiError } from './errors.ts';
import type { LexiconData } from './lexicon-types.ts';

/**
 * The scrubber's large data (English word tiers, name lists, tagger weights) once it is in memory,
 * and the sets and values the rules build from it. The data is put here by lexicon-loader.ts: from
 * the start in Node, when its chunk has loaded in browsers. This module imports no loader, so the
 * rules, which come with the data (lexicon-data.ts), can import it without a cycle.
 */
let data: LexiconData | undefined;

/** Keeps the loaded lexicon (lexicon-loader.ts). */
export function setLexiconData(d: LexiconData): void {
  data = d;
}

/** True once the lexicon is in memory (always in Node). */
export function isPiiLexiconLoaded(): boolean {
  return data !== undefined;
}

/** The lexicon, or a `LEXICON_NOT_LOADED` error naming what to do. */
export function lexiconData(): LexiconData {
  if (data === undefined) {
    throw new PiiError(
      'LEXICON_NOT_LOADED',
      'the PII lexicon is not loaded yet: await loadPiiLexicon() before scrubbing (the browser client loads it when it is created, and record() waits for it)',
    );
  }
  return data;
}

/**
 * A set built from the lexicon the first time it is asked anything: module-level constants
 * (`FIRST_NAME_SET`, …) keep their names and types without touching the data at import.
 */
export function lazySet<T>(build: (d: LexiconData) => Set<T>): ReadonlySet<T> {
  let set: Set<T> | undefined;
  const get = (): Set<T> => (set ??= build(lexiconData()));
  return {
    has: (v) => get().has(v),
    get size() {
      return get().size;
    },
    forEach: (cb, thisArg) => get().forEach((v, k) => cb.call(thisArg, v, k, get())),
    entries: () => get().entries(),
    keys: () => get().keys(),
    values: () => get().values(),
    [Symbol.iterator]: () => get()[Symbol.iterator](),
  } as ReadonlySet<T>;
}

/** A value built from the lexicon the first time it is asked for (patterns built from its words). */
export function lazyValue<T>(build: (d: LexiconData) => T): () => T {
  let value: T | undefined;
  return () => (value ??= build(lexiconData()));
}

/** {@link lazySet} for a map. */
export function lazyMap<K, V>(build: (d: LexiconData) => Map<K, V>): ReadonlyMap<K, V> {
  let map: Map<K, V> | undefined;
  const get = (): Map<K, V> => (map ??= build(lexiconData()));
  return {
    get: (k) => get().get(k),
    has: (k) => get().has(k),
    get size() {
      return get().size;
    },
    forEach: (cb, thisArg) => get().forEach((v, k) => cb.call(thisArg, v, k, get())),
    entries: () => get().entries(),
    keys: () => get().keys(),
    values: () => get().values(),
    [Symbol.iterator]: () => get()[Symbol.iterator](),
  } as ReadonlyMap<K, V>;
}
