/**
 * Selection (Bonawitz et al. 2019, "Towards Federated Learning at Scale", §2.2): from the
 * devices checked in and eligible for the task's stream, pick this round's cohort, or wait for
 * more, or give up with a reason. Pure: the pool and the random source come in, a decision
 * goes out; the caller sends the messages.
 *
 * Without DP the cohort is a uniform random subset of ⌈goal × overSelection⌉ devices, chosen
 * as soon as that many are in the pool, or at the deadline if at least the minimum are. With
 * DP every eligible device joins independently at the accounted sampling rate (Poisson
 * sampling, McMahan et al. 2018, Alg. 1), once, at the deadline, after the selection window
 * has gathered the pool: the accountant's amplification by sampling assumes exactly that.
 *
 * A device identity counts once, whatever sessions it holds: the coordinator keeps one session
 * per identity, and selection drops any second candidate of an identity all the same, so one
 * device can never take two places in a cohort (or two rows of the round's participation).
 */
import { plural, seconds } from '../format.ts';
import { randomBelow, randomWords, type RandomSource } from '../random.ts';

export interface CohortSettings {
  /** Reports wanted. */
  goal: number;
  /** Fewest reports a round commits with. */
  minimum: number;
  /** Selected devices per wanted report. */
  overSelection: number;
}

/** How this round's cohort is drawn. */
export type Sampling =
  | { kind: 'uniform' }
  | {
      kind: 'poisson';
      samplingRate: number;
      /** Distributed DP: the encoding's headroom; a larger sample would risk a wrapping sum. */
      maxCohort?: number;
    };

export interface SelectionInput<T> {
  /** Devices that could join now. */
  candidates: readonly T[];
  /** The device identity of a candidate: each identity is picked at most once. */
  identityOf: (candidate: T) => string;
  cohort: CohortSettings;
  sampling: Sampling;
  /** The selection window has closed: decide with whatever pool there is. */
  deadlinePassed: boolean;
  random: RandomSource;
  /** For the reason of a timed-out selection. */
  stream: string;
  selectionMs: number;
}

export type SelectionOutcome<T> =
  | { kind: 'cohort'; members: T[] }
  | { kind: 'wait' }
  | { kind: 'abort'; reason: string };

/** Devices a uniform selection picks: the goal plus the over-selection that absorbs dropouts. */
export function cohortTarget(cohort: CohortSettings): number {
  return Math.ceil(cohort.goal * cohort.overSelection);
}

export function selectCohort<T>(input: SelectionInput<T>): SelectionOutcome<T> {
  const distinct = { ...input, candidates: oncePerIdentity(input.candidates, input.identityOf) };
  return distinct.sampling.kind === 'poisson' ? poisson(distinct, distinct.sampling) : uniform(distinct);
}

/** The first candidate of each identity, in order. */
function oncePerIdentity<T>(candidates: readonly T[], identityOf: (candidate: T) => string): readonly T[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const id = identityOf(c);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function uniform<T>({ candidates, cohort, deadlinePassed, random, stream, selectionMs }: SelectionInput<T>): SelectionOutcome<T> {
  const want = cohortTarget(cohort);
  const n = candidates.length;
  if (n >= want || (deadlinePassed && n >= cohort.minimum)) {
    // A uniformly random cohort: the first `want` places of a Fisher–Yates shuffle.
    const pool = [...candidates];
    for (let i = 0; i < Math.min(want, n); i++) {
      const j = i + randomBelow(random, n - i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return { kind: 'cohort', members: pool.slice(0, want) };
  }
  if (!deadlinePassed) return { kind: 'wait' };
  return {
    kind: 'abort',
    reason: `selection timed out after ${seconds(selectionMs)}: ${plural(n, 'eligible device')} checked in for stream "${stream}", minimum is ${cohort.minimum}`,
  };
}

function poisson<T>(
  { candidates, cohort, deadlinePassed, random }: SelectionInput<T>,
  { samplingRate, maxCohort }: Extract<Sampling, { kind: 'poisson' }>,
): SelectionOutcome<T> {
  if (!deadlinePassed) return { kind: 'wait' };
  // Each device independently with probability q: a uniform word below q·2^32.
  const threshold = samplingRate * 2 ** 32;
  const words = randomWords(random, candidates.length);
  const sampled = candidates.filter((_, i) => words[i]! < threshold);
  if (maxCohort !== undefined && sampled.length > maxCohort) {
    // Never reached at the sizes the plan allows for (twice the population); refused rather
    // than risk a sum that wraps modulo 2^bits.
    return {
      kind: 'abort',
      reason: `Poisson sampling picked ${sampled.length} devices, more than the ${maxCohort} the distributed-DP encoding has headroom for (no privacy spent)`,
    };
  }
  if (sampled.length >= cohort.minimum) return { kind: 'cohort', members: sampled };
  return {
    kind: 'abort',
    reason: `Poisson sampling at rate ${samplingRate.toFixed(4)} picked ${sampled.length} of ${candidates.length} eligible devices, minimum is ${cohort.minimum} (no privacy spent)`,
  };
}
