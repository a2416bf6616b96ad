import type { AdminRoutes } from '../context.ts';
import { authErrors, deviceIdParams, errorSchema } from '../schemas.ts';

/** The right to be forgotten (issue 12, item 7): `conclave devices forget <id>`. */
export const forgetRoutes: AdminRoutes = (app, ctx) => {
  app.post(
    '/api/devices/:id/forget',
    {
      schema: {
        summary: "Delete a device's identity and every record linked to it; keep anonymous counts; audit it; list the model versions it contributed to",
        tags: ['devices'],
        params: deviceIdParams,
        response: {
          200: {
            type: 'object',
            properties: {
              forgotten: { type: 'boolean', description: 'false when the coordinator held nothing about the device' },
              modelVersions: {
                type: 'array',
                items: { type: 'object', properties: { taskId: { type: 'string' }, versions: { type: 'array', items: { type: 'integer' } } } },
              },
            },
          },
          409: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req) => ctx.coordinator.forgetDevice((req.params as { id: string }).id),
  );
};
