/**
 * The coordinator's part in enrollment by an independent authority (issue 10, part 2): it lists
 * the enrolled devices still waiting for a certificate, takes back what the authority signed,
 * keeps the authority's newest revocation list, and ships both to the devices of each secure
 * round. It checks only that what it stores is self-consistent (signed by the key it names, for
 * an enrolled device's own key): the devices check it against the authority keys they pin.
 */
import {
  certificateFromJson,
  revocationListFromJson,
  toBase64,
  verifyCertificate,
  verifyRevocationList,
  type DeviceCertificate,
  type RevocationList,
} from '@conclave/proto';
import type { Clock } from '../clock.ts';
import { ServerError } from '../errors.ts';
import type { TrustRelayStore } from '../store/sqlite-trust-store.ts';
import type { Store } from '../store/store.ts';

export interface PendingCertificate {
  deviceId: string;
  /** base64 of the device's Ed25519 identity key. */
  publicKey: string;
  enrolledAt: number | null;
}

/** What one secure round ships: the cohort's certificates by protocol id, and the revocation lists. */
export interface RoundTrust {
  certificates: readonly (DeviceCertificate | undefined)[];
  revocationLists: readonly RevocationList[];
}

const bytesEqual = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export class CertificateRelay {
  constructor(
    private readonly store: Store,
    private readonly trust: TrustRelayStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Deletes a forgotten device's certificate. Revocation lists stay as the authority signed them
   * (a device id in one cannot be removed without breaking its signature).
   */
  async forget(deviceId: string): Promise<void> {
    await this.trust.forgetCertificate(deviceId);
  }

  /** Enrolled, unrevoked devices without a certificate that is still valid. */
  async pending(): Promise<PendingCertificate[]> {
    const now = this.clock.now();
    const enrolled = (await this.store.listDevices()).filter((d) => d.publicKey !== null && d.enrolledAt !== null && d.revokedAt === null);
    const certificates = await Promise.all(enrolled.map((d) => this.trust.certificateOf(d.id)));
    return enrolled
      .filter((d, i) => {
        const cert = certificates[i];
        return cert === undefined || cert.expiresAtMs <= now || !bytesEqual(cert.publicKey, d.publicKey as Uint8Array);
      })
      .map((d) => ({ deviceId: d.id, publicKey: toBase64(d.publicKey as Uint8Array), enrolledAt: d.enrolledAt }));
  }

  /** Stores certificates the authority signed (JSON form); the error names the first bad one. */
  async storeCertificates(input: unknown): Promise<{ stored: string[] }> {
    const list = (input as { certificates?: unknown } | null)?.certificates;
    if (!Array.isArray(list) || list.length === 0 || list.length > 10_000) throw new ServerError('BAD_REQUEST', 'body must be { certificates: [...] } with 1 to 10000 certificates');
    const now = this.clock.now();
    const certificates: DeviceCertificate[] = [];
    for (const [i, json] of list.entries()) {
      let cert: DeviceCertificate;
      try {
        cert = certificateFromJson(json);
      } catch (err) {
        throw new ServerError('BAD_REQUEST', `certificates[${i}]: ${(err as Error).message}`);
      }
      // A device may be certified before it enrolls here (the authority knows its key first);
      // an enrolled one only for the key it enrolled with.
      const device = await this.store.getDevice(cert.deviceId);
      if (device?.revokedAt != null) throw new ServerError('BAD_REQUEST', `certificates[${i}]: device ${cert.deviceId} is revoked here`);
      const check = await verifyCertificate(cert, { authorityKeys: [cert.authorityKey], nowMs: now, ...(device?.publicKey ? { publicKey: device.publicKey } : {}) });
      if (!check.ok) throw new ServerError('BAD_REQUEST', `certificates[${i}]: ${check.message}`);
      certificates.push(cert);
    }
    await this.trust.putCertificates(certificates, now);
    await this.store.audit('authority', 'certificates.stored', { devices: certificates.map((c) => c.deviceId) }, now);
    return { stored: certificates.map((c) => c.deviceId) };
  }

  /** Stores an authority's revocation list (JSON form), never an older one. */
  async storeRevocationList(input: unknown): Promise<{ sequence: number; revoked: number }> {
    let list: RevocationList;
    try {
      list = revocationListFromJson(input);
    } catch (err) {
      throw new ServerError('BAD_REQUEST', `revocation list: ${(err as Error).message}`);
    }
    const check = await verifyRevocationList(list, { authorityKeys: [list.authorityKey] });
    if (!check.ok) throw new ServerError('BAD_REQUEST', `revocation list: ${check.message}`);
    const now = this.clock.now();
    await this.trust.putRevocationList(list, now);
    await this.store.audit('authority', 'revocations.stored', { sequence: list.sequence, revoked: list.revoked.length }, now);
    return { sequence: list.sequence, revoked: list.revoked.length };
  }

  revocationLists(): Promise<RevocationList[]> {
    return this.trust.revocationLists();
  }

  /** The certificates of a cohort (by protocol id) and the revocation lists, for one secure round. */
  async roundTrust(deviceIds: readonly string[]): Promise<RoundTrust> {
    const [certificates, revocationLists] = await Promise.all([Promise.all(deviceIds.map((id) => this.trust.certificateOf(id))), this.trust.revocationLists()]);
    return { certificates, revocationLists };
  }
}
