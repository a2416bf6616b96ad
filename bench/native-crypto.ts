/**
 * `pnpm bench:native-crypto`: what one Ed25519 verification and one X25519 agreement cost through
 * each provider a device may get — libsodium (sodium-native, the default in Node when it loads),
 * node:crypto (`CONCLAVE_NATIVE_CRYPTO=openssl`) and tweetnacl (browsers without a native path) —
 * measured in one run, in child processes started one after another so they do not share a core.
 * A device of a 1,000-device malicious-server round does about 177 verifications and 132
 * agreements (BENCHMARKS.md, "Secure aggregation").
 *
 *   pnpm bench:native-crypto [--n 20000] [--json]
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadCryptoProvider, tweetnaclProvider, type CryptoProvider } from '@conclave/secagg';

interface Timing {
  provider: string;
  verifyUs: number;
  agreeUs: number;
}

function measure(provider: CryptoProvider, n: number): Timing {
  const seed = new Uint8Array(32).fill(7);
  const message = new Uint8Array(200).fill(1);
  const publicKey = provider.ed25519PublicKey(seed);
  const signature = provider.ed25519Sign(seed, message);
  const mine = provider.x25519(new Uint8Array(32).fill(3));
  // Fresh peer keys each time, as a device meets them: a new array per peer.
  const peers = Array.from({ length: 64 }, (_, i) => tweetnaclProvider.x25519(new Uint8Array(32).fill(i + 11)).publicKey);
  const time = (f: (i: number) => void): number => {
    for (let i = 0; i < Math.min(n, 500); i++) f(i); // warm up
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f(i);
    return ((performance.now() - t0) * 1000) / n;
  };
  const verifyUs = time(() => {
    if (!provider.ed25519Verify(publicKey.slice(), message, signature)) throw new Error(`${provider.name}: a genuine signature did not verify`);
  });
  const agreeUs = time((i) => mine.agree(peers[i % peers.length]!.slice()));
  return { provider: provider.name, verifyUs: Math.round(verifyUs * 10) / 10, agreeUs: Math.round(agreeUs * 10) / 10 };
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const n = Number(flag('--n') ?? 20_000);
if (!(Number.isInteger(n) && n > 0)) throw new Error(`--n must be a positive integer, got ${flag('--n')}`);

if (args.includes('--child')) {
  const provider = args.includes('--tweetnacl') ? tweetnaclProvider : await loadCryptoProvider();
  process.stdout.write(JSON.stringify(measure(provider, args.includes('--tweetnacl') ? Math.max(1, Math.round(n / 50)) : n)) + '\n');
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (extra: string[], env: NodeJS.ProcessEnv): Timing =>
    JSON.parse(execFileSync(process.execPath, [...process.execArgv, self, '--child', '--n', String(n), ...extra], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split('\n').at(-1)!) as Timing;
  const rows = [run([], {}), run([], { CONCLAVE_NATIVE_CRYPTO: 'openssl' }), run(['--tweetnacl'], {})];
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ rows, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, loadAverage: os.loadavg() }) + '\n');
  } else {
    console.log('| provider | Ed25519 verification | X25519 agreement |\n| --- | ---: | ---: |');
    for (const r of rows) console.log(`| ${r.provider} | ${r.verifyUs} µs | ${r.agreeUs} µs |`);
    console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
}
