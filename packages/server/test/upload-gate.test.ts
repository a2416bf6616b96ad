import { describe, expect, it } from 'vitest';
import { BufferPool, UploadGate } from '../src/round/upload-gate.ts';

describe('upload gate', () => {
  it('grants at most maxConcurrent uploads, in arrival order, and the next one as a slot frees', () => {
    const gate = new UploadGate<string>(new BufferPool(2), 16, 2);
    for (const p of ['a', 'b', 'c', 'd']) gate.request(p);
    expect(gate.grant(() => true).map((g) => g.participant)).toEqual(['a', 'b']);
    expect(gate.grant(() => true)).toEqual([]);
    expect([gate.uploading, gate.waiting]).toEqual([2, 2]);
    gate.release('b');
    expect(gate.grant(() => true).map((g) => g.participant)).toEqual(['c']);
  });

  it('skips participants that left the queue meanwhile, and forgets released ones still waiting', () => {
    const gate = new UploadGate<string>(new BufferPool(1), 4, 1);
    for (const p of ['a', 'b', 'c']) gate.request(p);
    gate.release('b');
    expect(gate.grant((p) => p !== 'a').map((g) => g.participant)).toEqual(['c']);
    expect(gate.waiting).toBe(0);
  });

  it('reuses receive buffers across uploads: memory stays at maxConcurrent buffers', () => {
    const pool = new BufferPool(2);
    const gate = new UploadGate<string>(pool, 8, 2);
    for (const p of ['a', 'b', 'c', 'd']) gate.request(p);
    const first = gate.grant(() => true);
    for (const g of first) gate.release(g.participant);
    const second = gate.grant(() => true);
    expect(new Set([...second.map((g) => g.buffer)])).toEqual(new Set(first.map((g) => g.buffer)));
    expect(second.every((g) => g.buffer.length === 8)).toBe(true);
    // A round with another upload size gets fresh buffers of its size.
    const other = new UploadGate<string>(pool, 5, 2);
    other.request('x');
    expect(other.grant(() => true)[0]!.buffer.length).toBe(5);
  });
});
