/** The task list: every task with its status, progress and privacy spent; refreshed while shown. */
import type { TaskView } from './api-types.ts';
import { getJson } from './api.ts';
import { figure, h, replace, table } from './dom.ts';
import type { View } from './view.ts';

/** @default 5_000 */
const REFRESH_MS = 5_000;

export function statusBadge(t: Pick<TaskView, 'status'>): HTMLElement {
  return h('span', { class: `badge status-${t.status}` }, t.status);
}

export function privacyText(t: Pick<TaskView, 'privacy'>): string {
  return t.privacy ? `ε ${figure(t.privacy.epsilonSpent, 3)} of ${t.privacy.targetEpsilon}` : 'no DP';
}

/** What the task is doing or waiting for, in words. */
function nowText(t: TaskView): string {
  if (t.status === 'awaiting-approval') return 'waiting for an approver to sign the task (conclave task approve)';
  if (t.status === 'running') return t.waitingFor || `round ${t.round ?? '—'}: ${t.phase}`;
  return t.statusReason;
}

export function taskListView(): View {
  const body = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading tasks…'));
  const element = h('section', { 'aria-labelledby': 'page-title' }, h('h1', { id: 'page-title', tabindex: '-1' }, 'Tasks'), body);
  const load = async () => {
    const { tasks } = await getJson<{ tasks: TaskView[] }>('/api/tasks');
    body.removeAttribute('aria-busy');
    if (tasks.length === 0) {
      replace(body, h('p', {}, 'No task yet. Create one with `conclave task create <file>`.'));
      return;
    }
    replace(
      body,
      table(
        `${tasks.length} task${tasks.length === 1 ? '' : 's'}`,
        ['Task', 'Status', 'Rounds', 'Model version', 'Privacy', 'Now'],
        tasks.map((t) => [
          h('a', { href: `#/tasks/${encodeURIComponent(t.id)}`, 'data-task-id': t.id }, t.name, h('span', { class: 'muted id' }, ` ${t.id}`)),
          statusBadge(t),
          `${t.roundsDone} / ${t.roundsPlanned}`,
          String(t.modelVersion),
          privacyText(t),
          nowText(t),
        ]),
        { class: 'tasks' },
      ),
    );
  };
  return { element, load, refreshMs: REFRESH_MS };
}
