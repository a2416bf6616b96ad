/**
 * What each plot of a task shows, computed from `GET /api/tasks/:id/rounds` alone (pure: no DOM,
 * no uPlot), so the plotted numbers are the API's numbers and a unit test can say so.
 *
 * The x axis is the sequence of round attempts, oldest first (an aborted round is retried under
 * the same round number, so round numbers repeat); each point is labelled with its round number.
 */
import type { RoundView, TaskView } from './api-types.ts';

export type PlotId = 'loss' | 'accuracy' | 'devices' | 'privacy' | 'clipNorm';

export interface SeriesData {
  label: string;
  values: (number | null)[];
  /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
  color: string;
  /** Dashed line (the ε budget). */
  dash?: number[];
  /** Line width in CSS pixels. @default 2 */
  width?: number;
  /** Per point: the model version the value measures (evaluation figures). */
  modelVersions?: (number | null)[];
}

export interface PlotData {
  id: PlotId;
  title: string;
  /** One sentence under the title: what the figures are. */
  description: string;
  yLabel: string;
  /** 1, 2, … N: the attempt index of each round. */
  x: number[];
  /** The round number of each x. */
  roundNumbers: number[];
  /** Whether each x is an aborted attempt (its round is retried at a later x). */
  aborted: boolean[];
  /** `unit`: the y axis spans 0–1 (accuracy); `from-zero`: 0 to a little above the largest value. */
  yRange: 'unit' | 'from-zero';
  series: SeriesData[];
  /** Why the plot is empty, when it is (e.g. a task without differential privacy). */
  emptyReason?: string;
}

const COLOURS = { blue: '#0072B2', vermillion: '#D55E00', green: '#009E73', purple: '#CC79A7', orange: '#E69F00', sky: '#56B4E9', black: '#000000' };
const DROP_COLOURS = [COLOURS.vermillion, COLOURS.orange, COLOURS.purple, COLOURS.sky, COLOURS.black];

/** The order a round's phases run in; phases the server names beyond these follow in first-seen order. */
const PHASE_ORDER = ['selection', 'configuration', 'training', 'advertise-keys', 'share-keys', 'masked-input', 'consistency-check', 'unmask', 'reporting', 'upload'];

const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Drop phases present in any round, in pipeline order. */
export function dropPhases(rounds: readonly RoundView[]): string[] {
  const seen: string[] = [];
  for (const r of rounds) for (const phase of Object.keys(r.metrics?.droppedByPhase ?? {})) if (!seen.includes(phase)) seen.push(phase);
  const rank = (p: string) => (PHASE_ORDER.includes(p) ? PHASE_ORDER.indexOf(p) : PHASE_ORDER.length + seen.indexOf(p));
  return seen.sort((a, b) => rank(a) - rank(b));
}

/** Every plot of a task's page, from its rounds and (for the ε budget) its status. */
export function roundPlots(rounds: readonly RoundView[], task: Pick<TaskView, 'privacy'>): PlotData[] {
  const x = rounds.map((_, i) => i + 1);
  const roundNumbers = rounds.map((r) => r.round);
  const metric = (pick: (m: NonNullable<RoundView['metrics']>) => number | null | undefined) => rounds.map((r) => (r.metrics ? num(pick(r.metrics)) : null));
  const evalVersions = rounds.map((r) => (r.metrics ? num(r.metrics.evalModelVersion) : null));
  const base = { x, roundNumbers, aborted: rounds.map((r) => r.status === 'aborted'), yRange: 'from-zero' as const };
  const hasAny = (series: SeriesData[]) => series.some((s) => s.values.some((v) => v !== null));

  const loss: PlotData = {
    ...base,
    id: 'loss',
    title: 'Loss',
    description: 'Training loss of each round, and evaluation loss on held-out examples of the model version shown with each point.',
    yLabel: 'loss',
    series: [
      { label: 'training loss', values: metric((m) => m.trainLoss), color: COLOURS.blue },
      { label: 'evaluation loss', values: metric((m) => m.evalLoss), color: COLOURS.vermillion, modelVersions: evalVersions },
    ],
  };
  const accuracy: PlotData = {
    ...base,
    id: 'accuracy',
    title: 'Evaluation accuracy',
    description: 'Accuracy on held-out examples of the model version shown with each point (for a training round, the model coming into it).',
    yLabel: 'accuracy',
    yRange: 'unit',
    series: [{ label: 'evaluation accuracy', values: metric((m) => m.evalAccuracy), color: COLOURS.green, modelVersions: evalVersions }],
  };
  const phases = dropPhases(rounds);
  const unphased = rounds.map((r) => (r.metrics && !r.metrics.droppedByPhase ? num(r.metrics.dropped) : null));
  const devices: PlotData = {
    ...base,
    id: 'devices',
    title: 'Devices per round',
    description: 'Devices selected, devices whose report was counted, and devices dropped (by phase where the round recorded it). Counts only.',
    yLabel: 'devices',
    series: [
      // Wide and under the others: where every selected device reported, both lines stay visible.
      { label: 'selected', values: metric((m) => m.selected), color: COLOURS.sky, width: 6 },
      { label: 'reported', values: metric((m) => m.participants), color: COLOURS.green },
      ...phases.map((phase, i) => ({
        label: `dropped in ${phase}`,
        values: rounds.map((r) => (r.metrics?.droppedByPhase ? (num(r.metrics.droppedByPhase[phase]) ?? 0) : null)),
        color: DROP_COLOURS[i % DROP_COLOURS.length]!,
      })),
      // Rounds that recorded no phase breakdown still say how many devices were lost.
      ...(unphased.some((v) => v !== null) ? [{ label: phases.length > 0 ? 'dropped (phase not recorded)' : 'dropped', values: unphased, color: DROP_COLOURS[phases.length % DROP_COLOURS.length]! }] : []),
    ],
  };
  const budget = task.privacy?.targetEpsilon ?? null;
  const privacySeries: SeriesData[] = [
    { label: 'ε against the coordinator', values: metric((m) => m.epsilonSpent), color: COLOURS.vermillion },
    { label: 'ε for the released model', values: metric((m) => m.epsilonForReleasedModel), color: COLOURS.blue },
  ];
  const privacy: PlotData = {
    ...base,
    id: 'privacy',
    title: 'Privacy spent',
    description: budget === null ? 'ε spent after each round.' : `ε spent after each round, against the task's budget of ε = ${budget} (δ = ${task.privacy!.delta}).`,
    yLabel: 'ε',
    series: budget === null ? privacySeries : [...privacySeries, { label: 'budget', values: x.map(() => budget), color: COLOURS.black, dash: [6, 4] }],
    ...(budget === null && !hasAny(privacySeries) ? { emptyReason: 'This task has no differential privacy: no ε to show.' } : {}),
  };
  const clipSeries: SeriesData[] = [{ label: 'clip norm', values: metric((m) => m.clipNorm), color: COLOURS.purple }];
  const clipNorm: PlotData = {
    ...base,
    id: 'clipNorm',
    title: 'Clip norm',
    description: 'The L2 norm each device clipped its update to in that round.',
    yLabel: 'L2 norm',
    series: clipSeries,
    ...(!hasAny(clipSeries) ? { emptyReason: 'No clip norm recorded: this task clips no updates (no differential privacy).' } : {}),
  };
  for (const p of [loss, accuracy, devices]) if (!hasAny(p.series)) p.emptyReason = rounds.length === 0 ? 'No round has ended yet.' : 'No figures recorded yet.';
  return [loss, accuracy, devices, privacy, clipNorm];
}
