import { columnNumber } from '../../core/dashboard/a1';

/** A rectangle of a sheet, 1-based, as SpreadsheetApp's getRange(row, column, numRows, numColumns) takes it. */
export interface GridRect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * "B2" or "A4:J11" (no sheet, no open ends: what plan blocks use) to a rectangle. O(1).
 * @throws Error when the text is not such an address (a plan bug, not a user error)
 * @example parseA1('A4:J11') // => { row: 4, col: 1, rows: 8, cols: 10 }
 */
export function parseA1(a1: string): GridRect {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`"${a1}" is not an A1 cell or rectangle`);
  const c1 = columnNumber(m[1])!;
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3])! : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/**
 * Splits a full reference of the plan ("'KPI Dashboard'!B5:B11") into the sheet name (quotes
 * undone) and the A1 part. @throws Error when there is no sheet part.
 */
export function splitRef(ref: string): { sheet: string; a1: string } {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) ?? /^([^'!]+)!(.+)$/.exec(ref);
  if (!m) throw new Error(`"${ref}" names no sheet`);
  return { sheet: m[1].replace(/''/g, "'"), a1: m[2] };
}
