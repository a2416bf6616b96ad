#!/usr/bin/env node
// The `conclave` CLI. An installed package runs the compiled CLI in dist/ with plain Node. In a
// Conclave source checkout (this file not under node_modules, src/ beside it) it runs the
// TypeScript source instead, through tsx and with the `source` export condition, so the
// workspace needs no build step and never runs a stale dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const source = new URL('../src/cli.ts', import.meta.url);
const checkout = !/[\\/]node_modules[\\/]/.test(self) && existsSync(source);

if (checkout) {
  const { register } = await import('node:module');
  // Resolve @conclave/* (and #imports) through their `source` condition, as `node --conditions=source` would.
  const addSourceCondition = 'export async function resolve(specifier, context, next) { return next(specifier, { ...context, conditions: ["source", ...context.conditions] }); }';
  register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(source.href);
} else {
  await import('../dist/cli.js');
}
