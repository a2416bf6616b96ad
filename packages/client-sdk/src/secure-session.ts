/**
 * One round of SecAgg+ seen from this device: drives `SecAggClient` from the coordinator's
 * decoded `secagg` frames (AdvertiseKeys → ShareKeys → MaskedInput → ConsistencySignature →
 * UnmaskShares, PROTOCOL.md) and hands what to send to its ports. It outlives the round's
 * training job, since unmasking follows the upload. No sockets, no timers.
 */
import { ReasonCode, type BodyOf, type RevocationList } from '@conclave/proto';
import { SecAggClient, type ClientMessage, type ServerMessage, type SharesBroadcast } from '@conclave/secagg';
import type { CohortTrust } from './cohort-trust.ts';
import type { DeviceIdentity } from './identity.ts';
import { clientMessageToWire, configFromWire } from './secagg-wire.ts';
import { toHex as hex } from './hex.ts';
import { checkRoundMetrics, type SecureEncoding } from './update-encoding.ts';

export type WireSecAggConfig = NonNullable<BodyOf<'selected'>['secagg']>;

/** The device's own rules for secure aggregation, whatever the coordinator says. */
export interface SecurePolicy {
  /** The fewest devices whose sum this device helps reveal; never below 2. */
  minSecureCohort: number;
  /** Refuse rounds without signed advertisements and the consistency check. */
  requireMaliciousServerProtection: boolean;
  /** Fewest other certified devices; the device helps unmask no sum of fewer than this + 1. @default 1 */
  minCertifiedPeers?: number;
}

/** A refusal the device policy made: the coordinator is told only `code`. */
export class PolicyRefusal extends Error {
  override readonly name = 'PolicyRefusal';
  constructor(
    readonly code: ReasonCode,
    message: string,
  ) {
    super(message);
  }
}

type WirePeers = NonNullable<NonNullable<BodyOf<'secagg'>['keysBroadcast']>['peers']>;

export interface SecureSessionPorts {
  /** Sends one SecAgg+ frame to the coordinator. */
  send(message: BodyOf<'secagg'>): void;
  /** A protocol step was refused; the session has closed. */
  failed(error: Error): void;
  /** The session will send nothing more (unmask shares sent, closed, or failed). */
  closed(): void;
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether no key is listed twice. Keys are bucketed by their first four bytes and compared whole
 * only within a bucket: every device checks the whole cohort's list (n keys) each round, and a hex
 * string per key made that 0.9 ms a device at n = 1,000.
 */
export function allDistinct(keys: readonly Uint8Array[]): boolean {
  const byPrefix = new Map<number, Uint8Array[]>();
  for (const k of keys) {
    const prefix = ((k[0] ?? 0) | ((k[1] ?? 0) << 8) | ((k[2] ?? 0) << 16) | ((k[3] ?? 0) << 24)) >>> 0;
    const bucket = byPrefix.get(prefix);
    if (bucket === undefined) byPrefix.set(prefix, [k]);
    else if (bucket.some((other) => sameBytes(other, k))) return false;
    else bucket.push(k);
  }
  return true;
}

export class SecureSession implements SecureEncoding {
  readonly taskId: string;
  readonly round: number;
  readonly quant: SecureEncoding['quant'];
  readonly cohortSize: number;
  /** Fewest survivors the round can commit with (distributed DP: whose noise is in any sum). */
  readonly minSurvivors: number;
  readonly metricsEntries: number;
  readonly #client: SecAggClient;
  readonly #ports: SecureSessionPorts;
  /** Steps run one after another. */
  #chain: Promise<void> = Promise.resolve();
  /** A SharesBroadcast that arrived before the update was ready. */
  #pendingShares: SharesBroadcast | undefined;
  /** Called with the masked vector once both the update and the shares are in. */
  #onMasked: ((masked: Uint8Array) => void) | undefined;
  #closed = false;
  /** Checks the peers' certificates and the revocation lists (malicious-server rounds). */
  readonly #trust: CohortTrust | undefined;
  readonly #wire: WireSecAggConfig;
  readonly #ownKey: Uint8Array;
  readonly #minCertifiedPeers: number;
  #revocations: RevocationList[] = [];
  /** Identity keys (hex) whose certificates this device verified in the keys broadcast. */
  #certified: Set<string> | undefined;

