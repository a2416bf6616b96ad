/**
 * `conclave authority …`: the enrollment authority's side (issue 10, part 2). The authority's
 * Ed25519 key is meant to be held apart from the coordinator (a privacy officer, a works
 * council): these commands read it from a file on the authority's machine and talk to the
 * coordinator's admin API only to fetch what is pending and hand back what was signed. The
 * coordinator stores and relays certificates and revocation lists; it cannot make them.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  certificateToJson,
  deviceIdFor,
  fromBase64,
  generateSigningKeyPair,
  issueCertificate,
  issueRevocationList,
  keyFingerprint,
  publicKeyToJson,
  revocationListFromJson,
  revocationListToJson,
  signingKeyFromJson,
  signingKeyToJson,
  verifyRevocationList,
  type NamedSigningKey,
} from '@conclave/proto';
import type { Command } from 'commander';

/** What the CLI shares with these commands (cli.ts owns the connection handling). */
export interface AuthorityCliDeps {
  /** Adds --url, --token and --data-dir to a command that talks to the coordinator. */
  remote(cmd: Command): Command;
  /** Calls the admin API; exits with a clear message on failure. */
  api(opts: Record<string, unknown>, method: string, route: string, body?: unknown): Promise<Response>;
  fail(message: string): never;
}

export const AUTHORITY_KEY_FILE = 'authority.key';
export const AUTHORITY_PUBLIC_FILE = 'authority.pub.json';
/** The newest revocation list the authority signed, kept beside its key. */
export const REVOCATION_STATE_FILE = 'revocation-list.json';
/** @default validity of a certificate, in days */
export const DEFAULT_CERTIFICATE_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;

