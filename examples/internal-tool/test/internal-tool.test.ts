/**
 * End to end in real headless Chromium (Debian's `chromium`, driven by playwright-core): the team
 * search page embeds the SDK's browser bundle, trains in a Web Worker with TensorFlow.js, and
 * takes part in secure-aggregation rounds of a real coordinator with three simulated colleagues.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAM, startInternalTool, type RunningInternalTool } from '../src/server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = path.join(tmpdir(), 'conclave-internal-tool-screenshots');

let tool: RunningInternalTool;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The page's event log (see app.ts). */
type PageEvents = { type: string; round?: number; taskId?: string; detail?: string }[];
const events = (): Promise<PageEvents> => page.evaluate(() => window.conclave!.events);

/** Polls the coordinator's committed rounds; state changes are driven by the devices, not by time. */
async function committedRound(round: number, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await tool.coordinator.coordinator.store.listRounds(tool.taskId);
    if (rows.some((r) => r.round === round && r.status === 'committed')) return;
    if (Date.now() > deadline) throw new Error(`round ${round} did not commit in ${timeoutMs} ms: ${JSON.stringify(await tool.coordinator.coordinator.taskStatus(tool.taskId))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (CI's .ci/run does this), or set CHROMIUM_PATH.`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Round 1 waits for the browser; idle devices re-check in every second.
  tool = await startInternalTool({ selectionMs: 30_000, idleRetryMs: 1_000 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(tool.url);
  await page.waitForFunction(() => window.conclave !== undefined && window.conclave.events.some((e) => e.type === 'connected'), null, { timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await tool?.close();
});

let ledgerAtEnd = 0;

/** The key fingerprint the SDK shows: the first 8 bytes of SHA-256(key), hex, in groups of four. */
const fingerprint = (key: Uint8Array) => createHash('sha256').update(key).digest('hex').slice(0, 16).match(/.{4}/g)!.join('-');

describe('internal tool in headless Chromium', () => {
  it('starts with nothing recorded and consent not given', async () => {
    expect(await page.getByTestId('status').textContent()).toContain('Not taking part');
    expect(await page.getByTestId(`toggle-${STREAM}`).getAttribute('aria-checked')).toBe('false');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '0-first-visit.png'), fullPage: true });
  });

  it('records a search scrubbed of personal details, only after the employee opts in', async () => {
    // Before opting in, a search stores nothing.
    await page.getByTestId('search-input').fill('vpn not recorded');
    await page.getByTestId('search-button').click();
    await page.getByTestId('result').first().click();
    expect(await page.evaluate(() => window.conclave!.client.counts())).toEqual({});

    await page.getByTestId(`toggle-${STREAM}`).click();
    await page.waitForFunction((s) => window.conclave!.client.consent.status().streams[s] === 'granted', STREAM);
    await page.getByTestId('search-input').fill('vpn access for jane.doe@example.com, call me on +1 415 555 0134');
    await page.getByTestId('search-button').click();
    await page.getByTestId('result').first().click();
    await page.waitForFunction((s) => window.conclave!.client.counts().then((c) => c[s] === 1), STREAM);

    const stored = await page.evaluate((s) => window.conclave!.client.examples.list(s), STREAM);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.label).toBe(1);
    expect(stored[0]!.text).toContain('vpn access for');
    expect(stored[0]!.text).not.toContain('jane.doe');
    expect(stored[0]!.text).not.toContain('555');
    expect(stored[0]!.text).toMatch(/\[EMAIL[^\]]*\]/);
    expect(await page.getByTestId('search-note').textContent()).toMatch(/2 personal details removed/);
    // The panel shows what is kept, as stored.
    await page.locator('details.stored summary').click();
    expect(await page.getByTestId('stored-example').first().textContent()).not.toContain('jane.doe');
  });

  it('completes a secure round with the browser, then leaves the next one when paused mid-round', async () => {
    // The employee pauses in the middle of the device's next round after its first upload: the
    // update is trained and ready, and must not leave.
    await page.evaluate(() => {
      let uploadedOnce = false;
      window.conclave!.client.on('uploaded', () => (uploadedOnce = true));
      const off = window.conclave!.client.on('trained', () => {
        if (!uploadedOnce) return;
        off();
        document.querySelector<HTMLButtonElement>('[data-testid="pause-hour"]')!.click();
      });
    });
    // More searches, so the device has examples to train on (recorded like the one above).
    await page.evaluate(async (s) => {
      const queries = ['expense claim form', 'parental leave policy', 'vpn gateway', 'where is it', 'payroll dates', 'on-call rotation', 'security training due', 'help'];
      for (const [k, q] of queries.entries()) await window.conclave!.client.record(s, { text: q, label: k % 4 === 3 ? 0 : 1 });
      await window.conclave!.render();
    }, STREAM);

    await page.waitForFunction(() => window.conclave!.events.some((e) => e.type === 'uploaded'), null, { timeout: 40_000 });
    const uploaded = (await events()).find((e) => e.type === 'uploaded')!;
    const deviceId = await page.evaluate(() => window.conclave!.client.deviceId);
    await committedRound(uploaded.round!);
    const participants = (await tool.coordinator.coordinator.store.participation(tool.taskId, uploaded.round!)).map((p) => p.deviceId);
    expect(participants).toContain(deviceId);
    expect(participants.length).toBeGreaterThanOrEqual(3);
    // TensorFlow.js trained in the Web Worker on the WebAssembly backend (wasm files next to the bundle).
    expect(await page.evaluate(() => window.conclave!.backend)).toBe('wasm');

    // The ledger shows the entry, in the page and in the SDK.
    await page.getByTestId('ledger-entry').first().waitFor();
    // The device may already have taken part in several rounds (it checks in as soon as it
    // has examples); every upload has its entry.
    const ledger = await page.evaluate(() => window.conclave!.client.ledger.entries());
    expect(ledger.length).toBeGreaterThanOrEqual(1);
    expect(ledger[0]).toMatchObject({ taskId: tool.taskId, streams: [STREAM], secureAggregationCohort: 4 });
    expect(ledger[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The panel lists the entries (newest first) with the start of each SHA-256.
    const shown = (await page.getByTestId('ledger-entry').first().textContent()) ?? '';
    const all = await page.evaluate(() => window.conclave!.client.ledger.entries());
    expect(all.some((e) => shown.includes(e.sha256.slice(0, 16)))).toBe(true);

    // Round 2: paused after training; the device withdraws and the round goes on without it.
    await page.waitForFunction(() => window.conclave!.events.some((e) => e.type === 'withdrawn'), null, { timeout: 40_000 });
    const withdrawn = (await events()).find((e) => e.type === 'withdrawn')!;
    expect(withdrawn.round).toBeGreaterThan(uploaded.round!);
    await committedRound(withdrawn.round!);
    expect((await tool.coordinator.coordinator.store.participation(tool.taskId, withdrawn.round!)).map((p) => p.deviceId)).not.toContain(deviceId);
    // Nothing left the device after the pause: no upload in or after the round it withdrew from,
    // and one ledger entry per upload before it.
    const after = await events();
    const uploads = after.filter((e) => e.type === 'uploaded').map((e) => e.round!);
    expect(uploads.every((r) => r < withdrawn.round!)).toBe(true);
    ledgerAtEnd = (await page.evaluate(() => window.conclave!.client.ledger.entries())).length;
    expect(ledgerAtEnd).toBe(uploads.length);
    expect(await page.evaluate(() => window.conclave!.client.consent.status().paused)).toBe(true);
    expect(await page.getByTestId('status').textContent()).toMatch(/Paused until/);
    await page.evaluate(() => window.conclave!.render());
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '1-after-pause.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('shows who approved the task, its ε budget and its minimum cohort, as this computer verified them', async () => {
    await page.evaluate(() => window.conclave!.render());
    const panel = page.getByTestId(`approval-${STREAM}`);
    // The approver's name and the fingerprint of the key the page pins (from the signed approval).
    expect(await panel.getByTestId('approval-approver').textContent()).toBe(`Team privacy officer (key ${fingerprint(tool.approverKey)})`);
    // The example's task adds no differential-privacy noise: no ε budget, said so.
    expect(await panel.getByTestId('approval-epsilon').textContent()).toBe('no ε budget (no differential-privacy noise)');
    // Its approved minimum cohort is three devices: this one and at least two others.
    expect(await panel.getByTestId('approval-min-cohort').textContent()).toBe('summed with at least 2 others per round');
    const [approved] = await page.evaluate(() => window.conclave!.client.approvals());
    expect(approved).toMatchObject({ taskId: tool.taskId, approverName: 'Team privacy officer', epsilon: null, minimumCohort: 3 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '2b-approval.png'), fullPage: true });
  });

  it('opts out of everything: streams off, examples deleted, the ledger kept unless asked', async () => {
    await page.getByTestId('opt-out').click();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '2-opt-out-confirm.png'), fullPage: true });
    await page.getByTestId('opt-out-yes').click();
    await page.waitForFunction((s) => window.conclave!.client.consent.status().streams[s] === 'revoked', STREAM);
    await page.waitForFunction(() => window.conclave!.client.counts().then((c) => Object.values(c).every((n) => n === 0)));
    expect(await page.evaluate(() => window.conclave!.client.ledger.entries())).toHaveLength(ledgerAtEnd);
    expect(await page.getByTestId(`toggle-${STREAM}`).getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('status').textContent()).toContain('Not taking part');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '3-opted-out.png'), fullPage: true });
  });
});
