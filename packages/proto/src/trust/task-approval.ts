/**
 * Task approval: an approver whose key the coordinator does not hold (a privacy officer, a works
 * council) signs what a task will do — its purpose, streams, feature recipe, model, training,
 * rounds, cohort bounds, secure-aggregation and privacy parameters. Devices pin the approver's
 * key, receive the signed statement with every plan, and check it against the plan and model
 * they actually receive (`checkPlanAgainstApproval`), so a coordinator that changes anything
 * after approval is refused. Every approval is a leaf of the transparency log
 * (`transparency-log.ts`).
 *
 * Signed bytes (statement version 1), every field delimited by `signedBytes`:
 *   signedBytes('conclave/v1/task-approval', [
 *     u64 version, text taskId, text name, text purpose, u64 #streams, text stream…,
 *     text JCS(features), bytes topologySha256, bytes modelSha256, text JCS(training),
 *     u64 rounds, text JCS(cohort), text JCS(secureAggregation), text JCS(privacy | null),
 *     text approverName, bytes approverKey, u64 approvedAtMs])
 * where JCS is RFC 8785 canonical JSON. Parameter groups travel as canonical JSON so that a new
 * field in a group is signed without a new statement version; a new top-level field needs one.
 */
import { fromBase64, toBase64 } from './base64.ts';
import { canonicalJson, canonicalizeJsonText, type JsonValue } from './canonical-json.ts';
import { SHA256_LENGTH, bytesEqual, fromHex, sha256, toHex } from './digest.ts';
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, ed25519Sign, ed25519Verify, type SigningKeyPair } from './ed25519.ts';
import { merkleLeafHash } from './merkle.ts';
import { signedBytes } from './signed-bytes.ts';

export const TASK_APPROVAL_CONTEXT = 'conclave/v1/task-approval';
export const MODEL_HASH_CONTEXT = 'conclave/v1/model';
/** The statement format this build writes and reads. */
export const TASK_STATEMENT_VERSION = 1;

/** Bounds on what a statement may hold (a decode is capped like every other frame). */
export const TASK_STATEMENT_LIMITS = {
  idChars: 128,
  nameChars: 100,
  purposeChars: 2000,
  streams: 64,
  streamChars: 64,
  /** Canonical JSON of one parameter group. */
  groupChars: 64 * 1024,
} as const;

type JsonObject = { readonly [key: string]: JsonValue };

/** What an approver signs about one task. */
export interface TaskStatement {
  readonly version: number;
  /** The coordinator's id of the task: an approval is for one task, never reusable for another. */
  readonly taskId: string;
  readonly name: string;
  /** The text employees are shown. */
  readonly purpose: string;
  /** The data streams devices train on, sorted and distinct. */
  readonly streams: readonly string[];
  /** How a device turns its examples into tensors (the plan's features JSON). */
  readonly features: JsonObject;
  readonly model: {
    /** SHA-256 of the canonical topology JSON devices receive (layers and weight specs), hex. */
    readonly topologySha256: string;
    /** SHA-256 of the topology and the initial weights as devices download them, hex (`modelSha256`). */
    readonly sha256: string;
  };
  /** Loss, local epochs, batch size, learning rate, FedProx μ, example bounds, evaluation fraction. */
  readonly training: JsonObject;
  /** Training rounds: the model versions a device may be asked to train from are 0 … rounds − 1. */
  readonly rounds: number;
  /** `{ goal, minimum, overSelection }`. */
  readonly cohort: JsonObject;
  /** The secure-aggregation settings in force (`enabled`, `maliciousServer`, `clipRange`, …). */
  readonly secureAggregation: JsonObject;
  /** The privacy settings in force, with what the coordinator derived (noise multiplier, sampling rate, distributed plan); null without DP. */
  readonly privacy: JsonObject | null;
  /** Who approved, as the approver's key file names them. */
  readonly approverName: string;
  readonly approverKey: Uint8Array;
  readonly approvedAtMs: number;
}

/** A statement and the approver's Ed25519 signature of its bytes. */
export interface TaskApproval {
  readonly statement: TaskStatement;
  readonly signature: Uint8Array;
}

const utf8 = new TextEncoder();

