/**
 * Non-IID split of the training e-mails across simulated employees, following Hsu, Qi & Brown,
 * "Measuring the Effects of Non-Identical Data Distribution for Federated Visual
 * Classification" (2019), §3: client k's label proportions are q_k ~ Dir(α·p), p the corpus's
 * label distribution. α → ∞ gives every client the corpus mix; α → 0 gives each client one
 * label. Mailbox sizes also differ (log-normal weights), so FedAvg's weighting by example
 * count matters as it would in an office.
 *
 * The per-client targets n_k·q_k are then fitted to the real class totals by iterative
 * proportional fitting (Deming & Stephan 1940) — column sums must equal the e-mails available —
 * and rounded by largest remainder, so every e-mail lands on exactly one client.
 */
import type { Email } from './corpus.ts';
import { deriveSeed, dirichlet, mulberry32, normal, shuffled } from './random.ts';

export interface DirichletPartitionOptions {
  /** Number of employees. */
  clients: number;
  /** Dirichlet concentration α of each client's label mix (smaller = more skewed). */
  alpha: number;
  seed: number;
  /** Every client receives at least this many e-mails in total (train + eval). @default 8 */
  minPerClient?: number;
  /** Fraction of each client's e-mails kept back for federated evaluation. @default 0.2 */
  evalFraction?: number;
  /** σ of the log-normal mailbox-size weights; 0 gives equal sizes. @default 0.5 */
  sizeSigma?: number;
}

/** One employee's mailbox: what it trains on and what it reports evaluation metrics on. */
export interface ClientShard {
  train: Email[];
  eval: Email[];
}

const DEFAULT_MIN_PER_CLIENT = 8;
const DEFAULT_EVAL_FRACTION = 0.2;
const DEFAULT_SIZE_SIGMA = 0.5;
/** IPF converges geometrically here; this many sweeps leaves sub-e-mail residuals. */
const IPF_SWEEPS = 100;
const LABELS = [0, 1] as const;

/** Splits `emails` across `clients` mailboxes with Dirichlet label skew (see module comment). */
export function dirichletPartition(emails: readonly Email[], options: DirichletPartitionOptions): ClientShard[] {
  const { clients, alpha, seed } = options;
  const minPerClient = options.minPerClient ?? DEFAULT_MIN_PER_CLIENT;
  const evalFraction = options.evalFraction ?? DEFAULT_EVAL_FRACTION;
  const sizeSigma = options.sizeSigma ?? DEFAULT_SIZE_SIGMA;
  if (!Number.isInteger(clients) || clients < 1) throw new RangeError(`clients is ${clients}, expected a positive integer`);
  if (!(alpha > 0)) throw new RangeError(`alpha is ${alpha}, expected a positive number`);
  if (!Number.isInteger(minPerClient) || minPerClient < 1) throw new RangeError(`minPerClient is ${minPerClient}, expected a positive integer`);
  if (!(evalFraction >= 0 && evalFraction < 1)) throw new RangeError(`evalFraction is ${evalFraction}, expected a number in [0, 1)`);
  if (!(sizeSigma >= 0)) throw new RangeError(`sizeSigma is ${sizeSigma}, expected a number >= 0`);
  if (emails.length < clients * minPerClient) {
    throw new RangeError(`${emails.length} e-mails cannot give ${clients} clients ${minPerClient} each`);
  }

  const rng = mulberry32(deriveSeed(seed, 0x9a27));
  const pools = LABELS.map((label) => shuffled(emails.filter((e) => e.label === label), rng));
  const classTotals = pools.map((p) => p.length);
  const total = emails.length;
  const prior = classTotals.map((n) => n / total);

  // Target mailbox sizes and label mixes.
  const sizeWeights = Array.from({ length: clients }, () => Math.exp(sizeSigma * normal(rng)));
  const weightSum = sizeWeights.reduce((s, w) => s + w, 0);
  const rowTargets = sizeWeights.map((w) => (total * w) / weightSum);
  const mixes = Array.from({ length: clients }, () => dirichlet(prior.map((p) => alpha * p), rng));
  const counts = fitToTotals(
    mixes.map((q, k) => q.map((qc) => rowTargets[k]! * qc)),
    rowTargets,
    classTotals,
  );
  const rounded = roundColumns(counts, classTotals);
  ensureMinimum(rounded, minPerClient, mixes);

  const cursors = LABELS.map(() => 0);
  return rounded.map((row, k) => {
    const mine: Email[] = [];
    for (const c of LABELS) {
      mine.push(...pools[c]!.slice(cursors[c], cursors[c]! + row[c]!));
      cursors[c]! += row[c]!;
    }
    return carveEval(mine, evalFraction, mulberry32(deriveSeed(seed, 0xe7a1, k)));
  });
}

