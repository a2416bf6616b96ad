/**
 * JSON schemas of the admin API, for request validation and the OpenAPI document. The task
 * body's schema is derived from the zod task schema (the one `parseTaskSpec` applies), so the
 * document and the validation cannot drift apart.
 */
import { zodToJsonSchema } from 'zod-to-json-schema';
import { TaskSpec } from '../task-spec.ts';

export const errorSchema = {
  type: 'object',
  description: 'Every error: a stable code (ServerError codes) and a message naming what was wrong.',
  required: ['error'],
  properties: {
    error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;

/** Error responses every authenticated route can give. */
export const authErrors = { 401: errorSchema, 403: errorSchema } as const;

export const taskIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200, description: 'task id' } },
} as const;

export const deviceIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200, description: 'device id' } },
} as const;

/** An object whose listed properties are documented; others may follow. */
export function openObject(description: string, properties: Record<string, unknown> = {}, required: string[] = []) {
  return { type: 'object', description, additionalProperties: true, properties, ...(required.length ? { required } : {}) };
}

/** The task definition a `POST /api/tasks` carries, as JSON schema (OpenAPI 3 dialect). */
export const taskSpecSchema: Record<string, unknown> = (() => {
  const { $schema: _, ...schema } = zodToJsonSchema(TaskSpec, { target: 'openApi3', $refStrategy: 'none' }) as Record<string, unknown>;
  return { ...schema, description: 'A task definition (see examples/email-triage/task.example.json); validated by the task schema.' };
})();

const nullableNumber = { type: 'number', nullable: true } as const;

export const taskStatusSchema = openObject(
  'A task status view: where its round stands, what it waits for, its last metrics and privacy spent.',
  {
    id: { type: 'string' },
    name: { type: 'string' },
    status: { type: 'string', enum: ['awaiting-approval', 'running', 'completed', 'failed', 'stopped'] },
    statusReason: { type: 'string' },
    stream: { type: 'string' },
    purpose: { type: 'string' },
    roundsPlanned: { type: 'integer' },
    roundsDone: { type: 'integer' },
    modelVersion: { type: 'integer' },
    phase: { type: 'string' },
    round: { type: 'integer', nullable: true },
    waitingFor: { type: 'string' },
    devices: openObject('devices checked in and eligible'),
    cohort: { ...openObject('the current round: selected, reported, dropped'), nullable: true },
    lastMetrics: { ...openObject('metrics of the last committed round'), nullable: true },
    privacy: { ...openObject('ε spent and left, noise and clip norm (DP tasks)'), nullable: true },
  },
  ['id', 'status', 'phase'],
);

export const roundMetricsSchema = openObject(
  'Aggregate figures of a committed round (counts only; never one device).',
  {
    participants: { type: 'integer' },
    selected: { type: 'integer' },
    dropped: { type: 'integer', description: 'selected − participants' },
    droppedByPhase: openObject('dropouts by phase, when the round recorded them'),
    trainLoss: nullableNumber,
    evalLoss: nullableNumber,
    evalAccuracy: nullableNumber,
    evalModelVersion: { type: 'integer', description: 'the model version the evaluation figures (and the training loss) measure: the model coming INTO the round' },
    epsilonSpent: { type: 'number' },
    epsilonForReleasedModel: { type: 'number' },
    clipNorm: { type: 'number' },
  },
  ['participants', 'selected', 'dropped', 'evalModelVersion'],
);

export const roundViewSchema = {
  type: 'object',
  required: ['round', 'kind', 'status', 'reason', 'modelVersionIn', 'modelVersionOut', 'startedAt', 'endedAt', 'metrics'],
  properties: {
    round: { type: 'integer' },
    kind: { type: 'string', enum: ['train', 'evaluate'] },
    status: { type: 'string', enum: ['committed', 'aborted'] },
    reason: { type: 'string' },
    modelVersionIn: { type: 'integer' },
    modelVersionOut: { type: 'integer', nullable: true },
    startedAt: { type: 'integer', description: 'ms since the epoch' },
    endedAt: { type: 'integer', description: 'ms since the epoch' },
    metrics: { ...roundMetricsSchema, nullable: true },
  },
} as const;
