/**
 * Device identity on the wire: the device id is derived from the Ed25519 public key, and the
 * connection proof signs a fixed context string, the server's nonce and the key, so a proof
 * cannot be replayed on another connection or for another key.
 */
import { sha256, toHex } from './trust/digest.ts';

const CONTEXT = new TextEncoder().encode('conclave/v1/auth');

/** The bytes a device signs to answer a Challenge. */
export function authMessage(nonce: Uint8Array, publicKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(CONTEXT.length + nonce.length + publicKey.length);
  out.set(CONTEXT, 0);
  out.set(nonce, CONTEXT.length);
  out.set(publicKey, CONTEXT.length + nonce.length);
  return out;
}

/** `dev-` and the first 16 bytes of SHA-256(public key), hex. */
export async function deviceIdFor(publicKey: Uint8Array): Promise<string> {
  return 'dev-' + toHex((await sha256(publicKey)).subarray(0, 16));
}
