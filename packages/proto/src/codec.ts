import { conclave } from './generated/conclave.js';
import { DEFAULT_LIMITS, type WireLimits } from './limits.ts';
import { ProtoError } from './errors.ts';
import { MAX_REVOKED_DEVICES } from './trust/revocation.ts';
import { MAX_PROOF_HASHES } from './trust/transparency-log.ts';

const pb = conclave.v1;

/** The decoded frame: exactly one body is set, named by `body`. */
export type Envelope = conclave.v1.IEnvelope;
export type BodyName = NonNullable<conclave.v1.Envelope['body']>;
/** The message type carried under a given body name. */
export type BodyOf<K extends BodyName> = NonNullable<conclave.v1.IEnvelope[K]>;
/** A frame narrowed to one body: `{ body: 'hello', hello: IHello }`. */
export type Frame = { [K in BodyName]: { body: K; message: BodyOf<K> } }[BodyName];

/** Encodes one message as an Envelope frame. */
export function encodeFrame<K extends BodyName>(body: K, message: BodyOf<K>): Uint8Array {
  return pb.Envelope.encode({ [body]: message } as conclave.v1.IEnvelope).finish();
}

function checkString(value: string | null | undefined, what: string, max: number): void {
  if (value != null && value.length > max) {
    throw new ProtoError('MESSAGE_TOO_LARGE', `${what} has ${value.length} characters, at most ${max} allowed`);
  }
}

/**
 * Decodes one frame, enforcing the size caps before and after decoding. Throws ProtoError with
 * MESSAGE_TOO_LARGE or MALFORMED_FRAME, naming what was wrong.
 */
export function decodeFrame(bytes: Uint8Array, limits: WireLimits = DEFAULT_LIMITS): Frame {
  if (bytes.byteLength > limits.maxFrameBytes) {
    throw new ProtoError('MESSAGE_TOO_LARGE', `frame has ${bytes.byteLength} bytes, at most ${limits.maxFrameBytes} allowed`);
  }
  let env: conclave.v1.Envelope;
  try {
    env = pb.Envelope.decode(bytes);
  } catch (err) {
    throw new ProtoError('MALFORMED_FRAME', `frame is not a valid Envelope: ${(err as Error).message}`);
  }
  const body = env.body;
  if (!body) throw new ProtoError('MALFORMED_FRAME', 'frame carries no message (empty Envelope)');
  const message = env[body] as BodyOf<typeof body>;
  validate(body, message as unknown as Record<string, unknown>, limits);
  return { body, message } as Frame;
}

