import { RawCellContent } from 'hyperformula';
import type { SheetRole } from '../../core/dashboard/plan';
import { Locale } from '../../core/dashboard/i18n';
import {
  CellWrite,
  FORMULAS_ROLE,
  FORMULAS_SHEET,
  FreezePlan,
  parseRecord,
  planFreeze,
  recordOf,
  recordRows,
  restoreWrites,
} from '../../core/dashboard/share';
import { Workbook } from '../engine/workbook';
import { hyperFormulaSpill, readSheetCells } from './cells';

/**
 * "Prepare for sharing" and "Make live again" on the playground's HyperFormula workbook. The core
 * decides (planFreeze, restoreWrites); this reads the sheets once and writes in one batch.
 */
export interface ShareOutcome {
  /** Sheets whose KPI Pilot formulas were frozen or restored. */
  readonly sheets: readonly string[];
  readonly formulas: number;
}

/** The store sheet's id, when the workbook is share-ready. */
export function storeSheet(workbook: Workbook): number | undefined {
  for (const [id, role] of workbook.markers) if ((role as string) === FORMULAS_ROLE) return id;
  return undefined;
}

/** Text as HyperFormula must receive it to keep it text ("=x" would be a formula). */
const asText = (v: unknown): RawCellContent => (typeof v === 'string' && v !== '' ? `'${v}` : v === '' ? null : (v as RawCellContent));

/** The freeze the workbook would get now (nothing written), e.g. for the share-ready download. */
export function freezePlanOf(workbook: Workbook, date: string, locale: Locale): FreezePlan {
  const store = storeSheet(workbook);
  const names = workbook.sheetNames().filter((n) => workbook.sheetId(n) !== store);
  return planFreeze(readSheetCells(workbook, names), { date, locale, spillOf: hyperFormulaSpill(workbook) });
}

/** @throws Error when the workbook is already share-ready (make it live again first) */
export function freezeWorkbook(workbook: Workbook, date: string, locale: Locale): ShareOutcome {
  if (storeSheet(workbook) !== undefined)
    throw new Error(`this workbook is already prepared for sharing (see the sheet ${FORMULAS_SHEET}): make it live again first`);
  const plan = freezePlanOf(workbook, date, locale);
  if (!plan.formulas.length) return { sheets: [], formulas: 0 };
  const hf = workbook.hf;
  hf.batch(() => {
    for (const w of plan.writes) writeCells(workbook, w, asText);
    for (const b of plan.banners)
      hf.setCellContents({ sheet: workbook.sheetId(b.sheet), row: b.row - 1, col: b.col - 1 }, [[asText(b.text)]]);
  });
  const id = workbook.addSheet(
    FORMULAS_SHEET,
    recordRows(recordOf(plan)).map((row) => row.map(asText)),
  );
  workbook.markers.set(id, FORMULAS_ROLE as SheetRole);
  workbook.settle();
  return { sheets: plan.sheets, formulas: plan.formulas.length };
}

/**
 * Puts every recorded formula back (blank cells where its result spills) and removes the store
 * sheet. Also what "Repair" does elsewhere: re-entering a formula is the same write.
 * @throws Error when the workbook is not share-ready; KpiError when the store sheet was edited
 */
export function restoreWorkbook(workbook: Workbook): ShareOutcome {
  const store = storeSheet(workbook);
  if (store === undefined) throw new Error('this workbook is live already: nothing was prepared for sharing');
  const record = parseRecord(workbook.hf.getSheetValues(store) as unknown[][]);
  const writes = restoreWrites(record);
  workbook.hf.batch(() => {
    // blanks first, then the formulas: a formula entered over its old frozen values could not spill
    for (const w of writes) writeCells(workbook, w, () => null);
    for (const w of writes) writeCells(workbook, { ...w, cells: [[w.cells[0][0]]] }, (v) => (v === '' ? null : (v as RawCellContent)));
  });
  workbook.removeSheet(store);
  workbook.settle();
  return { sheets: [...new Set(record.formulas.map((f) => f.sheet))], formulas: record.formulas.length };
}

function writeCells(workbook: Workbook, w: CellWrite, map: (v: unknown) => RawCellContent): void {
  workbook.hf.setCellContents(
    { sheet: workbook.sheetId(w.sheet), row: w.row - 1, col: w.col - 1 },
    w.cells.map((row) => row.map(map)),
  );
}

/**
 * The freeze already in a share-ready workbook, as a FreezePlan (for the download, which writes
 * the generated sheets from the plan's formulas and must freeze them the same way).
 * @returns undefined when the workbook is live
 */
export function currentFreeze(workbook: Workbook): FreezePlan | undefined {
  const store = storeSheet(workbook);
  if (store === undefined) return undefined;
  const record = parseRecord(workbook.hf.getSheetValues(store) as unknown[][]);
  const valueAt = (sheet: string, row: number, col: number) => {
    const v = workbook.hf.getCellValue({ sheet: workbook.sheetId(sheet), row: row - 1, col: col - 1 });
    return v === null ? '' : typeof v === 'object' ? (v as { value: string }).value : v;
  };
  const writes = restoreWrites({ ...record, banners: [] }).map((w) => ({
    ...w,
    cells: w.cells.map((row, i) => row.map((_, j) => valueAt(w.sheet, w.row + i, w.col + j))),
  }));
  const banners = restoreWrites({ ...record, formulas: [] }).map((w) => ({
    sheet: w.sheet,
    cell: w.range,
    row: w.row,
    col: w.col,
    text: String(valueAt(w.sheet, w.row, w.col)),
  }));
  return {
    frozenAt: record.frozenAt,
    sheets: [...new Set(record.formulas.map((f) => f.sheet))],
    formulas: record.formulas,
    writes,
    banners,
  };
}
