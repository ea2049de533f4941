import { RawCellContent } from 'hyperformula';
import { columnNumber, DashboardPlan, PlanCell, PlannedSheet, renderPlan, SheetRole } from '../../core/dashboard';
import type { Progress } from '../../sidebar/bridge';
import { Workbook } from '../engine/workbook';

/**
 * The playground's plan applier: writes a DashboardPlan into the HyperFormula workbook the way the
 * Sheets and Excel appliers do. Sheets are found again by their marker (Workbook.markers), never
 * by name, so a user's sheet that happens to be called "KPI Dashboard" is never written: the
 * planner has already given our sheet another name. 'replace' sheets are cleared and rewritten
 * in place; 'append' sheets (KPI History) are created once and then left alone.
 * All writes go in one HyperFormula batch: one recalculation. O(plan cells).
 */
export interface ApplyResult {
  readonly sheets: string[];
  readonly created: string[];
}

export function applyPlan(workbook: Workbook, plan: DashboardPlan, progress?: Progress): ApplyResult {
  const hf = workbook.hf;
  const rendered = renderPlan(plan, 'hyperformula', { maxRows: openRangeRows(workbook) });
  const total = rendered.sheets.length + 1;
  const created: string[] = [];
  const ids = new Map<SheetRole, number>();
  const writes: { sheet: PlannedSheet; id: number }[] = [];

  // 1. every sheet exists before any formula refers to it
  rendered.sheets.forEach((sheet) => {
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
    ids.set(sheet.role, id);
  });

  // 2. contents, formats and looks, one batch
  hf.batch(() => {
    writes.forEach(({ sheet, id }, i) => {
      progress?.(sheet.name, i + 1, total);
      for (const block of sheet.blocks) {
        const r = parseRange(block.range);
        hf.setCellContents({ sheet: id, row: r.row, col: r.col }, block.cells.map((row) => row.map(content)));
        block.cells.forEach((row, i2) =>
          row.forEach((_c, j) => workbook.setFormat(id, r.row + i2, r.col + j, block.numberFormats?.[i2]?.[j] ?? undefined, block.style)),
        );
      }
      const look = workbook.look(id);
      look.conditional = sheet.conditionalFormats;
      look.columnWidths = sheet.columnWidths;
      look.columnFormats = sheet.columnFormats ?? {};
      look.frozenRows = sheet.frozenRows;
    });
  });
  progress?.('recalculated', total, total);
  workbook.settle();
  return { sheets: rendered.sheets.map((s) => s.name), created };
}

/** The id of the sheet carrying our marker for this role. */
export function sheetWithMarker(workbook: Workbook, role: SheetRole): number | undefined {
  for (const [id, r] of workbook.markers) if (r === role && workbook.hf.doesSheetExist(workbook.hf.getSheetName(id) ?? '')) return id;
  return undefined;
}

/**
 * How far open-ended ranges ('Ledger'!A2:A) reach here: the longest sheet doubled, at least 1,000
 * rows. HyperFormula has no open ranges, and reading its whole 100,000-row grid in every custom
 * function call would make the dashboard slow; rows added past this are read after the next generation.
 */
export function openRangeRows(workbook: Workbook): number {
  let rows = 0;
  for (const name of workbook.sheetNames()) rows = Math.max(rows, workbook.size(workbook.sheetId(name)).rows);
  return Math.min(100000, Math.max(1000, rows * 2));
}

function content(c: PlanCell): RawCellContent {
  if (c !== null && typeof c === 'object') return c.formula;
  // text starting with an apostrophe is the planner protecting user text: HyperFormula keeps it as text
  return c;
}

export function parseRange(range: string): { row: number; col: number; width: number; height: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const c1 = columnNumber(m[1])! - 1;
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnNumber(m[3])! - 1 : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { col: c1, row: r1, width: c2 - c1 + 1, height: r2 - r1 + 1 };
}
