/**
 * Creating and checking a {@link RoundConfig}. The server creates it; every client checks it
 * against its own policy before taking part (the threat model lets clients enforce a minimum
 * cohort size and the malicious-server setting themselves).
 */
import nacl from 'tweetnacl';
import { concatBytes, u32be, utf8 } from './bytes.ts';
import { SecAggError } from './errors.ts';
import { GRAPH_SEED_LENGTH, ROUND_ID_LENGTH, type RoundConfig } from './messages.ts';
import { chooseGraphParameters, type GraphParameterOptions } from './params.ts';
import { randomBytes, systemRandom, type RandomSource } from './random.ts';
import { MAX_SHARE_X } from './shamir.ts';

/** Largest cohort a round accepts (Bell et al. evaluate up to 10^6). */
export const MAX_COHORT_SIZE = 1_000_000;
/** Largest masked vector: 2^26 uint32 values = 256 MiB. */
export const MAX_VECTOR_LENGTH = 2 ** 26;
/** Neighbour positions are Shamir x-coordinates, so k ≤ p − 1 = 65536. */
export const MAX_DEGREE = MAX_SHARE_X;

export interface RoundConfigOptions extends Partial<Omit<GraphParameterOptions, 'cohortSize' | 'maliciousServer'>> {
  readonly cohortSize: number;
  readonly vectorLength: number;
  /** δ used to choose k and t. @default 0.3 */
  readonly dropoutRate?: number;
  /** Malicious-server setting. @default false */
  readonly consistencyCheck?: boolean;
  /** @default threshold + 1 (each survivor needs t surviving neighbours anyway) */
  readonly minSurvivors?: number;
  /** Override the rule's degree (validated, not recomputed). */
  readonly degree?: number;
  /** Override the rule's threshold (validated, not recomputed). */
  readonly threshold?: number;
  /** @default the platform CSPRNG */
  readonly random?: RandomSource;
}

export const DEFAULT_DROPOUT_RATE = 0.3;

export function createRoundConfig(options: RoundConfigOptions): RoundConfig {
  const random = options.random ?? systemRandom;
  const consistencyCheck = options.consistencyCheck ?? false;
  let degree = options.degree;
  let threshold = options.threshold;
  if (degree === undefined || threshold === undefined) {
    const chosen = chooseGraphParameters({
      ...options,
      dropoutRate: options.dropoutRate ?? DEFAULT_DROPOUT_RATE,
      maliciousServer: consistencyCheck,
    });
    degree ??= chosen.degree;
    threshold ??= chosen.threshold;
  }
  const config: RoundConfig = {
    roundId: randomBytes(random, ROUND_ID_LENGTH),
    cohortSize: options.cohortSize,
    vectorLength: options.vectorLength,
    degree,
    threshold,
    graphSeed: randomBytes(random, GRAPH_SEED_LENGTH),
    consistencyCheck,
    minSurvivors: options.minSurvivors ?? threshold + 1,
  };
  validateRoundConfig(config);
  return config;
}

/** What a client insists on, whatever the server sends. */
export interface ClientPolicy {
  /** Refuse rounds without signed advertisements and the consistency check. @default false */
  readonly requireConsistencyCheck?: boolean;
  /** Refuse to help unmask fewer inputs than this (client-enforced minimum cohort). @default 2 */
  readonly minSurvivors?: number;
  /** Refuse thresholds below this. @default 2 */
  readonly minThreshold?: number;
  /** Refuse vectors longer than this. @default MAX_VECTOR_LENGTH */
  readonly maxVectorLength?: number;
}

