import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientError } from '../src/errors.ts';
import { MemoryKeyValueStore } from '../src/kv-store.ts';
import { Ledger, formatLedger, sha256Hex, validateLedgerEntry, type LedgerEntry, type LedgerEntryInput } from '../src/ledger.ts';

const HASH = 'ab'.repeat(32);

function entry(overrides: Partial<LedgerEntryInput> = {}): LedgerEntryInput {
  return {
    time: Date.UTC(2025, 2, 4, 9, 30),
    taskId: 'mail-triage',
    purpose: 'Learn which emails need a reply today.',
    modelVersion: 12,
    streams: ['mail'],
    examples: 143,
    updateNorm: 0.98765432,
    privacy: { noiseMultiplier: 1.1, samplingRate: 0.01, clipNorm: 1, epsilonShare: 0.2345 },
    secureAggregationCohort: 130,
    bytesSent: 40_123,
    sha256: HASH,
    ...overrides,
  };
}

function invalid(e: unknown): ClientError {
  try {
    validateLedgerEntry(e as LedgerEntryInput);
  } catch (err) {
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).code).toBe('INVALID_LEDGER_ENTRY');
    return err as ClientError;
  }
  throw new Error(`accepted ${JSON.stringify(e)}`);
}

describe('sha256Hex', () => {
  // FIPS 180-2, Appendix B.1 and B.2; the empty string's digest as published with SHA-256.
  it('matches the published test vectors', async () => {
    const ascii = (s: string) => new TextEncoder().encode(s);
    expect(await sha256Hex(ascii(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes chunks as their concatenation, and views by their own bytes only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 6 }), async (chunks) => {
        const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let o = 0;
        for (const c of chunks) whole.set(c, (o += c.length) - c.length);
        expect(await sha256Hex(chunks)).toBe(await sha256Hex(whole));
      }),
      { numRuns: 50 },
    );
    const backing = new Uint8Array([9, 9, 97, 98, 99, 9]);
    expect(await sha256Hex(backing.subarray(2, 5))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('validateLedgerEntry', () => {
  it('accepts the schema and normalises the time to ISO 8601', () => {
    const e = validateLedgerEntry(entry());
    expect(e.time).toBe('2025-03-04T09:30:00.000Z');
    expect(validateLedgerEntry(entry({ time: '2025-03-04T10:30:00+01:00' })).time).toBe('2025-03-04T09:30:00.000Z');
    const { privacy: _p, secureAggregationCohort: _s, ...plain } = entry();
    expect(validateLedgerEntry(plain)).not.toHaveProperty('privacy');
  });

  it('refuses any field beyond the schema, so nothing raw slips in', () => {
    expect(invalid({ ...entry(), update: new Float32Array(4) }).message).toMatch(/"update".*not in the ledger's schema/);
    expect(invalid({ ...entry(), examplesText: ['hi'] }).message).toMatch(/examplesText/);
    expect(invalid(entry({ privacy: { noiseMultiplier: 1, samplingRate: 0.1, clipNorm: 1, epsilonShare: 0.1, raw: [1] } as never })).message).toMatch(
      /privacy has field "raw"/,
    );
    invalid(Object.assign(Object.create({ inherited: 1 }) as object, entry()));
    invalid([entry()]);
    invalid(null);
  });

  it('refuses values out of their domain, naming the field', () => {
    const cases: Array<[Partial<LedgerEntryInput>, RegExp]> = [
      [{ time: 'yesterday' }, /time/],
      [{ time: NaN }, /time/],
      [{ taskId: '' }, /taskId/],
      [{ taskId: 'x'.repeat(257) }, /taskId/],
      [{ purpose: 'p'.repeat(4097) }, /purpose/],
      [{ modelVersion: -1 }, /modelVersion/],
      [{ modelVersion: 1.5 }, /modelVersion/],
      [{ streams: ['Mail'] }, /streams/],
      [{ streams: 'mail' as never }, /streams/],
      [{ examples: -3 }, /examples/],
      [{ updateNorm: Infinity }, /updateNorm/],
      [{ bytesSent: 2 ** 60 }, /bytesSent/],
      [{ sha256: HASH.toUpperCase() }, /sha256/],
      [{ sha256: HASH.slice(1) }, /sha256/],
      [{ secureAggregationCohort: 0 }, /secureAggregationCohort/],
      [{ privacy: { noiseMultiplier: 1, samplingRate: 1.5, clipNorm: 1, epsilonShare: 0 } }, /samplingRate/],
      [{ privacy: { noiseMultiplier: 1, samplingRate: 0.5, clipNorm: 0, epsilonShare: 0 } }, /clipNorm/],
      [{ privacy: { noiseMultiplier: 1, samplingRate: 0.5, clipNorm: 1, epsilonShare: Infinity } }, /epsilonShare/],
      [{ privacy: { noiseMultiplier: 1, samplingRate: 0.5, clipNorm: 1 } as never }, /epsilonShare/],
    ];
    for (const [override, field] of cases) expect(invalid(entry(override)).message, JSON.stringify(override)).toMatch(field);
  });

  it('accepts every well-formed entry unchanged and refuses it with any extra key (property)', () => {
    const arbEntry = fc.record(
      {
        time: fc.integer({ min: 0, max: 4e12 }),
        kind: fc.constantFrom('update' as const, 'evaluation' as const),
        taskId: fc.string({ minLength: 1, maxLength: 40 }),
        purpose: fc.string({ maxLength: 200 }),
        modelVersion: fc.nat(),
        streams: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/), { maxLength: 3 }),
        examples: fc.nat(),
        updateNorm: fc.double({ min: 0, max: 1e6, noNaN: true }),
        privacy: fc.record({
          noiseMultiplier: fc.double({ min: 0, max: 100, noNaN: true }),
          samplingRate: fc.double({ min: 0, max: 1, noNaN: true }),
          clipNorm: fc.double({ min: 1e-6, max: 100, noNaN: true }),
          epsilonShare: fc.double({ min: 0, max: 100, noNaN: true }),
        }),
        secureAggregationCohort: fc.integer({ min: 1, max: 10_000 }),
        bytesSent: fc.nat(),
        sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
      },
      { requiredKeys: ['time', 'kind', 'taskId', 'purpose', 'modelVersion', 'streams', 'examples', 'updateNorm', 'bytesSent', 'sha256'] },
    );
    fc.assert(
      fc.property(arbEntry, fc.string({ minLength: 1 }), (e, extra) => {
        const checked = validateLedgerEntry(e);
        expect({ ...checked, time: Date.parse(checked.time) }).toEqual({ ...e });
        if (!(extra in e) && !['__proto__', 'constructor'].includes(extra)) {
          expect(() => validateLedgerEntry({ ...e, [extra]: 1 } as LedgerEntryInput)).toThrow(/not in the ledger's schema/);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Ledger', () => {
  it('appends, lists oldest first, and persists in its KeyValueStore', async () => {
    const kv = new MemoryKeyValueStore();
    const ledger = new Ledger({ kv });
    expect(await ledger.entries()).toEqual([]);
    const stored = await ledger.append(entry());
    expect(stored.time).toBe('2025-03-04T09:30:00.000Z');
    await ledger.append(entry({ taskId: 'second', time: Date.UTC(2025, 2, 5) }));
    const again = new Ledger({ kv });
    expect((await again.entries()).map((e) => e.taskId)).toEqual(['mail-triage', 'second']);
    expect((await again.entries())[0]).toEqual(stored);
  });

  it('hands out copies: mutating a returned entry changes nothing stored', async () => {
    const ledger = new Ledger({ kv: new MemoryKeyValueStore() });
    const e = await ledger.append(entry());
    e.streams.push('evil');
    (await ledger.entries())[0]!.examples = 0;
    expect((await ledger.entries())[0]).toMatchObject({ streams: ['mail'], examples: 143 });
  });

  it('loses no entry when appends are not awaited one by one', async () => {
    const ledger = new Ledger({ kv: new MemoryKeyValueStore() });
    await Promise.all(Array.from({ length: 25 }, (_, i) => ledger.append(entry({ modelVersion: i }))));
    expect((await ledger.entries()).map((e) => e.modelVersion)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('refuses a bad entry without storing anything', async () => {
    const ledger = new Ledger({ kv: new MemoryKeyValueStore() });
    await expect(ledger.append({ ...entry(), rawExamples: ['hello'] } as LedgerEntryInput)).rejects.toMatchObject({ code: 'INVALID_LEDGER_ENTRY' });
    expect(await ledger.entries()).toEqual([]);
  });

  it('clear() deletes every entry', async () => {
    const kv = new MemoryKeyValueStore();
    const ledger = new Ledger({ kv });
    await ledger.append(entry());
    await ledger.clear();
    expect(await ledger.entries()).toEqual([]);
    expect(await kv.get('conclave.ledger.v1')).toBeUndefined();
  });

  it('reports a corrupt saved ledger', async () => {
    const kv = new MemoryKeyValueStore();
    await kv.set('conclave.ledger.v1', JSON.stringify({ format: 'conclave.sdk.ledger', version: 1, entries: [{ ...entry(), secret: 1 }] }));
    await expect(new Ledger({ kv }).entries()).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', message: expect.stringMatching(/entry 0/) });
  });
});

describe('exportText', () => {
  it('writes one readable block per upload with every field', async () => {
    const ledger = new Ledger({ kv: new MemoryKeyValueStore() });
    await ledger.append(entry());
    const { privacy: _p, secureAggregationCohort: _s, ...plain } = entry({ taskId: 'calendar-hints', streams: ['calendar', 'mail'], time: Date.UTC(2025, 2, 6) });
    await ledger.append(plain);
    const text = await ledger.exportText({ now: Date.UTC(2025, 2, 7) });
    expect(text).toBe(
      [
        'Conclave: what this device sent',
        'Report made 2025-03-07T00:00:00.000Z. 2 uploads.',
        'Each upload is a model update computed on this device. The examples it was computed from never left the device.',
        '',
        'Upload 1 of 2, 2025-03-04T09:30:00.000Z',
        '  Task:                 mail-triage',
        '  Purpose:              Learn which emails need a reply today.',
        '  Model version:        12',
        '  Data streams:         mail',
        '  Examples used:        143',
        '  Update norm:          0.987654 (after clipping)',
        '  Differential privacy: noise multiplier 1.1, sampling rate 0.01, clipping norm 1',
        "  Your ε share:         0.2345 (at δ = 1e-6, added to this device's own privacy account)",
        "  Secure aggregation:   summed with a cohort of 130 devices before the server could see it",
        '  Bytes sent:           40,123',
        `  SHA-256:              ${HASH}`,
        '',
        'Upload 2 of 2, 2025-03-06T00:00:00.000Z',
        '  Task:                 calendar-hints',
        '  Purpose:              Learn which emails need a reply today.',
        '  Model version:        12',
        '  Data streams:         calendar, mail',
        '  Examples used:        143',
        '  Update norm:          0.987654 (after clipping)',
        '  Differential privacy: off for this task',
        '  Secure aggregation:   off for this task',
        '  Bytes sent:           40,123',
        `  SHA-256:              ${HASH}`,
        '',
      ].join('\n'),
    );
  });

  it('indents multi-line purposes and neutralises control and bidi characters', () => {
    const [e] = [validateLedgerEntry(entry({ purpose: 'Line one\nLine two\u001b[31m red \u202eevil' }))] as [LedgerEntry];
    const text = formatLedger([e], { now: 0 });
    expect(text).toContain('  Purpose:              Line one\n                        Line two\ufffd[31m red \ufffdevil\n');
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(formatLedger([], { now: 0 })).toMatch(/0 uploads\./);
  });
});
