/**
 * The client's public face: what `createClient` returns, the events it emits, and the small event
 * hub that delivers them.
 */
import type { ConsentManager } from './consent.ts';
import type { ApprovalInfo, ApprovedTask } from './task-approval-gate.ts';
import type { ClientError } from './errors.ts';
import type { FrameRecord, RoundFrames } from './frame-ledger.ts';
import type { LedgerEntry } from './ledger.ts';
import type { RefusalRecord } from './refusal-log.ts';
import type { PrivacyCaps } from './privacy-ledger.ts';
import type { Example } from './train/types.ts';

export interface RoundInfo {
  taskId: string;
  round: number;
  modelVersion: number;
  kind: 'train' | 'evaluate';
  stream: string;
  purpose: string;
}

export interface ClientEvents {
  connected: { sessionId: string; deviceId: string };
  /** The coordinator revoked this device: its examples were wiped and the client stopped. */
  revoked: { reason: string };
  /** The device left a round because the employee paused or withdrew consent. */
  withdrawn: RoundInfo & { reason: string };
  disconnected: { code: number; reason: string };
  selected: RoundInfo;
  trained: RoundInfo & { numExamples: number; trainLoss: number; ms: number };
  uploaded: RoundInfo & { bytes: number; accepted: boolean; updateNorm: number };
  evaluated: RoundInfo & { examples: number; loss: number; accuracy: number };
  roundClosed: RoundInfo & { reason: string };
  /** The task of this round carries a valid approval, in a log that extends what this device saw. */
  approved: RoundInfo & { approval: ApprovalInfo };
  comeBackLater: { retryAfterMs: number; reason: string };
  error: ClientError;
}

export type Listener<K extends keyof ClientEvents> = (event: ClientEvents[K]) => void;

/** How the client's parts report events: a function, so parts never hold the hub itself. */
export type Emit = <K extends keyof ClientEvents>(event: K, payload: ClientEvents[K]) => void;

export interface ConclaveClient {
  /** Derived from the identity's public key; known once `start()` has resolved. */
  readonly deviceId: string;
  /**
   * Records one example for a stream, on the device: its text is scrubbed of PII first, and
   * nothing is stored for a stream the employee has not consented to or while paused.
   */
  record(stream: string, example: Example): Promise<{ stored: boolean; scrubbed: number }>;
  /** Connects and takes part in rounds until stop(). */
  start(): Promise<void>;
  /** Leaves any round (as a dropout), closes the connection and the trainer if it owns it. */
  stop(): Promise<void>;
  on<K extends keyof ClientEvents>(event: K, listener: Listener<K>): () => void;
  /** Example counts per stream held on this device. */
  counts(): Promise<Record<string, number>>;
  /** The employee's consent per stream, and pausing. Every change takes effect at once. */
  readonly consent: ConsentManager;
  /** What left this device: one entry per upload, never raw data. */
  readonly ledger: {
    /** One entry per upload (model update or evaluation sums), oldest first. */
    entries(): Promise<LedgerEntry[]>;
    exportText(): Promise<string>;
    /** Every frame this device sent: kind, task, round, size, SHA-256 and the connection's running hash. */
    frames(): Promise<FrameRecord[]>;
    /** The same frames grouped by round (frames of no round, such as Hello and CheckIn, first). */
    rounds(): Promise<RoundFrames[]>;
    /** The current connection's running hash over the frames sent on it, to compare with the coordinator's. */
    connectionDigest(): Promise<{ connection: number; sessionId?: string; frames: number; runningHash: string }>;
    /** Why this device refused tasks or rounds (its policy, an uncertified peer…): the coordinator got only the code. */
    refusals(): Promise<RefusalRecord[]>;
  };
  /** This device's own account of the privacy loss it has been exposed to, across tasks. */
  readonly privacy: { spent(): Promise<number>; setCap(epsilon: number | null): Promise<void>; caps(): Promise<PrivacyCaps> };
  /** Approved tasks this device verified (who approved, ε budget, minimum cohort), newest first. */
  approvals(): Promise<ApprovedTask[]>;
  /** Wipes every example (and the ledger, unless `keepLedger`). Consent and the privacy account stay. */
  forgetAll(options?: { keepLedger?: boolean }): Promise<void>;
}

/** Typed listeners per event. A listener that throws never breaks the protocol. */
export class EventHub {
  readonly #listeners = new Map<keyof ClientEvents, Set<(e: unknown) => void>>();

  readonly emit: Emit = (event, payload) => {
    for (const fn of this.#listeners.get(event) ?? []) {
      try {
        fn(payload);
      } catch {
        // A host listener's bug must not break the protocol.
      }
    }
  };

  on<K extends keyof ClientEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as (e: unknown) => void);
    this.#listeners.set(event, set);
    return () => set.delete(listener as (e: unknown) => void);
  }
}
