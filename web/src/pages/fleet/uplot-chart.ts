// What every uPlot chart element shares: uPlot's styles, a canvas named by a text summary (the page
// also prints the numbers), redrawing on resize, and releasing the plot when it leaves the page.
/// <reference types="vite/client" />
import { LitElement, css, html, unsafeCSS } from 'lit';
import { property, query } from 'lit/decorators.js';
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';

export const CHART_HEIGHT = 220;


/** Month and weekday names in `locale` for uPlot's date templates. */
export function dateNames(locale: string): uPlot.DateNames {
  const month = (style: 'long' | 'short') => Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(Date.UTC(2024, m, 1)));
  // 2024-01-07 was a Sunday; uPlot counts weekdays from Sunday.
  const day = (style: 'long' | 'short') => Array.from({ length: 7 }, (_, d) => new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2024, 0, 7 + d)));
  return { MMMM: month('long'), MMM: month('short'), WWWW: day('long'), WWW: day('short') };
}

/**
 * @property summary - the sentence that describes the chart, used as the image's accessible name
 */
export abstract class UPlotChart extends LitElement {
  static override styles = [
    unsafeCSS(uplotCss),
    css`
      :host { display: block; min-height: 240px; }
      .plot { width: 100%; }
      .u-legend { font-size: 0.85rem; }
    `,
  ];

  @property() summary = '';
  @query('.plot') private plotEl!: HTMLDivElement;

  private plot: uPlot | undefined;
  private resize: ResizeObserver | undefined;

  override render() {
    return html`<div class="plot" role="img" aria-label=${this.summary}></div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: CHART_HEIGHT }));
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.clear();
    super.disconnectedCallback();
  }

  protected width() {
    return Math.max(260, this.clientWidth || 600);
  }

  /** Replaces the drawing (the previous plot is released first). */
  protected plotWith(opts: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData) {
    this.clear();
    this.plot = new uPlot({ width: this.width(), height: CHART_HEIGHT, cursor: { drag: { x: false, y: false } }, ...opts }, data, this.plotEl);
  }

  protected clear() {
    this.plot?.destroy();
    this.plot = undefined;
  }
}
