/**
 * Every route module of the admin API, registered in this order by `buildAdminApp`. A new
 * module is one file under `routes/` and one line here.
 */
import type { AdminRoutes } from '../context.ts';
import { auditRoutes } from './audit.ts';
import { dashboardRoutes } from './dashboard.ts';
import { deviceRoutes } from './devices.ts';
import { eventRoutes } from './events.ts';
import { fleetRoutes } from './fleet.ts';
import { forgetRoutes } from './forget.ts';
import { healthRoutes } from './health.ts';
import { modelRoutes } from './models.ts';
import { roundRoutes } from './rounds.ts';
import { sessionRoutes } from './session.ts';
import { taskRoutes } from './tasks.ts';
import { trustRoutes } from './trust.ts';

export const adminRoutes: AdminRoutes[] = [
  healthRoutes,
  sessionRoutes,
  taskRoutes,
  roundRoutes,
  eventRoutes,
  deviceRoutes,
  fleetRoutes,
  trustRoutes,
  auditRoutes,
  modelRoutes,
  forgetRoutes,
  dashboardRoutes,
];
