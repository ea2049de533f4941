import { RawCellContent } from 'hyperformula';
import { DashboardPlan, PlanCell, PlannedSheet, SheetRole } from '../../core/dashboard';
import { requireRect } from '../../core/dashboard/a1';
import { closeOpenRanges } from '../../core/dashboard/dialect';
import type { Progress } from '../../sidebar/bridge';
import { Workbook } from '../engine/workbook';
import { recordAnchors } from './anchors';
import { FormulaCell, writeOrder } from './write-order';
import { yieldToPage } from '../engine/yield';

export { yieldToPage };

/**
 * The playground's plan applier: writes a DashboardPlan into the HyperFormula workbook the way the
 * Sheets and Excel appliers do. Sheets are found again by their marker (Workbook.markers), never
 * by name, so a user's sheet that happens to be called "KPI Dashboard" is never written: the
 * planner has already given our sheet another name. 'replace' sheets are cleared and rewritten
 * in place; 'append' sheets (KPI History) are created once and then left alone.
 * applyPlan writes in one HyperFormula batch (one recalculation); the page uses
 * applyPlanGradually, the same writes in slices that keep it responsive. O(plan cells).
 */
export interface ApplyResult {
  readonly sheets: string[];
  readonly created: string[];
}

export function applyPlan(workbook: Workbook, plan: DashboardPlan, progress?: Progress): ApplyResult {
  const { writes, created, lastRow, total } = prepareSheets(workbook, plan);
  // contents, formats and looks, one batch
  workbook.hf.batch(() => {
    writes.forEach(({ sheet, id }, i) => {
      progress?.(sheet.name, i + 1, total);
      for (const block of sheet.blocks) {
        const r = requireRect(block.range);
        workbook.hf.setCellContents(
          { sheet: id, row: r.row, col: r.col },
          block.cells.map((row) => row.map((c) => content(c, lastRow))),
        );
        blockFormats(workbook, id, block);
      }
      sheetLook(workbook, id, sheet);
    });
  });
  anchorsOf(workbook, plan);
  progress?.('recalculated', total, total);
  workbook.settle();
  return { sheets: plan.sheets.map((s) => s.name), created };
}

/**
 * The same writes as applyPlan, in slices that leave the page responsive: values go in one write
 * per block, formulas one at a time (each is computed as it lands), and whenever a slice has run
 * for `sliceMs` the applier yields to the page (progress repaints, clicks are answered) before
 * going on. The longest task is then about the costliest single formula rather than the whole
 * recalculation. Same result as applyPlan: formulas whose inputs arrive later are recomputed by
 * the engine, and tables whose size changed are re-entered by settleGradually.
 */
/** The plan's anchors recorded over the sheets just written (anchors.ts). */
function anchorsOf(workbook: Workbook, plan: DashboardPlan): void {
  recordAnchors(workbook, plan, (role) => {
    const id = sheetWithMarker(workbook, role);
    return id === undefined ? undefined : workbook.hf.getSheetName(id);
  });
}

export async function applyPlanGradually(workbook: Workbook, plan: DashboardPlan, progress?: Progress, sliceMs = 40): Promise<ApplyResult> {
  const hf = workbook.hf;
  const { writes, created, lastRow, total } = prepareSheets(workbook, plan);
  let sliceStart = performance.now();
  const isFormula = (c: RawCellContent) => typeof c === 'string' && c.startsWith('=');
  const breathe = async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToPage();
    sliceStart = performance.now();
  };
  for (let i = 0; i < writes.length; i++) {
    const { sheet, id } = writes[i];
    progress?.(sheet.name, i + 1, total);
    await yieldToPage();
    sliceStart = performance.now();
    const formulas: FormulaCell[] = [];
    for (const block of sheet.blocks) {
      const r = requireRect(block.range);
      const cells = block.cells.map((row) => row.map((c) => content(c, lastRow)));
      // values in runs along each row: writing empties over empty cells would recompute what reads them
      for (let y = 0; y < cells.length; y++) {
        let x = 0;
        while (x < cells[y].length) {
          const c = cells[y][x];
          if (isFormula(c)) formulas.push({ row: r.row + y, col: r.col + x, formula: c as string });
          if (c === null || isFormula(c)) {
            x++;
            continue;
          }
          const start = x;
          while (x < cells[y].length && cells[y][x] !== null && !isFormula(cells[y][x])) x++;
          hf.setCellContents({ sheet: id, row: r.row + y, col: r.col + start }, [cells[y].slice(start, x)]);
        }
      }
      blockFormats(workbook, id, block);
    }
    for (const f of writeOrder(formulas, sheet.name)) {
      hf.setCellContents({ sheet: id, row: f.row, col: f.col }, [[f.formula]]);
      await breathe();
    }
    sheetLook(workbook, id, sheet);
  }
  anchorsOf(workbook, plan);
  progress?.('recalculated', total, total);
  await workbook.settleGradually(breathe);
  return { sheets: plan.sheets.map((s) => s.name), created };
}

