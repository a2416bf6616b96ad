/**
 * Choosing the neighbour degree k and the Shamir threshold t from the cohort size n, the
 * tolerated dropout rate δ and the corruption rate γ (Bell et al., CCS 2020, §3.2 and §4.2;
 * the Harary-graph instantiation is the one Google's federated-compute uses).
 *
 * With D = ⌈δn⌉ dropouts and C = ⌈γn⌉ corrupt clients, both sets uniformly random, we take the
 * smallest even k such that a threshold t exists with
 *
 *   (1) connectivity (security): the honest survivors stay connected in the Harary graph.
 *       Disconnecting H(k, n) needs two disjoint runs of k/2 consecutive ring positions that
 *       are all bad (dropped or corrupt); there are ≤ n(n−k−1)/2 such pairs of runs, and a
 *       given set of k positions is all bad with probability B!(n−k)! / ((B−k)! n!), B = D + C.
 *       The union bound must be ≤ 2^−(σ+1). A split graph would reveal partial sums.
 *   (2) privacy of shares (security): no honest client has t or more corrupt neighbours.
 *       Corrupt neighbours ~ Hypergeometric(n−1, C, k); with t₁ the smallest c such that
 *       n · P[X > c] ≤ 2^−(σ+1), any t > t₁ works. Against a malicious server (consistency
 *       check on), the server can collect b_u shares from one set of honest neighbours and
 *       s_u shares from a disjoint set, so it needs t + t > k + (corrupt neighbours) to fail:
 *       t > (k + t₁)/2 (the sparse analogue of Bonawitz 2017's t > 2n/3 for n/3 corrupt).
 *   (3) correctness: every client keeps at least t surviving neighbours. Surviving neighbours
 *       ~ Hypergeometric(n−1, n−1−D, k); with t₂ the largest t such that
 *       n · P[S < t] ≤ η, any t ≤ t₂ works. The union bound over the n clients makes η a bound
 *       on the probability that the round fails at all.
 *
 * We return t = max(2, t₁ + 1) (the smallest secure threshold: the most robust to dropouts and
 * the cheapest to reconstruct). Cohorts of at most `completeGraphUpTo` clients (default 64) use
 * the complete graph (k = n − 1, Bonawitz 2017) when it qualifies: it costs a client at most 63
 * masks and its security does not rest on dropouts and corruptions being random with respect
 * to the graph. Larger cohorts use the smallest qualifying sparse k, falling back to the
 * complete graph if none does. Tail probabilities are exact hypergeometric sums in log space.
 *
 * At n = 1000, γ = 5%, our η = 1e-4 gives 26/16 (δ = 5%) and 64/23 (δ = 33%); with Google's
 * correctness target η = 2^−20 the same rule gives exactly their published 30/17 and 72/24
 * (test/params.test.ts; README.md has the table and the measured success rates).
 */
import { SecAggError } from './errors.ts';

export interface GraphParameterOptions {
  /** n: clients selected for the round (client ids 1 … n). */
  readonly cohortSize: number;
  /** δ: fraction of the cohort that may drop out, at random, at any phase. */
  readonly dropoutRate: number;
  /** γ: fraction of clients that may be corrupt and collude with the server. @default 0.05 */
  readonly corruptionRate?: number;
  /** σ: statistical security parameter in bits. @default 40 */
  readonly securityBits?: number;
  /** η: bound on the probability that a round with δn random dropouts fails. @default 1e-4 */
  readonly maxFailureProbability?: number;
  /** The task asks for protection against a malicious server (consistency check). @default false */
  readonly maliciousServer?: boolean;
  /** Cohorts up to this size use the complete graph when it qualifies. @default 64 */
  readonly completeGraphUpTo?: number;
}

