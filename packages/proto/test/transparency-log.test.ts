import { describe, expect, it } from 'vitest';
import {
  appendApproval,
  approveTask,
  checkLogProof,
  generateSigningKeyPair,
  logProofFor,
  markOf,
  signTreeHead,
  transparencyLogFromJson,
  transparencyLogToJson,
  verifyTransparencyLog,
  verifyTreeHead,
  type SigningKeyPair,
  type TransparencyLog,
} from '../src/index.ts';
import { sampleStatement } from './fixtures/statement.ts';

async function approvedLog(approver: SigningKeyPair, ids: string[], start: TransparencyLog = { entries: [], heads: [] }): Promise<TransparencyLog> {
  let log = start;
  for (const id of ids) {
    const approval = await approveTask(approver, await sampleStatement(approver.publicKey, { taskId: id }));
    log = (await appendApproval(approver, log, approval, { timestampMs: 1_790_000_000_000 + log.entries.length })).log;
  }
  return log;
}

describe('transparency log', () => {
  it('grows by signed heads that verify, and survives its JSON form', async () => {
    const approver = await generateSigningKeyPair();
    const log = await approvedLog(approver, ['a', 'b', 'c']);
    expect(log.heads.map((h) => h.size)).toEqual([1, 2, 3]);
    for (const head of log.heads) expect(await verifyTreeHead(head, [approver.publicKey])).toBe(true);
    expect(await verifyTransparencyLog(log, { approverKeys: [approver.publicKey] })).toEqual({ ok: true, problems: [], size: 3 });
    const back = transparencyLogFromJson(JSON.parse(JSON.stringify(transparencyLogToJson(log))));
    expect((await verifyTransparencyLog(back, { approverKeys: [approver.publicKey] })).ok).toBe(true);
  });

  it('names every problem an auditor finds: a rewritten entry, a forged head, a head that shrinks, an uncovered entry, a second approval of one task', async () => {
    const approver = await generateSigningKeyPair();
    const coordinatorKey = await generateSigningKeyPair();
    const log = await approvedLog(approver, ['a', 'b', 'c']);
    const keys = { approverKeys: [approver.publicKey] };
    const rewritten = { ...log, entries: log.entries.map((e, i) => (i === 1 ? { ...e, statement: { ...e.statement, purpose: 'changed' } } : e)) };
    const r = await verifyTransparencyLog(rewritten, keys);
    expect(r.problems.join('\n')).toMatch(/entry 1: the approval of task b does not carry/);
    expect(r.problems.join('\n')).toMatch(/head 1: root of size 2 is not the Merkle root/);
    const forged = { ...log, heads: [...log.heads.slice(0, 2), await signTreeHead(coordinatorKey, { size: 3, rootHash: log.heads[2]!.rootHash, timestampMs: 0 })] };
    expect((await verifyTransparencyLog(forged, keys)).problems).toContain('head 2 (size 3): not signed by a pinned approver key');
    const shrinking = { ...log, heads: [log.heads[1]!, log.heads[0]!, log.heads[2]!] };
    expect((await verifyTransparencyLog(shrinking, keys)).problems).toContain("head 1: size 1 does not grow past the previous head's 2");
    const uncovered = { ...log, heads: log.heads.slice(0, 2) };
    expect((await verifyTransparencyLog(uncovered, keys)).problems).toContain('the newest head covers 2 of 3 entries');
    const twice = { entries: [...log.entries, log.entries[0]!], heads: log.heads };
    expect((await verifyTransparencyLog(twice, keys)).problems).toContain('entry 3: task a is approved a second time');
  });

  it('lets the approver append only to the history it signed', async () => {
    const approver = await generateSigningKeyPair();
    const log = await approvedLog(approver, ['a', 'b']);
    const mark = markOf(log.heads.at(-1)!);
    const next = await approveTask(approver, await sampleStatement(approver.publicKey, { taskId: 'c' }));
    // A coordinator that shows the approver a history without `b`, or an older one.
    const fork = await approvedLog(approver, ['a', 'x']);
    await expect(appendApproval(approver, fork, next, { timestampMs: 1, lastSigned: mark })).rejects.toThrow(/it was forked/);
    await expect(appendApproval(approver, { entries: log.entries.slice(0, 1), heads: log.heads.slice(0, 1) }, next, { timestampMs: 1, lastSigned: mark })).rejects.toThrow(/rolled back/);
    const dup = await approveTask(approver, await sampleStatement(approver.publicKey, { taskId: 'a' }));
    await expect(appendApproval(approver, log, dup, { timestampMs: 1, lastSigned: mark })).rejects.toThrow(/task a is approved a second time/);
    expect((await appendApproval(approver, log, next, { timestampMs: 1, lastSigned: mark })).head.size).toBe(3);
  });
});

