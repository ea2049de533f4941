import { CellStyle, PlanCell } from '../../core/dashboard/plan';

/**
 * Plan values in the shapes Excel's Range API takes. Everything here is pure, so the applier only
 * queues calls. Excel reads a `formulas` array like typed input: a string that looks like a number,
 * a date or a boolean would silently become one, so such text gets Excel's text prefix (').
 */

/** Text Excel would coerce when typed: numbers (with currency, %, separators), dates, times, TRUE/FALSE. */
const COERCIBLE = /^\s*(?:[-+(]?\s*[$€£]?\s*\d[\d\s.,:/%-]*[$€£%)]?|true|false)\s*$/i;

/**
 * One plan cell as an entry of Range.formulas: formulas as they are (already rendered for Excel),
 * null as "" (Excel ignores null in a write, "" clears the cell), text Excel would coerce with a
 * leading apostrophe. O(1).
 * @example excelCell(null) // => ''
 * @example excelCell('2026-01') // => "'2026-01"
 */
export function excelCell(cell: PlanCell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.formula;
  if (typeof cell === 'string' && !cell.startsWith("'") && COERCIBLE.test(cell)) return `'${cell}`;
  // Excel takes a leading apostrophe as its text prefix and drops it: text that starts with one
  // ('Subscriptions'!A:A in Definitions) gets a second, except the planner's own protection of
  // text that would read as a formula ('=x, '+33...), which Excel should drop
  if (typeof cell === 'string' && cell.startsWith("'") && !/^'[=+\-@]/.test(cell)) return `'${cell}`;
  return cell;
}

/** A block's cells as Range.formulas. O(cells). */
export function excelFormulas(cells: readonly (readonly PlanCell[])[]): (string | number | boolean)[][] {
  return cells.map((row) => row.map(excelCell));
}

/** A block's number formats as Range.numberFormat: null (the plan's "General") written as General, since Excel skips null. */
export function excelNumberFormats(formats: readonly (readonly (string | null)[])[]): string[][] {
  return formats.map((row) => row.map((f) => f ?? 'General'));
}

/** Excel sizes columns and charts in points; the plan in pixels (96 dpi: 1 px = 0.75 pt). */
export function points(px: number): number {
  return px * 0.75;
}

/** Excel's names for the plan's alignments. */
export const ALIGNMENT: Record<NonNullable<CellStyle['horizontalAlignment']>, 'Left' | 'Center' | 'Right'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/** Excel's text literal for a conditional-format formula: "On track" with inner quotes doubled. */
export function textLiteral(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/** Today's date in the machine's time zone (the one Excel shows) as ISO YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
