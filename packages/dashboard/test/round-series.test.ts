import { describe, expect, it } from 'vitest';
import type { RoundView } from '../src/app/api-types.ts';
import { dropPhases, roundPlots } from '../src/app/round-series.ts';

const round = (r: Partial<RoundView> & Pick<RoundView, 'round'>): RoundView => ({
  kind: 'train',
  status: 'committed',
  reason: '',
  modelVersionIn: r.round - 1,
  modelVersionOut: r.round,
  startedAt: 0,
  endedAt: 0,
  metrics: null,
  ...r,
});

const rounds: RoundView[] = [
  round({ round: 1, metrics: { selected: 4, participants: 3, trainLoss: 0.69, evalLoss: 0.7, evalAccuracy: 0.5, evalModelVersion: 0, epsilonSpent: 1.2, clipNorm: 1, droppedByPhase: { training: 1 } } }),
  round({ round: 2, status: 'aborted', reason: 'too few reports', modelVersionOut: null, metrics: null }),
  round({ round: 2, metrics: { selected: 4, participants: 2, trainLoss: 0.5, evalLoss: null, evalAccuracy: null, evalModelVersion: 1, epsilonSpent: 1.9, clipNorm: 0.8, droppedByPhase: { 'masked-input': 1, selection: 1 } } }),
  round({ round: 3, kind: 'evaluate', modelVersionIn: 2, modelVersionOut: null, metrics: { selected: 3, participants: 3, trainLoss: null, evalLoss: 0.4, evalAccuracy: 0.9, evalModelVersion: 2, epsilonSpent: 2.3 } }),
];

describe('roundPlots', () => {
  it('plots exactly the API figures, one x per round attempt, labelled with round numbers', () => {
    const plots = Object.fromEntries(roundPlots(rounds, { privacy: { mode: 'central', targetEpsilon: 5, delta: 1e-5, epsilonSpent: 2.3, epsilonForReleasedModel: 2.3 } }).map((p) => [p.id, p]));
    expect(plots.loss!.x).toEqual([1, 2, 3, 4]);
    expect(plots.loss!.roundNumbers).toEqual([1, 2, 2, 3]);
    expect(plots.loss!.series.map((s) => [s.label, s.values])).toEqual([
      ['training loss', [0.69, null, 0.5, null]],
      ['evaluation loss', [0.7, null, null, 0.4]],
    ]);
    expect(plots.loss!.series[1]!.modelVersions).toEqual([0, null, 1, 2]);
    expect(plots.accuracy!.series[0]!.values).toEqual([0.5, null, null, 0.9]);
    expect(plots.devices!.series.map((s) => [s.label, s.values])).toEqual([
      ['selected', [4, null, 4, 3]],
      ['reported', [3, null, 2, 3]],
      ['dropped in selection', [0, null, 1, null]],
      ['dropped in training', [1, null, 0, null]],
      ['dropped in masked-input', [0, null, 1, null]],
    ]);
    expect(plots.privacy!.series.map((s) => [s.label, s.values])).toEqual([
      ['ε against the coordinator', [1.2, null, 1.9, 2.3]],
      ['ε for the released model', [null, null, null, null]],
      ['budget', [5, 5, 5, 5]],
    ]);
    expect(plots.clipNorm!.series[0]!.values).toEqual([1, null, 0.8, null]);
    expect(Object.values(plots).filter((p) => p.emptyReason)).toEqual([]);
  });

  it('shows the dropped total of rounds that recorded no phase breakdown', () => {
    const mixed = [
      round({ round: 1, metrics: { selected: 4, participants: 3, dropped: 1 } }),
      round({ round: 2, metrics: { selected: 4, participants: 2, dropped: 2, droppedByPhase: { training: 2 } } }),
    ];
    expect(roundPlots(mixed, { privacy: null })[2]!.series.map((s) => [s.label, s.values])).toEqual([
      ['selected', [4, 4]],
      ['reported', [3, 2]],
      ['dropped in training', [null, 2]],
      ['dropped (phase not recorded)', [1, null]],
    ]);
    expect(roundPlots([mixed[0]!], { privacy: null })[2]!.series.map((s) => s.label)).toEqual(['selected', 'reported', 'dropped']);
  });

  it('says why a plot is empty instead of drawing nothing', () => {
    const plain = [round({ round: 1, metrics: { selected: 3, participants: 3, trainLoss: 0.6, evalModelVersion: 0 } })];
    const plots = Object.fromEntries(roundPlots(plain, { privacy: null }).map((p) => [p.id, p]));
    expect(plots.privacy!.emptyReason).toMatch(/no differential privacy/);
    expect(plots.clipNorm!.emptyReason).toMatch(/no clip norm/i);
    expect(plots.loss!.emptyReason).toBeUndefined();
    expect(plots.accuracy!.emptyReason).toBe('No figures recorded yet.');
    expect(roundPlots([], { privacy: null })[0]!.emptyReason).toBe('No round has ended yet.');
  });

  it('orders drop phases as a round runs them, unknown ones after', () => {
    expect(dropPhases([round({ round: 1, metrics: { droppedByPhase: { unmask: 1, 'some-new-phase': 2, selection: 0 } } })])).toEqual(['selection', 'unmask', 'some-new-phase']);
  });
});
