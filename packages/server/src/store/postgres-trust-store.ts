/**
 * What the coordinator relays for the enrollment authority (sqlite-trust-store.ts), in the
 * PostgreSQL database the store uses: every coordinator node sharing it relays the same
 * certificates and the same newest revocation lists. No cache: another node may store a newer list.
 */
import type pg from 'pg';
import {
  certificateFromJson,
  certificateToJson,
  revocationDigest,
  revocationListFromJson,
  revocationListToJson,
  toBase64,
  type DeviceCertificate,
  type RevocationList,
} from '@conclave/proto';
import { ServerError } from '../errors.ts';
import { inTransaction } from './postgres-db.ts';
import type { TrustRelayStore } from './sqlite-trust-store.ts';

/** Held while an authority's list is replaced, so that two nodes never both accept a different list of one sequence. */
const REVOCATION_LOCK = 0x7265766f; // "revo"

export class PostgresTrustStore implements TrustRelayStore {
  /** The pool belongs to the PostgresStore that made this; closing it is the store's job. */
  constructor(private readonly pool: pg.Pool) {}

  async putCertificates(certificates: readonly DeviceCertificate[], now: number): Promise<void> {
    if (certificates.length === 0) return;
    await this.pool.query(
      `INSERT INTO device_certificates (device_id, certificate, expires_at, stored_at)
       SELECT d, c, e, $4 FROM unnest($1::text[], $2::jsonb[], $3::bigint[]) AS t(d, c, e)
       ON CONFLICT (device_id) DO UPDATE SET certificate = excluded.certificate, expires_at = excluded.expires_at, stored_at = excluded.stored_at`,
      [certificates.map((c) => c.deviceId), certificates.map((c) => JSON.stringify(certificateToJson(c))), certificates.map((c) => c.expiresAtMs), now],
    );
  }

  async certificateOf(deviceId: string): Promise<DeviceCertificate | undefined> {
    const { rows } = await this.pool.query<{ certificate: unknown }>(`SELECT certificate FROM device_certificates WHERE device_id = $1`, [deviceId]);
    return rows[0] ? certificateFromJson(rows[0].certificate) : undefined;
  }

  async forgetCertificate(deviceId: string): Promise<boolean> {
    return ((await this.pool.query(`DELETE FROM device_certificates WHERE device_id = $1`, [deviceId])).rowCount ?? 0) > 0;
  }

  async putRevocationList(list: RevocationList, now: number): Promise<void> {
    const authority = toBase64(list.authorityKey);
    const digest = await revocationDigest(list);
    await inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [REVOCATION_LOCK]);
      const row = (await c.query<{ sequence: number; digest: string }>(`SELECT sequence, digest FROM revocation_lists WHERE authority_key = $1`, [authority])).rows[0];
      if (row && list.sequence < row.sequence) throw new ServerError('BAD_REQUEST', `revocation list ${list.sequence} is older than the stored list ${row.sequence}`, 409);
      if (row && list.sequence === row.sequence && digest !== row.digest) {
        throw new ServerError('BAD_REQUEST', `revocation list ${list.sequence} differs from the stored list with the same sequence`, 409);
      }
      await c.query(
        `INSERT INTO revocation_lists (authority_key, sequence, digest, list, stored_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (authority_key) DO UPDATE SET sequence = excluded.sequence, digest = excluded.digest, list = excluded.list, stored_at = excluded.stored_at`,
        [authority, list.sequence, digest, JSON.stringify(revocationListToJson(list)), now],
      );
    });
  }

  async revocationLists(): Promise<RevocationList[]> {
    const { rows } = await this.pool.query<{ list: unknown }>(`SELECT list FROM revocation_lists ORDER BY authority_key COLLATE "C"`);
    return rows.map((r) => revocationListFromJson(r.list));
  }

  /** The store closes the shared pool. */
  async close(): Promise<void> {}
}
