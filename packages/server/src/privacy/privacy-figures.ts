/**
 * A DP task's two privacy figures (packages/dp/docs/privacy-figures.md) and the accounting of
 * evaluation rounds. In distributed mode the accountant the task persists composes the released
 * model's figure (every round, amplified by Poisson sampling under zero-out neighbours); ε
 * against the coordinator follows from it and the plan: a device joins at most
 * `participationLimit` training rounds and every evaluation round, each at most the larger of
 * the two rounds' unsampled RDP, so it is the `steps` rounds composed so far with at most
 * limit + evaluation rounds of them counted. In central mode both figures are the accountant's ε.
 */
import {
  CoordinatorAccountant,
  centralPrivacyFigures,
  distributedPrivacyFigures,
  distributedRoundRdp,
  planDistributedDp,
  type DistributedDpPlan,
  type PrivacyAccountant,
  type PrivacyFigures,
} from '@conclave/dp';

/** What the figures need of a task's derived privacy. */
export type FiguresPrivacy =
  | { kind: 'central' | 'adaptive'; samplingRate: number; noiseMultiplier: number; delta: number }
  | {
      kind: 'distributed';
      samplingRate: number;
      noiseMultiplier: number;
      delta: number;
      plan: DistributedDpPlan;
      /** L: training rounds one device takes part in at most (enforced on the device). */
      participationLimit: number;
      /** Evaluation rounds every device may join whatever its limit (0 or 1). */
      evaluationRounds: number;
    };

/**
 * The distributed encoding of an evaluation round: the three metric sums as a vector of L2 norm
 * at most 1 (`@conclave/secagg` evaluationVector), noised like the training rounds (same z, same
 * minimum cohort and ring).
 */
export function evaluationPlan(plan: DistributedDpPlan, noiseMultiplier: number): DistributedDpPlan {
  return planDistributedDp({ clipNorm: 1, dimension: 3, minClients: plan.minClients, maxClients: plan.maxClients, bits: plan.bits, noiseMultiplier });
}

/** The accountant after one more round of `kind` (a copy; the given one is untouched). */
export function accountRound(privacy: FiguresPrivacy, accountant: PrivacyAccountant, kind: 'train' | 'evaluate'): PrivacyAccountant {
  const next = accountant.clone();
  if (privacy.kind !== 'distributed') return next.compose({ samplingRate: privacy.samplingRate, noiseMultiplier: privacy.noiseMultiplier, steps: 1 });
  const plan = kind === 'train' ? privacy.plan : evaluationPlan(privacy.plan, privacy.noiseMultiplier);
  return next.composeRdp(distributedRoundRdp({ plan, samplingRate: privacy.samplingRate, orders: next.orders }).released);
}

/** Both figures after the rounds the accountant has composed. */
export function privacyFigures(privacy: FiguresPrivacy, accountant: PrivacyAccountant): PrivacyFigures {
  if (privacy.kind !== 'distributed') return centralPrivacyFigures(accountant, privacy.delta);
  const orders = accountant.orders;
  const train = distributedRoundRdp({ plan: privacy.plan, samplingRate: 1, orders }).coordinator;
  const evaluation = privacy.evaluationRounds > 0 ? distributedRoundRdp({ plan: evaluationPlan(privacy.plan, privacy.noiseMultiplier), samplingRate: 1, orders }).coordinator : train;
  const worst = train.map((r, k) => Math.max(r, evaluation[k] as number));
  const coordinator = new CoordinatorAccountant({ participationLimit: privacy.participationLimit + privacy.evaluationRounds, orders });
  const rounds = Math.min(accountant.steps, coordinator.participationLimit);
  for (let r = 0; r < rounds; r++) coordinator.composeRound(worst);
  return distributedPrivacyFigures(accountant, coordinator, privacy.delta);
}
