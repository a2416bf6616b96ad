/**
 * One coordinator node's leases (issue 14 item 2; docs/storage.md): every `renewEveryMs` it asks
 * the store for the lease of every running task, renewing those it holds and taking those whose
 * holder let them expire. It reports what it gained and lost; the coordinator runs rounds only
 * for tasks it holds. Knows no rounds and no sockets; time comes from the injected clock.
 *
 * A lease lasts `leaseMs` on the database's clock. A node that cannot renew (its database link
 * down, its process paused) counts its own leases lost once `leaseMs` has passed since its last
 * successful renewal, on its own clock: by then another node may have taken them, and a commit
 * it attempted anyway is refused by the epoch (the fencing token), whatever the clocks say.
 */
import type { Logger } from 'pino';
import type { Clock, Timer } from '../clock.ts';
import type { LeaseRef, TaskLease, TaskLeaseStore } from '../store/store.ts';

/** @default 10_000 */
export const DEFAULT_LEASE_MS = 10_000;

export interface LeaseKeeperOptions {
  leases: TaskLeaseStore;
  /** This node's name in the cluster (`conclave serve --node-id`). */
  nodeId: string;
  /** How long a lease lasts unless renewed. @default DEFAULT_LEASE_MS */
  leaseMs?: number;
  /** How often leases are renewed and free ones taken. @default leaseMs / 3 */
  renewEveryMs?: number;
  clock: Clock;
  logger: Logger;
  /** The tasks a node may lead now (running and approved), by id. */
  runningTasks(): Promise<string[]>;
  /** This node took the task's lease (`lease.abortedRound`: the round its previous holder left open, now recorded as aborted). */
  acquired(taskId: string, lease: TaskLease): Promise<void> | void;
  /** This node no longer leads the task (another node took it over, or it could not renew). */
  lost(taskId: string, reason: string): void;
  /** After every pass: every task's lease holder (the node bus routes devices to them). */
  observed?(holders: ReadonlyMap<string, string>): void;
  /** A task this node leads is no longer running in the store (stopped through another node); its lease is given up after this settles. */
  ended(taskId: string): Promise<void>;
}

export class LeaseKeeper {
  readonly nodeId: string;
  readonly leaseMs: number;
  private readonly renewEveryMs: number;
  /** Leases held, with when (this node's clock) each was last renewed. */
  private readonly held = new Map<string, { lease: LeaseRef; renewedAt: number }>();
  private timer: Timer | undefined;
  private running = false;
  private ticking: Promise<void> | undefined;
  private again = false;

  constructor(private readonly o: LeaseKeeperOptions) {
    this.nodeId = o.nodeId;
    this.leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
    this.renewEveryMs = o.renewEveryMs ?? Math.max(50, Math.floor(this.leaseMs / 3));
  }

  /** The lease this node holds on a task, if any. */
  leaseOf(taskId: string): LeaseRef | undefined {
    return this.held.get(taskId)?.lease;
  }

  /** Takes what it can now, then keeps renewing until `stop()`. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.tick();
  }

  /** Renews and takes leases now (a task was just created or approved), without waiting for the next period. */
  poke(): Promise<void> {
    return this.tick();
  }

  /** One pass; a pass asked for while one runs follows it (never two at once). */
  private tick(): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.ticking = this.pass()
      .catch((err: unknown) => this.o.logger.error({ err, node: this.nodeId }, 'renewing task leases failed'))
      .finally(() => {
        this.ticking = undefined;
        if (!this.running) return;
        if (this.again) {
          this.again = false;
          void this.tick();
        } else {
          this.timer = this.o.clock.setTimeout(() => void this.tick(), this.renewEveryMs);
        }
      });
    return this.ticking;
  }

  private async pass(): Promise<void> {
    const { clock } = this.o;
    let running: string[];
    try {
      running = await this.o.runningTasks();
    } catch (err) {
      this.expireUnrenewed(`could not read the tasks: ${(err as Error).message}`);
      throw err;
    }
    const wanted = new Set(running);
    for (const taskId of [...this.held.keys()]) {
      if (wanted.has(taskId)) continue;
      const { lease } = this.held.get(taskId)!;
      await this.o.ended(taskId).catch((err: unknown) => this.o.logger.warn({ err, taskId }, 'ending a task stopped elsewhere failed'));
      this.held.delete(taskId);
      await this.o.leases.release(taskId, lease).catch(() => undefined);
    }
    await Promise.all(
      running.map(async (taskId) => {
        const mine = this.held.get(taskId);
        const askedAt = clock.now();
        let lease: TaskLease;
        try {
          lease = await this.o.leases.acquire({ taskId, nodeId: this.nodeId, ttlMs: this.leaseMs, ...(mine ? { heldEpoch: mine.lease.epoch } : {}) });
        } catch (err) {
          this.o.logger.warn({ err, taskId, node: this.nodeId }, 'task lease request failed');
          return;
        }
        if (!this.running) return;
        const current = this.held.get(taskId);
        if (lease.held) {
          if (current && current.lease.epoch === lease.epoch) {
            current.renewedAt = askedAt;
            return;
          }
          if (current) this.o.lost(taskId, `its lease moved from epoch ${current.lease.epoch} to ${lease.epoch}`);
          this.held.set(taskId, { lease: { nodeId: this.nodeId, epoch: lease.epoch }, renewedAt: askedAt });
          this.o.logger.info({ taskId, node: this.nodeId, epoch: lease.epoch, abortedRound: lease.abortedRound }, 'took the task lease');
          await this.o.acquired(taskId, lease);
          return;
        }
        if (current) {
          this.held.delete(taskId);
          this.o.lost(taskId, `node "${lease.nodeId}" took the task's lease over (epoch ${lease.epoch})`);
        }
      }),
    );
    this.expireUnrenewed('its lease could not be renewed in time');
    if (this.o.observed) {
      const holders = new Map<string, string>();
      for (const l of await this.o.leases.list()) if (wanted.has(l.taskId) && l.expiresAt > 0) holders.set(l.taskId, l.nodeId);
      this.o.observed(holders);
    }
  }

  /** Leases not renewed for `leaseMs` may be another node's by now: stop leading those tasks. */
  private expireUnrenewed(why: string): void {
    const now = this.o.clock.now();
    for (const [taskId, h] of [...this.held]) {
      if (now - h.renewedAt < this.leaseMs) continue;
      this.held.delete(taskId);
      this.o.lost(taskId, why);
    }
  }

  /** Gives one task's lease up now (its runner finished the task). */
  async release(taskId: string): Promise<void> {
    const h = this.held.get(taskId);
    if (!h) return;
    this.held.delete(taskId);
    await this.o.leases.release(taskId, h.lease);
  }

  /** Stops renewing and gives every lease up, so another node can take over at once. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    const held = [...this.held];
    this.held.clear();
    await Promise.all(held.map(([taskId, h]) => this.o.leases.release(taskId, h.lease).catch((err: unknown) => this.o.logger.warn({ err, taskId }, 'releasing a task lease failed'))));
  }
}
