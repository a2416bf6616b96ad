/**
 * The RDP privacy accountant: composition of Poisson-sampled Gaussian steps with possibly
 * different sampling rates and noise multipliers, and of distributed discrete Gaussian
 * rounds, RDP adding up order by order (Mironov 2017, Proposition 1), and conversion to
 * (ε, δ).
 */
import { DpError, formatValue } from './errors.ts';
import { type PrivacyGuarantee, type RdpConversion, checkDelta, rdpToEpsilon } from './conversion.ts';
import { DEFAULT_ORDERS, type SampledGaussianStep, checkOrders, checkStep, checkSteps, computeRdp } from './rdp.ts';
import { type DistributedDiscreteGaussianStep, computeDistributedRdp } from './distributed/accounting.ts';

export interface EpsilonForOptions extends SampledGaussianStep {
  /** δ ∈ [0, 1). */
  delta: number;
  /** @default DEFAULT_ORDERS */
  orders?: readonly number[];
  /** @default 'improved' */
  conversion?: RdpConversion;
}

/** ε at `delta` after `steps` Poisson-sampled Gaussian steps. */
export function epsilonFor(options: EpsilonForOptions): PrivacyGuarantee {
  checkStep(options, '');
  checkDelta(options.delta, 'delta');
  const orders = checkOrders(options.orders ?? DEFAULT_ORDERS, 'orders');
  const rdp = computeRdp({ ...options, orders });
  return rdpToEpsilon({ orders, rdp, delta: options.delta, conversion: options.conversion ?? 'improved' });
}

export interface PrivacyAccountantOptions {
  /** The Rényi orders to track; fixed for the accountant's lifetime. @default DEFAULT_ORDERS */
  orders?: readonly number[];
}

export interface EpsilonOptions {
  /** @default 'improved' */
  conversion?: RdpConversion;
}

/** A JSON value standing for a number that JSON cannot carry. */
export type JsonNumber = number | 'Infinity';

/** What {@link PrivacyAccountant.toJSON} produces and {@link PrivacyAccountant.fromJSON} accepts. */
export interface PrivacyAccountantState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  orders: JsonNumber[];
  /** Total RDP so far, one value per order. */
  rdp: JsonNumber[];
  /** Total number of steps composed so far (informational). */
  steps: number;
}

const STATE_FORMAT = 'conclave.dp.rdp-accountant';
const STATE_VERSION = 1;

/**
 * Tracks the RDP of everything composed into it. A coordinator composes each round's
 * step (`compose`), checks the budget (`epsilon`), and persists `toJSON()` in the same
 * transaction as the round; `PrivacyAccountant.fromJSON` restores it bit for bit.
 */
export class PrivacyAccountant {
  readonly orders: readonly number[];
  readonly #rdp: number[];
  #steps = 0;

  constructor(options: PrivacyAccountantOptions = {}) {
    this.orders = Object.freeze([...checkOrders(options.orders ?? DEFAULT_ORDERS, 'orders')]);
    this.#rdp = this.orders.map(() => 0);
  }

  /** Total number of steps composed so far. */
  get steps(): number {
    return this.#steps;
  }

  /** Adds `steps` Poisson-sampled Gaussian steps; returns `this`. */
  compose(step: SampledGaussianStep): this {
    checkStep(step, '');
    const rdp = computeRdp({
      samplingRate: step.samplingRate,
      noiseMultiplier: step.noiseMultiplier,
      steps: step.steps,
      orders: this.orders,
    });
    return this.#add(rdp, step.steps);
  }

  /**
   * Adds `steps` rounds of the distributed discrete Gaussian mechanism (devices add their
   * noise shares before secure aggregation; see {@link computeDistributedRdp}) to the same
   * per-order totals; returns `this`. The persisted state is unchanged in format.
   *
   * Its sampling bound (Zhu & Wang 2019, Thm 6) is proven for add/remove neighbours, while
   * Prop. 14 keeps every noise share in the sum (zero-out): the two notions differ, so the
   * figures a task reports use {@link distributedRoundRdp} instead (see
   * packages/dp/docs/privacy-figures.md).
   */
  composeDistributed(step: DistributedDiscreteGaussianStep): this {
    if (typeof step !== 'object' || step === null) {
      throw new DpError('INVALID_ARGUMENT', `step must be an object, got ${formatValue(step)}`);
    }
    const rdp = computeDistributedRdp({
      samplingRate: step.samplingRate,
      plan: step.plan,
      steps: step.steps,
      orders: this.orders,
    });
    return this.#add(rdp, step.steps);
  }