/** Iterative proportional fitting of a non-negative matrix to row and column totals. */
function fitToTotals(matrix: number[][], rowTotals: readonly number[], columnTotals: readonly number[]): number[][] {
  const m = matrix.map((row) => row.map((x) => Math.max(x, 1e-12)));
  for (let sweep = 0; sweep < IPF_SWEEPS; sweep++) {
    for (let c = 0; c < columnTotals.length; c++) {
      const sum = m.reduce((s, row) => s + row[c]!, 0);
      for (const row of m) row[c]! *= columnTotals[c]! / sum;
    }
    m.forEach((row, k) => {
      const sum = row.reduce((s, x) => s + x, 0);
      for (let c = 0; c < row.length; c++) row[c]! *= rowTotals[k]! / sum;
    });
  }
  return m;
}

/** Largest-remainder rounding of each column so it sums exactly to its total. */
function roundColumns(matrix: readonly number[][], columnTotals: readonly number[]): number[][] {
  const out = matrix.map((row) => row.map((x) => Math.floor(x)));
  columnTotals.forEach((columnTotal, c) => {
    let missing = columnTotal - out.reduce((s, row) => s + row[c]!, 0);
    const order = matrix.map((row, k) => ({ k, frac: row[c]! - Math.floor(row[c]!) })).sort((a, b) => b.frac - a.frac || a.k - b.k);
    for (let i = 0; missing > 0; i = (i + 1) % order.length, missing--) out[order[i]!.k]![c]! += 1;
  });
  return out;
}

/**
 * Moves e-mails from the largest mailboxes to any below `min`, taking the label the receiving
 * client's mix favours so the skew survives.
 */
function ensureMinimum(counts: number[][], min: number, mixes: readonly number[][]): void {
  const size = (k: number) => counts[k]!.reduce((s, x) => s + x, 0);
  for (let k = 0; k < counts.length; k++) {
    while (size(k) < min) {
      const mix = mixes[k]!;
      const preferred = (mix[1] ?? 0) > (mix[0] ?? 0) ? 1 : 0;
      let donor = -1;
      for (const c of [preferred, 1 - preferred]) {
        for (let j = 0; j < counts.length; j++) {
          if (j === k || counts[j]![c]! === 0 || size(j) <= min) continue;
          if (donor < 0 || size(j) > size(donor)) donor = j;
        }
        if (donor >= 0) {
          counts[donor]![c]! -= 1;
          counts[k]![c]! += 1;
          break;
        }
      }
      if (donor < 0) throw new Error(`cannot give client ${k} the minimum of ${min} e-mails`);
    }
  }
}

/** Stratified per-client hold-out; the client always keeps at least one training e-mail. */
function carveEval(mine: readonly Email[], evalFraction: number, rng: () => number): ClientShard {
  const train: Email[] = [];
  const evalSet: Email[] = [];
  for (const label of LABELS) {
    const ofLabel = shuffled(
      mine.filter((e) => e.label === label),
      rng,
    );
    const nEval = Math.round(ofLabel.length * evalFraction);
    evalSet.push(...ofLabel.slice(0, nEval));
    train.push(...ofLabel.slice(nEval));
  }
  if (train.length === 0 && evalSet.length > 0) train.push(evalSet.pop()!);
  return { train: shuffled(train, rng), eval: shuffled(evalSet, rng) };
}

/** Fraction of spam (label 1) in `emails`; NaN when empty. */
export function spamFraction(emails: readonly Email[]): number {
  return emails.reduce((s, e) => s + e.label, 0) / emails.length;
}

/** Summary of a partition for logs: mailbox sizes and per-client spam fractions. */
export function describePartition(shards: readonly ClientShard[]): {
  sizes: { min: number; median: number; max: number };
  spamFraction: { min: number; median: number; max: number };
} {
  const stats = (xs: number[]) => {
    const s = xs.slice().sort((a, b) => a - b);
    return { min: s[0] ?? NaN, median: s[Math.floor(s.length / 2)] ?? NaN, max: s[s.length - 1] ?? NaN };
  };
  return {
    sizes: stats(shards.map((s) => s.train.length + s.eval.length)),
    spamFraction: stats(shards.map((s) => spamFraction([...s.train, ...s.eval]))),
  };
}
