import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type RunningServer, type ServeOptions } from '../src/server.ts';
import { FakeClock } from './helpers/fake-clock.ts';

let server: RunningServer | undefined;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const c of cleanup.splice(0)) c();
});

async function start(opts: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-admin-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  server = await serve({ dataDir, port: 0, logger: pino({ level: 'silent' }), requireApproval: false, ...opts });
  return server;
}

const bearer = (s: RunningServer) => ({ authorization: `Bearer ${s.token}` });

async function signIn(s: RunningServer): Promise<string> {
  const res = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: s.token }) });
  expect(res.status).toBe(204);
  const cookie = res.headers.get('set-cookie')!;
  return cookie.split(';')[0]!;
}

describe('admin API routing', () => {
  it('answers a wrong method with 405, an Allow header and a JSON error; an unknown path with a JSON 404', async () => {
    const s = await start();
    const wrong = await fetch(`${s.url}/api/tasks`, { method: 'DELETE', headers: bearer(s) });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await wrong.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: 'DELETE is not allowed on /api/tasks; allowed: GET, HEAD, POST' } });
    const param = await fetch(`${s.url}/api/tasks/some-task/stop`, { method: 'GET', headers: bearer(s) });
    expect(param.status).toBe(405);
    expect(param.headers.get('allow')).toBe('POST');
    const missing = await fetch(`${s.url}/api/nothing-here`, { headers: bearer(s) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no route GET /api/nothing-here' } });
    const unknownTask = await fetch(`${s.url}/api/tasks/no-such-task/rounds`, { headers: bearer(s) });
    expect(unknownTask.status).toBe(404);
    expect(((await unknownTask.json()) as { error: { code: string } }).error.code).toBe('TASK_NOT_FOUND');
    const badLimit = await fetch(`${s.url}/api/tasks/no-such-task/rounds?limit=0`, { headers: bearer(s) });
    expect(badLimit.status).toBe(400);
    expect(((await badLimit.json()) as { error: { code: string; message: string } }).error.message).toMatch(/limit/);
    // Query strings are text: an integer is read from its digits, anything else is refused by name.
    const notNumber = await fetch(`${s.url}/api/audit?limit=ten`, { headers: bearer(s) });
    expect(notNumber.status).toBe(400);
    expect(((await notNumber.json()) as { error: { message: string } }).error.message).toMatch(/limit/);
    const lastOne = await fetch(`${s.url}/api/audit?limit=1`, { headers: bearer(s) });
    expect(lastOne.status).toBe(200);
    expect(((await lastOne.json()) as { entries: unknown[] }).entries.length).toBeLessThanOrEqual(1);
    const badJson = await fetch(`${s.url}/api/tasks`, { method: 'POST', headers: { ...bearer(s), 'content-type': 'application/json' }, body: '{"name": ' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const noAuth = await fetch(`${s.url}/api/tasks`);
    expect(noAuth.status).toBe(401);
    expect(((await noAuth.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const wrongBearer = await fetch(`${s.url}/api/tasks`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrongBearer.status).toBe(401);
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ ok: true, devices: 0 });
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const s = await start({ maxBodyBytes: 1024 });
    const big = await fetch(`${s.url}/api/tasks`, { method: 'POST', headers: { ...bearer(s), 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(4096) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('MESSAGE_TOO_LARGE');
    expect((await fetch(`${s.url}/api/tasks`, { headers: bearer(s) })).status).toBe(200);
  });

  it('publishes a valid OpenAPI 3 document listing every route, the task body derived from the task schema', async () => {
    const s = await start();
    const res = await fetch(`${s.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> } }>> };
    await SwaggerParser.validate(structuredClone(doc) as never);
    expect(doc.openapi).toBe('3.0.3');
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes.filter((r) => !r.startsWith('HEAD ')).sort()).toEqual(
      [
        'GET /healthz',
        'GET /metrics',
        'POST /api/session',
        'GET /api/session',
        'DELETE /api/session',
        'GET /api/tasks',
        'POST /api/tasks',
        'GET /api/tasks/{id}',
        'GET /api/tasks/{id}/approval-request',
        'POST /api/tasks/{id}/approval',
        'POST /api/tasks/{id}/stop',
        'GET /api/tasks/{id}/model',
        'GET /api/tasks/{id}/model/model.json',
        'GET /api/tasks/{id}/model/weights.bin',
        'GET /api/tasks/{id}/rounds',
        'GET /api/tasks/{id}/events',
        'POST /api/enrollment-tokens',
        'GET /api/devices',
        'POST /api/devices/{id}/revoke',
        'GET /api/fleet',
        'GET /api/certificates/pending',
        'POST /api/certificates',
        'GET /api/revocations',
        'PUT /api/revocations',
        'GET /api/transparency-log',
        // Routes other modules add (audit log, model versions, forgetting) appear here too.
        ...routes.filter((r) => /^(GET|POST) \/api\/(audit|tasks\/\{id\}\/models|devices\/\{id\}\/forget)/.test(r)),
      ].sort(),
    );
    const taskBody = doc.paths['/api/tasks']!.post!.requestBody!.content['application/json']!.schema;
    expect(taskBody.required).toEqual(expect.arrayContaining(['name', 'purpose', 'stream', 'model', 'features', 'cohort', 'rounds']));
    expect(Object.keys(taskBody.properties)).toEqual(expect.arrayContaining(['privacy', 'secureAggregation', 'timeouts']));
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
    expect(doc.paths['/api/tasks']!.get!.security).toBeUndefined();
  });
});

describe('dashboard sign-in', () => {
  it('sets an HttpOnly SameSite=Strict session cookie for the right token, audits both outcomes, and needs the CSRF header for writes', async () => {
    const s = await start();
    const wrong = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'guess-guess-guess' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const res = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: s.token }) });
    expect(res.status).toBe(204);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^conclave_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure'); // plain http here; set when served over https
    expect(setCookie).not.toContain(s.token);
    const cookie = setCookie.split(';')[0]!;

    expect(await (await fetch(`${s.url}/api/session`, { headers: { cookie } })).json()).toEqual({ signedIn: true });
    expect((await fetch(`${s.url}/api/tasks`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${s.url}/api/session`)).status).toBe(401);
    expect((await fetch(`${s.url}/api/session`, { headers: { cookie: 'conclave_session=forged' } })).status).toBe(401);

    // A write with only the cookie is what a cross-site form would send: refused.
    const body = JSON.stringify({ count: 1 });
    const forged = await fetch(`${s.url}/api/enrollment-tokens`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const foreign = await fetch(`${s.url}/api/enrollment-tokens`, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body });
    expect(foreign.status).toBe(403);
    const withHeader = await fetch(`${s.url}/api/enrollment-tokens`, { method: 'POST', headers: { cookie, 'x-conclave-csrf': '1', 'content-type': 'application/json' }, body });
    expect(withHeader.status).toBe(201);
    const sameOrigin = await fetch(`${s.url}/api/enrollment-tokens`, { method: 'POST', headers: { cookie, origin: s.url, 'content-type': 'application/json' }, body });
    expect(sameOrigin.status).toBe(201);

    const actions = (await s.coordinator.store.auditLog(50)).map((e) => [e.actor, e.action]);
    expect(actions).toEqual(expect.arrayContaining([['anonymous', 'session.sign-in-failed'], ['admin', 'session.sign-in']]));

    const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^conclave_session=;/);
    expect((await fetch(`${s.url}/api/tasks`, { headers: { cookie } })).status).toBe(401);
  });

  it('ends a session at its expiry', async () => {
    const clock = new FakeClock(Date.now());
    const s = await start({ adminSessions: { ttlMs: 60_000, clock } });
    const cookie = await signIn(s);
    clock.advance(59_000);
    expect((await fetch(`${s.url}/api/session`, { headers: { cookie } })).status).toBe(200);
    clock.advance(1_000);
    expect((await fetch(`${s.url}/api/session`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('fleet and dashboard files', () => {
  it('lists the fleet with counts and no round links', async () => {
    const s = await start();
    const res = await fetch(`${s.url}/api/fleet`, { headers: bearer(s) });
    expect(await res.json()).toEqual({ devices: [], counts: { enrolled: 0, connected: 0, revoked: 0 } });
  });

  it('serves the built dashboard at / without a sign-in, and a build hint when there is none', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-dashboard-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Conclave</title><script src="/assets/app.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("dashboard")');
    const s = await start({ dashboardDir: dir });
    const index = await fetch(`${s.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('x-frame-options')).toBe('DENY');
    expect(await index.text()).toContain('<title>Conclave</title>');
    const asset = await fetch(`${s.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("dashboard")');
    expect((await fetch(`${s.url}/assets/missing.js`)).status).toBe(404);
    await s.close();

    const bare = await start({ dashboardDir: false });
    const hint = await fetch(`${bare.url}/`);
    expect(hint.status).toBe(200);
    expect(await hint.text()).toContain('pnpm --filter @conclave/dashboard build');
  });
});
