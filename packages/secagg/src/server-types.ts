/**
 * What the SecAgg+ server (`server.ts`) takes and gives: its options, the transitions of
 * `closePhase()`, the result of a completed round and its summary.
 */
import type { CryptoProvider } from './crypto-provider.ts';
import type { SecAggError } from './errors.ts';
import type { RoundConfig, ServerMessage } from './messages.ts';

export type ServerPhase = 'advertise-keys' | 'share-keys' | 'masked-input' | 'consistency-check' | 'unmask' | 'completed' | 'aborted';

export type ReceiveOutcome = { readonly accepted: true } | { readonly accepted: false; readonly error: SecAggError };

export interface Outgoing {
  readonly to: number;
  readonly message: ServerMessage;
}

export interface DroppedClient {
  readonly clientId: number;
  readonly error: SecAggError;
}

export interface AggregationResult {
  /** Σ_{u ∈ survivors} x_u mod 2^32. */
  readonly sum: Uint32Array;
  /** Ascending ids of the clients whose inputs are in `sum` (count them to dequantize). */
  readonly survivors: readonly number[];
  /** PRG expansions the unmasking needed: one per survivor plus one per (survivor, dropped neighbour). */
  readonly selfMasks: number;
  readonly pairwiseMasks: number;
}

export interface PhaseTransition {
  /** The phase now open, or 'completed' / 'aborted'. */
  readonly phase: ServerPhase;
  /** What to send, to whom. */
  readonly messages: readonly Outgoing[];
  /** Clients dropped since the previous transition (bad messages, pruning), with the reason. */
  readonly dropped: readonly DroppedClient[];
  /** Present when the round completed. */
  readonly result?: AggregationResult;
  /** Present when the round aborted. */
  readonly error?: SecAggError;
}

export interface SecAggServerOptions {
  readonly config: RoundConfig;
  /** @default the fastest provider of this runtime (`loadCryptoProvider()`) */
  readonly crypto?: CryptoProvider;
  /**
   * The identity key the transport authenticated for a client, if known. With the consistency
   * check, an advertisement signed by any other key drops the client ('BAD_SIGNATURE').
   */
  readonly identityOf?: (clientId: number) => Uint8Array | undefined;
  /** WebCrypto PRG expansions in flight while unmasking (the Node PRG streams one at a time). @default 3 */
  readonly maskConcurrency?: number;
}

export interface RoundSummary {
  readonly phase: ServerPhase;
  /** |U1|, |U2|, |U3|, |U4| (signers; equals |U3| without the check), responders to Unmask. */
  readonly advertised: number;
  readonly shared: number;
  readonly survivors: number;
  readonly signed: number;
  readonly responded: number;
  readonly dropped: number;
}
