/**
 * The team search page and its privacy panel. Searching happens on this computer (the document
 * list is downloaded once); each search is recorded to the `search-queries` stream through the
 * Conclave SDK — scrubbed of personal details, kept encrypted in IndexedDB — with the label
 * "a result was opened". The panel puts the employee in charge: per-stream consent with the
 * task's purpose, pausing, opting out, the privacy spent and the ledger of what was sent.
 *
 * The SDK comes from its browser bundle (`/sdk/conclave-sdk.js`); the build marks the import
 * below external, so this page and the SDK share one module and the training worker loads from
 * next to the bundle.
 */
import { createBrowserClient, type ApprovedTask, type BrowserClient, type ClientEvents, type LedgerEntry } from '@conclave/client-sdk/browser';
import { search, type TeamDocument } from './documents.ts';

interface StreamInfo {
  stream: string;
  name: string;
  taskName: string;
  purpose: string;
}
interface Config {
  deviceUrl: string;
  /** Approver public keys (base64) this tool's devices pin. */
  approverKeys: string[];
  /** Enrollment authority public keys (base64) this tool's devices pin. */
  authorityKeys: string[];
  /** The team's minimum of certified peers in a round. */
  minCertifiedPeers: number;
  streams: StreamInfo[];
  documents: TeamDocument[];
}

/** What the page saw happen, newest last; also the test's window onto the SDK. */
interface PageEvent {
  type: keyof ClientEvents;
  at: number;
  round?: number;
  taskId?: string;
  detail?: string;
}

declare global {
  interface Window {
    conclave?: { client: BrowserClient; events: PageEvent[]; config: Config; render(): Promise<void>; backend?: string };
  }
}

const ENROLLED_FLAG = 'team-search.enrolled';
const HOUR_MS = 60 * 60 * 1000;
/** "Until tomorrow" means the start of the next working morning. */
const TOMORROW_HOUR = 8;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(node, rest);
  if (dataset) Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function untilText(ms: number): string {
  const d = new Date(ms);
  const today = new Date();
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  if (d.toDateString() === today.toDateString()) return `until ${timeFmt.format(d)}`;
  if (d.toDateString() === tomorrow.toDateString()) return `until tomorrow, ${timeFmt.format(d)}`;
  return `until ${dateTimeFmt.format(d)}`;
}

