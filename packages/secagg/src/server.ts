/**
 * The server side of SecAgg+ as a state machine driven by two calls: `receive(from, message)`
 * for each decoded client message, and `closePhase()` when the adapter's phase deadline passes
 * (or every expected client has answered — see `awaiting()`). It knows no sockets or timers.
 *
 * Robustness: a malformed, replayed, out-of-phase or wrong-length message drops only its
 * sender, with the error returned from `receive`; the round goes on. Dropouts are handled
 * deterministically at every phase: each `closePhase` takes exactly the clients whose valid
 * message arrived, prunes those the protocol can no longer serve (fewer than t neighbours
 * left), and either opens the next phase or aborts, revealing nothing, when the survivors
 * could not be unmasked.
 *
 * Memory is O(L + n·k) for vectors of L entries: masked inputs are added into one running
 * Uint32Array sum as they arrive and never stored, and unmasking streams one PRG expansion at
 * a time (a few in flight) into that sum.
 *
 * Beside it: `server-parse.ts` checks each client message, `unmask.ts` reconstructs the secrets
 * and removes the masks (one PRG expansion per survivor and per (survivor, dropped neighbour)).
 */
import { bytesEqual, toHex } from './bytes.ts';
import { advertisementTranscript, configDigest, consistencyTranscript, validateRoundConfig } from './config.ts';
import type { CryptoProvider } from './crypto-provider.ts';
import { loadCryptoProvider } from './load-crypto-provider.ts';
import { SecAggError } from './errors.ts';
import { NeighbourGraph } from './graph.ts';
import { SIGNATURE_LENGTH, type ClientMessage, type IncomingShare, type PeerKeys, type PeerSignature, type RoundConfig } from './messages.ts';
import { DEFAULT_MASK_CONCURRENCY } from './prg.ts';
import { maskRemovalTerms, reconstructSecrets, wipeSecrets, type UnmaskSecrets, type UnmaskState } from './unmask.ts';
import { fail, requireBytes, requireObject, requireRoundId } from './validate.ts';
import { bytesToVector } from './vector.ts';
import { countAll, countIn, parseAdvert, parseShareKeys, parseUnmaskShares, type Advert } from './server-parse.ts';
import type { DroppedClient, Outgoing, PhaseTransition, ReceiveOutcome, RoundSummary, SecAggServerOptions, ServerPhase } from './server-types.ts';

type ClientMessageType = ClientMessage['type'];

const PHASE_OF: Readonly<Record<ClientMessageType, ServerPhase>> = {
  'advertise-keys': 'advertise-keys',
  'share-keys': 'share-keys',
  'masked-input': 'masked-input',
  'consistency-signature': 'consistency-check',
  'unmask-shares': 'unmask',
};

/** The message each open phase waits for. */
const MESSAGE_OF: Readonly<Partial<Record<ServerPhase, ClientMessageType>>> = Object.fromEntries(
  (Object.keys(PHASE_OF) as ClientMessageType[]).map((type) => [PHASE_OF[type], type]),
);

/** Any clamped X25519 scalar is a multiple of the cofactor 8, so agreement with it is all-zero exactly for small-order keys. */
const SMALL_ORDER_PROBE = new Uint8Array(32).fill(0x5a);

interface Participant {
  readonly id: number;
  dropped: SecAggError | undefined;
  readonly received: Set<ClientMessageType>;
  advert: Advert | undefined;
  /** ShareKeys ciphertexts by recipient, held only until relayed. */
  outgoing: Map<number, Uint8Array> | undefined;
  signature: Uint8Array | undefined;
  /** Revealed shares by owner. */
  selfMaskShares: Map<number, Uint8Array> | undefined;
  pairwiseKeyShares: Map<number, Uint8Array> | undefined;
}

