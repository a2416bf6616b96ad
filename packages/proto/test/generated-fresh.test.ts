import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(path.join(tmpdir(), 'conclave-proto-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// The committed static code must be what conclave.proto generates today; if this fails, run
// `pnpm --filter @conclave/proto generate` and commit the result.
it('committed generated code matches conclave.proto', () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/generate.mjs'), '--out', out], { stdio: 'pipe' });
  for (const file of ['conclave.js', 'conclave.d.ts']) {
    const fresh = readFileSync(path.join(out, file), 'utf8');
    const committed = readFileSync(path.join(root, 'src/generated', file), 'utf8');
    expect(committed === fresh, `src/generated/${file} is stale: run pnpm --filter @conclave/proto generate`).toBe(true);
  }
}, 60_000);
