import { createHash } from 'node:crypto';
import { ReasonCode, encodeFrame } from '@conclave/proto';
import { describe, expect, it } from 'vitest';
import { FrameLedger, initialFrameDigest } from '../src/frame-ledger.ts';
import { MemoryKeyValueStore } from '../src/kv-store.ts';

/** The running hash written out independently with node:crypto. */
function runningHash(frames: Uint8Array[]): string {
  let h = createHash('sha256').update('conclave/v1/frames').digest();
  for (const f of frames) h = createHash('sha256').update(h).update(createHash('sha256').update(f).digest()).digest();
  return h.toString('hex');
}

describe('frame ledger', () => {
  it('records every frame with kind, round, size and SHA-256, and a running hash per connection', async () => {
    const kv = new MemoryKeyValueStore();
    const ledger = new FrameLedger({ kv, now: () => Date.UTC(2026, 11, 4) });
    ledger.connectionOpened();
    const sent: [Uint8Array, Parameters<FrameLedger['record']>[1]][] = [];
    const send = (body: Parameters<typeof encodeFrame>[0], message: Record<string, unknown>) => {
      const bytes = encodeFrame(body, message as never);
      sent.push([bytes, { body, message }]);
      ledger.record(bytes, { body, message });
    };
    send('hello', { protocolVersion: 1, sdkVersion: '0.1.0', publicKey: new Uint8Array(32) });
    ledger.connectionIdentified('sess-1');
    send('checkIn', { streams: ['mail'], eligible: true });
    send('secagg', { taskId: 't', round: 3, shareKeys: { shares: [] } });
    send('uploadChunk', { taskId: 't', round: 3, offset: 0, data: new Uint8Array(10) });
    send('withdraw', { taskId: 't', round: 4, code: ReasonCode.PAUSED });

    const frames = await ledger.frames();
    expect(frames.map((f) => [f.kind, f.taskId, f.round, f.seq])).toEqual([
      ['hello', undefined, undefined, 1],
      ['checkIn', undefined, undefined, 2],
      ['secagg.shareKeys', 't', 3, 3],
      ['uploadChunk', 't', 3, 4],
      ['withdraw', 't', 4, 5],
    ]);
    expect(frames[4]!.reason).toBe('PAUSED');
    frames.forEach((f, i) => {
      expect(f.bytes).toBe(sent[i]![0].byteLength);
      expect(f.sha256).toBe(createHash('sha256').update(sent[i]![0]).digest('hex'));
      expect(f.runningHash).toBe(runningHash(sent.slice(0, i + 1).map(([b]) => b)));
    });
    expect(frames[0]!.sessionId).toBeUndefined();
    expect(frames[1]!.sessionId).toBe('sess-1');
    const digest = await ledger.connectionDigest();
    expect(digest).toEqual({ connection: 1, sessionId: 'sess-1', frames: 5, runningHash: runningHash(sent.map(([b]) => b)) });

    // Grouped by round; a new connection starts from H₀ again.
    const rounds = await ledger.rounds();
    expect(rounds.map((r) => [r.taskId, r.round, r.frames.length])).toEqual([[null, null, 2], ['t', 3, 2], ['t', 4, 1]]);
    ledger.connectionOpened();
    expect((await ledger.connectionDigest()).runningHash).toBe(await initialFrameDigest());
    expect(await initialFrameDigest()).toBe(runningHash([]));

    // Stored: a new ledger on the same store reads them back.
    expect(await new FrameLedger({ kv }).frames()).toEqual(frames);
  });

  it('keeps at most maxFrames, dropping the oldest, and clears on request', async () => {
    const kv = new MemoryKeyValueStore();
    const ledger = new FrameLedger({ kv, maxFrames: 3 });
    ledger.connectionOpened();
    for (let i = 0; i < 5; i++) ledger.record(encodeFrame('progress', { taskId: 't', round: i, fraction: 0.5 }), { body: 'progress', message: { taskId: 't', round: i } });
    expect((await ledger.frames()).map((f) => f.round)).toEqual([2, 3, 4]);
    await ledger.clear();
    expect(await ledger.frames()).toEqual([]);
    expect(await kv.get('conclave.frames.v1')).toBeUndefined();
  });

  it('refuses a corrupt store, naming it', async () => {
    const kv = new MemoryKeyValueStore();
    await kv.set('conclave.frames.v1', '{"format":"other"}');
    await expect(new FrameLedger({ kv }).frames()).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', message: expect.stringContaining('conclave.sdk.frames') });
  });
});
