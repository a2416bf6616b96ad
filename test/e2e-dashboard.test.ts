/**
 * The dashboard in Chromium against a real coordinator with real SDK devices: signing in through
 * the form (a wrong token is refused with a message), the task list, a task's live round over
 * server-sent events, and plots whose drawn numbers (read from the page's uPlot instances) equal
 * `GET /api/tasks/:id/rounds`; then the fleet and the audit log. Screenshots go to
 * CONCLAVE_DASHBOARD_SHOTS when it names a directory (else to a temporary one, removed after).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dashboardBuilt, dashboardDir } from '@conclave/dashboard';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEVICES = 6;
/** Enough rounds that the page opens while the task still runs. */
const ROUNDS = 12;
/**
 * The final evaluation round's figures are noised (σ = z on a sum of vectors of norm at most 1,
 * PROTOCOL.md §4) and have no accuracy or loss when the noised example count falls to zero: at
 * ε = 8 (z ≈ 1.39, each device's example entry 0.43) that happened about one run in ten with four
 * evaluators, and CI drew no accuracy plot. At ε = 60 (z ≈ 0.39), with each device's 12 held-out
 * examples as the scale (entry 1/√3), three evaluators are 4.5 σ from it.
 */
const TARGET_EPSILON = 60;

interface RoundView {
  round: number;
  kind: 'train' | 'evaluate';
  status: 'committed' | 'aborted';
  metrics: null | {
    selected: number;
    participants: number;
    dropped: number;
    trainLoss: number | null;
    evalLoss: number | null;
    evalAccuracy: number | null;
    evalModelVersion: number;
    epsilonSpent?: number;
    epsilonForReleasedModel?: number;
    clipNorm?: number;
  };
}

/** What a plot draws: its series labels (x first) and uPlot's data arrays. */
type Drawn = Record<string, { labels: string[]; data: (number | null)[][] }>;

let h: Harness;
let browser: Browser;
const keepShots = process.env.CONCLAVE_DASHBOARD_SHOTS;
const shots = keepShots ?? mkdtempSync(path.join(tmpdir(), 'conclave-dashboard-shots-'));

