import { loadCryptoProvider } from '@conclave/secagg';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { createIdentity, sign } from '../src/identity.ts';

describe('device identity', () => {
  it('signs with the runtime provider once it has loaded, giving exactly tweetnacl\'s keys and signatures', async () => {
    const provider = await loadCryptoProvider();
    // libsodium where sodium-native loads (this workspace installs it), node:crypto when told so.
    expect(provider.name).toBe(process.env.CONCLAVE_NATIVE_CRYPTO === 'openssl' ? 'node' : 'node-libsodium');
    for (let i = 0; i < 20; i++) {
      const identity = createIdentity();
      // The secret key is tweetnacl's layout: seed ‖ public key, the public key the seed's.
      expect(nacl.sign.keyPair.fromSeed(identity.secretKey.subarray(0, 32)).publicKey).toEqual(identity.publicKey);
      expect(identity.secretKey.subarray(32)).toEqual(identity.publicKey);
      const message = nacl.randomBytes(1 + i * 7);
      const signature = sign(identity, message);
      expect(signature).toEqual(nacl.sign.detached(message, identity.secretKey));
      expect(nacl.sign.detached.verify(message, signature, identity.publicKey)).toBe(true);
    }
    // Identities made by tweetnacl before (files on devices) sign the same way.
    const old = nacl.sign.keyPair();
    const message = new TextEncoder().encode('conclave');
    expect(sign(old, message)).toEqual(nacl.sign.detached(message, old.secretKey));
  });
});
