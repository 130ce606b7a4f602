// A uPlot chart of a battery's wear: daily capacity of the current battery, the fitted line out to
// where it reaches the replacement limit, the limit, and the error band when the fit is poor. Loaded
// on demand (uPlot stays out of the initial bundle); the canvas is an image named by the forecast
// in words, which the page also prints.
import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type uPlot from 'uplot';
import { intlLocale, t } from '../../i18n/i18n.ts';
import { UPlotChart } from './uplot-chart.ts';

const DAY = 86_400_000;

/** What the chart needs of a forecast (the API's BatteryForecast, or a work order's details). */
export interface CapacityChartData {
  points: { t: number; capacityPct: number }[];
  thresholdPct: number;
  crossAt: string | null;
  slopePctPerDay: number | null;
  linePctToday: number | null;
  residualPct: number | null;
  poorFit: boolean;
}

@customElement('atensi-capacity-chart')
export class CapacityChart extends UPlotChart {
  @property({ attribute: false }) data: CapacityChartData | null = null;
  /** When the line was fitted (the page's now); the line runs from its first point to the limit. */
  @property({ type: Number }) fittedAt = Date.now();

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.draw();
  }

  private draw() {
    this.clear();
    const d = this.data;
    if (!d || d.points.length === 0) return;
    const times = new Set(d.points.map((p) => p.t));
    const line = d.slopePctPerDay !== null && d.linePctToday !== null;
    if (line) times.add(this.fittedAt);
    if (line && d.crossAt) times.add(Date.parse(d.crossAt));
    const xs = [...times].sort((a, b) => a - b);
    const byT = new Map(d.points.map((p) => [p.t, p.capacityPct]));
    const onLine = (x: number) => d.linePctToday! + d.slopePctPerDay! * ((x - this.fittedAt) / DAY);
    const band = line && d.poorFit && d.residualPct !== null ? 2 * d.residualPct : null;
    const columns: (number | null)[][] = [xs.map((x) => byT.get(x) ?? null), xs.map(() => d.thresholdPct)];
    const series: uPlot.Series[] = [
      { label: t('fleet.forecast.chart.capacity'), scale: '%', stroke: '#0a6463', width: 0, points: { show: true, size: 5, fill: '#0a6463' } },
      { label: t('fleet.forecast.chart.limit'), scale: '%', stroke: '#a8231b', width: 2, dash: [6, 4] },
    ];
    if (line) {
      columns.push(xs.map(onLine));
      series.push({ label: t('fleet.forecast.chart.line'), scale: '%', stroke: '#45575e', width: 2 });
    }
    if (band !== null) {
      columns.push(xs.map((x) => onLine(x) - band), xs.map((x) => onLine(x) + band));
      series.push(
        { label: t('fleet.forecast.chart.bandLow'), scale: '%', stroke: '#8a3300', width: 1, dash: [3, 3] },
        { label: t('fleet.forecast.chart.bandHigh'), scale: '%', stroke: '#8a3300', width: 1, dash: [3, 3] },
      );
    }
    const dayFmt = new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
    const values = columns.flat().filter((v): v is number => v !== null);
    this.plotWith({
      scales: { '%': { range: [Math.max(0, Math.floor(Math.min(...values) - 5)), Math.min(110, Math.ceil(Math.max(...values) + 5))] } },
      axes: [
        { values: (_u, splits) => splits.map((s) => dayFmt.format(s * 1000)) },
        { scale: '%', values: (_u, ticks) => ticks.map((v) => `${v} %`) },
      ],
      series: [{ label: t('fleet.chart.time'), value: (_u, v) => (v === null ? '–' : dayFmt.format(v * 1000)) }, ...series],
    }, [xs.map((x) => x / 1000), ...columns] as uPlot.AlignedData);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-capacity-chart': CapacityChart;
  }
}
