import { sha256 } from '@conclave/proto';
import { STREAM_NAME } from './consent.ts';
import { ClientError } from './errors.ts';
import { toHex as hex } from './hex.ts';
import type { KeyValueStore } from './kv-store.ts';
import { DEFAULT_PRIVACY_DELTA } from './privacy-ledger.ts';

/**
 * The transparency ledger: one local entry per upload, saying what left the device, for which
 * task and purpose, under which privacy parameters, and the SHA-256 of exactly the bytes sent.
 * Entries are checked against a closed schema — a field beyond it is refused — so nothing raw
 * (examples, the update itself) can slip into the ledger.
 */

/** Privacy parameters of one upload, where the task uses differential privacy. */
export interface LedgerPrivacy {
  /** σ over the clipping norm of the Gaussian noise the update went through. */
  noiseMultiplier: number;
  /** The task's per-round device sampling rate q ∈ [0, 1] (what the coordinator accounts with). */
  samplingRate: number;
  /** L2 norm the update was clipped to on the device. */
  clipNorm: number;
  /**
   * What this upload added to this device's own ε (from `PersonalPrivacyAccount.record`),
   * at the account's δ (default 1e-6), without amplification by sampling.
   */
  epsilonShare: number;
}

/** What an upload was: a model update, or the device's evaluation sums (both inside a secure sum when on). */
export type LedgerEntryKind = 'update' | 'evaluation';

export interface LedgerEntry {
  /** When the upload was acknowledged, ISO 8601 in UTC. */
  time: string;
  /** What was uploaded. Entries written before this field existed read as `'update'`. */
  kind: LedgerEntryKind;
  taskId: string;
  /** The task's purpose text, as shown to the employee. */
  purpose: string;
  modelVersion: number;
  /** The data streams the examples came from. */
  streams: string[];
  /** How many examples the update was computed from (they never left the device). */
  examples: number;
  /** L2 norm of the update after clipping. */
  updateNorm: number;
  privacy?: LedgerPrivacy;
  /** Size of the secure-aggregation cohort the update was summed with, where secure aggregation is on. */
  secureAggregationCohort?: number;
  /** Bytes sent for this upload. */
  bytesSent: number;
  /** SHA-256 of exactly those bytes, lowercase hex. */
  sha256: string;
}

/** What `append` takes: an entry whose time may also be given in ms since the epoch. */
export type LedgerEntryInput = Omit<LedgerEntry, 'time' | 'kind'> & { time: string | number; kind?: LedgerEntryKind };

export interface LedgerOptions {
  kv: KeyValueStore;
  /** Key under which entries are stored. @default 'conclave.ledger.v1' */
  key?: string;
  /** The δ at which ε shares are stated, for the text export. @default DEFAULT_PRIVACY_DELTA (1e-6) */
  privacyDelta?: number;
}

/** Bounds on the free-text fields, so a ledger stays a ledger. */
export const MAX_TASK_ID_LENGTH = 256;
export const MAX_PURPOSE_LENGTH = 4096;
export const MAX_LEDGER_STREAMS = 64;

const FORMAT = 'conclave.sdk.ledger';
const VERSION = 1;

const ENTRY_KEYS = new Set(['time', 'kind', 'taskId', 'purpose', 'modelVersion', 'streams', 'examples', 'updateNorm', 'privacy', 'secureAggregationCohort', 'bytesSent', 'sha256']);
const PRIVACY_KEYS = new Set(['noiseMultiplier', 'samplingRate', 'clipNorm', 'epsilonShare']);

/**
 * Append-only from the SDK's side (`clear()` is the employee's choice). Stored as one JSON value
 * in the KeyValueStore, rewritten on each append: fine for the few uploads a device makes a day.
 */
