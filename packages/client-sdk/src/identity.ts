import nacl from 'tweetnacl';

/** A device's Ed25519 identity. The secret key never leaves the device. */
export interface DeviceIdentity {
  publicKey: Uint8Array;
  /** tweetnacl's 64-byte secret key (seed ‖ public key). */
  secretKey: Uint8Array;
}

/** A fresh identity from the platform's cryptographic random source. */
export function createIdentity(): DeviceIdentity {
  const kp = nacl.sign.keyPair();
  return { publicKey: kp.publicKey, secretKey: kp.secretKey };
}

export function sign(identity: DeviceIdentity, message: Uint8Array): Uint8Array {
  return nacl.sign.detached(message, identity.secretKey);
}
