import type { RoundMetrics, RoundRow } from '../store/store.ts';

/** One round as the admin API and the dashboard show it. */
export interface RoundView {
  round: number;
  kind: RoundRow['kind'];
  status: RoundRow['status'];
  reason: string;
  modelVersionIn: number;
  modelVersionOut: number | null;
  startedAt: number;
  endedAt: number;
  metrics:
    | (RoundMetrics & {
        /** Devices selected that did not end up in the aggregate (dropouts, refusals, late). */
        dropped: number;
        /**
         * The model version the evaluation figures measure. Devices evaluate the model they
         * download before they train on it, so for a training round these are the figures of
         * the model coming INTO the round (`modelVersionIn`), not of the one it produced; the
         * training loss is measured on that same incoming model.
         */
        evalModelVersion: number;
      })
    | null;
}

export function roundView(row: RoundRow): RoundView {
  const m = row.metrics;
  return {
    round: row.round,
    kind: row.kind,
    status: row.status,
    reason: row.reason,
    modelVersionIn: row.modelVersionIn,
    modelVersionOut: row.modelVersionOut,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    metrics: m ? { ...m, dropped: Math.max(0, m.selected - m.participants), evalModelVersion: row.modelVersionIn } : null,
  };
}
