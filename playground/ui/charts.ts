import { parseRect } from '../../core/dashboard/a1';
import { ymdFromSerial } from '../../core/args/cells';
import type { ChartSpec } from '../../core/dashboard/plan';
import type { GridOverlayHost } from './grid';

/**
 * The plan's charts drawn over the playground's grid: a line per KPI card's trend, the Attribution
 * comparison as clustered columns. Drawn with Chartist (SVG, about 10 KB gzipped, loaded as its
 * own chunk the first time a sheet with charts is shown; docs/contributing/decisions.md has the
 * comparison). The grid is reached only through its overlay interface (attachCharts).
 */
export interface ChartSurface {
  /** An element inside the grid's scrolling area; charts are absolutely positioned in it. */
  readonly layer: HTMLElement;
  /** Top-left of a 0-based cell in the layer's coordinates. */
  cellOrigin(row: number, col: number): { readonly x: number; readonly y: number };
}

/** Reads a plain A1 range of a sheet as values (numbers, text, null for empty or errors). */
export type RangeReader = (sheet: string, range: string) => unknown[][];

const STYLE_ID = 'kp-chart-style';
const COLOURS = ['#1F4E79', '#C55A11', '#548235', '#7030A0', '#BF9000', '#2E75B6', '#A50021'];

/** The few Chartist rules the charts need (its own stylesheet is not bundled: no CSS loader). */
function ensureStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const letters = 'abcdefg';
  const series = COLOURS.map(
    (c, i) => `.kp-chart .ct-series-${letters[i]} .ct-line,.kp-chart .ct-series-${letters[i]} .ct-bar{stroke:${c}}`,
  ).join('');
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent =
    '.kp-chart-layer{position:absolute;left:0;top:0;width:0;height:0}' +
    '.kp-chart{position:absolute;background:#fff;border:1px solid #dadce0;border-radius:4px;box-sizing:border-box;padding:6px 8px;font:12px system-ui,sans-serif}' +
    '.kp-chart h4{margin:0 0 2px;font-size:13px}.kp-chart svg{display:block}' +
    '.kp-chart .ct-grid{stroke:#e0e0e0;stroke-width:1px;stroke-dasharray:2px}.kp-chart .ct-line{fill:none;stroke-width:2.5px}' +
    '.kp-chart .ct-bar{stroke-width:8px}.kp-chart .ct-label{fill:#5f6368;color:#5f6368;font-size:10px}' +
    '.kp-chart .ct-label.ct-horizontal{white-space:nowrap}.kp-chart-legend{display:flex;flex-wrap:wrap;gap:2px 10px;font-size:11px}' +
    '.kp-chart-legend span::before{content:"";display:inline-block;width:9px;height:9px;margin-right:4px;background:var(--c)}' +
    series;
  document.head.append(style);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A category label: month and year for a period start (a day serial), the text otherwise. */
function label(v: unknown): string {
  if (typeof v === 'number') {
    const d = ymdFromSerial(Math.floor(v));
    return `${MONTHS[d.month0]} ${String(d.year).slice(2)}`;
  }
  return v === null || v === undefined ? '' : String(v);
}
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const column = (rows: unknown[][]) => rows.map((r) => r[0]);

/** Compact axis numbers: 12.3k, 4.5M; percents for a % number format. */
function axisLabel(format: string): (v: number | string) => string {
  const pct = format.includes('%');
  return (v) => {
    const x = Number(v) * (pct ? 100 : 1);
    const a = Math.abs(x);
    const s = a >= 1e6 ? `${+(x / 1e6).toFixed(1)}M` : a >= 1e3 ? `${+(x / 1e3).toFixed(1)}k` : `${+x.toFixed(a < 10 ? 2 : 0)}`;
    return pct ? `${s}%` : s;
  };
}

/**
 * Draws a sheet's charts in the surface's layer, replacing what was there. Resolves when drawn.
 * A chart whose ranges hold no number yet (a dashboard still computing) is drawn empty, not skipped.
 */