  /**
   * Checks the round's configuration against this device's policy and identity; throws an Error
   * saying why a round is refused. `noiseMultiplier` is the plan's (round metrics are refused
   * in a differentially private round).
   */
  constructor(
    round: { taskId: string; round: number; wire: WireSecAggConfig; noiseMultiplier: number },
    device: { identity: DeviceIdentity; policy: SecurePolicy; trust?: CohortTrust },
    ports: SecureSessionPorts,
  ) {
    const { config, clientId, quant, identityKeys, metricsEntries } = configFromWire(round.wire);
    const { identity, policy } = device;
    const distinct = allDistinct(identityKeys);
    this.#client = new SecAggClient({
      config,
      clientId,
      policy: {
        minSurvivors: Math.max(2, policy.minSecureCohort),
        ...(policy.requireMaliciousServerProtection ? { requireConsistencyCheck: true } : {}),
      },
      ...(config.consistencyCheck
        ? {
            // Sign this round's advertisement with the enrolled identity (tweetnacl's secret key
            // is seed ‖ public key), and accept peers only under the cohort's enrolled keys, all
            // distinct (one device cannot stand in for several), our own among them.
            identitySeed: identity.secretKey.subarray(0, 32),
            verifyPeerIdentity: (id: number, key: Uint8Array) =>
              distinct &&
              identityKeys.length === config.cohortSize &&
              sameBytes(identityKeys[id - 1], key) &&
              // and, with an enrollment authority's check, only keys whose certificates verified
              (this.#trust === undefined || this.#certified?.has(hex(key)) === true),
          }
        : {}),
    });
    checkRoundMetrics(metricsEntries, round.noiseMultiplier);
    if (config.consistencyCheck && !sameBytes(identityKeys[clientId - 1], identity.publicKey)) {
      throw new Error(`the cohort lists another identity key for this device (client ${clientId})`);
    }
    this.taskId = round.taskId;
    this.round = round.round;
    this.quant = quant;
    this.cohortSize = config.cohortSize;
    this.minSurvivors = config.minSurvivors;
    this.metricsEntries = metricsEntries;
    this.#ports = ports;
    this.#trust = config.consistencyCheck ? device.trust : undefined;
    this.#wire = round.wire;
    this.#ownKey = identity.publicKey;
    this.#minCertifiedPeers = policy.minCertifiedPeers ?? 1;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** SecAgg+ round 0: advertise this round's keys (while the model downloads and trains). */
  start(): void {
    this.#step(async () => {
      // The authority's revocation lists first: never older than what this device saw.
      if (this.#trust) {
        const accepted = await this.#trust.acceptRevocations(this.#wire.revocationLists);
        if (!accepted.ok) throw new PolicyRefusal(accepted.code, accepted.message);
        this.#revocations = accepted.value;
      }
      return this.#client.advertiseKeys();
    });
  }

  /** One decoded message from the coordinator (`wire`: its frame, for the peers' certificates). */
  handle(message: ServerMessage, wire?: BodyOf<'secagg'>): void {
    if (this.#closed) return;
    switch (message.type) {
      case 'keys-broadcast':
        return this.#step(async () => {
          // Every peer must carry a certificate of a pinned authority for the key that signed its
          // advert, and enough of them must be there, before this device shares any secret.
          if (this.#trust) await this.#checkPeers(wire?.keysBroadcast?.peers ?? []);
          return this.#client.handleKeysBroadcast(message);
        });
      case 'shares-broadcast':
        this.#pendingShares = message;
        return this.#maybeMask();
      case 'consistency-request':
        return this.#step(async () => {
          this.#checkSurvivorCount(message.survivors);
          return this.#client.handleConsistencyRequest(message);
        });
      case 'unmask-request':
        return this.#step(async () => {
          this.#checkSurvivorCount(message.survivors);
          return this.#client.handleUnmaskRequest(message);
        });
    }
  }

  /**
   * The quantized update (round 2 needs it and the shares); `onMasked` gets the masked vector,
   * which travels as an upload. Throws when the input does not fit the round.
   */
  provideInput(input: Uint32Array, onMasked: (masked: Uint8Array) => void): void {
    this.#client.setInput(input);
    this.#onMasked = onMasked;
    this.#maybeMask();
  }

  /** Sends nothing more for this round, and forgets its secrets (keys, held shares). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#client.handleRoundAborted({ roundId: this.#client.config.roundId });
    this.#ports.closed();
  }

  async #checkPeers(peers: WirePeers): Promise<void> {
    const trust = this.#trust as CohortTrust;
    const checked = await trust.checkPeers(peers, this.#revocations, this.#ownKey);
    if (!checked.ok) throw new PolicyRefusal(checked.code, checked.message);
    this.#certified = checked.value;
  }

  /** The device helps reveal no sum of fewer than `minCertifiedPeers` + 1 inputs (its own policy). */
  #checkSurvivorCount(survivors: readonly number[]): void {
    const needed = this.#minCertifiedPeers + 1;
    if (!Array.isArray(survivors) || survivors.length < needed) {
      throw new PolicyRefusal(ReasonCode.POLICY_REFUSED_COHORT_TOO_SMALL, `${Array.isArray(survivors) ? survivors.length : 0} survivors, this device helps reveal no sum of fewer than ${needed} inputs`);
    }
  }

  #maybeMask(): void {
    const shares = this.#pendingShares;
    const onMasked = this.#onMasked;
    if (!shares || !onMasked) return;
    this.#pendingShares = undefined;
    this.#step(async () => {
      const masked = await this.#client.handleSharesBroadcast(shares);
      onMasked(masked.vector);
      return masked;
    });
  }

  /** Runs one protocol step after the previous one and sends what it produces (nothing once closed). */
  #step(body: () => Promise<ClientMessage | undefined>): void {
    this.#chain = this.#chain.then(async () => {
      if (this.#closed) return;
      let out: ClientMessage | undefined;
      try {
        out = await body();
      } catch (err) {
        if (this.#closed) return;
        this.close();
        this.#ports.failed(err as Error);
        return;
      }
      if (this.#closed) return;
      if (out && out.type !== 'masked-input') this.#ports.send(clientMessageToWire(this.taskId, this.round, out));
      if (out?.type === 'unmask-shares') this.close();
    });
  }
}
