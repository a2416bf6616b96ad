/**
 * node:crypto implementation of the mask PRG of `prg.ts`: the same HKDF-SHA256 key and the same
 * AES-256-CTR keystream from an all-zero counter block, so the same masks bit for bit
 * (test/prg.test.ts). Node-only: package code reaches it only through the `#prg-backend` import,
 * whose `node` condition selects it (the node:crypto provider's mask PRG).
 *
 * Why a second implementation: Node's WebCrypto copies the 4·L-byte zero input into a buffer
 * it wipes with OPENSSL_cleanse after use, which profiles as costly as the AES itself, and
 * allocates a fresh 4·L-byte output per mask. One 400 KB `cipher.update` into fresh memory runs
 * at about 0.3 GB/s on the 2-core benchmark machine (page faults on newly mapped pages); the
 * same bytes in 16 KB chunks, which malloc recycles while they are still in cache, at about
 * 1.9 GB/s. So one cipher streams over a 16 KB zero block and each chunk is added at once.
 *
 * Two ways to run it: {@link nodeMaskPrg} on the calling thread, and {@link createWorkerMaskPrg},
 * a pool of worker threads (one per core by default) that each add their share of the terms
 * into a partial sum of their own; the partial sums are added into the target at the end
 * (addition mod 2^32 commutes, so the result is the same bits: test/prg-workers.test.ts). The
 * calling thread keeps producing terms (e.g. the server's X25519 agreements) meanwhile, and its
 * event loop stays free. {@link platformMaskPrg} uses the pool for vectors long enough to repay
 * the messages.
 */
import { createCipheriv, createHmac } from 'node:crypto';
import os from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { MASK_ADD_WASM } from './mask-add-wasm.ts';
import { MASK_WORKER_SOURCE } from './mask-worker-source.ts';
import { KDF_SALT, LITTLE_ENDIAN, fromLittleEndian, type MaskPrg, type MaskTerm } from './prg.ts';

/** Keystream bytes per cipher update: small enough that malloc hands back still-mapped, cached memory. */
const CHUNK_BYTES = 16 * 1024;
const CHUNK_WORDS = CHUNK_BYTES / 4;
const ZERO_CHUNK = Buffer.alloc(CHUNK_BYTES);
const ZERO_COUNTER = Buffer.alloc(16);
const HKDF_BLOCK_1 = Buffer.from([1]);
/** Yield to the event loop at least this often, so a long unmasking never stalls the server. @default 20 */
const YIELD_EVERY_MS = 20;

/**
 * HKDF-SHA256 with a 32-byte output (RFC 5869 §2.2–2.3) as its two HMACs: PRK = HMAC(salt, IKM),
 * OKM = T(1) = HMAC(PRK, info ‖ 0x01). The same bytes as `hkdfSync` (test/prg.test.ts compares
 * them), which costs ≈ 35–50 µs a call here against ≈ 8 µs for the two HMACs.
 */
export function hkdfSha256Key(secret: Uint8Array, info: Uint8Array): Buffer {
  const prk = createHmac('sha256', KDF_SALT).update(secret).digest();
  const key = createHmac('sha256', prk).update(info).update(HKDF_BLOCK_1).digest();
  prk.fill(0);
  return key;
}

function applyOne(target: Int32Array, term: MaskTerm): void {
  const key = hkdfSha256Key(term.secret, term.info);
  const cipher = createCipheriv('aes-256-ctr', key, ZERO_COUNTER);
  key.fill(0);
  const length = target.length;
  for (let offset = 0; offset < length; offset += CHUNK_WORDS) {
    const words = Math.min(CHUNK_WORDS, length - offset);
    const out = cipher.update(words === CHUNK_WORDS ? ZERO_CHUNK : ZERO_CHUNK.subarray(0, 4 * words));
    const aligned = out.byteOffset % 4 === 0 ? out : Buffer.from(out);
    const mask = new Int32Array(aligned.buffer, aligned.byteOffset, words);
    if (!LITTLE_ENDIAN) fromLittleEndian(new Uint32Array(mask.buffer, mask.byteOffset, words));
    // Int32 views keep the JIT in int32 registers; `| 0` is addition mod 2^32.
    if (term.sign === 1) for (let i = 0; i < words; i++) target[offset + i] = ((target[offset + i] as number) + (mask[i] as number)) | 0;
    else for (let i = 0; i < words; i++) target[offset + i] = ((target[offset + i] as number) - (mask[i] as number)) | 0;
  }
}

