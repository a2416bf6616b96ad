/**
 * The client side of SecAgg+ as message handlers: each takes the decoded server message,
 * checks it against everything this client has seen, and returns the message to send. Any
 * violation throws a SecAggError and leaves the client 'aborted' with its secrets wiped; the
 * adapter then closes the connection and the server treats the client as dropped.
 *
 * References: Bonawitz et al., "Practical Secure Aggregation for Privacy-Preserving Machine
 * Learning", CCS 2017, Fig. 4 and §6 (rounds 0–4, active-adversary additions); Bell et al.,
 * "Secure Single-Server Aggregation with (Poly)Logarithmic Overhead", CCS 2020, §4 (sharing and
 * masking only with graph neighbours).
 */
import { bytesEqual, concatBytes, toHex, u32be, wipe } from './bytes.ts';
import {
  advertisementTranscript,
  configDigest,
  consistencyTranscript,
  validateRoundConfig,
  type ClientPolicy,
} from './config.ts';
import type { CryptoProvider, X25519KeyPair } from './crypto-provider.ts';
import { loadCryptoProvider } from './load-crypto-provider.ts';
import { naclBox } from './nacl-box.ts';
import { SecAggError } from './errors.ts';
import { NeighbourGraph } from './graph.ts';
import {
  PUBLIC_KEY_LENGTH,
  SHARE_CIPHERTEXT_LENGTH,
  SHARE_LENGTH,
  SHARE_PLAINTEXT_LENGTH,
  SIGNATURE_LENGTH,
  type AdvertiseKeys,
  type ClientMessage,
  type ConsistencyRequest,
  type ConsistencySignature,
  type KeysBroadcast,
  type MaskedInput,
  type RevealedShare,
  type RoundConfig,
  type ServerMessage,
  type ShareKeys,
  type SharesBroadcast,
  type UnmaskRequest,
  type UnmaskShares,
} from './messages.ts';
import { DEFAULT_MASK_CONCURRENCY, keyInfo, type MaskTerm } from './prg.ts';
import { randomBytes, systemRandom, type RandomSource } from './random.ts';
import { shamirSplit } from './shamir.ts';
import {
  fail,
  requireArray,
  requireAscendingIds,
  requireBytes,
  requireClientId,
  requireObject,
  requireRoundId,
} from './validate.ts';
import { vectorToBytes } from './vector.ts';

const SHARE_FORMAT_VERSION = 1;

/**
 * NaCl box nonce for the shares `sender` encrypts for `recipient`: roundId ‖ u32be(sender) ‖
 * u32be(recipient) = 24 bytes. Both directions of a pair share the box key, so the nonce
 * carries the direction; c_u keys are fresh per round, and the round id is in it regardless.
 */
function shareNonce(roundId: Uint8Array, sender: number, recipient: number): Uint8Array {
  return concatBytes(roundId, u32be(sender), u32be(recipient));
}

export type ClientPhase = 'ready' | 'advertised' | 'shared' | 'masked' | 'signed' | 'finished' | 'aborted';

export interface SecAggClientOptions {
  readonly config: RoundConfig;
  /** This client's protocol id, 1 … cohortSize, as assigned by the server for this round. */
  readonly clientId: number;
  /** What this client insists on whatever the server says. @default {} */
  readonly policy?: ClientPolicy;
  /** 32-byte Ed25519 seed of the enrolled device identity. Required when `config.consistencyCheck`. */
  readonly identitySeed?: Uint8Array;
  /**
   * Whether `identityPublicKey` really belongs to cohort member `clientId` (an enrolment
   * directory or certificate check). Required when `config.consistencyCheck`: signatures by
   * keys the server chose would prove nothing against a malicious server.
   */
  readonly verifyPeerIdentity?: (clientId: number, identityPublicKey: Uint8Array) => boolean;
  /** @default the fastest provider of this runtime (`loadCryptoProvider()`) */
  readonly crypto?: CryptoProvider;
  /** @default the platform CSPRNG */
  readonly random?: RandomSource;
  /** The quantized update (`vectorLength` values); may instead be given later with `setInput`. */
  readonly input?: Uint32Array;
  /** WebCrypto PRG expansions in flight while masking. @default 3 */
  readonly maskConcurrency?: number;
}

