/**
 * An enrollment authority held in this process, for demos and tests that must run with no setup
 * step (a deployment runs `conclave authority init` and `conclave authority sign` on a machine
 * apart from the coordinator). It certifies device keys and hands the certificates to a
 * coordinator's relay, exactly as `conclave authority sign` does over the admin API.
 */
import { certificateToJson, generateSigningKeyPair, issueCertificate, type SigningKeyPair } from '@conclave/proto';
import type { CertificateRelay } from './certificate-relay.ts';

/** @default validity of the certificates a LocalAuthority issues */
const DEFAULT_VALIDITY_MS = 365 * 24 * 3600 * 1000;

export class LocalAuthority {
  private constructor(
    readonly name: string,
    private readonly key: SigningKeyPair,
  ) {}

  static async create(name: string): Promise<LocalAuthority> {
    return new LocalAuthority(name, await generateSigningKeyPair());
  }

  /** The key devices pin (`authorityKeys`). */
  get publicKey(): Uint8Array {
    return this.key.publicKey;
  }

  /** Certifies these device keys and stores the certificates at the coordinator. */
  async certify(relay: Pick<CertificateRelay, 'storeCertificates'>, publicKeys: readonly Uint8Array[], options: { nowMs?: number; validityMs?: number } = {}): Promise<string[]> {
    const now = options.nowMs ?? Date.now();
    const certificates = await Promise.all(
      publicKeys.map(async (publicKey) => certificateToJson(await issueCertificate(this.key, { publicKey, issuedAtMs: now - 60_000, expiresAtMs: now + (options.validityMs ?? DEFAULT_VALIDITY_MS) }))),
    );
    return (await relay.storeCertificates({ certificates })).stored;
  }
}
