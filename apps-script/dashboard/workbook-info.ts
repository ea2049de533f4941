import { isDate, isoFromSerial, toSerial } from '../../core/args/cells';
import { DashboardSetup, DataMapping } from '../../core/dashboard/setup';
import { DatasetId } from '../../core/dashboard/fields';
import { SheetInfo } from '../../core/dashboard/mapping';
import { historySeries } from '../../core/dashboard/snapshot';
import { SheetsState } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The user's data sheets as the mapping step needs them: header cells and data row counts.
 * Two round trips per sheet whatever its size (getLastRow, and getValues of the header ROW
 * only); an empty sheet costs one. The header row is the one the saved setup maps for that
 * sheet, else row 1. Our generated sheets are left out.
 */
export function dataSheets(state: SheetsState, setup: DashboardSetup | null): SheetInfo[] {
  const headerRowOf = new Map<string, number>();
  for (const m of Object.values(setup?.mapping ?? {})) if (m && !headerRowOf.has(m.sheet)) headerRowOf.set(m.sheet, m.headerRow);
  return state.sheets
    .filter((s) => s.marker === null && !s.copyOf)
    .map(({ sheet, name }) => {
      const headerRow = headerRowOf.get(name) ?? 1;
      const last = sheet.getLastRow();
      if (last < headerRow) return { name, headerRow, headers: [], rows: 0 };
      const row = sheet.getRange(`${headerRow}:${headerRow}`).getValues()[0] ?? [];
      let end = row.length;
      while (end > 0 && (row[end - 1] === '' || row[end - 1] === null)) end--;
      return { name, headerRow, headers: row.slice(0, end).map(plainHeader), rows: last - headerRow };
    });
}

/** google.script.run carries no Date: a date header becomes its ISO text. */
function plainHeader(v: unknown): string | number | boolean {
  if (isDate(v)) {
    const serial = toSerial(v);
    return serial === undefined ? '' : isoFromSerial(Math.floor(serial));
  }
  return typeof v === 'number' || typeof v === 'boolean' ? v : String(v ?? '');
}

/**
 * Each KPI's recorded values from our KPI History sheet (date, kpi, value rows under a header),
 * oldest first, in one getValues. Empty when there is no History sheet yet.
 */
export function historyByKpi(state: SheetsState): Record<string, number[]> {
  const history = state.sheets.find((s) => s.marker === 'history')?.sheet;
  if (!history) return {};
  const last = history.getLastRow();
  if (last < 2) return {};
  const rows = history.getRange(2, 1, last - 1, 4).getValues();
  const byKpi = new Map<string, unknown[][]>(); // grouped first: O(rows), not O(rows × KPIs)
  for (const r of rows) {
    // Date | KPI | KPI id | Value, or the older Date | KPI id | Value
    const id = typeof r[2] === 'string' && typeof r[3] === 'number' ? r[2] : r[1];
    if (typeof id !== 'string' || !id) continue;
    const own = byKpi.get(id);
    if (own) own.push(r);
    else byKpi.set(id, [r]);
  }
  const out: Record<string, number[]> = {};
  for (const [id, own] of byKpi) {
    const series = historySeries(own, id);
    if (series.length) out[id] = series;
  }
  return out;
}

/** Today on the spreadsheet's calendar (its time zone, not the script's), as YYYY-MM-DD. */
export function todayIso(ss: Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/**
 * Data rows of each mapped dataset (PlanRequest.dataRows), so the planner can give a spilling
 * extra sheet enough rows (Customers at risk's minRows). One getLastRow per mapped sheet, read
 * only when the setup asks for extra sheets: a plain dashboard costs nothing more. Rows are
 * counted below the mapped header row, never read.
 */
export function mappedDataRows(state: SheetsState, setup: DashboardSetup): Partial<Record<DatasetId, number>> | undefined {
  if (!setup.extras) return undefined;
  const out: Partial<Record<DatasetId, number>> = {};
  const lastRowOf = new Map<string, number>(); // two datasets on one sheet: one read
  for (const [dataset, m] of Object.entries(setup.mapping) as [DatasetId, DataMapping[DatasetId]][]) {
    if (!m) continue;
    const sheet = state.sheets.find((s) => s.name === m.sheet && s.marker === null)?.sheet;
    if (!sheet) continue;
    let last = lastRowOf.get(m.sheet);
    if (last === undefined) lastRowOf.set(m.sheet, (last = sheet.getLastRow()));
    out[dataset] = Math.max(0, last - m.headerRow);
  }
  return out;
}
