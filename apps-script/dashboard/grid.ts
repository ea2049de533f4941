import { columnLetter, requireRect } from '../../core/dashboard/a1';
import { CellStyle, PlanCell, PlannedSheet } from '../../core/dashboard/plan';

/** A rectangle of a sheet, 1-based, as SpreadsheetApp's getRange(row, column, numRows, numColumns) takes it. */
export interface GridRect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * A plan's A1 rectangle (parsed by core a1.ts) as getRange's 1-based arguments. O(1).
 * @throws Error when the text is not an A1 cell or rectangle (a plan bug, not a user error)
 * @example gridRect('A4:J11') // => { row: 4, col: 1, rows: 8, cols: 10 }
 */
export function gridRect(a1: string): GridRect {
  const r = requireRect(a1);
  return { row: r.row + 1, col: r.col + 1, rows: r.height, cols: r.width };
}

/** The cell formats Sheets calls Automatic: what a cell has after sheet.clear(). */
export const GENERAL = 'General';
/** Plain text: a string written under it stays text ("2024", "1/2", "TRUE" are not parsed). */
export const TEXT_FORMAT = '@';
/** Sheets' default font size and colour, written where a block sets none (setFontSizes takes no null). */
const DEFAULT_FONT_SIZE = 10;
const DEFAULT_FONT_COLOR = '#000000';

/** One 2-D array per Range setter, all of the rectangle's shape; only the styles some block sets. */
export interface SheetGrids {
  readonly rect: GridRect;
  readonly values: (string | number | boolean)[][];
  readonly numberFormats: string[][];
  readonly fontWeights?: ('bold' | 'normal' | null)[][];
  readonly fontStyles?: ('italic' | 'normal' | null)[][];
  readonly fontSizes?: number[][];
  readonly fontColors?: string[][];
  readonly backgrounds?: (string | null)[][];
  readonly wraps?: boolean[][];
  readonly horizontalAlignments?: ('left' | 'center' | 'right' | null)[][];
}

type StyleKey = keyof CellStyle;

/**
 * Merges every block of a planned sheet into ONE rectangle (their bounding box), so the applier
 * writes a sheet with one setValues, one setNumberFormats and one call per style property used,
 * whatever the number of blocks. Cells between blocks are written empty: the sheet was just
 * cleared (replace) or created, so that changes nothing. O(cells of the rectangle).
 *
 * - Formulas go in as "=..." strings (setValues enters them as formulas).
 * - A text cell without a planned format gets "@" (plain text), so Sheets does not turn an
 *   owner named "2024" into a number; text the planner protected with a leading apostrophe
 *   keeps General, where Sheets drops the apostrophe as it does for typed input.
 * - Other cells without a planned format take the sheet's column format (History's date
 *   column) or General.
 * @throws Error when a block's cells do not fill its range (a plan bug)
 */
export function sheetGrids(sheet: Pick<PlannedSheet, 'blocks' | 'columnFormats'>): SheetGrids | null {
  if (sheet.blocks.length === 0) return null;
  const rects = sheet.blocks.map((b) => gridRect(b.range));
  const top = Math.min(...rects.map((r) => r.row));
  const left = Math.min(...rects.map((r) => r.col));
  const bottom = Math.max(...rects.map((r) => r.row + r.rows - 1));
  const right = Math.max(...rects.map((r) => r.col + r.cols - 1));
  const rect: GridRect = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };

  const used = new Set<StyleKey>();
  for (const b of sheet.blocks) for (const k of Object.keys(b.style ?? {}) as StyleKey[]) if (b.style![k] !== undefined) used.add(k);
  const make = <T>(fill: T): T[][] => Array.from({ length: rect.rows }, () => new Array<T>(rect.cols).fill(fill));
  const columnFormat = (c: number) => sheet.columnFormats?.[columnLetter(left + c)] ?? GENERAL;

  const values = make<string | number | boolean>('');
  const numberFormats = Array.from({ length: rect.rows }, () => Array.from({ length: rect.cols }, (_, c) => columnFormat(c)));
  const fontWeights = used.has('bold') ? make<'bold' | 'normal' | null>(null) : undefined;
  const fontStyles = used.has('italic') ? make<'italic' | 'normal' | null>(null) : undefined;
  const fontSizes = used.has('fontSize') ? make(DEFAULT_FONT_SIZE) : undefined;
  const fontColors = used.has('fontColor') ? make(DEFAULT_FONT_COLOR) : undefined;
  const backgrounds = used.has('background') ? make<string | null>(null) : undefined;
  const wraps = used.has('wrap') ? make(false) : undefined;
  const horizontalAlignments = used.has('horizontalAlignment') ? make<'left' | 'center' | 'right' | null>(null) : undefined;

  sheet.blocks.forEach((block, i) => {
    const r = rects[i];
    if (block.cells.length !== r.rows || block.cells.some((row) => row.length !== r.cols))
      throw new Error(`block ${block.range} does not hold ${r.rows}×${r.cols} cells`);
    const s = block.style ?? {};
    for (let y = 0; y < r.rows; y++) {
      const gy = r.row - top + y;
      for (let x = 0; x < r.cols; x++) {
        const gx = r.col - left + x;
        const cell = block.cells[y][x];
        const planned = block.numberFormats?.[y]?.[x];
        values[gy][gx] = cellValue(cell);
        numberFormats[gy][gx] = planned ?? (typeof cell === 'string' && !isProtected(cell) ? TEXT_FORMAT : columnFormat(gx));
        if (fontWeights && s.bold !== undefined) fontWeights[gy][gx] = s.bold ? 'bold' : 'normal';
        if (fontStyles && s.italic !== undefined) fontStyles[gy][gx] = s.italic ? 'italic' : 'normal';
        if (fontSizes && s.fontSize !== undefined) fontSizes[gy][gx] = s.fontSize;
        if (fontColors && s.fontColor !== undefined) fontColors[gy][gx] = s.fontColor;
        if (backgrounds && s.background !== undefined) backgrounds[gy][gx] = s.background;
        if (wraps && s.wrap !== undefined) wraps[gy][gx] = s.wrap;
        if (horizontalAlignments && s.horizontalAlignment !== undefined) horizontalAlignments[gy][gx] = s.horizontalAlignment;
      }
    }
  });
  return { rect, values, numberFormats, fontWeights, fontStyles, fontSizes, fontColors, backgrounds, wraps, horizontalAlignments };
}

/** What setValues gets for a plan cell: formulas as "=..." text, blanks as "". */
export function cellValue(cell: PlanCell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.formula;
  return cell;
}

/** The planner's apostrophe before text that would read as a formula ("'=x", "'+33 ..."). */
function isProtected(text: string): boolean {
  return /^'[=+\-@]/.test(text);
}

/**
 * Column widths as runs of equal width ({A:220,B:100,C:100} -> [[1,1,220],[2,2,100]]), so
 * setColumnWidths(start, count, width) is called once per run, not once per column. O(columns).
 */
export function widthRuns(widths: Readonly<Record<string, number>>): [start: number, count: number, width: number][] {
  const cols = Object.entries(widths)
    .map(([letter, w]) => [gridRect(`${letter}1`).col, w] as const)
    .sort((a, b) => a[0] - b[0]);
  const runs: [number, number, number][] = [];
  for (const [col, w] of cols) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === col && last[2] === w) last[1]++;
    else runs.push([col, 1, w]);
  }
  return runs;
}
