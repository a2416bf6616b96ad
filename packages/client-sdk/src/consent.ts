import { ClientError } from './errors.ts';
import type { KeyValueStore } from './kv-store.ts';

/**
 * The employee's consent: per data stream (granted, revoked, or not asked yet), plus a
 * device-wide pause. Decisions persist in a {@link KeyValueStore} and take effect in memory at
 * once, before they are written: `allows()` flips and the `change` event fires synchronously
 * inside `grant`/`revoke`/`pause`/`resume`, so a client listening to it can leave a round before
 * it sends anything more.
 */

/** What the organisation's policy makes of a stream the employee has not decided on. */
export type ConsentPolicy = 'opt-in' | 'opt-out';

/** The employee's decision for one stream. */
export type StreamConsent = 'granted' | 'revoked' | 'not-asked';

export interface ConsentStatus {
  /** Every stream with a decision, and the declared streams still `'not-asked'`. */
  streams: Record<string, StreamConsent>;
  /** True while a pause is in force (until its deadline, or until `resume()`). */
  paused: boolean;
  /** When the pause ends (ms since the epoch); null when not paused or paused until `resume()`. */
  pausedUntil: number | null;
  /** How `'not-asked'` streams are treated. */
  policy: ConsentPolicy;
}

export type ConsentChangeKind = 'grant' | 'revoke' | 'pause' | 'resume' | 'pause-ended';

export interface ConsentChange {
  /** `'resume'` is the employee's doing; `'pause-ended'` is a timed pause running out. */
  kind: ConsentChangeKind;
  /** The stream, for `'grant'` and `'revoke'`. */
  stream?: string;
  /** The status right after the change. */
  status: ConsentStatus;
}

export interface ConsentEvents {
  change: ConsentChange;
}

/** `pause()` takes a duration or a deadline; with neither it lasts until `resume()`. */
export type PauseOptions = { forMs: number } | { until: number | Date };

export interface ConsentManagerOptions {
  /** Where decisions persist (e.g. a FileKeyValueStore or IndexedDbKeyValueStore). Not closed by `close()`. */
  kv: KeyValueStore;
  /** The organisation's policy. @default { defaultConsent: 'opt-in' } */
  policy?: { defaultConsent: ConsentPolicy };
  /** @default Date.now */
  now?: () => number;
  /** Streams the host tool records, listed in `status()` as `'not-asked'` until decided. @default [] */
  streams?: readonly string[];
  /**
   * Called by `revoke(stream)` after the decision is recorded, to delete the stream's examples
   * from the device; `revoke()` resolves once it has. Called again on a repeated revoke.
   */
  onRevoke?: (stream: string) => void | Promise<void>;
  /** Key under which the decisions are stored. @default 'conclave.consent.v1' */
  key?: string;
}

/** Stream names, as `client.record()` accepts them. */
export const STREAM_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** setTimeout fires at once for delays beyond 2^31 − 1 ms; longer pauses re-arm in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const FORMAT = 'conclave.sdk.consent';
const VERSION = 1;

interface State {
  decisions: Map<string, 'granted' | 'revoked'>;
  /** null: not paused; Infinity: until resume(); otherwise the deadline in ms. */
  pausedUntil: number | null;
}

interface Persisted {
  format: typeof FORMAT;
  version: typeof VERSION;
  streams: Record<string, 'granted' | 'revoked'>;
  /** The deadline, or 'resume' for a pause until resume(), or null. */
  pausedUntil: number | 'resume' | null;
}

export class ConsentManager {
  readonly #kv: KeyValueStore;
  readonly #policy: ConsentPolicy;
  readonly #now: () => number;
  readonly #key: string;
  readonly #declared: readonly string[];
  readonly #onRevoke: ((stream: string) => void | Promise<void>) | undefined;
  readonly #listeners = new Set<(change: ConsentChange) => void>();
  readonly #ready: Promise<void>;
  #state: State | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writes: Promise<void> = Promise.resolve();
  #closed = false;

  /** Starts loading the saved decisions; see {@link ready}. */
  constructor(options: ConsentManagerOptions) {
    if (!options || typeof options.kv?.get !== 'function') throw new ClientError('INVALID_OPTIONS', 'ConsentManager needs options.kv, a KeyValueStore');
    const policy = options.policy?.defaultConsent ?? 'opt-in';
    if (policy !== 'opt-in' && policy !== 'opt-out') {
      throw new ClientError('INVALID_OPTIONS', `policy.defaultConsent must be 'opt-in' or 'opt-out', got ${JSON.stringify(policy)}`);
    }
    this.#kv = options.kv;
    this.#policy = policy;
    this.#now = options.now ?? Date.now;
    this.#key = options.key ?? 'conclave.consent.v1';
    this.#declared = (options.streams ?? []).map((s) => checkStream(s));
    this.#onRevoke = options.onRevoke;
    this.#ready = this.#load();
    this.#ready.catch(() => {}); // Reported by ready(); meanwhile allows() stays false.
  }

