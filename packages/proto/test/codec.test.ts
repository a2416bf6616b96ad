import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_LIMITS,
  PROTOCOL_VERSION,
  ProtoError,
  SUPPORTED_PROTOCOL_VERSIONS,
  checkProtocolVersion,
  chunks,
  decodeFrame,
  encodeFrame,
  float32ToBytes,
  readFloat32Into,
} from '../src/index.ts';
import { V1_HELLO_HEX, V1_WELCOME_HEX, fromHex } from './fixtures/protocol-v1.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// Envelope field 1 (hello), 43 bytes: protocol_version 1, sdk_version "0.1.0", public_key 32 × 0x01.
const HELLO_V1 = '0a2b' + '0801' + '1205302e312e30' + '1a20' + '01'.repeat(32);

describe('exact bytes', () => {
  // Frozen protocol-version-1 frames: if these change, old clients break. Bump PROTOCOL_VERSION
  // and keep accepting (or clearly refusing) the old frames instead of editing these.
  it('encodes Hello', () => {
    const bytes = encodeFrame('hello', { protocolVersion: 1, sdkVersion: '0.1.0', publicKey: new Uint8Array(32).fill(1) });
    expect(hex(bytes)).toBe(HELLO_V1);
  });

  it('encodes an UploadChunk as raw little-endian float32 bytes', () => {
    const data = float32ToBytes(new Float32Array([1, -2]));
    const bytes = encodeFrame('uploadChunk', { taskId: 't', round: 3, offset: 8, data });
    // field 10 (upload_chunk), len 17: task_id "t", round 3, offset 8, data 8 bytes
    expect(hex(bytes)).toBe('5211' + '0a0174' + '1003' + '1808' + '2208' + '0000803f000000c0');
  });

  it('decodes the frozen version-1 fixtures', () => {
    const frame = decodeFrame(Buffer.from(HELLO_V1, 'hex'));
    expect(frame.body).toBe('hello');
    expect(frame.message).toMatchObject({ protocolVersion: 1, sdkVersion: '0.1.0' });
    if (frame.body !== 'hello') throw new Error('expected hello');
    expect(Array.from(frame.message.publicKey ?? [])).toEqual(new Array(32).fill(1));
  });
});

describe('caps', () => {
  it('refuses a frame over the size cap, naming both sizes', () => {
    const big = new Uint8Array(DEFAULT_LIMITS.maxFrameBytes + 1);
    expect(() => decodeFrame(big)).toThrowError(/frame has 1049601 bytes, at most 1049600 allowed/);
  });

  it('refuses a chunk over the chunk cap', () => {
    const bytes = encodeFrame('uploadChunk', { taskId: 't', round: 1, offset: 0, data: new Uint8Array(64) });
    const err = capture(() => decodeFrame(bytes, { ...DEFAULT_LIMITS, maxChunkBytes: 32 }));
    expect(err.code).toBe('MESSAGE_TOO_LARGE');
    expect(err.message).toContain('uploadChunk.data has 64 bytes, at most 32');
  });

  it('refuses long strings and long lists', () => {
    const long = encodeFrame('hello', { protocolVersion: 1, sdkVersion: 'x'.repeat(300) });
    expect(capture(() => decodeFrame(long)).message).toContain('hello.sdkVersion has 300 characters');
    const key = encodeFrame('hello', { protocolVersion: 1, publicKey: new Uint8Array(300) });
    expect(capture(() => decodeFrame(key)).message).toContain('hello.publicKey has 300 bytes, at most 256 allowed');
    const many = encodeFrame('checkIn', { streams: Array.from({ length: 65 }, (_, i) => `s${i}`), eligible: true });
    expect(capture(() => decodeFrame(many)).message).toContain('checkIn.streams has 65 entries');
  });

  it('refuses garbage and empty envelopes as MALFORMED_FRAME', () => {
    expect(capture(() => decodeFrame(new Uint8Array([0x0a, 0xff, 0xff, 0xff]))).code).toBe('MALFORMED_FRAME');
    expect(capture(() => decodeFrame(new Uint8Array(0))).message).toContain('empty Envelope');
  });

  it('never throws anything but ProtoError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        try {
          decodeFrame(bytes);
        } catch (err) {
          expect(err).toBeInstanceOf(ProtoError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('round trips', () => {
  it('float32 chunks reassemble exactly', () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (values, words) => {
        const target = new Float32Array(values.length);
        for (const { offset, data } of chunks(float32ToBytes(values), words * 4)) {
          const decoded = decodeFrame(encodeFrame('modelChunk', { taskId: 't', modelVersion: 2, offset, data }));
          if (decoded.body !== 'modelChunk') throw new Error('wrong body');
          readFloat32Into(target, decoded.message.offset ?? 0, decoded.message.data ?? new Uint8Array());
        }
        expect(Buffer.from(target.buffer).equals(Buffer.from(values.buffer, values.byteOffset, values.byteLength))).toBe(true);
      }),
    );
  });

  it('UploadStart survives encode/decode', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.nat(), fc.nat(), (taskId, round, numExamples) => {
        const frame = decodeFrame(encodeFrame('uploadStart', { taskId, round, numExamples, modelVersion: round, updateBytes: 4 }));
        expect(frame).toMatchObject({ body: 'uploadStart', message: { taskId, round: round >>> 0, numExamples: numExamples >>> 0 } });
      }),
    );
  });

  it('framing overhead of a 1 MiB model is far under 5%', () => {
    const model = new Float32Array(262_144);
    let wire = 0;
    for (const { offset, data } of chunks(float32ToBytes(model), 256 * 1024)) {
      wire += encodeFrame('modelChunk', { taskId: 'task-0123456789', modelVersion: 12, offset, data }).byteLength;
    }
    expect(wire / model.byteLength).toBeLessThan(1.001);
  });
});

