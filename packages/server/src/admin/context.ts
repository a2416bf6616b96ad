import type { Logger } from 'pino';
import type { Coordinator } from '../coordinator.ts';
import type { Metrics } from '../metrics.ts';
import type { AdminSessions } from './sessions.ts';

/** What the admin API's routes work with: the coordinator and the admin listener's own state. */
export interface AdminContext {
  coordinator: Coordinator;
  metrics: Metrics;
  logger: Logger;
  /** The admin token (bearer or sign-in). */
  token: string;
  sessions: AdminSessions;
  /** The dashboard's built files (index.html, assets/), or undefined when not built. */
  dashboardDir: string | undefined;
  /** Comment heartbeat of the server-sent event streams. @default 15_000 */
  sseHeartbeatMs: number;
  /** Count changes closer together than this go out as one event. @default 50 */
  sseCoalesceMs: number;
  /** Open server-sent event streams, ended when the server closes. */
  streams: Set<{ end(): void }>;
}

/**
 * A route module: registers its routes (with their JSON schemas) on the admin app. Each module
 * is listed once in `routes/index.ts`.
 */
export type AdminRoutes = (app: import('fastify').FastifyInstance, ctx: AdminContext) => void | Promise<void>;