interface Peer {
  readonly encryptionPublicKey: Uint8Array;
  readonly maskingPublicKey: Uint8Array;
  readonly identityPublicKey: Uint8Array;
}

interface HeldShares {
  /** share of the sender's s_v^SK (pairwise-mask key) */
  readonly pairwiseKey: Uint8Array;
  /** share of the sender's b_v (self-mask seed) */
  readonly selfMask: Uint8Array;
}

export type RevealedKind = 'self-mask' | 'pairwise-key';

export class SecAggClient {
  readonly config: RoundConfig;
  readonly clientId: number;
  readonly #graph: NeighbourGraph;
  readonly #digest: Uint8Array;
  readonly #policy: ClientPolicy;
  readonly #random: RandomSource;
  readonly #identitySeed: Uint8Array | undefined;
  readonly #verifyPeerIdentity: ((clientId: number, key: Uint8Array) => boolean) | undefined;
  readonly #maskConcurrency: number | undefined;
  #crypto: CryptoProvider | undefined;
  #phase: ClientPhase = 'ready';
  #busy = false;
  #input: Uint32Array | undefined;

  // Round secrets (Bonawitz 2017, Fig. 4): c_u and s_u key pairs, b_u self-mask seed.
  #encryptionSecret: Uint8Array | undefined;
  #maskingSecret: Uint8Array | undefined;
  #selfMaskSeed: Uint8Array | undefined;
  #encryptionKey: X25519KeyPair | undefined;
  #maskingKey: X25519KeyPair | undefined;

  /** U1 ∩ N(u): neighbours whose advertisement we accepted. */
  readonly #peers = new Map<number, Peer>();
  /** NaCl box keys HSalsa20(X25519(c_u, c_v)) per peer: one agreement serves both directions. */
  readonly #boxKeys = new Map<number, Uint8Array>();
  /** U2 ∩ N(u): neighbours whose shares we hold, ascending. */
  #holding: number[] = [];
  readonly #held = new Map<number, HeldShares>();
  #signedSurvivors: readonly number[] | undefined;
  readonly #revealed = new Map<number, RevealedKind>();

  constructor(options: SecAggClientOptions) {
    validateRoundConfig(options.config, options.policy);
    this.config = options.config;
    this.#policy = options.policy ?? {};
    if (!Number.isInteger(options.clientId) || options.clientId < 1 || options.clientId > options.config.cohortSize) {
      throw new SecAggError('INVALID_CONFIG', `clientId ${options.clientId} is not in 1…${options.config.cohortSize}`);
    }
    this.clientId = options.clientId;
    if (options.config.consistencyCheck) {
      if (options.identitySeed?.length !== 32) throw new SecAggError('INVALID_CONFIG', 'the consistency check needs a 32-byte identitySeed');
      if (options.verifyPeerIdentity === undefined) throw new SecAggError('INVALID_CONFIG', 'the consistency check needs verifyPeerIdentity');
    }
    this.#identitySeed = options.identitySeed;
    this.#verifyPeerIdentity = options.verifyPeerIdentity;
    this.#graph = new NeighbourGraph(options.config.cohortSize, options.config.degree, options.config.graphSeed);
    this.#digest = configDigest(options.config);
    this.#random = options.random ?? systemRandom;
    this.#crypto = options.crypto;
    this.#maskConcurrency = options.maskConcurrency;
    if (options.input !== undefined) this.setInput(options.input);
  }

  get phase(): ClientPhase {
    return this.#phase;
  }

