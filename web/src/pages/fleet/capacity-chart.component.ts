/// <reference types="vite/client" />
// A uPlot chart of a battery's wear: daily capacity of the current battery, the fitted line out to
// where it reaches the replacement limit, the limit, and the error band when the fit is poor. Loaded
// on demand (uPlot stays out of the initial bundle); the canvas is an image named by the forecast
// in words, which the page also prints.
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { getLocale, t } from '../../i18n/i18n.ts';

const DAY = 86_400_000;
const intlLocale = { id: 'id-ID', en: 'en-GB' } as const;

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
export class CapacityChart extends LitElement {
  static override styles = [
    unsafeCSS(uplotCss),
    css`
      :host { display: block; min-height: 240px; }
      .plot { width: 100%; }
      .u-legend { font-size: 0.85rem; }
    `,
  ];

  @property({ attribute: false }) data: CapacityChartData | null = null;
  @property() summary = '';
  /** When the line was fitted (the page's now); the line runs from its first point to the limit. */
  @property({ type: Number }) fittedAt = Date.now();
  @query('.plot') private plotEl!: HTMLDivElement;

  private plot: uPlot | undefined;
  private resize: ResizeObserver | undefined;

  override render() {
    return html`<div class="plot" role="img" aria-label=${this.summary}></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.draw();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: 220 }));
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
    super.disconnectedCallback();
  }

  private width() {
    return Math.max(260, this.clientWidth || 600);
  }

  private draw() {
    this.plot?.destroy();
    this.plot = undefined;
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
    const locale = intlLocale[getLocale()];
    const dayFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
    const values = columns.flat().filter((v): v is number => v !== null);
    const opts: uPlot.Options = {
      width: this.width(),
      height: 220,
      cursor: { drag: { x: false, y: false } },
      scales: { '%': { range: [Math.max(0, Math.floor(Math.min(...values) - 5)), Math.min(110, Math.ceil(Math.max(...values) + 5))] } },
      axes: [
        { values: (_u, splits) => splits.map((s) => dayFmt.format(s * 1000)) },
        { scale: '%', values: (_u, ticks) => ticks.map((v) => `${v} %`) },
      ],
      series: [{ label: t('fleet.chart.time'), value: (_u, v) => (v === null ? '–' : dayFmt.format(v * 1000)) }, ...series],
    };
    this.plot = new uPlot(opts, [xs.map((x) => x / 1000), ...columns] as uPlot.AlignedData, this.plotEl);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-capacity-chart': CapacityChart;
  }
}
