import { float32ToBytes } from '@conclave/proto';
import { tfjsModelJson } from '../../model-export.ts';
import type { AdminRoutes } from '../context.ts';
import { authErrors, errorSchema, openObject, taskIdParams, taskSpecSchema, taskStatusSchema } from '../schemas.ts';

const tags = ['tasks'];
const notFound = { 404: errorSchema };

/** Tasks: define (the body carries the initial weights), list, inspect, approve, stop, export the model. */
export const taskRoutes: AdminRoutes = (app, ctx) => {
  const c = ctx.coordinator;

  app.get(
    '/api/tasks',
    { schema: { summary: 'All tasks with their status', tags, response: { 200: { type: 'object', properties: { tasks: { type: 'array', items: taskStatusSchema } } }, ...authErrors } } },
    async () => ({ tasks: await c.listTasks() }),
  );

  app.post(
    '/api/tasks',
    {
      schema: {
        summary: 'Create a task (it waits for an approver unless the coordinator runs without approval)',
        tags,
        body: taskSpecSchema,
        response: { 201: { type: 'object', properties: { id: { type: 'string' }, status: taskStatusSchema } }, 400: errorSchema, 413: errorSchema, ...authErrors },
      },
      // The task schema itself validates the body (parseTaskSpec, in createTask): its messages
      // name each bad field, and the JSON schema above is generated from it.
      validatorCompiler: () => () => true,
    },
    async (req, reply) => {
      const taskId = await c.createTask(req.body);
      await c.store.audit('admin', 'task.start', { taskId }, Date.now());
      return reply.code(201).send({ id: taskId, status: await c.taskStatus(taskId) });
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        summary: 'A task status view with its last 50 rounds as stored',
        tags,
        params: taskIdParams,
        response: { 200: { ...taskStatusSchema, properties: { ...taskStatusSchema.properties, rounds: { type: 'array', items: openObject('a stored round') } } }, ...notFound, ...authErrors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const status = await c.taskStatus(id);
      return { ...status, rounds: await c.store.listRounds(id, 50) };
    },
  );

  app.get(
    '/api/tasks/:id/approval-request',
    {
      schema: {
        summary: 'What an approver signs for this task, with the transparency log to append it to',
        tags: ['approval'],
        params: taskIdParams,
        response: { 200: openObject('the approval request'), ...notFound, ...authErrors },
      },
    },
    async (req) => c.approvalRequest((req.params as { id: string }).id),
  );

  app.post(
    '/api/tasks/:id/approval',
    {
      schema: {
        summary: "Store an approver's signature and the log head that appends it; the task starts",
        tags: ['approval'],
        params: taskIdParams,
        body: openObject('the signed approval (conclave task approve)'),
        response: { 201: openObject('the log size and the task status', { logSize: { type: 'integer' }, status: taskStatusSchema }), 400: errorSchema, ...notFound, ...authErrors },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const accepted = await c.acceptApproval(id, req.body);
      return reply.code(201).send({ ...accepted, status: await c.taskStatus(id) });
    },
  );

  app.post(
    '/api/tasks/:id/stop',
    {
      schema: {
        summary: 'Stop a task (its committed model stays exportable)',
        tags,
        params: taskIdParams,
        response: { 200: taskStatusSchema, 409: errorSchema, ...notFound, ...authErrors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      await c.stopTask(id);
      await c.store.audit('admin', 'task.stop', { taskId: id }, Date.now());
      return c.taskStatus(id);
    },
  );

  const modelJson = async (id: string, reply: import('fastify').FastifyReply) => {
    const { version, spec } = await c.latestModel(id);
    reply.header('x-conclave-model-version', String(version));
    return tfjsModelJson(spec, { taskId: id, version });
  };
  const modelJsonSchema = {
    tags: ['models'],
    params: taskIdParams,
    response: { 200: openObject('TensorFlow.js model.json (topology and weights manifest)'), ...notFound, ...authErrors },
  };
  app.get('/api/tasks/:id/model', { schema: { summary: 'The latest model: TensorFlow.js model.json', ...modelJsonSchema } }, async (req, reply) =>
    modelJson((req.params as { id: string }).id, reply),
  );
  app.get('/api/tasks/:id/model/model.json', { schema: { summary: 'The latest model: TensorFlow.js model.json', ...modelJsonSchema } }, async (req, reply) =>
    modelJson((req.params as { id: string }).id, reply),
  );
  app.get(
    '/api/tasks/:id/model/weights.bin',
    {
      schema: {
        summary: "The latest model's weights (float32 little-endian, in weightsManifest order)",
        tags: ['models'],
        params: taskIdParams,
        response: { 200: { type: 'string', format: 'binary' }, ...notFound, ...authErrors },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const { version, weights } = await c.latestModel(id);
      const bytes = float32ToBytes(weights);
      return reply.type('application/octet-stream').header('x-conclave-model-version', String(version)).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
};
