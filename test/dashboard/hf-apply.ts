/**
 * Applies a plan to a HyperFormula workbook (the playground's engine with every KPI function
 * registered), the way a host applier would: one write per block. Open ranges are closed per sheet,
 * as the playground closes them (closeOpenRanges): a range closed far below a small sheet's data
 * makes HyperFormula give that sheet the height, and every whole-column SUMIFS then reads the
 * empty rows too. Test support only.
 */
import { DetailedCellError, RawCellContent } from 'hyperformula';
import { requireRect } from '../../core/dashboard/a1';
import { DashboardPlan, PlanCell } from '../../core/dashboard/plan';
import { closeOpenRanges } from '../../core/dashboard/dialect';
import { Workbook } from '../../playground/engine/workbook';

/**
 * Blank rows kept below a data sheet's last row when its open ranges are closed: Sheets and Excel
 * ranges run on past the data, so a formula that miscounted blank cells would show here too.
 */
const BLANK_ROWS_BELOW = 50;

/** "B3:D7" as a 0-based top-left and size. */
export const parseRange = requireRect;

/**
 * Where an open range ('Ledger'!A2:A) of a sheet ends: a data sheet's ranges run a few blank rows
 * past its data; a generated sheet's (the extras read their own spilled tables) as far as the
 * playground takes them, its minRows or past the largest data sheet.
 */
function lastRowOf(plan: DashboardPlan, data: Record<string, RawCellContent[][]>): (sheet: string) => number {
  const largest = Math.max(0, ...Object.values(data).map((rows) => rows.length));
  const planned = new Map(plan.sheets.map((s) => [s.name, s]));
  return (sheet) => {
    const own = planned.get(sheet);
    if (own) return Math.max(2, own.minRows ?? largest + BLANK_ROWS_BELOW);
    return (data[sheet]?.length ?? 0) + BLANK_ROWS_BELOW;
  };
}

export function applyToWorkbook(plan: DashboardPlan, data: Record<string, RawCellContent[][]>): Workbook {
  const lastRow = lastRowOf(plan, data);
  const content = (c: PlanCell): RawCellContent => (c !== null && typeof c === 'object' ? closeOpenRanges(c.formula, lastRow) : c);
  const sheets: Record<string, RawCellContent[][]> = { ...data };
  for (const s of plan.sheets) {
    const grid: RawCellContent[][] = [];
    for (const block of s.blocks) {
      const r = parseRange(block.range);
      if (block.cells.length !== r.height || block.cells.some((row) => row.length !== r.width))
        throw new Error(`block ${block.range} of ${s.name} is not ${r.width}x${r.height}`);
      block.cells.forEach((row, i) =>
        row.forEach((c, j) => {
          const target = (grid[r.row + i] ??= []);
          target[r.col + j] = content(c);
        }),
      );
    }
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    sheets[s.name] = grid.map((row) => Array.from(row, (v) => (v === undefined ? null : v)));
  }
  return new Workbook(sheets);
}

/** A cell's value: number, text, boolean, null, or the error code as '#DIV/0!'. */
export function valueAt(wb: Workbook, sheet: string, address: string): unknown {
  const r = parseRange(address);
  const v = wb.hf.getCellValue({ sheet: wb.sheetId(sheet), row: r.row, col: r.col });
  if (v instanceof DetailedCellError) return v.value;
  return v;
}
