/**
 * ε against the coordinator: the party that picks every cohort and sees every sum before anyone
 * else. Sampling it controls amplifies nothing against it, so each round a device joins counts
 * in full; a device joins at most `participationLimit` rounds of a task (the device enforces the
 * limit itself), so the bound composes, order by order, the `participationLimit` largest
 * per-round RDPs (Mironov 2017, Prop. 1; adaptive composition: which rounds a device is in may
 * depend on everything the coordinator saw before). Rounds every device may join whatever its
 * limit (the final evaluation) are added in full.
 *
 * Neighbouring notion: zero-out (one device's data replaced by zeros, its noise share and
 * everything else the same), as the per-round bounds it is fed with (unsampled Gaussian,
 * Kairouz, Liu & Steinke 2021 Prop. 14).
 */
import { DpError, formatValue } from './errors.ts';
import { type PrivacyGuarantee, type RdpConversion, rdpToEpsilon } from './conversion.ts';
import { DEFAULT_ORDERS, checkOrders, computeRdp } from './rdp.ts';
import { computeDistributedRdp, type DistributedDiscreteGaussianStep } from './distributed/accounting.ts';
import type { JsonNumber } from './accountant.ts';

export interface CoordinatorAccountantOptions {
  /** L: the most rounds of the task one device takes part in (training rounds). */
  participationLimit: number;
  /** @default DEFAULT_ORDERS */
  orders?: readonly number[];
}

/** Whether a round counts against each device's participation limit. */
export interface RoundKind {
  /** False for rounds every device may join whatever its limit (evaluation). @default true */
  limited?: boolean;
}

/** What {@link CoordinatorAccountant.toJSON} produces. */
export interface CoordinatorAccountantState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  participationLimit: number;
  orders: JsonNumber[];
  /** Per order, the largest per-round RDPs of limited rounds, descending, at most L of them. */
  top: JsonNumber[][];
  /** Per order, the summed RDP of unlimited rounds. */
  unlimited: JsonNumber[];
  rounds: number;
}

const STATE_FORMAT = 'conclave.dp.coordinator-accountant';
const STATE_VERSION = 1;

export class CoordinatorAccountant {
  readonly orders: readonly number[];
  readonly participationLimit: number;
  readonly #top: number[][];
  readonly #unlimited: number[];
  #rounds = 0;

