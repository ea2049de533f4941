/**
 * Applies a plan to a HyperFormula workbook (the playground's engine with every KPI function
 * registered), the way a host applier would: one write per block. Test support only.
 */
import { DetailedCellError, RawCellContent } from 'hyperformula';
import { requireRect } from '../../core/dashboard/a1';
import { renderPlan } from '../../core/dashboard/dialect';
import { DashboardPlan, PlanCell } from '../../core/dashboard/plan';
import { Workbook } from '../../playground/engine/workbook';

export const MAX_ROWS = 2000;

/** "B3:D7" as a 0-based top-left and size. */
export const parseRange = requireRect;

function content(c: PlanCell): RawCellContent {
  if (c !== null && typeof c === 'object') return c.formula;
  return c;
}

export function applyToWorkbook(plan: DashboardPlan, data: Record<string, RawCellContent[][]>, maxRows = MAX_ROWS): Workbook {
  const rendered = renderPlan(plan, 'hyperformula', { maxRows });
  const sheets: Record<string, RawCellContent[][]> = { ...data };
  for (const s of rendered.sheets) {
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
