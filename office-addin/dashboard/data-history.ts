import type { DataHistory } from '../../core/dashboard/baselines';
import { columnReads, goalHistory, MappedColumns } from '../../core/dashboard/monthly';
import { DashboardSetup } from '../../core/dashboard/setup';
import { discoverSheets } from './markers';

/**
 * The Goals step's monthly history in Excel (core monthly.ts goalHistory), in THREE syncs
 * whatever the data size: the sheets; markers with each sheet's used range; then every mapped
 * column (below its header, to the used range's last row) and KPI History's used range, one
 * range each. A mapped sheet that is gone reads as no data.
 */
export async function readDataHistory(context: Excel.RequestContext, setup: DashboardSetup, today: string): Promise<DataHistory> {
  const { sheets, extra } = await discoverSheets(context, (worksheet) => {
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    return used;
  });
  const columns: { field: keyof MappedColumns; range: Excel.Range }[] = [];
  for (const read of columnReads(setup.kpis, setup.mapping)) {
    const i = sheets.findIndex((s) => s.marker === null && s.name === read.sheet);
    if (i < 0 || extra[i].isNullObject) continue;
    const last = extra[i].rowIndex + extra[i].rowCount;
    if (last < read.firstRow) continue;
    const range = sheets[i].worksheet.getRange(`${read.column}${read.firstRow}:${read.column}${last}`);
    range.load('values');
    columns.push({ field: read.field, range });
  }
  const historySheet = sheets.find((s) => s.marker === 'history');
  const history = historySheet?.worksheet.getUsedRangeOrNullObject(true);
  history?.load('values,columnIndex');
  await context.sync();
  const mapped: MappedColumns = {};
  for (const { field, range } of columns) mapped[field] = range.values.map((r) => r[0]);
  // History's columns as the sheet has them, wherever its used range starts
  const rows =
    history && !history.isNullObject ? history.values.map((r) => [...new Array<unknown>(history.columnIndex).fill(''), ...r]) : undefined;
  return goalHistory(setup.kpis, mapped, rows, today, setup.options);
}
