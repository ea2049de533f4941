import { DetailedCellError } from 'hyperformula';
import type { SheetCells, SpillOf } from '../../core/dashboard/share';
import { Workbook } from '../engine/workbook';

/**
 * The playground's side of the share-ready freeze: each sheet's formulas and values as the core
 * reads them (core/dashboard/share), and spills told exactly by HyperFormula (a cell is part of an
 * array result; the formula cell starts it). Errors come back as their code ("#NUM!"), as Sheets
 * and Excel show them.
 */
export function readSheetCells(workbook: Workbook, names: readonly string[]): SheetCells[] {
  const hf = workbook.hf;
  return names.map((name) => {
    const id = workbook.sheetId(name);
    const { rows, cols } = workbook.size(id);
    const serialized = hf.getSheetSerialized(id);
    const values = hf.getSheetValues(id);
    const grid = <T>(src: readonly (readonly T[])[], map: (v: T | undefined) => unknown) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => map(src[r]?.[c])));
    return {
      sheet: name,
      top: 1,
      left: 1,
      formulas: grid(serialized, (v) => (typeof v === 'string' && v.startsWith('=') ? v : '')),
      values: grid(values, (v) => (v instanceof DetailedCellError ? v.value : (v ?? ''))),
    };
  });
}

/** Rows × columns of the array a formula cell starts (1-based row and column), from HyperFormula's own bookkeeping. */
export function hyperFormulaSpill(workbook: Workbook): SpillOf {
  const hf = workbook.hf;
  return (sheetName, row, col) => {
    const sheet = workbook.sheetId(sheetName);
    const at = (r: number, c: number) => ({ sheet, row: r - 1, col: c - 1 });
    if (!hf.isCellPartOfArray(at(row, col))) return { rows: 1, cols: 1 };
    const inside = (r: number, c: number) => hf.isCellPartOfArray(at(r, c)) && !hf.doesCellHaveFormula(at(r, c));
    let cols = 1;
    while (inside(row, col + cols)) cols++;
    let rows = 1;
    while (inside(row + rows, col)) rows++;
    return { rows, cols };
  };
}
