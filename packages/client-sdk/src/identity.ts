import { loadCryptoProvider, type CryptoProvider } from '@conclave/secagg';
import nacl from 'tweetnacl';

/** A device's Ed25519 identity. The secret key never leaves the device. */
export interface DeviceIdentity {
  publicKey: Uint8Array;
  /** tweetnacl's 64-byte secret key (seed ‖ public key). */
  secretKey: Uint8Array;
}

/**
 * The runtime's fastest Ed25519 (node:crypto in Node, about 30× tweetnacl's speed for a
 * signature: a coordinator restart makes every device prove its identity at once), once it has
 * loaded; tweetnacl until then and wherever it fails. Ed25519 is deterministic: both give the
 * same keys and signatures.
 */
let provider: CryptoProvider | undefined;
loadCryptoProvider().then(
  (p) => (provider = p),
  () => undefined,
);

/** A fresh identity from the platform's cryptographic random source. */
export function createIdentity(): DeviceIdentity {
  if (provider) {
    const seed = nacl.randomBytes(32);
    const publicKey = provider.ed25519PublicKey(seed);
    const secretKey = new Uint8Array(64);
    secretKey.set(seed);
    secretKey.set(publicKey, 32);
    return { publicKey, secretKey };
  }
  const kp = nacl.sign.keyPair();
  return { publicKey: kp.publicKey, secretKey: kp.secretKey };
}

export function sign(identity: DeviceIdentity, message: Uint8Array): Uint8Array {
  if (provider) return provider.ed25519Sign(identity.secretKey.subarray(0, 32), message);
  return nacl.sign.detached(message, identity.secretKey);
}
