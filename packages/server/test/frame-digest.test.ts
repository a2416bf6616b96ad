import { describe, expect, it } from 'vitest';
import { FrameDigest } from '../src/frame-digest.ts';

describe('frame digest', () => {
  it('chains SHA-256 over the frames received, from the seed (values from Python hashlib)', () => {
    const d = new FrameDigest();
    // printf 'conclave/v1/frames' | sha256sum
    expect(d.runningHash).toBe('a0a39dee9cd2dbef67d7522ea2159cb9e31a55dfaeba3206f6ed1971f095d40b');
    d.add(new Uint8Array([1, 2, 3]));
    d.add(new Uint8Array([]));
    // h = sha256(seed); for f in [b'\x01\x02\x03', b'']: h = sha256(h + sha256(f))
    expect(d.runningHash).toBe('8e418a611d2ee78d7872a8e97c7e0624c294bf42b1bf39212d46a01f06c51b2a');
    expect(d.frames).toBe(2);
    const e = new FrameDigest();
    e.add(new Uint8Array([]));
    e.add(new Uint8Array([1, 2, 3]));
    expect(e.runningHash).not.toBe(d.runningHash);
  });
});
