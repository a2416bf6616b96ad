/**
 * Certificates and revocation lists between their decoded protobuf form (`DeviceCertificate`,
 * `RevocationList` in conclave.proto) and the checked types of this module. Decoding never
 * verifies: call `verifyCertificate` / `verifyRevocationList` on the result.
 */
import type { conclave } from '../generated/conclave.js';
import type { DeviceCertificate } from './certificate.ts';
import type { RevocationList } from './revocation.ts';

const bytes = (b: Uint8Array | null | undefined) => (b instanceof Uint8Array ? b : new Uint8Array(0));
// protobufjs may hand a uint64 back as a Long (when the long package is present) despite
// --force-number; Number() reads both.
const num = (n: number | null | undefined) => (n == null ? 0 : Number(n));

export function certificateToWire(c: DeviceCertificate): conclave.v1.IDeviceCertificate {
  return { deviceId: c.deviceId, publicKey: c.publicKey, issuedAtMs: c.issuedAtMs, expiresAtMs: c.expiresAtMs, authorityKey: c.authorityKey, signature: c.signature };
}

/** A decoded certificate, or undefined when the field is absent. */
export function certificateFromWire(w: conclave.v1.IDeviceCertificate | null | undefined): DeviceCertificate | undefined {
  if (w == null) return undefined;
  return {
    deviceId: w.deviceId ?? '',
    publicKey: bytes(w.publicKey),
    issuedAtMs: num(w.issuedAtMs),
    expiresAtMs: num(w.expiresAtMs),
    authorityKey: bytes(w.authorityKey),
    signature: bytes(w.signature),
  };
}

export function revocationListToWire(l: RevocationList): conclave.v1.IRevocationList {
  return { authorityKey: l.authorityKey, sequence: l.sequence, issuedAtMs: l.issuedAtMs, revoked: [...l.revoked], signature: l.signature };
}

export function revocationListFromWire(w: conclave.v1.IRevocationList): RevocationList {
  return { authorityKey: bytes(w.authorityKey), sequence: num(w.sequence), issuedAtMs: num(w.issuedAtMs), revoked: w.revoked ?? [], signature: bytes(w.signature) };
}
