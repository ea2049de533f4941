import { isoFromSerial } from '../../core/args/cells';
import { valueError } from '../../core/errors';
import { locateDashboard } from '../../core/dashboard/anchors';
import { historyWrites } from '../../core/dashboard/history';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { RecordedSheetIds } from '../../core/dashboard/sheet-copies';
import { columnLetter } from '../../core/dashboard/a1';
import { SnapshotResult } from '../../sidebar/bridge';
import { queueAnchoredReads } from './anchors';
import { excelNumberFormats } from './cells';
import { discoverSheets, existingSheets } from './markers';

/**
 * "Snapshot now" in FOUR syncs whatever the data size: sheets and the anchors (workbook names,
 * core anchors.ts); markers; History's used range; then the writes. The cards are found through
 * their anchors and checked, then one row per KPI and period is recorded (core history.ts): this
 * month's rows rewritten in place (date and value cells), new rows after the last used row, each
 * with the KPI's number format. Nothing is written when the layout cannot be found.
 * @throws KpiError #VALUE! when the dashboard or History of KPI Pilot is missing (generate first),
 *   or the layout cannot be found (core locateDashboard says what to do).
 */
export async function snapshotNow(
  context: Excel.RequestContext,
  setup: DashboardSetup,
  today: string,
  sheetIds: RecordedSheetIds = {},
): Promise<SnapshotResult> {
  const anchored = queueAnchoredReads(context, false); // resolved with discovery's first sync
  const { sheets } = await discoverSheets(context, undefined, sheetIds);
  for (const role of ['dashboard', 'history'] as const) {
    if (!sheets.some((s) => s.marker === role))
      throw valueError('there is no KPI Pilot dashboard in this workbook yet: generate the dashboard first');
  }
  const plan = buildPlan({ setup, asOf: today, existingSheets: existingSheets(sheets) });
  const spec = plan.snapshot;
  const found = locateDashboard(spec.kpis, plan.locale, anchored.read());
  const history = sheets.find((s) => s.marker === 'history')!.worksheet;
  const used = history.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  await context.sync();
  // History's rows from row 1, columns from A, wherever the used range starts
  const rows = used.isNullObject
    ? []
    : [
        ...new Array<unknown[]>(used.rowIndex).fill([]),
        ...used.values.map((r) => [...new Array<unknown>(used.columnIndex).fill(''), ...r]),
      ];
  const w = historyWrites(rows, found.asOf, found.values, spec.kpis, plan.locale);
  for (const u of w.updates) {
    const cell = history.getRange(`${columnLetter(u.col + 1)}${u.row}`);
    cell.values = [[u.value]];
    cell.numberFormat = excelNumberFormats([[u.format]]);
  }
  if (w.appends.length) {
    const first = w.appendAt;
    const range = history.getRange(`A${first}:${columnLetter(w.width)}${first + w.appends.length - 1}`);
    range.numberFormat = excelNumberFormats(w.appends.map((r) => r.cells.map((c, i) => (typeof c === 'string' ? '@' : r.formats[i]))));
    range.values = w.appends.map((r) => r.cells);
  }
  if (w.updates.length || w.appends.length) await context.sync();
  return { appended: w.appends.length, updated: w.updated, skipped: w.skipped, date: isoFromSerial(w.date) };
}