function bytesText(n: number): string {
  return n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB`;
}

/**
 * Who approved the task on this stream, its ε budget and its minimum cohort — as this computer
 * verified them (the approver's signature, checked against the key the tool pins), not as the
 * coordinator describes them.
 */
function approvalLine(stream: string, approvals: readonly ApprovedTask[]): HTMLElement {
  const a = approvals.find((t) => t.streams.includes(stream));
  if (!a) return el('p', { className: 'fineprint approval', dataset: { testid: `approval-${stream}` } }, 'Approval: checked on this computer when the task first asks it to take part.');
  const epsilon = a.epsilon === null ? 'no ε budget (no differential-privacy noise)' : `ε budget ${a.epsilon}`;
  return el(
    'p',
    { className: 'fineprint approval', dataset: { testid: `approval-${stream}` } },
    'Approved by ',
    el('span', { dataset: { testid: 'approval-approver' }, textContent: `${a.approverName} (key ${a.approverFingerprint})` }),
    ' · ',
    el('span', { dataset: { testid: 'approval-epsilon' }, textContent: epsilon }),
    ' · ',
    el('span', { dataset: { testid: 'approval-min-cohort' }, textContent: `summed with at least ${a.minimumCohort - 1} others per round` }),
  );
}

async function main(): Promise<void> {
  const config = (await (await fetch('/api/config')).json()) as Config;
  const streams = config.streams;
  const taskNames = new Map<string, string>();
  const events: PageEvent[] = [];
  let activity = 'Connecting…';

  let enrollmentToken: string | undefined;
  if (!localStorage.getItem(ENROLLED_FLAG)) {
    enrollmentToken = ((await (await fetch('/api/enrollment-token', { method: 'POST' })).json()) as { token: string }).token;
  }
  const client = await createBrowserClient({
    url: config.deviceUrl,
    ...(enrollmentToken ? { enrollmentToken } : {}),
    approverKeys: config.approverKeys.map((k) => Uint8Array.from(atob(k), (c) => c.charCodeAt(0))),
    authorityKeys: config.authorityKeys.map((k) => Uint8Array.from(atob(k), (c) => c.charCodeAt(0))),
    minCertifiedPeers: config.minCertifiedPeers,
    databasePrefix: 'team-search',
    streams: streams.map((s) => s.stream),
    policy: { defaultConsent: 'opt-in' },
    trainerOptions: { onBackend: (b) => void (window.conclave && (window.conclave.backend = b)) },
  });

  const streamName = (stream: string) => streams.find((s) => s.stream === stream)?.name.toLowerCase() ?? stream;
  const log = (e: PageEvent, text?: string) => {
    events.push(e);
    if (text) activity = text;
    void render();
  };
  client.on('connected', () => {
    // Enrolled: ask the team's enrollment authority to certify this device's key for its peers.
    if (!localStorage.getItem(ENROLLED_FLAG)) void fetch('/api/certify', { method: 'POST' });
    localStorage.setItem(ENROLLED_FLAG, '1');
    log({ type: 'connected', at: Date.now() }, 'Connected. Waiting for the next training round.');
  });
  client.on('disconnected', (e) => log({ type: 'disconnected', at: Date.now(), detail: e.reason }, 'Not connected to the training server; retrying.'));
  client.on('selected', (i) => {
    taskNames.set(i.taskId, streams.find((s) => s.stream === i.stream)?.taskName ?? i.taskId);
    log({ type: 'selected', at: Date.now(), round: i.round, taskId: i.taskId }, `Training on your ${streamName(i.stream)}, here on this computer (round ${i.round}).`);
  });
  client.on('trained', (i) => log({ type: 'trained', at: Date.now(), round: i.round, taskId: i.taskId }, `Trained on ${i.numExamples} of your ${streamName(i.stream)}; adding the update to other people’s.`));
  client.on('uploaded', (i) => log({ type: 'uploaded', at: Date.now(), round: i.round, taskId: i.taskId }, `Sent a model update for round ${i.round} (${bytesText(i.bytes)}). See it in the list below.`));
  client.on('withdrawn', (i) => log({ type: 'withdrawn', at: Date.now(), round: i.round, taskId: i.taskId }, `Left round ${i.round} without sending anything, as you asked.`));
  client.on('roundClosed', (i) => log({ type: 'roundClosed', at: Date.now(), round: i.round, taskId: i.taskId }, `Round ${i.round} finished without this computer.`));
  client.on('approved', (i) => log({ type: 'approved', at: Date.now(), round: i.round, taskId: i.taskId }, `Checked round ${i.round}: approved by ${i.approval.approverName}, as listed in the transparency log.`));
  client.on('error', (e) => log({ type: 'error', at: Date.now(), detail: `${e.code}: ${e.message}` }));
  client.on('revoked', (e) => log({ type: 'revoked', at: Date.now(), detail: e.reason }, 'Your administrator removed this computer from training; its stored queries were deleted.'));
  client.consent.on('change', () => void render());

  // ---- Search ---------------------------------------------------------------------------
  /** The last search; recorded as "nothing opened" if the next search comes first. */
  let pending: string | undefined;
  async function recordQuery(query: string, opened: boolean): Promise<void> {
    const result = await client.record(streams[0]!.stream, { text: query, label: opened ? 1 : 0 });
    const note = $('search-note');
    if (result.stored && result.scrubbed > 0) note.textContent = `Saved on this computer with ${result.scrubbed === 1 ? 'one personal detail' : `${result.scrubbed} personal details`} removed.`;
    await render();
  }

  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input = $<HTMLInputElement>('q');
    const query = input.value.trim();
    if (!query) return;
    if (pending !== undefined) void recordQuery(pending, false);
    pending = query;
    const hits = search(query, config.documents);
    $('search-note').textContent = hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'}, found on this computer.` : 'No results. Try fewer or different words.';
    $('results').replaceChildren(
      ...hits.map((d) => {
        const link = el('a', { href: d.path, textContent: d.title, dataset: { testid: 'result' } });
        link.addEventListener('click', (e) => {
          e.preventDefault();
          if (pending !== undefined) void recordQuery(pending, true);
          pending = undefined;
        });
        return el('li', {}, link, el('p', { textContent: d.snippet }), el('span', { className: 'path', textContent: `intranet${d.path}` }));
      }),
    );
  });

  // ---- Privacy panel --------------------------------------------------------------------
  $('pause-hour').addEventListener('click', () => void client.consent.pause({ forMs: HOUR_MS }));
  $('pause-tomorrow').addEventListener('click', () => {
    const now = new Date();
    void client.consent.pause({ until: new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, TOMORROW_HOUR) });
  });
  $('resume').addEventListener('click', () => void client.consent.resume());
  $('export').addEventListener('click', async () => {
    const text = await client.ledger.exportText();
    const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/plain' })), download: `conclave-ledger-${new Date().toISOString().slice(0, 10)}.txt` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  $('optout').addEventListener('click', () => {
    $('optout-confirm').hidden = false;
    $('optout').hidden = true;
  });
  $('optout-no').addEventListener('click', () => {
    $('optout-confirm').hidden = true;
    $('optout').hidden = false;
  });
  $('optout-yes').addEventListener('click', async () => {
    for (const s of streams) await client.consent.revoke(s.stream);
    // Opting out supersedes a pause: turning a stream back on later means on.
    await client.consent.resume();
    await client.forgetAll({ keepLedger: !$<HTMLInputElement>('optout-ledger').checked });
    pending = undefined;
    $('optout-confirm').hidden = true;
    $('optout').hidden = false;
    activity = 'You opted out. Nothing is stored or sent until you turn a stream back on.';
    await render();
  });

  let rendering: Promise<void> | undefined;
  let again = false;
  /** Re-reads the SDK's state and redraws the panel; calls during a redraw coalesce into one more. */
  function render(): Promise<void> {
    if (rendering) {
      again = true;
      return rendering;
    }
    rendering = (async () => {
      do {
        again = false;
        await draw();
      } while (again);
    })().finally(() => (rendering = undefined));
    return rendering;
  }

  async function draw(): Promise<void> {
    const status = client.consent.status();
    const [counts, ledger, spent, caps, approvals] = await Promise.all([client.counts(), client.ledger.entries(), client.privacy.spent(), client.privacy.caps(), client.approvals()]);
    const granted = streams.filter((s) => status.streams[s.stream] === 'granted');

    const pill = $('status');
    pill.className = `status ${granted.length === 0 ? '' : status.paused ? 'paused' : 'on'}`;
    pill.querySelector('.status-text')!.textContent =
      granted.length === 0 ? 'Not taking part' : status.paused ? `Paused ${status.pausedUntil ? untilText(status.pausedUntil) : ''}`.trim() : 'Taking part';

    $('streams').replaceChildren(
      ...streams.map((s) => {
        const on = status.streams[s.stream] === 'granted';
        const n = counts[s.stream] ?? 0;
        const sw = el('button', { type: 'button', className: 'switch', title: on ? 'Turn off' : 'Turn on', dataset: { testid: `toggle-${s.stream}` } });
        sw.setAttribute('role', 'switch');
        sw.setAttribute('aria-checked', String(on));
        sw.setAttribute('aria-label', `Use my ${s.name.toLowerCase()} to improve ${s.taskName.toLowerCase()}`);
        sw.addEventListener('click', () => void (on ? client.consent.revoke(s.stream) : client.consent.grant(s.stream)).then(render));
        const kept = on
          ? `${n} ${n === 1 ? 'query' : 'queries'} kept on this computer. Turning this off deletes them.`
          : 'Off: your searches are not recorded.';
        return el(
          'li',
          { className: 'stream' },
          el('div', { className: 'stream-top' }, el('span', { className: 'stream-name', textContent: `${s.name} → ${s.taskName}` }), el('span', { className: 'switch-wrap' }, el('span', { className: 'switch-state', textContent: on ? 'On' : 'Off' }), sw)),
          el('p', { className: 'purpose', textContent: s.purpose }),
          approvalLine(s.stream, approvals),
          el('p', { className: 'fineprint', textContent: kept }),
        );
      }),
    );

    $('pause-hour').hidden = status.paused;
    $('pause-tomorrow').hidden = status.paused;
    $('resume').hidden = !status.paused;
    $<HTMLButtonElement>('pause-hour').disabled = granted.length === 0;
    $<HTMLButtonElement>('pause-tomorrow').disabled = granted.length === 0;
    $('activity').textContent =
      granted.length === 0
        ? activity.startsWith('You opted out')
          ? activity
          : 'Not taking part. Searching works the same either way.'
        : status.paused
          ? `Paused ${status.pausedUntil ? untilText(status.pausedUntil) : ''}: nothing is recorded or sent.`
          : activity;

    $('epsilon').textContent = spent === 0 ? '0' : spent.toFixed(2);
    $('budget-note').textContent =
      (spent === 0
        ? 'The tasks you helped so far add no differential-privacy noise, so none of your budget is spent; your updates are protected by being summed with others’ before anyone sees them.'
        : 'ε measures how much your updates could reveal about you, after the noise added to them; lower is more private.') +
      (Number.isFinite(caps.effective) ? ` This computer stops taking part at ε = ${caps.effective}.` : '');

    const rows = [...ledger].reverse().map((e: LedgerEntry) =>
      el(
        'li',
        { dataset: { testid: 'ledger-entry' } },
        el('div', { className: 'row1' }, el('span', { textContent: taskNames.get(e.taskId) ?? streams.find((s) => e.streams.includes(s.stream))?.taskName ?? e.taskId }), el('span', { textContent: dateTimeFmt.format(new Date(e.time)) })),
        el(
          'div',
          { className: 'row2' },
          `${bytesText(e.bytesSent)} · from ${e.examples} of your ${e.streams.map(streamName).join(', ')}`,
          e.secureAggregationCohort ? ` · summed with ${e.secureAggregationCohort - 1} others` : '',
        ),
        el('div', { className: 'row2' }, 'SHA-256 ', el('code', { textContent: e.sha256.slice(0, 16), title: e.sha256 })),
      ),
    );
    $('ledger').replaceChildren(...rows);
    $('ledger-empty').hidden = rows.length > 0;
    $<HTMLButtonElement>('export').disabled = rows.length === 0;

    const stored = await client.examples.list(streams[0]!.stream, 50);
    $('stored-count').textContent = String(Object.values(counts).reduce((a, b) => a + b, 0));
    $('stored-list').replaceChildren(
      ...[...stored].reverse().map((x) => el('li', { dataset: { testid: 'stored-example' } }, el('span', { textContent: x.text ?? '' }), ' ', el('span', { className: 'label', textContent: x.label ? '(opened a result)' : '(nothing opened)' }))),
    );
  }

  window.conclave = { client, events, config, render };
  await render();
  await client.start();
  // Timed pauses end by themselves; keep the panel's wording current.
  setInterval(() => void render(), 30_000);
}

main().catch((err: unknown) => {
  const status = document.getElementById('status');
  if (status) status.querySelector('.status-text')!.textContent = 'Could not start';
  const activity = document.getElementById('activity');
  if (activity) activity.textContent = `The privacy tools could not start: ${(err as Error).message}. Searching still works.`;
  console.error(err);
});