describe("a device's check of the log", () => {
  it('accepts a head that includes its task and extends the head it saw, and remembers it', async () => {
    const approver = await generateSigningKeyPair();
    const keys = [approver.publicKey];
    const log1 = await approvedLog(approver, ['a', 'b']);
    const first = await checkLogProof({ approval: log1.entries[1]!, proof: await logProofFor(log1, 'b', 0), lastSeen: undefined, approverKeys: keys });
    expect(first).toEqual({ ok: true, mark: markOf(log1.heads[1]!) });
    const log2 = await approvedLog(approver, ['c', 'd', 'e'], log1);
    const mark = first.ok ? first.mark : undefined;
    const second = await checkLogProof({ approval: log2.entries[4]!, proof: await logProofFor(log2, 'e', 2), lastSeen: mark, approverKeys: keys });
    expect(second).toEqual({ ok: true, mark: markOf(log2.heads[4]!) });
    // The same head with a proof from an older size (a check-in that crossed the last plan): equal roots suffice.
    expect((await checkLogProof({ approval: log2.entries[4]!, proof: await logProofFor(log2, 'e', 0), lastSeen: markOf(log2.heads[4]!), approverKeys: keys })).ok).toBe(true);
    // The same head again is fine (equal sizes, equal roots).
    expect((await checkLogProof({ approval: log2.entries[0]!, proof: await logProofFor(log2, 'a', 5), lastSeen: markOf(log2.heads[4]!), approverKeys: keys })).ok).toBe(true);
  });

  it('refuses a forked log, a rolled-back log, a task not in the log and a head it cannot trust', async () => {
    const approver = await generateSigningKeyPair();
    const keys = [approver.publicKey];
    const seen = await approvedLog(approver, ['a', 'b']);
    const mark = markOf(seen.heads[1]!);
    // A fork: the same approver key was made to sign another history (e.g. from a second machine).
    const fork = await approvedLog(approver, ['a', 'x', 'y']);
    const forked = await checkLogProof({ approval: fork.entries[2]!, proof: await logProofFor(fork, 'y', 2), lastSeen: mark, approverKeys: keys });
    expect(forked).toMatchObject({ ok: false, problem: 'FORKED' });
    // Same size, other root.
    const sameSize = await approvedLog(approver, ["a", "x"]);
    expect(await checkLogProof({ approval: sameSize.entries[1]!, proof: await logProofFor(sameSize, 'x', 2), lastSeen: mark, approverKeys: keys })).toMatchObject({ ok: false, problem: 'FORKED' });
    // A consistency proof from another size than the device's.
    const grown = await approvedLog(approver, ['c'], seen);
    expect(await checkLogProof({ approval: grown.entries[2]!, proof: await logProofFor(grown, 'c', 1), lastSeen: mark, approverKeys: keys })).toMatchObject({ ok: false, problem: 'FORKED' });
    const old = { entries: seen.entries.slice(0, 1), heads: seen.heads.slice(0, 1) };
    expect(await checkLogProof({ approval: old.entries[0]!, proof: await logProofFor(old, 'a', 0), lastSeen: mark, approverKeys: keys })).toMatchObject({ ok: false, problem: 'ROLLED_BACK' });
    // An approval that is not in the log the head covers.
    const outside = await approveTask(approver, await sampleStatement(approver.publicKey, { taskId: 'z' }));
    expect(await checkLogProof({ approval: outside, proof: await logProofFor(seen, 'b', 2), lastSeen: mark, approverKeys: keys })).toMatchObject({ ok: false, problem: 'NOT_INCLUDED' });
    const stranger = await generateSigningKeyPair();
    const foreign = await approvedLog(stranger, ['a', 'b']);
    expect(await checkLogProof({ approval: foreign.entries[1]!, proof: await logProofFor(foreign, 'b', 0), lastSeen: undefined, approverKeys: keys })).toMatchObject({ ok: false, problem: 'BAD_HEAD' });
  });
});
