/**
 * Key files for the Ed25519 keys people hold apart from the coordinator (an approver, an
 * enrollment authority): a private file `{ kind: 'conclave-signing-key', version: 1, role, name,
 * publicKey, seed }` (base64) to keep offline, and a public file `{ kind: 'conclave-public-key',
 * version: 1, role, name, publicKey, fingerprint }` to give to SDK configurations. Reading a
 * private file checks that its seed and public key belong together.
 */
import { fromBase64, toBase64 } from './base64.ts';
import { bytesEqual, keyFingerprint } from './digest.ts';
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SEED_LENGTH, ed25519PublicKeyOf, type SigningKeyPair } from './ed25519.ts';

export type SigningKeyRole = 'approver' | 'authority';

export interface NamedSigningKey extends SigningKeyPair {
  readonly role: SigningKeyRole;
  /** Who holds the key, e.g. "Works council"; shown to employees next to the fingerprint. */
  readonly name: string;
}

export interface NamedPublicKey {
  readonly role: SigningKeyRole;
  readonly name: string;
  readonly publicKey: Uint8Array;
}

export const MAX_KEY_NAME_CHARS = 100;

function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > MAX_KEY_NAME_CHARS) throw new RangeError(`${what}.name must be text of 1 to ${MAX_KEY_NAME_CHARS} characters`);
  return name;
}

export function signingKeyToJson(key: NamedSigningKey): Record<string, unknown> {
  return { kind: 'conclave-signing-key', version: 1, role: key.role, name: checkName(key.name, 'key'), publicKey: toBase64(key.publicKey), seed: toBase64(key.seed) };
}

export async function publicKeyToJson(key: NamedPublicKey): Promise<Record<string, unknown>> {
  return { kind: 'conclave-public-key', version: 1, role: key.role, name: checkName(key.name, 'key'), publicKey: toBase64(key.publicKey), fingerprint: await keyFingerprint(key.publicKey) };
}

function header(json: unknown, kind: string, role: SigningKeyRole, what: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null) throw new RangeError(`${what} must be a JSON object`);
  const j = json as Record<string, unknown>;
  if (j.kind !== kind) throw new RangeError(`${what} is not a ${kind} file (kind ${JSON.stringify(j.kind)})`);
  if (j.version !== 1) throw new RangeError(`${what} has version ${JSON.stringify(j.version)}; this build reads version 1`);
  if (j.role !== role) throw new RangeError(`${what} is an ${JSON.stringify(j.role)} key, expected an ${role} key`);
  return j;
}

/** Reads a private key file for `role`; throws a RangeError naming what is wrong. */
export async function signingKeyFromJson(json: unknown, role: SigningKeyRole, what = 'the key file'): Promise<NamedSigningKey> {
  const j = header(json, 'conclave-signing-key', role, what);
  const seed = fromBase64(j.seed as string, `${what}: seed`);
  const publicKey = fromBase64(j.publicKey as string, `${what}: publicKey`);
  if (seed.length !== ED25519_SEED_LENGTH || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) throw new RangeError(`${what}: an Ed25519 seed and public key have 32 bytes each`);
  if (!bytesEqual(await ed25519PublicKeyOf(seed), publicKey)) throw new RangeError(`${what}: the public key is not the seed's`);
  return { role, name: checkName(j.name, what), seed, publicKey };
}

/** Reads a public key file (or a private one, taking only its public half) for `role`. */
export function publicKeyFromJson(json: unknown, role: SigningKeyRole, what = 'the key file'): NamedPublicKey {
  const kind = (json as { kind?: unknown } | null)?.kind === 'conclave-signing-key' ? 'conclave-signing-key' : 'conclave-public-key';
  const j = header(json, kind, role, what);
  const publicKey = fromBase64(j.publicKey as string, `${what}: publicKey`);
  if (publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) throw new RangeError(`${what}: an Ed25519 public key has 32 bytes`);
  return { role, name: checkName(j.name, what), publicKey };
}
