import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ServerError } from '../errors.ts';
import type { AdminContext } from './context.ts';

/** The dashboard's session cookie (HttpOnly, SameSite=Strict, path /). */
export const SESSION_COOKIE = 'conclave_session';
/** The header a cookie-authenticated write must carry (a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-conclave-csrf';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without the admin token or a session (health, metrics, sign-in, the OpenAPI document). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** How the request proved it is the admin: the bearer token or a dashboard session. */
    adminVia?: 'token' | 'session';
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Compares a presented token with the admin token in constant time. */
export function tokenMatches(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the request names its own origin (a same-site page), the other way to pass the CSRF check. */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin === `${req.protocol}://${req.host}`;
}

/**
 * The admin API's gate (every `/api/` route not marked public): `Authorization: Bearer <token>`,
 * or a live dashboard session cookie; a cookie-authenticated write must also carry
 * `X-Conclave-CSRF: 1` or a matching Origin, since a browser attaches the cookie by itself.
 */
export function authenticate(ctx: AdminContext) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.public) return;
    const header = req.headers.authorization;
    if (header !== undefined) {
      if (header.startsWith('Bearer ') && tokenMatches(header.slice(7).trim(), ctx.token)) {
        req.adminVia = 'token';
        return;
      }
      throw new ServerError('UNAUTHENTICATED', 'the bearer token is not the admin token (see `conclave serve` output or <data-dir>/admin-token)', 401);
    }
    if (ctx.sessions.valid(req.cookies[SESSION_COOKIE])) {
      if (UNSAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== '1' && !sameOrigin(req)) {
        throw new ServerError('FORBIDDEN', `a signed-in ${req.method} needs the header "X-Conclave-CSRF: 1" or an Origin of this server`, 403);
      }
      req.adminVia = 'session';
      return;
    }
    throw new ServerError(
      'UNAUTHENTICATED',
      'admin API needs "Authorization: Bearer <token>" or a dashboard sign-in; the token is printed by `conclave serve` and stored in its data directory',
      401,
    );
  };
}
