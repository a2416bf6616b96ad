/**
 * SecureSession against the real SecAgg+ server state machine, in memory: three devices' sessions
 * and `SecAggServer` exchange every message as encoded `secagg` frames (PROTOCOL.md §3b), and the
 * server's unmasked sum is exactly the sum of the devices' inputs. The coordinator's renaming of
 * frames to messages is written out here from PROTOCOL.md, not imported from the server.
 */
import { decodeFrame, encodeFrame, type BodyOf } from '@conclave/proto';
import { SecAggServer, createRoundConfig, type ClientMessage, type PhaseTransition, type RoundConfig, type ServerMessage } from '@conclave/secagg';
import { describe, expect, it } from 'vitest';
import { createIdentity, type DeviceIdentity } from '../src/identity.ts';
import { serverMessageFromWire } from '../src/secagg-wire.ts';
import { SecureSession, allDistinct, type SecurePolicy, type WireSecAggConfig } from '../src/secure-session.ts';

type Wire = BodyOf<'secagg'>;
const TASK = 'task-s';
const ROUND = 4;
const QUANT = { clipRange: 1, bits: 16, maxWeight: 100 };
/** Three devices, each the others' neighbour; all must survive. */
const GRAPH = { degree: 2, threshold: 2 };
const STRICT: SecurePolicy = { minSecureCohort: 2, requireMaliciousServerProtection: true };

/** Every message crosses the wire as a real frame. */
function overTheWire(m: Wire): Wire {
  const frame = decodeFrame(encodeFrame('secagg', m));
  if (frame.body !== 'secagg') throw new Error(`expected a secagg frame, got ${frame.body}`);
  return frame.message;
}

/** The coordinator's side of the renaming: device frame → state-machine message. */
function clientMessage(w: Wire): ClientMessage {
  const roundId = w.roundId!;
  if (w.advertiseKeys) {
    const a = w.advertiseKeys;
    return { type: 'advertise-keys', roundId, encryptionPublicKey: a.encryptionPublicKey!, maskingPublicKey: a.maskingPublicKey!, identityPublicKey: a.identityPublicKey!, signature: a.signature! };
  }
  if (w.shareKeys) return { type: 'share-keys', roundId, shares: (w.shareKeys.shares ?? []).map((s) => ({ recipient: s.peer!, ciphertext: s.ciphertext! })) };
  if (w.consistencySignature) return { type: 'consistency-signature', roundId, signature: w.consistencySignature.signature! };
  const u = w.unmaskShares!;
  const map = (l: typeof u.selfMaskShares) => (l ?? []).map((r) => ({ owner: r.owner!, share: r.share! }));
  return { type: 'unmask-shares', roundId, selfMaskShares: map(u.selfMaskShares), pairwiseKeyShares: map(u.pairwiseKeyShares) };
}

/** The coordinator's side: state-machine message → frame to a device. */
function serverWire(m: ServerMessage): Wire {
  const head = { taskId: TASK, round: ROUND, roundId: m.roundId };
  switch (m.type) {
    case 'keys-broadcast':
      return { ...head, keysBroadcast: { peers: m.peers.map((p) => ({ ...p })) } };
    case 'shares-broadcast':
      return { ...head, sharesBroadcast: { shares: m.shares.map((s) => ({ peer: s.sender, ciphertext: s.ciphertext })) } };
    case 'consistency-request':
      return { ...head, consistencyRequest: { survivors: [...m.survivors] } };
    case 'unmask-request':
      return { ...head, unmaskRequest: { survivors: [...m.survivors], dropped: [...m.dropped], signatures: m.signatures.map((s) => ({ ...s })) } };
    default:
      throw new Error(`unexpected ${m.type}`);
  }
}

function wireConfig(config: RoundConfig, clientId: number, identities: DeviceIdentity[], extra: Partial<WireSecAggConfig> = {}): WireSecAggConfig {
  return { ...config, clientId, ...QUANT, identityKeys: identities.map((i) => i.publicKey), metricsEntries: 0, ...extra };
}

interface Device {
  session: SecureSession;
  outbox: Wire[];
  failures: Error[];
  closed: number;
}

/** Waiters woken whenever a device sends, fails or masks. */
const waiters: (() => void)[] = [];
const changed = () => waiters.splice(0).forEach((w) => w());
/** Resolves once `test` holds; steps run on promise chains, so state changes arrive asynchronously. */
const until = (test: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => (test() ? resolve() : waiters.push(check));
    check();
  });

function device(config: WireSecAggConfig, identity: DeviceIdentity, policy: SecurePolicy = STRICT, noiseMultiplier = 0): Device {
  const d = { outbox: [] as Wire[], failures: [] as Error[], closed: 0 } as Device;
  d.session = new SecureSession(
    { taskId: TASK, round: ROUND, wire: config, noiseMultiplier },
    { identity, policy },
    { send: (m) => (d.outbox.push(overTheWire(m)), changed()), failed: (e) => (d.failures.push(e), changed()), closed: () => d.closed++ },
  );
  return d;
}

/** Waits until every device has sent `count` messages in all (or one failed). */
async function sent(devices: Device[], count: number): Promise<void> {
  await until(() => devices.every((d) => d.outbox.length >= count || d.failures.length > 0));
  for (const d of devices) expect(d.failures).toEqual([]);
  for (const d of devices) expect(d.outbox).toHaveLength(count);
}

function deliver(devices: Device[], t: PhaseTransition): void {
  for (const { to, message } of t.messages) {
    const m = serverMessageFromWire(overTheWire(serverWire(message)));
    if (!m) throw new Error(`no message decoded from ${message.type}`);
    devices[to - 1]!.session.handle(m);
  }
}