export interface GraphParameters {
  readonly cohortSize: number;
  /** k: neighbours per client; k = n − 1 is the complete graph. */
  readonly degree: number;
  /** t: Shamir threshold. */
  readonly threshold: number;
  readonly complete: boolean;
  /** D = ⌈δn⌉ and C = ⌈γn⌉, the counts the bounds were computed for. */
  readonly dropouts: number;
  readonly corrupt: number;
  /** Union bound on P[round fails] with D random dropouts (criterion 3). */
  readonly failureProbability: number;
  /** log2 of the union bound on the security failure, criteria (1)+(2). */
  readonly securityLog2: number;
}

export const DEFAULT_CORRUPTION_RATE = 0.05;
export const DEFAULT_SECURITY_BITS = 40;
export const DEFAULT_MAX_FAILURE_PROBABILITY = 1e-4;
export const DEFAULT_COMPLETE_GRAPH_UP_TO = 64;

/** Guards against rates like 0.3 · 1000 = 300.00000000000006 rounding up. */
const RATE_EPSILON = 1e-9;

let logFactorials = new Float64Array([0]);

function logFactorial(n: number): number {
  if (n >= logFactorials.length) {
    const next = new Float64Array(Math.max(n + 1, 2 * logFactorials.length));
    next.set(logFactorials);
    for (let i = logFactorials.length; i < next.length; i++) next[i] = (next[i - 1] as number) + Math.log(i);
    logFactorials = next;
  }
  return logFactorials[n] as number;
}

