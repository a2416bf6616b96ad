/**
 * The email-triage scenario: a coordinator on a free port with its data in a temporary
 * directory, and simulated employees, each a real client SDK instance over a real WebSocket
 * holding only its own mailbox (SpamAssassin mail, split non-IID by a seeded Dirichlet label
 * skew). Features are computed on each device from the raw text by the task's feature spec.
 * The federated model is compared on a held-out test set with a centralized baseline trained
 * on the pooled mail with the same model and the same number of passes over the data.
 *
 *   pnpm demo [--clients N] [--rounds R] [--seed S] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, createIdentity, createWorkerTrainer, initTensorflow, type ConclaveClient } from '@conclave/client-sdk';
import { LocalApprover, LocalAuthority, serve } from '@conclave/server';
import * as tf from '@tensorflow/tfjs';
import pino from 'pino';
import { trainCentralized, toDataset } from './centralized.ts';
import { loadCorpus } from './corpus.ts';
import { buildModel, DEFAULTS, defaultFeatureSpec, equivalentEpochs, evaluateModel, taskServerOptimizer } from './model.ts';
import { demoMailboxes, trainingMail } from './mailboxes.ts';

/**
 * Training settings under DP, chosen with `src/simulate-dp.ts` at 1,000 employees, cohorts of
 * 100 (see its header): a small fixed clip norm and FedAvgM with a large step, one setting for
 * every ε (tuning η per ε, η·z ≈ 14, gains 0.2–0.6 points).
 */
const DP_DEFAULTS = { clipNorm: 0.1, serverLearningRate: 5, momentum: 0.9 } as const;

const HELP = `pnpm demo [options]

Federated spam/ham training over real sockets with simulated employees.

  --clients N        employees, each with their own mailbox      (default ${DEFAULTS.clients})
  --rounds R         federated rounds                            (default ${DEFAULTS.rounds})
  --cohort G         reports wanted per round                    (default ${DEFAULTS.cohortGoal})
  --seed S           seed of the split and the initial model     (default ${DEFAULTS.seed})
  --threads T        training worker threads shared by clients   (default 2)
  --epsilon E        differential privacy: target ε over the run
  --dp-mode M        central (default: the coordinator adds the noise) or distributed
                     (each device adds a discrete Gaussian share before secure aggregation)
  --delta D          DP δ                                       (default 1/clients^1.1, at most 0.001)
  --clip C           DP clip norm of each device's update, or "adaptive"
                     (central only; follows the median update norm) (default ${DP_DEFAULTS.clipNorm})
  --server-lr L      DP: server learning rate of FedAvgM (momentum ${DP_DEFAULTS.momentum})   (default ${DP_DEFAULTS.serverLearningRate})
  --json             print the final report as one JSON object on the last line
  -h, --help         this text`;

