/**
 * One task: its status, the live view of the current round, a plot per figure over its rounds,
 * and the same figures as a table (readable without the plots, by keyboard and screen reader).
 */
import type { RoundView, TaskView } from './api-types.ts';
import { getJson } from './api.ts';
import { figure, h, replace, table, time } from './dom.ts';
import { LiveRound } from './live-round.ts';
import { PlotBoard } from './plots.ts';
import { roundPlots } from './round-series.ts';
import { privacyText, statusBadge } from './task-list.ts';
import type { View } from './view.ts';

function roundsTable(rounds: readonly RoundView[]): HTMLElement {
  const rows = [...rounds].reverse().map((r) => {
    const m = r.metrics;
    return [
      String(r.round),
      r.kind === 'train' ? 'training' : 'evaluation',
      r.status === 'committed' ? 'committed' : `aborted${r.reason ? `: ${r.reason}` : ''}`,
      r.modelVersionOut === null ? `v${r.modelVersionIn}` : `v${r.modelVersionIn} → v${r.modelVersionOut}`,
      figure(m?.selected),
      figure(m?.participants),
      figure(m?.trainLoss),
      figure(m?.evalLoss),
      figure(m?.evalAccuracy),
      m?.evalModelVersion === undefined || m.evalModelVersion === null ? '—' : `v${m.evalModelVersion}`,
      figure(m?.epsilonSpent, 3),
      figure(m?.clipNorm),
      time(r.endedAt),
    ];
  });
  return h(
    'details',
    { class: 'rounds-table' },
    h('summary', {}, `Every round as a table (${rounds.length})`),
    h(
      'div',
      { class: 'scroll' },
      table(
        'Rounds, newest first. Evaluation figures measure the model version in the "evaluated model" column.',
        ['Round', 'Kind', 'Outcome', 'Model', 'Selected', 'Reported', 'Training loss', 'Evaluation loss', 'Evaluation accuracy', 'Evaluated model', 'ε spent', 'Clip norm', 'Ended'],
        rows,
      ),
    ),
  );
}

function header(t: TaskView): HTMLElement[] {
  return [
    h('p', { class: 'task-meta' }, statusBadge(t), ' ', h('code', {}, t.id), h('span', { class: 'muted' }, ` · stream “${t.stream}”`)),
    h('p', {}, t.purpose),
    h(
      'dl',
      { class: 'counts' },
      h('div', {}, h('dt', {}, 'Rounds done'), h('dd', { 'data-rounds-done': t.roundsDone }, `${t.roundsDone} / ${t.roundsPlanned}`)),
      h('div', {}, h('dt', {}, 'Model version'), h('dd', {}, t.modelVersion)),
      h('div', {}, h('dt', {}, 'Privacy'), h('dd', {}, privacyText(t))),
    ),
  ];
}

export function taskView(taskId: string): View {
  // The heading stays the same element (it holds the focus after navigation); only its text changes.
  const title = h('h1', { id: 'page-title', tabindex: '-1' }, 'Task');
  const head = h('div', {});
  const board = new PlotBoard();
  const tableSlot = h('div', {});
  let task: TaskView | undefined;
  let rounds: RoundView[] = [];
  const render = () => {
    if (!task) return;
    board.update(roundPlots(rounds, task));
    board.element.dataset.rounds = String(rounds.length);
    replace(tableSlot, roundsTable(rounds));
  };
  const loadRounds = async () => {
    rounds = (await getJson<{ rounds: RoundView[] }>(`/api/tasks/${encodeURIComponent(taskId)}/rounds`)).rounds;
    render();
  };
  const showTask = (t: TaskView) => {
    task = t;
    title.textContent = t.name;
    replace(head, ...header(t));
    live.showStatus(t);
  };
  const live = new LiveRound(taskId, {
    // The event carries the round, but the page re-reads the list: what is plotted is what the API serves.
    onRoundEnd: () => void loadRounds().catch(() => undefined),
    onTask: (t) => {
      showTask(t);
      render();
    },
  });
  const element = h(
    'section',
    { class: 'task', 'aria-labelledby': 'page-title', 'data-task-id': taskId },
    title,
    head,
    live.element,
    h('section', { 'aria-labelledby': 'plots-title' }, h('h2', { id: 'plots-title' }, 'Per round'), board.element, tableSlot),
  );
  let started = false;
  return {
    element,
    async load() {
      showTask(await getJson<TaskView>(`/api/tasks/${encodeURIComponent(taskId)}`));
      await loadRounds();
      if (!started) {
        started = true;
        live.start();
      }
    },
    dispose() {
      live.stop();
      board.destroy();
    },
  };
}
