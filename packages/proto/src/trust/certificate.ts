/**
 * Device certificates: an enrollment authority that is not the coordinator (a privacy officer,
 * a works council) signs each device's identity key, so a coordinator cannot mint devices of its
 * own. The coordinator only stores and relays certificates; devices check their peers' against
 * the authority keys they pin. See docs/THREAT-MODEL.md.
 *
 * Signed bytes: `signedBytes('conclave/v1/device-certificate', [device id, public key,
 * issued at (ms), expires at (ms), authority key])`.
 */
import { deviceIdFor } from '../identity.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, ed25519Sign, ed25519Verify, type SigningKeyPair } from './ed25519.ts';
import type { RevocationList } from './revocation.ts';
import { signedBytes } from './signed-bytes.ts';

export const CERTIFICATE_CONTEXT = 'conclave/v1/device-certificate';
/** Longest validity `issueCertificate` accepts. */
export const MAX_CERTIFICATE_VALIDITY_MS = 5 * 366 * 24 * 3600 * 1000;

export interface DeviceCertificate {
  /** `deviceIdFor(publicKey)`. */
  readonly deviceId: string;
  /** The device's Ed25519 identity key. */
  readonly publicKey: Uint8Array;
  readonly issuedAtMs: number;
  /** The certificate is refused from this instant on. */
  readonly expiresAtMs: number;
  /** The authority's public key (one of those a device pins). */
  readonly authorityKey: Uint8Array;
  /** Ed25519 signature of the authority over `certificateBytes`. */
  readonly signature: Uint8Array;
}

/** Why a certificate is refused (stable codes). */
export type CertificateProblem =
  | 'MALFORMED'
  | 'UNKNOWN_AUTHORITY'
  | 'BAD_SIGNATURE'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'REVOKED'
  | 'KEY_MISMATCH';

export type CertificateCheck = { readonly ok: true } | { readonly ok: false; readonly problem: CertificateProblem; readonly message: string };

export function certificateBytes(c: Omit<DeviceCertificate, 'signature'>): Uint8Array {
  return signedBytes(CERTIFICATE_CONTEXT, [
    { text: c.deviceId },
    { bytes: c.publicKey },
    { u64: c.issuedAtMs },
    { u64: c.expiresAtMs },
    { bytes: c.authorityKey },
  ]);
}

/** The authority signs a device's identity key, valid from `issuedAtMs` until `expiresAtMs`. */
export async function issueCertificate(
  authority: SigningKeyPair,
  request: { readonly publicKey: Uint8Array; readonly issuedAtMs: number; readonly expiresAtMs: number },
): Promise<DeviceCertificate> {
  if (request.publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) throw new RangeError(`a device key has ${ED25519_PUBLIC_KEY_LENGTH} bytes, got ${request.publicKey.length}`);
  if (!(request.expiresAtMs > request.issuedAtMs)) throw new RangeError(`expiry ${request.expiresAtMs} must be after issue ${request.issuedAtMs}`);
  if (request.expiresAtMs - request.issuedAtMs > MAX_CERTIFICATE_VALIDITY_MS) throw new RangeError('a certificate may be valid for at most five years');
  const body = {
    deviceId: await deviceIdFor(request.publicKey),
    publicKey: request.publicKey.slice(),
    issuedAtMs: request.issuedAtMs,
    expiresAtMs: request.expiresAtMs,
    authorityKey: authority.publicKey.slice(),
  };
  return { ...body, signature: await ed25519Sign(authority, certificateBytes(body)) };
}

