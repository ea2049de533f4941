import { columnNumber, DashboardSetup, DataHistory } from '../../core/dashboard';
import { columnReads, goalHistory, MappedColumns } from '../../core/dashboard/monthly';
import { Workbook } from '../engine/workbook';
import { sheetWithMarker } from './apply';

/**
 * The Goals step's monthly history in the playground (core monthly.ts goalHistory): each mapped
 * column read as one range of the engine (below its header, to the sheet's last row), KPI History
 * read whole once. A mapped sheet that is gone reads as no data.
 */
export function playgroundDataHistory(workbook: Workbook, setup: DashboardSetup, today: string): DataHistory {
  const hf = workbook.hf;
  const columns: MappedColumns = {};
  for (const read of columnReads(setup.kpis, setup.mapping)) {
    if (!hf.doesSheetExist(read.sheet)) continue;
    const sheet = workbook.sheetId(read.sheet);
    const col = columnNumber(read.column);
    const rows = workbook.size(sheet).rows;
    if (col === undefined || rows < read.firstRow) continue;
    columns[read.field] = hf
      .getRangeValues({ start: { sheet, row: read.firstRow - 1, col: col - 1 }, end: { sheet, row: rows - 1, col: col - 1 } })
      .map((r) => r[0]);
  }
  const history = sheetWithMarker(workbook, 'history');
  return goalHistory(setup.kpis, columns, history === undefined ? undefined : hf.getSheetValues(history), today, setup.options);
}
