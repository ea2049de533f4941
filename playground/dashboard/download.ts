import type { DashboardPlan } from '../../core/dashboard';
import { Workbook } from '../engine/workbook';
import { DownloadOptions, workbookSheets } from '../export/workbook-sheets';
import { workbookToXlsx } from '../export/xlsx';

/**
 * "Download workbook": the page's workbook as an .xlsx (export/workbook-sheets.ts says what goes
 * in), optionally share-ready. Loaded as its own chunk (ExcelJS is large): nothing of it weighs
 * on the first render.
 */
export async function downloadWorkbook(
  workbook: Workbook,
  plan: DashboardPlan | undefined,
  options: DownloadOptions,
  fileName = 'kpi-pilot.xlsx',
): Promise<number> {
  const bytes = await workbookToXlsx(workbookSheets(workbook, plan, options));
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
