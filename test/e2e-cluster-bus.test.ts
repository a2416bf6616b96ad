/**
 * The node bus over a real PostgreSQL (packages/server/src/cluster/node-bus.ts): messages between two nodes arrive
 * whole and in the order sent, small batches as NOTIFY payloads and batches above NOTIFY's
 * limit through the `node_messages` table, which the receiver empties.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_PAYLOAD_LIMIT, PostgresNodeBus, PostgresStore, type BusMessage } from '@conclave/server';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.ts';

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

describe('the node bus on PostgreSQL LISTEN/NOTIFY', () => {
  it('delivers messages between nodes whole and in order, large batches through the table', async () => {
    const url = await cluster!.createDatabase('node_bus');
    // The schema (node_messages) comes with the store's migrations.
    const store = await PostgresStore.open({ url, poolSize: 1 });
    const logger = pino({ level: 'silent' });
    const a = new PostgresNodeBus('node a', url, logger);
    const b = new PostgresNodeBus('node-b', url, logger);
    await Promise.all([a.start(), b.start()]);
    try {
      const got: { from: string; m: BusMessage }[] = [];
      let done: () => void = () => undefined;
      const all = new Promise<void>((resolve) => (done = resolve));
      const sent: BusMessage[] = [];
      b.onMessage((from, m) => {
        got.push({ from, m });
        if (got.length === sent.length) done();
      });
      // Three event-loop turns: small messages, one message far above the NOTIFY limit, small again.
      for (let i = 0; i < 50; i++) sent.push({ t: 'small', i });
      sent.forEach((m) => a.send('node-b', m));
      await new Promise((r) => setImmediate(r));
      const big = { t: 'big', f: 'x'.repeat(3 * NOTIFY_PAYLOAD_LIMIT) };
      sent.push(big);
      a.send('node-b', big);
      await new Promise((r) => setImmediate(r));
      for (let i = 50; i < 60; i++) {
        const m = { t: 'small', i };
        sent.push(m);
        a.send('node-b', m);
      }
      await all;
      expect(got.map((g) => g.from)).toEqual(sent.map(() => 'node a'));
      expect(got.map((g) => g.m)).toEqual(sent);
      expect(a.stats).toMatchObject({ messagesSent: 61, tableBatches: 1 });
      expect(b.stats.messagesReceived).toBe(61);
      expect(b.stats.bytesReceived).toBe(a.stats.bytesSent);
      const pool = (store as unknown as { pool: { query(sql: string): Promise<{ rows: { n: number }[] }> } }).pool;
      expect((await pool.query('SELECT count(*)::int AS n FROM node_messages')).rows[0]!.n).toBe(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await store.close();
    }
  });
});
