import { localeFrom } from '../../core/dashboard/i18n';
import { SheetInfo } from '../../core/dashboard/mapping';
import { historySeries } from '../../core/dashboard/snapshot';
import { mergeGoals } from '../../core/dashboard/goals-merge';
import { readGoalsSheet } from '../../core/dashboard/goals-sheet';
import { DashboardSetup } from '../../core/dashboard/setup';
import { RecordedSheetIds } from '../../core/dashboard/sheet-copies';
import { WorkbookInfo } from '../../sidebar/bridge';
import { discoverSheets, existingSheets } from './markers';

/** What the task pane reads when it opens, besides the workbook: from Office's common API. */
export interface HostContext {
  readonly displayLanguage: string | undefined;
  readonly setup: DashboardSetup | null;
  /** The setup of the last generation (what KPI Goals was written from), for the goals merge. */
  readonly generated?: DashboardSetup | null;
  /** ISO YYYY-MM-DD. */
  readonly today: string;
  /** The worksheet ids recorded at the last generation, to tell a user's copy of our sheets apart. */
  readonly sheetIds?: RecordedSheetIds;
}

/**
 * The sidebar's WorkbookInfo in at most THREE syncs whatever the data size: sheets; markers with
 * every sheet's used-range size and first row (the header row the mapping reads); then, if a
 * KPI History of ours exists, its rows. Data rows are counted, never read. O(sheets + history rows).
 */
export async function readWorkbookInfo(context: Excel.RequestContext, host: HostContext): Promise<WorkbookInfo> {
  const { sheets, extra } = await discoverSheets(
    context,
    (worksheet) => {
      // valuesOnly: formatting alone does not make a row "used"; a blank sheet gives A1, not an error
      const used = worksheet.getUsedRange(true);
      used.load('rowIndex,rowCount,columnIndex');
      const header = used.getRow(0);
      header.load('values');
      return { used, header };
    },
    host.sheetIds,
  );
  const info: SheetInfo[] = [];
  sheets.forEach((s, i) => {
    if (s.marker || s.copyOf) return; // our generated sheets and copies of them are not data
    const { used, header } = extra[i];
    const values = header.values[0] ?? [];
    const blank = values.every((v) => v === '' || v === null);
    // headers[i] is column i+1 for the mapping: pad when the data starts right of column A
    const headers = [...new Array<unknown>(used.columnIndex).fill(''), ...values];
    info.push({ name: s.name, headers, headerRow: used.rowIndex + 1, rows: blank ? 0 : used.rowCount - 1 });
  });

  const history: Record<string, number[]> = {};
  const historySheet = sheets.find((s) => s.marker === 'history');
  // KPI Goals read back in the same sync as History: the sidebar opens on the goals merged with it
  const goalsSheet = sheets.find((s) => s.marker === 'goals');
  const goalsUsed = goalsSheet?.worksheet.getUsedRangeOrNullObject(true);
  goalsUsed?.load('values,rowIndex,columnIndex');
  let merge: ReturnType<typeof mergeGoals> | null = null;
  const mergeRead = () => {
    if (!host.setup || !goalsUsed || goalsUsed.isNullObject) return;
    const rows = goalsUsed.values.map((r) => [...new Array<unknown>(goalsUsed.columnIndex).fill(''), ...r]);
    merge = mergeGoals(host.setup, readGoalsSheet(rows, goalsUsed.rowIndex + 1), host.generated ?? null, goalsSheet!.name);
  };
  if (!historySheet && goalsUsed) {
    await context.sync();
  }
  if (historySheet) {
    const used = historySheet.worksheet.getUsedRangeOrNullObject(true);
    used.load('values,columnIndex');
    await context.sync();
    if (!used.isNullObject) {
      // columns A:C (date, KPI, value) wherever the used range starts; the header row yields no point
      const shift = used.columnIndex;
      const rows = used.values.map((r) => [r[0 - shift], r[1 - shift], r[2 - shift], r[3 - shift]]);
      const kpis = new Set(rows.flatMap((r) => [r[1], r[2]]).filter((k): k is string => typeof k === 'string' && k !== ''));
      for (const kpi of kpis) {
        const series = historySeries(rows, kpi);
        if (series.length) history[kpi] = series;
      }
    }
  }
  mergeRead();
  const merged = merge as ReturnType<typeof mergeGoals> | null;
  return {
    sheets: info,
    existing: existingSheets(sheets),
    locale: localeFrom(host.displayLanguage),
    setup: merged ? merged.setup : host.setup,
    history,
    today: host.today,
    ...(merged?.notices.length ? { goalNotices: merged.notices } : {}),
  };
}
