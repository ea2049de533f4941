import type { PrintSetup } from '../../core/dashboard/plan';

/**
 * The plan's print settings on a worksheet (core/dashboard/print.ts decides them): orientation,
 * print area and fit (ExcelApi 1.9 pageLayout). Queued with the sheet's other writes: no sync.
 * Fit 'width' is one page wide and as many down as the rows need (verticalFitToPages 0).
 */
export function queuePrint(worksheet: Excel.Worksheet, print: PrintSetup | undefined): void {
  if (!print) return;
  const layout = worksheet.pageLayout;
  layout.orientation = (print.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
  layout.setPrintArea(print.area);
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.fit === 'page' ? 1 : 0 };
}
