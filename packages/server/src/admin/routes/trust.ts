import { revocationListToJson } from '@conclave/proto';
import type { AdminRoutes } from '../context.ts';
import { authErrors, errorSchema, openObject } from '../schemas.ts';

const tags = ['enrollment authority'];

/**
 * The enrollment authority's side (`conclave authority sign|revoke`) and the transparency log
 * (`conclave log verify`): the coordinator lists what waits for a certificate and stores what
 * the authority and the approver signed; it signs nothing itself.
 */
export const trustRoutes: AdminRoutes = (app, ctx) => {
  const c = ctx.coordinator;

  app.get(
    '/api/certificates/pending',
    { schema: { summary: 'Enrolled devices waiting for a certificate', tags, response: { 200: { type: 'object', properties: { devices: { type: 'array', items: openObject('a pending device') } } }, ...authErrors } } },
    async () => ({ devices: await c.trust.pending() }),
  );

  app.post(
    '/api/certificates',
    {
      schema: {
        summary: 'Store certificates the enrollment authority signed',
        tags,
        body: openObject('{ certificates: [...] } as conclave authority sign sends it'),
        response: { 201: { type: 'object', properties: { stored: { type: 'array', items: { type: 'string' } } } }, 400: errorSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await c.trust.storeCertificates(req.body)),
  );

  app.get(
    '/api/revocations',
    { schema: { summary: 'The signed revocation lists', tags, response: { 200: { type: 'object', properties: { lists: { type: 'array', items: openObject('a signed revocation list') } } }, ...authErrors } } },
    async () => ({ lists: (await c.trust.revocationLists()).map(revocationListToJson) }),
  );

  app.put(
    '/api/revocations',
    {
      schema: {
        summary: 'Store a newer signed revocation list (older or tampered lists are refused)',
        tags,
        body: openObject('a signed revocation list'),
        response: { 200: { type: 'object', properties: { sequence: { type: 'integer' }, revoked: { type: 'integer' } } }, 400: errorSchema, ...authErrors },
      },
    },
    async (req) => c.trust.storeRevocationList(req.body),
  );

  app.get(
    '/api/transparency-log',
    { schema: { summary: 'The transparency log of approved tasks with its signed head', tags: ['approval'], response: { 200: openObject('the transparency log'), ...authErrors } } },
    async () => c.transparencyLog(),
  );
};
