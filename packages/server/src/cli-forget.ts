/**
 * `conclave devices forget <id>` (issue 12, item 7): the coordinator deletes the device's identity
 * and every record linked to it, keeps anonymous counts, audits it under the device's pseudonym,
 * and says which model versions the device's updates went into.
 */
import type { Command } from 'commander';
import type { CliHelpers } from './approval/cli-commands.ts';

interface ForgetResponse {
  forgotten: boolean;
  modelVersions: { taskId: string; versions: number[] }[];
}

export function formatForget(deviceId: string, r: ForgetResponse): string {
  if (!r.forgotten) return `the coordinator holds no record of device ${deviceId}: nothing to forget\n`;
  const lines = [`forgot device ${deviceId}: its identity, enrollment, certificate and participation records are deleted; round counts stay`];
  if (r.modelVersions.length === 0) lines.push('it contributed to no model version');
  for (const t of r.modelVersions) {
    lines.push(`task ${t.taskId}: its updates went into model version${t.versions.length > 1 ? 's' : ''} ${t.versions.join(', ')} (and so into every later version of that task)`);
  }
  return lines.join('\n') + '\n';
}

export function registerForgetCommand(program: Command, { remote, connection, api }: CliHelpers): void {
  const devices = program.commands.find((c) => c.name() === 'devices') ?? program.command('devices').description('enrolled devices');
  remote(devices.command('forget'))
    .description(
      "the right to be forgotten: delete a device's identity and every record linked to it (it is disconnected and must enroll anew to return); " +
        'anonymous counts stay, the audit log records it under the device pseudonym, and the model versions it contributed to are listed',
    )
    .argument('<id>', 'device id (conclave devices list)')
    .option('--json', 'print JSON: {"forgotten", "modelVersions":[{taskId, versions}]}')
    .action(async (id: string, opts: { json?: boolean; url?: string; token?: string; dataDir?: string }) => {
      const res = await api(connection(opts), 'POST', `/api/devices/${encodeURIComponent(id)}/forget`, {});
      const body = (await res.json()) as ForgetResponse;
      process.stdout.write(opts.json ? JSON.stringify(body) + '\n' : formatForget(id, body));
    });
}
