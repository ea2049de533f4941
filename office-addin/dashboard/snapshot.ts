import { valueError } from '../../core/errors';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { snapshotRows } from '../../core/dashboard/snapshot';
import { columnNumber } from '../../core/dashboard/a1';
import { SnapshotResult } from '../../sidebar/bridge';
import { excelNumberFormats, splitReference } from './cells';
import { discoverSheets, existingSheets } from './markers';

/**
 * "Snapshot now" in FOUR syncs whatever the data or history size: sheets; markers; the as-of cell,
 * the card values and History's last used row at once; then the appended rows. The plan rebuilt
 * from the saved setup (core buildPlan) says where the cells are, so this follows the sheets even
 * when renamed. Rows go after the last used row: History is never rewritten.
 * @throws KpiError #VALUE! when the dashboard or History of KPI Pilot is missing (generate first),
 *   or the as-of cell holds no date (core snapshotRows).
 */
export async function snapshotNow(context: Excel.RequestContext, setup: DashboardSetup, today: string): Promise<SnapshotResult> {
  const { sheets } = await discoverSheets(context);
  for (const role of ['dashboard', 'history'] as const) {
    if (!sheets.some((s) => s.marker === role)) throw valueError('there is no KPI Pilot dashboard in this workbook yet: generate the dashboard first');
  }
  const plan = buildPlan({ setup, asOf: today, existingSheets: existingSheets(sheets) });
  const spec = plan.snapshot;
  const sheetNamed = (name: string) => sheets.find((s) => s.name === name)!.worksheet;
  const asOfRef = splitReference(spec.asOfCell);
  const valuesRef = splitReference(spec.valuesRange);
  const asOf = sheetNamed(asOfRef.sheet).getRange(asOfRef.address);
  asOf.load('values');
  const values = sheetNamed(valuesRef.sheet).getRange(valuesRef.address);
  values.load('values');
  const history = sheetNamed(spec.historySheet);
  const used = history.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount');
  await context.sync();

  const { rows, skipped } = snapshotRows(spec, asOf.values[0][0], values.values);
  if (rows.length) {
    const first = used.isNullObject ? 1 : used.rowIndex + used.rowCount + 1;
    const last = first + rows.length - 1;
    history.getRange(`A${first}:C${last}`).values = rows;
    // the plan's column formats (History dates): Excel sets them per cell, on the rows written
    const formats = plan.sheets.find((s) => s.role === 'history')?.columnFormats ?? {};
    for (const [column, format] of Object.entries(formats)) {
      if ((columnNumber(column) ?? 99) > 3) continue; // only A:C hold appended values
      history.getRange(`${column}${first}:${column}${last}`).numberFormat = excelNumberFormats(rows.map(() => [format]));
    }
    await context.sync();
  }
  return { appended: rows.length, skipped };
}
