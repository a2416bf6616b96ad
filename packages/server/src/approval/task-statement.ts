/**
 * What an approver signs about a stored task (`TaskStatement`, @conclave/proto): built from the
 * spec the coordinator runs — the author's settings with the defaults filled in and the privacy
 * parameters it derived — and the initial model exactly as devices download it. The coordinator
 * computes the draft; the approver's CLI shows it, fills in who approves and when, and signs.
 * Devices then check every plan against the signed statement, so the draft must describe what
 * `round/plan.ts` sends: the topology JSON is the plan's, the streams the plan's stream.
 */
import { float32ToBytes, modelSha256, topologySha256, TASK_STATEMENT_VERSION, type JsonValue, type TaskStatement } from '@conclave/proto';
import type { StoredTaskSpec } from '../task-spec.ts';

/** A statement before an approver signs it: everything but who approved and when. */
export type TaskStatementDraft = Omit<TaskStatement, 'approverName' | 'approverKey' | 'approvedAtMs'>;

type JsonObject = { readonly [key: string]: JsonValue };

/** The topology JSON every plan of the task carries (`devicePlan` in round/plan.ts). */
export function planTopologyJson(spec: StoredTaskSpec): string {
  return JSON.stringify({ modelTopology: spec.model.modelTopology, weightSpecs: spec.model.weightSpecs });
}

/** Drops `undefined` members (the canonical encoding refuses them) by a JSON round trip. */
const json = (value: unknown): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

export async function taskStatementDraft(task: { id: string; spec: StoredTaskSpec; initialWeights: Float32Array }): Promise<TaskStatementDraft> {
  const { spec } = task;
  const topology = planTopologyJson(spec);
  const t = spec.training;
  return {
    version: TASK_STATEMENT_VERSION,
    taskId: task.id,
    name: spec.name,
    purpose: spec.purpose,
    streams: [spec.stream],
    features: json(spec.features),
    model: { topologySha256: await topologySha256(topology), sha256: await modelSha256(topology, float32ToBytes(task.initialWeights)) },
    training: json({
      loss: spec.loss,
      localEpochs: t.localEpochs,
      batchSize: t.batchSize,
      clientLearningRate: t.clientLearningRate,
      proxMu: t.proxMu,
      maxExamples: t.maxExamples,
      minExamples: t.minExamples,
      evalFraction: spec.evaluation.evalFraction,
      finalEvaluation: spec.evaluation.finalRound,
    }),
    rounds: spec.rounds,
    cohort: json(spec.cohort),
    secureAggregation: json(spec.secureAggregation),
    privacy: spec.privacy ? json(spec.privacy) : null,
  };
}

/** The draft a signed statement was made from (to compare with the coordinator's own). */
export function draftOf(s: TaskStatement): TaskStatementDraft {
  const { approverName: _n, approverKey: _k, approvedAtMs: _t, ...draft } = s;
  return draft;
}
