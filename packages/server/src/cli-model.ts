/**
 * `conclave model list|export` (issue 12, item 5): every stored model version of a task, and the
 * export of any of them (the latest by default) with its round, metrics, ε and feature recipe.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { CliHelpers } from './approval/cli-commands.ts';
import { MODEL_EXPORT_FILES as FILES, writeModelExport, type ModelExportBundle, type ModelVersionView } from './model-export.ts';

const fmt = (x: number | null | undefined, digits = 4) => (x == null ? '—' : x.toFixed(digits));

export function formatModelVersions(taskId: string, versions: readonly ModelVersionView[]): string {
  const lines = [`model versions of ${taskId} (evaluation figures measure the version before: they are taken as a round starts)`];
  lines.push(['version', 'round', 'created', 'devices', 'train loss', 'eval loss', 'eval acc', 'ε (coord.)', 'ε (released)'].join('\t'));
  for (const v of versions) {
    const m = v.metrics;
    lines.push(
      [
        v.version,
        v.round ?? 'initial',
        new Date(v.createdAt).toISOString(),
        m ? m.participants : '—',
        fmt(m?.trainLoss),
        fmt(m?.evalLoss),
        fmt(m?.evalAccuracy),
        v.epsilon ? fmt(v.epsilon.againstCoordinator, 3) : 'no DP',
        v.epsilon ? fmt(v.epsilon.forReleasedModel, 3) : 'no DP',
      ].join('\t'),
    );
  }
  return lines.join('\n') + '\n';
}

export function registerModelCommands(program: Command, { remote, connection, api, fail }: CliHelpers): void {
  const model = program.commands.find((c) => c.name() === 'model') ?? program.command('model').description('work with the global models');

  remote(model.command('list'))
    .description("every stored version of a task's model: its round, metrics and ε")
    .argument('<task>', 'task id')
    .option('--json', 'print JSON: {"models":[{version, round, createdAt, metrics, epsilon}]}')
    .action(async (taskId: string, opts: { json?: boolean; url?: string; token?: string; dataDir?: string }) => {
      const res = await api(connection(opts), 'GET', `/api/tasks/${encodeURIComponent(taskId)}/models`);
      const body = (await res.json()) as { models: ModelVersionView[] };
      process.stdout.write(opts.json ? JSON.stringify(body) + '\n' : formatModelVersions(taskId, body.models));
    });

  remote(model.command('export'))
    .description(
      'write a model version in TensorFlow.js format (model.json + weights.bin, loadable with tf.loadLayersModel) with conclave-model.json ' +
        "(its round, metrics, ε and the feature recipe; the SDK's loadConclaveModel(dir) predicts from text with it)",
    )
    .argument('<task>', 'task id')
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('--version <n>', 'model version (conclave model list); default: the latest')
    .action(async (taskId: string, opts: { out: string; version?: string; url?: string; token?: string; dataDir?: string }) => {
      let version = 'latest';
      if (opts.version !== undefined) {
        const n = Number(opts.version);
        if (!Number.isInteger(n) || n < 0) fail(`--version must be a model version (an integer ≥ 0), got "${opts.version}"`);
        version = String(n);
      }
      const res = await api(connection(opts), 'GET', `/api/tasks/${encodeURIComponent(taskId)}/models/${version}`);
      const bundle = (await res.json()) as ModelExportBundle;
      const bytes = writeModelExport(opts.out, bundle);
      const m = bundle.metadata;
      const eps = m.epsilon ? `, ε ${fmt(m.epsilon.againstCoordinator, 3)} against the coordinator` : '';
      process.stdout.write(
        `wrote model version ${m.version} of ${taskId} (${m.round === null ? 'the initial model' : `round ${m.round}`}${eps}) to ${path.resolve(opts.out)} ` +
          `(${FILES.modelJson}, ${FILES.weights}: ${bytes} bytes, ${FILES.metadata})\n`,
      );
    });
}
