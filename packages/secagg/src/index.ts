/**
 * Secure aggregation for Conclave: SecAgg+ (Bell et al., CCS 2020), i.e. the protocol of
 * Bonawitz et al. (CCS 2017) run over a sparse random neighbour graph, with the complete graph
 * as the special case for small cohorts. The server learns the sum of the surviving clients'
 * quantized updates and nothing about any single one; a round completes while every
 * survivor keeps at least t surviving neighbours and aborts, revealing nothing, otherwise.
 *
 * The library is pure and isomorphic: client and server are state machines whose handlers take
 * a decoded message (see the types of `messages.ts`) and return what to send. Transports,
 * timers and storage belong to the caller. X25519 and Ed25519 run on node:crypto in Node and
 * on tweetnacl elsewhere (same bytes); masks are AES-256-CTR through WebCrypto.
 *
 * @example
 * ```ts
 * import { SecAggClient, SecAggServer, createRoundConfig, quantizeWeighted, dequantizeWeightedMean } from '@conclave/secagg';
 *
 * const config = createRoundConfig({ cohortSize: 1000, vectorLength: dim + 1, dropoutRate: 0.3 });
 * const server = new SecAggServer({ config });
 *
 * // on each device (clientId assigned by the coordinator, 1 … cohortSize):
 * const input = quantizeWeighted(update, exampleCount, { clipRange: 1, maxWeight: 1000, cohortSize: 1000 });
 * const client = new SecAggClient({ config, clientId, input });
 * send(await client.advertiseKeys());
 * onServerMessage(async (m) => { const reply = await client.handle(m); if (reply) send(reply); });
 *
 * // on the server: feed messages in, close each phase at its deadline
 * onClientMessage((from, m) => { const r = server.receive(from, m); if (!r.accepted) log(r.error); });
 * const step = await server.closePhase(); // repeat per phase; send step.messages
 * if (step.result) {
 *   const { mean } = dequantizeWeightedMean(step.result.sum, { clipRange: 1, maxWeight: 1000, survivors: step.result.survivors.length });
 * }
 * ```
 *
 * @packageDocumentation
 */

export { SecAggClient, type SecAggClientOptions, type ClientPhase, type RevealedKind } from './client.ts';
export { SecAggServer } from './server.ts';
export type {
  SecAggServerOptions,
  ServerPhase,
  ReceiveOutcome,
  Outgoing,
  DroppedClient,
  AggregationResult,
  PhaseTransition,
  RoundSummary,
} from './server-types.ts';
export {
  ROUND_ID_LENGTH,
  GRAPH_SEED_LENGTH,
  PUBLIC_KEY_LENGTH,
  SIGNATURE_LENGTH,
  SHARE_LENGTH,
  SHARE_CIPHERTEXT_LENGTH,
  type RoundConfig,
  type AdvertiseKeys,
  type ShareKeys,
  type OutgoingShare,
  type MaskedInput,
  type ConsistencySignature,
  type UnmaskShares,
  type RevealedShare,
  type ClientMessage,
  type KeysBroadcast,
  type PeerKeys,
  type SharesBroadcast,
  type IncomingShare,
  type ConsistencyRequest,
  type UnmaskRequest,
  type PeerSignature,
  type RoundAborted,
  type ServerMessage,
} from './messages.ts';
export {
  createRoundConfig,
  validateRoundConfig,
  MAX_COHORT_SIZE,
  MAX_VECTOR_LENGTH,
  type RoundConfigOptions,
  type ClientPolicy,
} from './config.ts';
export { chooseGraphParameters, type GraphParameterOptions, type GraphParameters } from './params.ts';
export {
  quantize,
  dequantizeSum,
  quantizeWeighted,
  dequantizeWeightedMean,
  maxQuantizationBits,
  type QuantizationOptions,
  type DequantizationOptions,
  type WeightedQuantizationOptions,
  type WeightedDequantizationOptions,
  type WeightedMean,
} from './quantize.ts';
export { quantizationNormSlack, quantizationSafeClipNorm, type QuantizationNormOptions } from './quantize-norm.ts';
export {
  EVALUATION_ENTRIES,
  EVALUATION_LOSS_CAP,
  boundEvaluation,
  decodeEvaluation,
  encodeEvaluation,
  evaluationFromVectorSum,
  evaluationLossScale,
  evaluationVector,
  type CohortEvaluation,
  type DeviceEvaluation,
} from './evaluation-metrics.ts';
export {
  ROUND_METRIC_ENTRIES,
  ROUND_METRIC_LOSS_CAP,
  decodeRoundMetrics,
  encodeRoundMetrics,
  roundMetricsFit,
  type CohortRoundMetrics,
  type DeviceRoundMetrics,
} from './round-metrics.ts';
export { SecAggError, isSecAggError, SECAGG_ERROR_CODES, SECAGG_ERROR_INFO, type SecAggErrorCode } from './errors.ts';
export { type CryptoProvider, type X25519KeyPair } from './crypto-provider.ts';
export { tweetnaclProvider } from './crypto-web.ts';
export { loadCryptoProvider } from './load-crypto-provider.ts';
export { systemRandom, type RandomSource } from './random.ts';
