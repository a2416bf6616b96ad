import type { AdminRoutes } from '../context.ts';
import { authErrors } from '../schemas.ts';

/**
 * The device fleet as the dashboard shows it: enrolled, connected, last seen, revoked. Nothing
 * here links a device to a task or a round (under secure aggregation the coordinator must not
 * show who was in which cohort).
 */
export const fleetRoutes: AdminRoutes = (app, ctx) => {
  app.get(
    '/api/fleet',
    {
      schema: {
        summary: 'The device fleet and its counts (never a link between a device and a round)',
        tags: ['devices'],
        response: {
          200: {
            type: 'object',
            properties: {
              devices: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    enrolledAt: { type: 'integer', nullable: true },
                    connected: { type: 'boolean' },
                    lastSeen: { type: 'integer' },
                    revokedAt: { type: 'integer', nullable: true },
                  },
                },
              },
              counts: { type: 'object', properties: { enrolled: { type: 'integer' }, connected: { type: 'integer' }, revoked: { type: 'integer' } } },
            },
          },
          ...authErrors,
        },
      },
    },
    async () => {
      const devices = (await ctx.coordinator.listDevices()).map((d) => ({ id: d.id, enrolledAt: d.enrolledAt, connected: d.connected, lastSeen: d.lastSeen, revokedAt: d.revokedAt }));
      return {
        devices,
        counts: {
          enrolled: devices.filter((d) => d.enrolledAt !== null).length,
          connected: devices.filter((d) => d.connected).length,
          revoked: devices.filter((d) => d.revokedAt !== null).length,
        },
      };
    },
  );
};