  /** A manager whose saved decisions are loaded. */
  static async open(options: ConsentManagerOptions): Promise<ConsentManager> {
    const manager = new ConsentManager(options);
    await manager.ready();
    return manager;
  }

  /**
   * Resolves once the saved decisions are loaded; rejects with `STORAGE_CORRUPT` when they
   * cannot be read. Until then `allows()` is false for every stream and `status()` reports
   * nothing granted: nothing is recorded or sent before the employee's choice is known.
   */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Whether examples of `stream` may be recorded and used now: not paused, and granted (or not asked under an opt-out policy). */
  allows(stream: string): boolean {
    const state = this.#state;
    if (!state || this.#closed || this.#isPaused(state)) return false;
    const decision = state.decisions.get(stream);
    return decision === 'granted' || (decision === undefined && this.#policy === 'opt-out');
  }

  status(): ConsentStatus {
    const state = this.#state;
    const streams: Record<string, StreamConsent> = {};
    for (const s of this.#declared) streams[s] = 'not-asked';
    for (const [s, d] of state?.decisions ?? []) streams[s] = d;
    const paused = state ? this.#isPaused(state) : false;
    const until = paused ? (state?.pausedUntil ?? null) : null;
    return { streams, paused, pausedUntil: until === Infinity ? null : until, policy: this.#policy };
  }

  /** Opts in to `stream`. */
  async grant(stream: string): Promise<void> {
    checkStream(stream);
    const state = this.#current() ?? (await this.#loaded());
    if (state.decisions.get(stream) === 'granted') return;
    state.decisions.set(stream, 'granted');
    this.#emit({ kind: 'grant', stream, status: this.status() });
    await this.#save();
  }

  /**
   * Opts out of `stream`: it stops being allowed at once (the `change` event fires before this
   * returns its promise); then the decision is saved and `onRevoke` deletes its examples. Resolves
   * when both are done; rejects if either failed (the revoke stays in force in memory).
   */
  async revoke(stream: string): Promise<void> {
    checkStream(stream);
    const state = this.#current() ?? (await this.#loaded());
    if (state.decisions.get(stream) !== 'revoked') {
      state.decisions.set(stream, 'revoked');
      this.#emit({ kind: 'revoke', stream, status: this.status() });
    }
    // The examples go even when saving the decision fails; then the save's error is reported.
    const saved = this.#save().then(
      () => undefined,
      (err: unknown) => ({ err }),
    );
    await this.#onRevoke?.(stream);
    const failure = await saved;
    if (failure) throw failure.err;
  }

  /**
   * Pauses all participation for `forMs` milliseconds, until a moment (`until`, ms since the epoch
   * or a Date), or, with no argument, until `resume()`. Pausing again replaces the previous pause.
   */
  async pause(options?: PauseOptions): Promise<void> {
    const deadline = this.#deadline(options);
    const state = this.#current() ?? (await this.#loaded());
    const previous = this.#isPaused(state) ? state.pausedUntil : null;
    state.pausedUntil = deadline;
    this.#arm();
    if (previous !== deadline) this.#emit({ kind: 'pause', status: this.status() });
    await this.#save();
  }

  /** Ends a pause now; does nothing when not paused. */
  async resume(): Promise<void> {
    const state = this.#current() ?? (await this.#loaded());
    const wasPaused = this.#isPaused(state);
    state.pausedUntil = null;
    this.#disarm();
    if (wasPaused) this.#emit({ kind: 'resume', status: this.status() });
    await this.#save();
  }

  /** Subscribes to changes; returns the unsubscribe function. A listener's exception is ignored. */
  on<K extends keyof ConsentEvents>(event: K, listener: (e: ConsentEvents[K]) => void): () => void {
    if (event !== 'change') throw new ClientError('INVALID_ARGUMENT', `unknown consent event ${JSON.stringify(event)}, expected 'change'`);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops the pause timer and waits for pending writes; the KeyValueStore stays open. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#disarm();
    this.#listeners.clear();
    await this.#writes.catch(() => {});
  }

  async #load(): Promise<void> {
    const raw = await this.#kv.get(this.#key);
    const state = raw === undefined ? { decisions: new Map(), pausedUntil: null } : parse(raw, this.#key);
    // A pause that ran out while the host was not running is simply over.
    if (state.pausedUntil !== null && state.pausedUntil <= this.#now()) state.pausedUntil = null;
    if (this.#closed) return;
    this.#state = state;
    this.#arm();
  }

  /**
   * The loaded state; callers write `this.#current() ?? (await this.#loaded())` so that, once
   * loaded, a change applies synchronously, in the caller's turn (any `await` would yield).
   */
  #current(): State | undefined {
    if (this.#closed) throw new ClientError('STORAGE_CLOSED', 'the consent manager is closed');
    return this.#state;
  }

  async #loaded(): Promise<State> {
    await this.#ready;
    const state = this.#current();
    if (!state) throw new ClientError('STORAGE_CLOSED', 'the consent manager is closed');
    return state;
  }

  #deadline(options: PauseOptions | undefined): number {
    if (options === undefined) return Infinity;
    if (typeof options !== 'object' || options === null) {
      throw new ClientError('INVALID_ARGUMENT', `pause takes { forMs } or { until }, got ${JSON.stringify(options)}`);
    }
    const now = this.#now();
    if ('forMs' in options) {
      const ms = options.forMs;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) {
        throw new ClientError('INVALID_ARGUMENT', `pause forMs must be a finite number of milliseconds > 0, got ${String(ms)}`);
      }
      return now + ms;
    }
    if ('until' in options) {
      const u = options.until;
      const at = u instanceof Date ? u.getTime() : u;
      if (typeof at !== 'number' || !Number.isFinite(at)) {
        throw new ClientError('INVALID_ARGUMENT', `pause until must be a Date or a finite time in ms since the epoch, got ${String(u)}`);
      }
      if (at <= now) {
        throw new ClientError('INVALID_ARGUMENT', `pause until ${new Date(at).toISOString()} is not in the future (now ${new Date(now).toISOString()})`);
      }
      return at;
    }
    throw new ClientError('INVALID_ARGUMENT', `pause takes { forMs } or { until }, got keys ${JSON.stringify(Object.keys(options))}`);
  }

  /** Lazily, by the clock: a deadline in the past means not paused, whether or not the timer has fired. */
  #isPaused(state: State): boolean {
    if (state.pausedUntil === null) return false;
    if (state.pausedUntil > this.#now()) return true;
    // The deadline has passed but the timer has not told anyone yet: end the pause shortly,
    // outside the caller's turn (allows() and status() never call listeners themselves).
    queueMicrotask(() => this.#expire());
    return false;
  }

  /** Ends an expired timed pause exactly once, and says so. */
  #expire(): void {
    const state = this.#state;
    if (!state || this.#closed || state.pausedUntil === null || state.pausedUntil === Infinity) return;
    if (state.pausedUntil > this.#now()) return this.#arm();
    state.pausedUntil = null;
    this.#disarm();
    this.#emit({ kind: 'pause-ended', status: this.status() });
    this.#save().catch(() => {
      // The pause is over by the clock anyway; a later save will write the state.
    });
  }

  #arm(): void {
    this.#disarm();
    const until = this.#state?.pausedUntil;
    if (until === null || until === undefined || until === Infinity || this.#closed) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, until - this.#now()));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#expire();
    }, delay);
    // Node: a pending pause must not keep the host process alive. Browsers return a number.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #emit(change: ConsentChange): void {
    for (const fn of [...this.#listeners]) {
      try {
        fn(change);
      } catch {
        // A host listener's bug must not undo or block the employee's decision.
      }
    }
  }

  /** Writes the state as it is when the write's turn comes; writes land in call order. */
  #save(): Promise<void> {
    const write = this.#writes.catch(() => {}).then(() => {
      const state = this.#state;
      if (!state) return;
      const persisted: Persisted = {
        format: FORMAT,
        version: VERSION,
        streams: Object.fromEntries(state.decisions),
        pausedUntil: state.pausedUntil === Infinity ? 'resume' : state.pausedUntil,
      };
      return this.#kv.set(this.#key, JSON.stringify(persisted));
    });
    this.#writes = write;
    return write;
  }
}

