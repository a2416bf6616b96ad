/**
 * The cockpit's CLI commands (issue 12, items 4–7), registered on the main program by cli.ts with
 * its connection helpers: `audit list|verify`, `task watch`, `devices forget`, `model list|export`.
 */
import type { Command } from 'commander';
import type { CliHelpers } from './approval/cli-commands.ts';
import { registerAuditCommands } from './cli-audit.ts';
import { registerForgetCommand } from './cli-forget.ts';
import { registerModelCommands } from './cli-model.ts';
import { registerWatchCommand } from './cli-watch.ts';

export function registerCockpitCommands(program: Command, helpers: CliHelpers): void {
  registerAuditCommands(program, helpers);
  registerWatchCommand(program, helpers);
  registerForgetCommand(program, helpers);
  registerModelCommands(program, helpers);
}
