import fastifyStatic from '@fastify/static';
import type { AdminRoutes } from '../context.ts';

/** What `/` answers when the dashboard has not been built. */
const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Conclave coordinator</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Conclave coordinator</h1>
<p>The admin API is running (<a href="/api/openapi.json">/api/openapi.json</a> describes it), but the dashboard has not been built.</p>
<p>From a checkout of the repository: <code>pnpm --filter @conclave/dashboard build</code>, then restart <code>conclave serve</code>.
An installed <code>@conclave/server</code> brings a built <code>@conclave/dashboard</code> with it.</p>
</body></html>
`;

/**
 * The dashboard's static files at `/` and `/assets/*`, with no sign-in needed for the files
 * themselves (the data they fetch needs it). The files are listed when the server starts.
 */
export const dashboardRoutes: AdminRoutes = async (app, ctx) => {
  if (ctx.dashboardDir) {
    await app.register(fastifyStatic, { root: ctx.dashboardDir, wildcard: false, index: ['index.html'], serveDotFiles: false });
    return;
  }
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
};
