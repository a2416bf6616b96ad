/**
 * The shape of the `#native-crypto` import: synchronous SHA-256 and Ed25519 verification where
 * the runtime has them natively (`native-crypto-node.ts`: node:crypto, and libsodium's
 * verification when sodium-native loads), `undefined` elsewhere
 * (`native-crypto-web.ts`), where the trust checks go through WebCrypto. Both give the same
 * answers; the native path spares each call WebCrypto's promise job, and a device checks a
 * certificate (one verification, one digest) for every peer of every secure round.
 */
export interface NativeCrypto {
  sha256(bytes: Uint8Array): Uint8Array;
  /** False (never a throw) for a malformed key or signature. */
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}
