import { importLexicon, preloadedLexicon } from '#pii-lexicon-loader';
import { isPiiLexiconLoaded, setLexiconData } from './lexicon.ts';

/**
 * How the lexicon gets into memory. `scrubPii` stays synchronous: it throws `LEXICON_NOT_LOADED`
 * when called before {@link loadPiiLexicon} has finished, rather than scrub with less than it was
 * measured with. The client's `record()` waits for the lexicon itself. In Node (the `node`
 * condition of the package's `#pii-lexicon-loader` import map) the data and the built-in scrubbers'
 * rules are imported with this module; in browsers they are a chunk of their own.
 */
if (preloadedLexicon !== undefined) setLexiconData(preloadedLexicon);
let loading: Promise<void> | undefined;

/**
 * Loads the lexicon if it is not there yet (in a browser: fetches its chunk once). Resolves when
 * `scrubPii` can run; rejects with the loader's error (and a later call tries again).
 */
export function loadPiiLexicon(): Promise<void> {
  if (isPiiLexiconLoaded()) return Promise.resolve();
  loading ??= importLexicon().then(setLexiconData, (err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

export { isPiiLexiconLoaded };
