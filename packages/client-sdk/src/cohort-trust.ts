/**
 * The device's check of who it aggregates with (issue 10, part 2): every peer whose key advert
 * the coordinator relays must carry a certificate from an enrollment authority this device pins
 * — valid, unexpired, for the very key that signed the advert, and not revoked — and the
 * authority's revocation lists the coordinator relays must verify and never go backwards (the
 * newest sequence seen per authority is remembered in the key-value store). The coordinator can
 * relay certificates but not make them, so it cannot fill a cohort with devices of its own.
 * A refusal carries only a reason code for the coordinator; the message stays on the device.
 */
import {
  ReasonCode,
  certificateFromWire,
  checkRevocationProgress,
  revocationListFromWire,
  toBase64,
  verifyCertificate,
  verifyRevocationList,
  type BodyOf,
  type RevocationList,
  type RevocationMark,
} from '@conclave/proto';
import { toHex as hex } from './hex.ts';
import type { KeyValueStore } from './kv-store.ts';

/** Where the device keeps the newest revocation-list sequence it accepted, per authority. */
export const REVOCATION_MARKS_KEY = 'trust/revocation-marks';

export type TrustDecision<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: ReasonCode; readonly message: string };

const refuse = <T>(code: ReasonCode, message: string): TrustDecision<T> => ({ ok: false, code, message });

type WirePeer = NonNullable<NonNullable<BodyOf<'secagg'>['keysBroadcast']>['peers']>[number];
type WireLists = NonNullable<BodyOf<'selected'>['secagg']>['revocationLists'];

export interface CohortTrustOptions {
  /** Ed25519 public keys of the enrollment authorities this device pins (raw 32 bytes). */
  readonly authorityKeys: readonly Uint8Array[];
  /** Fewest other devices with valid certificates a secure round must show this device. */
  readonly minCertifiedPeers: number;
  /** ms since the epoch, for certificate expiry. */
  readonly now: () => number;
}

export class CohortTrust {
  readonly #kv: KeyValueStore;
  readonly #options: CohortTrustOptions;
  /** Serialises read-check-write of the remembered marks. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(kv: KeyValueStore, options: CohortTrustOptions) {
    this.#kv = kv;
    this.#options = options;
  }

  get minCertifiedPeers(): number {
    return this.#options.minCertifiedPeers;
  }

  /**
   * The revocation lists shipped with a round: each must be signed by a pinned authority and be
   * no older than the newest this device saw from it. Returns them for the peer checks.
   */
  acceptRevocations(wire: WireLists): Promise<TrustDecision<RevocationList[]>> {
    const run = this.#queue.then(() => this.#acceptRevocations(wire ?? []));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #acceptRevocations(wire: NonNullable<WireLists>): Promise<TrustDecision<RevocationList[]>> {
    const code = ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER;
    const marks = await this.#marks();
    const lists: RevocationList[] = [];
    const next = { ...marks };
    for (const w of wire) {
      const list = revocationListFromWire(w);
      const check = await verifyRevocationList(list, { authorityKeys: this.#options.authorityKeys });
      if (!check.ok) return refuse(code, check.message);
      const authority = toBase64(list.authorityKey);
      const progress = await checkRevocationProgress(next[authority], list);
      if (!progress.ok) return refuse(code, progress.message);
      next[authority] = progress.mark as RevocationMark;
      lists.push(list);
    }
    // A list this device saw before must still be there: dropping it would un-revoke its devices.
    for (const authority of Object.keys(marks)) {
      if (!lists.some((l) => toBase64(l.authorityKey) === authority)) {
        return refuse(code, `the round comes without the revocation list ${marks[authority]?.sequence} this device already saw`);
      }
    }
    await this.#kv.set(REVOCATION_MARKS_KEY, JSON.stringify(next));
    return { ok: true, value: lists };
  }

  /**
   * The peers of one key broadcast: every one must present a valid certificate for the identity
   * key that signed its advert, and at least `minCertifiedPeers` must be there. Returns the
   * trusted identity keys (hex) for the SecAgg+ client's `verifyPeerIdentity`.
   */
  async checkPeers(peers: readonly WirePeer[], revocations: readonly RevocationList[], ownKey: Uint8Array): Promise<TrustDecision<Set<string>>> {
    const trusted = new Set<string>();
    const nowMs = this.#options.now();
    const own = hex(ownKey);
    for (const peer of peers) {
      const key = peer.identityPublicKey ?? new Uint8Array(0);
      const cert = certificateFromWire(peer.certificate);
      if (cert === undefined) return refuse(ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER, `peer ${peer.clientId ?? 0} comes without a certificate`);
      const check = await verifyCertificate(cert, { authorityKeys: this.#options.authorityKeys, nowMs, publicKey: key, revocations });
      if (!check.ok) return refuse(ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER, `peer ${peer.clientId ?? 0}: ${check.message}`);
      const k = hex(key);
      if (k === own || trusted.has(k)) return refuse(ReasonCode.POLICY_REFUSED_UNCERTIFIED_PEER, `peer ${peer.clientId ?? 0} repeats an identity already in the round`);
      trusted.add(k);
    }
    if (trusted.size < this.#options.minCertifiedPeers) {
      return refuse(
        ReasonCode.POLICY_REFUSED_COHORT_TOO_SMALL,
        `${trusted.size} certified peers advertised keys, this device requires at least ${this.#options.minCertifiedPeers}`,
      );
    }
    return { ok: true, value: trusted };
  }

  async #marks(): Promise<Record<string, RevocationMark>> {
    const text = await this.#kv.get(REVOCATION_MARKS_KEY);
    if (text === undefined) return {};
    const parsed = JSON.parse(text) as Record<string, RevocationMark>;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  }
}
