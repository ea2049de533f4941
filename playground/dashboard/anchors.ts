import { AnchoredRead, ANCHOR_NAMES } from '../../core/dashboard/anchors';
import { absCell, parseRect, parseSheetRef, requireRect, sheetRef } from '../../core/dashboard/a1';
import { DashboardPlan, SheetRole } from '../../core/dashboard/plan';
import { Workbook } from '../engine/workbook';

/**
 * The dashboard's anchors in the playground (core anchors.ts): HyperFormula named expressions
 * with absolute references, which the engine moves and grows as rows and columns are inserted,
 * as Sheets does with named ranges and Excel with names.
 */
export function recordAnchors(workbook: Workbook, plan: DashboardPlan, sheetName: (role: SheetRole) => string | undefined): void {
  const hf = workbook.hf;
  for (const a of plan.anchors ?? []) {
    const sheet = sheetName(a.sheet);
    if (!sheet) continue;
    const r = requireRect(a.range);
    const abs = (row: number, col: number) => absCell(col + 1, row + 1);
    const expression = `=${sheetRef(sheet)}${abs(r.row, r.col)}:${abs(r.row + r.height - 1, r.col + r.width - 1)}`;
    if (hf.listNamedExpressions().includes(a.name)) hf.changeNamedExpression(a.name, expression);
    else hf.addNamedExpression(a.name, expression);
  }
}

/** The cells an anchor covers now, or null when the name is gone or no longer a rectangle of a sheet. */
export function anchoredValues(workbook: Workbook, name: string): unknown[][] | null {
  const hf = workbook.hf;
  if (!hf.listNamedExpressions().includes(name)) return null;
  const formula = hf.getNamedExpressionFormula(name) ?? '';
  const ref = formula.startsWith('=') ? parseSheetRef(formula.slice(1)) : undefined;
  const r = ref && parseRect(ref.a1);
  if (!ref || !r || !hf.doesSheetExist(ref.sheet)) return null;
  const sheet = workbook.sheetId(ref.sheet);
  const out: unknown[][] = [];
  for (let i = 0; i < r.height; i++) {
    const row: unknown[] = [];
    for (let j = 0; j < r.width; j++) {
      const v = hf.getCellValue({ sheet, row: r.row + i, col: r.col + j });
      row.push(v !== null && typeof v === 'object' ? String((v as { value?: unknown }).value ?? '#ERROR!') : v);
    }
    out.push(row);
  }
  return out;
}

/** The as-of, card and (optionally) trend anchors' cells. */
export function readAnchored(workbook: Workbook, withTrend: boolean): AnchoredRead {
  const asOf = anchoredValues(workbook, ANCHOR_NAMES.asOf);
  return {
    asOf: asOf ? asOf[0][0] : null,
    cards: anchoredValues(workbook, ANCHOR_NAMES.cards),
    trend: withTrend ? anchoredValues(workbook, ANCHOR_NAMES.trend) : null,
  };
}