/** The canonical bytes an approver signs and the log's leaf holds. */
export function taskStatementBytes(s: TaskStatement): Uint8Array {
  return signedBytes(TASK_APPROVAL_CONTEXT, [
    { u64: s.version },
    { text: s.taskId },
    { text: s.name },
    { text: s.purpose },
    { u64: s.streams.length },
    ...s.streams.map((text) => ({ text })),
    { text: canonicalJson(s.features) },
    { bytes: fromHex(s.model.topologySha256, SHA256_LENGTH, 'model.topologySha256') },
    { bytes: fromHex(s.model.sha256, SHA256_LENGTH, 'model.sha256') },
    { text: canonicalJson(s.training) },
    { u64: s.rounds },
    { text: canonicalJson(s.cohort) },
    { text: canonicalJson(s.secureAggregation) },
    { text: canonicalJson(s.privacy) },
    { text: s.approverName },
    { bytes: s.approverKey },
    { u64: s.approvedAtMs },
  ]);
}

/** The log leaf hash of an approved statement: SHA-256(0x00 ‖ statement bytes). */
export function taskStatementLeafHash(s: TaskStatement): Promise<Uint8Array> {
  return merkleLeafHash(taskStatementBytes(s));
}

/** SHA-256 of the canonical topology JSON (the plan's `topology_json`, canonicalized), hex. */
export async function topologySha256(topologyJson: string): Promise<string> {
  return toHex(await sha256(utf8.encode(canonicalizeJsonText(topologyJson, 'the model topology'))));
}

/**
 * The model hash an approval signs: SHA-256 of `signedBytes('conclave/v1/model', [canonical
 * topology JSON, weights])`, the weights float32 little-endian as devices download them. Hex.
 */
export async function modelSha256(topologyJson: string, weights: Uint8Array): Promise<string> {
  const topology = canonicalizeJsonText(topologyJson, 'the model topology');
  return toHex(await sha256(signedBytes(MODEL_HASH_CONTEXT, [{ text: topology }, { bytes: weights }])));
}

/** Problems `checkTaskStatement` finds, or none. */
export function taskStatementProblems(s: TaskStatement): string[] {
  const problems: string[] = [];
  const L = TASK_STATEMENT_LIMITS;
  const text = (field: string, v: unknown, max: number, min = 1) => {
    if (typeof v !== 'string' || v.length < min || v.length > max) problems.push(`${field} must be text of ${min} to ${max} characters`);
  };
  if (s.version !== TASK_STATEMENT_VERSION) problems.push(`statement version ${s.version} is not ${TASK_STATEMENT_VERSION}, the version this build reads`);
  text('taskId', s.taskId, L.idChars);
  text('name', s.name, L.nameChars);
  text('purpose', s.purpose, L.purposeChars);
  text('approverName', s.approverName, L.nameChars);
  if (!Array.isArray(s.streams) || s.streams.length < 1 || s.streams.length > L.streams) {
    problems.push(`streams must list 1 to ${L.streams} streams`);
  } else {
    s.streams.forEach((v, i) => text(`streams[${i}]`, v, L.streamChars));
    for (let i = 1; i < s.streams.length; i++) if (!((s.streams[i - 1] as string) < (s.streams[i] as string))) problems.push('streams must be sorted and distinct');
  }
  for (const [field, v] of [['features', s.features], ['training', s.training], ['cohort', s.cohort], ['secureAggregation', s.secureAggregation]] as const) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) problems.push(`${field} must be an object`);
  }
  if (s.privacy !== null && (typeof s.privacy !== 'object' || Array.isArray(s.privacy))) problems.push('privacy must be an object or null');
  for (const field of ['topologySha256', 'sha256'] as const) {
    if (typeof s.model?.[field] !== 'string' || !/^[0-9a-f]{64}$/.test(s.model[field])) problems.push(`model.${field} must be 64 lowercase hex digits`);
  }
  if (!Number.isSafeInteger(s.rounds) || s.rounds < 1) problems.push(`rounds must be a positive integer, got ${s.rounds}`);
  if (!Number.isSafeInteger(s.approvedAtMs) || s.approvedAtMs < 0) problems.push(`approvedAtMs must be a time in ms, got ${s.approvedAtMs}`);
  if (!(s.approverKey instanceof Uint8Array) || s.approverKey.length !== ED25519_PUBLIC_KEY_LENGTH) problems.push(`approverKey must be ${ED25519_PUBLIC_KEY_LENGTH} bytes`);
  if (problems.length === 0) {
    for (const [field, v] of [['features', s.features], ['training', s.training], ['cohort', s.cohort], ['secureAggregation', s.secureAggregation], ['privacy', s.privacy]] as const) {
      try {
        if (canonicalJson(v).length > L.groupChars) problems.push(`${field} is longer than ${L.groupChars} characters of JSON`);
      } catch (err) {
        problems.push(`${field}: ${(err as Error).message}`);
      }
    }
  }
  return problems;
}

