import { describe, expect, it } from 'vitest';
import {
  certificateBytes,
  certificateFromJson,
  certificateToJson,
  certificateFromWire,
  certificateToWire,
  decodeFrame,
  encodeFrame,
  revocationListFromWire,
  revocationListToWire,
  checkRevocationProgress,
  deviceIdFor,
  ed25519PublicKeyOf,
  ed25519Sign,
  ed25519Verify,
  generateSigningKeyPair,
  issueCertificate,
  issueRevocationList,
  revocationListFromJson,
  revocationListToJson,
  signedBytes,
  verifyCertificate,
  verifyRevocationList,
  type DeviceCertificate,
} from '../src/index.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 11, 1);

describe('Ed25519 through WebCrypto', () => {
  // RFC 8032 §7.1, TEST 2 (one-byte message 0x72).
  const seed = unhex('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb');
  const publicKey = unhex('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
  const signature = unhex(
    '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  );

  it('signs and verifies the RFC 8032 test vector', async () => {
    expect(hex(await ed25519PublicKeyOf(seed))).toBe(hex(publicKey));
    expect(hex(await ed25519Sign({ seed, publicKey }, new Uint8Array([0x72])))).toBe(hex(signature));
    expect(await ed25519Verify(publicKey, new Uint8Array([0x72]), signature)).toBe(true);
    expect(await ed25519Verify(publicKey, new Uint8Array([0x73]), signature)).toBe(false);
    expect(await ed25519Verify(publicKey.subarray(1), new Uint8Array([0x72]), signature)).toBe(false);
  });

  it('keeps imported verification keys apart: a key seen before accepts only its own signatures, and an array changed in place is read anew', async () => {
    const message = new Uint8Array([1, 2, 3]);
    const pairs = await Promise.all(Array.from({ length: 70 }, () => generateSigningKeyPair()));
    const sigs = await Promise.all(pairs.map((p) => ed25519Sign(p, message)));
    // More keys than are kept, twice over: every answer is right whether its key was imported anew or not.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < pairs.length; i++) {
        expect(await ed25519Verify(pairs[i]!.publicKey, message, sigs[i]!)).toBe(true);
        expect(await ed25519Verify(pairs[i]!.publicKey, message, sigs[(i + 1) % pairs.length]!)).toBe(false);
      }
    }
    const key = pairs[0]!.publicKey.slice();
    expect(await ed25519Verify(key, message, sigs[0]!)).toBe(true);
    key.set(pairs[1]!.publicKey);
    expect(await ed25519Verify(key, message, sigs[0]!)).toBe(false);
    expect(await ed25519Verify(key, message, sigs[1]!)).toBe(true);
  });

  it('generates key pairs whose halves match', async () => {
    const pair = await generateSigningKeyPair();
    expect(pair.seed).toHaveLength(32);
    expect(hex(await ed25519PublicKeyOf(pair.seed))).toBe(hex(pair.publicKey));
  });
});

describe('signed bytes', () => {
  it('are context ‖ 0 ‖ length-prefixed fields, exactly', () => {
    const bytes = signedBytes('ctx', [{ text: 'ab' }, { bytes: new Uint8Array([9]) }, { u64: 258 }]);
    expect(hex(bytes)).toBe('637478' + '00' + '00000002' + '6162' + '00000001' + '09' + '0000000000000102');
  });

  it('write integers above 32 bits as u64 big-endian, up to 2^53 - 1', () => {
    const u64 = (n: number) => hex(signedBytes('', [{ u64: n }])).slice(2);
    expect(u64(1_733_000_000_123)).toBe('000001937ed9727b');
    expect(u64(2 ** 32)).toBe('0000000100000000');
    expect(u64(2 ** 32 - 1)).toBe('00000000ffffffff');
    expect(u64(Number.MAX_SAFE_INTEGER)).toBe('001fffffffffffff');
    expect(() => signedBytes('', [{ u64: 2 ** 53 }])).toThrow(RangeError);
  });

  it('keep fields apart (no two field lists share an encoding)', () => {
    const a = signedBytes('ctx', [{ text: 'ab' }, { text: 'c' }]);
    const b = signedBytes('ctx', [{ text: 'a' }, { text: 'bc' }]);
    expect(hex(a)).not.toBe(hex(b));
  });
});