const int32View = (target: Uint32Array): Int32Array => new Int32Array(target.buffer, target.byteOffset, target.length);

/** The mask PRG on the calling thread (yielding to the event loop every 20 ms). */
export const nodeMaskPrg: MaskPrg = {
  name: 'node',
  async apply(target, terms) {
    const view = int32View(target);
    let applied = 0;
    let lastYield = performance.now();
    for (const term of terms) {
      applyOne(view, term);
      applied++;
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await setImmediate();
        lastYield = performance.now();
      }
    }
    return applied;
  },
};

export interface WorkerMaskPrgOptions {
  /** Worker threads. @default os.availableParallelism() */
  readonly workers?: number;
  /** Vectors shorter than this many words are masked on the calling thread. @default 4096 */
  readonly minWorkerLength?: number;
  /**
   * Add each keystream chunk with WebAssembly SIMD (`mask-add-wasm.ts`) on little-endian hosts;
   * false keeps the scalar JavaScript add (same bits; for tests and comparison). @default true
   */
  readonly simd?: boolean;
}

/** Keystream bytes one batch message carries work for (≈ 1 ms of AES), so messaging stays negligible. */
const BATCH_TARGET_BYTES = 2 ** 21;
const MAX_BATCH_TERMS = 64;
/** Batches queued per worker, so a worker never waits for the calling thread. */
const BATCHES_IN_FLIGHT = 2;

type WorkerReply =
  | { op: 'done'; session: number; count: number }
  | { op: 'error'; session: number; message: string }
  | { op: 'partial'; session: number; buffer: ArrayBuffer };

