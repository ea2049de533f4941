import type { DataHistory } from '../../core/dashboard/baselines';
import { columnReads, goalHistory, MappedColumns } from '../../core/dashboard/monthly';
import { parseSetup } from '../../core/dashboard/setup';
import { useSpreadsheetZone } from '../spreadsheet-zone';
import { readSheets } from './workbook';
import { todayIso } from './workbook-info';

/**
 * Sidebar server API: the Goals step's monthly history (core monthly.ts goalHistory), computed
 * on the server so the data never crosses to the sidebar, only the monthly values. Reads: one
 * getLastRow per mapped sheet, one getValues per mapped column (below its header, to the last
 * row), KPI History's data range once. Round trips grow with the columns, never with the rows.
 */
export function getDataHistory(setupJson: string): DataHistory {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  useSpreadsheetZone(); // dates come back as Date objects, read on the spreadsheet's calendar
  const setup = parseSetup(setupJson);
  const state = readSheets(ss);
  const lastRow = new Map<string, number>();
  const columns: MappedColumns = {};
  for (const read of columnReads(setup.kpis, setup.mapping)) {
    const sheet = state.sheets.find((s) => s.name === read.sheet && s.marker === null)?.sheet;
    if (!sheet) continue; // a mapped sheet renamed or deleted: its KPIs have no history
    let last = lastRow.get(read.sheet);
    if (last === undefined) lastRow.set(read.sheet, (last = sheet.getLastRow()));
    if (last < read.firstRow) continue;
    columns[read.field] = sheet
      .getRange(`${read.column}${read.firstRow}:${read.column}${last}`)
      .getValues()
      .map((r) => r[0]);
  }
  const history = state.sheets.find((s) => s.marker === 'history')?.sheet;
  const rows = history && history.getLastRow() > 1 ? history.getDataRange().getValues() : undefined;
  return goalHistory(setup.kpis, columns, rows, todayIso(ss), setup.options);
}
