import { ServerError } from '../../errors.ts';
import { SESSION_COOKIE, tokenMatches } from '../auth.ts';
import type { AdminRoutes } from '../context.ts';
import { errorSchema } from '../schemas.ts';

/**
 * Dashboard sign-in: the admin token, once, for an HttpOnly session cookie holding a random id
 * (never the token). Sign-ins and failed sign-ins go to the audit log.
 */
export const sessionRoutes: AdminRoutes = (app, ctx) => {
  const audit = async (actor: string, action: string) => {
    try {
      await ctx.coordinator.store.audit(actor, action, {}, Date.now());
    } catch (err) {
      ctx.logger.error({ err, action }, 'writing the audit entry failed');
    }
  };

  app.post(
    '/api/session',
    {
      config: { public: true },
      schema: {
        summary: 'Sign in with the admin token: sets the HttpOnly session cookie conclave_session',
        tags: ['session'],
        body: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 1024 } } },
        response: { 204: { type: 'null', description: 'signed in' }, 400: errorSchema, 401: errorSchema },
      },
    },
    async (req, reply) => {
      const { token } = req.body as { token: string };
      if (!tokenMatches(token, ctx.token)) {
        await audit('anonymous', 'session.sign-in-failed');
        throw new ServerError('UNAUTHENTICATED', 'wrong admin token', 401);
      }
      const session = ctx.sessions.create();
      await audit('admin', 'session.sign-in');
      reply.setCookie(SESSION_COOKIE, session.id, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        expires: new Date(session.expiresAt),
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        summary: 'Whether the caller is signed in (a live session cookie, or the bearer token)',
        tags: ['session'],
        response: { 200: { type: 'object', properties: { signedIn: { type: 'boolean', enum: [true] } } }, 401: errorSchema },
      },
    },
    async () => ({ signedIn: true }),
  );

  app.delete(
    '/api/session',
    {
      config: { public: true },
      schema: { summary: 'Sign out: ends the session and clears its cookie', tags: ['session'], response: { 204: { type: 'null', description: 'signed out' } } },
    },
    async (req, reply) => {
      ctx.sessions.end(req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
      return reply.code(204).send();
    },
  );
};
