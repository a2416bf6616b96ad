/**
 * Every frame this device sends, in its own ledger: kind, task and round, size, the SHA-256 of
 * exactly the bytes sent, and a running hash per connection that the coordinator computes too
 * over the frames it receives (PROTOCOL.md, "Frame digests"), so the two can be compared.
 *
 *     H₀ = SHA-256("conclave/v1/frames"),   Hᵢ = SHA-256(Hᵢ₋₁ ‖ SHA-256(frameᵢ))
 *
 * Records hold no content, only what identifies it. They are kept in the KeyValueStore beside
 * the upload entries, grouped by round on reading, and bounded (`maxFrames`, oldest dropped).
 */
import { reasonCodeName, sha256, type BodyName, type ReasonCodeName } from '@conclave/proto';
import { ClientError } from './errors.ts';
import { toHex as hex } from './hex.ts';
import type { KeyValueStore } from './kv-store.ts';

export interface FrameRecord {
  /** When the frame was handed to the socket, ISO 8601 in UTC. */
  time: string;
  /** Which connection of this client (1, 2, … since this client was created; `sessionId` names it across restarts). */
  connection: number;
  /** The coordinator's session id for that connection, once its Welcome arrived. */
  sessionId?: string;
  /** Position of the frame on its connection, from 1. */
  seq: number;
  /** The Envelope body (`checkIn`, `uploadChunk`, …); for secure aggregation `secagg.<step>`. */
  kind: string;
  taskId?: string;
  round?: number;
  /** For a Withdraw: the reason code sent. */
  reason?: ReasonCodeName;
  /** Size of the frame, in bytes. */
  bytes: number;
  /** SHA-256 of exactly the frame's bytes, lowercase hex. */
  sha256: string;
  /** The connection's running hash after this frame, lowercase hex. */
  runningHash: string;
}

/** The frames of one round (or, with `taskId` null, those of no round: Hello, CheckIn, …). */
export interface RoundFrames {
  taskId: string | null;
  round: number | null;
  frames: FrameRecord[];
}

export interface FrameLedgerOptions {
  kv: KeyValueStore;
  /** @default 'conclave.frames.v1' */
  key?: string;
  /** Most records kept; the oldest go first. @default 50_000 */
  maxFrames?: number;
  /** @default Date.now */
  now?: () => number;
}

const FORMAT = 'conclave.sdk.frames';
const VERSION = 1;
const SEED = new TextEncoder().encode('conclave/v1/frames');

/** node:crypto in Node, synchronously (every frame sent is hashed twice); WebCrypto elsewhere. */
const digest = sha256;

/** H₀ of every connection, lowercase hex. */
export async function initialFrameDigest(): Promise<string> {
  return hex(await digest(SEED));
}

/** Hᵢ from Hᵢ₋₁ and the frame's bytes: returns the frame's SHA-256 and the new running hash. */
export async function nextFrameDigest(previous: Uint8Array, frame: Uint8Array): Promise<{ sha256: Uint8Array; running: Uint8Array }> {
  const sha256 = await digest(frame);
  const both = new Uint8Array(previous.byteLength + sha256.byteLength);
  both.set(previous);
  both.set(sha256, previous.byteLength);
  return { sha256, running: await digest(both) };
}

/** What a sent frame is about, read from its decoded message. */
export interface FrameInfo {
  body: BodyName;
  message: { taskId?: string | null; round?: number | null; code?: number | null } & Record<string, unknown>;
}

function kindOf(info: FrameInfo): string {
  if (info.body !== 'secagg') return info.body;
  const step = ['advertiseKeys', 'shareKeys', 'consistencySignature', 'unmaskShares'].find((s) => info.message[s] != null);
  return step ? `secagg.${step}` : 'secagg';
}

interface Connection {
  id: number;
  sessionId?: string;
  seq: number;
  /** Resolves to the running hash after the last frame queued on this connection. */
  running: Promise<Uint8Array>;
}

export class FrameLedger {
  readonly #kv: KeyValueStore;
  readonly #key: string;
  readonly #max: number;
  readonly #now: () => number;
  #loaded: Promise<FrameRecord[]> | undefined;
  #records: FrameRecord[] = [];
  #connections = 0;
  #current: Connection | undefined;
  #tail: Promise<unknown> = Promise.resolve();
  #dirty = false;
  #writing: Promise<void> | undefined;
  #writeError: unknown;

  constructor(options: FrameLedgerOptions) {
    if (!options || typeof options.kv?.get !== 'function') throw new ClientError('INVALID_OPTIONS', 'FrameLedger needs options.kv, a KeyValueStore');
    const max = options.maxFrames ?? 50_000;
    if (!Number.isSafeInteger(max) || max < 1) throw new ClientError('INVALID_OPTIONS', `maxFrames must be a positive integer, got ${String(max)}`);
    this.#kv = options.kv;
    this.#key = options.key ?? 'conclave.frames.v1';
    this.#max = max;
    this.#now = options.now ?? Date.now;
  }

