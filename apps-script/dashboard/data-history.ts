import { isDate, toSerial } from '../../core/args/cells';
import { columnNumber } from '../../core/dashboard/a1';
import type { ColumnRead, MappedColumns } from '../../core/dashboard/monthly';
import { useSpreadsheetZone } from '../spreadsheet-zone';
import { readSheets } from './workbook';
import { todayIso } from './workbook-info';

/** The mapped columns, KPI History and today, as the Goals step's monthly history (core monthly.ts goalHistory) needs them. */
export interface DataColumns {
  readonly columns: MappedColumns;
  /** KPI History's data range, header first; absent when there is no History sheet with rows. */
  readonly history?: unknown[][];
  /** Today in the spreadsheet's zone, ISO YYYY-MM-DD. */
  readonly today: string;
}

/** google.script.run carries no Date: a date cell crosses as its day serial on the spreadsheet's calendar (core cells.ts). */
const plainCell = (v: unknown): unknown => (isDate(v) ? (toSerial(v) ?? String(v)) : v);

/**
 * Sidebar server API: the cells the Goals step's monthly history is computed from, in the sidebar
 * (sidebar/bridges/sheets.ts; core monthly.ts columnReads says which columns). Reads: one
 * getLastRow per mapped sheet, one getValues per column asked for (below its header, to the last
 * row), KPI History's data range once. Round trips grow with the columns, never with the rows; a
 * column whose sheet was renamed or deleted is left out (its KPIs have no history).
 */
export function readDataColumns(reads: ColumnRead[]): DataColumns {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  useSpreadsheetZone(); // dates come back as Date objects, read on the spreadsheet's calendar
  const state = readSheets(ss);
  const lastRow = new Map<string, number>();
  const columns: Record<string, unknown[]> = {};
  for (const read of Array.isArray(reads) ? reads : []) {
    const sheet = state.sheets.find((s) => s.name === read.sheet && s.marker === null)?.sheet;
    const column = typeof read.column === 'string' ? columnNumber(read.column) : undefined; // the setup's rule: letters, any case
    if (!sheet || column === undefined || !Number.isInteger(read.firstRow) || read.firstRow < 1) continue;
    let last = lastRow.get(read.sheet);
    if (last === undefined) lastRow.set(read.sheet, (last = sheet.getLastRow()));
    if (last < read.firstRow) continue;
    columns[read.field] = sheet
      .getRange(read.firstRow, column, last - read.firstRow + 1, 1)
      .getValues()
      .map((r) => plainCell(r[0]));
  }
  const historySheet = state.sheets.find((s) => s.marker === 'history')?.sheet;
  const history = historySheet && historySheet.getLastRow() > 1 ? historySheet.getDataRange().getValues() : undefined;
  return {
    columns: columns as MappedColumns,
    ...(history ? { history: history.map((r) => r.map(plainCell)) } : {}),
    today: todayIso(ss),
  };
}