/** The approver signs a statement (its `approverKey` must be the signing key). */
export async function approveTask(approver: SigningKeyPair, statement: TaskStatement): Promise<TaskApproval> {
  if (!bytesEqual(statement.approverKey, approver.publicKey)) throw new RangeError('the statement names another approver key than the one signing it');
  const problems = taskStatementProblems(statement);
  if (problems.length > 0) throw new RangeError(`cannot approve the task: ${problems.join('; ')}`);
  return { statement, signature: await ed25519Sign(approver, taskStatementBytes(statement)) };
}

/** Why an approval is refused (stable codes). */
export type ApprovalProblem = 'MALFORMED' | 'UNKNOWN_APPROVER' | 'BAD_SIGNATURE';
export type ApprovalCheck = { readonly ok: true } | { readonly ok: false; readonly problem: ApprovalProblem; readonly message: string };

/** Checks an approval: well formed, signed by one of `approverKeys`, signature valid. */
export async function verifyTaskApproval(approval: TaskApproval, options: { readonly approverKeys: readonly Uint8Array[] }): Promise<ApprovalCheck> {
  const problems = approval?.statement ? taskStatementProblems(approval.statement) : ['no statement'];
  if (!(approval?.signature instanceof Uint8Array) || approval.signature.length !== ED25519_SIGNATURE_LENGTH) problems.push('the signature must be 64 bytes');
  if (problems.length > 0) return { ok: false, problem: 'MALFORMED', message: `the task approval is malformed: ${problems.join('; ')}` };
  const { statement } = approval;
  if (!options.approverKeys.some((k) => bytesEqual(k, statement.approverKey))) {
    return { ok: false, problem: 'UNKNOWN_APPROVER', message: `task ${statement.taskId} is approved by a key this device does not pin (${statement.approverName})` };
  }
  if (!(await ed25519Verify(statement.approverKey, taskStatementBytes(statement), approval.signature))) {
    return { ok: false, problem: 'BAD_SIGNATURE', message: `the approval of task ${statement.taskId} does not carry ${statement.approverName}'s signature over what it states` };
  }
  return { ok: true };
}

/** The JSON form (files, the admin API, the wire): keys and signatures base64. */
export interface TaskApprovalJson {
  statement: Omit<TaskStatement, 'approverKey'> & { approverKey: string };
  signature: string;
}

export function taskApprovalToJson(a: TaskApproval): TaskApprovalJson {
  return { statement: { ...a.statement, streams: [...a.statement.streams], approverKey: toBase64(a.statement.approverKey) }, signature: toBase64(a.signature) };
}

/** Reads the JSON form (text or parsed); throws a RangeError naming the bad field. Does not verify. */
export function taskApprovalFromJson(json: unknown): TaskApproval {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      throw new RangeError(`a task approval must be JSON: ${(err as Error).message}`);
    }
  }
  if (typeof value !== 'object' || value === null) throw new RangeError('a task approval must be a JSON object');
  const j = value as Record<string, unknown>;
  const s = j.statement as Record<string, unknown> | undefined;
  if (typeof s !== 'object' || s === null) throw new RangeError('taskApproval.statement must be an object');
  const model = s.model as Record<string, unknown> | undefined;
  if (typeof model !== 'object' || model === null) throw new RangeError('taskApproval.statement.model must be an object');
  const statement: TaskStatement = {
    version: s.version as number,
    taskId: s.taskId as string,
    name: s.name as string,
    purpose: s.purpose as string,
    streams: s.streams as string[],
    features: s.features as JsonObject,
    model: { topologySha256: model.topologySha256 as string, sha256: model.sha256 as string },
    training: s.training as JsonObject,
    rounds: s.rounds as number,
    cohort: s.cohort as JsonObject,
    secureAggregation: s.secureAggregation as JsonObject,
    privacy: (s.privacy ?? null) as JsonObject | null,
    approverName: s.approverName as string,
    approverKey: fromBase64(s.approverKey as string, 'taskApproval.statement.approverKey'),
    approvedAtMs: s.approvedAtMs as number,
  };
  const problems = taskStatementProblems(statement);
  if (problems.length > 0) throw new RangeError(`taskApproval.statement: ${problems.join('; ')}`);
  return { statement, signature: fromBase64(j.signature as string, 'taskApproval.signature') };
}
