// Regenerates src/generated/conclave.{js,d.ts} from conclave.proto with protobufjs-cli.
// `node scripts/generate.mjs --out DIR` writes elsewhere (the staleness test uses it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'src/generated');
mkdirSync(outDir, { recursive: true });

const require = createRequire(import.meta.url);
const cliDir = path.dirname(require.resolve('protobufjs-cli/package.json'));
const js = path.join(outDir, 'conclave.js');
const dts = path.join(outDir, 'conclave.d.ts');

execFileSync(process.execPath, [
  path.join(cliDir, 'bin/pbjs'), '-t', 'static-module', '-w', 'es6', '--no-beautify',
  '--no-delimited', '--no-verify', '--no-convert', '--force-number',
  '-o', js, path.join(root, 'conclave.proto'),
], { cwd: root, stdio: 'inherit' });
// protobufjs/minimal is CommonJS: take its module.exports as the default import so that the
// generated module loads under Node's ESM loader and bundlers alike.
const source = readFileSync(js, 'utf8').replace(
  /import \* as \$protobuf from "protobufjs\/minimal";/,
  'import $protobuf from "protobufjs/minimal.js";',
);
writeFileSync(js, source);
execFileSync(process.execPath, [path.join(cliDir, 'bin/pbts'), '--no-comments', '-o', dts, js], { cwd: root, stdio: 'inherit' });
