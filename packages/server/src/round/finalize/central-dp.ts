/**
 * DP-FedAvg with central noise and a fixed clip norm (McMahan et al. 2018, Alg. 1): Gaussian
 * noise of σ = z·C on the sum of clipped updates, the fixed-denominator estimate, and one more
 * round of the sampled Gaussian in the accountant.
 */
import { addGaussianNoise } from '@conclave/dp';
import { accountOneRound, type CentralPrivacy } from '../../privacy/task-privacy.ts';
import type { PrivacyAccountant } from '@conclave/dp';
import type { SecureSetup } from '../plan.ts';
import { clippedSum } from './clipped-sum.ts';
import { applyUpdate, divideByExpectedCohort, modelPart, undecodable, type FinalizeContext, type FinalizeOutcome, type SurvivorsSum } from './types.ts';

export interface CentralDpRound {
  privacy: CentralPrivacy;
  accountant: PrivacyAccountant;
  clipNorm: number;
  secure: SecureSetup | null;
}

export function finalizeCentralDp(input: SurvivorsSum, round: CentralDpRound, ctx: FinalizeContext): FinalizeOutcome {
  const decoded = clippedSum(input, round.secure);
  if (!decoded.ok) return undecodable(decoded.error);
  const { privacy, clipNorm } = round;
  const update = modelPart(decoded.sum, ctx.weights.length);
  addGaussianNoise(update, privacy.noiseMultiplier * clipNorm, ctx.random);
  divideByExpectedCohort(update, privacy.samplingRate, privacy.population);
  const accountant = accountOneRound(privacy, round.accountant);
  return {
    ok: true,
    metrics: { ...decoded.metrics, clipNorm, epsilonSpent: accountant.epsilon(privacy.delta) },
    participants: input.participants,
    model: applyUpdate(ctx, update),
    privacy: { accountant, nextClipNorm: clipNorm },
  };
}
