import { ServerError } from '../../errors.ts';
import { exportModelVersion, listModelVersions } from '../../model-export.ts';
import type { AdminRoutes } from '../context.ts';
import { authErrors, errorSchema, openObject, taskIdParams } from '../schemas.ts';

const tags = ['models'];

const versionSchema = openObject('A stored model version', {
  version: { type: 'integer' },
  round: { type: 'integer', nullable: true, description: 'the training round that made it (null: the initial model)' },
  createdAt: { type: 'integer' },
  metrics: { ...openObject("that round's metrics; its evaluation figures measure the version before"), nullable: true },
  epsilon: { ...openObject('ε against the coordinator and for the released model (DP tasks)'), nullable: true },
});

/** Every stored model version of a task, and the export of any one (issue 12, item 5). */
export const modelRoutes: AdminRoutes = (app, ctx) => {
  const store = ctx.coordinator.store;

  app.get(
    '/api/tasks/:id/models',
    {
      schema: {
        summary: "Every stored version of a task's model, oldest first",
        tags,
        params: taskIdParams,
        response: { 200: { type: 'object', properties: { models: { type: 'array', items: versionSchema } } }, 404: errorSchema, ...authErrors },
      },
    },
    async (req) => ({ models: await listModelVersions(store, (req.params as { id: string }).id) }),
  );

  app.get(
    '/api/tasks/:id/models/:version',
    {
      schema: {
        summary: 'Export one model version: model.json, weights.bin (base64) and its metadata (round, metrics, ε, feature recipe)',
        tags,
        params: {
          type: 'object',
          required: ['id', 'version'],
          properties: { id: taskIdParams.properties.id, version: { type: 'string', pattern: '^(latest|[0-9]{1,9})$', description: 'a version number or "latest"' } },
        },
        response: {
          200: openObject('The export bundle', { metadata: openObject('conclave-model.json'), modelJson: openObject('model.json'), weightsBase64: { type: 'string' } }, ['metadata', 'modelJson', 'weightsBase64']),
          400: errorSchema,
          404: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req) => {
      const { id, version } = req.params as { id: string; version: string };
      const n = version === 'latest' ? 'latest' : Number(version);
      if (n !== 'latest' && !Number.isSafeInteger(n)) throw new ServerError('BAD_REQUEST', `model version must be an integer or "latest", got "${version}"`);
      return exportModelVersion(store, id, n);
    },
  );
};