  constructor(options: CoordinatorAccountantOptions) {
    if (typeof options !== 'object' || options === null) throw new DpError('INVALID_ARGUMENT', `options must be an object, got ${formatValue(options)}`);
    const limit = options.participationLimit;
    if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
      throw new DpError('INVALID_ARGUMENT', `participationLimit must be an integer >= 1, got ${formatValue(limit)}`);
    }
    this.participationLimit = limit;
    this.orders = Object.freeze([...checkOrders(options.orders ?? DEFAULT_ORDERS, 'orders')]);
    this.#top = this.orders.map(() => []);
    this.#unlimited = this.orders.map(() => 0);
  }

  /** Rounds composed so far. */
  get rounds(): number {
    return this.#rounds;
  }

  /** Adds one round whose unsampled RDP is `rdp` (one value per order); returns `this`. */
  composeRound(rdp: readonly number[], kind: RoundKind = {}): this {
    if (!Array.isArray(rdp) || rdp.length !== this.orders.length) {
      throw new DpError('INVALID_ARGUMENT', `rdp must be an array of ${this.orders.length} values (one per order), got ${formatValue(rdp)}`);
    }
    rdp.forEach((r, k) => {
      if (typeof r !== 'number' || !(r >= 0)) throw new DpError('INVALID_ARGUMENT', `rdp[${k}] must be a number >= 0, got ${formatValue(r)}`);
    });
    const limited = kind.limited ?? true;
    rdp.forEach((r, k) => {
      if (!limited) {
        this.#unlimited[k] = (this.#unlimited[k] as number) + r;
        return;
      }
      const top = this.#top[k] as number[];
      let i = top.length;
      while (i > 0 && (top[i - 1] as number) < r) i--;
      if (i < this.participationLimit) {
        top.splice(i, 0, r);
        if (top.length > this.participationLimit) top.pop();
      }
    });
    this.#rounds++;
    return this;
  }

  /** One round of the Gaussian mechanism on a sum of sensitivity 1, noise multiplier z, no sampling. */
  composeGaussian(noiseMultiplier: number, kind: RoundKind = {}): this {
    return this.composeRound(computeRdp({ samplingRate: 1, noiseMultiplier, steps: 1, orders: this.orders }), kind);
  }

  /** One round of the distributed discrete Gaussian mechanism of `plan`, no sampling. */
  composeDistributed(plan: DistributedDiscreteGaussianStep['plan'], kind: RoundKind = {}): this {
    return this.composeRound(computeDistributedRdp({ samplingRate: 1, plan, steps: 1, orders: this.orders }), kind);
  }

  /** The bound on any one device's RDP so far, one value per order. */
  rdp(): number[] {
    return this.orders.map((_, k) => (this.#top[k] as number[]).reduce((a, b) => a + b, 0) + (this.#unlimited[k] as number));
  }

  epsilon(delta: number, options: { conversion?: RdpConversion } = {}): number {
    return this.guarantee(delta, options).epsilon;
  }

  guarantee(delta: number, options: { conversion?: RdpConversion } = {}): PrivacyGuarantee {
    return rdpToEpsilon({ orders: this.orders, rdp: this.rdp(), delta, conversion: options.conversion ?? 'improved' });
  }

  clone(): CoordinatorAccountant {
    return CoordinatorAccountant.fromJSON(this.toJSON());
  }

  toJSON(): CoordinatorAccountantState {
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      participationLimit: this.participationLimit,
      orders: this.orders.map(toJsonNumber),
      top: this.#top.map((t) => t.map(toJsonNumber)),
      unlimited: this.#unlimited.map(toJsonNumber),
      rounds: this.#rounds,
    };
  }

  /** Restores an accountant from {@link toJSON}'s output (the object, or its JSON text). */
  static fromJSON(state: unknown): CoordinatorAccountant {
    let value = state;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch (cause) {
        throw new DpError('INVALID_STATE', `coordinator accountant state is not valid JSON: ${(cause as Error).message}`);
      }
    }
    const s = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof CoordinatorAccountantState, unknown>>;
    if (s.format !== STATE_FORMAT || s.version !== STATE_VERSION) {
      throw new DpError('INVALID_STATE', `coordinator accountant state must have format '${STATE_FORMAT}' version ${STATE_VERSION}, got ${formatValue(value)}`);
    }
    if (!Array.isArray(s.orders)) throw new DpError('INVALID_STATE', `coordinator accountant state orders must be an array, got ${formatValue(s.orders)}`);
    let accountant: CoordinatorAccountant;
    try {
      accountant = new CoordinatorAccountant({ participationLimit: s.participationLimit as number, orders: s.orders.map(fromJsonNumber) });
    } catch (err) {
      throw new DpError('INVALID_STATE', `coordinator accountant state: ${(err as Error).message}`);
    }
    const n = accountant.orders.length;
    const L = accountant.participationLimit;
    const value0 = (x: unknown, what: string): number => {
      const v = fromJsonNumber(x);
      if (!(v >= 0)) throw new DpError('INVALID_STATE', `coordinator accountant state ${what} must be a number >= 0, got ${formatValue(x)}`);
      return v;
    };
    if (!Array.isArray(s.top) || s.top.length !== n || !Array.isArray(s.unlimited) || s.unlimited.length !== n) {
      throw new DpError('INVALID_STATE', `coordinator accountant state top and unlimited must have ${n} entries (one per order)`);
    }
    s.top.forEach((t: unknown, k) => {
      if (!Array.isArray(t) || t.length > L) throw new DpError('INVALID_STATE', `coordinator accountant state top[${k}] must be an array of at most ${L} values`);
      const values = t.map((x, i) => value0(x, `top[${k}][${i}]`));
      for (let i = 1; i < values.length; i++) {
        if ((values[i] as number) > (values[i - 1] as number)) throw new DpError('INVALID_STATE', `coordinator accountant state top[${k}] is not in descending order`);
      }
      accountant.#top[k] = values;
    });
    s.unlimited.forEach((x: unknown, k) => {
      accountant.#unlimited[k] = value0(x, `unlimited[${k}]`);
    });
    if (typeof s.rounds !== 'number' || !Number.isSafeInteger(s.rounds) || s.rounds < 0) {
      throw new DpError('INVALID_STATE', `coordinator accountant state rounds must be a non-negative integer, got ${formatValue(s.rounds)}`);
    }
    accountant.#rounds = s.rounds;
    return accountant;
  }
}

function toJsonNumber(x: number): JsonNumber {
  return x === Infinity ? 'Infinity' : x;
}

function fromJsonNumber(x: unknown): number {
  if (x === 'Infinity') return Infinity;
  return typeof x === 'number' && Number.isFinite(x) ? x : NaN;
}