async function setup() {
  const authority = await generateSigningKeyPair();
  const device = await generateSigningKeyPair();
  const cert = await issueCertificate(authority, { publicKey: device.publicKey, issuedAtMs: T0, expiresAtMs: T0 + 30 * DAY });
  return { authority, device, cert, pins: { authorityKeys: [authority.publicKey], nowMs: T0 + DAY } };
}

describe('device certificates', () => {
  it('a certificate from a pinned authority verifies, bound to the device id and key', async () => {
    const { device, cert, pins } = await setup();
    expect(cert.deviceId).toBe(await deviceIdFor(device.publicKey));
    expect(await verifyCertificate(cert, { ...pins, publicKey: device.publicKey })).toEqual({ ok: true });
  });

  it('the signature covers a domain-separated statement', async () => {
    const { cert } = await setup();
    expect(new TextDecoder().decode(certificateBytes(cert).subarray(0, 30))).toBe('conclave/v1/device-certificate');
  });

  it('refuses an expired certificate, and one not yet valid', async () => {
    const { cert, pins } = await setup();
    expect(await verifyCertificate(cert, { ...pins, nowMs: T0 + 30 * DAY })).toMatchObject({ ok: false, problem: 'EXPIRED' });
    expect(await verifyCertificate(cert, { ...pins, nowMs: T0 - 1 })).toMatchObject({ ok: false, problem: 'NOT_YET_VALID' });
  });

  it('refuses a certificate signed by another authority (the coordinator minting its own)', async () => {
    const { device, pins } = await setup();
    const rogue = await generateSigningKeyPair();
    const minted = await issueCertificate(rogue, { publicKey: device.publicKey, issuedAtMs: T0, expiresAtMs: T0 + DAY * 2 });
    expect(await verifyCertificate(minted, pins)).toMatchObject({ ok: false, problem: 'UNKNOWN_AUTHORITY' });
    // Claiming the pinned authority's key on a rogue signature fails the signature check.
    expect(await verifyCertificate({ ...minted, authorityKey: pins.authorityKeys[0]! }, pins)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
  });

  it('refuses any tampered field', async () => {
    const { cert, pins } = await setup();
    const other = await generateSigningKeyPair();
    const flip = (b: Uint8Array) => Uint8Array.from(b, (x, i) => (i === 0 ? x ^ 1 : x));
    const tampered: DeviceCertificate[] = [
      { ...cert, expiresAtMs: cert.expiresAtMs + DAY },
      { ...cert, issuedAtMs: cert.issuedAtMs - DAY },
      { ...cert, deviceId: await deviceIdFor(other.publicKey) },
      { ...cert, publicKey: other.publicKey },
      { ...cert, signature: flip(cert.signature) },
    ];
    for (const t of tampered) expect(await verifyCertificate(t, pins)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
  });

  it('refuses a certificate presented for another identity key', async () => {
    const { cert, pins } = await setup();
    const other = await generateSigningKeyPair();
    expect(await verifyCertificate(cert, { ...pins, publicKey: other.publicKey })).toMatchObject({ ok: false, problem: 'KEY_MISMATCH' });
  });

  it('refuses malformed certificates without throwing', async () => {
    const { cert, pins } = await setup();
    expect(await verifyCertificate({ ...cert, signature: new Uint8Array(10) }, pins)).toMatchObject({ ok: false, problem: 'MALFORMED' });
    expect(await verifyCertificate({ ...cert, expiresAtMs: Number.NaN }, pins)).toMatchObject({ ok: false, problem: 'MALFORMED' });
  });

  it('refuses a certificate its authority revoked, not one revoked by another authority', async () => {
    const { authority, cert, pins } = await setup();
    const list = await issueRevocationList(authority, { sequence: 1, issuedAtMs: T0, revoked: [cert.deviceId] });
    expect(await verifyCertificate(cert, { ...pins, revocations: [list] })).toMatchObject({ ok: false, problem: 'REVOKED' });
    const stranger = await issueRevocationList(await generateSigningKeyPair(), { sequence: 9, issuedAtMs: T0, revoked: [cert.deviceId] });
    expect(await verifyCertificate(cert, { ...pins, revocations: [stranger] })).toEqual({ ok: true });
  });

  it('round-trips through JSON, and names a bad JSON field', async () => {
    const { cert, pins } = await setup();
    const back = certificateFromJson(JSON.parse(JSON.stringify(certificateToJson(cert))));
    expect(await verifyCertificate(back, pins)).toEqual({ ok: true });
    expect(() => certificateFromJson({ ...certificateToJson(cert), publicKey: 'not base64!' })).toThrow(/certificate.publicKey must be base64/);
    expect(() => certificateFromJson({ ...certificateToJson(cert), expiresAtMs: 'soon' })).toThrow(/certificate.expiresAtMs must be a time in ms/);
  });
});

describe('revocation lists', () => {
  it('verify under the pinned authority; tampering, another signer or unsorted ids are refused', async () => {
    const { authority, pins } = await setup();
    const list = await issueRevocationList(authority, { sequence: 3, issuedAtMs: T0, revoked: ['dev-b', 'dev-a', 'dev-b'] });
    expect(list.revoked).toEqual(['dev-a', 'dev-b']);
    expect(await verifyRevocationList(list, pins)).toEqual({ ok: true });
    expect(await verifyRevocationList({ ...list, revoked: ['dev-a'] }, pins)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
    expect(await verifyRevocationList({ ...list, sequence: 4 }, pins)).toMatchObject({ ok: false, problem: 'BAD_SIGNATURE' });
    expect(await verifyRevocationList({ ...list, revoked: ['dev-b', 'dev-a'] }, pins)).toMatchObject({ ok: false, problem: 'MALFORMED' });
    const rogue = await issueRevocationList(await generateSigningKeyPair(), { sequence: 3, issuedAtMs: T0, revoked: [] });
    expect(await verifyRevocationList(rogue, pins)).toMatchObject({ ok: false, problem: 'UNKNOWN_AUTHORITY' });
    const back = revocationListFromJson(JSON.parse(JSON.stringify(revocationListToJson(list))));
    expect(await verifyRevocationList(back, pins)).toEqual({ ok: true });
  });

  it('never go backwards: an older sequence is a rollback, the same sequence with other ids a fork', async () => {
    const { authority } = await setup();
    const one = await issueRevocationList(authority, { sequence: 1, issuedAtMs: T0, revoked: ['dev-a'] });
    const two = await issueRevocationList(authority, { sequence: 2, issuedAtMs: T0 + 1, revoked: ['dev-a', 'dev-b'] });
    const twoForked = await issueRevocationList(authority, { sequence: 2, issuedAtMs: T0 + 1, revoked: ['dev-a'] });
    const first = await checkRevocationProgress(undefined, one);
    expect(first.ok).toBe(true);
    const second = await checkRevocationProgress(first.mark, two);
    expect(second).toMatchObject({ ok: true, mark: { sequence: 2 } });
    expect(await checkRevocationProgress(second.mark, two)).toMatchObject({ ok: true });
    expect(await checkRevocationProgress(second.mark, one)).toMatchObject({ ok: false, problem: 'ROLLED_BACK' });
    expect(await checkRevocationProgress(second.mark, twoForked)).toMatchObject({ ok: false, problem: 'FORKED' });
  });
});

describe('on the wire', () => {
  it('a certificate in a key advert and a revocation list in the round config survive encoding and still verify', async () => {
    const { authority, cert, pins } = await setup();
    const list = await issueRevocationList(authority, { sequence: 2, issuedAtMs: T0, revoked: ['dev-x'] });
    const advert = decodeFrame(
      encodeFrame('secagg', { taskId: 't', round: 1, keysBroadcast: { peers: [{ clientId: 1, identityPublicKey: cert.publicKey, certificate: certificateToWire(cert) }] } }),
    );
    if (advert.body !== 'secagg') throw new Error('expected a secagg frame');
    const back = certificateFromWire(advert.message.keysBroadcast!.peers![0]!.certificate)!;
    expect(await verifyCertificate(back, pins)).toEqual({ ok: true });
    const selected = decodeFrame(encodeFrame('selected', { taskId: 't', round: 1, secagg: { revocationLists: [revocationListToWire(list)] } }));
    if (selected.body !== 'selected') throw new Error('expected a selected frame');
    expect(await verifyRevocationList(revocationListFromWire(selected.message.secagg!.revocationLists![0]!), pins)).toEqual({ ok: true });
  });

  it('a revocation list longer than the cap is refused at decoding', () => {
    const revoked = Array.from({ length: 10_001 }, (_, i) => `d${i}`);
    const bytes = encodeFrame('selected', { taskId: 't', round: 1, secagg: { revocationLists: [{ sequence: 1, revoked }] } });
    expect(() => decodeFrame(bytes)).toThrow(/a revocation list names 10001 devices, at most 10000 allowed/);
  });
});
