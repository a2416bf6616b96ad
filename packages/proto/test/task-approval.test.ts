import { describe, expect, it } from 'vitest';
import {
  approveTask,
  canonicalJson,
  generateSigningKeyPair,
  modelSha256,
  taskApprovalFromJson,
  taskApprovalToJson,
  taskStatementBytes,
  toHex,
  topologySha256,
  verifyTaskApproval,
  type TaskStatement,
} from '../src/index.ts';
import { sampleStatement } from './fixtures/statement.ts';

const utf8 = new TextEncoder();

describe('canonical JSON (RFC 8785)', () => {
  it('writes the RFC 8785 §3.2.2 example exactly', () => {
    // RFC 8785 §3.2.2: input with unsorted members, exponent forms and escapes; §3.2.3 output.
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts members by UTF-16 code units at every depth and refuses what is not JSON', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: -0 }], c: 'x' }, '\u00e9': 2, Z: 3 })).toBe('{"Z":3,"a":{"c":"x","d":[1,{"y":0,"z":0}]},"b":1,"é":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/\$\.a: NaN is not a JSON number/);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(/Date object is not JSON/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint is not JSON/);
  });
});

describe('task statement encoding', () => {
  it('is the context, a zero byte, then each field length-prefixed in the documented order', async () => {
    const key = new Uint8Array(32).fill(7);
    const s = await sampleStatement(key);
    const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    const u64 = (n: number) => [0, 0, ...u32(Math.floor(n / 2 ** 32) & 0xffff), ...u32(n >>> 0)].slice(-8);
    const text = (t: string) => [...u32(utf8.encode(t).length), ...utf8.encode(t)];
    const bytes = (b: Uint8Array) => [...u32(b.length), ...b];
    const hex = (x: string) => Uint8Array.from(x.match(/../g)!, (b) => parseInt(b, 16));
    const expected = [
      ...utf8.encode('conclave/v1/task-approval'),
      0,
      ...u64(1),
      ...text('task-1'),
      ...text('triage'),
      ...text('Learn which mails need an answer today.'),
      ...u64(1),
      ...text('mail'),
      ...text('{"dim":64,"kind":"hashed-bow"}'),
      ...bytes(hex(s.model.topologySha256)),
      ...bytes(hex(s.model.sha256)),
      ...text('{"batchSize":32,"clientLearningRate":0.1,"localEpochs":1,"loss":"binaryCrossentropy"}'),
      ...u64(5),
      ...text('{"goal":10,"minimum":5,"overSelection":1.3}'),
      ...text('{"clipRange":1,"enabled":true,"maliciousServer":true,"maxWeight":1000}'),
      ...text('{"clipNorm":0.1,"delta":0.00001,"mode":"central","targetEpsilon":3}'),
      ...text('Works council'),
      ...bytes(key),
      ...u64(1_790_000_000_000),
    ];
    expect([...taskStatementBytes(s)]).toEqual(expected);
  });

  it('is deterministic whatever the key order of the parameter groups', async () => {
    const key = new Uint8Array(32).fill(1);
    const a = await sampleStatement(key);
    const b = await sampleStatement(key, { privacy: { targetEpsilon: 3, clipNorm: 0.1, mode: 'central', delta: 1e-5 }, features: { dim: 64, kind: 'hashed-bow' } });
    expect(toHex(taskStatementBytes(a))).toBe(toHex(taskStatementBytes(b)));
  });

  it('changes with every signed field', async () => {
    const key = new Uint8Array(32).fill(1);
    const base = toHex(taskStatementBytes(await sampleStatement(key)));
    const changes: Partial<TaskStatement>[] = [
      { taskId: 'task-2' },
      { purpose: 'Something else.' },
      { streams: ['calendar', 'mail'] },
      { features: { kind: 'hashed-bow', dim: 65 } },
      { rounds: 6 },
      { cohort: { goal: 10, minimum: 4, overSelection: 1.3 } },
      { secureAggregation: { enabled: true, maliciousServer: false, clipRange: 1 } },
      { privacy: { mode: 'central', targetEpsilon: 8, delta: 1e-5, clipNorm: 0.1 } },
      { privacy: null },
      { training: { loss: 'binaryCrossentropy', localEpochs: 5, batchSize: 32, clientLearningRate: 0.1 } },
      { approverName: 'HR' },
    ];
    for (const change of changes) expect(toHex(taskStatementBytes(await sampleStatement(key, change)))).not.toBe(base);
  });

  it('hashes the model over canonical topology and exact weights', async () => {
    const t1 = '{"modelTopology":{"a":1,"b":2},"weightSpecs":[]}';
    const t2 = '{ "weightSpecs": [], "modelTopology": { "b": 2, "a": 1 } }';
    expect(await topologySha256(t1)).toBe(await topologySha256(t2));
    expect(await modelSha256(t1, new Uint8Array([1, 2]))).toBe(await modelSha256(t2, new Uint8Array([1, 2])));
    expect(await modelSha256(t1, new Uint8Array([1, 2]))).not.toBe(await modelSha256(t1, new Uint8Array([1, 3])));
    await expect(topologySha256('{not json')).rejects.toThrow(/the model topology is not JSON/);
  });
});

