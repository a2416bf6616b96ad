import { ServerError } from '../../errors.ts';
import type { AdminRoutes } from '../context.ts';
import { authErrors, deviceIdParams, errorSchema, openObject } from '../schemas.ts';

const tags = ['devices'];

const deviceSchema = openObject(
  'An enrolled device (public key base64)',
  {
    id: { type: 'string' },
    publicKey: { type: 'string', nullable: true },
    firstSeen: { type: 'integer' },
    lastSeen: { type: 'integer' },
    enrolledAt: { type: 'integer', nullable: true },
    revokedAt: { type: 'integer', nullable: true },
    revokedReason: { type: 'string' },
    connected: { type: 'boolean' },
  },
  ['id'],
);

const withKey = <T extends { publicKey: Uint8Array | null }>(d: T) => ({ ...d, publicKey: d.publicKey ? Buffer.from(d.publicKey).toString('base64') : null });

/** Enrollment tokens, the device list and revocation. */
export const deviceRoutes: AdminRoutes = (app, ctx) => {
  const c = ctx.coordinator;

  app.post(
    '/api/enrollment-tokens',
    {
      schema: {
        summary: 'Issue single-use enrollment tokens (only their hashes are stored)',
        tags,
        body: {
          type: 'object',
          properties: { count: { type: 'number', description: '1 to 100000' }, ttlHours: { type: 'number', description: 'hours until they expire (default 168)' } },
        },
        response: {
          201: { type: 'object', properties: { tokens: { type: 'array', items: { type: 'string' } }, expiresAt: { type: 'integer' } } },
          400: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as { count?: unknown; ttlHours?: unknown };
      const ttlHours = body.ttlHours === undefined ? 168 : Number(body.ttlHours);
      if (!(ttlHours > 0)) throw new ServerError('BAD_REQUEST', `ttlHours must be a positive number, got ${JSON.stringify(body.ttlHours)}`);
      return reply.code(201).send(await c.issueEnrollmentTokens(Number(body.count), ttlHours * 3600 * 1000));
    },
  );

  app.get(
    '/api/devices',
    { schema: { summary: 'Enrolled devices, whether each is connected, and revocations', tags, response: { 200: { type: 'object', properties: { devices: { type: 'array', items: deviceSchema } } }, ...authErrors } } },
    async () => ({ devices: (await c.listDevices()).map(withKey) }),
  );

  app.post(
    '/api/devices/:id/revoke',
    {
      schema: {
        summary: 'Revoke a device for good; it is disconnected and can never join again',
        tags,
        params: deviceIdParams,
        body: { type: 'object', properties: { reason: { type: 'string', description: 'recorded with the revocation (first 200 characters)' } } },
        response: { 200: deviceSchema, 400: errorSchema, 404: errorSchema, ...authErrors },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const body = (req.body ?? {}) as { reason?: unknown };
      const reason = typeof body.reason === 'string' ? body.reason.slice(0, 200) : '';
      return withKey(await c.revokeDevice(id, reason));
    },
  );
};
