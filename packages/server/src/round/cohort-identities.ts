/**
 * A chosen cohort's identities, read before its round is planned: each device's enrolled
 * identity key (advertisements must be signed by it, under the consistency check) and what the
 * enrollment authority signed for it, with the revocation lists the devices check it against.
 */
import type { DeviceCertificate, RevocationList } from '@conclave/proto';
import type { Store } from '../store/store.ts';
import type { CertificateRelay } from '../trust/certificate-relay.ts';

/** By device id. */
export interface CohortIdentities {
  readonly keys: Map<string, Uint8Array>;
  readonly certificates: Map<string, DeviceCertificate>;
  readonly revocationLists: readonly RevocationList[];
}

export async function readCohortIdentities(store: Pick<Store, 'getDevice'>, trust: Pick<CertificateRelay, 'roundTrust'> | undefined, deviceIds: readonly string[]): Promise<CohortIdentities> {
  const [devices, signed] = await Promise.all([
    Promise.all(deviceIds.map((id) => store.getDevice(id))),
    trust ? trust.roundTrust(deviceIds) : { certificates: [], revocationLists: [] },
  ]);
  const keys = new Map<string, Uint8Array>();
  const certificates = new Map<string, DeviceCertificate>();
  deviceIds.forEach((id, i) => {
    const key = devices[i]?.publicKey;
    if (key) keys.set(id, key);
    const cert = signed.certificates[i];
    if (cert) certificates.set(id, cert);
  });
  return { keys, certificates, revocationLists: signed.revocationLists };
}
