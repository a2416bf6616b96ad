import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createIdentity, type DeviceIdentity } from './identity.ts';

/**
 * Node hosts: the device identity in an owner-only file (`<dataDir>/identity.json`), created on
 * first use. Losing it means the device must be enrolled again with a new token.
 */
export function loadOrCreateIdentity(dataDir: string): DeviceIdentity {
  const file = path.join(dataDir, 'identity.json');
  if (existsSync(file)) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: string; secretKey?: string };
    const publicKey = Buffer.from(raw.publicKey ?? '', 'base64');
    const secretKey = Buffer.from(raw.secretKey ?? '', 'base64');
    if (publicKey.length !== 32 || secretKey.length !== 64) throw new Error(`${file} is not a Conclave device identity (expected a 32-byte public and 64-byte secret key)`);
    return { publicKey: new Uint8Array(publicKey), secretKey: new Uint8Array(secretKey) };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const identity = createIdentity();
  writeFileSync(file, JSON.stringify({ publicKey: Buffer.from(identity.publicKey).toString('base64'), secretKey: Buffer.from(identity.secretKey).toString('base64') }), { mode: 0o600 });
  chmodSync(file, 0o600);
  return identity;
}
