/**
 * The two figures a task reports (packages/dp/docs/privacy-figures.md):
 *
 * - ε against the coordinator: no amplification by a sampling the coordinator controls,
 *   composed over the rounds one device can join (its participation limit) — the
 *   {@link CoordinatorAccountant}. Budgets stop on this figure.
 * - ε for whoever sees only the released model: the same rounds amplified by Poisson sampling
 *   (the device's presence is hidden from them) through {@link zeroOutSampledRdp}, composed over
 *   every round, and never more than the first figure (the released model is computed from
 *   what the coordinator saw).
 *
 * Both under zero-out neighbouring. In central mode the coordinator adds the noise itself and
 * sees the sum before it does, so there is no separate figure against it: both equal the
 * sampled-Gaussian accountant's ε.
 */
import { DpError, formatValue } from './errors.ts';
import type { PrivacyAccountant } from './accountant.ts';
import type { CoordinatorAccountant } from './coordinator-accountant.ts';
import { computeDistributedRdp, type DistributedDiscreteGaussianStep } from './distributed/accounting.ts';
import { DEFAULT_ORDERS, checkSamplingRate } from './rdp.ts';
import { zeroOutSampledRdp } from './zero-out-sampling.ts';

/** The neighbouring notion each mode's figures are stated under. */
export const NEIGHBOURING_NOTIONS = {
  /** Distributed DP: Kairouz, Liu & Steinke 2021 (Prop. 14) keep every noise share in the sum. */
  distributed: 'zero-out: one device\'s data replaced by zeros; its sampling coin, noise share and everything else unchanged',
  /** Central DP: the sampled Gaussian of Mironov, Talwar & Zhang 2019, noise independent of who takes part. */
  central: 'add/remove: one device\'s data present or absent',
} as const;

export interface PrivacyFigures {
  /** ε against the coordinator: no amplification, the participation limit's rounds composed. */
  epsilonAgainstCoordinator: number;
  /** ε for whoever sees only the released model: amplified by Poisson sampling, ≤ the first. */
  epsilonForReleasedModel: number;
  delta: number;
  /** The neighbouring notion both figures are stated under. */
  neighbouring: (typeof NEIGHBOURING_NOTIONS)[keyof typeof NEIGHBOURING_NOTIONS];
}

/** One distributed-DP round's RDP as each figure composes it: unsampled, and sampled under zero-out. */
export function distributedRoundRdp(options: {
  plan: DistributedDiscreteGaussianStep['plan'];
  samplingRate: number;
  orders?: readonly number[];
}): { coordinator: number[]; released: number[] } {
  const orders = options.orders ?? DEFAULT_ORDERS;
  checkSamplingRate(options.samplingRate, 'samplingRate');
  const coordinator = computeDistributedRdp({ samplingRate: 1, plan: options.plan, steps: 1, orders });
  return { coordinator, released: zeroOutSampledRdp({ rdp: coordinator, orders, samplingRate: options.samplingRate }) };
}

/**
 * The per-device participation limit a task gets when its author names none: the expected
 * number of rounds a device is sampled into (q·T) plus two standard deviations, so that about
 * one device in forty is ever turned away by it; at least 1, at most T.
 */
export function defaultParticipationLimit(samplingRate: number, rounds: number): number {
  checkSamplingRate(samplingRate, 'samplingRate');
  if (!Number.isSafeInteger(rounds) || rounds < 1) throw new DpError('INVALID_ARGUMENT', `rounds must be an integer >= 1, got ${formatValue(rounds)}`);
  const mean = samplingRate * rounds;
  const limit = Math.ceil(mean + 2 * Math.sqrt(mean * (1 - samplingRate)) - 1e-9);
  return Math.min(rounds, Math.max(1, limit));
}

/**
 * Both figures of a distributed-DP task from its two accountants: the coordinator's, and the
 * one composing the sampled rounds. The released-model figure is the smaller of the two bounds.
 */
export function distributedPrivacyFigures(released: PrivacyAccountant, coordinator: CoordinatorAccountant, delta: number): PrivacyFigures {
  const against = coordinator.rounds > 0 ? coordinator.epsilon(delta) : 0;
  const sampled = released.steps > 0 ? released.epsilon(delta) : 0;
  return { epsilonAgainstCoordinator: against, epsilonForReleasedModel: Math.min(sampled, against), delta, neighbouring: NEIGHBOURING_NOTIONS.distributed };
}

/** Central mode: the coordinator adds the noise, so both figures are the accountant's ε. */
export function centralPrivacyFigures(accountant: PrivacyAccountant, delta: number): PrivacyFigures {
  const epsilon = accountant.steps > 0 ? accountant.epsilon(delta) : 0;
  return { epsilonAgainstCoordinator: epsilon, epsilonForReleasedModel: epsilon, delta, neighbouring: NEIGHBOURING_NOTIONS.central };
}
