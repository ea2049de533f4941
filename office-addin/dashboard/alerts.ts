import { Breach, checkAlerts } from '../../core/dashboard/alerts';
import { columnLetter, columnNumber } from '../../core/dashboard/a1';
import { DashboardPlan } from '../../core/dashboard/plan';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { splitReference } from './cells';
import { discoverSheets, existingSheets } from './markers';

/**
 * The breaches of the generated dashboard for the task pane, which lists them when it opens, in
 * TWO syncs whatever the data size: the sheets, then
 * every sheet's marker together with the dashboard rectangle that holds the as-of cell, the card
 * values and the trend columns. That rectangle's address is known before the dashboard is found,
 * because the plan's layout inside the dashboard does not depend on sheet names; so it is queued
 * on each sheet with the markers and only the marked dashboard's copy is used (the others are a
 * few hundred cells read and dropped). Core checkAlerts then decides, exactly as the sheet's own
 * alert cells do. No dashboard of ours yet: no breaches.
 * Excel has no scheduled runs an add-in could use to e-mail a digest; see docs/contributing/excel-host.md.
 */
export async function readBreaches(context: Excel.RequestContext, setup: DashboardSetup, today: string): Promise<Breach[]> {
  const layout = buildPlan({ setup, asOf: today, existingSheets: [] });
  const box = alertsBox(layout);
  const { sheets, extra } = await discoverSheets(context, (worksheet) => {
    const range = worksheet.getRange(box.address);
    range.load('values');
    return range;
  });
  const index = sheets.findIndex((s) => s.marker === 'dashboard');
  if (index < 0) return [];
  const plan = buildPlan({ setup, asOf: today, existingSheets: existingSheets(sheets) });
  let values = extra[index].values;
  if (alertsBox(plan).address !== box.address) {
    // cannot happen with today's layout (cells inside the dashboard never depend on names); stay right if it ever does
    const again = sheets[index].worksheet.getRange(alertsBox(plan).address);
    again.load('values');
    await context.sync();
    values = again.values;
  }
  return breachesFrom(setup, plan, alertsBox(plan), values);
}

interface Box {
  readonly address: string;
  readonly row: number; // 1-based
  readonly col: number;
}

/** The bounding rectangle (on the dashboard) of the as-of cell, the card values and every trend column. */
export function alertsBox(plan: DashboardPlan): Box {
  const rects = refsOf(plan).map((ref) => rectOf(splitReference(ref).address));
  const row = Math.min(...rects.map((r) => r.row));
  const col = Math.min(...rects.map((r) => r.col));
  const lastRow = Math.max(...rects.map((r) => r.row + r.rows - 1));
  const lastCol = Math.max(...rects.map((r) => r.col + r.cols - 1));
  return { address: `${columnLetter(col)}${row}:${columnLetter(lastCol)}${lastRow}`, row, col };
}

function refsOf(plan: DashboardPlan): string[] {
  return [plan.snapshot.asOfCell, plan.snapshot.valuesRange, ...Object.values(plan.trend.series)];
}

function rectOf(address: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address);
  if (!m) throw new Error(`"${address}" is not an A1 cell or rectangle`);
  const c1 = columnNumber(m[1])!;
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3])! : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** Core checkAlerts on the cells read back (Excel gives dates as serials, errors as their text). */
function breachesFrom(setup: DashboardSetup, plan: DashboardPlan, box: Box, grid: unknown[][]): Breach[] {
  const cells = (ref: string) => {
    const r = rectOf(splitReference(ref).address);
    return grid.slice(r.row - box.row, r.row - box.row + r.rows).map((row) => row.slice(r.col - box.col, r.col - box.col + r.cols));
  };
  const spec = plan.snapshot;
  const asOf = cells(spec.asOfCell)[0][0];
  const cardValues = cells(spec.valuesRange);
  const values: Record<string, unknown> = {};
  spec.kpis.forEach((id, i) => (values[id] = cardValues[i]?.[0]));
  const series: Record<string, unknown[]> = {};
  for (const [id, ref] of Object.entries(plan.trend.series)) series[id] = cells(ref).map((row) => row[0]);
  return checkAlerts({ setup, asOf, values, series });
}
