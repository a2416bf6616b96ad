/**
 * A device's check that what the coordinator asks of it is what the approver signed: the plan
 * (purpose, stream, features, model topology, training settings, privacy parameters), the round's
 * secure-aggregation configuration and — for the initial model — the weights it downloaded.
 * Anything the coordinator changed after approval shows up here as a named mismatch.
 *
 * Plan floats travel as float32 (`float` in conclave.proto), so approved values are compared
 * after `Math.fround`; doubles (the distributed-DP encoding) are compared exactly.
 */
import type { conclave } from '../generated/conclave.js';
import { canonicalJson, canonicalizeJsonText, type JsonValue } from './canonical-json.ts';
import { modelSha256, topologySha256, type TaskStatement } from './task-approval.ts';

type Selected = conclave.v1.ISelected;
type JsonObject = { readonly [key: string]: JsonValue };

export type PlanCheck = { readonly ok: true } | { readonly ok: false; readonly mismatches: readonly string[]; readonly message: string };

const LOSS_NAMES = ['binaryCrossentropy', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'meanSquaredError'];

const num = (o: JsonObject | null | undefined, key: string): number | undefined => {
  const v = o?.[key];
  return typeof v === 'number' ? v : undefined;
};
const f32 = (x: number) => Math.fround(x);

/**
 * Compares a Selected message with the approved statement. `kind` is the plan's kind as a
 * number (TRAIN 0, EVALUATE 1). Checks everything that needs no model bytes; the initial weights
 * are checked by `checkInitialModelAgainstApproval` once downloaded.
 */
export async function checkPlanAgainstApproval(statement: TaskStatement, selected: Selected): Promise<PlanCheck> {
  const bad: string[] = [];
  const plan = selected.plan ?? {};
  const train = (plan.kind ?? 0) === 0;
  if (selected.taskId !== statement.taskId) bad.push(`the approval is for task ${statement.taskId}, the plan for ${selected.taskId}`);
  if ((plan.purpose ?? '') !== statement.purpose) bad.push('the purpose differs from the approved text');
  if (!statement.streams.includes(plan.stream ?? '')) bad.push(`stream "${plan.stream}" is not among the approved streams (${statement.streams.join(', ')})`);
  try {
    if (canonicalizeJsonText(plan.featuresJson ?? '', 'the features') !== canonicalJson(statement.features)) bad.push('the feature recipe differs from the approved one');
  } catch (err) {
    bad.push((err as Error).message);
  }
  try {
    if ((await topologySha256(plan.topologyJson ?? '')) !== statement.model.topologySha256) bad.push('the model topology differs from the approved model');
  } catch (err) {
    bad.push((err as Error).message);
  }
  const version = selected.modelVersion ?? 0;
  if (train ? version >= statement.rounds : version > statement.rounds) {
    bad.push(`model version ${version} is beyond the ${statement.rounds} approved rounds`);
  }
  checkTraining(statement.training, plan, bad);
  if (train) {
    checkSecureAggregation(statement, selected, bad);
    checkPrivacy(statement.privacy, plan, bad);
  }
  if (bad.length === 0) return { ok: true };
  return { ok: false, mismatches: bad, message: `the plan differs from what was approved: ${bad.join('; ')}` };
}

function checkTraining(t: JsonObject, plan: conclave.v1.IPlan, bad: string[]): void {
  const loss = t.loss;
  if (typeof loss === 'string' && LOSS_NAMES.includes(loss) && plan.loss !== loss) bad.push(`loss ${plan.loss} is not the approved ${loss}`);
  const exact: [string, number | null | undefined][] = [
    ['localEpochs', plan.localEpochs],
    ['batchSize', plan.batchSize],
    ['maxExamples', plan.maxExamples],
    ['minExamples', plan.minExamples],
  ];
  for (const [key, value] of exact) {
    const approved = num(t, key);
    if (approved !== undefined && (value ?? 0) !== approved) bad.push(`${key} ${value ?? 0} is not the approved ${approved}`);
  }
  const floats: [string, number | null | undefined][] = [
    ['clientLearningRate', plan.clientLearningRate],
    ['proxMu', plan.proxMu],
    ['evalFraction', plan.evalFraction],
  ];
  for (const [key, value] of floats) {
    const approved = num(t, key);
    if (approved !== undefined && (value ?? 0) !== f32(approved)) bad.push(`${key} ${value ?? 0} is not the approved ${approved}`);
  }
}