function validate(body: BodyName, m: Record<string, unknown>, limits: WireLimits): void {
  const s = limits.maxStringLength;
  for (const key of ['taskId', 'deviceId', 'sdkVersion', 'sessionId', 'code', 'reason', 'stream', 'loss']) {
    checkString(m[key] as string | undefined, `${body}.${key}`, s);
  }
  checkString(m.message as string | undefined, `${body}.message`, 4 * s);
  for (const key of ['publicKey', 'nonce', 'signature']) {
    const v = m[key];
    if (v instanceof Uint8Array && v.byteLength > 256) {
      throw new ProtoError('MESSAGE_TOO_LARGE', `${body}.${key} has ${v.byteLength} bytes, at most 256 allowed`);
    }
  }
  checkString(m.enrollmentToken as string | undefined, `${body}.enrollmentToken`, s);
  if ('data' in m && m.data instanceof Uint8Array) {
    if (m.data.byteLength > limits.maxChunkBytes) {
      throw new ProtoError('MESSAGE_TOO_LARGE', `${body}.data has ${m.data.byteLength} bytes, at most ${limits.maxChunkBytes} allowed per chunk`);
    }
  }
  if (body === 'checkIn') {
    const c = m as conclave.v1.ICheckIn;
    const lists: [string, number][] = [
      ['streams', c.streams?.length ?? 0],
      ['cached', c.cached?.length ?? 0],
    ];
    for (const [name, n] of lists) {
      if (n > limits.maxListLength) throw new ProtoError('MESSAGE_TOO_LARGE', `checkIn.${name} has ${n} entries, at most ${limits.maxListLength} allowed`);
    }
    for (const stream of c.streams ?? []) checkString(stream, 'checkIn.streams[]', s);
    for (const cached of c.cached ?? []) checkString(cached.taskId, 'checkIn.cached[].taskId', s);
  }
  if (body === 'selected') {
    const plan = (m as conclave.v1.ISelected).plan;
    checkString(plan?.topologyJson, 'selected.plan.topologyJson', limits.maxJsonLength);
    checkString(plan?.featuresJson, 'selected.plan.featuresJson', limits.maxJsonLength);
    checkString(plan?.purpose, 'selected.plan.purpose', limits.maxJsonLength);
    checkString(plan?.stream, 'selected.plan.stream', s);
    const selected = m as conclave.v1.ISelected;
    checkString(selected.approval?.statementJson, 'selected.approval.statementJson', limits.maxJsonLength);
    for (const name of ['inclusion', 'consistency'] as const) {
      const n = selected.logProof?.[name]?.length ?? 0;
      if (n > MAX_PROOF_HASHES) throw new ProtoError('MESSAGE_TOO_LARGE', `selected.logProof.${name} has ${n} hashes, at most ${MAX_PROOF_HASHES} allowed`);
    }
    const keys = (m as conclave.v1.ISelected).secagg?.identityKeys?.length ?? 0;
    if (keys > 10_000) throw new ProtoError('MESSAGE_TOO_LARGE', `selected.secagg.identityKeys has ${keys} entries, at most 10000 allowed`);
    const lists = (m as conclave.v1.ISelected).secagg?.revocationLists ?? [];
    if (lists.length > 16) throw new ProtoError('MESSAGE_TOO_LARGE', `selected.secagg.revocationLists has ${lists.length} entries, at most 16 allowed`);
    for (const list of lists) {
      const n = list.revoked?.length ?? 0;
      if (n > MAX_REVOKED_DEVICES) throw new ProtoError('MESSAGE_TOO_LARGE', `a revocation list names ${n} devices, at most ${MAX_REVOKED_DEVICES} allowed`);
      for (const id of list.revoked ?? []) checkString(id, 'selected.secagg.revocationLists[].revoked[]', s);
    }
  }
  if (body === 'secagg') {
    // SecAgg+ lists are bounded by the cohort size; 10,000 is the protocol's largest cohort.
    const sa = m as conclave.v1.ISecAgg;
    const lists: [string, number][] = [
      ['shareKeys.shares', sa.shareKeys?.shares?.length ?? 0],
      ['unmaskShares.selfMaskShares', sa.unmaskShares?.selfMaskShares?.length ?? 0],
      ['unmaskShares.pairwiseKeyShares', sa.unmaskShares?.pairwiseKeyShares?.length ?? 0],
      ['keysBroadcast.peers', sa.keysBroadcast?.peers?.length ?? 0],
      ['sharesBroadcast.shares', sa.sharesBroadcast?.shares?.length ?? 0],
      ['consistencyRequest.survivors', sa.consistencyRequest?.survivors?.length ?? 0],
      ['unmaskRequest.survivors', sa.unmaskRequest?.survivors?.length ?? 0],
      ['unmaskRequest.dropped', sa.unmaskRequest?.dropped?.length ?? 0],
    ];
    for (const [name, n] of lists) {
      if (n > 10_000) throw new ProtoError('MESSAGE_TOO_LARGE', `secagg.${name} has ${n} entries, at most 10000 allowed`);
    }
  }
  for (const key of ['modelBytes', 'updateBytes']) {
    const n = m[key];
    if (typeof n === 'number' && n > limits.maxModelBytes) {
      throw new ProtoError('MESSAGE_TOO_LARGE', `${body}.${key} is ${n}, at most ${limits.maxModelBytes} allowed`);
    }
  }
}
