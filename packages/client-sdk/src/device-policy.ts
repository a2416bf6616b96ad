/**
 * The device's own rules for taking part (issue 10, part 3), enforced on the device whatever the
 * coordinator says. Safe by default: malicious-server secure aggregation required, at least ten
 * certified peers, approved tasks only, and an optional ε ceiling per task. Each rule maps to a
 * reason code from the fixed set (`ReasonCode`): the coordinator learns only the code; the
 * device's ledger keeps the full message.
 */
import { ReasonCode } from '@conclave/proto';

export interface DevicePolicy {
  /** Refuse rounds without signed advertisements and the consistency check. @default true */
  readonly requireMaliciousServerProtection: boolean;
  /** Fewest other devices with valid certificates a secure round must show this device. @default 10 */
  readonly minCertifiedPeers: number;
  /** Refuse tasks without a valid approval. @default true */
  readonly requireApprovedTasks: boolean;
  /** Refuse tasks whose ε budget exceeds this (and tasks without DP when finite). @default Infinity */
  readonly maxTaskEpsilon: number;
}

export const DEVICE_POLICY_DEFAULTS: DevicePolicy = {
  requireMaliciousServerProtection: true,
  minCertifiedPeers: 10,
  requireApprovedTasks: true,
  maxTaskEpsilon: Infinity,
};

export type PolicyDecision = { readonly ok: true } | { readonly ok: false; readonly code: ReasonCode; readonly message: string };

/** What a Selected says about the round, as far as the policy is concerned. */
export interface RoundTerms {
  /** Absent when the round runs without secure aggregation. */
  readonly secure?: { readonly consistencyCheck: boolean; readonly cohortSize: number };
}

/** Checks a round's terms before any training. */
export function checkRoundTerms(terms: RoundTerms, policy: DevicePolicy): PolicyDecision {
  if (policy.requireMaliciousServerProtection && terms.secure?.consistencyCheck !== true) {
    return {
      ok: false,
      code: ReasonCode.POLICY_REFUSED_MALICIOUS_SERVER_PROTECTION_OFF,
      message: terms.secure
        ? 'the round runs secure aggregation without the malicious-server protections (consistency check); this device requires them'
        : 'the round sends updates without secure aggregation; this device requires malicious-server secure aggregation',
    };
  }
  if (terms.secure !== undefined) {
    if (terms.secure.cohortSize - 1 < policy.minCertifiedPeers) {
      return {
        ok: false,
        code: ReasonCode.POLICY_REFUSED_COHORT_TOO_SMALL,
        message: `the round's cohort has ${terms.secure.cohortSize} devices, this device requires at least ${policy.minCertifiedPeers} certified peers`,
      };
    }
  }
  return { ok: true };
}

/**
 * The ε ceiling per task, against the ε budget an approver signed (`null`: the task has no
 * differential privacy, or no approval says what its budget is — either way it is refused when
 * the device has a ceiling).
 */
export function checkTaskEpsilon(epsilon: number | null, policy: Pick<DevicePolicy, 'maxTaskEpsilon'>): PolicyDecision {
  if (!Number.isFinite(policy.maxTaskEpsilon)) return { ok: true };
  if (epsilon === null) {
    return { ok: false, code: ReasonCode.POLICY_REFUSED_EPSILON_CEILING, message: `no approved ε budget for this task, this device requires ε ≤ ${policy.maxTaskEpsilon}` };
  }
  if (epsilon > policy.maxTaskEpsilon) {
    return { ok: false, code: ReasonCode.POLICY_REFUSED_EPSILON_CEILING, message: `the task's ε budget ${epsilon} exceeds this device's ceiling ${policy.maxTaskEpsilon}` };
  }
  return { ok: true };
}