/** Writes a new authority key pair into `dir` (the private file readable by its owner only). */
export async function initAuthority(dir: string, name: string, force = false): Promise<{ keyFile: string; publicFile: string; fingerprint: string; publicKey: string }> {
  const keyFile = path.join(dir, AUTHORITY_KEY_FILE);
  const publicFile = path.join(dir, AUTHORITY_PUBLIC_FILE);
  if (!force && existsSync(keyFile)) throw new Error(`${keyFile} exists already; pass --force to replace it (devices pinning the old key would refuse every peer)`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pair = await generateSigningKeyPair();
  const key: NamedSigningKey = { ...pair, role: 'authority', name };
  writeFileSync(keyFile, JSON.stringify(signingKeyToJson(key), null, 2) + '\n', { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  const pub = await publicKeyToJson(key);
  writeFileSync(publicFile, JSON.stringify(pub, null, 2) + '\n', { mode: 0o644 });
  return { keyFile, publicFile, fingerprint: await keyFingerprint(pair.publicKey), publicKey: pub.publicKey as string };
}

/** Reads an authority key file; the error names the file and what is wrong with it. */
export async function readAuthorityKey(file: string): Promise<NamedSigningKey> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the authority key ${file}: ${(err as Error).message}`);
  }
  return signingKeyFromJson(json, 'authority', file);
}

export interface PendingDevice {
  deviceId: string;
  publicKey: string;
}

/**
 * Certificates for the pending devices the authority chose. Each device id must be the hash of
 * the key the coordinator lists with it (a coordinator cannot pass off its own key under an id
 * an employee reported), and every chosen id must be pending.
 */
export async function signPending(
  key: NamedSigningKey,
  pending: readonly PendingDevice[],
  choose: { readonly deviceIds?: readonly string[]; readonly allPending?: boolean },
  validity: { readonly nowMs: number; readonly days: number },
): Promise<ReturnType<typeof certificateToJson>[]> {
  const wanted = choose.allPending ? undefined : new Set(choose.deviceIds ?? []);
  if (wanted !== undefined) {
    for (const id of wanted) if (!pending.some((p) => p.deviceId === id)) throw new Error(`device ${id} is not pending at the coordinator (enrolled, and without a certificate)`);
  }
  const out: ReturnType<typeof certificateToJson>[] = [];
  for (const p of pending) {
    if (wanted !== undefined && !wanted.has(p.deviceId)) continue;
    const publicKey = fromBase64(p.publicKey, `the public key of ${p.deviceId}`);
    if ((await deviceIdFor(publicKey)) !== p.deviceId) throw new Error(`the coordinator lists device ${p.deviceId} with a key that is not its own; refusing to sign`);
    const cert = await issueCertificate(key, { publicKey, issuedAtMs: validity.nowMs, expiresAtMs: validity.nowMs + validity.days * DAY_MS });
    out.push(certificateToJson(cert));
  }
  return out;
}

/** The next revocation list: the last one this authority signed (kept beside its key) plus `deviceIds`. */
export async function nextRevocationList(key: NamedSigningKey, stateFile: string, deviceIds: readonly string[], nowMs: number) {
  let sequence = 1;
  let revoked: string[] = [];
  if (existsSync(stateFile)) {
    const previous = revocationListFromJson(JSON.parse(readFileSync(stateFile, 'utf8')));
    const check = await verifyRevocationList(previous, { authorityKeys: [key.publicKey] });
    if (!check.ok) throw new Error(`${stateFile} is not a list this authority signed: ${check.message}`);
    sequence = previous.sequence + 1;
    revoked = [...previous.revoked];
  }
  const list = await issueRevocationList(key, { sequence, issuedAtMs: nowMs, revoked: [...revoked, ...deviceIds] });
  writeFileSync(stateFile, JSON.stringify(revocationListToJson(list), null, 2) + '\n', { mode: 0o600 });
  return revocationListToJson(list);
}

function days(text: string, fail: (m: string) => never): number {
  const n = Number(text);
  if (!(Number.isFinite(n) && n > 0 && n <= 5 * 366)) fail(`--valid-days must be a number of days in (0, 1830], got "${text}"`);
  return n;
}

export function addAuthorityCommands(program: Command, deps: AuthorityCliDeps): void {
  const authority = program
    .command('authority')
    .description('the enrollment authority (held apart from the coordinator): its key, device certificates, revocations');

  authority
    .command('init')
    .description('make the authority key pair: DIR/authority.key (private, 0600) and DIR/authority.pub.json (to pin in SDK options)')
    .requiredOption('-o, --out <dir>', 'directory for the key files (keep it off the coordinator)')
    .option('--name <name>', 'who holds the key, shown next to its fingerprint', 'Enrollment authority')
    .option('--force', 'replace an existing key')
    .option('--json', 'print JSON')
    .action(async (opts: { out: string; name: string; force?: boolean; json?: boolean }) => {
      try {
        const made = await initAuthority(opts.out, opts.name, opts.force === true);
        if (opts.json) return void process.stdout.write(JSON.stringify(made) + '\n');
        process.stdout.write(
          [
            `authority key written to ${made.keyFile} (keep it away from the coordinator)`,
            `public key   ${made.publicKey}`,
            `fingerprint  ${made.fingerprint}`,
            `Pin it in every SDK: createClient({ authorityKeys: [<public key bytes>] }) (the file ${made.publicFile})`,
            '',
          ].join('\n'),
        );
      } catch (err) {
        deps.fail((err as Error).message);
      }
    });

  deps
    .remote(authority.command('sign'))
    .description('sign certificates for devices enrolled at the coordinator and not yet certified, and hand them back')
    .requiredOption('-k, --key <file>', 'the authority key file (authority.key)')
    .option('--device <id...>', 'device ids to certify (as each employee reports it from their device)')
    .option('--all-pending', 'certify every device the coordinator lists as pending (trusts the coordinator’s enrollment: demos only)')
    .option('--valid-days <days>', 'certificate validity', String(DEFAULT_CERTIFICATE_DAYS))
    .option('--json', 'print JSON')
    .action(async (opts: Record<string, unknown> & { key: string; device?: string[]; allPending?: boolean; validDays: string; json?: boolean }) => {
      if (!opts.allPending && (opts.device ?? []).length === 0) deps.fail('name the devices to certify with --device ID… (or --all-pending for a demo)');
      const validDays = days(opts.validDays, deps.fail);
      try {
        const key = await readAuthorityKey(opts.key);
        const res = await deps.api(opts, 'GET', '/api/certificates/pending');
        const { devices } = (await res.json()) as { devices: PendingDevice[] };
        const certificates = await signPending(key, devices, { ...(opts.device ? { deviceIds: opts.device } : {}), allPending: opts.allPending === true }, { nowMs: Date.now(), days: validDays });
        if (certificates.length > 0) await deps.api(opts, 'POST', '/api/certificates', { certificates });
        if (opts.json) return void process.stdout.write(JSON.stringify({ certified: certificates.map((c) => c.deviceId) }) + '\n');
        process.stdout.write(certificates.length === 0 ? 'nothing pending to certify\n' : certificates.map((c) => `certified ${c.deviceId} until ${new Date(c.expiresAtMs).toISOString()}\n`).join(''));
      } catch (err) {
        deps.fail((err as Error).message);
      }
    });

  deps
    .remote(authority.command('revoke'))
    .description('add devices to the authority’s signed revocation list and hand it to the coordinator; devices then refuse them as peers')
    .requiredOption('-k, --key <file>', 'the authority key file (authority.key); the last list it signed is kept beside it')
    .argument('<device-ids...>', 'device ids to revoke')
    .option('--json', 'print JSON')
    .action(async (deviceIds: string[], opts: Record<string, unknown> & { key: string; json?: boolean }) => {
      try {
        const key = await readAuthorityKey(opts.key);
        const list = await nextRevocationList(key, path.join(path.dirname(opts.key), REVOCATION_STATE_FILE), deviceIds, Date.now());
        await deps.api(opts, 'PUT', '/api/revocations', list);
        if (opts.json) return void process.stdout.write(JSON.stringify({ sequence: list.sequence, revoked: list.revoked }) + '\n');
        process.stdout.write(`revocation list ${list.sequence}: ${list.revoked.length} device(s) revoked\n`);
      } catch (err) {
        deps.fail((err as Error).message);
      }
    });
}