describe('protocol version', () => {
  it('accepts the current version, which is 2', () => {
    expect(PROTOCOL_VERSION).toBe(2);
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual([2]);
    expect(() => checkProtocolVersion(2, 'client')).not.toThrow();
  });
  it('refuses older and newer peers, naming both versions', () => {
    expect(capture(() => checkProtocolVersion(0, 'client')).message).toBe(
      'client speaks protocol version 0, server speaks 2 (accepts 2); upgrade the client',
    );
    expect(capture(() => checkProtocolVersion(1, 'client')).message).toBe(
      'client speaks protocol version 1, server speaks 2 (accepts 2); upgrade the client',
    );
    const err = capture(() => checkProtocolVersion(7, 'server'));
    expect(err.code).toBe('PROTOCOL_VERSION');
    expect(err.closeCode).toBe(4001);
    expect(err.message).toContain('server speaks protocol version 7, client speaks 2');
  });
  it('decodes the frozen version-1 Hello and Welcome byte for byte, and refuses their version', () => {
    const hello = decodeFrame(fromHex(V1_HELLO_HEX));
    expect(hello.body).toBe('hello');
    expect(hello.message).toMatchObject({ protocolVersion: 1, sdkVersion: '0.1.0' });
    const welcome = decodeFrame(fromHex(V1_WELCOME_HEX));
    expect(welcome.message).toMatchObject({ protocolVersion: 1, sessionId: 'session-v1' });
    expect(capture(() => checkProtocolVersion(1, 'server')).message).toBe(
      'server speaks protocol version 1, client speaks 2 (accepts 2); upgrade the server',
    );
  });
  it('round-scoped messages carry the round attempt id', () => {
    const attemptId = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [body, message] of [
      ['uploadStart', { taskId: 't', round: 3, attemptId }],
      ['uploadChunk', { taskId: 't', round: 3, attemptId }],
      ['withdraw', { taskId: 't', round: 3, attemptId }],
      ['progress', { taskId: 't', round: 3, attemptId }],
      ['secagg', { taskId: 't', round: 3, attemptId }],
      ['roundClosed', { taskId: 't', round: 3, attemptId, late: true }],
    ] as const) {
      const frame = decodeFrame(encodeFrame(body, message));
      expect(frame.body).toBe(body);
      expect(hex((frame.message as { attemptId: Uint8Array }).attemptId)).toBe(hex(attemptId));
    }
  });
});

function capture(fn: () => unknown): ProtoError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtoError) return err;
    throw err;
  }
  throw new Error('expected a ProtoError');
}
