/**
 * `conclave task watch <id>` (issue 12, item 6): a live per-round table, with a progress bar of
 * the current round's reports on a terminal (one line per change when the output is a file or a
 * pipe). It polls the admin API's task status (phase and counts, never devices) and ends when the
 * task does, or on Ctrl-C.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { CliHelpers } from './approval/cli-commands.ts';

/** What the watch reads of `GET /api/tasks/:id` (the task status view and its recent rounds). */
export interface WatchedTask {
  id: string;
  name: string;
  status: string;
  statusReason?: string;
  phase: string;
  round?: number;
  roundKind?: string;
  roundsDone: number;
  roundsPlanned: number;
  cohort?: { selected: number; reported: number; dropped: number };
  rounds?: WatchedRound[];
}

interface WatchedRound {
  round: number;
  kind: string;
  status: string;
  reason: string;
  modelVersionIn: number;
  modelVersionOut: number | null;
  startedAt: number;
  endedAt: number;
  metrics: {
    participants: number;
    selected: number;
    trainLoss: number | null;
    evalLoss: number | null;
    evalAccuracy: number | null;
    epsilonSpent?: number;
  } | null;
}

const ENDED = new Set(['completed', 'failed', 'stopped']);
const COLUMNS = ['round', 'kind', 'outcome', 'devices', 'train loss', 'eval loss', 'eval acc', 'of model', 'ε spent', 'time'];
const WIDTHS = [5, 8, 9, 7, 10, 9, 8, 8, 7, 7];

const fmt = (x: number | null | undefined, digits = 4) => (x == null ? '—' : x.toFixed(digits));
const row = (cells: string[]) => cells.map((c, i) => c.padEnd(WIDTHS[i]!)).join(' ').trimEnd();

export const watchHeader = () => row(COLUMNS);

/** One line of the table per ended round. Evaluation figures measure the model that came into the round. */
export function watchRow(r: WatchedRound): string {
  const m = r.metrics;
  return row([
    String(r.round),
    r.kind,
    r.status,
    m ? `${m.participants}/${m.selected}` : '—',
    fmt(m?.trainLoss),
    fmt(m?.evalLoss),
    fmt(m?.evalAccuracy),
    m && m.evalLoss != null ? `v${r.modelVersionIn}` : '—',
    fmt(m?.epsilonSpent, 3),
    `${((r.endedAt - r.startedAt) / 1000).toFixed(1)}s`,
  ]);
}

/** The current round in one line: phase and counts. */
export function watchProgress(t: WatchedTask): string {
  if (t.phase === 'idle' || t.round === undefined) return `task ${t.status}, no round running`;
  const c = t.cohort;
  return `round ${t.round} (${t.roundKind ?? 'train'}) ${t.phase}${c ? `: ${c.reported}/${c.selected} reported, ${c.dropped} dropped` : ''}`;
}

/** The key of a round row (a round number can abort and then commit). */
const rowKey = (r: WatchedRound) => `${r.round}:${r.status}:${r.startedAt}`;

export function registerWatchCommand(program: Command, { remote, connection, api, fail }: CliHelpers): void {
  const task = program.commands.find((c) => c.name() === 'task') ?? program.command('task');
  remote(task.command('watch'))
    .description('a live per-round table of a task, with a progress bar of the current round; ends when the task ends (or Ctrl-C)')
    .argument('<id>', 'task id')
    .option('--once', 'print the table and the current round once, then exit (for scripts)')
    .option('--interval <ms>', 'how often to ask the coordinator', '1000')
    .action(async (id: string, opts: { once?: boolean; interval: string; url?: string; token?: string; dataDir?: string }) => {
      const interval = Number(opts.interval);
      if (!Number.isInteger(interval) || interval < 50 || interval > 600_000) fail(`--interval must be 50–600000 ms, got "${opts.interval}"`);
      const conn = connection(opts);
      const read = async () => (await (await api(conn, 'GET', `/api/tasks/${encodeURIComponent(id)}`)).json()) as WatchedTask;
      const tty = !opts.once && process.stdout.isTTY === true;
      const bars = tty ? new MultiBar({ format: ' {bar} {progress}', hideCursor: true, clearOnComplete: true, stopOnComplete: false }, Presets.shades_classic) : undefined;
      let bar: SingleBar | undefined;
      const out = (line: string) => (bars ? bars.log(line + '\n') : process.stdout.write(line + '\n'));
      let stopped = false;
      const stop = () => {
        stopped = true;
        bars?.stop();
      };
      process.once('SIGINT', () => {
        stop();
        process.exit(130);
      });

      const seen = new Set<string>();
      let lastProgress = '';
      let first = true;
      while (!stopped) {
        const t = await read();
        if (first) {
          out(`task ${t.id} (${t.name}): ${t.status}, ${t.roundsDone} of ${t.roundsPlanned} rounds done`);
          out(watchHeader());
          first = false;
        }
        for (const r of t.rounds ?? []) {
          if (seen.has(rowKey(r))) continue;
          seen.add(rowKey(r));
          out(watchRow(r));
        }
        const ended = ENDED.has(t.status);
        const progress = watchProgress(t);
        if (bars && !ended) {
          const total = Math.max(1, t.cohort?.selected ?? 1);
          bar ??= bars.create(total, 0, { progress });
          bar.setTotal(total);
          bar.update(t.cohort?.reported ?? 0, { progress });
        } else if (progress !== lastProgress && !ended) {
          out(`  … ${progress}`);
        }
        lastProgress = progress;
        if (ended || opts.once) {
          stop();
          if (ended) process.stdout.write(`task ${t.status}${t.statusReason ? ` — ${t.statusReason}` : ''}\n`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    });
}
