/**
 * Both privacy figures, exactly, for the privacy–utility table of BENCHMARKS.md: 1,000 devices,
 * cohorts of 100 (Poisson q = 0.1), 150 training rounds and one final evaluation round,
 * δ = 1000^−1.1, the demo's model (4,097 weights), clip norm 0.1, distributed noise sized for
 * 80 survivors.
 *
 * - The rows measured before issue 11 (noise calibrated on the amplified Zhu–Wang figure, no
 *   participation limit, evaluation in the clear): what they are worth against the coordinator
 *   for a device in 15 rounds (the mean), 23 (the default limit) and 150 (no limit: every round).
 * - The noise multipliers the coordinator now derives: ε against the coordinator at the target
 *   over the participation limit (q·T + 2σ = 23) and the evaluation round, and the released
 *   model's figure at that noise.
 *
 * Run: pnpm --filter @conclave/bench exec tsx --conditions=source privacy-figures.ts [--json]
 */
import {
  CoordinatorAccountant,
  PrivacyAccountant,
  defaultParticipationLimit,
  distributedPrivacyFigures,
  distributedRoundRdp,
  epsilonFor,
  noiseMultiplierFor,
  noiseMultiplierForDistributed,
  planDistributedDp,
} from '@conclave/dp';

const N = 1000;
const goal = 100;
const q = goal / N;
const rounds = 150;
const evaluationRounds = 1;
const delta = N ** -1.1;
const planOptions = { clipNorm: 0.1, dimension: 4097, minClients: 80, maxClients: 2 * N };
const limit = defaultParticipationLimit(q, rounds);

/** Both figures of a distributed task at noise z: `limit` training rounds against the coordinator, every round for the model. */
function distributed(z: number, participationLimit: number) {
  const plan = planDistributedDp({ ...planOptions, noiseMultiplier: z });
  const evalPlan = planDistributedDp({ clipNorm: 1, dimension: 3, minClients: planOptions.minClients, maxClients: planOptions.maxClients, noiseMultiplier: z });
  const train = distributedRoundRdp({ plan, samplingRate: q });
  const evaluation = distributedRoundRdp({ plan: evalPlan, samplingRate: q });
  const coordinator = new CoordinatorAccountant({ participationLimit });
  const released = new PrivacyAccountant();
  for (let r = 0; r < rounds; r++) {
    coordinator.composeRound(train.coordinator);
    released.composeRdp(train.released);
  }
  coordinator.composeRound(evaluation.coordinator, { limited: false });
  released.composeRdp(evaluation.released);
  return distributedPrivacyFigures(released, coordinator, delta);
}

const round3 = (x: number) => Number(x.toFixed(3));
const rows: Record<string, unknown>[] = [];
// Before: the noise of the committed table, 150 rounds, no evaluation noise (it travelled in the clear).
for (const [target, z] of [[8, 1.094], [3, 2.395], [1, 23.93]] as const) {
  const plan = planDistributedDp({ ...planOptions, noiseMultiplier: z });
  const { coordinator, released } = distributedRoundRdp({ plan, samplingRate: q });
  const against = (L: number) => {
    const a = new CoordinatorAccountant({ participationLimit: L });
    for (let r = 0; r < rounds; r++) a.composeRound(coordinator);
    return a.epsilon(delta);
  };
  const model = new PrivacyAccountant();
  model.composeRdp(released, rounds);
  rows.push({
    table: 'before (z calibrated on the amplified Zhu–Wang figure)',
    mode: 'distributed',
    claimedEpsilon: target,
    noiseMultiplier: z,
    epsilonAgainstCoordinatorAt15Rounds: round3(against(15)),
    epsilonAgainstCoordinatorAt23Rounds: round3(against(23)),
    epsilonAgainstCoordinatorAllRounds: round3(against(rounds)),
    epsilonForReleasedModelZeroOut: round3(Math.min(model.epsilon(delta), against(rounds))),
  });
}
for (const [target, z] of [[8, 0.961], [3, 1.714], [1, 3.956]] as const) {
  const e = epsilonFor({ samplingRate: q, noiseMultiplier: z, steps: rounds, delta }).epsilon;
  rows.push({ table: 'before', mode: 'central', claimedEpsilon: target, noiseMultiplier: z, epsilonAgainstCoordinator: round3(e), epsilonForReleasedModel: round3(e) });
}
// Now: what the coordinator derives for the same targets.
for (const target of [8, 3, 1]) {
  const { noiseMultiplier: z } = noiseMultiplierForDistributed({ ...planOptions, samplingRate: 1, steps: limit + evaluationRounds, delta, targetEpsilon: target });
  const f = distributed(z, limit);
  rows.push({ table: 'now', mode: 'distributed', targetEpsilon: target, participationLimit: limit, noiseMultiplier: round3(z), epsilonAgainstCoordinator: round3(f.epsilonAgainstCoordinator), epsilonForReleasedModel: round3(f.epsilonForReleasedModel) });
}
for (const target of [8, 3, 1]) {
  const z = noiseMultiplierFor({ samplingRate: q, steps: rounds + evaluationRounds, delta, targetEpsilon: target });
  const e = epsilonFor({ samplingRate: q, noiseMultiplier: z, steps: rounds + evaluationRounds, delta }).epsilon;
  rows.push({ table: 'now', mode: 'central', targetEpsilon: target, participationLimit: limit, noiseMultiplier: round3(z), epsilonAgainstCoordinator: round3(e), epsilonForReleasedModel: round3(e) });
}

if (process.argv.includes('--json')) console.log(JSON.stringify({ population: N, samplingRate: q, rounds, evaluationRounds, delta, participationLimit: limit, rows }, null, 1));
else console.table(rows);
