/**
 * The mask PRG against an independent computation with node:crypto (hkdfSync + AES-256-CTR
 * createCipheriv), domain separation, the streaming accumulator, and the Node fast path
 * (src/prg-node.ts) giving the same bytes as the WebCrypto one.
 */
import { createCipheriv, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../src/bytes.ts';
import { KDF_SALT, keyInfo } from '../src/prg.ts';
import { applyMasks, expandMask, webCryptoMaskPrg } from '../src/prg-web.ts';
import { hkdfSha256Key, nodeMaskPrg } from '../src/prg-node.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

function reference(secret: Uint8Array, info: Uint8Array, length: number): Uint32Array {
  const key = Buffer.from(hkdfSync('sha256', secret, utf8('conclave/secagg/v1'), info, 32));
  const stream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(4 * length));
  const out = new Uint32Array(length);
  for (let i = 0; i < length; i++) out[i] = stream.readUInt32LE(4 * i);
  return out;
}

describe('mask PRG: HKDF-SHA256 → AES-256-CTR via WebCrypto', () => {
  const rng = new SeededRandom('prg');
  const roundId = rng.bytes(16);

  it('equals HKDF + AES-CTR computed independently with node:crypto', async () => {
    for (const length of [1, 3, 16, 1000, 70_000]) {
      const secret = rng.bytes(32);
      const info = keyInfo('pairwise-mask', roundId, 3, 9);
      expect(await expandMask(secret, info, length)).toEqual(reference(secret, info, length));
    }
  });

  it('separates purposes, rounds and pairs', async () => {
    const secret = rng.bytes(32);
    const masks = await Promise.all([
      expandMask(secret, keyInfo('pairwise-mask', roundId, 1, 2), 8),
      expandMask(secret, keyInfo('self-mask', roundId, 1, 2), 8),
      expandMask(secret, keyInfo('pairwise-mask', rng.bytes(16), 1, 2), 8),
      expandMask(secret, keyInfo('pairwise-mask', roundId, 1, 3), 8),
      expandMask(secret, keyInfo('pairwise-mask', roundId, 2, 1), 8),
    ]);
    const distinct = new Set(masks.map((m) => Array.from(m).join(',')));
    expect(distinct.size).toBe(masks.length);
  });

  it('a mask added by one party and subtracted by the other cancels', async () => {
    const secret = rng.bytes(32);
    const info = keyInfo('pairwise-mask', roundId, 4, 5);
    const x = Uint32Array.from({ length: 100 }, () => rng.uint32());
    const y = x.slice();
    await applyMasks(y, [{ secret, info, sign: 1 }]);
    expect(y).not.toEqual(x);
    await applyMasks(y, [{ secret, info, sign: -1 }]);
    expect(y).toEqual(x);
  });

  it('applyMasks streams any number of terms with bounded concurrency and exact mod-2^32 sums', async () => {
    const terms = Array.from({ length: 11 }, (_, i) => ({ secret: rng.bytes(32), info: keyInfo('self-mask', roundId, i + 1, 0), sign: (i % 3 === 0 ? -1 : 1) as 1 | -1 }));
    const target = new Uint32Array(257);
    const applied = await applyMasks(target, terms, 2);
    expect(applied).toBe(11);
    const expected = new Uint32Array(257);
    for (const t of terms) {
      const m = reference(t.secret, t.info, 257);
      for (let i = 0; i < 257; i++) expected[i] = (expected[i] as number) + t.sign * (m[i] as number);
    }
    expect(target).toEqual(expected);
  });

  it('keyInfo is purpose ‖ 0x00 ‖ roundId ‖ u32be(a) ‖ u32be(b)', () => {
    expect(toHex(keyInfo('pairwise-mask', Uint8Array.of(0xab, 0xcd), 7, 0x01020304))).toBe(toHex(utf8('pairwise-mask')) + '00' + 'abcd' + '00000007' + '01020304');
    expect(toHex(keyInfo('self-mask', new Uint8Array(16), 0xffffffff, 0))).toBe(toHex(utf8('self-mask')) + '00' + '00'.repeat(16) + 'ffffffff' + '00000000');
  });

  it('the node PRG\'s HKDF as two HMACs equals node:crypto\'s hkdfSync (RFC 5869)', () => {
    for (let i = 0; i < 20; i++) {
      const secret = rng.bytes(32);
      const info = keyInfo(i % 2 === 0 ? 'self-mask' : 'pairwise-mask', roundId, i, i + 1);
      expect(new Uint8Array(hkdfSha256Key(secret, info))).toEqual(new Uint8Array(hkdfSync('sha256', secret, KDF_SALT, info, 32)));
    }
  });

  it('the node:crypto PRG adds exactly the same masks as the WebCrypto PRG', async () => {
    // Lengths around the 4,096-word (16 KB) chunk of prg-node.ts, and a few terms of each sign.
    for (const length of [1, 7, 4095, 4096, 4097, 8192, 20_000]) {
      const terms = Array.from({ length: 5 }, (_, i) => ({ secret: rng.bytes(32), info: keyInfo('pairwise-mask', roundId, i, length), sign: (i % 2 === 0 ? 1 : -1) as 1 | -1 }));
      const start = Uint32Array.from({ length }, () => rng.uint32());
      const viaWeb = start.slice();
      const viaNode = start.slice();
      expect(await webCryptoMaskPrg.apply(viaWeb, terms)).toBe(5);
      expect(await nodeMaskPrg.apply(viaNode, terms)).toBe(5);
      expect(viaNode).toEqual(viaWeb);
    }
  });
});
