/**
 * Messages between coordinator nodes over PostgreSQL LISTEN/NOTIFY (issue 14 item 2). Chosen
 * over NATS because a company that runs the PostgreSQL store already has it: no new server to
 * install, secure and keep up (see docs/storage.md for the trade-off and BENCHMARKS.md for what
 * it costs).
 *
 * Each node listens on a channel of its own (`cn_` + a hash of its id). Messages to one node
 * are batched per event-loop turn into one JSON payload; a payload above NOTIFY's limit goes
 * into the unlogged table `node_messages` and only its id travels (`#id`), read and deleted by
 * the receiver. One connection sends, in call order, and PostgreSQL delivers one session's
 * notifications in commit order, so a node receives another node's messages in the order they
 * were sent; the receiver handles them strictly in that order, table reads included.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';

/** NOTIFY payloads must stay below 8000 bytes; above this a batch goes through the table. */
export const NOTIFY_PAYLOAD_LIMIT = 7_500;

export interface NodeBusStats {
  /** Payload bytes this node sent to others (NOTIFY payloads and table rows). */
  bytesSent: number;
  bytesReceived: number;
  messagesSent: number;
  messagesReceived: number;
  /** Batches that went through `node_messages` (too large for a NOTIFY payload). */
  tableBatches: number;
}

/** What travels between nodes: JSON objects with a string `t` naming the kind. */
export type BusMessage = { t: string } & Record<string, unknown>;

export interface NodeBus {
  readonly nodeId: string;
  readonly stats: NodeBusStats;
  /** Queues `message` for `nodeId`; messages to one node arrive in the order they were sent. */
  send(nodeId: string, message: BusMessage): void;
  /** Called for every message to this node, in order, with the sender's id. */
  onMessage(handler: (from: string, message: BusMessage) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A node's channel name: an identifier PostgreSQL accepts whatever the node id holds. */
export function channelOf(nodeId: string): string {
  return `cn_${createHash('sha256').update(nodeId).digest('hex').slice(0, 32)}`;
}

export class PostgresNodeBus implements NodeBus {
  readonly stats: NodeBusStats = { bytesSent: 0, bytesReceived: 0, messagesSent: 0, messagesReceived: 0, tableBatches: 0 };
  private readonly listener: pg.Client;
  private readonly sender: pg.Client;
  private handler: (from: string, message: BusMessage) => void = () => undefined;
  private readonly outbox = new Map<string, BusMessage[]>();
  private flushing = false;
  /** Incoming batches, handled one after the other (a table read must not let a later batch overtake it). */
  private inbound: Promise<void> = Promise.resolve();
  private stopped = false;
  /** The sending connection's queries, chained: each starts when the one before it ended. */
  private sending: Promise<void> = Promise.resolve();

  constructor(
    readonly nodeId: string,
    url: string,
    private readonly logger: Logger,
  ) {
    this.listener = new pg.Client({ connectionString: url });
    this.sender = new pg.Client({ connectionString: url });
    for (const c of [this.listener, this.sender]) c.on('error', (err) => logger.error({ err, node: nodeId }, 'node bus connection failed'));
  }

  async start(): Promise<void> {
    await Promise.all([this.listener.connect(), this.sender.connect()]);
    this.listener.on('notification', (n) => {
      if (n.channel !== channelOf(this.nodeId) || !n.payload) return;
      const payload = n.payload;
      this.inbound = this.inbound.then(() => this.receive(payload)).catch((err: unknown) => this.logger.error({ err, node: this.nodeId }, 'reading a message from another node failed'));
    });
    await this.listener.query(`LISTEN ${channelOf(this.nodeId)}`);
    // Batches left by a node that stopped before reading them are a minute old at most.
    await this.sender.query(`DELETE FROM node_messages WHERE created_at < $1`, [Date.now() - 60_000]);
  }

  onMessage(handler: (from: string, message: BusMessage) => void): void {
    this.handler = handler;
  }

  send(nodeId: string, message: BusMessage): void {
    if (this.stopped) return;
    const queue = this.outbox.get(nodeId);
    if (queue) queue.push(message);
    else this.outbox.set(nodeId, [message]);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushing = false;
    for (const [to, messages] of this.outbox) {
      this.outbox.delete(to);
      const payload = JSON.stringify({ from: this.nodeId, m: messages });
      this.stats.messagesSent += messages.length;
      this.stats.bytesSent += Buffer.byteLength(payload);
      const channel = channelOf(to);
      const inline = Buffer.byteLength(payload) <= NOTIFY_PAYLOAD_LIMIT;
      if (!inline) this.stats.tableBatches++;
      const createdAt = Date.now();
      // One query at a time on the sending connection, in call order (pg 9 refuses overlapping queries).
      this.sending = this.sending
        .then(() =>
          inline
            ? this.sender.query(`SELECT pg_notify($1, $2)`, [channel, payload])
            : this.sender.query(`WITH m AS (INSERT INTO node_messages (payload, created_at) VALUES ($2, $3) RETURNING id) SELECT pg_notify($1, '#' || m.id) FROM m`, [channel, payload, createdAt]),
        )
        .then(
          () => undefined,
          (err: unknown) => {
            if (!this.stopped) this.logger.error({ err, node: this.nodeId, to }, 'sending to another node failed');
          },
        );
    }
  }

  private async receive(payload: string): Promise<void> {
    let text = payload;
    if (payload.startsWith('#')) {
      const { rows } = await this.listener.query<{ payload: string }>(`DELETE FROM node_messages WHERE id = $1 RETURNING payload`, [payload.slice(1)]);
      if (!rows[0]) return;
      text = rows[0].payload;
    }
    this.stats.bytesReceived += Buffer.byteLength(text);
    let batch: { from: string; m: BusMessage[] };
    try {
      batch = JSON.parse(text) as { from: string; m: BusMessage[] };
    } catch {
      this.logger.warn({ node: this.nodeId }, 'a message from another node is not JSON; ignored');
      return;
    }
    if (typeof batch.from !== 'string' || !Array.isArray(batch.m)) return;
    for (const m of batch.m) {
      if (typeof m?.t !== 'string') continue;
      this.stats.messagesReceived += 1;
      try {
        this.handler(batch.from, m);
      } catch (err) {
        this.logger.error({ err, node: this.nodeId, from: batch.from, kind: m.t }, 'handling a message from another node failed');
      }
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.flush();
    this.stopped = true;
    await Promise.all([this.inbound, this.sending]);
    await Promise.all([this.listener.end().catch(() => undefined), this.sender.end().catch(() => undefined)]);
  }
}
