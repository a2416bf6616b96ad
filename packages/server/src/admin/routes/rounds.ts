import type { AdminRoutes } from '../context.ts';
import { requireTask } from '../require-task.ts';
import { roundView } from '../round-view.ts';
import { authErrors, errorSchema, roundViewSchema, taskIdParams } from '../schemas.ts';

/** Rounds a `rounds` request returns at most. */
export const MAX_ROUNDS = 100_000;

/** Every round of a task, oldest first, with the figures the dashboard plots. */
export const roundRoutes: AdminRoutes = (app, ctx) => {
  app.get(
    '/api/tasks/:id/rounds',
    {
      schema: {
        summary: 'Rounds of a task, oldest first (the last `limit` rounds when given)',
        tags: ['tasks'],
        params: taskIdParams,
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: MAX_ROUNDS } } },
        response: { 200: { type: 'object', properties: { rounds: { type: 'array', items: roundViewSchema } } }, 400: errorSchema, 404: errorSchema, ...authErrors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const { limit } = req.query as { limit?: number };
      await requireTask(ctx, id);
      return { rounds: (await ctx.coordinator.store.listRounds(id, limit ?? MAX_ROUNDS)).map(roundView) };
    },
  );
};