  /**
   * Adds `steps` rounds of a mechanism whose per-round RDP is `rdp` (one value per entry of
   * {@link orders}, e.g. from {@link zeroOutSampledRdp}); returns `this`.
   */
  composeRdp(rdp: readonly number[], steps = 1): this {
    checkSteps(steps, 'steps');
    if (!Array.isArray(rdp) || rdp.length !== this.orders.length) {
      throw new DpError('INVALID_ARGUMENT', `rdp must be an array of ${this.orders.length} values (one per order), got ${formatValue(rdp)}`);
    }
    const total = rdp.map((r, k) => {
      if (typeof r !== 'number' || !(r >= 0)) throw new DpError('INVALID_ARGUMENT', `rdp[${k}] must be a number >= 0, got ${formatValue(r)}`);
      return r === 0 ? 0 : r * steps;
    });
    return this.#add(total, steps);
  }

  #add(rdp: readonly number[], steps: number): this {
    const total = this.#steps + steps;
    if (!Number.isSafeInteger(total)) {
      throw new DpError('INVALID_ARGUMENT', `steps overflow: ${this.#steps} + ${steps} is not a safe integer`);
    }
    for (let k = 0; k < rdp.length; k++) this.#rdp[k] = (this.#rdp[k] as number) + (rdp[k] as number);
    this.#steps = total;
    return this;
  }

  /** The total RDP so far, one value per entry of {@link orders} (a copy). */
  rdp(): number[] {
    return [...this.#rdp];
  }

  /** The smallest ε such that everything composed so far is (ε, δ)-DP. */
  epsilon(delta: number, options: EpsilonOptions = {}): number {
    return this.guarantee(delta, options).epsilon;
  }

  /** Like {@link epsilon}, with the δ and the optimal order. */
  guarantee(delta: number, options: EpsilonOptions = {}): PrivacyGuarantee {
    return rdpToEpsilon({
      orders: this.orders,
      rdp: this.#rdp,
      delta,
      conversion: options.conversion ?? 'improved',
    });
  }

  /** An independent copy, e.g. to ask "what would ε be after one more round?". */
  clone(): PrivacyAccountant {
    return PrivacyAccountant.fromJSON(this.toJSON());
  }

  toJSON(): PrivacyAccountantState {
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      orders: this.orders.map(toJsonNumber),
      rdp: this.#rdp.map(toJsonNumber),
      steps: this.#steps,
    };
  }

  /** Restores an accountant from {@link toJSON}'s output (the object, or its JSON text). */
  static fromJSON(state: unknown): PrivacyAccountant {
    let value = state;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch (cause) {
        throw new DpError('INVALID_STATE', `accountant state is not valid JSON: ${(cause as Error).message}`);
      }
    }
    if (typeof value !== 'object' || value === null) {
      throw new DpError('INVALID_STATE', `accountant state must be an object, got ${formatValue(value)}`);
    }
    const s = value as Partial<Record<keyof PrivacyAccountantState, unknown>>;
    if (s.format !== STATE_FORMAT) {
      throw new DpError('INVALID_STATE', `accountant state format must be '${STATE_FORMAT}', got ${formatValue(s.format)}`);
    }
    if (s.version !== STATE_VERSION) {
      throw new DpError(
        'INVALID_STATE',
        `accountant state version ${formatValue(s.version)} is not supported, expected ${STATE_VERSION}`,
      );
    }
    if (!Array.isArray(s.orders) || s.orders.length === 0) {
      throw new DpError('INVALID_STATE', `accountant state orders must be a non-empty array, got ${formatValue(s.orders)}`);
    }
    const orders = s.orders.map((o: unknown, k) => {
      const alpha = fromJsonNumber(o);
      if (!(alpha > 1)) {
        throw new DpError('INVALID_STATE', `accountant state orders[${k}] must be a number > 1, got ${formatValue(o)}`);
      }
      return alpha;
    });
    if (!Array.isArray(s.rdp) || s.rdp.length !== orders.length) {
      throw new DpError(
        'INVALID_STATE',
        `accountant state rdp must be an array of ${orders.length} values, got ${formatValue(s.rdp)}`,
      );
    }
    const rdp = s.rdp.map((r: unknown, k) => {
      const value = fromJsonNumber(r);
      if (!(value >= 0)) {
        throw new DpError('INVALID_STATE', `accountant state rdp[${k}] must be a number >= 0, got ${formatValue(r)}`);
      }
      return value;
    });
    if (typeof s.steps !== 'number' || !Number.isSafeInteger(s.steps) || s.steps < 0) {
      throw new DpError(
        'INVALID_STATE',
        `accountant state steps must be a non-negative integer, got ${formatValue(s.steps)}`,
      );
    }
    const accountant = new PrivacyAccountant({ orders });
    rdp.forEach((r, k) => {
      accountant.#rdp[k] = r;
    });
    accountant.#steps = s.steps;
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
