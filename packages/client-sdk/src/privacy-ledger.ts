import { MAX_NOISE_MULTIPLIER, PrivacyAccountant } from '@conclave/dp';
import { ClientError } from './errors.ts';
import type { KeyValueStore } from './kv-store.ts';

/**
 * Per-person privacy accounting: this device's own running account of the privacy loss it has
 * been exposed to, across every task it took part in.
 *
 * Conservatively, without amplification by sampling: the coordinator accounts a task with the
 * Poisson-sampled Gaussian (rate q), but given that this device did take part, its clipped
 * update went through a Gaussian with the round's noise multiplier z. Each participation is
 * therefore composed as one step of the plain Gaussian mechanism (samplingRate 1, steps 1),
 * whose RDP is α / (2z²) (Mironov 2017, the Gaussian mechanism; what @conclave/dp's computeRdp
 * gives for q = 1), and the RDP of all participations adds up
 * order by order (Prop. 1). ε at δ comes from @conclave/dp's conversion (Canonne, Kamath &
 * Steinke 2020, Prop. 12).
 */

/**
 * The δ at which this device states its ε unless told otherwise: 1e-6, the coordinator's
 * customary δ, well below 1 / (number of employees) for any organisation up to ~10⁵ people.
 */
export const DEFAULT_PRIVACY_DELTA = 1e-6;

export interface PersonalPrivacyAccountOptions {
  /** Where the account persists. Not closed by this class. */
  kv: KeyValueStore;
  /**
   * The organisation's default cap on this device's total ε (at `delta`). The employee may set a
   * lower cap, never a higher one. `Infinity` means the organisation sets no cap.
   */
  organisationCap: number;
  /** δ for `spent()`, `wouldExceed()` and the cap. @default DEFAULT_PRIVACY_DELTA (1e-6) */
  delta?: number;
  /** Key under which the account is stored. @default 'conclave.privacy.v1' */
  key?: string;
}

/** One participation in a round with differential privacy. */
export interface Participation {
  /** σ over the clipping norm of the Gaussian noise the update went through (the task's plan). */
  noiseMultiplier: number;
}

export interface PrivacyCaps {
  organisation: number;
  /** The employee's own cap, when they set one. */
  employee: number | null;
  /** The one that applies: the lower of the two. */
  effective: number;
}

export interface DeltaOption {
  /** @default the account's delta */
  delta?: number;
}

const FORMAT = 'conclave.sdk.personal-privacy';
const VERSION = 1;

interface State {
  accountant: PrivacyAccountant;
  employeeCap: number | null;
}

export class PersonalPrivacyAccount {
  /** The δ this account states ε at by default. */
  readonly delta: number;
  readonly organisationCap: number;
  readonly #kv: KeyValueStore;
  readonly #key: string;
  readonly #ready: Promise<State>;
  /** Operations run one after another, so two records never lose each other. */
  #queue: Promise<unknown> = Promise.resolve();

  /** Starts loading the saved account; every method waits for it. */
  constructor(options: PersonalPrivacyAccountOptions) {
    if (!options || typeof options.kv?.get !== 'function') throw new ClientError('INVALID_OPTIONS', 'PersonalPrivacyAccount needs options.kv, a KeyValueStore');
    const cap = options.organisationCap;
    if (typeof cap !== 'number' || Number.isNaN(cap) || cap < 0) {
      throw new ClientError('INVALID_OPTIONS', `organisationCap must be a number >= 0 (Infinity for none), got ${String(cap)}`);
    }
    this.organisationCap = cap;
    this.delta = checkDelta(options.delta ?? DEFAULT_PRIVACY_DELTA, 'INVALID_OPTIONS');
    this.#kv = options.kv;
    this.#key = options.key ?? 'conclave.privacy.v1';
    this.#ready = this.#load();
    this.#ready.catch(() => {});
  }

  static async open(options: PersonalPrivacyAccountOptions): Promise<PersonalPrivacyAccount> {
    const account = new PersonalPrivacyAccount(options);
    await account.ready();
    return account;
  }

  /** Resolves once the saved account is loaded; rejects with `STORAGE_CORRUPT` when it cannot be read. */
  async ready(): Promise<void> {
    await this.#ready;
  }

  /** ε this device has spent so far, at `delta`. */
  async spent(options: DeltaOption = {}): Promise<number> {
    const delta = checkDelta(options.delta ?? this.delta, 'INVALID_ARGUMENT');
    return this.#serial(async (s) => epsilonOf(s.accountant, delta));
  }

  /** How many participations have been recorded. */
  participations(): Promise<number> {
    return this.#serial(async (s) => s.accountant.steps);
  }