  /** A new connection starts: the frames after this are hashed from H₀. */
  connectionOpened(): void {
    this.#current = { id: ++this.#connections, seq: 0, running: digest(SEED) };
  }

  /** The coordinator named the connection's session (Welcome.session_id). */
  connectionIdentified(sessionId: string): void {
    if (this.#current) this.#current.sessionId = sessionId;
  }

  /** Records one frame handed to the socket; hashing and storage happen in order, in the background. */
  record(bytes: Uint8Array, info: FrameInfo): void {
    const conn = this.#current;
    if (!conn) throw new ClientError('INVALID_OPTIONS', 'FrameLedger.record before connectionOpened');
    const seq = ++conn.seq;
    const time = new Date(this.#now()).toISOString();
    const copy = bytes.slice();
    const base: Omit<FrameRecord, 'sha256' | 'runningHash'> = { time, connection: conn.id, seq, kind: kindOf(info), bytes: bytes.byteLength };
    if (info.message.taskId) base.taskId = info.message.taskId;
    if (typeof info.message.round === 'number' && info.message.taskId) base.round = info.message.round;
    if (info.body === 'withdraw') base.reason = reasonCodeName(info.message.code);
    if (conn.sessionId) base.sessionId = conn.sessionId;
    const step = conn.running.then((previous) => nextFrameDigest(previous, copy));
    conn.running = step.then((d) => d.running);
    this.#tail = Promise.all([step, this.#load(), this.#tail.catch(() => {})]).then(([d]) => {
      const record: FrameRecord = { ...base, sha256: hex(d.sha256), runningHash: hex(d.running) };
      this.#records.push(record);
      if (this.#records.length > this.#max) this.#records.splice(0, this.#records.length - this.#max);
      this.#persist();
    });
    // Failures surface from flush(), frames() or the next write, not as unhandled rejections.
    this.#tail.catch(() => {});
  }

  /** The running hash of the current connection after every frame recorded so far, and how many. */
  async connectionDigest(): Promise<{ connection: number; sessionId?: string; frames: number; runningHash: string }> {
    const conn = this.#current;
    if (!conn) return { connection: 0, frames: 0, runningHash: await initialFrameDigest() };
    const out = { connection: conn.id, frames: conn.seq, runningHash: hex(await conn.running) };
    return conn.sessionId ? { ...out, sessionId: conn.sessionId } : out;
  }

  /** Every frame record, oldest first (copies). */
  async frames(): Promise<FrameRecord[]> {
    await this.flush();
    return structuredClone(this.#records);
  }

  /** The records grouped by task and round, in the order each round's first frame was sent. */
  async rounds(): Promise<RoundFrames[]> {
    const groups = new Map<string, RoundFrames>();
    for (const f of await this.frames()) {
      const key = f.taskId === undefined ? '' : `${f.taskId}\u0000${f.round ?? 0}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { taskId: f.taskId ?? null, round: f.taskId === undefined ? null : (f.round ?? 0), frames: [] }));
      g.frames.push(f);
    }
    return [...groups.values()];
  }

  /** Waits until every recorded frame is hashed and stored. */
  async flush(): Promise<void> {
    await this.#tail.catch(() => {});
    await this.#load();
    while (this.#writing) await this.#writing;
    if (this.#writeError !== undefined) {
      const err = this.#writeError;
      this.#writeError = undefined;
      throw err;
    }
  }

  /** Deletes every record (the employee's choice). */
  async clear(): Promise<void> {
    await this.flush();
    this.#records = [];
    await this.#kv.delete(this.#key);
  }

  #load(): Promise<FrameRecord[]> {
    this.#loaded ??= this.#kv.get(this.#key).then((raw) => {
      if (raw === undefined) return [];
      let v: { format?: unknown; version?: unknown; frames?: unknown } | null;
      try {
        v = JSON.parse(raw) as typeof v;
      } catch {
        throw new ClientError('STORAGE_CORRUPT', `saved frame ledger (${this.#key}) is not valid JSON`);
      }
      if (!v || v.format !== FORMAT || v.version !== VERSION || !Array.isArray(v.frames)) {
        throw new ClientError('STORAGE_CORRUPT', `saved frame ledger (${this.#key}) is not ${FORMAT} version ${VERSION}`);
      }
      this.#records = [...(v.frames as FrameRecord[]), ...this.#records];
      return this.#records;
    });
    return this.#loaded;
  }

  /** Writes the records; bursts coalesce into one write after the one in flight. */
  #persist(): void {
    this.#dirty = true;
    if (this.#writing) return;
    const write = async (): Promise<void> => {
      while (this.#dirty) {
        this.#dirty = false;
        await this.#kv.set(this.#key, JSON.stringify({ format: FORMAT, version: VERSION, frames: this.#records }));
      }
    };
    this.#writing = write()
      .catch((err: unknown) => {
        this.#writeError = err;
      })
      .finally(() => {
        this.#writing = undefined;
      });
  }
}
