import type { DashboardPlan } from '../../core/dashboard';
import { Locale } from '../../core/dashboard/i18n';
import { FORMULAS_SHEET } from '../../core/dashboard/share';
import { Workbook } from '../engine/workbook';
import { currentFreeze, freezePlanOf, storeSheet } from '../share/freeze';
import { dashboardWorkbookSheets } from './plan-sheets';
import { shareReadySheets } from './share-ready';
import type { XlsxSheet } from './xlsx';

export interface DownloadOptions {
  /** Replace every KPI Pilot formula by its value, with a banner and the formulas kept (share-ready.ts). */
  readonly shareReady?: boolean;
  /** ISO date the banner names (today). */
  readonly date: string;
  readonly locale: Locale;
}

/**
 * The sheets of "Download workbook": the user's sheets as they are, the generated ones written
 * from the plan (formats, conditional formats), KPI History from the workbook (its appended rows)
 * with the plan's date column format, widths and frozen header. A workbook already prepared for
 * sharing in the page downloads share-ready whatever the option (its generated cells hold values
 * the plan's formulas would otherwise replace). O(cells).
 */
export function workbookSheets(workbook: Workbook, plan: DashboardPlan | undefined, options: DownloadOptions): XlsxSheet[] {
  const store = storeSheet(workbook);
  const data: Record<string, unknown[][]> = {};
  for (const name of workbook.sheetNames()) {
    const id = workbook.sheetId(name);
    const role = workbook.markers.get(id);
    if (id === store) continue; // written by shareReadySheets, hidden
    if (plan && role && role !== 'history') continue; // written from the plan below
    data[name] = workbook.hf.getSheetSerialized(id) as unknown[][];
  }
  const history = plan?.sheets.find((s) => s.role === 'history');
  let sheets: XlsxSheet[] = plan
    ? dashboardWorkbookSheets(data, { ...plan, sheets: plan.sheets.filter((s) => s.role !== 'history') })
    : Object.entries(data).map(([name, rows]) => ({ name, rows }));
  if (history) {
    sheets = sheets.map((s) =>
      s.name === history.name
        ? { ...s, columnFormats: history.columnFormats, columnWidths: history.columnWidths, frozenRows: history.frozenRows }
        : s,
    );
  }
  const frozen = currentFreeze(workbook) ?? (options.shareReady ? freezePlanOf(workbook, options.date, options.locale) : undefined);
  return frozen && frozen.formulas.length ? shareReadySheets(sheets, frozen) : sheets.filter((s) => s.name !== FORMULAS_SHEET);
}
