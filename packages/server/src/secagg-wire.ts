import { certificateToWire, type BodyOf, type DeviceCertificate } from '@conclave/proto';
import type { DistributedDpPlan } from '@conclave/dp';
import type { ClientMessage, RoundConfig, ServerMessage } from '@conclave/secagg';

type Wire = BodyOf<'secagg'>;
const empty = new Uint8Array(0);
const bytes = (b: Uint8Array | null | undefined): Uint8Array => b ?? empty;

/**
 * A server→client SecAgg+ message as its wire frame. Key adverts travel with the enrollment
 * authority's certificate of each peer (`certificateOf`, by protocol id), for the devices to check.
 */
export function serverMessageToWire(taskId: string, round: number, m: ServerMessage, certificateOf: (clientId: number) => DeviceCertificate | undefined = () => undefined): Wire {
  const head = { taskId, round, roundId: m.roundId };
  switch (m.type) {
    case 'keys-broadcast':
      return {
        ...head,
        keysBroadcast: {
          peers: m.peers.map((p) => {
            const certificate = certificateOf(p.clientId);
            return { ...p, ...(certificate ? { certificate: certificateToWire(certificate) } : {}) };
          }),
        },
      };
    case 'shares-broadcast':
      return { ...head, sharesBroadcast: { shares: m.shares.map((s) => ({ peer: s.sender, ciphertext: s.ciphertext })) } };
    case 'consistency-request':
      return { ...head, consistencyRequest: { survivors: [...m.survivors] } };
    case 'unmask-request':
      return { ...head, unmaskRequest: { survivors: [...m.survivors], dropped: [...m.dropped], signatures: m.signatures.map((s) => ({ ...s })) } };
    case 'round-aborted':
      // Never sent on its own: the coordinator closes the round with RoundClosed instead.
      throw new Error('round-aborted travels as RoundClosed');
  }
}

/**
 * A client→server SecAgg+ frame as the state machine's message. Shapes are checked by the state
 * machine itself (`SecAggServer.receive` validates every field); this only renames.
 */
export function clientMessageFromWire(w: Wire): ClientMessage | undefined {
  const roundId = bytes(w.roundId);
  if (w.advertiseKeys) {
    const a = w.advertiseKeys;
    return {
      type: 'advertise-keys',
      roundId,
      encryptionPublicKey: bytes(a.encryptionPublicKey),
      maskingPublicKey: bytes(a.maskingPublicKey),
      identityPublicKey: bytes(a.identityPublicKey),
      signature: bytes(a.signature),
    };
  }
  if (w.shareKeys) {
    return { type: 'share-keys', roundId, shares: (w.shareKeys.shares ?? []).map((s) => ({ recipient: s.peer ?? 0, ciphertext: bytes(s.ciphertext) })) };
  }
  if (w.consistencySignature) return { type: 'consistency-signature', roundId, signature: bytes(w.consistencySignature.signature) };
  if (w.unmaskShares) {
    const map = (list: { owner?: number | null; share?: Uint8Array | null }[] | null | undefined) => (list ?? []).map((r) => ({ owner: r.owner ?? 0, share: bytes(r.share) }));
    return { type: 'unmask-shares', roundId, selfMaskShares: map(w.unmaskShares.selfMaskShares), pairwiseKeyShares: map(w.unmaskShares.pairwiseKeyShares) };
  }
  return undefined;
}

/** The round's SecAgg+ configuration as shipped in Selected, for one client. */
export function configToWire(config: RoundConfig, clientId: number, quant: { clipRange: number; bits: number; maxWeight: number }): NonNullable<BodyOf<'selected'>['secagg']> {
  return { ...config, clientId, ...quant };
}

/** A distributed-DP plan and this round's rotation seed, as the device receives them. */
export function distributedToWire(plan: DistributedDpPlan, rotationSeed: number): NonNullable<NonNullable<BodyOf<'selected'>['plan']>['distributedDp']> {
  return {
    dimension: plan.dimension,
    paddedDimension: plan.paddedDimension,
    bits: plan.bits,
    clipNorm: plan.clipNorm,
    scale: plan.scale,
    localSigma2: plan.localSigma2,
    l2Sensitivity: plan.l2Sensitivity,
    beta: plan.beta,
    rotationSeed,
  };
}
