/**
 * The Conclave dashboard: a static single-page app (Vite, uPlot) that the coordinator serves at
 * `/` on its admin listener. It signs in with the admin token (then an HttpOnly session cookie),
 * lists tasks, follows the current round live (server-sent events), plots every round's
 * figures, and shows the device fleet and the audit log, all through the admin API.
 *
 * This entry only says where the built files are, so a server can serve them:
 *
 * @example
 * ```ts
 * import { dashboardDir, dashboardBuilt } from '@conclave/dashboard';
 * if (dashboardBuilt()) app.register(fastifyStatic, { root: dashboardDir });
 * ```
 *
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the built app (`vite build` output: index.html and assets/). */
export const dashboardDir: string = fileURLToPath(new URL('../dist/', import.meta.url));

/** True when {@link dashboardDir} holds a build (`pnpm --filter @conclave/dashboard build`). */
export function dashboardBuilt(): boolean {
  return existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)));
}
