import { toSerial } from '../args/cells';
import { valueError } from '../errors';
import { SnapshotSpec } from './plan';

export type HistoryRow = [date: number, kpi: string, value: number];

export interface Snapshot {
  /** Rows to append to KPI History, one per KPI with a number. */
  readonly rows: HistoryRow[];
  /** KPI ids whose card held no number (blank, text or an error): not recorded. */
  readonly skipped: string[];
}

/**
 * "Snapshot now": turns what the host read from the dashboard (the as-of cell and the card
 * values range of plan.snapshot, read in one call each) into rows to APPEND to KPI History.
 * Never rewrites history: the host appends after the last row. O(KPIs).
 * @throws KpiError #VALUE! when the as-of cell holds no date or the values do not match the KPIs
 * @example snapshotRows(spec, 46112, [[1200], [''], [0.05]]).rows // => [[46112, 'mrr', 1200], [46112, 'nrr', 0.05]]
 */
export function snapshotRows(spec: SnapshotSpec, asOf: unknown, values: readonly unknown[]): Snapshot {
  const date = toSerial(asOf);
  if (date === undefined) throw valueError(`the as-of cell (${spec.asOfCell}) holds no date`);
  const flat = values.map((v) => (Array.isArray(v) ? v[0] : v));
  if (flat.length !== spec.kpis.length)
    throw valueError(`read ${flat.length} card values for ${spec.kpis.length} KPIs: regenerate the dashboard`);
  const rows: HistoryRow[] = [];
  const skipped: string[] = [];
  spec.kpis.forEach((kpi, i) => {
    const v = flat[i];
    if (typeof v === 'number' && Number.isFinite(v)) rows.push([Math.floor(date), kpi, v]);
    else skipped.push(kpi);
  });
  return { rows, skipped };
}

/**
 * A KPI's series from KPI History rows, oldest first: the history checkGoal reads. Rows are
 * Date | KPI | KPI id | Value (history.ts), or the older Date | KPI id | Value. O(rows).
 */
export function historySeries(rows: readonly (readonly unknown[])[], kpi: string): number[] {
  const points: [number, number][] = [];
  for (const row of rows) {
    const date = toSerial(row[0]);
    const [id, value] = row[2] === kpi ? [row[2], row[3]] : [row[1], row[2]];
    if (date !== undefined && id === kpi && typeof value === 'number' && Number.isFinite(value)) points.push([date, value]);
  }
  return points.sort((a, b) => a[0] - b[0]).map((p) => p[1]);
}
