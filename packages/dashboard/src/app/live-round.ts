/**
 * The live view of a task's current round, fed by the server-sent events of
 * `GET /api/tasks/:id/events` (`round`: phase and counts; `round-end`: a round committed or
 * aborted; `task`: the task's status changed). Counts only: the stream names no device.
 */
import type { RoundProgress, RoundView, TaskView } from './api-types.ts';
import { h, replace } from './dom.ts';

export interface LiveRoundHandlers {
  onRoundEnd(round: RoundView): void;
  onTask(task: TaskView): void;
}

function parse<T>(e: Event): T | undefined {
  try {
    return JSON.parse((e as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}

export class LiveRound {
  readonly element: HTMLElement;
  private readonly phase: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly connection: HTMLElement;
  private source: EventSource | undefined;

  constructor(private readonly taskId: string, private readonly handlers: LiveRoundHandlers) {
    this.phase = h('p', { class: 'phase', 'data-live-phase': '', 'aria-live': 'polite' }, 'Waiting for the first event…');
    this.detail = h('div', { class: 'live-detail' });
    this.connection = h('p', { class: 'muted connection', 'data-live-connection': 'connecting' }, 'Connecting to the live stream…');
    this.element = h('section', { class: 'card live', 'aria-labelledby': 'live-title' }, h('h2', { id: 'live-title' }, 'Current round'), this.phase, this.detail, this.connection);
  }

  /** Shows the task's own view of the round (from its status) until the stream says more. */
  showStatus(task: TaskView): void {
    if (task.status !== 'running') {
      this.phase.textContent = `No round running: the task is ${task.status}${task.statusReason ? ` (${task.statusReason})` : ''}.`;
      this.phase.dataset.livePhase = 'none';
      replace(this.detail);
      return;
    }
    if (this.phase.dataset.livePhase) return; // the stream already speaks
    this.phase.textContent = `Round ${task.round ?? '—'}: ${task.phase}${task.waitingFor ? `, ${task.waitingFor}` : ''}`;
    if (task.cohort) this.showCounts(task.cohort.selected, task.cohort.reported, {});
  }

  private showRound(p: RoundProgress): void {
    this.phase.textContent = `Round ${p.round}${p.attempt !== undefined && p.attempt > 1 ? ` (attempt ${p.attempt})` : ''}: ${p.phase}`;
    this.phase.dataset.livePhase = p.phase;
    this.phase.dataset.liveRound = String(p.round);
    this.showCounts(p.selected, p.reportsReceived, p.droppedByPhase);
  }

  private showCounts(selected: number, reported: number, dropped: Partial<Record<string, number>>): void {
    const drops = Object.entries(dropped).filter(([, n]) => (n ?? 0) > 0);
    replace(
      this.detail,
      h('label', { for: 'live-progress' }, selected === 0 ? 'No device selected yet.' : `Reports received: ${reported} of ${selected} selected`),
      h('progress', { id: 'live-progress', max: Math.max(selected, 1), value: Math.min(reported, Math.max(selected, 1)), 'data-live-reports': reported, 'data-live-selected': selected }),
      drops.length === 0 ? h('p', { class: 'muted' }, 'No device dropped in this round so far.') : h('p', {}, `Dropped: ${drops.map(([phase, n]) => `${n} in ${phase}`).join(', ')}`),
    );
  }

  start(): void {
    const source = new EventSource(`/api/tasks/${encodeURIComponent(this.taskId)}/events`);
    this.source = source;
    source.addEventListener('open', () => {
      this.connection.textContent = 'Live: updates arrive as the round moves.';
      this.connection.dataset.liveConnection = 'open';
    });
    source.addEventListener('error', () => {
      // EventSource retries by itself while the server can be reached; CLOSED means it gave up (e.g. signed out).
      const closed = source.readyState === EventSource.CLOSED;
      this.connection.textContent = closed ? 'The live stream closed. Reload the page to follow the task again.' : 'The live stream was interrupted; reconnecting…';
      this.connection.dataset.liveConnection = closed ? 'closed' : 'reconnecting';
    });
    source.addEventListener('round', (e) => {
      const p = parse<RoundProgress>(e);
      if (p) this.showRound(p);
    });
    source.addEventListener('round-end', (e) => {
      const r = parse<RoundView>(e);
      if (r) this.handlers.onRoundEnd(r);
    });
    source.addEventListener('task', (e) => {
      const t = parse<TaskView>(e);
      if (t) this.handlers.onTask(t);
    });
  }

  stop(): void {
    this.source?.close();
    this.source = undefined;
  }
}