export class Ledger {
  readonly #kv: KeyValueStore;
  readonly #key: string;
  readonly #delta: number;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(options: LedgerOptions) {
    if (!options || typeof options.kv?.get !== 'function') throw new ClientError('INVALID_OPTIONS', 'Ledger needs options.kv, a KeyValueStore');
    this.#kv = options.kv;
    this.#key = options.key ?? 'conclave.ledger.v1';
    const delta = options.privacyDelta ?? DEFAULT_PRIVACY_DELTA;
    if (typeof delta !== 'number' || !(delta > 0 && delta < 1)) throw new ClientError('INVALID_OPTIONS', `privacyDelta must be in (0, 1), got ${String(delta)}`);
    this.#delta = delta;
  }

  /** Validates `entry` against the schema and appends it; returns the entry as stored. */
  async append(entry: LedgerEntryInput): Promise<LedgerEntry> {
    const checked = validateLedgerEntry(entry);
    return this.#serial(async () => {
      const entries = await this.#read();
      entries.push(checked);
      await this.#kv.set(this.#key, JSON.stringify({ format: FORMAT, version: VERSION, entries }));
      return structuredClone(checked);
    });
  }

  /** Every entry, oldest first (copies). */
  entries(): Promise<LedgerEntry[]> {
    return this.#serial(() => this.#read());
  }

  /** Deletes every entry. */
  clear(): Promise<void> {
    return this.#serial(() => this.#kv.delete(this.#key));
  }

  /** A report an employee can read: a heading, then one block per upload, oldest first. */
  async exportText(options: { now?: number } = {}): Promise<string> {
    return formatLedger(await this.entries(), { delta: this.#delta, now: options.now ?? Date.now() });
  }

  /** Runs `fn` after every earlier operation, so appends never lose each other. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#writes.catch(() => {}).then(fn);
    this.#writes = run;
    return run;
  }

  async #read(): Promise<LedgerEntry[]> {
    const raw = await this.#kv.get(this.#key);
    if (raw === undefined) return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ClientError('STORAGE_CORRUPT', `saved ledger (${this.#key}) is not valid JSON`);
    }
    const v = value as { format?: unknown; version?: unknown; entries?: unknown } | null;
    if (typeof v !== 'object' || v === null || v.format !== FORMAT || v.version !== VERSION || !Array.isArray(v.entries)) {
      throw new ClientError('STORAGE_CORRUPT', `saved ledger (${this.#key}) is not ${FORMAT} version ${VERSION}`);
    }
    return v.entries.map((e, k) => {
      try {
        return validateLedgerEntry(e as LedgerEntryInput);
      } catch (err) {
        throw new ClientError('STORAGE_CORRUPT', `saved ledger entry ${k}: ${(err as Error).message}`);
      }
    });
  }
}

/**
 * Checks an entry against the schema — exactly the documented fields, each in its domain — and
 * returns a normalised copy (time as ISO 8601). Throws `INVALID_LEDGER_ENTRY` naming the field.
 */
export function validateLedgerEntry(entry: LedgerEntryInput): LedgerEntry {
  const bad = (why: string) => new ClientError('INVALID_LEDGER_ENTRY', `ledger entry ${why}`);
  if (!isPlainObject(entry)) throw bad(`must be a plain object, got ${describe(entry)}`);
  const e = entry as unknown as Record<string, unknown>;
  for (const k of Object.keys(e)) if (!ENTRY_KEYS.has(k)) throw bad(`has field ${JSON.stringify(k)}, which is not in the ledger's schema`);

  const time = normaliseTime(e.time);
  if (time === undefined) throw bad(`time must be an ISO 8601 string or ms since the epoch, got ${describe(e.time)}`);
  const kind = e.kind ?? 'update';
  if (kind !== 'update' && kind !== 'evaluation') throw bad(`kind must be 'update' or 'evaluation', got ${describe(kind)}`);
  const taskId = e.taskId;
  if (typeof taskId !== 'string' || taskId.length === 0 || taskId.length > MAX_TASK_ID_LENGTH) throw bad(`taskId must be a string of 1 to ${MAX_TASK_ID_LENGTH} characters, got ${describe(taskId)}`);
  const purpose = e.purpose;
  if (typeof purpose !== 'string' || purpose.length > MAX_PURPOSE_LENGTH) throw bad(`purpose must be a string of at most ${MAX_PURPOSE_LENGTH} characters, got ${describe(purpose)}`);
  const modelVersion = count(e.modelVersion, 'modelVersion', bad);
  const streams = e.streams;
  if (!Array.isArray(streams) || streams.length > MAX_LEDGER_STREAMS || !streams.every((s) => typeof s === 'string' && STREAM_NAME.test(s))) {
    throw bad(`streams must be an array of at most ${MAX_LEDGER_STREAMS} stream names, got ${describe(streams)}`);
  }
  const examples = count(e.examples, 'examples', bad);
  const updateNorm = e.updateNorm;
  if (typeof updateNorm !== 'number' || !Number.isFinite(updateNorm) || updateNorm < 0) throw bad(`updateNorm must be a finite number >= 0, got ${describe(updateNorm)}`);
  const bytesSent = count(e.bytesSent, 'bytesSent', bad);
  const sha256 = e.sha256;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw bad(`sha256 must be 64 lowercase hex digits, got ${describe(sha256)}`);

  const out: LedgerEntry = { time, kind, taskId, purpose, modelVersion, streams: [...(streams as string[])], examples, updateNorm, bytesSent, sha256 };
  if (e.privacy !== undefined) {
    const p = e.privacy;
    if (!isPlainObject(p)) throw bad(`privacy must be a plain object, got ${describe(p)}`);
    const pr = p as Record<string, unknown>;
    for (const k of Object.keys(pr)) if (!PRIVACY_KEYS.has(k)) throw bad(`privacy has field ${JSON.stringify(k)}, which is not in the ledger's schema`);
    const nonNegative = (v: unknown, name: string): number => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw bad(`privacy.${name} must be a finite number >= 0, got ${describe(v)}`);
      return v;
    };
    const samplingRate = nonNegative(pr.samplingRate, 'samplingRate');
    if (samplingRate > 1) throw bad(`privacy.samplingRate must be in [0, 1], got ${samplingRate}`);
    const clipNorm = nonNegative(pr.clipNorm, 'clipNorm');
    if (clipNorm === 0) throw bad('privacy.clipNorm must be > 0, got 0');
    out.privacy = { noiseMultiplier: nonNegative(pr.noiseMultiplier, 'noiseMultiplier'), samplingRate, clipNorm, epsilonShare: nonNegative(pr.epsilonShare, 'epsilonShare') };
  }
  if (e.secureAggregationCohort !== undefined) {
    const n = count(e.secureAggregationCohort, 'secureAggregationCohort', bad);
    if (n < 1) throw bad('secureAggregationCohort must be >= 1, got 0');
    out.secureAggregationCohort = n;
  }
  return out;
}

/** SHA-256 of `bytes` (or of the concatenation of several chunks, in order), lowercase hex (node:crypto in Node, WebCrypto elsewhere). */
export async function sha256Hex(bytes: Uint8Array | readonly Uint8Array[]): Promise<string> {
  let data: Uint8Array;
  if (bytes instanceof Uint8Array) {
    data = bytes;
  } else {
    data = new Uint8Array(bytes.reduce((n, b) => n + b.byteLength, 0));
    let offset = 0;
    for (const b of bytes) {
      data.set(b, offset);
      offset += b.byteLength;
    }
  }
  return hex(await sha256(data));
}

/** Width of the label column in the text export ("Differential privacy:" and a space). */
const LABEL_WIDTH = 22;

/** The text of {@link Ledger.exportText}, for entries held elsewhere. */
export function formatLedger(entries: readonly LedgerEntry[], options: { delta?: number; now?: number } = {}): string {
  const delta = options.delta ?? DEFAULT_PRIVACY_DELTA;
  const lines = [
    'Conclave: what this device sent',
    `Report made ${new Date(options.now ?? Date.now()).toISOString()}. ${entries.length === 1 ? '1 upload' : `${entries.length} uploads`}.`,
    'Each upload is a model update computed on this device. The examples it was computed from never left the device.',
  ];
  entries.forEach((e, k) => {
    const row = (label: string, value: string) => {
      const [first = '', ...rest] = clean(value).split('\n');
      lines.push(`  ${`${label}:`.padEnd(LABEL_WIDTH)}${first}`, ...rest.map((l) => `${' '.repeat(LABEL_WIDTH + 2)}${l}`));
    };
    lines.push('', `Upload ${k + 1} of ${entries.length}, ${e.time}${e.kind === 'evaluation' ? ' (evaluation: held-out examples, loss and correct predictions as sums)' : ''}`);
    row('Task', e.taskId);
    row('Purpose', e.purpose || '(none given)');
    row('Model version', String(e.modelVersion));
    row('Data streams', e.streams.length ? e.streams.join(', ') : '(none)');
    row('Examples used', e.examples.toLocaleString('en-US'));
    row('Update norm', `${num(e.updateNorm)} (after clipping)`);
    if (e.privacy) {
      const p = e.privacy;
      row('Differential privacy', `noise multiplier ${num(p.noiseMultiplier)}, sampling rate ${num(p.samplingRate)}, clipping norm ${num(p.clipNorm)}`);
      row('Your ε share', `${num(p.epsilonShare)} (at δ = ${delta.toExponential()}, added to this device's own privacy account)`);
    } else {
      row('Differential privacy', 'off for this task');
    }
    row(
      'Secure aggregation',
      e.secureAggregationCohort === undefined ? 'off for this task' : `summed with a cohort of ${e.secureAggregationCohort.toLocaleString('en-US')} devices before the server could see it`,
    );
    row('Bytes sent', e.bytesSent.toLocaleString('en-US'));
    row('SHA-256', e.sha256);
  });
  return `${lines.join('\n')}\n`;
}

function normaliseTime(t: unknown): string | undefined {
  const ms = typeof t === 'number' ? t : typeof t === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(t) ? Date.parse(t) : NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return new Date(ms).toISOString();
}

function count(v: unknown, name: string, bad: (why: string) => ClientError): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw bad(`${name} must be a non-negative integer, got ${describe(v)}`);
  return v;
}

function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') {
    if (Array.isArray(v)) return `an array of ${v.length}`;
    const name = (v as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Control and bidirectional-override characters could disguise a report; show them as U+FFFD. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}