function invalid(message: string): never {
  throw new SecAggError('INVALID_CONFIG', message);
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function validateRoundConfig(config: RoundConfig, policy: ClientPolicy = {}): void {
  if (!(config.roundId instanceof Uint8Array) || config.roundId.length !== ROUND_ID_LENGTH) invalid(`roundId must be ${ROUND_ID_LENGTH} bytes`);
  if (!(config.graphSeed instanceof Uint8Array) || config.graphSeed.length !== GRAPH_SEED_LENGTH) invalid(`graphSeed must be ${GRAPH_SEED_LENGTH} bytes`);
  const n = config.cohortSize;
  if (!isInt(n, 3, MAX_COHORT_SIZE)) invalid(`cohortSize ${n} must be an integer in 3…${MAX_COHORT_SIZE}`);
  const maxLength = Math.min(MAX_VECTOR_LENGTH, policy.maxVectorLength ?? MAX_VECTOR_LENGTH);
  if (!isInt(config.vectorLength, 1, maxLength)) invalid(`vectorLength ${config.vectorLength} must be an integer in 1…${maxLength}`);
  const k = config.degree;
  const complete = k === n - 1;
  if (!isInt(k, 2, Math.min(n - 1, MAX_DEGREE)) || (!complete && k % 2 !== 0)) {
    invalid(`degree ${k} must be even and at most ${Math.min(n - 2, MAX_DEGREE)}, or ${n - 1} (the complete graph)`);
  }
  const t = config.threshold;
  const minThreshold = Math.max(2, policy.minThreshold ?? 2);
  if (!isInt(t, minThreshold, k)) invalid(`threshold ${t} must be an integer in ${minThreshold}…${k} (the degree)`);
  if (typeof config.consistencyCheck !== 'boolean') invalid('consistencyCheck must be a boolean');
  // Against a malicious server, honest neighbours reveal b_u to one set and s_u^SK to a disjoint
  // one; 2t > k keeps the server from filling both to t (Bonawitz 2017, §6: t > 2n/3 with n/3 corrupt).
  if (config.consistencyCheck && 2 * t <= k) invalid(`with the consistency check, threshold ${t} must exceed half the degree ${k}`);
  if (policy.requireConsistencyCheck === true && !config.consistencyCheck) invalid('this client requires the consistency check (malicious-server setting)');
  const minSurvivors = Math.max(2, policy.minSurvivors ?? 2);
  if (!isInt(config.minSurvivors, minSurvivors, n)) invalid(`minSurvivors ${config.minSurvivors} must be an integer in ${minSurvivors}…${n}`);
}

/** SHA-512 of every config field: signed into advertisements so clients detect split configs. */
export function configDigest(config: RoundConfig): Uint8Array {
  return nacl.hash(
    concatBytes(
      utf8('conclave/secagg/v1 config'),
      new Uint8Array([0]),
      config.roundId,
      u32be(config.cohortSize),
      u32be(config.vectorLength),
      u32be(config.degree),
      u32be(config.threshold),
      config.graphSeed,
      new Uint8Array([config.consistencyCheck ? 1 : 0]),
      u32be(config.minSurvivors),
    ),
  );
}

/** Bytes signed by an advertisement (Bonawitz 2017, §6, round 0: σ_u = SIG.sign(d_u^SK, c_u^PK ‖ s_u^PK)). */
export function advertisementTranscript(
  digest: Uint8Array,
  clientId: number,
  encryptionPublicKey: Uint8Array,
  maskingPublicKey: Uint8Array,
  identityPublicKey: Uint8Array,
): Uint8Array {
  return concatBytes(utf8('conclave/secagg/v1 advertise'), new Uint8Array([0]), digest, u32be(clientId), encryptionPublicKey, maskingPublicKey, identityPublicKey);
}

/** Bytes signed in the consistency check (Bonawitz 2017, §6, round 3: σ'_u = SIG.sign(d_u^SK, U3)). */
export function consistencyTranscript(digest: Uint8Array, survivors: readonly number[]): Uint8Array {
  const ids = new Uint8Array(4 * survivors.length);
  const view = new DataView(ids.buffer);
  survivors.forEach((id, i) => view.setUint32(4 * i, id, false));
  return concatBytes(utf8('conclave/secagg/v1 consistency'), new Uint8Array([0]), digest, u32be(survivors.length), ids);
}
