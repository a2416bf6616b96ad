import { afterEach, describe, expect, it } from 'vitest';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a text/event-stream response into events (comments are kept as event ':'), until aborted. */
function readEvents(res: Response, events: SseEvent[], raw: string[]): Promise<void> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const text = decoder.decode(value, { stream: true });
      raw.push(text);
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) {
          events.push({ event: ':', data: block.slice(1).trim() });
          continue;
        }
        const name = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.+)$/m.exec(block)?.[1];
        events.push({ event: name, data: data === undefined ? undefined : JSON.parse(data) });
      }
    }
  })();
}

describe('the admin API live view (server-sent events)', () => {
  it('streams the phase and counts of real rounds and each round-end equal to GET /rounds, with no device ids', async () => {
    // Count changes coalesced over 30 s, far longer than a round here: each phase must still
    // appear, read as it began, and the counts of the round's end come with its outcome.
    h = await startHarness({ sseHeartbeatMs: 200, sseCoalesceMs: 30_000 });
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 2, evaluation: { evalFraction: 0.2, finalRound: false } }));
    const auth = { authorization: `Bearer ${h.server.token}` };
    const abort = new AbortController();
    const res = await fetch(`${h.server.url}/api/tasks/${taskId}/events`, { headers: auth, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events: SseEvent[] = [];
    const raw: string[] = [];
    const reading = readEvents(res, events, raw);

    const deviceIds: string[] = [];
    for (let i = 0; i < 5; i++) deviceIds.push((await h.addClient()).deviceId);
    await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    const rounds = ((await (await fetch(`${h.server.url}/api/tasks/${taskId}/rounds`, { headers: auth })).json()) as { rounds: { round: number; status: string; kind: string; modelVersionIn: number; metrics: { evalModelVersion: number; participants: number; selected: number; dropped: number } | null }[] }).rounds;
    expect(rounds.filter((r) => r.status === 'committed').map((r) => r.round)).toEqual([1, 2]);
    for (const r of rounds.filter((x) => x.status === 'committed')) {
      expect(r.metrics!.evalModelVersion).toBe(r.modelVersionIn);
      expect(r.metrics!.dropped).toBe(r.metrics!.selected - r.metrics!.participants);
    }
    // The stream delivers the last round's end and the task's final status.
    await expect.poll(() => events.some((e) => e.event === 'task' && (e.data as { status: string }).status === 'completed'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => events.some((e) => e.event === ':' && e.data === 'heartbeat'), { timeout: 10_000 }).toBe(true);
    abort.abort();
    await reading;

    const roundEvents = events.filter((e) => e.event === 'round').map((e) => e.data as { round: number; phase: string; selected: number; reportsReceived: number; droppedByPhase: Record<string, number> });
    expect(roundEvents.some((e) => e.round === 1 && e.phase === 'selecting')).toBe(true);
    expect(roundEvents.some((e) => e.round === 1 && e.phase === 'reporting' && e.selected >= 3)).toBe(true);
    // As each round ends, its final counts with the outcome as the phase, then the round-end.
    for (const round of [1, 2]) {
      const i = events.findIndex((e) => e.event === 'round' && (e.data as { round: number; phase: string }).round === round && (e.data as { phase: string }).phase === 'committed');
      expect(events[i]!.data).toMatchObject({ selected: rounds[round - 1]!.metrics!.selected, reportsReceived: rounds[round - 1]!.metrics!.participants });
      expect(events[i + 1]!.event).toBe('round-end');
    }
    for (const e of roundEvents) expect(Object.keys(e).sort()).toEqual(expect.arrayContaining(['droppedByPhase', 'phase', 'reportsReceived', 'round', 'selected']));
    // Within a round, reports received never go down.
    for (const round of [1, 2]) {
      const counts = roundEvents.filter((e) => e.round === round).map((e) => e.reportsReceived);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
    const ends = events.filter((e) => e.event === 'round-end').map((e) => e.data);
    expect(ends).toEqual(rounds);
    // Counts only: no device id anywhere in what the stream sent.
    const text = raw.join('');
    for (const id of deviceIds) expect(text).not.toContain(id);
  });
});