export async function drawCharts(surface: ChartSurface, sheet: string, charts: readonly ChartSpec[], read: RangeReader): Promise<number> {
  surface.layer.replaceChildren();
  if (!charts.length) return 0;
  ensureStyle();
  const { LineChart, BarChart } = await import(/* webpackChunkName: "charts" */ 'chartist');
  for (const spec of charts) {
    const at = parseRect(spec.anchor);
    if (!at) continue;
    const { x, y } = surface.cellOrigin(at.row, at.col);
    const box = document.createElement('figure');
    box.className = 'kp-chart';
    box.dataset.chartType = spec.type;
    box.style.cssText = `left:${x}px;top:${y}px;width:${spec.widthPx}px;height:${spec.heightPx}px;margin:0`;
    box.setAttribute('aria-label', `${spec.title} chart`);
    const title = document.createElement('h4');
    title.textContent = spec.title;
    const plot = document.createElement('div');
    box.append(title, plot);
    surface.layer.append(box);
    const labels = column(read(sheet, spec.categories)).map(label);
    const series = spec.series.map((s) => column(read(sheet, s.values)).map(num));
    const legendHeight = spec.series.length > 1 ? 34 : 0;
    const height = spec.heightPx - 40 - legendHeight;
    const axisY = { labelInterpolationFnc: axisLabel(spec.numberFormat), offset: 44 };
    // every other month when twelve would crowd the axis
    const step = spec.type === 'line' && labels.length > 8 ? 2 : 1;
    const axisX = { labelInterpolationFnc: (v: string | number, i: number) => (i % step === 0 ? v : null) };
    if (spec.type === 'line') {
      new LineChart(
        plot,
        { labels, series },
        { height, showPoint: false, lineSmooth: false, fullWidth: true, axisX, axisY, chartPadding: { right: 16, left: 4 } },
      );
    } else {
      new BarChart(plot, { labels, series }, { height, seriesBarDistance: 9, axisY, chartPadding: { right: 8, left: 4 } });
    }
    if (legendHeight) {
      const legend = document.createElement('div');
      legend.className = 'kp-chart-legend';
      spec.series.forEach((s, i) => {
        const item = document.createElement('span');
        item.textContent = s.name;
        item.style.setProperty('--c', COLOURS[i % COLOURS.length]);
        legend.append(item);
      });
      box.append(legend);
    }
  }
  return charts.length;
}

/**
 * Charts follow the grid: after every paint (a sheet shown, an edit, rows rendered) the current
 * sheet's planned charts are redrawn in a layer of the grid's overlay, once per frame at most.
 * The grid is reached only through its overlay interface (GridOverlayHost).
 */
export function attachCharts(
  grid: GridOverlayHost,
  chartsOf: (sheet: number) => { name: string; charts: readonly ChartSpec[] } | undefined,
  read: RangeReader,
): () => void {
  const layer = document.createElement('div');
  layer.className = 'kp-chart-layer';
  grid.overlay.append(layer);
  const surface: ChartSurface = {
    layer,
    cellOrigin(row, col) {
      const box = grid.cellBox(row, col);
      return box ? { x: box.left, y: box.top } : { x: 0, y: 0 };
    },
  };
  let queued = false;
  const draw = () => {
    queued = false;
    const planned = chartsOf(grid.sheet);
    void drawCharts(surface, planned?.name ?? '', planned?.charts ?? [], read).then((n) => (layer.dataset.charts = String(n)));
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(draw);
    else setTimeout(draw, 0);
  };
  schedule();
  return grid.onRendered(schedule);
}

/** Values of an A1 range of a sheet, through a cell reader (0-based row and column). */
export function rangeReader(cellValue: (sheet: string, row: number, col: number) => unknown): RangeReader {
  return (sheet, range) => {
    const r = parseRect(range);
    if (!r) return [];
    return Array.from({ length: r.height }, (_, i) => Array.from({ length: r.width }, (_, j) => cellValue(sheet, r.row + i, r.col + j)));
  };
}
