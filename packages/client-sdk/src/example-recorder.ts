/**
 * Where examples enter the device: each is checked, scrubbed of PII and stored only for a stream
 * the employee consents to. Writes and wipes run on one chain, so a revocation can never race a
 * record.
 */
import { STREAM_NAME, type ConsentManager } from './consent.ts';
import { ClientError } from './errors.ts';
import type { ExampleStore } from './example-store.ts';
import type { Example } from './train/types.ts';

/** Throws `INVALID_EXAMPLE` naming what is wrong with a stream name or an example. */
export function checkExample(stream: unknown, example: Example | undefined): void {
  if (typeof stream !== 'string' || !STREAM_NAME.test(stream)) {
    throw new ClientError('INVALID_EXAMPLE', `stream must be lowercase letters, digits, . _ - (at most 64), got ${JSON.stringify(stream)}`);
  }
  if (!example || typeof example.label !== 'number' || !Number.isFinite(example.label)) {
    throw new ClientError('INVALID_EXAMPLE', `example.label must be a finite number, got ${JSON.stringify(example?.label)}`);
  }
  if (example.text === undefined && example.features === undefined) {
    throw new ClientError('INVALID_EXAMPLE', 'example needs text or features');
  }
  if (example.text !== undefined && typeof example.text !== 'string') throw new ClientError('INVALID_EXAMPLE', 'example.text must be a string');
  if (example.features !== undefined && (!Array.isArray(example.features) || !example.features.every(Number.isFinite))) {
    throw new ClientError('INVALID_EXAMPLE', 'example.features must be an array of finite numbers');
  }
}

/** What the recorder needs of a PII scrubber (`createScrubber()` from ./pii). */
export interface TextScrubber {
  /** Resolves once `scrub` can run (in browsers the PII lexicon is loaded apart). */
  ready?(): Promise<void>;
  scrub(text: string): { text: string; findings: readonly unknown[] };
}

export interface ExampleRecorderOptions {
  store: ExampleStore;
  consent: Pick<ConsentManager, 'ready' | 'allows'>;
  scrubber: TextScrubber;
  now: () => number;
}

export interface RecordResult {
  stored: boolean;
  /** PII findings replaced in the example's text. */
  scrubbed: number;
  /** The stream's first example on this device (the device just became useful to its tasks). */
  first: boolean;
}

export class ExampleRecorder {
  readonly #store: ExampleStore;
  readonly #consent: ExampleRecorderOptions['consent'];
  readonly #scrubber: TextScrubber;
  readonly #now: () => number;
  #chain: Promise<unknown> = Promise.resolve();
  /** Streams known to hold examples (cleared whenever examples are deleted). */
  readonly #streamsWithExamples = new Set<string>();

  constructor(options: ExampleRecorderOptions) {
    this.#store = options.store;
    this.#consent = options.consent;
    this.#scrubber = options.scrubber;
    this.#now = options.now;
  }

  async record(stream: string, example: Example): Promise<RecordResult> {
    checkExample(stream, example);
    await this.#consent.ready();
    if (!this.#consent.allows(stream)) return { stored: false, scrubbed: 0, first: false };
    // PII is scrubbed before anything is stored.
    let scrubbed = 0;
    let clean = example;
    if (example.text !== undefined) {
      await this.#scrubber.ready?.();
      const result = this.#scrubber.scrub(example.text);
      scrubbed = result.findings.length;
      clean = { ...example, text: result.text };
    }
    return this.#serial(async () => {
      if (!this.#consent.allows(stream)) return { stored: false, scrubbed, first: false };
      // Counting the store once per stream, not on every record.
      const first = !this.#streamsWithExamples.has(stream) && !((await this.#store.counts())[stream]! > 0);
      await this.#store.add(stream, clean, this.#now());
      this.#streamsWithExamples.add(stream);
      return { stored: true, scrubbed, first };
    });
  }

  /** Deletes one stream's examples (consent revoked). */
  deleteStream(stream: string): Promise<void> {
    return this.#serial(async () => {
      this.#streamsWithExamples.delete(stream);
      await this.#store.deleteStream(stream);
    });
  }

  /** Deletes every example on the device. */
  deleteAll(): Promise<void> {
    return this.#serial(async () => {
      this.#streamsWithExamples.clear();
      for (const stream of Object.keys(await this.#store.counts())) await this.#store.deleteStream(stream);
    });
  }

  #serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const next = this.#chain.then(fn, fn);
    this.#chain = next.catch(() => {});
    return next;
  }
}
