import { parseAuditAnchor, verifyAuditChain, type AuditAnchor } from '../../audit/audit-chain.ts';
import { ServerError } from '../../errors.ts';
import type { AdminRoutes } from '../context.ts';
import { authErrors, errorSchema } from '../schemas.ts';

const tags = ['audit'];

const entrySchema = {
  type: 'object',
  description: 'One audit entry; hash = SHA-256 over the RFC 8785 encoding of [seq, at, actor, action, detail, prevHash]. Devices appear as pseudonyms (ref-…).',
  properties: {
    seq: { type: 'integer' },
    at: { type: 'integer' },
    actor: { type: 'string' },
    action: { type: 'string' },
    detail: { type: 'object', additionalProperties: true },
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
} as const;

/** The hash-chained audit log (issue 12, item 4): its latest entries, and its verification. */
export const auditRoutes: AdminRoutes = (app, ctx) => {
  const store = ctx.coordinator.store;

  app.get(
    '/api/audit',
    {
      schema: {
        summary: 'The latest audit entries, oldest first',
        tags,
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 100000, default: 100 } } },
        response: { 200: { type: 'object', properties: { entries: { type: 'array', items: entrySchema } } }, 400: errorSchema, ...authErrors },
      },
    },
    async (req) => ({ entries: await store.auditLog((req.query as { limit: number }).limit) }),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        summary: 'Recompute the audit chain: the first entry edited, deleted or reordered, if any',
        tags,
        querystring: { type: 'object', properties: { head: { type: 'string', description: 'SEQ:HASH from an earlier verify: the chain must still contain it' } } },
        response: {
          200: {
            type: 'object',
            properties: {
              ok: { type: 'boolean' },
              entries: { type: 'integer' },
              head: { type: 'object', properties: { seq: { type: 'integer' }, hash: { type: 'string' } } },
              firstBadSeq: { type: 'integer' },
              problem: { type: 'string' },
            },
          },
          400: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req) => {
      const head = (req.query as { head?: string }).head;
      let anchor: AuditAnchor | undefined;
      try {
        anchor = head === undefined ? undefined : parseAuditAnchor(head);
      } catch (err) {
        throw new ServerError('BAD_REQUEST', (err as Error).message);
      }
      return verifyAuditChain(await store.auditChain(), anchor);
    },
  );
};
