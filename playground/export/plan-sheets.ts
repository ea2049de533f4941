import { requireRect } from '../../core/dashboard/a1';
import { renderFormula, renderPlan } from '../../core/dashboard/dialect';
import type { DashboardPlan, PlanCell, PlannedSheet } from '../../core/dashboard/plan';
import type { FormulaFormat, XlsxCell, XlsxSheet } from './xlsx';

/**
 * Turns a dashboard plan into sheets for workbookToXlsx, so the .xlsx a colleague opens can be
 * made from core data + plan alone, with no browser and no spreadsheet engine. O(plan cells).
 *
 * Written: every block's values and formulas, number formats, block styles, column widths and
 * formats, frozen rows, conditional formats (value rules and the optional formula rules). Formulas are rendered for Excel (dialect.ts):
 * custom functions become KPIPILOT.NAME, open-ended ranges are closed at row 1,048,576.
 * Not written: charts (ExcelJS cannot write charts; the trend table they plot is there) and
 * the sheet markers (an Excel add-in concern, see docs/contributing/xlsx-export.md).
 */
export interface PlanSheetsResult {
  readonly sheets: XlsxSheet[];
  /** Charts of the plan left out of the file, by sheet name. */
  readonly chartsOmitted: Readonly<Record<string, number>>;
}

/**
 * @throws Error when a block's cells do not fill its range exactly (a planner bug; the message names it).
 * @example planToXlsxSheets(buildPlan({ setup, asOf: '2026-10-15' })).sheets.map((s) => s.name)
 *   // => ['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']
 */
export function planToXlsxSheets(plan: DashboardPlan): PlanSheetsResult {
  const rendered = renderPlan(plan, 'excel');
  const sheets = rendered.sheets.map((s) => plannedSheet(s));
  return { sheets, chartsOmitted: {} };
}

/**
 * The data sheets followed by the plan's sheets: the workbook "Download workbook" offers. A data
 * sheet whose name a plan sheet uses (an earlier generation of the same dashboard) is replaced
 * in place by the new one.
 */
export function dashboardWorkbookSheets(data: Readonly<Record<string, readonly (readonly unknown[])[]>>, plan: DashboardPlan): XlsxSheet[] {
  const planned = planToXlsxSheets(plan).sheets;
  const byName = new Map(planned.map((s) => [s.name.toLowerCase(), s]));
  const out: XlsxSheet[] = Object.entries(data).map(([name, rows]) => byName.get(name.toLowerCase()) ?? { name, rows });
  for (const s of planned) if (!out.includes(s)) out.push(s);
  return out;
}

function plannedSheet(s: PlannedSheet): XlsxSheet {
  const rows: XlsxCell[][] = [];
  for (const block of s.blocks) {
    const r = requireRect(block.range);
    if (block.cells.length !== r.height || block.cells.some((row) => row.length !== r.width)) {
      throw new Error(`block ${block.range} of ${s.name} does not hold ${r.height} rows of ${r.width} cells`);
    }
    block.cells.forEach((cells, i) =>
      cells.forEach((c, j) => {
        const row = (rows[r.row + i] ??= []);
        row[r.col + j] = xlsxCell(c, block.numberFormats?.[i]?.[j] ?? null, block.style);
      }),
    );
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return {
    name: s.name,
    rows,
    columnWidths: s.columnWidths,
    columnFormats: s.columnFormats,
    frozenRows: s.frozenRows,
    conditionalFormats: s.conditionalFormats,
    charts: s.charts,
    print: s.print,
    // optional in the plan (alert rows); read structurally so plans without it need nothing
    formulaFormats: (s as { formulaFormats?: readonly FormulaFormat[] }).formulaFormats?.map((ff) => ({
      ...ff,
      formula: renderFormula(ff.formula, [], 'excel'),
    })),
  };
}

function xlsxCell(c: PlanCell, numFmt: string | null, style: XlsxCell['style']): XlsxCell {
  if (c !== null && typeof c === 'object') return { formula: c.formula, numFmt, style };
  // text is text here, even "2026-01-01": the planner's values are already typed (dates are serials)
  return { value: typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c, numFmt, style };
}
