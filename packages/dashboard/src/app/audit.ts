/**
 * The audit log: the coordinator's hash-chained record of admin actions, task lifecycle and
 * privacy-budget events, with the server's verification of the chain. The verification is the
 * coordinator checking itself: it shows the log is intact as the coordinator stores it, which an
 * auditor re-checks with `conclave audit verify` against a copy of the store.
 */
import type { AuditEntry, AuditVerification } from './api-types.ts';
import { getJson } from './api.ts';
import { h, replace, table, time } from './dom.ts';
import type { View } from './view.ts';

/** Newest entries shown. @default 200 */
const LIMIT = 200;

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

function verificationView(v: AuditVerification): HTMLElement {
  if (v.ok) return h('p', { class: 'verified ok', 'data-audit-verified': 'true', role: 'status' }, `Verified: the hash chain of all ${v.entries} entries is intact.`);
  return h(
    'p',
    { class: 'verified bad', 'data-audit-verified': 'false', role: 'alert' },
    `Not verified: ${v.problem ?? 'the hash chain is broken'}${v.firstBadSeq !== undefined ? ` (first bad entry: #${v.firstBadSeq})` : ''}.`,
  );
}

export function auditView(): View {
  const status = h('div', {});
  const body = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading the audit log…'));
  const refresh = h('button', { type: 'button' }, 'Refresh');
  const element = h('section', { 'aria-labelledby': 'page-title' }, h('div', { class: 'title-row' }, h('h1', { id: 'page-title', tabindex: '-1' }, 'Audit log'), refresh), status, body);
  const load = async () => {
    const [verification, log] = await Promise.all([getJson<AuditVerification>('/api/audit/verify'), getJson<{ entries: AuditEntry[] }>(`/api/audit?limit=${LIMIT}`)]);
    body.removeAttribute('aria-busy');
    replace(status, verificationView(verification));
    const entries = [...log.entries].sort((a, b) => b.seq - a.seq);
    replace(
      body,
      entries.length === 0
        ? h('p', {}, 'The audit log is empty.')
        : h(
            'div',
            { class: 'scroll' },
            table(
              `${entries.length === LIMIT ? `Newest ${LIMIT}` : entries.length} entries, newest first`,
              ['#', 'When', 'Actor', 'Action', 'Detail', 'Hash'],
              entries.map((e) => [String(e.seq), time(e.at), e.actor, h('code', {}, e.action), h('code', { class: 'detail' }, detailText(e.detail)), h('code', { title: e.hash }, e.hash.slice(0, 12))]),
              { class: 'audit' },
            ),
          ),
    );
  };
  refresh.addEventListener('click', () => void load().catch((err: unknown) => replace(status, h('p', { class: 'error', role: 'alert' }, String(err)))));
  return { element, load };
}
