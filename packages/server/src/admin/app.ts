/**
 * The admin HTTP API on Fastify: JSON-schema described routes (one module per concern under
 * `routes/`), an OpenAPI 3 document at `/api/openapi.json` generated from those schemas, the
 * bearer token or a dashboard session on every `/api/` route, 405 with `Allow` for a wrong
 * method, and JSON errors (`{ error: { code, message } }`, ServerError codes) everywhere.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { ProtoError } from '@conclave/proto';
import { ServerError } from '../errors.ts';
import { authenticate, SESSION_COOKIE } from './auth.ts';
import type { AdminContext } from './context.ts';
import { RouteTable } from './route-table.ts';
import { adminRoutes } from './routes/index.ts';

export interface AdminAppOptions {
  /** Largest request body (task creation carries the initial weights). */
  bodyLimit: number;
  /** The API's version in the OpenAPI document. */
  version: string;
}

/** Builds the admin app (not listening yet): `app.listen(...)`, or `app.server` for a shared listener. */
export async function buildAdminApp(ctx: AdminContext, opts: AdminAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // No log line per request: the coordinator logs what it does, not who asked.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.bodyLimit,
    forceCloseConnections: true,
  });
  // Bodies: schemas describe, they do not rewrite — no coercion, no defaults injected, no
  // properties silently removed. Query strings and path parameters arrive as text, so there a
  // schema's integer is read from its digits ("?limit=5") and its defaults apply.
  const compilers = AjvCompiler();
  const strict = compilers({}, { customOptions: { removeAdditional: false, useDefaults: false, coerceTypes: false } });
  const textual = compilers({}, { customOptions: { removeAdditional: false, useDefaults: true, coerceTypes: true } });
  app.setValidatorCompiler((route) => (route.httpPart === 'querystring' || route.httpPart === 'params' ? textual(route) : strict(route)));
  // Responses go out as the handlers built them: the response schemas document the shapes
  // (and the OpenAPI document), they do not filter fields.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // A body without a JSON content type is still read as JSON (the CLI and scripts send JSON).
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new ServerError('BAD_REQUEST', `request body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Conclave coordinator admin API',
        version: opts.version,
        description:
          'Tasks, rounds, devices, the enrollment authority relay and the transparency log. Authenticate with "Authorization: Bearer <admin token>" or, from the dashboard, the session cookie set by POST /api/session (writes then need "X-Conclave-CSRF: 1").',
      },
      components: {
        securitySchemes: {
          adminToken: { type: 'http', scheme: 'bearer', description: 'the admin token (conclave serve prints it; <data-dir>/admin-token)' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'a dashboard sign-in (POST /api/session)' },
        },
      },
      security: [{ adminToken: [] }, { session: [] }],
    },
  });

  const routes = new RouteTable();
  app.addHook('onRoute', (route) => {
    routes.add(route.method, route.url);
    // Public routes say so in the OpenAPI document.
    if (route.config?.public && route.schema) route.schema.security = [];
  });
  app.addHook('onRequest', authenticate(ctx));
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    // The dashboard loads nothing from elsewhere; uPlot sets inline styles.
    else reply.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
    return payload;
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const { status, code, message } = errorResponse(err, opts.bodyLimit);
    if (status >= 500) ctx.logger.error({ err }, 'admin request failed');
    return reply.code(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const allowed = routes.methodsFor(path);
    if (allowed.length > 0) {
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send({ error: { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}` } });
    }
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${path}` } });
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  for (const register of adminRoutes) await app.register(async (scope) => register(scope, ctx));
  app.addHook('onClose', async () => {
    for (const stream of [...ctx.streams]) stream.end();
  });
  return app;
}

/** Status, stable code and message of any error a request ended with. */
function errorResponse(err: FastifyError, bodyLimit: number): { status: number; code: string; message: string } {
  if (err instanceof ServerError) return { status: err.httpStatus, code: err.code, message: err.message };
  if (err instanceof ProtoError) return { status: 400, code: err.code, message: err.message };
  if (err.validation) return { status: 400, code: 'BAD_REQUEST', message: `invalid request ${err.validationContext ?? ''}: ${err.message}`.replace('  ', ' ') };
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'MESSAGE_TOO_LARGE', message: `request body exceeds ${bodyLimit} bytes` };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'BAD_REQUEST', message: `request body is not valid JSON: ${err.message}` };
    default:
      break;
  }
  if (err instanceof SyntaxError) return { status: 400, code: 'BAD_REQUEST', message: `request body is not valid JSON: ${err.message}` };
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  return { status, code: status === 500 ? 'INTERNAL' : 'BAD_REQUEST', message: err.message };
}
