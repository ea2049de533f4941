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
