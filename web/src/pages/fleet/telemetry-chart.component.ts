// A uPlot chart of one chair's battery or use. Loaded on demand by the chair page (uPlot stays out
// of the initial bundle). The canvas is an image with a text summary as its name; the page also
// offers the numbers as a table, so nothing is only visible in the drawing.
import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import type { AggregatePoint, RawPoint } from '../../../../schemas/devices.ts';
import { intlLocale, t } from '../../i18n/i18n.ts';
import { latest, timeFormats, timeTickLabels } from './chart-time.ts';
import { formatDecimal } from './fleet-format.ts';
import { dateNames, UPlotChart } from './uplot-chart.ts';

/**
 * @property kind - 'battery' (charge over time) or 'usage' (distance and driving time per bucket)
 * @property points - raw samples (battery) or hourly/daily buckets
 */
@customElement('atensi-telemetry-chart')
export class TelemetryChart extends UPlotChart {
  @property() kind: 'battery' | 'usage' = 'battery';
  @property({ attribute: false }) points: (RawPoint | AggregatePoint)[] = [];

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('points') || changed.has('kind')) this.draw();
  }

  private draw() {
    const xs = this.points.map((p) => p.t / 1000);
    const locale = intlLocale();
    const names = dateNames(locale);
    const common = { fmtDate: (tpl: string) => uPlot.fmtDate(tpl, names) };
    // Time ticks and legend values in the reader's language (chart-time.ts): dates once the chart spans days.
    const f = timeFormats(locale);
    const timeAxis: uPlot.Axis = {
      values: (u, splits, _axis, _space, incr) => timeTickLabels(splits, (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0), incr, f),
    };
    const timeSeries: uPlot.Series = { label: t('fleet.chart.time'), value: (u, v) => this.legendValue(u, v, 0, (x) => f.when.format(x * 1000)) };
    const opts: Omit<uPlot.Options, 'width' | 'height'> =
      this.kind === 'battery'
        ? {
            ...common,
            scales: { '%': { range: [0, 100] } },
            axes: [timeAxis, { scale: '%', values: (_u, ticks) => ticks.map((v) => `${v} %`), size: 56 }],
            series: [timeSeries, ...this.batterySeries()],
          }
        : {
            ...common,
            scales: { km: { range: (_u, _min, max) => [0, Math.max(1, max)] }, min: { range: (_u, _min, max) => [0, Math.max(10, max)] } },
            axes: [timeAxis, { scale: 'km', label: t('fleet.chart.distance') }, { scale: 'min', side: 1, grid: { show: false }, label: t('fleet.chart.driving') }],
            series: [
              timeSeries,
              { label: t('fleet.chart.distance'), scale: 'km', stroke: '#0a6463', fill: 'rgba(10,100,99,0.35)', paths: uPlot.paths.bars!({ size: [0.7, 40] }), value: (u, v) => this.legendValue(u, v, 1, (x) => formatDecimal(x)) },
              { label: t('fleet.chart.driving'), scale: 'min', stroke: '#8a3300', width: 2, value: (u, v) => this.legendValue(u, v, 2, (x) => formatDecimal(Math.round(x))) },
            ],
          };
    this.plotWith(opts, [xs, ...this.columns()] as uPlot.AlignedData);
  }

  /** A legend value: the point under the pointer, else the latest one (uPlot's "--" says nothing); the labels carry the units. */
  private legendValue(u: uPlot, v: number | null, series: number, format: (v: number) => string): string {
    const shown = v ?? latest(u.data[series] ?? []);
    return shown === undefined ? '–' : format(shown);
  }

  private batterySeries(): uPlot.Series[] {
    const pct = (series: number) => (u: uPlot, v: number | null) => this.legendValue(u, v, series, (x) => formatDecimal(Math.round(x)));
    if (this.points[0] && 'socPct' in this.points[0]) return [{ label: t('fleet.chart.soc'), scale: '%', stroke: '#0a6463', width: 2, value: pct(1) }];
    return [
      { label: t('fleet.chart.socMin'), scale: '%', stroke: '#a8231b', width: 1, dash: [4, 4], value: pct(1) },
      { label: t('fleet.chart.socMax'), scale: '%', stroke: '#45575e', width: 1, dash: [4, 4], value: pct(2) },
      { label: t('fleet.chart.socLast'), scale: '%', stroke: '#0a6463', width: 2, value: pct(3) },
    ];
  }

  private columns(): number[][] {
    const ps = this.points;
    if (this.kind === 'battery') {
      if (ps[0] && 'socPct' in ps[0]) return [(ps as RawPoint[]).map((p) => p.socPct)];
      const agg = ps as AggregatePoint[];
      return [agg.map((p) => p.socMin), agg.map((p) => p.socMax), agg.map((p) => p.socLast)];
    }
    const agg = ps as AggregatePoint[];
    return [agg.map((p) => p.distanceM / 1000), agg.map((p) => Math.round(p.motorSeconds / 60))];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-telemetry-chart': TelemetryChart;
  }
}