function checkSecureAggregation(statement: TaskStatement, selected: Selected, bad: string[]): void {
  const sa = statement.secureAggregation;
  const secagg = selected.secagg;
  if (sa.enabled === false) return;
  if (!secagg) {
    bad.push('the task was approved with secure aggregation; the round runs without it');
    return;
  }
  if (sa.maliciousServer === true && !secagg.consistencyCheck) bad.push('the task was approved with malicious-server protection; the round runs without the consistency check');
  const clipRange = num(sa, 'clipRange');
  if (clipRange !== undefined && secagg.clipRange !== f32(clipRange)) bad.push(`secure-aggregation clip range ${secagg.clipRange} is not the approved ${clipRange}`);
  const maxWeight = num(sa, 'maxWeight');
  // A lower weight bound is the coordinator's to choose (under DP every device weighs 1); a higher one is not.
  if (maxWeight !== undefined && (secagg.maxWeight ?? 0) > maxWeight) bad.push(`secure-aggregation max weight ${secagg.maxWeight} is above the approved ${maxWeight}`);
  const bits = num(sa, 'bits');
  if (bits !== undefined && secagg.bits !== bits) bad.push(`secure-aggregation bits ${secagg.bits} is not the approved ${bits}`);
  const minimum = num(statement.cohort, 'minimum') ?? 1;
  const cohortSize = secagg.cohortSize ?? 0;
  if (cohortSize < minimum) bad.push(`a cohort of ${cohortSize} is below the approved minimum of ${minimum}`);
  const floor = Math.min(cohortSize, Math.max(3, minimum));
  if ((secagg.minSurvivors ?? 0) < floor) bad.push(`the round commits with ${secagg.minSurvivors ?? 0} survivors, below the approved minimum of ${floor}`);
}

function checkPrivacy(p: JsonObject | null, plan: conclave.v1.IPlan, bad: string[]): void {
  if (p === null) return;
  const clipNorm = plan.clipNorm ?? 0;
  if (!(clipNorm > 0)) {
    bad.push('the task was approved with differential privacy; the plan does not clip updates');
    return;
  }
  const fixed = num(p, 'clipNorm');
  if (fixed !== undefined && clipNorm !== f32(fixed)) bad.push(`clip norm ${clipNorm} is not the approved ${fixed}`);
  if (p.adaptive !== undefined && p.adaptive !== null && !plan.clipIndicator) bad.push('the task was approved with adaptive clipping; the plan omits the unclipped indicator');
  for (const key of ['noiseMultiplier', 'samplingRate'] as const) {
    const approved = num(p, key);
    const value = plan[key] ?? 0;
    if (approved !== undefined && value !== f32(approved)) bad.push(`${key} ${value} is not the approved ${approved}`);
  }
  if (p.mode === 'distributed') {
    const approved = p.distributed as JsonObject | undefined;
    const wire = plan.distributedDp;
    if (!wire) {
      bad.push('the task was approved with distributed DP; the plan carries no distributed encoding');
      return;
    }
    for (const key of ['dimension', 'paddedDimension', 'bits', 'clipNorm', 'scale', 'localSigma2', 'l2Sensitivity', 'beta'] as const) {
      const a = num(approved, key);
      if (a !== undefined && wire[key] !== a) bad.push(`distributed DP ${key} ${wire[key]} is not the approved ${a}`);
    }
  }
}

/** For a plan from model version 0: the downloaded weights and topology hash to the approved model. */
export async function checkInitialModelAgainstApproval(statement: TaskStatement, topologyJson: string, weights: Uint8Array): Promise<PlanCheck> {
  const hash = await modelSha256(topologyJson, weights);
  if (hash === statement.model.sha256) return { ok: true };
  const mismatch = 'the initial model the coordinator sent is not the approved model';
  return { ok: false, mismatches: [mismatch], message: mismatch };
}
