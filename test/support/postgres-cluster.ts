/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temporary directory, `pg_ctl start` on
 * a free loopback port, password (SCRAM) authentication over TCP, stopped and deleted by
 * `stop()`. PostgreSQL refuses to run as root, so when the tests run as root the binaries run as
 * the `postgres` user through `runuser` (Debian's `postgresql` package creates that user).
 *
 * No PostgreSQL installed is a failure with the command that installs it, never a skip.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresCluster {
  /** postgres://USER:PASSWORD@127.0.0.1:PORT/conclave — a database created for the caller. */
  url: string;
  /** A URL for another, empty database of this cluster (created on demand). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = 'conclave';
const PASSWORD = 'conclave-test-password';

/** The directory of initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else one on PATH. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(root, versions[0], 'bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(
    'PostgreSQL is not installed: the store contract tests need initdb and pg_ctl. Install it with `apt-get install -y postgresql` (Debian; .ci/run does this) and run the tests again.',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
async function pgRun(asUser: boolean, file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const [cmd, argv] = asUser ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await run(cmd, argv, { env: { ...process.env, ...env }, timeout: 60_000 });
    return stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`${path.basename(file)} failed: ${e.stderr || e.message}`);
  }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const asUser = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'conclave-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (asUser) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  await pgRun(asUser, path.join(bin, 'initdb'), ['-D', data, '-U', USER, `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=peer', '--locale=C', '--encoding=UTF8', '--no-sync']);
  const port = await freePort();
  // Durability is not what these tests check: fsync off keeps them fast.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  await pgRun(asUser, path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const urlOf = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  const createDatabase = async (name: string) => {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": lower-case letters, digits and _ only`);
    await pgRun(false, path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, name], { PGPASSWORD: PASSWORD });
    return urlOf(name);
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await pgRun(asUser, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    return { url: await createDatabase('conclave'), createDatabase, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
