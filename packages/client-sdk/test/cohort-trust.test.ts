import { ReasonCode, certificateToWire, generateSigningKeyPair, issueCertificate, issueRevocationList, revocationListToWire } from '@conclave/proto';
import { describe, expect, it } from 'vitest';
import { CohortTrust } from '../src/cohort-trust.ts';
import { DEVICE_POLICY_DEFAULTS, checkRoundTerms, checkTaskEpsilon } from '../src/device-policy.ts';
import { MemoryKeyValueStore } from '../src/kv-store.ts';

const NOW = Date.UTC(2026, 11, 4);

async function cohort(n: number) {
  const authority = await generateSigningKeyPair();
  const peers = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const key = await generateSigningKeyPair();
      const cert = await issueCertificate(authority, { publicKey: key.publicKey, issuedAtMs: NOW - 1000, expiresAtMs: NOW + 1000 });
      return { clientId: i + 2, identityPublicKey: key.publicKey, certificate: certificateToWire(cert), deviceId: cert.deviceId };
    }),
  );
  return { authority, peers, own: (await generateSigningKeyPair()).publicKey };
}

describe('the device policy', () => {
  it('refuses by default rounds without the malicious-server setting, without secure aggregation, or with fewer than ten peers', () => {
    expect(checkRoundTerms({ secure: { consistencyCheck: true, cohortSize: 11 } }, DEVICE_POLICY_DEFAULTS)).toEqual({ ok: true });
    expect(checkRoundTerms({ secure: { consistencyCheck: false, cohortSize: 11 } }, DEVICE_POLICY_DEFAULTS)).toMatchObject({ code: ReasonCode.POLICY_REFUSED_MALICIOUS_SERVER_PROTECTION_OFF });
    expect(checkRoundTerms({}, DEVICE_POLICY_DEFAULTS)).toMatchObject({ code: ReasonCode.POLICY_REFUSED_MALICIOUS_SERVER_PROTECTION_OFF });
    expect(checkRoundTerms({ secure: { consistencyCheck: true, cohortSize: 10 } }, DEVICE_POLICY_DEFAULTS)).toMatchObject({ code: ReasonCode.POLICY_REFUSED_COHORT_TOO_SMALL });
    expect(checkRoundTerms({ secure: { consistencyCheck: false, cohortSize: 3 } }, { ...DEVICE_POLICY_DEFAULTS, requireMaliciousServerProtection: false, minCertifiedPeers: 2 })).toEqual({ ok: true });
  });

  it('applies an ε ceiling per task to the approved budget', () => {
    expect(checkTaskEpsilon(null, DEVICE_POLICY_DEFAULTS)).toEqual({ ok: true });
    expect(checkTaskEpsilon(3, { maxTaskEpsilon: 4 })).toEqual({ ok: true });
    expect(checkTaskEpsilon(8, { maxTaskEpsilon: 4 })).toMatchObject({ code: ReasonCode.POLICY_REFUSED_EPSILON_CEILING });
    expect(checkTaskEpsilon(null, { maxTaskEpsilon: 4 })).toMatchObject({ code: ReasonCode.POLICY_REFUSED_EPSILON_CEILING });
  });
});

describe('cohort trust', () => {
  it('accepts a cohort of certified peers, refuses an uncertified, revoked or expired one, and too few', async () => {
    const { authority, peers, own } = await cohort(3);
    const trust = new CohortTrust(new MemoryKeyValueStore(), { authorityKeys: [authority.publicKey], minCertifiedPeers: 3, now: () => NOW });
    const ok = await trust.checkPeers(peers, [], own);
    expect(ok.ok && ok.value.size).toBe(3);
    const { certificate: _, ...bare } = peers[0]!;
    expect(await trust.checkPeers([bare, ...peers.slice(1)], [], own)).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER });
    const list = await issueRevocationList(authority, { sequence: 1, issuedAtMs: NOW, revoked: [peers[1]!.deviceId] });
    expect(await trust.checkPeers(peers, [list], own)).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER });
    expect(await trust.checkPeers(peers.slice(1), [], own)).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_COHORT_TOO_SMALL });
    const later = new CohortTrust(new MemoryKeyValueStore(), { authorityKeys: [authority.publicKey], minCertifiedPeers: 3, now: () => NOW + 2000 });
    const expired = await later.checkPeers(peers, [], own);
    expect(expired).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER });
    expect(expired.ok ? '' : expired.message).toMatch(/expired/);
  });

  it('remembers the newest revocation list: an older one, a fork, or a missing one is refused', async () => {
    const { authority } = await cohort(0);
    const kv = new MemoryKeyValueStore();
    const trust = new CohortTrust(kv, { authorityKeys: [authority.publicKey], minCertifiedPeers: 1, now: () => NOW });
    const one = revocationListToWire(await issueRevocationList(authority, { sequence: 1, issuedAtMs: NOW, revoked: ['dev-a'] }));
    const two = revocationListToWire(await issueRevocationList(authority, { sequence: 2, issuedAtMs: NOW, revoked: ['dev-a', 'dev-b'] }));
    expect((await trust.acceptRevocations([one])).ok).toBe(true);
    expect((await trust.acceptRevocations([two])).ok).toBe(true);
    // A new CohortTrust over the same store (a restart) still remembers sequence 2.
    const restarted = new CohortTrust(kv, { authorityKeys: [authority.publicKey], minCertifiedPeers: 1, now: () => NOW });
    expect(await restarted.acceptRevocations([one])).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER });
    expect(await restarted.acceptRevocations([])).toMatchObject({ ok: false });
    const forked = revocationListToWire(await issueRevocationList(authority, { sequence: 2, issuedAtMs: NOW, revoked: ['dev-a'] }));
    expect(await restarted.acceptRevocations([forked])).toMatchObject({ ok: false });
    const rogue = revocationListToWire(await issueRevocationList(await generateSigningKeyPair(), { sequence: 9, issuedAtMs: NOW, revoked: [] }));
    expect(await restarted.acceptRevocations([two, rogue])).toMatchObject({ ok: false });
    expect((await restarted.acceptRevocations([two])).ok).toBe(true);
  });
});
