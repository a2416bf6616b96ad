/**
 * Distributed DP (Kairouz, Liu & Steinke 2021): the unmasked sum already carries every
 * survivor's discrete Gaussian share; the coordinator decodes it (inverse rotation, centring
 * mod 2^bits), adds no noise, divides by the expected cohort and accounts the round at the
 * plan's minimum cohort. Once the sum is revealed its ε is spent, decodable or not.
 */
import { decodeDistributedSum, type PrivacyAccountant } from '@conclave/dp';
import { privacyFigures } from '../../privacy/privacy-figures.ts';
import { accountOneRound, type DistributedPrivacy } from '../../privacy/task-privacy.ts';
import type { Participation } from '../../store/store.ts';
import { applyUpdate, divideByExpectedCohort, modelPart, secureMetrics, undecodable, type FinalizeContext, type FinalizeOutcome } from './types.ts';

export interface DistributedDpRound {
  privacy: DistributedPrivacy;
  accountant: PrivacyAccountant;
  rotationSeed: number;
}

/** Both privacy figures after the round: ε against the coordinator (what budgets stop on) and for the released model. */
function figureMetrics(privacy: DistributedPrivacy, accountant: PrivacyAccountant): { epsilonSpent: number; epsilonForReleasedModel: number } {
  const f = privacyFigures(privacy, accountant);
  return { epsilonSpent: f.epsilonAgainstCoordinator, epsilonForReleasedModel: f.epsilonForReleasedModel };
}

export function finalizeDistributedDp(sum: Uint32Array, participants: Participation[], round: DistributedDpRound, ctx: FinalizeContext): FinalizeOutcome {
  const { privacy } = round;
  const plan = privacy.plan;
  const accountant = accountOneRound(privacy, round.accountant);
  let decoded;
  try {
    decoded = decodeDistributedSum(sum.subarray(0, plan.paddedDimension), plan, round.rotationSeed, participants.length);
  } catch (err) {
    return undecodable(err, accountant);
  }
  const weight = sum[plan.paddedDimension]!;
  const update = modelPart(decoded.sum, ctx.weights.length);
  divideByExpectedCohort(update, privacy.samplingRate, privacy.population);
  return {
    ok: true,
    metrics: {
      ...secureMetrics(participants, weight),
      clipNorm: privacy.clipNorm,
      outOfRangeCoordinates: decoded.outOfRange,
      ...figureMetrics(privacy, accountant),
    },
    participants,
    model: applyUpdate(ctx, update),
    privacy: { accountant, nextClipNorm: privacy.clipNorm },
  };
}
