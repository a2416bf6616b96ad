/**
 * The PostgreSQL connection pool the store runs on, its transactions and its migrations.
 * `bigint` columns (times in milliseconds, sequence numbers) come back as numbers: every value
 * the coordinator stores in them is below 2^53.
 */
import pg from 'pg';
import { ServerError } from '../errors.ts';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './migrations/index.ts';

export type Queryable = Pick<pg.PoolClient, 'query'>;

const INT8_OID = 20;
const int8AsNumber = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Held by whoever migrates the schema, so that nodes starting together migrate once. */
const MIGRATION_LOCK = 0x636f6e63; // "conc"

export interface PostgresPoolOptions {
  /** A libpq connection URL: postgres://user:password@host:port/database */
  url: string;
  /** Connections the pool keeps at most. @default 10 */
  poolSize?: number;
}

export function createPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types: int8AsNumber });
  // An idle connection that breaks (server restart) must not take the coordinator down; the
  // pool drops it and the next query opens another.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `fn` in one transaction (READ COMMITTED; writers lock the rows they depend on). */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Brings the schema to the newest version this code knows, in one transaction under an advisory
 * lock; refuses a database whose schema is newer than the code (an older coordinator must not
 * write to it).
 */
export async function migrate(pool: pg.Pool, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<number> {
  const newest = migrations.at(-1)?.version ?? 0;
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`);
    const { rows } = await c.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > newest) {
      throw new ServerError('STORE_CORRUPT', `database schema version ${current} is newer than this coordinator (${newest}); upgrade the coordinator`);
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
    }
    return newest;
  });
}
