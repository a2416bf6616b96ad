/**
 * RFC 7748 §6.1 (X25519 Diffie–Hellman test vector), checked against every provider (tweetnacl,
 * node:crypto, libsodium). The values were also reproduced with Python `cryptography` (OpenSSL) before being committed.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/bytes.ts';
import { opensslCryptoProvider, sodiumCryptoProvider } from '../src/crypto-node.ts';
import { tweetnaclProvider } from '../src/crypto-web.ts';

const ALICE_SK = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a';
const ALICE_PK = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
const BOB_SK = '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb';
const BOB_PK = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
const SHARED = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

describe.each([tweetnaclProvider, opensslCryptoProvider, ...(sodiumCryptoProvider ? [sodiumCryptoProvider] : [])])('RFC 7748 §6.1 X25519 ($name)', (crypto) => {
  it('derives both public keys', () => {
    expect(toHex(crypto.x25519(fromHex(ALICE_SK)).publicKey)).toBe(ALICE_PK);
    expect(toHex(crypto.x25519(fromHex(BOB_SK)).publicKey)).toBe(BOB_PK);
  });

  it('agrees on the shared secret from both sides', () => {
    expect(toHex(crypto.x25519(fromHex(ALICE_SK)).agree(fromHex(BOB_PK)))).toBe(SHARED);
    expect(toHex(crypto.x25519(fromHex(BOB_SK)).agree(fromHex(ALICE_PK)))).toBe(SHARED);
  });
});