/**
 * Step 1 of both appliers: every sheet exists before any formula refers to it. Our sheets are
 * found by marker; 'replace' ones are cleared, new ones created and marked.
 */
function prepareSheets(
  workbook: Workbook,
  plan: DashboardPlan,
): { writes: { sheet: PlannedSheet; id: number }[]; created: string[]; lastRow: (sheet: string) => number; total: number } {
  const hf = workbook.hf;
  // HyperFormula calls custom functions by their bare names, as the plan writes them; only the
  // open-ended ranges need closing (see closeOpenRanges)
  const lastRow = lastRowOf(workbook, plan);
  const created: string[] = [];
  const writes: { sheet: PlannedSheet; id: number }[] = [];
  plan.sheets.forEach((sheet) => {
    let id = sheetWithMarker(workbook, sheet.role);
    if (id !== undefined && hf.getSheetName(id) !== sheet.name) {
      // the planner reuses our sheet under its current name; a mismatch means the workbook changed under us
      throw new Error(`the sheet marked ${sheet.role} is now "${hf.getSheetName(id)}", not "${sheet.name}": generate again`);
    }
    if (id === undefined) {
      if (hf.doesSheetExist(sheet.name)) throw new Error(`a sheet named "${sheet.name}" is not KPI Pilot's: it is left untouched`);
      id = workbook.sheetId(hf.addSheet(sheet.name));
      workbook.markers.set(id, sheet.role);
      created.push(sheet.name);
      writes.push({ sheet, id });
    } else if (sheet.mode === 'replace') {
      workbook.clearSheet(id);
      writes.push({ sheet, id });
    }
  });
  return { writes, created, lastRow, total: plan.sheets.length + 1 };
}

function blockFormats(workbook: Workbook, id: number, block: PlannedSheet['blocks'][number]): void {
  const r = requireRect(block.range);
  block.cells.forEach((row, i) =>
    row.forEach((_c, j) => workbook.setFormat(id, r.row + i, r.col + j, block.numberFormats?.[i]?.[j] ?? undefined, block.style)),
  );
}

function sheetLook(workbook: Workbook, id: number, sheet: PlannedSheet): void {
  const look = workbook.look(id);
  look.conditional = sheet.conditionalFormats;
  look.formulaFormats = sheet.formulaFormats ?? [];
  look.columnWidths = sheet.columnWidths;
  look.columnFormats = sheet.columnFormats ?? {};
  look.frozenRows = sheet.frozenRows;
}

/**
 * Where closeOpenRanges closes a sheet's open ranges. A data sheet: its last row. A sheet of the
 * plan (the extra sheets read their own spilled tables, e.g. 'Attribution'!K6:L): it is empty
 * while the plan is written, so its tables are taken to be as long as its minRows when the
 * planner gave one (Customers at risk: a row per customer and some), else the largest data sheet.
 */
export function lastRowOf(workbook: Workbook, plan: DashboardPlan): (sheet: string) => number {
  const hf = workbook.hf;
  const planned = new Map(plan.sheets.map((s) => [s.name, s]));
  let largestData = 0;
  for (const name of hf.getSheetNames()) {
    const id = workbook.sheetId(name);
    if (!workbook.markers.has(id) && !planned.has(name)) largestData = Math.max(largestData, workbook.size(id).rows);
  }
  return (sheet) => {
    const own = planned.get(sheet);
    if (own && own.mode === 'replace') return Math.max(2, own.minRows ?? largestData + 10);
    return hf.doesSheetExist(sheet) ? Math.max(2, workbook.size(workbook.sheetId(sheet)).rows) : 2;
  };
}

/** The id of the sheet carrying our marker for this role. */
export function sheetWithMarker(workbook: Workbook, role: SheetRole): number | undefined {
  for (const [id, r] of workbook.markers) if (r === role && workbook.hf.doesSheetExist(workbook.hf.getSheetName(id) ?? '')) return id;
  return undefined;
}

function content(c: PlanCell, lastRow: (sheet: string) => number): RawCellContent {
  if (c !== null && typeof c === 'object') return closeOpenRanges(c.formula, lastRow);
  // text starting with an apostrophe is the planner protecting user text: HyperFormula keeps it as text
  return c;
}