function logChoose(n: number, r: number): number {
  if (r < 0 || r > n) return -Infinity;
  return logFactorial(n) - logFactorial(r) - logFactorial(n - r);
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** log P[X = x] for x = 0 … draws, X ~ Hypergeometric(population, successes, draws). */
export function hypergeometricLogPmf(population: number, successes: number, draws: number): Float64Array {
  const out = new Float64Array(draws + 1).fill(-Infinity);
  const denominator = logChoose(population, draws);
  const lo = Math.max(0, draws - (population - successes));
  const hi = Math.min(draws, successes);
  for (let x = lo; x <= hi; x++) out[x] = logChoose(successes, x) + logChoose(population - successes, draws - x) - denominator;
  return out;
}

/** log P[X ≤ x] for every x (lower tails). */
function logLowerTails(logPmf: Float64Array): Float64Array {
  const out = new Float64Array(logPmf.length);
  let acc = -Infinity;
  for (let x = 0; x < logPmf.length; x++) out[x] = acc = logAddExp(acc, logPmf[x] as number);
  return out;
}

/** log P[X ≥ x] for every x (upper tails). */
function logUpperTails(logPmf: Float64Array): Float64Array {
  const out = new Float64Array(logPmf.length);
  let acc = -Infinity;
  for (let x = logPmf.length - 1; x >= 0; x--) out[x] = acc = logAddExp(acc, logPmf[x] as number);
  return out;
}

/** log of the union bound on the random Harary graph losing connectivity (criterion 1). */
export function logProbabilityDisconnected(n: number, degree: number, bad: number): number {
  if (degree >= n - 1) return -Infinity;
  if (degree > bad) return -Infinity;
  const logPairs = Math.log(n) + Math.log(n - degree - 1) - Math.LN2;
  return logPairs + logFactorial(bad) - logFactorial(bad - degree) + logFactorial(n - degree) - logFactorial(n);
}

function evaluateDegree(
  n: number,
  degree: number,
  dropouts: number,
  corrupt: number,
  logSecurityPerEvent: number,
  logFailure: number,
  malicious: boolean,
): { threshold: number; failure: number; securityLog: number } | undefined {
  const logN = Math.log(n);
  const logDisconnected = logProbabilityDisconnected(n, degree, dropouts + corrupt);
  if (logDisconnected > logSecurityPerEvent) return undefined;

  // (2) t₁: smallest c with n·P[X ≥ c+1] ≤ 2^−(σ+1), X = corrupt neighbours of an honest client.
  const corruptUpper = logUpperTails(hypergeometricLogPmf(n - 1, Math.min(corrupt, n - 1), degree));
  let t1 = 0;
  while (t1 < degree && logN + (corruptUpper[t1 + 1] as number) > logSecurityPerEvent) t1++;
  let threshold = Math.max(2, t1 + 1);
  if (malicious) threshold = Math.max(threshold, Math.floor((degree + t1) / 2) + 1);
  if (threshold > degree) return undefined;

  // (3) correctness at this threshold: n·P[S ≤ t−1] ≤ η, S = surviving neighbours of a survivor.
  const survivorsLower = logLowerTails(hypergeometricLogPmf(n - 1, Math.max(0, n - 1 - dropouts), degree));
  const logFail = logN + (survivorsLower[threshold - 1] as number);
  if (logFail > logFailure) return undefined;

  const securityLog = logAddExp(logDisconnected, logN + (corruptUpper[threshold] ?? -Infinity));
  return { threshold, failure: Math.min(1, Math.exp(logFail)), securityLog };
}

function checkRate(name: string, value: number): void {
  if (!(typeof value === 'number' && value >= 0 && value < 1)) {
    throw new SecAggError('INVALID_CONFIG', `${name} must be in [0, 1), got ${value}`);
  }
}

/** Applies the rule documented at the top of this file. */
export function chooseGraphParameters(options: GraphParameterOptions): GraphParameters {
  const n = options.cohortSize;
  const gamma = options.corruptionRate ?? DEFAULT_CORRUPTION_RATE;
  const sigma = options.securityBits ?? DEFAULT_SECURITY_BITS;
  const eta = options.maxFailureProbability ?? DEFAULT_MAX_FAILURE_PROBABILITY;
  const malicious = options.maliciousServer ?? false;
  if (!Number.isInteger(n) || n < 3) throw new SecAggError('INVALID_CONFIG', `cohort size ${n} must be an integer ≥ 3`);
  checkRate('dropoutRate', options.dropoutRate);
  checkRate('corruptionRate', gamma);
  if (!(sigma > 0)) throw new SecAggError('INVALID_CONFIG', `securityBits must be positive, got ${sigma}`);
  if (!(eta > 0 && eta < 1)) throw new SecAggError('INVALID_CONFIG', `maxFailureProbability must be in (0, 1), got ${eta}`);

  const dropouts = Math.ceil(options.dropoutRate * n - RATE_EPSILON);
  const corrupt = Math.ceil(gamma * n - RATE_EPSILON);
  const logSecurityPerEvent = -(sigma + 1) * Math.LN2;
  const logFailure = Math.log(eta);

  const result = (degree: number, found: { threshold: number; failure: number; securityLog: number }): GraphParameters => ({
    cohortSize: n,
    degree,
    threshold: found.threshold,
    complete: degree === n - 1,
    dropouts,
    corrupt,
    failureProbability: found.failure,
    securityLog2: found.securityLog / Math.LN2,
  });

  const complete = (): GraphParameters | undefined => {
    const found = evaluateDegree(n, n - 1, dropouts, corrupt, logSecurityPerEvent, logFailure, malicious);
    return found === undefined ? undefined : result(n - 1, found);
  };
  if (n <= (options.completeGraphUpTo ?? DEFAULT_COMPLETE_GRAPH_UP_TO)) {
    const chosen = complete();
    if (chosen !== undefined) return chosen;
  }
  for (let degree = 2; degree < n - 1; degree += 2) {
    const found = evaluateDegree(n, degree, dropouts, corrupt, logSecurityPerEvent, logFailure, malicious);
    if (found !== undefined) return result(degree, found);
  }
  const chosen = complete();
  if (chosen !== undefined) return chosen;
  throw new SecAggError(
    'INVALID_CONFIG',
    `no degree/threshold secures a cohort of ${n} with ${dropouts} dropouts (δ=${options.dropoutRate}) and ${corrupt} corrupt ` +
      `clients (γ=${gamma})${malicious ? ' against a malicious server' : ''}: even the complete graph leaves fewer than ` +
      `the ${Math.max(2, corrupt + 1)} survivors a secure threshold needs`,
  );
}
