/**
 * Device identity on the wire: the device id is derived from the Ed25519 public key, and the
 * connection proof signs a fixed context string, the server's nonce and the key, so a proof
 * cannot be replayed on another connection or for another key.
 */
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
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', publicKey as Uint8Array<ArrayBuffer>));
  return 'dev-' + Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
