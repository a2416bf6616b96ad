/**
 * One round's secure aggregation, as the coordinator runs it: the SecAgg+ server state machine
 * of `@conclave/secagg`, the mapping between the round's participants and protocol ids
 * (1 … n, their position in the cohort), and the phase deadlines.
 *
 * Phases (Bonawitz et al. 2017, Fig. 4; Bell et al. 2020, Fig. 2 for the neighbour graph):
 *   AdvertiseKeys  (round 0)  deadline: phaseTimeoutMs
 *   ShareKeys      (round 1)  deadline: phaseTimeoutMs
 *   MaskedInput    (round 2)  deadline: the round's report deadline, owned by the caller, which
 *                             closes the phase with `endReporting()` once reporting is done
 *   ConsistencyCheck (round 3, malicious-server setting only, §6)  deadline: phaseTimeoutMs
 *   Unmask         (round 4)  deadline: phaseTimeoutMs
 * A phase closes at its deadline, or as soon as every participant it waits for has answered.
 * Closing takes exactly the clients whose valid message arrived; the state machine prunes the
 * rest and opens the next phase, completes with the survivors' sum, or aborts revealing
 * nothing. It knows no sockets: what to send, and who was dropped, go out through `events`.
 */
import {
  SecAggServer,
  type AggregationResult,
  type ClientMessage,
  type ReceiveOutcome,
  type SecAggError,
  type ServerMessage,
  type ServerPhase,
} from '@conclave/secagg';
import { Deadline, type Clock } from '../clock.ts';
import type { SecureSetup } from './plan.ts';

export interface SecureRoundEvents<M> {
  /** Deliver a protocol message to a participant (skip it if it has left the round). */
  send(member: M, message: ServerMessage): void;
  /** The protocol dropped a participant (bad message, pruned by the graph rule). */
  dropped(member: M, error: SecAggError): void;
  /** Masked-input phase: whether the caller's reporting is complete (every expected report in). */
  reportingComplete(): boolean;
  /**
   * MaskedInput is about to close: masked inputs summed elsewhere (partial sums of other
   * coordinator nodes) must be delivered now, with `maskedInput`. @default nothing to wait for
   */
  beforeMaskedInputCloses?(): Promise<void>;
  /**
   * Unmask is about to close, which reveals the survivors' sum to the coordinator: a write-ahead
   * step (the round's ε charged in the store). If it fails, nothing is revealed and the round
   * aborts with its message. @default nothing to do
   */
  beforeReveal?(): Promise<void>;
  /** Unmasking finished: the survivors' sum. */
  complete(result: AggregationResult): void;
  /** The protocol cannot finish; nothing was revealed. */
  abort(reason: string): void;
}

export interface SecureRoundOptions<M> {
  setup: SecureSetup;
  /** The cohort in protocol-id order: members[i] is client i + 1. */
  members: readonly M[];
  /** The members' enrolled identity keys, in the same order (checked under the consistency check). */
  identityKeys: readonly Uint8Array[];
  clock: Clock;
  /** Deadline of every phase but MaskedInput. */
  phaseTimeoutMs: number;
  events: SecureRoundEvents<M>;
}

export class SecureRound<M> {
  readonly setup: SecureSetup;
  readonly identityKeys: readonly Uint8Array[];
  private readonly server: SecAggServer;
  private readonly members: readonly M[];
  private readonly ids = new Map<M, number>();
  private readonly clock: Clock;
  private readonly deadline: Deadline;
  private readonly phaseTimeoutMs: number;
  private readonly events: SecureRoundEvents<M>;
  /** A phase is being closed (closePhase is asynchronous). */
  private closing = false;
  /** The round is over for the coordinator (committed or aborted); late results are ignored. */
  private closed = false;

  constructor(options: SecureRoundOptions<M>) {
    this.setup = options.setup;
    this.members = options.members;
    this.identityKeys = options.identityKeys;
    options.members.forEach((m, i) => this.ids.set(m, i + 1));
    this.server = new SecAggServer({ config: options.setup.config, identityOf: (id) => options.identityKeys[id - 1] });
    this.clock = options.clock;
    this.deadline = new Deadline(options.clock);
    this.phaseTimeoutMs = options.phaseTimeoutMs;
    this.events = options.events;
    this.armDeadline();
  }

  get phase(): ServerPhase {
    return this.server.phase;
  }

