/**
 * Differential privacy for Conclave: clipping, noise, and the privacy accountant.
 *
 * The accountant tracks Rényi DP (RDP) of the Poisson-sampled Gaussian mechanism
 * (Mironov, Talwar & Zhang 2019), exactly at integer orders and by the two-series method
 * at fractional ones, composes rounds with different sampling rates and noise
 * multipliers, and converts to (ε, δ) with the bound of Canonne, Kamath & Steinke 2020
 * (Prop. 12) or, on request, Mironov 2017 (Prop. 3). It reproduces TensorFlow Privacy,
 * dp_accounting and Opacus. Clients clip their update ({@link clipL2}); the server adds
 * central Gaussian noise ({@link addGaussianNoise}) or clients add exact discrete
 * Gaussian noise ({@link sampleDiscreteGaussian}) to their quantized update before secure
 * aggregation. For the latter, the distributed discrete Gaussian mechanism of Kairouz,
 * Liu & Steinke 2021 plans the integer grid and each device's noise share
 * ({@link planDistributedDp}), encodes on the device ({@link encodeDistributedUpdate}),
 * decodes the modular sum ({@link decodeDistributedSum}) and accounts for it
 * ({@link PrivacyAccountant.composeDistributed}). A distributed task reports two figures
 * ({@link distributedPrivacyFigures}): ε against the coordinator, unamplified over the rounds
 * one device may join ({@link CoordinatorAccountant}), and ε for whoever sees only the released
 * model, amplified by Poisson sampling under zero-out neighbouring ({@link zeroOutSampledRdp}).
 * All randomness comes from
 * `globalThis.crypto` unless a {@link RandomSource} is injected. Errors are
 * {@link DpError}s with stable codes.
 *
 * @example
 * ```ts
 * import { PrivacyAccountant, noiseMultiplierFor, clipL2 } from '@conclave/dp';
 *
 * // 1000 rounds, each sampling 1% of devices, within ε = 3 at δ = 1e-6:
 * const noiseMultiplier = noiseMultiplierFor({ samplingRate: 0.01, steps: 1000, delta: 1e-6, targetEpsilon: 3 });
 *
 * const accountant = new PrivacyAccountant();
 * accountant.compose({ samplingRate: 0.01, noiseMultiplier, steps: 1 }); // after each round
 * accountant.epsilon(1e-6); // ε spent so far
 * const saved = JSON.stringify(accountant); // persist with the round...
 * const restored = PrivacyAccountant.fromJSON(JSON.parse(saved)); // ...and resume
 *
 * // On the device, before quantization: bound the update's L2 norm by the clipping norm.
 * const update = new Float32Array([0.3, -1.2, 2.5]);
 * const { clipped, norm, scale } = clipL2(update, 1.0);
 *
 * // Distributed DP: devices add the noise; the guarantee holds once 60 devices are summed.
 * const plan = planDistributedDp({ clipNorm: 1, dimension: 3, minClients: 60, maxClients: 1000, noiseMultiplier });
 * const { values } = encodeDistributedUpdate(update, plan, roundSeed); // on each device, then mask
 * const { sum } = decodeDistributedSum(unmaskedSum, plan, roundSeed, survivors); // on the coordinator
 * accountant.composeDistributed({ samplingRate: 0.01, plan, steps: 1 });
 * ```
 *
 * @packageDocumentation
 */

export { DpError, type DpErrorCode } from './errors.ts';
export {
  DEFAULT_ORDERS,
  MAX_NOISE_MULTIPLIER,
  computeRdp,
  type ComputeRdpOptions,
  type SampledGaussianStep,
} from './rdp.ts';
export { rdpToEpsilon, type PrivacyGuarantee, type RdpConversion, type RdpToEpsilonOptions } from './conversion.ts';
export {
  PrivacyAccountant,
  epsilonFor,
  type EpsilonForOptions,
  type EpsilonOptions,
  type JsonNumber,
  type PrivacyAccountantOptions,
  type PrivacyAccountantState,
} from './accountant.ts';
export { DEFAULT_MAX_NOISE_MULTIPLIER, noiseMultiplierFor, type NoiseMultiplierForOptions } from './calibration.ts';
export { type RandomSource } from './random.ts';
export { addGaussianNoise, gaussianNoise } from './gaussian-noise.ts';
export { MAX_DISCRETE_GAUSSIAN_SIGMA2, sampleDiscreteGaussian, type Rational } from './discrete-gaussian.ts';
export { clipL2, l2Norm, type ClipResult } from './clipping.ts';
export { computeDistributedRdp, type DistributedDiscreteGaussianStep } from './distributed/accounting.ts';
export { noiseMultiplierForDistributed, type DistributedNoiseCalibration, type NoiseMultiplierForDistributedOptions } from './distributed/calibration.ts';
export {
  decodeDistributedSum,
  encodeDistributedUpdate,
  type DecodedDistributedSum,
  type DistributedEncoding,
  type EncodedDistributedUpdate,
} from './distributed/codec.ts';
export { planDistributedDp, type DistributedDpPlan, type DistributedDpPlanOptions } from './distributed/plan.ts';
export { inverseRandomizedHadamard, randomizedHadamard } from './distributed/rotation.ts';
export { zeroOutSampledRdp, type ZeroOutSamplingOptions } from './zero-out-sampling.ts';
export {
  CoordinatorAccountant,
  type CoordinatorAccountantOptions,
  type CoordinatorAccountantState,
  type RoundKind,
} from './coordinator-accountant.ts';
export {
  NEIGHBOURING_NOTIONS,
  centralPrivacyFigures,
  defaultParticipationLimit,
  distributedPrivacyFigures,
  distributedRoundRdp,
  type PrivacyFigures,
} from './privacy-figures.ts';
