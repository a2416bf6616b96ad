import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nativeCrypto as nodeCrypto, opensslCrypto, sodiumCrypto } from '../src/trust/native-crypto-node.ts';
import type { NativeCrypto } from '../src/trust/native-crypto.ts';
import { nativeCrypto as webFallback } from '../src/trust/native-crypto-web.ts';
import { ed25519Sign, generateSigningKeyPair } from '../src/index.ts';

const subtle = webcrypto.subtle;

async function webVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    const key = await subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
    return await subtle.verify('Ed25519', key, signature, message);
  } catch {
    return false;
  }
}

/** Group order L of edwards25519, little-endian (RFC 8032 §5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const leBytes = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const leValue = (b: Uint8Array) => b.reduceRight((n, x) => (n << 8n) | BigInt(x), 0n);

it('elsewhere there is no native path (the trust checks use WebCrypto); in Node libsodium verifies where sodium-native loads', () => {
  expect(webFallback).toBeUndefined();
  expect(nodeCrypto).toBe(process.env.CONCLAVE_NATIVE_CRYPTO === 'openssl' ? opensslCrypto : sodiumCrypto);
  if (process.env.CONCLAVE_NATIVE_CRYPTO !== 'openssl') expect(sodiumCrypto, 'sodium-native is installed in this workspace').toBeDefined();
});

const natives: Array<[string, NativeCrypto]> = [['node:crypto', opensslCrypto]];
if (sodiumCrypto) natives.push(['libsodium', sodiumCrypto]);

describe.each(natives)('#native-crypto: %s answers as WebCrypto does', (_label, native) => {
  it('SHA-256 of any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        expect(Buffer.from(native.sha256(bytes)).toString('hex')).toBe(Buffer.from(await subtle.digest('SHA-256', bytes)).toString('hex'));
      }),
    );
    // A view into a larger buffer hashes only its own bytes.
    const big = new Uint8Array(100).map((_, i) => i);
    expect(native.sha256(big.subarray(10, 20))).toEqual(native.sha256(big.slice(10, 20)));
  });

  it('Ed25519: a genuine signature, a changed message, another key, a malleated S, malformed keys and signatures', async () => {
    const pair = await generateSigningKeyPair();
    const other = await generateSigningKeyPair();
    const message = new TextEncoder().encode('conclave certificate');
    const signature = await ed25519Sign(pair, message);
    const malleated = signature.slice();
    malleated.set(leBytes(leValue(signature.subarray(32)) + L), 32); // S + L: the same point equation, S not reduced
    const cases: Array<[Uint8Array, Uint8Array, Uint8Array]> = [
      [pair.publicKey, message, signature],
      [pair.publicKey, message.subarray(1), signature],
      [other.publicKey, message, signature],
      [pair.publicKey, message, malleated],
      [new Uint8Array(32), message, signature],
      [new Uint8Array(32).fill(0xff), message, signature],
      [pair.publicKey, message, new Uint8Array(64)],
      [pair.publicKey.subarray(1), message, signature],
      [pair.publicKey, message, signature.subarray(1)],
    ];
    const answers = cases.map(([k, m, s]) => native.ed25519Verify(k, m, s));
    expect(answers[0]).toBe(true);
    expect(answers.slice(1).every((a) => a === false)).toBe(true);
    for (const [i, [k, m, s]] of cases.entries()) expect(answers[i], `case ${i}`).toBe(await webVerify(k, m, s));
  });

  it('Ed25519: random keys, messages and flipped bits agree with WebCrypto', async () => {
    const pair = await generateSigningKeyPair();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.nat(64 * 8 + 32 * 8 - 1), fc.boolean(), async (message, bit, flip) => {
        const signature = await ed25519Sign(pair, message);
        const key = pair.publicKey.slice();
        if (flip) {
          // Flip one bit of the signature or of the key.
          if (bit < 64 * 8) signature[bit >> 3]! ^= 1 << (bit & 7);
          else key[(bit - 64 * 8) >> 3]! ^= 1 << (bit & 7);
        }
        const n = native.ed25519Verify(key, message, signature);
        expect(n).toBe(await webVerify(key, message, signature));
        expect(n).toBe(!flip);
      }),
      { numRuns: 60 },
    );
  });
});