export interface CertificateCheckOptions {
  /** The authority keys this verifier pins. */
  readonly authorityKeys: readonly Uint8Array[];
  /** The verifier's clock (ms since the epoch). */
  readonly nowMs: number;
  /** The identity key the certificate must be for (e.g. the key that signed a key advert). */
  readonly publicKey?: Uint8Array;
  /** Verified revocation lists (any authority); a device listed in one of its issuer is refused. */
  readonly revocations?: readonly RevocationList[];
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const refuse = (problem: CertificateProblem, message: string): CertificateCheck => ({ ok: false, problem, message });

/** Checks a certificate completely: shape, issuer pinned, signature, validity, key, revocation. */
export async function verifyCertificate(cert: DeviceCertificate, options: CertificateCheckOptions): Promise<CertificateCheck> {
  if (
    typeof cert?.deviceId !== 'string' ||
    !(cert.publicKey instanceof Uint8Array) ||
    cert.publicKey.length !== ED25519_PUBLIC_KEY_LENGTH ||
    !(cert.authorityKey instanceof Uint8Array) ||
    cert.authorityKey.length !== ED25519_PUBLIC_KEY_LENGTH ||
    !(cert.signature instanceof Uint8Array) ||
    cert.signature.length !== ED25519_SIGNATURE_LENGTH ||
    !Number.isSafeInteger(cert.issuedAtMs) ||
    !Number.isSafeInteger(cert.expiresAtMs) ||
    cert.issuedAtMs < 0 ||
    cert.expiresAtMs < 0
  ) {
    return refuse('MALFORMED', 'the certificate is missing a field or has one of the wrong size');
  }
  if (!options.authorityKeys.some((k) => equal(k, cert.authorityKey))) {
    return refuse('UNKNOWN_AUTHORITY', `certificate of ${cert.deviceId} is signed by an authority this device does not pin`);
  }
  if (!(await ed25519Verify(cert.authorityKey, certificateBytes(cert), cert.signature))) {
    return refuse('BAD_SIGNATURE', `certificate of ${cert.deviceId} does not carry its authority's signature`);
  }
  if (cert.deviceId !== (await deviceIdFor(cert.publicKey))) {
    return refuse('KEY_MISMATCH', `certificate names device ${cert.deviceId}, its key belongs to another id`);
  }
  if (options.publicKey !== undefined && !equal(options.publicKey, cert.publicKey)) {
    return refuse('KEY_MISMATCH', `certificate of ${cert.deviceId} is for another identity key`);
  }
  if (options.nowMs < cert.issuedAtMs) return refuse('NOT_YET_VALID', `certificate of ${cert.deviceId} is valid only from ${new Date(cert.issuedAtMs).toISOString()}`);
  if (options.nowMs >= cert.expiresAtMs) return refuse('EXPIRED', `certificate of ${cert.deviceId} expired at ${new Date(cert.expiresAtMs).toISOString()}`);
  for (const list of options.revocations ?? []) {
    if (equal(list.authorityKey, cert.authorityKey) && list.revoked.includes(cert.deviceId)) {
      return refuse('REVOKED', `device ${cert.deviceId} is revoked (revocation list ${list.sequence})`);
    }
  }
  return { ok: true };
}

/** The JSON form (files, the admin API): keys and signature in base64, times in ms. */
export interface DeviceCertificateJson {
  deviceId: string;
  publicKey: string;
  issuedAtMs: number;
  expiresAtMs: number;
  authorityKey: string;
  signature: string;
}

export function certificateToJson(c: DeviceCertificate): DeviceCertificateJson {
  return {
    deviceId: c.deviceId,
    publicKey: toBase64(c.publicKey),
    issuedAtMs: c.issuedAtMs,
    expiresAtMs: c.expiresAtMs,
    authorityKey: toBase64(c.authorityKey),
    signature: toBase64(c.signature),
  };
}

/** Reads the JSON form; throws a RangeError naming the bad field. Does not verify. */
export function certificateFromJson(json: unknown): DeviceCertificate {
  if (typeof json !== 'object' || json === null) throw new RangeError('a certificate must be a JSON object');
  const j = json as Record<string, unknown>;
  if (typeof j.deviceId !== 'string' || j.deviceId.length === 0 || j.deviceId.length > 128) throw new RangeError('certificate.deviceId must be a device id');
  for (const field of ['issuedAtMs', 'expiresAtMs'] as const) {
    if (!Number.isSafeInteger(j[field]) || (j[field] as number) < 0) throw new RangeError(`certificate.${field} must be a time in ms, got ${JSON.stringify(j[field])}`);
  }
  return {
    deviceId: j.deviceId,
    publicKey: fromBase64(j.publicKey as string, 'certificate.publicKey'),
    issuedAtMs: j.issuedAtMs as number,
    expiresAtMs: j.expiresAtMs as number,
    authorityKey: fromBase64(j.authorityKey as string, 'certificate.authorityKey'),
    signature: fromBase64(j.signature as string, 'certificate.signature'),
  };
}