  /** Whether one more participation with this noise would take the total ε (at `delta`) over the effective cap. */
  async wouldExceed(participation: Participation, options: DeltaOption = {}): Promise<boolean> {
    const z = checkNoise(participation);
    const delta = checkDelta(options.delta ?? this.delta, 'INVALID_ARGUMENT');
    return this.#serial(async (s) => {
      const after = s.accountant.clone().compose({ samplingRate: 1, noiseMultiplier: z, steps: 1 });
      return epsilonOf(after, delta) > effective(this.organisationCap, s.employeeCap);
    });
  }

  caps(): Promise<PrivacyCaps> {
    return this.#serial(async (s) => ({ organisation: this.organisationCap, employee: s.employeeCap, effective: effective(this.organisationCap, s.employeeCap) }));
  }

  /**
   * Sets the employee's own cap, at most the organisation's; `null` returns to the organisation's.
   * Raising it above the organisation's fails with `PRIVACY_CAP_RAISED`.
   */
  async setCap(epsilon: number | null): Promise<void> {
    if (epsilon !== null) {
      if (typeof epsilon !== 'number' || Number.isNaN(epsilon) || epsilon < 0) {
        throw new ClientError('INVALID_ARGUMENT', `privacy cap must be a number >= 0 (or null for the organisation's), got ${String(epsilon)}`);
      }
      if (epsilon > this.organisationCap) {
        throw new ClientError('PRIVACY_CAP_RAISED', `privacy cap ε = ${epsilon} is above the organisation's ${this.organisationCap}; it may only be lowered`);
      }
    }
    return this.#serial(async (s) => {
      s.employeeCap = epsilon;
      await this.#save(s);
    });
  }

  /**
   * Adds one participation to the account and saves it; returns its ε share (ε after − ε before,
   * at the account's δ) for the ledger. Shares telescope: they add up to `spent()`. Record a
   * participation before its update leaves the device, so that a crash can only over-count.
   */
  async record(participation: Participation): Promise<number> {
    const z = checkNoise(participation);
    return this.#serial(async (s) => {
      const before = epsilonOf(s.accountant, this.delta);
      s.accountant.compose({ samplingRate: 1, noiseMultiplier: z, steps: 1 });
      const after = epsilonOf(s.accountant, this.delta);
      await this.#save(s);
      return after === before ? 0 : after - before;
    });
  }

  #serial<T>(fn: (state: State) => Promise<T>): Promise<T> {
    const run = this.#queue.catch(() => {}).then(async () => fn(await this.#ready));
    this.#queue = run;
    return run;
  }

  async #load(): Promise<State> {
    const raw = await this.#kv.get(this.#key);
    if (raw === undefined) return { accountant: new PrivacyAccountant(), employeeCap: null };
    const corrupt = (why: string) => new ClientError('STORAGE_CORRUPT', `saved privacy account (${this.#key}) ${why}`);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw corrupt('is not valid JSON');
    }
    const v = value as { format?: unknown; version?: unknown; accountant?: unknown; employeeCap?: unknown } | null;
    if (typeof v !== 'object' || v === null || v.format !== FORMAT || v.version !== VERSION) throw corrupt(`is not ${FORMAT} version ${VERSION}`);
    let accountant: PrivacyAccountant;
    try {
      accountant = PrivacyAccountant.fromJSON(v.accountant);
    } catch (err) {
      throw corrupt(`has a bad accountant: ${(err as Error).message}`);
    }
    const cap = v.employeeCap;
    if (cap !== null && (typeof cap !== 'number' || !(cap >= 0))) throw corrupt(`has a bad employee cap ${JSON.stringify(cap)}`);
    // An organisation that lowered its default below the employee's saved cap wins (effective() takes the lower).
    return { accountant, employeeCap: cap };
  }

  #save(state: State): Promise<void> {
    return this.#kv.set(this.#key, JSON.stringify({ format: FORMAT, version: VERSION, accountant: state.accountant.toJSON(), employeeCap: state.employeeCap }));
  }
}

function effective(organisation: number, employee: number | null): number {
  return employee === null ? organisation : Math.min(organisation, employee);
}

function epsilonOf(accountant: PrivacyAccountant, delta: number): number {
  return accountant.steps === 0 ? 0 : accountant.epsilon(delta);
}

function checkNoise(participation: Participation): number {
  const z = participation?.noiseMultiplier;
  if (typeof z !== 'number' || !(z >= 0 && z <= MAX_NOISE_MULTIPLIER)) {
    throw new ClientError('INVALID_ARGUMENT', `noiseMultiplier must be a number in [0, ${MAX_NOISE_MULTIPLIER}], got ${String(z)}`);
  }
  return z;
}

function checkDelta(delta: number, code: 'INVALID_OPTIONS' | 'INVALID_ARGUMENT'): number {
  if (typeof delta !== 'number' || !(delta > 0 && delta < 1)) throw new ClientError(code, `delta must be in (0, 1), got ${String(delta)}`);
  return delta;
}
