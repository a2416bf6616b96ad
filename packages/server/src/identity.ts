import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { authMessage } from '@conclave/proto';

/** Same derivation as `deviceIdFor` in @conclave/proto, synchronously with node:crypto. */
export function deviceIdOf(publicKey: Uint8Array): string {
  return 'dev-' + createHash('sha256').update(publicKey).digest().subarray(0, 16).toString('hex');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token.trim()).digest('hex');
}

/** A human-typable single-use token (160 random bits, Crockford base32, grouped). */
export function newEnrollmentToken(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{1,8}/g)!.join('-');
}

/** Verifies the device's Ed25519 signature over the connection's challenge. */
export function verifyProof(publicKey: Uint8Array, nonce: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.byteLength !== 32 || signature.byteLength !== 64) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
    return verify(null, authMessage(nonce, publicKey), key, signature);
  } catch {
    return false;
  }
}
