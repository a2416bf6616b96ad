/**
 * Task approval and the task transparency log (issue 10, part 4): the statements an approver
 * signs, the RFC 9162 Merkle tree and signed tree heads of the log, the checks a device makes of
 * a plan against its approval and of the log against the head it saw, and the key files.
 */
export { canonicalJson, canonicalizeJsonText, MAX_CANONICAL_JSON_DEPTH, type JsonValue } from './canonical-json.ts';
export { SHA256_LENGTH, bytesEqual, fromHex, keyFingerprint, sha256, toHex } from './digest.ts';
export {
  merkleConsistencyProof,
  merkleInclusionProof,
  merkleLeafHash,
  merkleNodeHash,
  merkleRoot,
  verifyMerkleConsistency,
  verifyMerkleInclusion,
} from './merkle.ts';
export {
  MODEL_HASH_CONTEXT,
  TASK_APPROVAL_CONTEXT,
  TASK_STATEMENT_LIMITS,
  TASK_STATEMENT_VERSION,
  approveTask,
  modelSha256,
  taskApprovalFromJson,
  taskApprovalToJson,
  taskStatementBytes,
  taskStatementLeafHash,
  taskStatementProblems,
  topologySha256,
  verifyTaskApproval,
  type ApprovalCheck,
  type ApprovalProblem,
  type TaskApproval,
  type TaskApprovalJson,
  type TaskStatement,
} from './task-approval.ts';
export { TREE_HEAD_CONTEXT, signTreeHead, treeHeadBytes, treeHeadFromJson, treeHeadToJson, verifyTreeHead, type SignedTreeHead, type SignedTreeHeadJson } from './tree-head.ts';
export {
  MAX_LOG_ENTRIES,
  MAX_PROOF_HASHES,
  appendApproval,
  checkLogProof,
  logLeafHashes,
  logMarkFromJson,
  logProofFor,
  markOf,
  transparencyLogFromJson,
  transparencyLogToJson,
  verifyTransparencyLog,
  type LogCheck,
  type LogMark,
  type LogProblem,
  type LogProof,
  type TransparencyLog,
  type TransparencyLogJson,
} from './transparency-log.ts';
export { checkInitialModelAgainstApproval, checkPlanAgainstApproval, type PlanCheck } from './plan-approval.ts';
export {
  MAX_KEY_NAME_CHARS,
  publicKeyFromJson,
  publicKeyToJson,
  signingKeyFromJson,
  signingKeyToJson,
  type NamedPublicKey,
  type NamedSigningKey,
  type SigningKeyRole,
} from './key-file.ts';
export { approvalFromWire, approvalToWire, logProofFromWire, logProofToWire, safeU64, treeHeadFromWire, treeHeadToWire } from './approval-wire.ts';