  /** N(u): this client's neighbours in the round's graph, ascending. */
  get neighbours(): readonly number[] {
    return Array.from(this.#graph.neighbours(this.clientId));
  }

  /** Which secret of which peer this client revealed in Unmask (at most one kind per peer, ever). */
  get revealed(): ReadonlyMap<number, RevealedKind> {
    return this.#revealed;
  }

  setInput(input: Uint32Array): void {
    if (!(input instanceof Uint32Array)) throw new SecAggError('INVALID_INPUT', 'the input must be a Uint32Array of quantized values');
    if (input.length !== this.config.vectorLength) {
      throw new SecAggError('WRONG_LENGTH', `input has ${input.length} values, the round expects ${this.config.vectorLength}`);
    }
    this.#input = input;
  }

  /** Dispatches any server message to its handler; returns the reply, if the protocol has one. */
  async handle(message: ServerMessage): Promise<ClientMessage | undefined> {
    const m = requireObject(message, 'message') as unknown as ServerMessage;
    switch (m.type) {
      case 'keys-broadcast':
        return this.handleKeysBroadcast(m);
      case 'shares-broadcast':
        return this.handleSharesBroadcast(m);
      case 'consistency-request':
        return this.handleConsistencyRequest(m);
      case 'unmask-request':
        return this.handleUnmaskRequest(m);
      case 'round-aborted':
        this.handleRoundAborted(m);
        return undefined;
      default:
        throw new SecAggError('MALFORMED_MESSAGE', `unknown message type ${String((m as { type: unknown }).type)}`);
    }
  }

  /** Round 0: fresh X25519 key pairs c_u (share encryption) and s_u (pairwise masks). */
  advertiseKeys(): Promise<AdvertiseKeys> {
    return this.#run('ready', async () => {
      const crypto = await this.#provider();
      this.#encryptionSecret = randomBytes(this.#random, 32);
      this.#maskingSecret = randomBytes(this.#random, 32);
      this.#encryptionKey = crypto.x25519(this.#encryptionSecret);
      this.#maskingKey = crypto.x25519(this.#maskingSecret);
      const encryptionPublicKey = this.#encryptionKey.publicKey;
      const maskingPublicKey = this.#maskingKey.publicKey;
      let identityPublicKey: Uint8Array = new Uint8Array(0);
      let signature: Uint8Array = new Uint8Array(0);
      if (this.config.consistencyCheck) {
        const seed = this.#identitySeed as Uint8Array;
        identityPublicKey = crypto.ed25519PublicKey(seed);
        const transcript = advertisementTranscript(this.#digest, this.clientId, encryptionPublicKey, maskingPublicKey, identityPublicKey);
        signature = crypto.ed25519Sign(seed, transcript);
      }
      this.#phase = 'advertised';
      return {
        type: 'advertise-keys',
        roundId: this.config.roundId,
        encryptionPublicKey,
        maskingPublicKey,
        identityPublicKey,
        signature,
      };
    });
  }

