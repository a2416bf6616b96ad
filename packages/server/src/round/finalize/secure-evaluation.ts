/**
 * An evaluation round under secure aggregation (PROTOCOL.md §4): the survivors' sum of their
 * held-out example counts, loss sums and correct predictions; the model stays. Without DP the
 * sums are exact. With DP, once the sum is revealed its ε is spent, decodable or not: central
 * mode adds Gaussian noise of σ = z to the sum of unit-norm vectors (sensitivity 1), distributed
 * mode decodes the devices' own noise; both account one more round.
 */
import { addGaussianNoise, decodeDistributedSum } from '@conclave/dp';
import { EVALUATION_ENTRIES, decodeEvaluation, dequantizeSum, evaluationFromVectorSum, quantizationSafeClipNorm, type CohortEvaluation } from '@conclave/secagg';
import { accountRound, privacyFigures } from '../../privacy/privacy-figures.ts';
import type { Participation } from '../../store/store.ts';
import type { SecureSetup } from '../plan.ts';
import { undecodable, type AggregateMetrics, type EvaluationEncoding, type FinalizeContext, type FinalizeOutcome } from './types.ts';

function metrics(e: CohortEvaluation, participants: Participation[]): AggregateMetrics {
  return {
    participants: participants.length,
    examples: 0,
    trainLoss: null,
    evalExamples: Math.round(e.examples),
    evalLoss: e.evalLoss,
    evalAccuracy: e.evalAccuracy,
  };
}

export function finalizeSecureEvaluation(sum: Uint32Array, participants: Participation[], round: { secure: SecureSetup; evaluation: EvaluationEncoding }, ctx: FinalizeContext): FinalizeOutcome {
  const { secure, evaluation } = round;
  const survivors = participants.length;
  if (evaluation.kind === 'exact') {
    try {
      const e = decodeEvaluation(sum, { maxExamples: evaluation.maxExamples, cohortSize: secure.config.cohortSize, survivors });
      return { ok: true, metrics: metrics(e, participants), participants };
    } catch (err) {
      return undecodable(err);
    }
  }
  const accountant = accountRound(evaluation.privacy, evaluation.accountant, 'evaluate');
  let vectorSum: Float64Array;
  try {
    if (evaluation.kind === 'central-dp') {
      const { clipRange, bits, maxWeight } = secure.quant;
      const safe = quantizationSafeClipNorm(1, { clipRange, bits, maxWeight, weight: 1, dimension: EVALUATION_ENTRIES });
      vectorSum = dequantizeSum(sum.subarray(0, EVALUATION_ENTRIES), { clipRange, bits, survivors });
      addGaussianNoise(vectorSum, evaluation.privacy.noiseMultiplier, ctx.random);
      for (let i = 0; i < vectorSum.length; i++) vectorSum[i]! /= safe;
    } else {
      const decoded = decodeDistributedSum(sum.subarray(0, evaluation.plan.paddedDimension), evaluation.plan, evaluation.rotationSeed, survivors);
      vectorSum = decoded.sum.subarray(0, EVALUATION_ENTRIES);
    }
  } catch (err) {
    return undecodable(err, accountant);
  }
  const e = evaluationFromVectorSum(vectorSum, evaluation.maxExamples);
  return {
    ok: true,
    metrics: {
      ...metrics(e, participants),
      clipNorm: evaluation.clipNorm,
      epsilonSpent: privacyFigures(evaluation.privacy, accountant).epsilonAgainstCoordinator,
      ...(evaluation.kind === 'distributed-dp' ? { epsilonForReleasedModel: privacyFigures(evaluation.privacy, accountant).epsilonForReleasedModel } : {}),
    },
    participants,
    privacy: { accountant, nextClipNorm: evaluation.clipNorm },
  };
}