describe('SecureSession', () => {
  it('takes part in a malicious-server SecAgg+ round over encoded frames: the server unmasks exactly the sum', async () => {
    const identities = [createIdentity(), createIdentity(), createIdentity()];
    const config = createRoundConfig({ cohortSize: 3, vectorLength: 4, consistencyCheck: true, ...GRAPH });
    const server = new SecAggServer({ config, identityOf: (id) => identities[id - 1]?.publicKey });
    const devices = identities.map((identity, i) => device(wireConfig(config, i + 1, identities), identity));
    const inputs = [Uint32Array.from([1, 2, 3, 4]), Uint32Array.from([10, 20, 30, 40]), Uint32Array.from([0xffff_ffff, 0, 5, 6])];
    const receive = (n: number) => devices.forEach((d, i) => expect(server.receive(i + 1, clientMessage(d.outbox[n]!))).toEqual({ accepted: true }));

    devices.forEach((d) => d.session.start());
    await sent(devices, 1);
    receive(0);
    deliver(devices, await server.closePhase()); // keys broadcast
    await sent(devices, 2);
    receive(1);
    const masked: Uint8Array[] = [];
    devices.forEach((d, i) => d.session.provideInput(inputs[i]!, (vector) => ((masked[i] = vector), changed())));
    deliver(devices, await server.closePhase()); // shares broadcast: each device masks its input
    await until(() => masked.filter(Boolean).length === 3);
    // The masked input travels as an upload, never as a secagg frame.
    for (const d of devices) expect(d.outbox).toHaveLength(2);
    masked.forEach((vector, i) => expect(server.receive(i + 1, { type: 'masked-input', roundId: config.roundId, vector })).toEqual({ accepted: true }));
    deliver(devices, await server.closePhase()); // consistency request
    await sent(devices, 3);
    receive(2);
    deliver(devices, await server.closePhase()); // unmask request
    await sent(devices, 4);
    receive(3);
    const done = await server.closePhase();
    expect(done.phase).toBe('completed');
    // Modulo 2^32: 1 + 10 + (2^32 − 1) wraps to 10.
    expect(Array.from(done.result!.sum)).toEqual([10, 22, 38, 50]);
    // Each session closed itself after its unmask shares, once.
    expect(devices.map((d) => [d.session.closed, d.closed])).toEqual([[true, 1], [true, 1], [true, 1]]);
    expect(devices[0]!.session).toMatchObject({ taskId: TASK, round: ROUND, cohortSize: 3, quant: QUANT, metricsEntries: 0 });
  });

  it('tells a cohort list with a key listed twice, anywhere, from one whose keys only share a prefix', () => {
    const keys = Array.from({ length: 1000 }, () => createIdentity().publicKey);
    expect(allDistinct(keys)).toBe(true);
    expect(allDistinct([])).toBe(true);
    expect(allDistinct([...keys, keys[617]!.slice()])).toBe(false);
    expect(allDistinct([keys[3]!, ...keys.slice(0, 4)])).toBe(false);
    // Same first four bytes, one bit apart at the end: distinct.
    const twin = keys[5]!.slice();
    twin[31] = twin[31]! ^ 1;
    expect(allDistinct([...keys, twin])).toBe(true);
    expect(allDistinct([...keys, twin, twin.slice()])).toBe(false);
  });

  it('refuses a cohort that lists another identity key for this device', () => {
    const identities = [createIdentity(), createIdentity(), createIdentity()];
    const config = createRoundConfig({ cohortSize: 3, vectorLength: 4, consistencyCheck: true, ...GRAPH });
    expect(() => device(wireConfig(config, 2, identities), identities[0]!)).toThrow('the cohort lists another identity key for this device (client 2)');
  });

  it('refuses a round without the malicious-server protections when the device requires them', () => {
    const identities = [createIdentity(), createIdentity(), createIdentity()];
    const config = createRoundConfig({ cohortSize: 3, vectorLength: 4, consistencyCheck: false, ...GRAPH });
    expect(() => device(wireConfig(config, 1, identities), identities[0]!)).toThrow(/consistency check/i);
    expect(() => device(wireConfig(config, 1, identities), identities[0]!, { minSecureCohort: 2, requireMaliciousServerProtection: false })).not.toThrow();
  });

  it('refuses round metrics in a differentially private round', () => {
    const identities = [createIdentity(), createIdentity(), createIdentity()];
    const config = createRoundConfig({ cohortSize: 3, vectorLength: 9, consistencyCheck: true, ...GRAPH });
    expect(() => device(wireConfig(config, 1, identities, { metricsEntries: 5 }), identities[0]!, STRICT, 1.1)).toThrow('round metrics asked for in a differentially private round');
  });

  it('a refused step closes the session and reports why; once closed it sends nothing more', async () => {
    const identities = [createIdentity(), createIdentity(), createIdentity()];
    const config = createRoundConfig({ cohortSize: 3, vectorLength: 4, consistencyCheck: true, ...GRAPH });
    const d = device(wireConfig(config, 1, identities), identities[0]!);
    d.session.start();
    await sent([d], 1);
    // A keys broadcast for another round id is refused by the state machine.
    d.session.handle({ type: 'keys-broadcast', roundId: new Uint8Array(config.roundId.length).fill(9), peers: [] });
    await until(() => d.failures.length > 0);
    expect(d.failures).toHaveLength(1);
    expect(d.session.closed).toBe(true);
    expect(d.closed).toBe(1);
    d.session.handle({ type: 'consistency-request', roundId: config.roundId, survivors: [1, 2, 3] });
    d.session.close();
    await new Promise((r) => setImmediate(r));
    expect(d.outbox).toHaveLength(1);
    expect(d.closed).toBe(1);
  });
});
