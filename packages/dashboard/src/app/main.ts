/**
 * The dashboard's shell: checks the session, shows the sign-in screen or the app, and routes by
 * the URL's hash (`#/tasks`, `#/tasks/<id>`, `#/fleet`, `#/audit`) so the coordinator serves one
 * static page. After each navigation the focus moves to the new screen's heading.
 */
import './style.css';
import { ApiError, signedIn, signOut } from './api.ts';
import { auditView } from './audit.ts';
import { h, replace } from './dom.ts';
import { fleetView } from './fleet.ts';
import { signInView } from './sign-in.ts';
import { taskListView } from './task-list.ts';
import { taskView } from './task-view.ts';
import type { View } from './view.ts';

const root = document.getElementById('app')!;
let current: { view: View; timer?: ReturnType<typeof setInterval> } | undefined;

const NAV = [
  { href: '#/tasks', label: 'Tasks', match: /^#\/tasks/ },
  { href: '#/fleet', label: 'Device fleet', match: /^#\/fleet/ },
  { href: '#/audit', label: 'Audit log', match: /^#\/audit/ },
];

function leave(): void {
  if (!current) return;
  if (current.timer) clearInterval(current.timer);
  current.view.dispose?.();
  current = undefined;
}

function showSignIn(): void {
  leave();
  replace(root, signInView(() => {
    if (!location.hash || location.hash === '#/') location.hash = '#/tasks';
    void route();
  }));
}

function viewFor(hash: string): View {
  const task = /^#\/tasks\/(.+)$/.exec(hash);
  if (task) return taskView(decodeURIComponent(task[1]!));
  if (hash.startsWith('#/fleet')) return fleetView();
  if (hash.startsWith('#/audit')) return auditView();
  return taskListView();
}

function shell(view: View): HTMLElement {
  const hash = location.hash || '#/tasks';
  const signOutButton = h('button', { type: 'button', class: 'link' }, 'Sign out');
  signOutButton.addEventListener('click', () => void signOut().finally(showSignIn));
  return h(
    'div',
    { class: 'shell' },
    h('a', { href: '#main', class: 'skip-link', onclick: (e: Event) => { e.preventDefault(); document.getElementById('main')?.focus(); } }, 'Skip to content'),
    h(
      'header',
      { class: 'top' },
      h('span', { class: 'brand' }, 'Conclave'),
      h('nav', { 'aria-label': 'Dashboard' }, h('ul', {}, ...NAV.map((n) => h('li', {}, h('a', { href: n.href, ...(n.match.test(hash) ? { 'aria-current': 'page' } : {}) }, n.label))))),
      signOutButton,
    ),
    h('main', { id: 'main', tabindex: '-1' }, view.element),
  );
}

function showError(view: View, err: unknown): void {
  if (err instanceof ApiError && err.status === 401) return showSignIn();
  const message = err instanceof Error ? err.message : String(err);
  view.element.querySelectorAll('[aria-busy="true"]').forEach((busy) => {
    busy.removeAttribute('aria-busy');
    busy.replaceChildren();
  });
  const box = view.element.querySelector('.load-error') ?? h('p', { class: 'error load-error', role: 'alert' });
  box.textContent = message;
  view.element.append(box);
}

async function route(): Promise<void> {
  leave();
  const view = viewFor(location.hash);
  current = { view };
  replace(root, shell(view));
  (view.element.querySelector<HTMLElement>('#page-title') ?? view.element).focus();
  const load = () =>
    view.load().then(
      () => view.element.querySelector('.load-error')?.remove(),
      (err: unknown) => showError(view, err),
    );
  await load();
  if (view.refreshMs && current?.view === view) current.timer = setInterval(() => void load(), view.refreshMs);
}

async function start(): Promise<void> {
  // A screen whose data answers 401 turns into the sign-in screen (see showError).
  window.addEventListener('hashchange', () => void route());
  try {
    if (!(await signedIn())) return showSignIn();
  } catch (err) {
    replace(root, h('main', { id: 'main', class: 'narrow' }, h('p', { class: 'error', role: 'alert' }, `The coordinator cannot be reached: ${String(err)}`)));
    return;
  }
  await route();
}

void start();
