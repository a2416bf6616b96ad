/**
 * Which store a coordinator runs on, from `conclave serve --store`: `sqlite:PATH` (a data
 * directory; the default is the coordinator's own data directory) or a PostgreSQL URL
 * (`postgres://user:password@host:port/database`, also `postgresql://`).
 */
import { ServerError } from '../errors.ts';
import { PostgresStore } from './postgres-store.ts';
import { SqliteStore } from './sqlite-store.ts';
import { SqliteTrustStore, type TrustRelayStore } from './sqlite-trust-store.ts';
import type { Store } from './store.ts';

export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface OpenStoreOptions {
  /** PostgreSQL connections per coordinator process. @default 10 */
  poolSize?: number;
}

/** Parses a `--store` value; without one, SQLite in `dataDir`. */
export function parseStoreLocation(value: string | undefined, dataDir: string): StoreLocation {
  if (value === undefined || value === '') return { kind: 'sqlite', dataDir };
  if (value.startsWith('sqlite:')) {
    const dir = value.slice('sqlite:'.length);
    if (!dir) throw new ServerError('BAD_REQUEST', '--store sqlite:PATH needs a directory after "sqlite:"');
    return { kind: 'sqlite', dataDir: dir };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new ServerError('BAD_REQUEST', '--store: not a valid PostgreSQL URL (expected postgres://user:password@host:port/database)');
    }
    return { kind: 'postgres', url: value };
  }
  throw new ServerError('BAD_REQUEST', `--store "${value.split(':')[0]}:…" is not a store this coordinator knows: give sqlite:PATH or postgres://user:password@host:port/database`);
}

/** Opens the store and the trust relay's store at `location` (migrating the schema). */
export async function openStore(location: StoreLocation, options: OpenStoreOptions = {}): Promise<{ store: Store; trust: TrustRelayStore }> {
  if (location.kind === 'sqlite') return { store: new SqliteStore({ dataDir: location.dataDir }), trust: new SqliteTrustStore({ dataDir: location.dataDir }) };
  let store: PostgresStore;
  try {
    store = await PostgresStore.open({ url: location.url, ...(options.poolSize !== undefined ? { poolSize: options.poolSize } : {}) });
  } catch (err) {
    if (err instanceof ServerError) throw err;
    throw new ServerError('STORE_UNAVAILABLE', `cannot open the PostgreSQL store at ${redactedLocation(location)}: ${(err as Error).message}`, 503);
  }
  return { store, trust: store.trust };
}

/** A PostgreSQL URL with its password hidden, for logs and the startup banner. */
export function redactedLocation(location: StoreLocation): string {
  if (location.kind === 'sqlite') return `sqlite:${location.dataDir}`;
  const url = new URL(location.url);
  if (url.password) url.password = '***';
  return url.toString();
}
