import { AnchoredRead, ANCHOR_NAMES } from '../../core/dashboard/anchors';
import { sheetRef } from '../../core/dashboard/a1';
import { DashboardPlan, SheetRole } from '../../core/dashboard/plan';
import { requireRect } from '../../core/dashboard/a1';
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
    const abs = (row: number, col: number) => `$${colLetter(col)}$${row + 1}`;
    const expression = `=${sheetRef(sheet)}${abs(r.row, r.col)}:${abs(r.row + r.height - 1, r.col + r.width - 1)}`;
    if (hf.listNamedExpressions().includes(a.name)) hf.changeNamedExpression(a.name, expression);
    else hf.addNamedExpression(a.name, expression);
  }
}

function colLetter(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The cells an anchor covers now, or null when the name is gone or no longer a rectangle of a sheet. */
export function anchoredValues(workbook: Workbook, name: string): unknown[][] | null {
  const hf = workbook.hf;
  if (!hf.listNamedExpressions().includes(name)) return null;
  const formula = hf.getNamedExpressionFormula(name) ?? '';
  const m = /^='((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(formula) ?? /^=([^'!]+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(formula);
  if (!m) return null;
  const sheetName = m[1].replace(/''/g, "'");
  if (!hf.doesSheetExist(sheetName)) return null;
  const sheet = workbook.sheetId(sheetName);
  const r = requireRect(`${m[2]}${m[3]}${m[4] ? `:${m[4]}${m[5]}` : ''}`);
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
