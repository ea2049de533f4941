import type { DashboardPlan } from '../../core/dashboard';
import { Workbook } from '../engine/workbook';
import { dashboardWorkbookSheets } from '../export/plan-sheets';
import { workbookToXlsx } from '../export/xlsx';

/**
 * "Download workbook": the page's workbook as an .xlsx, with the generated sheets written from
 * the plan (formats, conditional formats) so a colleague opening it in Excel or LibreOffice sees
 * what the dashboard shows. Loaded as its own chunk (ExcelJS is large): nothing of it weighs on
 * the first render. KPI History keeps its appended rows (it is taken from the workbook, not the plan).
 */
export async function downloadWorkbook(workbook: Workbook, plan: DashboardPlan | undefined, fileName = 'kpi-pilot.xlsx'): Promise<number> {
  const data: Record<string, unknown[][]> = {};
  for (const name of workbook.sheetNames()) {
    const id = workbook.sheetId(name);
    const role = workbook.markers.get(id);
    if (plan && role && role !== 'history') continue; // written from the plan below
    data[name] = workbook.hf.getSheetSerialized(id) as unknown[][];
  }
  const sheets = plan ? dashboardWorkbookSheets(data, { ...plan, sheets: plan.sheets.filter((s) => s.role !== 'history') }) : Object.entries(data).map(([name, rows]) => ({ name, rows }));
  const bytes = await workbookToXlsx(sheets);
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return bytes.length;
}