function checkStream(stream: unknown): string {
  if (typeof stream !== 'string' || !STREAM_NAME.test(stream)) {
    throw new ClientError('INVALID_ARGUMENT', `stream must be lowercase letters, digits, . _ - (at most 64), got ${JSON.stringify(stream)}`);
  }
  return stream;
}

function parse(raw: string, key: string): State {
  const corrupt = (why: string) => new ClientError('STORAGE_CORRUPT', `saved consent (${key}) ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw corrupt('is not valid JSON');
  }
  const p = value as Partial<Persisted> | null;
  if (typeof p !== 'object' || p === null || p.format !== FORMAT || p.version !== VERSION) throw corrupt(`is not ${FORMAT} version ${VERSION}`);
  if (typeof p.streams !== 'object' || p.streams === null) throw corrupt('has no streams');
  const decisions = new Map<string, 'granted' | 'revoked'>();
  for (const [s, d] of Object.entries(p.streams)) {
    if (!STREAM_NAME.test(s) || (d !== 'granted' && d !== 'revoked')) throw corrupt(`has a bad decision ${JSON.stringify(s)}: ${JSON.stringify(d)}`);
    decisions.set(s, d);
  }
  const until = p.pausedUntil;
  if (until !== null && until !== 'resume' && (typeof until !== 'number' || !Number.isFinite(until))) throw corrupt(`has a bad pausedUntil ${JSON.stringify(until)}`);
  return { decisions, pausedUntil: until === 'resume' ? Infinity : (until ?? null) };
}
