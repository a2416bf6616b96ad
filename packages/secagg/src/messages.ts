/**
 * The messages of one SecAgg+ round, as plain objects with Uint8Array byte fields. Each type
 * maps 1:1 onto a protobuf message (the `type` tag becomes a `oneof` case; `readonly number[]`
 * fields are `repeated uint32`; byte fields are `bytes`, empty when unused). The sender of a
 * client message is not a field: the transport knows which authenticated connection it came
 * from and passes that id to `SecAggServer.receive`.
 *
 * Sequence (Bonawitz et al. 2017, Fig. 4; Bell et al. 2020, Fig. 3), clients 1 … n:
 *
 *   config      server → every client   RoundConfig (shipped with the plan)
 *   round 0     client → server         AdvertiseKeys
 *               server → client u       KeysBroadcast      (u's neighbours that advertised)
 *   round 1     client → server         ShareKeys          (encrypted shares for those neighbours)
 *               server → client u       SharesBroadcast    (ciphertexts addressed to u)
 *   round 2     client → server         MaskedInput
 *   round 3*    server → client u       ConsistencyRequest (survivor list)       *only when
 *               client → server         ConsistencySignature                      consistencyCheck
 *   round 4     server → client u       UnmaskRequest
 *               client → server         UnmaskShares
 *   any time    server → client         RoundAborted
 */
import type { SecAggErrorCode } from './errors.ts';

/** Byte lengths fixed by the protocol. */
export const ROUND_ID_LENGTH = 16;
export const GRAPH_SEED_LENGTH = 32;
export const PUBLIC_KEY_LENGTH = 32;
export const SIGNATURE_LENGTH = 64;
/** Shamir share of a 32-byte secret over GF(65537): 32 bytes of low halves + 2 bytes of high bits. */
export const SHARE_LENGTH = 34;
/** secretbox(version ‖ u32 sender ‖ u32 recipient ‖ share of s_u^SK ‖ share of b_u) = 1+4+4+34+34 + 16-byte tag. */
export const SHARE_PLAINTEXT_LENGTH = 1 + 4 + 4 + 2 * SHARE_LENGTH;
export const SHARE_CIPHERTEXT_LENGTH = SHARE_PLAINTEXT_LENGTH + 16;

/** Parameters every participant must agree on; the coordinator ships it with the plan. */
export interface RoundConfig {
  /** 16 random bytes naming the round; bound into every derived key and signature. */
  readonly roundId: Uint8Array;
  /** n: clients selected; their protocol ids are 1 … n. */
  readonly cohortSize: number;
  /** Entries of every masked vector (for the weighted variant: the update plus the weight). */
  readonly vectorLength: number;
  /** k: neighbours per client (even, or n − 1 for the complete graph). */
  readonly degree: number;
  /** t: Shamir threshold. */
  readonly threshold: number;
  /** 32 bytes from which everyone derives the same neighbour graph. */
  readonly graphSeed: Uint8Array;
  /** Malicious-server setting: signed key advertisements and the consistency-check round. */
  readonly consistencyCheck: boolean;
  /** Fewest masked inputs the server may unmask; clients refuse to reveal shares for fewer. */
  readonly minSurvivors: number;
}

// ——— client → server ———

/** Round 0. c_u^PK encrypts shares, s_u^PK derives pairwise masks (Bonawitz 2017, §4). */
export interface AdvertiseKeys {
  readonly type: 'advertise-keys';
  readonly roundId: Uint8Array;
  readonly encryptionPublicKey: Uint8Array;
  readonly maskingPublicKey: Uint8Array;
  /** Ed25519 identity key; empty unless `consistencyCheck`. */
  readonly identityPublicKey: Uint8Array;
  /** Ed25519 signature over `advertisementTranscript(...)`; empty unless `consistencyCheck`. */
  readonly signature: Uint8Array;
}

export interface OutgoingShare {
  readonly recipient: number;
  readonly ciphertext: Uint8Array;
}

/** Round 1: one ciphertext per neighbour listed in the KeysBroadcast, no more, no fewer. */
export interface ShareKeys {
  readonly type: 'share-keys';
  readonly roundId: Uint8Array;
  readonly shares: readonly OutgoingShare[];
}

/** Round 2: the masked vector, `vectorLength` little-endian uint32 values. */
export interface MaskedInput {
  readonly type: 'masked-input';
  readonly roundId: Uint8Array;
  readonly vector: Uint8Array;
}

/** Round 3: Ed25519 signature over `consistencyTranscript(roundId, survivors)`. */
export interface ConsistencySignature {
  readonly type: 'consistency-signature';
  readonly roundId: Uint8Array;
  readonly signature: Uint8Array;
}

export interface RevealedShare {
  /** The client whose secret this is a share of. */
  readonly owner: number;
  readonly share: Uint8Array;
}

/** Round 4: b_v shares for surviving neighbours, s_v^SK shares for dropped ones — never both for one v. */
export interface UnmaskShares {
  readonly type: 'unmask-shares';
  readonly roundId: Uint8Array;
  readonly selfMaskShares: readonly RevealedShare[];
  readonly pairwiseKeyShares: readonly RevealedShare[];
}

export type ClientMessage = AdvertiseKeys | ShareKeys | MaskedInput | ConsistencySignature | UnmaskShares;

// ——— server → client ———

export interface PeerKeys {
  readonly clientId: number;
  readonly encryptionPublicKey: Uint8Array;
  readonly maskingPublicKey: Uint8Array;
  readonly identityPublicKey: Uint8Array;
  readonly signature: Uint8Array;
}

/** After round 0: the advertisements of the recipient's neighbours that take part. */
export interface KeysBroadcast {
  readonly type: 'keys-broadcast';
  readonly roundId: Uint8Array;
  readonly peers: readonly PeerKeys[];
}

export interface IncomingShare {
  readonly sender: number;
  readonly ciphertext: Uint8Array;
}

/** After round 1: ciphertexts addressed to the recipient by neighbours that completed ShareKeys. */
export interface SharesBroadcast {
  readonly type: 'shares-broadcast';
  readonly roundId: Uint8Array;
  readonly shares: readonly IncomingShare[];
}

/** After round 2 (consistency check only): the survivor set every client signs. */
export interface ConsistencyRequest {
  readonly type: 'consistency-request';
  readonly roundId: Uint8Array;
  /** Ascending ids of every client whose masked input is in the sum. */
  readonly survivors: readonly number[];
}

export interface PeerSignature {
  readonly clientId: number;
  readonly signature: Uint8Array;
}

/** Before round 4. */
export interface UnmaskRequest {
  readonly type: 'unmask-request';
  readonly roundId: Uint8Array;
  /** Ascending ids of every client whose masked input is in the sum. */
  readonly survivors: readonly number[];
  /** Ascending ids of the recipient's neighbours that shared keys but sent no masked input. */
  readonly dropped: readonly number[];
  /** Consistency-check signatures of the recipient's neighbours; empty unless `consistencyCheck`. */
  readonly signatures: readonly PeerSignature[];
}

export interface RoundAborted {
  readonly type: 'round-aborted';
  readonly roundId: Uint8Array;
  readonly code: SecAggErrorCode;
  readonly message: string;
}

export type ServerMessage = KeysBroadcast | SharesBroadcast | ConsistencyRequest | UnmaskRequest | RoundAborted;