interface Session {
  onReply(slot: Slot, reply: WorkerReply): void;
  onWorkerLost(slot: Slot, error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  /** Sessions with batches or a partial sum in this worker. */
  readonly sessions: Map<number, Session>;
  lost: Error | undefined;
}

/**
 * A pool of mask-expansion worker threads, started on first use and `unref`ed (they never keep a
 * process alive). Each `apply` is a session: batches of terms go to whichever worker has room,
 * each worker adds them into its own partial sum, and at the end the partial sums are added into
 * `target`. Memory: one L-word partial sum per worker per concurrent session.
 */
export function createWorkerMaskPrg(options: WorkerMaskPrgOptions = {}): MaskPrg & { close(): Promise<void> } {
  const size = Math.max(1, Math.floor(options.workers ?? os.availableParallelism()));
  const minWorkerLength = options.minWorkerLength ?? 4096;
  const simd = options.simd !== false && LITTLE_ENDIAN && WebAssembly.validate(MASK_ADD_WASM);
  const workerData = { maskAddWasm: simd ? MASK_ADD_WASM : null };
  let slots: Slot[] | undefined;
  let nextSession = 1;

  const start = (): Slot[] => {
    if (slots !== undefined) return slots;
    const started: Slot[] = [];
    for (let i = 0; i < size; i++) {
      const worker = new Worker(MASK_WORKER_SOURCE, { eval: true, workerData });
      worker.unref();
      const slot: Slot = { worker, sessions: new Map(), lost: undefined };
      worker.on('message', (reply: WorkerReply) => slot.sessions.get(reply.session)?.onReply(slot, reply));
      const lose = (error: Error): void => {
        if (slot.lost !== undefined) return;
        slot.lost = error;
        for (const session of [...slot.sessions.values()]) session.onWorkerLost(slot, error);
        slot.sessions.clear();
      };
      worker.on('error', lose);
      worker.on('exit', (code) => lose(new Error(`mask worker exited with code ${code}`)));
      started.push(slot);
    }
    slots = started;
    return started;
  };

  async function applyInWorkers(target: Uint32Array, terms: Iterable<MaskTerm>): Promise<number> {
    const pool = start().filter((s) => s.lost === undefined);
    if (pool.length === 0) return nodeMaskPrg.apply(target, terms);
    const id = nextSession++;
    const length = target.length;
    const batchTerms = Math.max(1, Math.min(MAX_BATCH_TERMS, Math.ceil(BATCH_TARGET_BYTES / (4 * length))));
    const iterator = terms[Symbol.iterator]();
    const inflight = new Map<Slot, number>(pool.map((s) => [s, 0]));
    const touched = new Set<Slot>();
    let applied = 0;
    let exhausted = false;
    let failed: Error | undefined;

    const phaseOne = new Promise<void>((resolve, reject) => {
      const fail = (error: Error): void => {
        if (failed !== undefined) return;
        failed = error;
        for (const slot of touched) {
          slot.sessions.delete(id);
          if (slot.lost === undefined) slot.worker.postMessage({ op: 'discard', session: id });
        }
        reject(error);
      };
      const pump = (): void => {
        for (const slot of pool) {
          while (failed === undefined && !exhausted && (inflight.get(slot) as number) < BATCHES_IN_FLIGHT) {
            const batch: MaskTerm[] = [];
            try {
              while (batch.length < batchTerms) {
                const next = iterator.next();
                if (next.done === true) {
                  exhausted = true;
                  break;
                }
                batch.push(next.value);
              }
            } catch (error) {
              fail(error instanceof Error ? error : new Error(String(error)));
              return;
            }
            if (batch.length === 0) break;
            // Secrets are copied into the message, and the worker wipes its copy once used.
            const message = { op: 'batch', session: id, length, salt: KDF_SALT, terms: batch.map((t) => ({ secret: t.secret.slice(), info: t.info, sign: t.sign })) };
            inflight.set(slot, (inflight.get(slot) as number) + 1);
            touched.add(slot);
            slot.sessions.set(id, session);
            slot.worker.postMessage(message);
          }
        }
        if (failed === undefined && exhausted && [...inflight.values()].every((n) => n === 0)) resolve();
      };
      const session: Session = {
        onReply(slot, reply) {
          if (failed !== undefined) return;
          if (reply.op === 'error') return fail(new Error(`mask worker failed: ${reply.message}`));
          if (reply.op !== 'done') return;
          applied += reply.count;
          inflight.set(slot, (inflight.get(slot) as number) - 1);
          pump();
        },
        onWorkerLost(_slot, error) {
          fail(error);
        },
      };
      pump();
    });
    await phaseOne;

    // Every batch is in; add each worker's partial sum into the target.
    const view = int32View(target);
    await Promise.all(
      [...touched].map(
        (slot) =>
          new Promise<void>((resolve, reject) => {
            slot.sessions.set(id, {
              onReply(_slot, reply) {
                if (reply.op !== 'partial') return;
                slot.sessions.delete(id);
                const partial = new Int32Array(reply.buffer);
                if (partial.length === length) for (let i = 0; i < length; i++) view[i] = ((view[i] as number) + (partial[i] as number)) | 0;
                else if (partial.length !== 0 || applied !== 0) return reject(new Error(`mask worker returned ${partial.length} words, expected ${length}`));
                resolve();
              },
              onWorkerLost(_slot, error) {
                reject(error);
              },
            });
            slot.worker.postMessage({ op: 'flush', session: id });
          }),
      ),
    );
    return applied;
  }

  return {
    name: simd ? 'node-workers-simd' : 'node-workers',
    apply(target, terms) {
      if (target.length < minWorkerLength) return nodeMaskPrg.apply(target, terms);
      return applyInWorkers(target, terms);
    },
    async close() {
      const running = slots ?? [];
      slots = undefined;
      await Promise.all(running.map((s) => s.worker.terminate()));
    },
  };
}

/** What `#prg-backend` exports under every condition: here, the node:crypto PRG on worker threads. */
export const platformMaskPrg: MaskPrg = createWorkerMaskPrg();
