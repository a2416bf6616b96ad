import type { BodyOf } from '@conclave/proto';
import type { ClientMessage, RoundConfig, ServerMessage } from '@conclave/secagg';

type Wire = BodyOf<'secagg'>;
const empty = new Uint8Array(0);
const bytes = (b: Uint8Array | null | undefined): Uint8Array => b ?? empty;

/** A device→coordinator SecAgg+ message as its wire frame (the masked input travels as an upload). */
export function clientMessageToWire(taskId: string, round: number, m: ClientMessage): Wire {
  const head = { taskId, round, roundId: m.roundId };
  switch (m.type) {
    case 'advertise-keys': {
      const { type: _, roundId: __, ...keys } = m;
      return { ...head, advertiseKeys: keys };
    }
    case 'share-keys':
      return { ...head, shareKeys: { shares: m.shares.map((s) => ({ peer: s.recipient, ciphertext: s.ciphertext })) } };
    case 'consistency-signature':
      return { ...head, consistencySignature: { signature: m.signature } };
    case 'unmask-shares':
      return { ...head, unmaskShares: { selfMaskShares: m.selfMaskShares.map((r) => ({ ...r })), pairwiseKeyShares: m.pairwiseKeyShares.map((r) => ({ ...r })) } };
    case 'masked-input':
      throw new Error('the masked input travels as an upload, not a secagg frame');
  }
}

/** A coordinator→device SecAgg+ frame as the state machine's message (which validates it). */
export function serverMessageFromWire(w: Wire): ServerMessage | undefined {
  const roundId = bytes(w.roundId);
  if (w.keysBroadcast) {
    return {
      type: 'keys-broadcast',
      roundId,
      peers: (w.keysBroadcast.peers ?? []).map((p) => ({
        clientId: p.clientId ?? 0,
        encryptionPublicKey: bytes(p.encryptionPublicKey),
        maskingPublicKey: bytes(p.maskingPublicKey),
        identityPublicKey: bytes(p.identityPublicKey),
        signature: bytes(p.signature),
      })),
    };
  }
  if (w.sharesBroadcast) return { type: 'shares-broadcast', roundId, shares: (w.sharesBroadcast.shares ?? []).map((s) => ({ sender: s.peer ?? 0, ciphertext: bytes(s.ciphertext) })) };
  if (w.consistencyRequest) return { type: 'consistency-request', roundId, survivors: [...(w.consistencyRequest.survivors ?? [])] };
  if (w.unmaskRequest) {
    const u = w.unmaskRequest;
    return {
      type: 'unmask-request',
      roundId,
      survivors: [...(u.survivors ?? [])],
      dropped: [...(u.dropped ?? [])],
      signatures: (u.signatures ?? []).map((s) => ({ clientId: s.clientId ?? 0, signature: bytes(s.signature) })),
    };
  }
  return undefined;
}

/** The round configuration shipped in Selected. */
export function configFromWire(c: NonNullable<BodyOf<'selected'>['secagg']>): {
  config: RoundConfig;
  clientId: number;
  quant: { clipRange: number; bits: number; maxWeight: number };
  identityKeys: Uint8Array[];
  metricsEntries: number;
} {
  return {
    identityKeys: (c.identityKeys ?? []).map((k) => bytes(k)),
    config: {
      roundId: bytes(c.roundId),
      cohortSize: c.cohortSize ?? 0,
      vectorLength: c.vectorLength ?? 0,
      degree: c.degree ?? 0,
      threshold: c.threshold ?? 0,
      graphSeed: bytes(c.graphSeed),
      consistencyCheck: !!c.consistencyCheck,
      minSurvivors: c.minSurvivors ?? 0,
    },
    clientId: c.clientId ?? 0,
    quant: { clipRange: c.clipRange ?? 0, bits: c.bits ?? 0, maxWeight: c.maxWeight ?? 0 },
    metricsEntries: c.metricsEntries ?? 0,
  };
}
