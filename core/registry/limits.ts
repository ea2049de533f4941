import { numError } from '../errors';

/**
 * How large a result the host's grid can hold. A spilled array larger than the sheet is an error
 * in the cell at best and a frozen tab at worst, so the runner checks every table against these
 * (one place for every function), and functions whose size follows from a date (cohort tables)
 * check early to name that date. Each host states its own grid when it loads; until then the
 * limits are what both Sheets and Excel hold.
 */
export interface GridLimits {
  /** How the host is named in messages. */
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
  readonly cells: number;
}

/** Google Sheets: 18,278 columns (ZZZ) and 10 million cells per spreadsheet. */
export const SHEETS_GRID: GridLimits = { name: 'Google Sheets', rows: 10_000_000, columns: 18_278, cells: 10_000_000 };
/** Excel: 1,048,576 rows × 16,384 columns (XFD). */
export const EXCEL_GRID: GridLimits = { name: 'Excel', rows: 1_048_576, columns: 16_384, cells: 1_048_576 * 16_384 };
/** What both hold: the default until a host says which it is. */
export const ANY_GRID: GridLimits = { name: 'a spreadsheet', rows: 1_048_576, columns: 16_384, cells: 10_000_000 };

let current: GridLimits = ANY_GRID;

export function setGridLimits(limits: GridLimits): void {
  current = limits;
}

export function gridLimits(): GridLimits {
  return current;
}

const n = (v: number) => v.toLocaleString('en-US');

/** Why a rows × columns result does not fit the host's grid, or undefined when it fits. */
export function oversize(rows: number, columns: number, limits: GridLimits = current): string | undefined {
  if (rows <= limits.rows && columns <= limits.columns && rows * columns <= limits.cells) return undefined;
  const bound =
    columns > limits.columns ? `${n(limits.columns)} columns` : rows > limits.rows ? `${n(limits.rows)} rows` : `${n(limits.cells)} cells`;
  return `${n(rows)} ${rows === 1 ? 'row' : 'rows'} × ${n(columns)} columns, more than ${limits.name} holds (${bound})`;
}

/** @throws KpiError #NUM! when a table of that size would not fit. */
export function requireFits(what: string, rows: number, columns: number): void {
  const why = oversize(rows, columns);
  if (why) throw numError(`${what} would be ${why}; check the inputs for a value far outside the rest`);
}
