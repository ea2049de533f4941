import { isoFromSerial, toSerial } from '../args/cells';
import { kpi, KpiId } from './catalog';
import { DATE_FORMAT, NUMBER_FORMATS } from './format';
import { Locale, tr } from './i18n';
import { HISTORY_HEADERS } from './sheet-headers';

/**
 * KPI History, one row per KPI per period: "Snapshot now" records the dashboard's values at its
 * as-of date; a second snapshot in the same period (calendar month of the as-of date, the
 * dashboard's period) rewrites that KPI's row in place, so the table stays one row per KPI and
 * month. Rows of other periods, and rows the manager added (any row whose KPI id is not a card
 * of this snapshot), are never touched. Columns: Date (a real date), KPI (its name, readable),
 * KPI id (stable across languages and renames), Value (in the KPI's own number format).
 * Columns are found by header (a History written before the id column, Date | KPI id | Value,
 * is still updated in its own layout). Hosts read the sheet's rows once, write the updated
 * rows one by one and the new rows in one block after the last used row, growing the grid first
 * when it is too small. O(history rows + KPIs).
 */
export interface HistoryLayout {
  readonly date: number;
  /** Column of the readable KPI name; null in the older layout without it. */
  readonly name: number | null;
  readonly id: number;
  readonly value: number;
  readonly width: number;
}

export const HISTORY_LAYOUT: HistoryLayout = { date: 0, name: 1, id: 2, value: 3, width: 4 };
const LEGACY_LAYOUT: HistoryLayout = { date: 0, name: null, id: 1, value: 2, width: 3 };

/** One row to write: its 1-based sheet row, cells and number formats (same length). */
export interface HistoryRowWrite {
  readonly row: number;
  readonly cells: (string | number)[];
  readonly formats: (string | null)[];
}

/** One cell rewritten in place (0-based column): only the date and value of a row already there, so a column the manager added keeps its notes. */
export interface HistoryCellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
  readonly format: string | null;
}

export interface HistoryWrites {
  /** The as-of date recorded, day serial. */
  readonly date: number;
  /** Cells of this period's rows rewritten in place (date and value). */
  readonly updates: readonly HistoryCellWrite[];
  /** How many KPI rows were updated in place. */
  readonly updated: number;
  /** New rows, contiguous from `appendAt`. */
  readonly appends: readonly HistoryRowWrite[];
  /** 1-based row of the first new row (the row after the last used one). */
  readonly appendAt: number;
  /** Columns the layout writes. */
  readonly width: number;
  /** KPIs whose card held no number: nothing written for them. */
  readonly skipped: readonly string[];
}

const norm = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/** The layout of a History sheet from its header row (ours in either language, or the older three columns). */
export function historyLayout(header: readonly unknown[] | undefined): HistoryLayout {
  const h = (header ?? []).map(norm);
  const find = (label: { en: string; fr: string }) => h.findIndex((x) => x === norm(label.en) || x === norm(label.fr));
  const [date, name, id, value] = HISTORY_HEADERS.map(find);
  if (id >= 0 && value >= 0)
    return { date: date >= 0 ? date : 0, name: name >= 0 ? name : null, id, value, width: Math.max(date, name, id, value) + 1 };
  return h.length >= 3 && h.length < 4 ? LEGACY_LAYOUT : HISTORY_LAYOUT;
}

const periodOf = (serial: number) => isoFromSerial(Math.floor(serial)).slice(0, 7);

/**
 * What "Snapshot now" writes, from History's rows as read (row 1 = header) and the card values
 * found through the anchors (anchors.ts locateDashboard).
 * @example historyWrites([['Date', 'KPI', 'KPI id', 'Value']], 46112, { mrr: 1200 }, ['mrr'], 'en').appends[0].cells
 *   // => [46112, 'MRR', 'mrr', 1200]
 */
export function historyWrites(
  rows: readonly (readonly unknown[])[],
  asOf: number,
  values: Readonly<Record<string, unknown>>,
  kpis: readonly string[],
  locale: Locale,
): HistoryWrites {
  const layout = historyLayout(rows[0]);
  const date = Math.floor(asOf);
  const period = periodOf(date);
  // this period's row of each KPI (the first one, should a copy have been pasted)
  const existing = new Map<string, number>();
  let last = 0;
  rows.forEach((r, i) => {
    if (r.some((v) => v !== '' && v !== null && v !== undefined)) last = i + 1;
    if (i === 0) return;
    const id = typeof r[layout.id] === 'string' ? (r[layout.id] as string).trim() : '';
    const d = toSerial(r[layout.date]);
    if (id && d !== undefined && periodOf(d) === period && !existing.has(id)) existing.set(id, i + 1);
  });
  const updates: HistoryCellWrite[] = [];
  let updated = 0;
  const appends: HistoryRowWrite[] = [];
  const skipped: string[] = [];
  const appendAt = Math.max(2, last + 1);
  for (const id of kpis) {
    const v = values[id];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      skipped.push(id);
      continue;
    }
    const cells: (string | number)[] = new Array(layout.width).fill('');
    const formats: (string | null)[] = new Array(layout.width).fill(null);
    cells[layout.date] = date;
    formats[layout.date] = DATE_FORMAT;
    if (layout.name !== null) cells[layout.name] = tr(kpi(id as KpiId).name, locale);
    cells[layout.id] = id;
    cells[layout.value] = v;
    formats[layout.value] = NUMBER_FORMATS[kpi(id as KpiId).unit];
    const at = existing.get(id);
    if (at !== undefined) {
      updated++;
      for (const col of [layout.date, layout.value]) updates.push({ row: at, col, value: cells[col], format: formats[col] });
    } else appends.push({ row: appendAt + appends.length, cells, formats });
  }
  return { date, updates, updated, appends, appendAt, width: layout.width, skipped };
}