export class SecAggServer {
  readonly config: RoundConfig;
  readonly #graph: NeighbourGraph;
  readonly #digest: Uint8Array;
  readonly #identityOf: ((clientId: number) => Uint8Array | undefined) | undefined;
  readonly #maskConcurrency: number | undefined;
  #crypto: CryptoProvider | undefined;
  #phase: ServerPhase = 'advertise-keys';
  #closing = false;
  readonly #participants: Participant[];
  /** Who may send in the open phase. */
  #expected: Uint8Array;
  /** Expected clients of the open phase, not dropped, whose message has not arrived: kept so that `awaitingCount()` is O(1). */
  #awaitingCount: number;
  /** U1 (after pruning), U2 (after pruning), U3 (input in the sum), U4 (valid signature). */
  readonly #inU1: Uint8Array;
  readonly #inU2: Uint8Array;
  readonly #inU3: Uint8Array;
  readonly #inU4: Uint8Array;
  #survivors: readonly number[] = [];
  #sum: Uint32Array | undefined;
  #newlyDropped: DroppedClient[] = [];

  constructor(options: SecAggServerOptions) {
    validateRoundConfig(options.config);
    this.config = options.config;
    const n = options.config.cohortSize;
    this.#graph = new NeighbourGraph(n, options.config.degree, options.config.graphSeed);
    this.#digest = configDigest(options.config);
    this.#identityOf = options.identityOf;
    this.#maskConcurrency = options.maskConcurrency;
    this.#crypto = options.crypto;
    this.#participants = [];
    for (let id = 0; id <= n; id++) {
      this.#participants.push({
        id,
        dropped: undefined,
        received: new Set(),
        advert: undefined,
        outgoing: undefined,
        signature: undefined,
        selfMaskShares: undefined,
        pairwiseKeyShares: undefined,
      });
    }
    this.#expected = new Uint8Array(n + 1).fill(1);
    this.#expected[0] = 0;
    this.#awaitingCount = n;
    this.#inU1 = new Uint8Array(n + 1);
    this.#inU2 = new Uint8Array(n + 1);
    this.#inU3 = new Uint8Array(n + 1);
    this.#inU4 = new Uint8Array(n + 1);
  }

  get phase(): ServerPhase {
    return this.#phase;
  }

  /** The neighbours of a client in this round's graph (ascending). */
  neighbours(clientId: number): readonly number[] {
    return Array.from(this.#graph.neighbours(clientId));
  }

  /**
   * How many clients expected in the open phase have not yet sent a valid message: the length of
   * `awaiting()` in O(1), for adapters that check after every message whether a phase may close.
   */
  awaitingCount(): number {
    return this.#phase === 'completed' || this.#phase === 'aborted' ? 0 : this.#awaitingCount;
  }

  /** Clients expected in the open phase that have not yet sent a valid message. */
  awaiting(): number[] {
    const out: number[] = [];
    if (this.#phase === 'completed' || this.#phase === 'aborted') return out;
    const type = MESSAGE_OF[this.#phase] as ClientMessageType;
    for (let id = 1; id <= this.config.cohortSize; id++) {
      const p = this.#participant(id);
      if (this.#expected[id] === 1 && p.dropped === undefined && !p.received.has(type)) out.push(id);
    }
    return out;
  }

  summary(): RoundSummary {
    const count = (flags: Uint8Array): number => flags.reduce((a, b) => a + b, 0);
    let dropped = 0;
    let responded = 0;
    for (const p of this.#participants) {
      if (p.dropped !== undefined) dropped++;
      if (p.received.has('unmask-shares') && p.dropped === undefined) responded++;
    }
    return {
      phase: this.#phase,
      advertised: count(this.#inU1),
      shared: count(this.#inU2),
      survivors: count(this.#inU3),
      signed: this.config.consistencyCheck ? count(this.#inU4) : count(this.#inU3),
      responded,
      dropped,
    };
  }

  /** Why each dropped client was dropped. */
  droppedClients(): ReadonlyMap<number, SecAggError> {
    const out = new Map<number, SecAggError>();
    for (const p of this.#participants) if (p.dropped !== undefined) out.set(p.id, p.dropped);
    return out;
  }

  /**
   * Takes one decoded message from client `from` (the id the transport authenticated). A bad
   * message drops its sender only: the error is returned, never thrown.
   */
  receive(from: number, message: ClientMessage): ReceiveOutcome {
    if (!this.#graph.hasClient(from)) {
      return { accepted: false, error: new SecAggError('UNKNOWN_CLIENT', `client ${String(from)} is not in this cohort of ${this.config.cohortSize}`) };
    }
    const p = this.#participant(from);
    if (p.dropped !== undefined) {
      return { accepted: false, error: new SecAggError('OUT_OF_PHASE', `client ${from} was dropped from this round (${p.dropped.code})`, { clientId: from }) };
    }
    if (this.#phase === 'completed' || this.#phase === 'aborted') {
      return { accepted: false, error: new SecAggError('OUT_OF_PHASE', `the round is ${this.#phase}`, { clientId: from }) };
    }
    try {
      const m = requireObject(message, 'message');
      const type = m.type as ClientMessageType;
      // Own properties only: a type like 'constructor' must not resolve through Object.prototype.
      const phase = typeof type === 'string' && Object.hasOwn(PHASE_OF, type) ? PHASE_OF[type] : undefined;
      if (phase === undefined) fail('MALFORMED_MESSAGE', `unknown message type ${String(m.type)}`);
      requireRoundId(m.roundId, this.config.roundId);
      if (p.received.has(type)) fail('REPLAYED', `client ${from} already sent ${type}`);
      if (this.#closing) fail('OUT_OF_PHASE', `${type} arrived after the ${this.#phase} deadline`);
      if (phase !== this.#phase) fail('OUT_OF_PHASE', `${type} arrived during ${this.#phase}`);
      if (this.#expected[from] !== 1) fail('OUT_OF_PHASE', `client ${from} is not part of the ${this.#phase} phase`);
      switch (type) {
        case 'advertise-keys':
          p.advert = parseAdvert(m, this.config.consistencyCheck);
          break;
        case 'share-keys':
          p.outgoing = parseShareKeys(m, p.id, this.config, this.#graph, this.#inU1);
          break;
        case 'masked-input':
          this.#receiveMaskedInput(p, m);
          break;
        case 'consistency-signature':
          p.signature = requireBytes(m.signature, 'signature', SIGNATURE_LENGTH).slice();
          break;
        case 'unmask-shares':
          ({ selfMaskShares: p.selfMaskShares, pairwiseKeyShares: p.pairwiseKeyShares } = parseUnmaskShares(m, p.id, this.config, this.#graph, this.#inU2, this.#inU3));
          break;
      }
      p.received.add(type);
      this.#awaitingCount--;
      return { accepted: true };
    } catch (error) {
      const e = SecAggError.from(error, 'MALFORMED_MESSAGE', from);
      const withId = e.clientId === from ? e : new SecAggError(e.code, e.message, { clientId: from, cause: e });
      this.#drop(from, withId);
      return { accepted: false, error: withId };
    }
  }

  /** The adapter lost a client (disconnect, timeout of its own): treat it as dropped now. */
  dropClient(clientId: number, reason = 'connection lost'): void {
    if (!this.#graph.hasClient(clientId) || this.#participant(clientId).dropped !== undefined) return;
    this.#drop(clientId, new SecAggError('DROPPED_OUT', `client ${clientId} dropped out: ${reason}`, { clientId }));
  }

  /** Ends the round now (e.g. the task was cancelled); clients are told, nothing is revealed. */
  abort(reason = 'aborted by the coordinator'): PhaseTransition {
    return this.#abort(new SecAggError('ROUND_ABORTED', reason));
  }

  /**
   * The open phase's deadline passed (or `awaiting()` is empty): decide who continues and
   * return what to send. Throws 'OUT_OF_PHASE' after the round ended or while closing.
   */
  async closePhase(): Promise<PhaseTransition> {
    if (this.#phase === 'completed' || this.#phase === 'aborted' || this.#closing) {
      throw new SecAggError('OUT_OF_PHASE', `cannot close phase: the round is ${this.#closing ? 'closing a phase' : this.#phase}`);
    }
    this.#closing = true;
    try {
      this.#crypto ??= await loadCryptoProvider();
      switch (this.#phase) {
        case 'advertise-keys':
          return this.#closeAdvertise(this.#crypto);
        case 'share-keys':
          return this.#closeShareKeys();
        case 'masked-input':
          return this.#closeMaskedInput();
        case 'consistency-check':
          return this.#closeConsistency(this.#crypto);
        default:
          return await this.#closeUnmask(this.#crypto);
      }
    } catch (error) {
      return this.#abort(SecAggError.from(error, 'ROUND_ABORTED'));
    } finally {
      this.#closing = false;
    }
  }

  // ——— receiving ———

  #receiveMaskedInput(p: Participant, m: Record<string, unknown>): void {
    const bytes = requireBytes(m.vector, 'masked vector');
    if (bytes.length !== 4 * this.config.vectorLength) {
      fail('WRONG_LENGTH', `masked vector has ${bytes.length / 4} values, the round has ${this.config.vectorLength}`);
    }
    const vector = bytesToVector(bytes);
    this.#sum ??= new Uint32Array(this.config.vectorLength);
    const sum = this.#sum;
    // Uint32Array stores reduce mod 2^32; this is the only copy of the input the server keeps.
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (vector[i] as number);
    this.#inU3[p.id] = 1;
  }

  // ——— closing phases ———

  #closeAdvertise(crypto: CryptoProvider): PhaseTransition {
    const n = this.config.cohortSize;
    const probe = crypto.x25519(SMALL_ORDER_PROBE);
    const keyOwners = new Map<string, number[]>();
    for (let id = 1; id <= n; id++) {
      const p = this.#participant(id);
      if (p.dropped !== undefined || p.advert === undefined) continue;
      const a = p.advert;
      try {
        // A small-order key would make every neighbour's agreement fail (RFC 7748 §6.1).
        probe.agree(a.encryptionPublicKey);
        probe.agree(a.maskingPublicKey);
      } catch (cause) {
        this.#drop(id, new SecAggError('MALFORMED_MESSAGE', `client ${id} advertised a small-order public key`, { clientId: id, cause }));
        continue;
      }
      if (this.config.consistencyCheck) {
        const transcript = advertisementTranscript(this.#digest, id, a.encryptionPublicKey, a.maskingPublicKey, a.identityPublicKey);
        const expectedIdentity = this.#identityOf?.(id);
        if (expectedIdentity !== undefined && !bytesEqual(expectedIdentity, a.identityPublicKey)) {
          this.#drop(id, new SecAggError('BAD_SIGNATURE', `client ${id} advertised an identity key other than the one it authenticated with`, { clientId: id }));
          continue;
        }
        if (!crypto.ed25519Verify(a.identityPublicKey, transcript, a.signature)) {
          this.#drop(id, new SecAggError('BAD_SIGNATURE', `advertisement of client ${id} is not signed by its identity key`, { clientId: id }));
          continue;
        }
      }
      for (const key of [a.encryptionPublicKey, a.maskingPublicKey]) {
        const hex = toHex(key);
        const owners = keyOwners.get(hex);
        if (owners === undefined) keyOwners.set(hex, [id]);
        else owners.push(id);
      }
    }
    // Clients reject repeated keys among their peers (Bonawitz 2017, Fig. 4), so a client copying
    // another's key would abort their common neighbours: drop every holder of a repeated key.
    for (const owners of keyOwners.values()) {
      if (owners.length < 2) continue;
      for (const id of owners) this.#drop(id, new SecAggError('MALFORMED_MESSAGE', `client ${id} advertised a public key another client also advertised`, { clientId: id }));
    }
    for (let id = 1; id <= n; id++) {
      const p = this.#participant(id);
      this.#inU1[id] = p.dropped === undefined && p.advert !== undefined ? 1 : 0;
    }
    this.#prune(this.#inU1, 'advertised keys');
    const size = countAll(this.#inU1);
    if (size < this.config.minSurvivors) {
      return this.#abort(new SecAggError('TOO_FEW_SURVIVORS', `${size} clients advertised keys, the round needs ${this.config.minSurvivors}`));
    }
    const messages: Outgoing[] = [];
    for (let u = 1; u <= n; u++) {
      if (this.#inU1[u] !== 1) continue;
      const peers: PeerKeys[] = [];
      for (const v of this.#graph.neighbours(u)) {
        if (this.#inU1[v] !== 1) continue;
        const a = this.#participant(v).advert as Advert;
        peers.push({ clientId: v, ...a });
      }
      messages.push({ to: u, message: { type: 'keys-broadcast', roundId: this.config.roundId, peers } });
    }
    return this.#open('share-keys', this.#inU1, messages);
  }

  #closeShareKeys(): PhaseTransition {
    const n = this.config.cohortSize;
    for (let id = 1; id <= n; id++) {
      const p = this.#participant(id);
      this.#inU2[id] = this.#inU1[id] === 1 && p.dropped === undefined && p.outgoing !== undefined ? 1 : 0;
    }
    // A client holding fewer than t neighbours' shares would abort (Bonawitz 2017, Fig. 4 round 2).
    this.#prune(this.#inU2, 'shared keys');
    const size = countAll(this.#inU2);
    if (size < this.config.minSurvivors) {
      return this.#abort(new SecAggError('TOO_FEW_SURVIVORS', `${size} clients shared keys, the round needs ${this.config.minSurvivors}`));
    }
    const messages: Outgoing[] = [];
    for (let u = 1; u <= n; u++) {
      if (this.#inU2[u] !== 1) continue;
      const shares: IncomingShare[] = [];
      for (const v of this.#graph.neighbours(u)) {
        if (this.#inU2[v] !== 1) continue;
        shares.push({ sender: v, ciphertext: (this.#participant(v).outgoing as Map<number, Uint8Array>).get(u) as Uint8Array });
      }
      messages.push({ to: u, message: { type: 'shares-broadcast', roundId: this.config.roundId, shares } });
    }
    for (const p of this.#participants) p.outgoing = undefined;
    this.#sum = new Uint32Array(this.config.vectorLength);
    return this.#open('masked-input', this.#inU2, messages);
  }

  #closeMaskedInput(): PhaseTransition {
    const n = this.config.cohortSize;
    const survivors: number[] = [];
    for (let id = 1; id <= n; id++) if (this.#inU3[id] === 1) survivors.push(id);
    this.#survivors = survivors;
    if (survivors.length < this.config.minSurvivors) {
      return this.#abort(new SecAggError('TOO_FEW_SURVIVORS', `${survivors.length} masked inputs arrived, the round needs ${this.config.minSurvivors}`));
    }
    // Survivors still in good standing are the only possible share holders from now on.
    const candidates = new Uint8Array(n + 1);
    for (const id of survivors) if (this.#participant(id).dropped === undefined) candidates[id] = 1;
    const unrecoverable = this.#unrecoverable(candidates);
    if (unrecoverable !== undefined) return this.#abort(unrecoverable);

    if (this.config.consistencyCheck) {
      const messages: Outgoing[] = [];
      for (let u = 1; u <= n; u++) {
        if (candidates[u] === 1) messages.push({ to: u, message: { type: 'consistency-request', roundId: this.config.roundId, survivors } });
      }
      return this.#open('consistency-check', candidates, messages);
    }
    return this.#openUnmask(candidates, undefined);
  }

  #closeConsistency(crypto: CryptoProvider): PhaseTransition {
    const n = this.config.cohortSize;
    const transcript = consistencyTranscript(this.#digest, this.#survivors);
    for (let id = 1; id <= n; id++) {
      const p = this.#participant(id);
      if (this.#expected[id] !== 1 || p.dropped !== undefined || p.signature === undefined) continue;
      if (crypto.ed25519Verify((p.advert as Advert).identityPublicKey, transcript, p.signature)) this.#inU4[id] = 1;
      else this.#drop(id, new SecAggError('BAD_SIGNATURE', `client ${id} did not sign the survivor set`, { clientId: id }));
    }
    // A client checks ≥ t neighbour signatures (Bonawitz 2017, §6 round 4); ask only those who can pass.
    const eligible = new Uint8Array(n + 1);
    for (let id = 1; id <= n; id++) {
      if (this.#inU4[id] === 1 && countIn(this.#graph.neighbours(id), this.#inU4) >= this.config.threshold) eligible[id] = 1;
    }
    const unrecoverable = this.#unrecoverable(eligible);
    if (unrecoverable !== undefined) return this.#abort(unrecoverable);
    return this.#openUnmask(eligible, this.#inU4);
  }

  #openUnmask(recipients: Uint8Array, signers: Uint8Array | undefined): PhaseTransition {
    const messages: Outgoing[] = [];
    for (let u = 1; u <= this.config.cohortSize; u++) {
      if (recipients[u] !== 1) continue;
      const dropped: number[] = [];
      const signatures: PeerSignature[] = [];
      for (const v of this.#graph.neighbours(u)) {
        if (this.#inU2[v] === 1 && this.#inU3[v] !== 1) dropped.push(v);
        if (signers !== undefined && signers[v] === 1) signatures.push({ clientId: v, signature: this.#participant(v).signature as Uint8Array });
      }
      messages.push({ to: u, message: { type: 'unmask-request', roundId: this.config.roundId, survivors: this.#survivors, dropped, signatures } });
    }
    return this.#open('unmask', recipients, messages);
  }

  async #closeUnmask(crypto: CryptoProvider): Promise<PhaseTransition> {
    const n = this.config.cohortSize;
    const t = this.config.threshold;
    const responders = new Uint8Array(n + 1);
    for (let id = 1; id <= n; id++) {
      const p = this.#participant(id);
      if (this.#expected[id] === 1 && p.dropped === undefined && p.selfMaskShares !== undefined) responders[id] = 1;
    }
    const unrecoverable = this.#unrecoverable(responders);
    if (unrecoverable !== undefined) return this.#abort(unrecoverable);

    const participants = this.#participants;
    const state: UnmaskState = {
      roundId: this.config.roundId,
      cohortSize: n,
      threshold: this.config.threshold,
      graph: this.#graph,
      survivors: this.#survivors,
      shared: this.#inU2,
      survived: this.#inU3,
      responders,
      revealed: (holder, kind) => (participants[holder] as Participant)[kind === 'selfMask' ? 'selfMaskShares' : 'pairwiseKeyShares'],
      maskingPublicKey: (id) => ((participants[id] as Participant).advert as Advert).maskingPublicKey,
    };
    let secrets: UnmaskSecrets;
    try {
      secrets = reconstructSecrets(state, crypto);
    } catch (error) {
      return this.#abort(SecAggError.from(error, 'RECONSTRUCTION_FAILED'));
    }
    const counted = { pairwiseMasks: 0 };
    const sum = this.#sum ?? new Uint32Array(this.config.vectorLength);
    try {
      await crypto.maskPrg.apply(sum, maskRemovalTerms(state, secrets, counted), { concurrency: this.#maskConcurrency ?? DEFAULT_MASK_CONCURRENCY });
    } catch (error) {
      return this.#abort(SecAggError.from(error, 'RECONSTRUCTION_FAILED'));
    } finally {
      wipeSecrets(secrets);
    }
    this.#sum = undefined;
    for (const p of this.#participants) {
      p.selfMaskShares = undefined;
      p.pairwiseKeyShares = undefined;
    }
    const dropped = this.#takeDropped();
    this.#phase = 'completed';
    this.#expected = new Uint8Array(n + 1);
    return {
      phase: 'completed',
      messages: [],
      dropped,
      result: { sum, survivors: this.#survivors, selfMasks: secrets.selfSeeds.size, pairwiseMasks: counted.pairwiseMasks },
    };
  }

  // ——— helpers ———

  #participant(id: number): Participant {
    return this.#participants[id] as Participant;
  }

  #drop(id: number, error: SecAggError): void {
    const p = this.#participant(id);
    if (p.dropped !== undefined) return;
    if (this.#expected[id] === 1 && !p.received.has(MESSAGE_OF[this.#phase] as ClientMessageType)) this.#awaitingCount--;
    p.dropped = error;
    // Discard whatever it contributed to the open phase; an input already in the sum stays
    // there (it was valid when added) and the client stays a survivor, but takes no more part.
    p.outgoing = undefined;
    p.signature = undefined;
    p.selfMaskShares = undefined;
    p.pairwiseKeyShares = undefined;
    if (this.#phase === 'advertise-keys') p.advert = undefined;
    this.#newlyDropped.push({ clientId: id, error });
  }

  /** Removes, until none is left, members with fewer than t neighbours in the set. */
  #prune(members: Uint8Array, what: string): void {
    const t = this.config.threshold;
    let changed = true;
    while (changed) {
      changed = false;
      for (let u = 1; u < members.length; u++) {
        if (members[u] !== 1) continue;
        const have = countIn(this.#graph.neighbours(u), members);
        if (have >= t) continue;
        members[u] = 0;
        changed = true;
        this.#drop(u, new SecAggError('TOO_FEW_SURVIVORS', `only ${have} neighbours of client ${u} ${what}; the threshold is ${t}`, { clientId: u }));
      }
    }
  }

  /**
   * The error to abort with if some secret the unmasking needs could not reach t holders among
   * `holders`: b_u for every survivor u, s_v^SK for every dropped v with a surviving neighbour.
   */
  #unrecoverable(holders: Uint8Array): SecAggError | undefined {
    const t = this.config.threshold;
    for (let v = 1; v <= this.config.cohortSize; v++) {
      if (this.#inU2[v] !== 1) continue;
      const neighbours = this.#graph.neighbours(v);
      if (this.#inU3[v] !== 1 && countIn(neighbours, this.#inU3) === 0) continue;
      const have = countIn(neighbours, holders);
      if (have < t) {
        const kind = this.#inU3[v] === 1 ? 'self-mask seed' : 'pairwise-mask key';
        return new SecAggError('TOO_FEW_SURVIVORS', `only ${have} neighbours of client ${v} can reveal its ${kind}; the threshold is ${t}`, { clientId: v });
      }
    }
    return undefined;
  }

  #takeDropped(): DroppedClient[] {
    const out = this.#newlyDropped;
    this.#newlyDropped = [];
    return out;
  }

  #open(phase: ServerPhase, expected: Uint8Array, messages: Outgoing[]): PhaseTransition {
    this.#phase = phase;
    this.#expected = expected.slice();
    let awaiting = 0;
    for (let id = 1; id < expected.length; id++) if (expected[id] === 1 && this.#participant(id).dropped === undefined) awaiting++;
    this.#awaitingCount = awaiting;
    return { phase, messages, dropped: this.#takeDropped() };
  }

  #abort(error: SecAggError): PhaseTransition {
    const messages: Outgoing[] = [];
    if (this.#phase !== 'aborted' && this.#phase !== 'completed') {
      for (let id = 1; id <= this.config.cohortSize; id++) {
        const p = this.#participant(id);
        if (p.dropped === undefined && p.received.size > 0) {
          messages.push({ to: id, message: { type: 'round-aborted', roundId: this.config.roundId, code: error.code, message: error.message } });
        }
      }
    }
    // Nothing of an aborted round may be used: forget the masked sum and every revealed share.
    this.#sum?.fill(0);
    this.#sum = undefined;
    for (const p of this.#participants) {
      p.outgoing = undefined;
      p.selfMaskShares = undefined;
      p.pairwiseKeyShares = undefined;
    }
    this.#phase = 'aborted';
    this.#expected = new Uint8Array(this.config.cohortSize + 1);
    return { phase: 'aborted', messages, dropped: this.#takeDropped(), error };
  }
}