  /** Round 1: check the neighbours' keys, Shamir-share s_u^SK and b_u among them, encrypt each share. */
  handleKeysBroadcast(message: KeysBroadcast): Promise<ShareKeys> {
    return this.#run('advertised', async () => {
      const crypto = await this.#provider();
      const m = requireObject(message, 'KeysBroadcast');
      if (m.type !== 'keys-broadcast') fail('MALFORMED_MESSAGE', `expected keys-broadcast, got ${String(m.type)}`);
      requireRoundId(m.roundId, this.config.roundId);
      const peers = requireArray(m.peers, 'peers', this.config.degree);
      const encryptionKey = this.#encryptionKey as X25519KeyPair;
      const seenKeys = new Set<string>([toHex(encryptionKey.publicKey), toHex((this.#maskingKey as X25519KeyPair).publicKey)]);
      for (const entry of peers) {
        const p = requireObject(entry, 'peer');
        const id = requireClientId(p.clientId, 'peer clientId', this.config.cohortSize);
        if (!this.#graph.areNeighbours(this.clientId, id)) fail('INCONSISTENT_SERVER', `client ${id} is not a neighbour of ${this.clientId}`, id);
        if (this.#peers.has(id)) fail('INCONSISTENT_SERVER', `client ${id} is listed twice`, id);
        const encryptionPublicKey = requireBytes(p.encryptionPublicKey, 'encryptionPublicKey', PUBLIC_KEY_LENGTH);
        const maskingPublicKey = requireBytes(p.maskingPublicKey, 'maskingPublicKey', PUBLIC_KEY_LENGTH);
        // Bonawitz 2017, Fig. 4 round 1: all advertised keys must be distinct.
        for (const key of [encryptionPublicKey, maskingPublicKey]) {
          const hex = toHex(key);
          if (seenKeys.has(hex)) fail('INCONSISTENT_SERVER', `public key of client ${id} repeats another advertised key`, id);
          seenKeys.add(hex);
        }
        let identityPublicKey: Uint8Array = new Uint8Array(0);
        if (this.config.consistencyCheck) {
          identityPublicKey = requireBytes(p.identityPublicKey, 'identityPublicKey', PUBLIC_KEY_LENGTH);
          const signature = requireBytes(p.signature, 'signature', SIGNATURE_LENGTH);
          const transcript = advertisementTranscript(this.#digest, id, encryptionPublicKey, maskingPublicKey, identityPublicKey);
          if (!crypto.ed25519Verify(identityPublicKey, transcript, signature)) fail('BAD_SIGNATURE', `advertisement of client ${id} is not signed by its identity key`, id);
          if (this.#verifyPeerIdentity?.(id, identityPublicKey) !== true) fail('BAD_SIGNATURE', `identity key of client ${id} is not trusted`, id);
        }
        this.#peers.set(id, { encryptionPublicKey, maskingPublicKey, identityPublicKey });
      }
      if (this.#peers.size < this.config.threshold) {
        fail('TOO_FEW_SURVIVORS', `${this.#peers.size} neighbours advertised keys, the threshold is ${this.config.threshold}`);
      }

      // Shares go to neighbours in ascending id order; x = position in N(u) (see shamir.ts).
      const recipients = Array.from(this.#peers.keys()).sort((a, b) => a - b);
      const xs = recipients.map((v) => this.#graph.shareX(this.clientId, v));
      this.#selfMaskSeed = randomBytes(this.#random, 32);
      const keyShares = shamirSplit(this.#maskingSecret as Uint8Array, this.config.threshold, xs, this.#random);
      const seedShares = shamirSplit(this.#selfMaskSeed, this.config.threshold, xs, this.#random);
      const shares = recipients.map((v, i) => {
        const peer = this.#peers.get(v) as Peer;
        const key = naclBox.beforeNm(encryptionKey.agree(peer.encryptionPublicKey));
        this.#boxKeys.set(v, key);
        const plaintext = concatBytes(new Uint8Array([SHARE_FORMAT_VERSION]), u32be(this.clientId), u32be(v), keyShares[i] as Uint8Array, seedShares[i] as Uint8Array);
        const ciphertext = naclBox.seal(plaintext, shareNonce(this.config.roundId, this.clientId, v), key);
        wipe(plaintext);
        return { recipient: v, ciphertext };
      });
      keyShares.forEach(wipe);
      seedShares.forEach(wipe);
      this.#phase = 'shared';
      return { type: 'share-keys', roundId: this.config.roundId, shares };
    });
  }

  /** Round 2: decrypt the shares held for neighbours, then mask the input with b_u and every s_{u,v}. */
  handleSharesBroadcast(message: SharesBroadcast): Promise<MaskedInput> {
    return this.#run('shared', async () => {
      const crypto = await this.#provider();
      const input = this.#input;
      if (input === undefined) fail('INVALID_INPUT', 'no input: call setInput() before the shares broadcast arrives');
      const m = requireObject(message, 'SharesBroadcast');
      if (m.type !== 'shares-broadcast') fail('MALFORMED_MESSAGE', `expected shares-broadcast, got ${String(m.type)}`);
      requireRoundId(m.roundId, this.config.roundId);
      const list = requireArray(m.shares, 'shares', this.config.degree);
      const decrypted = list.map((entry) => {
          const s = requireObject(entry, 'share');
          const sender = requireClientId(s.sender, 'share sender', this.config.cohortSize);
          const peer = this.#peers.get(sender);
          if (peer === undefined) fail('INCONSISTENT_SERVER', `shares from client ${sender}, whose keys were never advertised to ${this.clientId}`, sender);
          const ciphertext = requireBytes(s.ciphertext, 'share ciphertext', SHARE_CIPHERTEXT_LENGTH);
          const key = this.#boxKeys.get(sender) as Uint8Array; // set for every peer in round 1
          const plaintext = naclBox.open(ciphertext, shareNonce(this.config.roundId, sender, this.clientId), key);
          if (plaintext === null || plaintext.length !== SHARE_PLAINTEXT_LENGTH) fail('DECRYPTION_FAILED', `shares from client ${sender} do not authenticate`, sender);
          const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
          // Bonawitz 2017, Fig. 4 round 2: check the ids inside the ciphertext (u ‖ v ‖ shares).
          if (plaintext[0] !== SHARE_FORMAT_VERSION || view.getUint32(1, false) !== sender || view.getUint32(5, false) !== this.clientId) {
            fail('DECRYPTION_FAILED', `shares from client ${sender} name the wrong sender, recipient or version`, sender);
          }
          return { sender, plaintext };
      });
      for (const { sender, plaintext } of decrypted) {
        if (this.#held.has(sender)) fail('INCONSISTENT_SERVER', `shares from client ${sender} listed twice`, sender);
        this.#held.set(sender, {
          pairwiseKey: plaintext.slice(9, 9 + SHARE_LENGTH),
          selfMask: plaintext.slice(9 + SHARE_LENGTH, 9 + 2 * SHARE_LENGTH),
        });
        wipe(plaintext);
      }
      // Bonawitz 2017, Fig. 4 round 2: abort if fewer than t shares arrived.
      if (this.#held.size < this.config.threshold) {
        fail('TOO_FEW_SURVIVORS', `shares from ${this.#held.size} neighbours arrived, the threshold is ${this.config.threshold}`);
      }
      this.#holding = Array.from(this.#held.keys()).sort((a, b) => a - b);

      // y_u = x_u + PRG(b_u) + Σ_{v ∈ U2(u)} γ_{u,v} PRG(s_{u,v}), γ = +1 if u < v else −1.
      const masked = input.slice();
      const maskingKey = this.#maskingKey as X25519KeyPair;
      const roundId = this.config.roundId;
      const u = this.clientId;
      const selfSeed = this.#selfMaskSeed as Uint8Array;
      const peers = this.#peers;
      const holding = this.#holding;
      function* terms(): Generator<MaskTerm> {
        yield { secret: selfSeed, info: keyInfo('self-mask', roundId, u, 0), sign: 1 };
        for (const v of holding) {
          const secret = maskingKey.agree((peers.get(v) as Peer).maskingPublicKey);
          yield { secret, info: keyInfo('pairwise-mask', roundId, Math.min(u, v), Math.max(u, v)), sign: u < v ? 1 : -1 };
        }
      }
      await crypto.maskPrg.apply(masked, terms(), { concurrency: this.#maskConcurrency ?? DEFAULT_MASK_CONCURRENCY });
      this.#input = undefined;
      this.#boxKeys.forEach(wipe);
      this.#boxKeys.clear();
      this.#phase = 'masked';
      return { type: 'masked-input', roundId, vector: vectorToBytes(masked) };
    });
  }

  /** Round 3 (consistency check): sign the survivor set after checking it against our neighbourhood. */
  handleConsistencyRequest(message: ConsistencyRequest): Promise<ConsistencySignature> {
    return this.#run('masked', async () => {
      if (!this.config.consistencyCheck) fail('OUT_OF_PHASE', 'this round has no consistency check');
      const crypto = await this.#provider();
      const m = requireObject(message, 'ConsistencyRequest');
      if (m.type !== 'consistency-request') fail('MALFORMED_MESSAGE', `expected consistency-request, got ${String(m.type)}`);
      requireRoundId(m.roundId, this.config.roundId);
      const survivors = this.#checkSurvivors(m.survivors);
      this.#signedSurvivors = survivors;
      const signature = crypto.ed25519Sign(this.#identitySeed as Uint8Array, consistencyTranscript(this.#digest, survivors));
      this.#phase = 'signed';
      return { type: 'consistency-signature', roundId: this.config.roundId, signature };
    });
  }

  /**
   * Round 4: reveal, for each neighbour v whose shares we hold, b_v if v survived or s_v^SK if
   * it dropped — never both (Bonawitz 2017, §4: revealing both would unmask v's input).
   */
  handleUnmaskRequest(message: UnmaskRequest): Promise<UnmaskShares> {
    return this.#run(this.config.consistencyCheck ? 'signed' : 'masked', async () => {
      const crypto = await this.#provider();
      const m = requireObject(message, 'UnmaskRequest');
      if (m.type !== 'unmask-request') fail('MALFORMED_MESSAGE', `expected unmask-request, got ${String(m.type)}`);
      requireRoundId(m.roundId, this.config.roundId);
      const survivors = this.#checkSurvivors(m.survivors);
      const survivorSet = new Set(survivors);
      const dropped = requireAscendingIds(m.dropped, 'dropped', this.config.cohortSize);
      const droppedSet = new Set(dropped);
      for (const v of dropped) {
        if (survivorSet.has(v)) fail('INCONSISTENT_SERVER', `client ${v} is listed both as survivor and as dropped`, v);
        if (!this.#held.has(v)) fail('INCONSISTENT_SERVER', `client ${v} is listed as dropped but never sent this client shares`, v);
      }
      for (const v of this.#holding) {
        if (!survivorSet.has(v) && !droppedSet.has(v)) fail('INCONSISTENT_SERVER', `client ${v} shared keys but is neither survivor nor dropped`, v);
      }

      if (this.config.consistencyCheck) {
        const signed = this.#signedSurvivors as readonly number[];
        if (signed.length !== survivors.length || signed.some((v, i) => v !== survivors[i])) {
          fail('INCONSISTENT_SERVER', 'the survivor set differs from the one this client signed');
        }
        const signatures = requireArray(m.signatures, 'signatures', this.config.degree);
        const transcript = consistencyTranscript(this.#digest, survivors);
        // Bonawitz 2017, §6 round 4: t valid signatures of distinct surviving neighbours on the same
        // U3. That is the whole guarantee (two views cannot each gather t honest signers), so once
        // t have verified, the rest are checked for form only: a device spares k − t Ed25519
        // verifications a round. A bad signature among those verified still aborts.
        const signers = new Set<number>();
        let verified = 0;
        for (const entry of signatures) {
          const s = requireObject(entry, 'signature');
          const v = requireClientId(s.clientId, 'signer', this.config.cohortSize);
          const peer = this.#peers.get(v);
          if (peer === undefined || !survivorSet.has(v)) fail('INCONSISTENT_SERVER', `signature from client ${v}, not a surviving neighbour`, v);
          if (signers.has(v)) fail('INCONSISTENT_SERVER', `two signatures from client ${v}`, v);
          const signature = requireBytes(s.signature, 'signature', SIGNATURE_LENGTH);
          signers.add(v);
          if (verified >= this.config.threshold) continue;
          if (!crypto.ed25519Verify(peer.identityPublicKey, transcript, signature)) fail('BAD_SIGNATURE', `client ${v} did not sign this survivor set`, v);
          verified++;
        }
        if (verified < this.config.threshold) {
          fail('TOO_FEW_SURVIVORS', `${verified} neighbours signed the survivor set, the threshold is ${this.config.threshold}`);
        }
      }

      const selfMaskShares: RevealedShare[] = [];
      const pairwiseKeyShares: RevealedShare[] = [];
      for (const v of this.#holding) {
        const held = this.#held.get(v) as HeldShares;
        if (this.#revealed.has(v)) fail('OUT_OF_PHASE', `shares of client ${v} were already revealed`, v);
        if (survivorSet.has(v)) {
          selfMaskShares.push({ owner: v, share: held.selfMask.slice() });
          this.#revealed.set(v, 'self-mask');
        } else {
          pairwiseKeyShares.push({ owner: v, share: held.pairwiseKey.slice() });
          this.#revealed.set(v, 'pairwise-key');
        }
      }
      this.#wipeSecrets();
      this.#phase = 'finished';
      return { type: 'unmask-shares', roundId: this.config.roundId, selfMaskShares, pairwiseKeyShares };
    });
  }

  /** The server gave up on the round: forget everything. */
  handleRoundAborted(message: { readonly roundId: Uint8Array }): void {
    if (message?.roundId instanceof Uint8Array && !bytesEqual(message.roundId, this.config.roundId)) return;
    this.#wipeSecrets();
    if (this.#phase !== 'finished') this.#phase = 'aborted';
  }

  /** Checks a survivor list (U3) against this client's view (Bonawitz 2017, §6 rounds 3–4). */
  #checkSurvivors(value: unknown): readonly number[] {
    const survivors = requireAscendingIds(value, 'survivors', this.config.cohortSize);
    const set = new Set(survivors);
    if (!set.has(this.clientId)) fail('INCONSISTENT_SERVER', `client ${this.clientId} sent its masked input but is not listed as a survivor`);
    const required = Math.max(this.config.minSurvivors, this.#policy.minSurvivors ?? 0);
    if (survivors.length < required) fail('TOO_FEW_SURVIVORS', `${survivors.length} survivors, this client requires at least ${required}`);
    let survivingNeighbours = 0;
    for (const v of this.#graph.neighbours(this.clientId)) {
      if (!set.has(v)) continue;
      // A surviving neighbour must have sent us shares: the server relays all of them.
      if (!this.#held.has(v)) fail('INCONSISTENT_SERVER', `neighbour ${v} is listed as a survivor but never sent this client shares`, v);
      survivingNeighbours++;
    }
    if (survivingNeighbours < this.config.threshold) {
      fail('TOO_FEW_SURVIVORS', `${survivingNeighbours} neighbours survived, the threshold is ${this.config.threshold}`);
    }
    return survivors;
  }

  async #provider(): Promise<CryptoProvider> {
    this.#crypto ??= await loadCryptoProvider();
    return this.#crypto;
  }

  /** Runs one handler: checks the phase, blocks re-entry, aborts and wipes on any error. */
  async #run<T>(expected: ClientPhase, body: () => Promise<T>): Promise<T> {
    if (this.#phase !== expected || this.#busy) {
      throw new SecAggError('OUT_OF_PHASE', `client ${this.clientId} is ${this.#busy ? 'busy' : `in phase '${this.#phase}'`}, not '${expected}'`);
    }
    this.#busy = true;
    try {
      return await body();
    } catch (error) {
      this.#wipeSecrets();
      this.#phase = 'aborted';
      throw SecAggError.from(error, 'MALFORMED_MESSAGE');
    } finally {
      this.#busy = false;
    }
  }

  #wipeSecrets(): void {
    wipe(this.#encryptionSecret);
    wipe(this.#maskingSecret);
    wipe(this.#selfMaskSeed);
    this.#boxKeys.forEach(wipe);
    this.#boxKeys.clear();
    for (const held of this.#held.values()) {
      wipe(held.pairwiseKey);
      wipe(held.selfMask);
    }
    this.#encryptionSecret = this.#maskingSecret = this.#selfMaskSeed = undefined;
    this.#encryptionKey = this.#maskingKey = undefined;
    this.#input = undefined;
  }
}
