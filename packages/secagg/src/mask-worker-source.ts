/**
 * The body of a mask-expansion worker thread (`prg-node.ts` runs it with `new Worker(source,
 * { eval: true })`), as plain JavaScript text: a worker started from a string needs no loader,
 * so the same pool runs from `src/` under tsx or vitest and from `dist/` once built. It computes
 * exactly what `applyOne` in `prg-node.ts` computes (test/prg-workers.test.ts checks every bit):
 *
 *   key  = HKDF-SHA256(secret, KDF_SALT, info)  (RFC 5869, as its two HMACs: L = 32 is one block)
 *   mask = AES-256-CTR(key, all-zero counter block) over zero bytes, in 16 KB chunks
 *   partial[i] += sign · mask[i]   (mod 2^32, little-endian words)
 *
 * `workerData`: { maskAddWasm: the bytes of `mask-add-wasm.ts`, or null for the scalar add }.
 * With the module (little-endian hosts), each session's partial sum lives in a WebAssembly
 * memory of its own beside one 16 KB chunk area: every keystream chunk is copied there and added
 * with `i32x4.add`/`i32x4.sub`, the last (length mod 4) words by the scalar loop.
 *
 * Messages (main → worker):
 *   { op: 'batch', session, length, salt, terms: [{ secret, info, sign }] }
 *       adds the terms into the session's partial sum (created zeroed on first use), wipes
 *       each secret, answers { op: 'done', session, count } or { op: 'error', session, message }
 *   { op: 'flush', session }     answers { op: 'partial', session, buffer } (a copy, transferred)
 *   { op: 'discard', session }   forgets the session's partial sum
 * Only memory that stays mapped is touched per mask: the 16 KB keystream chunks are recycled by
 * malloc, and a finished session's storage is kept (up to 4) for the next session of its length.
 */
export const MASK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createHmac } = require('node:crypto');

const CHUNK_BYTES = 16 * 1024;
const CHUNK_WORDS = CHUNK_BYTES / 4;
const ZERO_CHUNK = Buffer.alloc(CHUNK_BYTES);
const ZERO_COUNTER = Buffer.alloc(16);
const HKDF_BLOCK_1 = Buffer.from([1]);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const WASM_PAGE = 65536;
const simd = LITTLE_ENDIAN && workerData && workerData.maskAddWasm ? new WebAssembly.Module(workerData.maskAddWasm) : undefined;
const sessions = new Map();
const spare = [];

function newStorage(length) {
  if (simd === undefined) return { length, partial: new Int32Array(length) };
  const chunkAt = Math.ceil((4 * length) / 16) * 16;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((chunkAt + CHUNK_BYTES) / WASM_PAGE) });
  const { add, sub } = new WebAssembly.Instance(simd, { env: { memory } }).exports;
  return {
    length,
    partial: new Int32Array(memory.buffer, 0, length),
    chunkAt,
    chunkBytes: new Uint8Array(memory.buffer, chunkAt, CHUNK_BYTES),
    chunkWords: new Int32Array(memory.buffer, chunkAt, CHUNK_WORDS),
    add,
    sub,
  };
}

function storageFor(session, length) {
  let storage = sessions.get(session);
  if (storage === undefined) {
    const index = spare.findIndex((s) => s.length === length);
    if (index >= 0) {
      storage = spare.splice(index, 1)[0];
      storage.partial.fill(0);
    } else {
      storage = newStorage(length);
    }
    sessions.set(session, storage);
  }
  return storage;
}

function release(session) {
  const storage = sessions.get(session);
  sessions.delete(session);
  if (storage !== undefined && spare.length < 4) spare.push(storage);
}

/** HKDF-SHA256 with a 32-byte output (RFC 5869 §2.2–2.3): PRK = HMAC(salt, IKM), OKM = HMAC(PRK, info ‖ 0x01). */
function hkdf32(secret, salt, info) {
  const prk = createHmac('sha256', salt).update(secret).digest();
  const key = createHmac('sha256', prk).update(info).update(HKDF_BLOCK_1).digest();
  prk.fill(0);
  return key;
}

function applyOne(storage, secret, info, salt, sign) {
  const key = hkdf32(secret, salt, info);
  const cipher = createCipheriv('aes-256-ctr', key, ZERO_COUNTER);
  key.fill(0);
  const target = storage.partial;
  const length = target.length;
  for (let offset = 0; offset < length; offset += CHUNK_WORDS) {
    const words = Math.min(CHUNK_WORDS, length - offset);
    const out = cipher.update(words === CHUNK_WORDS ? ZERO_CHUNK : ZERO_CHUNK.subarray(0, 4 * words));
    if (storage.add !== undefined) {
      storage.chunkBytes.set(out);
      const vector = words & ~3;
      (sign === 1 ? storage.add : storage.sub)(4 * offset, storage.chunkAt, vector);
      const mask = storage.chunkWords;
      if (sign === 1) for (let i = vector; i < words; i++) target[offset + i] = (target[offset + i] + mask[i]) | 0;
      else for (let i = vector; i < words; i++) target[offset + i] = (target[offset + i] - mask[i]) | 0;
      continue;
    }
    const aligned = out.byteOffset % 4 === 0 ? out : Buffer.from(out);
    if (!LITTLE_ENDIAN) aligned.swap32();
    const mask = new Int32Array(aligned.buffer, aligned.byteOffset, words);
    if (sign === 1) for (let i = 0; i < words; i++) target[offset + i] = (target[offset + i] + mask[i]) | 0;
    else for (let i = 0; i < words; i++) target[offset + i] = (target[offset + i] - mask[i]) | 0;
  }
}

parentPort.on('message', (m) => {
  if (m.op === 'batch') {
    try {
      const storage = storageFor(m.session, m.length);
      for (const term of m.terms) {
        applyOne(storage, term.secret, term.info, m.salt, term.sign);
        term.secret.fill(0);
      }
      parentPort.postMessage({ op: 'done', session: m.session, count: m.terms.length });
    } catch (error) {
      release(m.session);
      for (const term of m.terms) term.secret.fill(0);
      parentPort.postMessage({ op: 'error', session: m.session, message: String(error && error.message || error) });
    }
  } else if (m.op === 'flush') {
    const storage = sessions.get(m.session);
    const buffer = storage === undefined ? new ArrayBuffer(0) : storage.partial.slice().buffer;
    release(m.session);
    parentPort.postMessage({ op: 'partial', session: m.session, buffer }, [buffer]);
  } else if (m.op === 'discard') {
    release(m.session);
  }
});
`;
