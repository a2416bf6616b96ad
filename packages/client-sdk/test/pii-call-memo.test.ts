import { describe, expect, it } from 'vitest';
import { memoized, withCallMemo } from '../src/pii/call-memo.ts';

// The street scrubber asks for the names the person scrubber finds, and the e-mail scrubber for
// the passwords tied to their cues: each is worked out once per scrub, and never reused from one
// scrub to the next (a benchmark that scrubs one text five times pays five times).
describe('work shared by the scrubbers of one scrub', () => {
  it('computes once inside one scrub of a text, again in the next scrub and outside any', () => {
    let calls = 0;
    const count = (t: string): number => {
      calls++;
      return t.length;
    };
    withCallMemo('abc', () => {
      expect(memoized('k', 'abc', count)).toBe(3);
      expect(memoized('k', 'abc', count)).toBe(3);
      // Another text, or another key, is not the memo's.
      expect(memoized('k', 'abcd', count)).toBe(4);
      expect(memoized('other', 'abc', count)).toBe(3);
    });
    expect(calls).toBe(3);
    withCallMemo('abc', () => memoized('k', 'abc', count));
    expect(calls).toBe(4);
    memoized('k', 'abc', count);
    memoized('k', 'abc', count);
    expect(calls).toBe(6);
  });

  it('closes the memo when the scrub throws, and restores an outer one', () => {
    let calls = 0;
    const count = (t: string): number => ++calls + t.length;
    const failing = (): never => {
      memoized('k', 'x', count);
      throw new Error('boom');
    };
    expect(() => withCallMemo('x', failing)).toThrow('boom');
    memoized('k', 'x', count);
    expect(calls).toBe(2);
    withCallMemo('outer', () => {
      memoized('k', 'outer', count);
      withCallMemo('inner', () => memoized('k', 'inner', count));
      memoized('k', 'outer', count);
    });
    expect(calls).toBe(4);
  });
});