function num(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`demo: --${name} must be an integer ≥ ${min}, got "${value}"\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      rounds: { type: 'string' },
      cohort: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      epsilon: { type: 'string' },
      'dp-mode': { type: 'string' },
      delta: { type: 'string' },
      clip: { type: 'string' },
      'server-lr': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    // `pnpm demo -- --json` passes a literal "--" through; it carries no meaning here.
    args: process.argv.slice(2).filter((a) => a !== '--'),
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  const clients = num(values.clients, 'clients', DEFAULTS.clients, 2);
  const rounds = num(values.rounds, 'rounds', DEFAULTS.rounds);
  const cohortGoal = Math.min(num(values.cohort, 'cohort', DEFAULTS.cohortGoal), clients);
  const seed = num(values.seed, 'seed', DEFAULTS.seed, 0);
  const threads = num(values.threads, 'threads', 2);
  const json = values.json!;
  const epsilon = values.epsilon === undefined ? undefined : Number(values.epsilon);
  if (epsilon !== undefined && !(epsilon > 0)) {
    process.stderr.write(`demo: --epsilon must be a positive number, got "${values.epsilon}"\n`);
    process.exit(2);
  }
  const dpMode = values['dp-mode'] ?? 'central';
  if (dpMode !== 'central' && dpMode !== 'distributed') {
    process.stderr.write(`demo: --dp-mode must be central or distributed, got "${dpMode}"\n`);
    process.exit(2);
  }
  // δ well below 1/population; the task refuses δ ≥ 0.01, which 1/N^1.1 reaches below 66 devices.
  const delta = values.delta === undefined ? Math.min(1 / clients ** 1.1, 1e-3) : Number(values.delta);
  if (!(delta > 0 && delta < 0.01)) {
    process.stderr.write(`demo: --delta must be a number in (0, 0.01), got "${values.delta}"\n`);
    process.exit(2);
  }
  const adaptiveClip = values.clip === 'adaptive';
  const clipNorm = values.clip === undefined || adaptiveClip ? DP_DEFAULTS.clipNorm : Number(values.clip);
  const serverLr = values['server-lr'] === undefined ? DP_DEFAULTS.serverLearningRate : Number(values['server-lr']);
  if (!(serverLr > 0 && serverLr <= 100)) {
    process.stderr.write(`demo: --server-lr must be a number in (0, 100], got "${values['server-lr']}"\n`);
    process.exit(2);
  }
  if (!(clipNorm > 0)) {
    process.stderr.write(`demo: --clip must be a positive number or "adaptive", got "${values.clip}"\n`);
    process.exit(2);
  }
  if (adaptiveClip && dpMode === 'distributed') {
    process.stderr.write('demo: --clip adaptive works with --dp-mode central only\n');
    process.exit(2);
  }
  // In --json mode progress goes to stderr so the last stdout line is the report.
  const say = (line: string) => (json ? process.stderr : process.stdout).write(line + '\n');

  const started = performance.now();
  const backend = await initTensorflow();
  const spec = defaultFeatureSpec();
  const corpus = loadCorpus();
  const { train, test, shards } = demoMailboxes(corpus, clients, seed);
  const testSet = toDataset(test, spec);
  say(
    `Conclave email-triage demo: ${corpus.length} real e-mails (SpamAssassin), ${train.length} across ${clients} employees ` +
      `(Dirichlet α=${DEFAULTS.dirichletAlpha}), ${test.length} held out for testing; TensorFlow.js backend: ${backend}`,
  );

  const dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-demo-'));
  const roundEnds: ((round: number, outcome: string) => void)[] = [];
  // The demo is its own approver (a deployment runs `conclave approver init` and `conclave task
  // approve` away from the coordinator): it signs the task as it is created, and every device
  // pins its key, so the task runs only as approved and listed in the transparency log.
  const approver = await LocalApprover.create('Demo approver');
  // …and its own enrollment authority (a deployment runs `conclave authority init` and
  // `conclave authority sign` away from the coordinator): it certifies every device's key, and
  // every device pins its key, so a round admits no peer the coordinator made up.
  const authority = await LocalAuthority.create('Demo enrollment authority');
  const server = await serve({
    autoApprover: approver,
    dataDir,
    port: 0,
    logger: pino({ level: process.env.CONCLAVE_LOG_LEVEL ?? 'silent' }),
    // Simulated employees stay available for the whole run.
    poolHoldMs: 600_000,
    onRoundEnd: (_taskId, outcome, round) => roundEnds.forEach((f) => f(round, outcome)),
  });
  const trainer = createWorkerTrainer({ threads });
  const devices: ConclaveClient[] = [];
  try {
    const model = buildModel(spec, seed);
    let artifacts!: tf.io.ModelArtifacts;
    await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    // An administrator issues one single-use enrollment token per device (`conclave enroll`).
    const { tokens } = await server.coordinator.issueEnrollmentTokens(shards.length);
    const identities = shards.map(() => createIdentity());
    await authority.certify(server.coordinator.trust, identities.map((id) => id.publicKey));
    for (const [i, shard] of shards.entries()) {
      const client = createClient({
        url: server.deviceUrl,
        trainer,
        enrollmentToken: tokens[i]!,
        identity: identities[i]!,
        approverKeys: [approver.publicKey],
        authorityKeys: [authority.publicKey],
        // The SDK's default minimum is 10 certified peers; a demo run with a smaller cohort
        // (--cohort) says explicitly that its devices accept its own cohort minimum.
        minCertifiedPeers: Math.min(10, Math.max(1, Math.ceil(cohortGoal * 0.6) - 1)),
      });
      // Each simulated employee opts in to the mail stream; their mail is scrubbed of PII on
      // record, like the centralized baseline's copy below.
      await client.consent.grant('mail');
      for (const mail of [...shard.train, ...shard.eval]) await client.record('mail', { text: mail.text, label: mail.label });
      devices.push(client);
    }
    // Devices enroll as they connect; with DP the sampling rate refers to the enrolled population.
    await Promise.all(devices.map((d) => new Promise<void>((resolve) => {
      const off = d.on('connected', () => (off(), resolve()));
      void d.start();
    })));
    const taskId = await server.coordinator.createTask({
      name: 'email triage',
      purpose: 'Learn which incoming mail is spam so the inbox can sort it for you. Only model updates leave your device, never your mail.',
      stream: 'mail',
      model: {
        modelTopology: artifacts.modelTopology,
        weightSpecs: artifacts.weightSpecs,
        weightsBase64: Buffer.from(artifacts.weightData as ArrayBuffer).toString('base64'),
      },
      features: spec,
      loss: 'binaryCrossentropy',
      training: { localEpochs: DEFAULTS.localEpochs, batchSize: DEFAULTS.batchSize, clientLearningRate: DEFAULTS.clientLr, proxMu: DEFAULTS.proxMu },
      // Under DP, FedAvgM: momentum averages the noise of successive rounds; an adaptive server
      // optimizer would rescale the noise in every quiet coordinate to a full step.
      serverOptimizer: epsilon !== undefined ? { kind: 'fedavgm', learningRate: serverLr, momentum: DP_DEFAULTS.momentum } : taskServerOptimizer(),
      // Distributed DP sizes each device's noise share for the minimum: a minimum near the
      // expected Poisson cohort wastes less noise (rounds that sample fewer are retried).
      cohort: { goal: cohortGoal, minimum: Math.max(1, Math.ceil(cohortGoal * (epsilon !== undefined && dpMode === 'distributed' ? 0.8 : 0.6))), overSelection: 1.3 },
      rounds,
      // With DP, selection is Poisson sampling of the devices checked in when the window closes.
      timeouts: { selectionMs: epsilon !== undefined ? 1_500 : 30_000, roundMs: 120_000 },
      // Under DP a device's evaluation counts at most 2 held-out e-mails (about what each holds):
      // the evaluation's noise, in e-mails, scales with it.
      evaluation: { evalFraction: DEFAULTS.clientEvalFraction, finalRound: true, ...(epsilon !== undefined ? { maxExamplesPerDevice: 2 } : {}) },
      ...(epsilon !== undefined
        ? { privacy: { mode: dpMode, targetEpsilon: epsilon, delta, ...(adaptiveClip ? { adaptive: { initialClipNorm: clipNorm } } : { clipNorm }) } }
        : {}),
    });

    // Each employee's device: its own SDK client, holding only its own mailbox.
    say(`coordinator ${server.url}, task ${taskId}: ${rounds} rounds, ${cohortGoal} of ${clients} employees per round, secure aggregation on`);
    const dp = (await server.coordinator.taskStatus(taskId)).privacy;
    if (dp) {
      say(
        `differential privacy (${dp.mode}): target ε ${dp.targetEpsilon} at δ ${dp.delta.toExponential(2)}, Poisson sampling q = ${dp.samplingRate}, ` +
          `noise multiplier ${dp.noiseMultiplier.toFixed(3)}, ${dp.adaptiveClipping ? 'adaptive clip norm from' : 'clip norm'} ${dp.clipNorm}`,
      );
      if (dp.deviceNoiseStddev !== undefined) {
        say(`  noise added on each device: σ ${dp.deviceNoiseStddev.toPrecision(3)} (the coordinator adds none); modular wrap-around per round ≤ ${dp.wrapProbabilityBound!.toExponential(1)}`);
      }
    }
    say('');

    const evalModel = buildModel(spec, seed);
    const finished = new Promise<void>((resolve) => {
      // The task may also stop between rounds (e.g. its privacy budget is spent).
      const poll = setInterval(async () => {
        const { status } = await server.coordinator.taskStatus(taskId);
        // Awaiting approval: the demo's approver signs it within moments of its creation.
        if (status !== 'running' && status !== 'awaiting-approval') {
          clearInterval(poll);
          resolve();
        }
      }, 200);
      roundEnds.push(async (round, outcome) => {
        const status = await server.coordinator.taskStatus(taskId);
        if (outcome === 'aborted') say(`round ${round} aborted: ${status.lastAbortReason}`);
        if (outcome === 'committed' && status.lastMetrics?.kind === 'train') {
          setFlatWeights(evalModel, (await server.coordinator.latestModel(taskId)).weights);
          const m = status.lastMetrics;
          const testAccuracy = evaluateModel(evalModel, testSet).accuracy;
          // Under secure aggregation the coordinator knows sums only: devices, examples, the model and
          // (without DP) the devices' mean loss; under DP no loss leaves a device.
          say(
            `round ${String(round).padStart(3)}/${rounds}  clients ${String(m.participants).padStart(3)}  examples ${String(m.examples).padStart(5)}  ` +
              (m.trainLoss != null ? `loss ${fmt(m.trainLoss)}  ` : '') +
              `test acc ${fmt(testAccuracy, 3)}  ` +
              (m.epsilonSpent != null ? `ε ${m.epsilonSpent.toFixed(3)}  ` : '') +
              (m.nextClipNorm != null ? `clip ${m.clipNorm!.toPrecision(3)}  ` : '') +
              (m.outOfRangeCoordinates ? `wrapped? ${m.outOfRangeCoordinates} coords  ` : '') +
              `elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        }
      });
    });
    await finished;
    const final = await server.coordinator.taskStatus(taskId);
    const budgetSpent = final.status === 'stopped' && final.statusReason.startsWith('privacy budget spent');
    if (final.status !== 'completed' && !budgetSpent) throw new Error(`task ended ${final.status}: ${final.statusReason}`);
    setFlatWeights(evalModel, (await server.coordinator.latestModel(taskId)).weights);
    const federated = evaluateModel(evalModel, testSet);
    const federatedMs = performance.now() - started;
    const passes = equivalentEpochs({ rounds, localEpochs: DEFAULTS.localEpochs, cohortGoal, clients });
    // (cohortGoal of clients, each making localEpochs passes over its mail, per round.)
    say(`\ncentralized baseline: same model, ${passes.toFixed(1)} epochs over the pooled mail (the same passes over the data)…`);
    // Exactly the mail the devices trained on: each device holds out the examples the SDK's
    // deterministic split assigns to evaluation (ids are assigned in recording order).
    const pooled = shards.flatMap(trainingMail);
    const central = trainCentralized({
      train: pooled,
      test: testSet,
      spec,
      epochs: passes,
      batchSize: DEFAULTS.batchSize,
      lr: DEFAULTS.clientLr,
      seed,
    });
    const committed = (await server.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed' && r.kind === 'train');
    // Distributed DP: coordinates of any round's sum beyond the planned range (wrap-around).
    const outOfRange = committed.reduce((n, r) => n + (r.metrics?.outOfRangeCoordinates ?? 0), 0);
    const report = {
      federatedAccuracy: round4(federated.accuracy),
      centralizedAccuracy: round4(central.accuracy),
      gapPoints: round4((central.accuracy - federated.accuracy) * 100),
      federatedLoss: round4(federated.loss),
      centralizedLoss: round4(central.loss),
      deviceEvalAccuracy: final.lastMetrics?.evalAccuracy ?? null,
      ...(final.privacy
        ? {
            epsilon: round4(final.privacy.epsilonSpent),
            // ε against the coordinator (no amplification, the rounds one device can join) and for
            // whoever sees only the released model (amplified); equal in central mode.
            epsilonAgainstCoordinator: round4(final.privacy.epsilonAgainstCoordinator),
            epsilonForReleasedModel: round4(final.privacy.epsilonForReleasedModel),
            participationLimit: final.privacy.participationLimit,
            targetEpsilon: final.privacy.targetEpsilon,
            delta: final.privacy.delta,
            noiseMultiplier: round4(final.privacy.noiseMultiplier),
            dpMode,
          }
        : {}),
      ...(final.privacy?.mode === 'distributed' ? { outOfRangeCoordinates: outOfRange } : {}),
      ...(final.privacy?.adaptiveClipping ? { finalClipNorm: final.privacy.clipNorm } : {}),
      rounds,
      clients,
      cohortGoal,
      seed,
      testExamples: test.length,
      backend,
      federatedMs: Math.round(federatedMs),
      elapsedMs: Math.round(performance.now() - started),
    };
    if (json) {
      process.stdout.write(JSON.stringify(report) + '\n');
    } else {
      say(
        [
          '',
          `federated accuracy    ${(report.federatedAccuracy * 100).toFixed(2)} %  (test set of ${test.length} e-mails)`,
          `centralized baseline  ${(report.centralizedAccuracy * 100).toFixed(2)} %  (gap ${report.gapPoints.toFixed(2)} points)`,
          `rounds ${rounds}, employees ${clients}, ${cohortGoal} per round, elapsed ${(report.elapsedMs / 1000).toFixed(1)} s`,
          ...(final.privacy
            ? [
                `privacy spent ε = ${final.privacy.epsilonSpent.toFixed(3)} of ${final.privacy.targetEpsilon} at δ = ${final.privacy.delta.toExponential(2)} (${final.privacy.mode})`,
                `  ε against the coordinator ${final.privacy.epsilonAgainstCoordinator.toFixed(3)} (at most ${final.privacy.participationLimit} rounds per device, no amplification), ` +
                  `ε for the released model ${final.privacy.epsilonForReleasedModel.toFixed(3)}`,
              ]
            : []),
          ...(final.privacy?.mode === 'distributed'
            ? [`modular wrap-around: ${outOfRange} coordinate${outOfRange === 1 ? '' : 's'} of ${committed.length} round sums left the planned range`]
            : []),
          `No e-mail left any simulated device: the coordinator only received model updates.`,
        ].join('\n'),
      );
    }
  } finally {
    await Promise.all(devices.map((d) => d.stop()));
    await trainer.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Sets a model's weights from the flat float32 vector the coordinator keeps. */
function setFlatWeights(model: tf.LayersModel, flat: Float32Array): void {
  let offset = 0;
  const tensors = model.getWeights().map((w) => {
    const n = w.size;
    const t = tf.tensor(flat.subarray(offset, offset + n), w.shape);
    offset += n;
    return t;
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}

function fmt(x: number | null | undefined, digits = 4): string {
  return x == null ? '—'.padEnd(digits + 2) : x.toFixed(digits);
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`demo failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
