import type { TaskStatusView } from '../../status-view.ts';
import type { AdminContext, AdminRoutes } from '../context.ts';
import { requireTask } from '../require-task.ts';
import { roundView } from '../round-view.ts';
import { authErrors, errorSchema, taskIdParams } from '../schemas.ts';

/** The live round as an `event: round` carries it: counts only, never a device. */
export interface RoundEvent {
  round: number;
  attempt?: number;
  phase: string;
  selected: number;
  reportsReceived: number;
  droppedByPhase: Record<string, number>;
}

function roundEvent(s: TaskStatusView): RoundEvent | undefined {
  if (s.round === null) return undefined;
  const attempt = (s as { attempt?: unknown }).attempt;
  return {
    round: s.round,
    ...(typeof attempt === 'number' ? { attempt } : {}),
    phase: s.phase,
    selected: s.cohort?.selected ?? 0,
    reportsReceived: s.cohort?.reported ?? 0,
    droppedByPhase: s.cohort && s.cohort.dropped > 0 ? { [s.phase]: s.cohort.dropped } : {},
  };
}

/** What makes an `event: task` worth sending: the task's status or where its rounds stand. */
function taskKey(s: TaskStatusView): string {
  return JSON.stringify([s.status, s.statusReason, s.phase, s.round, s.roundsDone, s.modelVersion]);
}

/**
 * `GET /api/tasks/:id/events`: server-sent events of one task. `event: task` (the status view)
 * when its status or phase changes, `event: round` when the live round's phase or counts
 * change (with the phase `committed` or `aborted` and its final counts as it ends), `event:
 * round-end` (a RoundView) when a round commits or aborts, and a comment
 * heartbeat. The first events describe the state at connection time.
 */
export const eventRoutes: AdminRoutes = (app, ctx) => {
  app.get(
    '/api/tasks/:id/events',
    {
      schema: {
        summary: 'Live view of a task as server-sent events: task, round, round-end (counts only)',
        tags: ['tasks'],
        params: taskIdParams,
        response: { 200: { type: 'string', description: 'text/event-stream' }, 404: errorSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      await requireTask(ctx, id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      const stream = new TaskEventStream(ctx, id, (text) => res.write(text), () => res.end());
      ctx.streams.add(stream);
      req.raw.on('close', () => stream.end());
      res.on('close', () => stream.end());
      await stream.start();
    },
  );
};

/** One open event stream: follows the coordinator's task events and writes what changed. */
class TaskEventStream {
  private lastTask = '';
  private lastRound = '';
  private pending: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly unsubscribe: (() => void)[] = [];
  private ended = false;
  /** Sends are serialised: a round-end is written after the round events before it. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: AdminContext,
    private readonly taskId: string,
    private readonly write: (text: string) => void,
    private readonly close: () => void,
  ) {}

  async start(): Promise<void> {
    const events = this.ctx.coordinator.events;
    this.unsubscribe.push(
      events.on('changed', (taskId, phase) => {
        if (taskId !== this.taskId || this.ended) return;
        if (phase) {
          // Count changes are coalesced (a round's uploads come in chunks), but a phase can pass
          // within one window (a small cohort reports in milliseconds): its status is read now,
          // before anything moves it on.
          clearTimeout(this.pending);
          this.pending = undefined;
          this.refreshWith(this.read());
        } else if (!this.pending) {
          this.pending = setTimeout(() => {
            this.pending = undefined;
            this.refreshWith(this.read());
          }, this.ctx.sseCoalesceMs);
        }
      }),
      events.on('round-end', (taskId, _outcome, round) => {
        if (taskId === this.taskId && !this.ended) {
          const after = this.read();
          this.schedule(() => this.roundEnded(round, after));
        }
      }),
    );
    this.heartbeat = setInterval(() => this.send(': heartbeat\n\n'), this.ctx.sseHeartbeatMs);
    this.heartbeat.unref();
    this.send(': conclave task events\n\n');
    this.refreshWith(this.read());
    await this.queue;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const off of this.unsubscribe) off();
    clearTimeout(this.pending);
    clearInterval(this.heartbeat);
    this.ctx.streams.delete(this);
    this.close();
  }

  private schedule(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((err: unknown) => {
      this.ctx.logger.error({ err, taskId: this.taskId }, 'task event stream failed');
      this.end();
    });
  }

  private send(text: string): void {
    if (!this.ended) this.write(text);
  }

  private event(name: string, data: unknown): void {
    this.send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /**
   * The task's status as it is now. Statuses are read when something happens and sent in that
   * order, so the stream never steps back (a count going down, a round after its end).
   */
  private read(): Promise<TaskStatusView> {
    const status = this.ctx.coordinator.taskStatus(this.taskId);
    status.catch(() => undefined); // reported by the job that awaits it
    return status;
  }

  private refreshWith(status: Promise<TaskStatusView>): void {
    this.schedule(() => this.refresh(status));
  }

  /** Sends what changed between the last status sent and this one. */
  private async refresh(read: Promise<TaskStatusView>): Promise<void> {
    if (this.ended) return;
    const status = await read;
    const key = taskKey(status);
    if (key !== this.lastTask) {
      this.lastTask = key;
      this.event('task', status);
    }
    const round = roundEvent(status);
    const roundKey = round ? JSON.stringify(round) : '';
    if (round && roundKey !== this.lastRound) this.event('round', round);
    this.lastRound = roundKey;
  }

  /** `after` is the task's status read as the round ended. */
  private async roundEnded(round: number, after: Promise<TaskStatusView>): Promise<void> {
    if (this.ended) return;
    const row = (await this.ctx.coordinator.store.listRounds(this.taskId, 5)).filter((r) => r.round === round).at(-1);
    if (row) {
      // The round's last counts (its final reports can land within one coalescing window of the
      // end): the phase becomes the outcome.
      const last = this.lastRound ? (JSON.parse(this.lastRound) as RoundEvent) : undefined;
      const m = row.metrics;
      const final: RoundEvent = {
        round,
        ...(last?.round === round && last.attempt !== undefined ? { attempt: last.attempt } : {}),
        phase: row.status,
        selected: m?.selected ?? (last?.round === round ? last.selected : 0),
        reportsReceived: m?.participants ?? (last?.round === round ? last.reportsReceived : 0),
        droppedByPhase: m ? (m.selected > m.participants ? { reporting: m.selected - m.participants } : {}) : (last?.round === round ? last.droppedByPhase : {}),
      };
      this.lastRound = JSON.stringify(final);
      this.event('round', final);
      this.event('round-end', roundView(row));
    }
    await this.refresh(after);
  }
}
