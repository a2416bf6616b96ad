import { afterEach, describe, expect, it } from 'vitest';
import type { ClientError } from '@conclave/client-sdk';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The value of one prom-client series on /metrics (0 when absent). */
async function metric(h: Harness, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${h.server.url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [series, value] = line.split(' ');
    if (series === name + labels || (labels === '' && series?.startsWith(`${name}{`))) total += Number(value);
  }
  return total;
}

describe('devices that arrive after their round closed (issue 15 items 8 and 9)', () => {
  for (const secureAggregation of [{ enabled: false }, { maliciousServer: false }]) {
    it(`a healthy multi-round run over-selecting ${secureAggregation.enabled === false ? 'in the clear' : 'under SecAgg+'}: late devices get no error, no device errors counted, late reports counted`, async () => {
      h = await startHarness();
      const errors: ClientError[] = [];
      const closed: string[] = [];
      for (let i = 0; i < 8; i++) {
        const c = await h.addClient();
        c.on('error', (e) => errors.push(e));
        c.on('roundClosed', (e) => closed.push(e.reason));
      }
      // Eight devices for a goal of three: five of each cohort arrive after the round reached its goal.
      const taskId = await h.server.coordinator.createTask(
        await denseTask(8, { rounds: 4, cohort: secureAggregation.enabled === false ? { goal: 3, minimum: 3, overSelection: 8 / 3 } : { goal: 6, minimum: 5, overSelection: 8 / 6 }, evaluation: { finalRound: false }, secureAggregation }),
      );
      const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 90_000);
      expect(done.status).toBe('completed');
      expect(errors.map((e) => e.message)).toEqual([]);
      expect(await metric(h, 'conclave_device_errors_total')).toBe(0);
      // Every round cut off devices at its goal: they were told the round closed, or reported late.
      expect(closed.length + (await metric(h, 'conclave_late_reports_total'))).toBeGreaterThan(0);
    }, 120_000);
  }
});
