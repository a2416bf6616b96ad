/**
 * Draws a task's plots with uPlot. Each plot is a `<figure>` with a caption saying what it shows
 * and a text summary of its latest values for screen readers; the full figures are also in the
 * round table under the plots. The live uPlot instances are exposed on
 * `window.__conclaveDashboard.plots` so a test can read exactly what is drawn.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { figure, h, replace } from './dom.ts';
import type { PlotData, PlotId } from './round-series.ts';

export interface DashboardHandle {
  /** The uPlot instance of each plot on the page now, by plot id. */
  plots: Partial<Record<PlotId, uPlot>>;
}

declare global {
  interface Window {
    __conclaveDashboard?: DashboardHandle;
  }
}

const PLOT_HEIGHT = 220;

export function dashboardHandle(): DashboardHandle {
  return (window.__conclaveDashboard ??= { plots: {} });
}

/** The last index at or before `from` where series `si` has a value, or -1. */
function lastIndex(p: PlotData, si: number): number {
  const values = p.series[si - 1]?.values ?? [];
  let at = values.length - 1;
  while (at >= 0 && (values[at] === null || values[at] === undefined)) at -= 1;
  return at;
}

/** A value as the legend and the summary show it: for evaluation figures, with the model version measured. */
function pointText(p: PlotData, si: number, idx: number): string {
  const s = p.series[si - 1];
  const v = s?.values[idx];
  if (v === null || v === undefined) return '—';
  const version = s?.modelVersions?.[idx];
  const text = p.id === 'devices' ? String(v) : figure(v);
  return version === undefined || version === null ? text : `${text} (model v${version})`;
}

const roundLabel = (p: PlotData, i: number): string => (p.roundNumbers[i] === undefined ? '' : p.aborted[i] ? `(${p.roundNumbers[i]})` : String(p.roundNumbers[i]));

function yRange(p: PlotData): uPlot.Scale.Range {
  if (p.yRange === 'unit') return [0, 1];
  return (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1];
}

function options(p: PlotData, width: number): uPlot.Options {
  const anyAborted = p.aborted.some(Boolean);
  return {
    width,
    height: PLOT_HEIGHT,
    scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: yRange(p) } },
    cursor: { drag: { x: false, y: false } },
    axes: [
      {
        label: anyAborted ? 'round · (n) = aborted' : 'round',
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        space: 28,
        values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? roundLabel(p, s - 1) : '')),
      },
      { label: p.yLabel, size: 60 },
    ],
    series: [
      {
        label: 'round',
        // Without a cursor on the plot the legend shows each series' latest value.
        value: (_u, v) => (v === null || v === undefined ? 'latest' : `round ${roundLabel(p, v - 1)}${p.aborted[v - 1] ? ' (aborted)' : ''}`),
      },
      ...p.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: s.width ?? 2,
        spanGaps: true,
        points: { show: true, size: (s.width ?? 2) + 4, fill: s.color },
        ...(s.dash ? { dash: s.dash, points: { show: false } } : {}),
        value: (_u: uPlot, _v: number | null, si: number, idx: number | null) => {
          const at = idx ?? lastIndex(p, si);
          return at < 0 ? '—' : pointText(p, si, at);
        },
      })),
    ],
  };
}

function dataOf(p: PlotData): uPlot.AlignedData {
  return [p.x, ...p.series.map((s) => s.values)] as uPlot.AlignedData;
}

/** A screen-reader summary: each series' latest value. */
function summary(p: PlotData): string {
  if (p.emptyReason) return p.emptyReason;
  const parts = p.series.map((s, i) => {
    const at = lastIndex(p, i + 1);
    return at < 0 ? `${s.label}: none yet` : `${s.label} ${pointText(p, i + 1, at)} at round ${p.roundNumbers[at]}`;
  });
  return `${p.title} over ${p.x.length} rounds. Latest: ${parts.join('; ')}.`;
}

/**
 * The plot area of a task page: call `update(plots)` with fresh data as rounds end.
 */
export class PlotBoard {
  readonly element: HTMLElement;
  private readonly figures = new Map<PlotId, { fig: HTMLElement; body: HTMLElement; summary: HTMLElement; plot?: uPlot }>();
  private readonly resize = new ResizeObserver(() => this.fit());

  constructor() {
    this.element = h('div', { class: 'plots' });
    this.resize.observe(this.element);
  }

  update(plots: PlotData[]): void {
    const handle = dashboardHandle();
    for (const p of plots) {
      let f = this.figures.get(p.id);
      if (!f) {
        const titleId = `plot-title-${p.id}`;
        const body = h('div', { class: 'plot-body', 'aria-hidden': 'true' });
        const sum = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
        const fig = h(
          'figure',
          { class: 'plot', 'data-plot': p.id, 'aria-labelledby': titleId },
          h('figcaption', {}, h('h3', { id: titleId }, p.title), h('p', { class: 'muted' }, p.description)),
          body,
          sum,
        );
        f = { fig, body, summary: sum };
        this.figures.set(p.id, f);
        this.element.append(fig);
      }
      f.summary.textContent = summary(p);
      if (p.emptyReason) {
        f.plot?.destroy();
        delete f.plot;
        delete handle.plots[p.id];
        replace(f.body, h('p', { class: 'empty' }, p.emptyReason));
        continue;
      }
      // Rounds end seconds apart: a fresh instance per update keeps the axis and legend
      // formatters (which close over the round numbers) in step with the data.
      f.plot?.destroy();
      f.body.replaceChildren();
      f.plot = new uPlot(options(p, this.widthOf(f.body)), dataOf(p), f.body);
      handle.plots[p.id] = f.plot;
    }
  }

  private widthOf(el: HTMLElement): number {
    return Math.max(260, Math.floor((el.clientWidth || this.element.clientWidth || 600) - 4));
  }

  private fit(): void {
    for (const f of this.figures.values()) if (f.plot) f.plot.setSize({ width: this.widthOf(f.body), height: PLOT_HEIGHT });
  }

  destroy(): void {
    this.resize.disconnect();
    const handle = dashboardHandle();
    for (const [id, f] of this.figures) {
      f.plot?.destroy();
      if (handle.plots[id] === f.plot) delete handle.plots[id];
    }
    this.figures.clear();
  }
}
