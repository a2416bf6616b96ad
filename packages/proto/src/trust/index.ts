/**
 * Signed statements the coordinator relays but cannot forge: device certificates and revocation
 * lists signed by an enrollment authority (docs/THREAT-MODEL.md).
 */
export { signedBytes, type SignedField } from './signed-bytes.ts';
export {
  ED25519_PUBLIC_KEY_LENGTH,
  ED25519_SEED_LENGTH,
  ED25519_SIGNATURE_LENGTH,
  ed25519PublicKeyOf,
  ed25519Sign,
  ed25519Verify,
  generateSigningKeyPair,
  type SigningKeyPair,
} from './ed25519.ts';
export { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64.ts';
export {
  CERTIFICATE_CONTEXT,
  MAX_CERTIFICATE_VALIDITY_MS,
  certificateBytes,
  certificateFromJson,
  certificateToJson,
  issueCertificate,
  verifyCertificate,
  type CertificateCheck,
  type CertificateCheckOptions,
  type CertificateProblem,
  type DeviceCertificate,
  type DeviceCertificateJson,
} from './certificate.ts';
export {
  MAX_REVOKED_DEVICES,
  REVOCATION_CONTEXT,
  checkRevocationProgress,
  issueRevocationList,
  revocationBytes,
  revocationDigest,
  revocationListFromJson,
  revocationListToJson,
  verifyRevocationList,
  type RevocationCheck,
  type RevocationList,
  type RevocationListJson,
  type RevocationMark,
  type RevocationProblem,
} from './revocation.ts';
export { certificateFromWire, certificateToWire, revocationListFromWire, revocationListToWire } from './wire.ts';
