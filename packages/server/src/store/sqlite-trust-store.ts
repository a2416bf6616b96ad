/**
 * What the coordinator relays for the enrollment authority (issue 10, part 2): device
 * certificates and revocation lists, signed by the authority, stored here and shipped to devices
 * with each secure round. The coordinator cannot make either; it only keeps the newest. Kept in
 * its own SQLite file (`trust.db` beside `conclave.db`): nothing in it joins the round data.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { privateDatabaseFile } from '../private-file.ts';
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

/** The coordinator's relay of what the authority signed. */
export interface TrustRelayStore {
  /** Stores (or replaces) certificates, by device id. */
  putCertificates(certificates: readonly DeviceCertificate[], now: number): Promise<void>;
  certificateOf(deviceId: string): Promise<DeviceCertificate | undefined>;
  /** Stores an authority's newest list; refuses one older than, or forking, the stored one. */
  putRevocationList(list: RevocationList, now: number): Promise<void>;
  /** The newest list of each authority. */
  revocationLists(): Promise<RevocationList[]>;
  /** Deletes a device's certificate (`conclave devices forget`); true if there was one. */
  forgetCertificate(deviceId: string): Promise<boolean>;
  close(): Promise<void>;
}

const MIGRATIONS = [
  `CREATE TABLE device_certificates (
     device_id TEXT PRIMARY KEY,
     certificate_json TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     stored_at INTEGER NOT NULL
   );
   CREATE TABLE revocation_lists (
     authority_key TEXT PRIMARY KEY,
     sequence INTEGER NOT NULL,
     digest TEXT NOT NULL,
     list_json TEXT NOT NULL,
     stored_at INTEGER NOT NULL
   );`,
];

export class SqliteTrustStore implements TrustRelayStore {
  private readonly db: Database.Database;
  private lists: RevocationList[] | undefined;

  /** `dataDir` ':memory:' keeps everything in memory. */
  constructor(options: { dataDir: string }) {
    let file = ':memory:';
    if (options.dataDir !== ':memory:') {
      mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      file = privateDatabaseFile(path.join(options.dataDir, 'trust.db'));
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) throw new ServerError('STORE_CORRUPT', `trust.db schema version ${current} is newer than this coordinator (${MIGRATIONS.length})`);
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  async putCertificates(certificates: readonly DeviceCertificate[], now: number): Promise<void> {
    const put = this.db.prepare(
      `INSERT INTO device_certificates (device_id, certificate_json, expires_at, stored_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET certificate_json = excluded.certificate_json, expires_at = excluded.expires_at, stored_at = excluded.stored_at`,
    );
    this.db.transaction(() => {
      for (const c of certificates) put.run(c.deviceId, JSON.stringify(certificateToJson(c)), c.expiresAtMs, now);
    })();
  }

  async certificateOf(deviceId: string): Promise<DeviceCertificate | undefined> {
    const row = this.db.prepare(`SELECT certificate_json FROM device_certificates WHERE device_id = ?`).get(deviceId) as { certificate_json: string } | undefined;
    return row ? certificateFromJson(JSON.parse(row.certificate_json)) : undefined;
  }

  async forgetCertificate(deviceId: string): Promise<boolean> {
    return this.db.prepare(`DELETE FROM device_certificates WHERE device_id = ?`).run(deviceId).changes > 0;
  }

  async putRevocationList(list: RevocationList, now: number): Promise<void> {
    const authority = toBase64(list.authorityKey);
    const digest = await revocationDigest(list);
    const row = this.db.prepare(`SELECT sequence, digest FROM revocation_lists WHERE authority_key = ?`).get(authority) as { sequence: number; digest: string } | undefined;
    if (row && list.sequence < row.sequence) throw new ServerError('BAD_REQUEST', `revocation list ${list.sequence} is older than the stored list ${row.sequence}`, 409);
    if (row && list.sequence === row.sequence && digest !== row.digest) throw new ServerError('BAD_REQUEST', `revocation list ${list.sequence} differs from the stored list with the same sequence`, 409);
    this.db
      .prepare(
        `INSERT INTO revocation_lists (authority_key, sequence, digest, list_json, stored_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(authority_key) DO UPDATE SET sequence = excluded.sequence, digest = excluded.digest, list_json = excluded.list_json, stored_at = excluded.stored_at`,
      )
      .run(authority, list.sequence, digest, JSON.stringify(revocationListToJson(list)), now);
    this.lists = undefined;
  }

  async revocationLists(): Promise<RevocationList[]> {
    this.lists ??= (this.db.prepare(`SELECT list_json FROM revocation_lists ORDER BY authority_key`).all() as { list_json: string }[]).map((r) =>
      revocationListFromJson(JSON.parse(r.list_json)),
    );
    return this.lists;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
