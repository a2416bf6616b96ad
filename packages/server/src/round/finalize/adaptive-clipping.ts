/**
 * DP-FedAvg with adaptive clipping (Andrew, Thakkar, McMahan & Ramaswamy 2021, Alg. 1): the
 * update gets noise z_Δ·C; the count of unclipped updates (devices sent ±½, the last entry of
 * the sum) gets noise σ_b, and its noised fraction moves the clip norm geometrically toward the
 * target quantile for the next round. Both queries are accounted as one step of noise z.
 */
import { addGaussianNoise, gaussianNoise, type PrivacyAccountant } from '@conclave/dp';
import { accountOneRound, type AdaptivePrivacy } from '../../privacy/task-privacy.ts';
import type { SecureSetup } from '../plan.ts';
import { clippedSum } from './clipped-sum.ts';
import { applyUpdate, divideByExpectedCohort, modelPart, undecodable, type FinalizeContext, type FinalizeOutcome, type SurvivorsSum } from './types.ts';

export interface AdaptiveClippingRound {
  privacy: AdaptivePrivacy;
  accountant: PrivacyAccountant;
  clipNorm: number;
  secure: SecureSetup | null;
}

/** η_C's geometric step: C' = C·exp(−η_C (b̃ − γ)), in float32 as devices will see it. */
export function nextAdaptiveClipNorm(clipNorm: number, unclippedFraction: number, privacy: Pick<AdaptivePrivacy, 'learningRate' | 'targetQuantile'>): number {
  return Math.fround(clipNorm * Math.exp(-privacy.learningRate * (unclippedFraction - privacy.targetQuantile)));
}

export function finalizeAdaptiveClipping(input: SurvivorsSum, round: AdaptiveClippingRound, ctx: FinalizeContext): FinalizeOutcome {
  const decoded = clippedSum(input, round.secure);
  if (!decoded.ok) return undecodable(decoded.error);
  const { privacy, clipNorm } = round;
  const d = ctx.weights.length;
  const sum = decoded.sum;
  const update = modelPart(sum, d);
  addGaussianNoise(update, privacy.updateNoiseMultiplier * clipNorm, ctx.random);
  divideByExpectedCohort(update, privacy.samplingRate, privacy.population);
  const noisyCount = sum[d]! + gaussianNoise(1, privacy.countStddev, ctx.random)[0]!;
  const unclippedFraction = noisyCount / (privacy.samplingRate * privacy.population) + 0.5;
  const nextClipNorm = nextAdaptiveClipNorm(clipNorm, unclippedFraction, privacy);
  const accountant = accountOneRound(privacy, round.accountant);
  return {
    ok: true,
    metrics: { ...decoded.metrics, clipNorm, unclippedFraction, nextClipNorm, epsilonSpent: accountant.epsilon(privacy.delta) },
    participants: input.participants,
    model: applyUpdate(ctx, update),
    privacy: { accountant, nextClipNorm },
  };
}
