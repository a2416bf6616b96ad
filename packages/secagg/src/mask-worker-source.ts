/**
 * The body of a mask-expansion worker thread (`prg-node.ts` runs it with `new Worker(source,
 * { eval: true })`), as plain JavaScript text: a worker started from a string needs no loader,
 * so the same pool runs from `src/` under tsx or vitest and from `dist/` once built. It computes
 * exactly what `applyOne` in `prg-node.ts` computes (test/prg-workers.test.ts checks every bit):
 *
 *   key  = HKDF-SHA256(secret, KDF_SALT, info)                                   (RFC 5869)
 *   mask = AES-256-CTR(key, all-zero counter block) over zero bytes, in 16 KB chunks
 *   partial[i] += sign · mask[i]   (mod 2^32, little-endian words)
 *
 * Messages (main → worker):
 *   { op: 'batch', session, length, salt, terms: [{ secret, info, sign }] }
 *       adds the terms into the session's partial sum (created zeroed on first use), wipes
 *       each secret, answers { op: 'done', session, count } or { op: 'error', session, message }
 *   { op: 'flush', session }     answers { op: 'partial', session, buffer } (transferred)
 *   { op: 'discard', session }   forgets the session's partial sum
 *   { op: 'recycle', buffer }    a partial sum's buffer back for reuse (transferred)
 * Only memory that stays mapped is touched: the 16 KB keystream chunks are recycled by malloc,
 * and partial sums are handed back and forth instead of freshly allocated per session.
 */
export const MASK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const { createCipheriv, hkdfSync } = require('node:crypto');

const CHUNK_BYTES = 16 * 1024;
const CHUNK_WORDS = CHUNK_BYTES / 4;
const ZERO_CHUNK = Buffer.alloc(CHUNK_BYTES);
const ZERO_COUNTER = Buffer.alloc(16);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const sessions = new Map();
const spare = [];

function partialFor(session, length) {
  let partial = sessions.get(session);
  if (partial === undefined) {
    const index = spare.findIndex((b) => b.byteLength === 4 * length);
    if (index >= 0) {
      partial = new Int32Array(spare.splice(index, 1)[0]);
      partial.fill(0);
    } else {
      partial = new Int32Array(length);
    }
    sessions.set(session, partial);
  }
  return partial;
}

function applyOne(target, secret, info, salt, sign) {
  const key = Buffer.from(hkdfSync('sha256', secret, salt, info, 32));
  const cipher = createCipheriv('aes-256-ctr', key, ZERO_COUNTER);
  key.fill(0);
  const length = target.length;
  for (let offset = 0; offset < length; offset += CHUNK_WORDS) {
    const words = Math.min(CHUNK_WORDS, length - offset);
    const out = cipher.update(words === CHUNK_WORDS ? ZERO_CHUNK : ZERO_CHUNK.subarray(0, 4 * words));
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
      const partial = partialFor(m.session, m.length);
      for (const term of m.terms) {
        applyOne(partial, term.secret, term.info, m.salt, term.sign);
        term.secret.fill(0);
      }
      parentPort.postMessage({ op: 'done', session: m.session, count: m.terms.length });
    } catch (error) {
      sessions.delete(m.session);
      for (const term of m.terms) term.secret.fill(0);
      parentPort.postMessage({ op: 'error', session: m.session, message: String(error && error.message || error) });
    }
  } else if (m.op === 'flush') {
    const partial = sessions.get(m.session);
    sessions.delete(m.session);
    const buffer = partial === undefined ? new ArrayBuffer(0) : partial.buffer;
    parentPort.postMessage({ op: 'partial', session: m.session, buffer }, [buffer]);
  } else if (m.op === 'discard') {
    sessions.delete(m.session);
  } else if (m.op === 'recycle') {
    if (spare.length < 4) spare.push(m.buffer);
  }
});
`;
