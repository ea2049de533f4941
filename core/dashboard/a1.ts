/**
 * A1 address helpers. Every address the planner writes goes through here, so quoting and column
 * letters are right once. Columns are 1-based (A = 1).
 */

/** 1 -> A, 26 -> Z, 27 -> AA. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new Error(`column ${col} is not a 1-based column number`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A -> 1, AA -> 27; undefined when the text is not column letters. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cell(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Absolute form, $B$2, for cells that formulas copied along a row or column must keep. */
export function absCell(col: number, row: number): string {
  return `$${columnLetter(col)}$${row}`;
}

/** "B3:D7" for a rectangle given its top-left cell and size. */
export function rect(col: number, row: number, width: number, height: number): string {
  const a = cell(col, row);
  return width === 1 && height === 1 ? a : `${a}:${cell(col + width - 1, row + height - 1)}`;
}

/** A sheet name as a formula prefix: always quoted, quotes doubled ('KPI Goals'!). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** A whole column of another sheet, 'Marketing'!C:C: grows with the data, skips nothing. */
export function wholeColumn(sheet: string, column: string): string {
  return `${sheetRef(sheet)}${column}:${column}`;
}

/**
 * An open-ended column below the header, 'Ledger'!A2:A, in Google Sheets syntax. Custom
 * functions get these (the header would be text in a numeric range); dialect.ts renders them
 * for Excel and HyperFormula, which have no open-ended rows.
 */
export function openColumn(sheet: string, column: string, firstRow: number): string {
  return `${sheetRef(sheet)}${column}${firstRow}:${column}`;
}

/** A rectangle as 0-based top-left row and column plus its size. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly width: number;
  readonly height: number;
}

/**
 * "B3:D7" (or "B3", "$B$3") as a 0-based Rect; undefined when it is not a plain A1 range.
 * @example parseRect('B3:D7') // => { row: 2, col: 1, width: 3, height: 5 }
 */
export function parseRect(range: string): Rect | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range.trim());
  if (!m) return undefined;
  const c1 = (columnNumber(m[1]) as number) - 1;
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? (columnNumber(m[3]) as number) - 1 : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), width: Math.abs(c2 - c1) + 1, height: Math.abs(r2 - r1) + 1 };
}

/**
 * A whole-column range ("C:E", "$C:$C", wholeColumn's form) as its 0-based first column and
 * width; undefined for anything else.
 * @example parseColumnSpan('C:E') // => { col: 2, width: 3 }
 */
export function parseColumnSpan(range: string): { col: number; width: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(range.trim());
  if (!m) return undefined;
  const [c1, c2] = [columnNumber(m[1]) as number, columnNumber(m[2]) as number];
  return { col: Math.min(c1, c2) - 1, width: Math.abs(c2 - c1) + 1 };
}

/**
 * A whole-row range ("2:5", "$2:$2") as its 0-based first row and height; undefined for anything else.
 * @example parseRowSpan('2:5') // => { row: 1, height: 4 }
 */
export function parseRowSpan(range: string): { row: number; height: number } | undefined {
  const m = /^\$?([1-9]\d*):\$?([1-9]\d*)$/.exec(range.trim());
  if (!m) return undefined;
  const [r1, r2] = [Number(m[1]), Number(m[2])];
  return { row: Math.min(r1, r2) - 1, height: Math.abs(r2 - r1) + 1 };
}

/** parseRect for ranges the planner wrote itself: a bad one is a bug, so it throws. */
export function requireRect(range: string): Rect {
  const r = parseRect(range);
  if (!r) throw new Error(`not an A1 range: ${range}`);
  return r;
}

/**
 * A full reference ('KPI Dashboard'!B5:B11, Data!A1) split into its sheet name (quotes undone)
 * and its A1 part; undefined when it names no sheet.
 * @example parseSheetRef("'Ana''s KPIs'!B2") // => { sheet: "Ana's KPIs", a1: 'B2' }
 */
export function parseSheetRef(ref: string): { sheet: string; a1: string } | undefined {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) ?? /^([^'!]+)!(.+)$/.exec(ref);
  return m ? { sheet: m[1].replace(/''/g, "'"), a1: m[2] } : undefined;
}

/** parseSheetRef for references the planner wrote itself: one without a sheet is a bug, so it throws. */
export function splitSheetRef(ref: string): { sheet: string; a1: string } {
  const r = parseSheetRef(ref);
  if (!r) throw new Error(`"${ref}" names no sheet`);
  return r;
}