async function api<T>(pathname: string): Promise<T> {
  const res = await fetch(h.server.url + pathname, { headers: { authorization: `Bearer ${h.server.token}` } });
  if (!res.ok) throw new Error(`GET ${pathname}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Creates a task through the admin API (the harness's approver signs it) and returns its id. */
async function createTask(spec: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${h.server.url}/api/tasks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  if (res.status !== 201) throw new Error(`POST /api/tasks: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Each metric of the rounds, as a column (null where a round has no metrics or no such figure). */
const metric = (rounds: RoundView[]) => (pick: (x: NonNullable<RoundView['metrics']>) => number | null | undefined) =>
  rounds.map((r) => (r.metrics ? (pick(r.metrics) ?? null) : null));

/** Reads the uPlot instances of the page and compares every series with the API's rounds. */
async function expectPlotsMatch(page: Page, rounds: RoundView[], plots: string[]): Promise<void> {
  const drawn = (await page.evaluate(() => {
    const all = window.__conclaveDashboard?.plots ?? {};
    return Object.fromEntries(Object.entries(all).map(([id, u]) => [id, { labels: u!.series.map((s) => String(s.label)), data: u!.data.map((d) => Array.from(d as ArrayLike<number | null>)) }]));
  })) as Drawn;
  const m = metric(rounds);
  const x = rounds.map((_, i) => i + 1);
  const budget = (await api<{ privacy: { targetEpsilon: number } | null }>(`/api/tasks/${encodeURIComponent((await page.locator('section.task').getAttribute('data-task-id'))!)}`)).privacy?.targetEpsilon;
  const expected: Drawn = {
    loss: { labels: ['round', 'training loss', 'evaluation loss'], data: [x, m((r) => r.trainLoss), m((r) => r.evalLoss)] },
    accuracy: { labels: ['round', 'evaluation accuracy'], data: [x, m((r) => r.evalAccuracy)] },
    // Nothing recorded dropouts by phase in these rounds: one series of the dropped total.
    devices: { labels: ['round', 'selected', 'reported', 'dropped'], data: [x, m((r) => r.selected), m((r) => r.participants), m((r) => r.dropped)] },
    privacy: {
      labels: ['round', 'ε against the coordinator', 'ε for the released model', 'budget'],
      data: [x, m((r) => r.epsilonSpent), m((r) => r.epsilonForReleasedModel), x.map(() => budget ?? null)],
    },
    clipNorm: { labels: ['round', 'clip norm'], data: [x, m((r) => r.clipNorm)] },
  };
  expect(Object.keys(drawn).sort()).toEqual([...plots].sort());
  for (const id of plots) expect(drawn[id], `plot ${id}`).toEqual(expected[id]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  expect(dashboardBuilt(), 'the dashboard is not built: pnpm --filter @conclave/dashboard build (pnpm test does it first)').toBe(true);
  mkdirSync(shots, { recursive: true });
  h = await startHarness({ dashboardDir });
  for (let i = 0; i < DEVICES; i++) await h.addClient();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (!keepShots) rmSync(shots, { recursive: true, force: true });
});

describe('the dashboard', () => {
  it('signs in, follows a task live, plots the API figures, and shows the fleet and the audit log', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${h.server.url}/`);

    // A wrong token: refused with a message, and no session.
    const tokenField = page.getByLabel('Admin token');
    await tokenField.fill('not-the-admin-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not accepted/);
    await shot(page, '01-wrong-token');
    expect(await context.cookies()).toEqual([]);

    // A central-DP task under secure aggregation (created now, so the list shows it at sign-in).
    const taskId = await createTask(
      await denseTask(8, {
        name: 'Dashboard task',
        rounds: ROUNDS,
        cohort: { goal: 4, minimum: 3 },
        timeouts: { selectionMs: 300, roundMs: 15_000 },
        privacy: { mode: 'central', targetEpsilon: TARGET_EPSILON, delta: 1e-3, clipNorm: 1 },
        // 60 examples a device, a fifth held out.
        evaluation: { evalFraction: 0.2, finalRound: true, maxExamplesPerDevice: 12 },
        secureAggregation: { enabled: true, maliciousServer: false },
        maxConsecutiveFailures: 20,
      }),
    );

    // The right token, typed and submitted from the keyboard; the field is cleared and the
    // session is an HttpOnly cookie that is not the token.
    await tokenField.fill(h.server.token);
    await tokenField.press('Enter');
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['conclave_session', true, 'Strict']]);
    expect(cookies[0]!.value).not.toContain(h.server.token);
    expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie)).not.toContain(h.server.token);

    // The task list links to the task.
    const link = page.locator(`a[data-task-id="${taskId}"]`);
    await link.waitFor();
    await shot(page, '02-task-list');
    await link.click();
    await page.getByRole('heading', { name: 'Dashboard task', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');

    // The live view: the stream opens and shows the running round's phase and reports.
    await page.locator('[data-live-connection="open"]').waitFor();
    const phase = page.locator('.live .phase');
    await expect.poll(() => phase.getAttribute('data-live-phase'), { timeout: 30_000 }).toMatch(/^(selecting|reporting|idle)$/);
    expect(await phase.textContent()).toMatch(/^Round \d+( \(attempt \d+\))?: (selecting|reporting|idle)$/);
    expect(Number(await page.locator('#live-progress').getAttribute('data-live-selected'))).toBeGreaterThanOrEqual(0);
    await shot(page, '03-task-live');

    // Every round ends; the page has re-read the rounds after the last one.
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status).toBe('completed');
    const { rounds } = await api<{ rounds: RoundView[] }>(`/api/tasks/${taskId}/rounds`);
    expect(rounds.filter((r) => r.status === 'committed' && r.kind === 'train')).toHaveLength(ROUNDS);
    await page.locator(`.plots[data-rounds="${rounds.length}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(() => phase.getAttribute('data-live-phase')).toBe('none');

    // What uPlot draws is what the API says, point for point.
    await expectPlotsMatch(page, rounds, ['accuracy', 'clipNorm', 'devices', 'loss', 'privacy']);
    const m = metric(rounds);
    expect(m((r) => r.evalAccuracy).some((v) => v !== null)).toBe(true);
    expect(m((r) => r.epsilonSpent).filter((v) => v !== null).length).toBeGreaterThanOrEqual(ROUNDS);
    expect(m((r) => r.epsilonSpent).every((v) => v === null || (v > 0 && v <= TARGET_EPSILON + 1e-9))).toBe(true);
    expect(m((r) => r.clipNorm).filter((v) => v === 1).length).toBeGreaterThanOrEqual(ROUNDS);

    // The legend names the model version an evaluation figure measures (the API's evalModelVersion).
    const evaluated = rounds.findLastIndex((r) => r.metrics?.evalAccuracy !== null && r.metrics?.evalAccuracy !== undefined);
    const legend = await page.evaluate((idx) => {
      const u = window.__conclaveDashboard!.plots.accuracy!;
      u.setCursor({ left: u.valToPos(idx + 1, 'x'), top: 10 });
      return u.root.querySelector('.u-legend .u-series:nth-child(2) .u-value')?.textContent;
    }, evaluated);
    const { evalAccuracy, evalModelVersion } = rounds[evaluated]!.metrics!;
    expect(legend).toBe(`${Number.isInteger(evalAccuracy) ? String(evalAccuracy) : evalAccuracy!.toFixed(4)} (model v${evalModelVersion})`);
    await shot(page, '04-task-plots');

    // A task without differential privacy reports its training loss: plotted as served, and the
    // ε and clip-norm plots say why they are empty.
    const plainId = await createTask(
      await denseTask(8, { name: 'Plain task', rounds: 2, cohort: { goal: 4, minimum: 3 }, timeouts: { selectionMs: 300, roundMs: 15_000 }, secureAggregation: { enabled: true, maliciousServer: false }, maxConsecutiveFailures: 20 }),
    );
    await page.goto(`${h.server.url}/#/tasks/${plainId}`);
    await page.getByRole('heading', { name: 'Plain task', level: 1 }).waitFor();
    expect((await waitForTask(h.server, plainId, (s) => s.status !== 'running', 60_000)).status).toBe('completed');
    const plainRounds = (await api<{ rounds: RoundView[] }>(`/api/tasks/${plainId}/rounds`)).rounds;
    await page.locator(`.plots[data-rounds="${plainRounds.length}"]`).waitFor({ timeout: 15_000 });
    await expectPlotsMatch(page, plainRounds, ['accuracy', 'devices', 'loss']);
    expect(metric(plainRounds)((r) => r.trainLoss).filter((v) => v !== null)).toHaveLength(2);
    expect(await page.locator('[data-plot="privacy"] .empty').textContent()).toMatch(/no differential privacy/);
    expect(await page.locator('[data-plot="clipNorm"] .empty').textContent()).toMatch(/clips no updates/);
    await shot(page, '05-plain-task');

    // A narrow window: one column, nothing wider than the window.
    await page.setViewportSize({ width: 400, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, '06-task-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The fleet: the API's counts, no round anywhere on the page.
    await page.getByRole('link', { name: 'Device fleet' }).click();
    await page.locator('[data-count="enrolled"]').waitFor();
    const fleet = await api<{ counts: { enrolled: number; connected: number; revoked: number } }>('/api/fleet');
    expect(fleet.counts.enrolled).toBe(DEVICES);
    for (const [key, value] of Object.entries(fleet.counts)) expect(await page.locator(`[data-count="${key}"]`).textContent()).toBe(String(value));
    expect(await page.locator('table.fleet tbody tr').count()).toBe(DEVICES);
    expect(await page.locator('table.fleet').textContent()).not.toMatch(/round/i);
    await shot(page, '07-fleet');

    // The audit log, verified by the coordinator's chain check; on a coordinator without the
    // audit routes, the page says so instead of showing an empty log.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.locator('[data-audit-verified], .load-error').first().waitFor();
    const verifyRes = await fetch(`${h.server.url}/api/audit/verify`, { headers: { authorization: `Bearer ${h.server.token}` } });
    if (verifyRes.status === 404) {
      expect(await page.locator('.load-error').textContent()).toMatch(/GET \/api\/audit\/verify: no route/);
    } else {
      const verify = (await verifyRes.json()) as { ok: boolean; entries: number };
      expect(verify.ok).toBe(true);
      expect(await page.locator('.load-error').count()).toBe(0);
      expect(await page.locator('[data-audit-verified]').getAttribute('data-audit-verified')).toBe('true');
      expect(await page.locator('[data-audit-verified]').textContent()).toContain(`all ${verify.entries} entries`);
      expect(await page.locator('table.audit').textContent()).toMatch(/sign/);
    }
    await shot(page, '08-audit');

    // Signing out ends the session: the data routes answer 401 and the form is back.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/tasks')).status)).toBe(401);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