describe('task approval signatures', () => {
  it('verify for the pinned approver and survive the JSON form', async () => {
    const approver = await generateSigningKeyPair();
    const approval = await approveTask(approver, await sampleStatement(approver.publicKey));
    expect(await verifyTaskApproval(approval, { approverKeys: [approver.publicKey] })).toEqual({ ok: true });
    const back = taskApprovalFromJson(JSON.stringify(taskApprovalToJson(approval)));
    expect(await verifyTaskApproval(back, { approverKeys: [approver.publicKey] })).toEqual({ ok: true });
    expect(toHex(taskStatementBytes(back.statement))).toBe(toHex(taskStatementBytes(approval.statement)));
  });

  it('refuse a tampered statement, a tampered signature, an unpinned key and a key that did not sign', async () => {
    const approver = await generateSigningKeyPair();
    const other = await generateSigningKeyPair();
    const approval = await approveTask(approver, await sampleStatement(approver.publicKey));
    const pinned = { approverKeys: [approver.publicKey] };
    for (const change of [{ purpose: 'Read every mail.' }, { streams: ['chat', 'mail'] }, { privacy: { mode: 'central', targetEpsilon: 50, delta: 1e-5, clipNorm: 0.1 } }, { rounds: 500 }]) {
      const check = await verifyTaskApproval({ ...approval, statement: { ...approval.statement, ...change } }, pinned);
      expect(check).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
    }
    const sig = approval.signature.slice();
    sig[10] = (sig[10] as number) ^ 1;
    expect(await verifyTaskApproval({ ...approval, signature: sig }, pinned)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
    expect(await verifyTaskApproval(approval, { approverKeys: [other.publicKey] })).toMatchObject({ ok: false, problem: 'UNKNOWN_APPROVER' });
    // Another key's statement signed by the approver: it names a key that did not sign it.
    const forged = { ...approval, statement: { ...approval.statement, approverKey: other.publicKey } };
    expect(await verifyTaskApproval(forged, { approverKeys: [other.publicKey] })).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
    await expect(approveTask(approver, await sampleStatement(other.publicKey))).rejects.toThrow(/another approver key/);
  });

  it('refuses malformed statements with the field named', async () => {
    const approver = await generateSigningKeyPair();
    const json = taskApprovalToJson(await approveTask(approver, await sampleStatement(approver.publicKey)));
    expect(() => taskApprovalFromJson({ ...json, statement: { ...json.statement, streams: ['z', 'a'] } })).toThrow(/streams must be sorted and distinct/);
    expect(() => taskApprovalFromJson({ ...json, statement: { ...json.statement, version: 2 } })).toThrow(/statement version 2/);
    expect(() => taskApprovalFromJson({ ...json, statement: { ...json.statement, purpose: '' } })).toThrow(/purpose must be text/);
    expect(() => taskApprovalFromJson({ ...json, signature: 'not base64!' })).toThrow(/taskApproval.signature must be base64/);
    expect(() => taskApprovalFromJson('{')).toThrow(/must be JSON/);
  });
});
