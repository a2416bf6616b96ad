import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../src/kv-store.ts';
import { ParticipationCounter } from '../src/participation-counter.ts';

describe('participation counter', () => {
  it('counts rounds per task, persists them, and enforces a limit', async () => {
    const kv = new MemoryKeyValueStore();
    const c = new ParticipationCounter({ kv });
    expect(await c.allows('t', 2)).toBe(true);
    expect(await c.add('t')).toBe(1);
    expect(await c.add('t')).toBe(2);
    await c.add('other');
    expect(await c.allows('t', 2)).toBe(false);
    expect(await c.allows('t', 3)).toBe(true);
    expect(await c.allows('t', 0)).toBe(true);
    const again = new ParticipationCounter({ kv });
    expect(await again.count('t')).toBe(2);
    expect(await again.count('other')).toBe(1);
    expect(await again.count('never')).toBe(0);
  });

  it('refuses corrupt counts, naming them', async () => {
    const kv = new MemoryKeyValueStore();
    await kv.set('conclave.participations.v1', JSON.stringify({ format: 'conclave.sdk.participations', version: 1, tasks: { t: -1 } }));
    await expect(new ParticipationCounter({ kv }).count('t')).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', message: expect.stringContaining('task "t" is -1') });
  });
});
