/**
 * The portable (tweetnacl) and native (node:crypto, and libsodium where sodium-native loads)
 * providers must be interchangeable: same bytes for the same keys and messages, and the same
 * verdict on malformed input.
 */
import fc from 'fast-check';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/bytes.ts';
import { opensslCryptoProvider, sodiumCryptoProvider } from '../src/crypto-node.ts';
import type { CryptoProvider } from '../src/crypto-provider.ts';
import { tweetnaclProvider } from '../src/crypto-web.ts';
import { loadCryptoProvider } from '../src/load-crypto-provider.ts';
import { naclBox } from '../src/nacl-box.ts';
import { SecAggError } from '../src/errors.ts';

const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

const natives: Array<[string, CryptoProvider]> = [['node:crypto', opensslCryptoProvider]];
if (sodiumCryptoProvider) natives.push(['libsodium', sodiumCryptoProvider]);

it('loads libsodium in Node where sodium-native is installed (this workspace installs it), else node:crypto', async () => {
  const expected = process.env.CONCLAVE_NATIVE_CRYPTO === 'openssl' ? 'node' : 'node-libsodium';
  expect((await loadCryptoProvider()).name).toBe(expected);
  expect(natives.map(([label]) => label)).toEqual(expected === 'node' ? ['node:crypto'] : ['node:crypto', 'libsodium']);
});

describe.each(natives)('tweetnacl and %s give identical bytes', (_label, native) => {

  it('X25519 public keys and shared secrets (property)', () => {
    fc.assert(
      fc.property(key32, key32, (a, b) => {
        const pubB = tweetnaclProvider.x25519(b).publicKey;
        expect(toHex(native.x25519(a).publicKey)).toBe(toHex(tweetnaclProvider.x25519(a).publicKey));
        expect(toHex(native.x25519(a).agree(pubB))).toBe(toHex(tweetnaclProvider.x25519(a).agree(pubB)));
      }),
      { numRuns: 50 },
    );
  });

  it('a public key array reused after its bytes changed is imported again (node:crypto keeps imports per array)', () => {
    fc.assert(
      fc.property(key32, key32, key32, (a, b, c) => {
        const peer = tweetnaclProvider.x25519(b).publicKey.slice();
        const mine = native.x25519(a);
        expect(toHex(mine.agree(peer))).toBe(toHex(tweetnaclProvider.x25519(a).agree(peer)));
        expect(toHex(mine.agree(peer))).toBe(toHex(tweetnaclProvider.x25519(a).agree(peer)));
        peer.set(tweetnaclProvider.x25519(c).publicKey);
        expect(toHex(mine.agree(peer))).toBe(toHex(tweetnaclProvider.x25519(a).agree(peer)));
        const seed = a;
        const identity = tweetnaclProvider.ed25519PublicKey(seed).slice();
        const message = Uint8Array.of(1, 2, 3);
        const signature = tweetnaclProvider.ed25519Sign(seed, message);
        expect(native.ed25519Verify(identity, message, signature)).toBe(true);
        identity.set(tweetnaclProvider.ed25519PublicKey(c));
        expect(native.ed25519Verify(identity, message, signature)).toBe(toHex(a) === toHex(c));
      }),
      { numRuns: 10 },
    );
  });

  it('Ed25519 public keys, signatures and verification (property)', () => {
    fc.assert(
      fc.property(key32, fc.uint8Array({ maxLength: 300 }), (seed, message) => {
        const pk = tweetnaclProvider.ed25519PublicKey(seed);
        expect(toHex(native.ed25519PublicKey(seed))).toBe(toHex(pk));
        const sig = tweetnaclProvider.ed25519Sign(seed, message);
        expect(toHex(native.ed25519Sign(seed, message))).toBe(toHex(sig));
        expect(native.ed25519Verify(pk, message, sig)).toBe(true);
        expect(tweetnaclProvider.ed25519Verify(pk, message, sig)).toBe(true);
      }),
      { numRuns: 15 }, // tweetnacl signs in ~5 ms and verifies in ~10 ms
    );
  });

  it('both reject small-order X25519 keys with the same error', () => {
    const smallOrder = [
      new Uint8Array(32), // u = 0
      fromHex('0100000000000000000000000000000000000000000000000000000000000000'), // u = 1
      fromHex('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800'), // order 8
    ];
    for (const provider of [tweetnaclProvider, native]) {
      const key = provider.x25519(new Uint8Array(32).fill(7));
      for (const point of smallOrder) {
        expect(() => key.agree(point)).toThrowError(SecAggError);
        try {
          key.agree(point);
        } catch (e) {
          expect((e as SecAggError).code).toBe('MALFORMED_MESSAGE');
        }
      }
    }
  });

  it('both reject a malleated Ed25519 signature (S + L), which raw tweetnacl accepts', () => {
    const seed = new Uint8Array(32).fill(3);
    const message = new Uint8Array([1, 2, 3]);
    const pk = tweetnaclProvider.ed25519PublicKey(seed);
    const sig = tweetnaclProvider.ed25519Sign(seed, message);
    // S' = S + L (little-endian), same point equation, non-canonical encoding (RFC 8032 §5.1.7).
    const L = fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    const malleated = sig.slice();
    let carry = 0;
    for (let i = 0; i < 32; i++) {
      const v = (malleated[32 + i] as number) + (L[i] as number) + carry;
      malleated[32 + i] = v & 0xff;
      carry = v >> 8;
    }
    if (carry === 0) {
      expect(nacl.sign.detached.verify(message, malleated, pk)).toBe(true);
      expect(tweetnaclProvider.ed25519Verify(pk, message, malleated)).toBe(false);
      expect(native.ed25519Verify(pk, message, malleated)).toBe(false);
    }
  });

  it('both return false, never throw, for malformed keys and signatures', () => {
    for (const provider of [tweetnaclProvider, native]) {
      expect(provider.ed25519Verify(new Uint8Array(31), new Uint8Array(0), new Uint8Array(64))).toBe(false);
      expect(provider.ed25519Verify(new Uint8Array(32), new Uint8Array(0), new Uint8Array(63))).toBe(false);
      expect(provider.ed25519Verify(new Uint8Array(32).fill(0xff), new Uint8Array(0), new Uint8Array(64))).toBe(false);
    }
  });

  it('the split NaCl box (provider X25519 + HSalsa20 + secretbox) equals nacl.box', () => {
    fc.assert(
      fc.property(key32, key32, fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ minLength: 24, maxLength: 24 }), (a, b, message, nonce) => {
        const pubB = nacl.scalarMult.base(b);
        const expected = nacl.box(message, nonce, pubB, a);
        for (const provider of [tweetnaclProvider, native]) {
          const key = naclBox.beforeNm(provider.x25519(a).agree(pubB));
          expect(toHex(key)).toBe(toHex(nacl.box.before(pubB, a)));
          expect(toHex(naclBox.seal(message, nonce, key))).toBe(toHex(expected));
        }
      }),
      { numRuns: 20 },
    );
  });
});
