import type { AdminRoutes } from '../context.ts';

/** Liveness and Prometheus metrics: public, as a load balancer and a scraper need them. */
export const healthRoutes: AdminRoutes = (app, ctx) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        summary: 'Liveness: the coordinator answers and how many devices are connected',
        tags: ['health'],
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' }, devices: { type: 'integer' } } } },
      },
    },
    async () => ({ ok: true, devices: ctx.coordinator.connectedDevices }),
  );
  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: { summary: 'Prometheus metrics (text exposition format)', tags: ['health'], response: { 200: { type: 'string' } } },
    },
    async (_req, reply) => {
      reply.type(ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    },
  );
};