  /** When the open phase closes on its own (undefined in MaskedInput: the report deadline rules). */
  get phaseDeadline(): number | undefined {
    return this.deadline.at;
  }

  /** Protocol id of a member (its 1-based position in the cohort). */
  idOf(member: M): number | undefined {
    return this.ids.get(member);
  }

  /** The member with protocol id `id`. */
  memberOf(id: number): M | undefined {
    return this.members[id - 1];
  }

  private get running(): boolean {
    return !this.closed && this.server.phase !== 'completed' && this.server.phase !== 'aborted';
  }

  /** A protocol message from a member. On acceptance, the phase closes early once nobody is left to wait for. */
  receive(member: M, message: ClientMessage): ReceiveOutcome {
    const outcome = this.server.receive(this.ids.get(member) ?? 0, message);
    if (outcome.accepted) this.advanceIfSettled();
    return outcome;
  }

  /** A member's complete masked input: added to the protocol's running sum (mod 2^32) at once. */
  maskedInput(member: M, vector: Uint8Array): ReceiveOutcome {
    return this.server.receive(this.ids.get(member) ?? 0, { type: 'masked-input', roundId: this.setup.config.roundId, vector });
  }

  /** A member left the round (disconnected, withdrew, was refused). */
  drop(member: M, reason: string): void {
    const id = this.ids.get(member);
    if (id !== undefined && this.running) this.server.dropClient(id, reason);
  }

  /**
   * Closes the open phase now if nobody is left to wait for. MaskedInput is the caller's to close
   * (`endReporting`), unless `evenMaskedInput`: every masked input is in or its sender gone.
   */
  advanceIfSettled(evenMaskedInput = false): void {
    // O(1): this runs after every accepted message.
    if (!this.running || this.server.awaitingCount() > 0) return;
    if (this.server.phase === 'masked-input' && !evenMaskedInput) return;
    void this.advance();
  }

  /**
   * Reporting is over (every expected masked input is in, or the round's report deadline
   * passed): close the open phase now and go on to the consistency check or unmasking.
   */
  endReporting(): void {
    void this.advance();
  }

  /** The coordinator is done with this round: no more deadlines, late transitions ignored. */
  close(): void {
    this.closed = true;
    this.deadline.clear();
  }

  private armDeadline(): void {
    this.deadline.clear();
    // MaskedInput lasts until the round's report deadline, which the caller owns.
    if (!this.running || this.server.phase === 'masked-input') return;
    this.deadline.arm(this.clock.now() + this.phaseTimeoutMs, () => void this.advance());
  }

  /** Closes the open phase and sends the next phase's messages, or finishes. */
  async advance(): Promise<void> {
    if (!this.running || this.closing) return;
    this.closing = true;
    this.deadline.clear();
    if (this.server.phase === 'masked-input' && this.events.beforeMaskedInputCloses) {
      await this.events.beforeMaskedInputCloses();
      if (this.closed) {
        this.closing = false;
        return;
      }
    }
    if (this.server.phase === 'unmask' && this.events.beforeReveal) {
      try {
        await this.events.beforeReveal();
      } catch (err) {
        this.closing = false;
        if (!this.closed) this.events.abort(`not unmasked: ${(err as Error).message}`);
        return;
      }
      if (this.closed) {
        this.closing = false;
        return;
      }
    }
    let t;
    try {
      t = await this.server.closePhase();
    } catch (err) {
      this.closing = false;
      if (!this.closed) this.events.abort(`secure aggregation failed: ${(err as Error).message}`);
      return;
    }
    this.closing = false;
    if (this.closed) return;
    for (const d of t.dropped) {
      const member = this.members[d.clientId - 1];
      if (member !== undefined) this.events.dropped(member, d.error);
      if (this.closed) return;
    }
    if (t.phase === 'aborted') return this.events.abort(`secure aggregation aborted: ${t.error?.message ?? 'too few devices left'}`);
    if (t.phase === 'completed') {
      if (!t.result) return this.events.abort('secure aggregation completed without a sum');
      return this.events.complete(t.result);
    }
    for (const o of t.messages) {
      const member = this.members[o.to - 1];
      if (member !== undefined) this.events.send(member, o.message);
    }
    this.armDeadline();
    // Every participant may already have answered (e.g. nobody left to wait for).
    if (this.server.phase !== 'masked-input') this.advanceIfSettled();
    else if (this.events.reportingComplete()) void this.advance();
  }
}
