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

  /** Enrolled, unrevoked devices without a certificate that is still valid. */
  pending(): PendingCertificate[] {
    const now = this.clock.now();
    return this.store
      .listDevices()
      .filter((d) => d.publicKey !== null && d.enrolledAt !== null && d.revokedAt === null)
      .filter((d) => {
        const cert = this.trust.certificateOf(d.id);
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
      const device = this.store.getDevice(cert.deviceId);
      if (device?.revokedAt != null) throw new ServerError('BAD_REQUEST', `certificates[${i}]: device ${cert.deviceId} is revoked here`);
      const check = await verifyCertificate(cert, { authorityKeys: [cert.authorityKey], nowMs: now, ...(device?.publicKey ? { publicKey: device.publicKey } : {}) });
      if (!check.ok) throw new ServerError('BAD_REQUEST', `certificates[${i}]: ${check.message}`);
      certificates.push(cert);
    }
    this.trust.putCertificates(certificates, now);
    this.store.audit('authority', 'certificates.stored', { devices: certificates.map((c) => c.deviceId) }, now);
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
    this.store.audit('authority', 'revocations.stored', { sequence: list.sequence, revoked: list.revoked.length }, now);
    return { sequence: list.sequence, revoked: list.revoked.length };
  }

  revocationLists(): RevocationList[] {
    return this.trust.revocationLists();
  }

  /** The certificates of a cohort (by protocol id) and the revocation lists, for one secure round. */
  roundTrust(deviceIds: readonly string[]): RoundTrust {
    return { certificates: deviceIds.map((id) => this.trust.certificateOf(id)), revocationLists: this.trust.revocationLists() };
  }
}
