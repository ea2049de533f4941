import { rect, requireRect } from './a1';
import { PlanCell, PlannedSheet } from './plan';

/**
 * One planned sheet merged into a single rectangle from A1, so an applier writes a whole sheet
 * with one call per property (Sheets: setValues, setNumberFormats, setFontWeights,
 * setBackgrounds, ... each takes a 2-D array; Excel: range.formulas, range.numberFormat). Blocks
 * never overlap; cells between them are null (empty, default format and style). O(cells).
 */
export interface SheetGrid {
  /** "A1:AB24" */
  readonly range: string;
  readonly rows: number;
  readonly columns: number;
  readonly cells: PlanCell[][];
  /** null = the host's General format. */
  readonly numberFormats: (string | null)[][];
  readonly fontWeights: ('bold' | 'normal')[][];
  readonly fontStyles: ('italic' | 'normal')[][];
  /** null = no fill / default colour / default size / default alignment. */
  readonly backgrounds: (string | null)[][];
  readonly fontColors: (string | null)[][];
  readonly fontSizes: (number | null)[][];
  readonly wraps: boolean[][];
  readonly horizontalAlignments: ('left' | 'center' | 'right' | null)[][];
  /** Custom functions called anywhere on the sheet (Excel: prefix KPI.). */
  readonly customFunctions: readonly string[];
}

export function sheetGrid(sheet: PlannedSheet): SheetGrid {
  let rows = 1;
  let columns = 1;
  const placed = sheet.blocks.map((b) => {
    const { col, row } = requireRect(b.range);
    rows = Math.max(rows, row + b.cells.length);
    columns = Math.max(columns, col + (b.cells[0]?.length ?? 0));
    return { b, row, col };
  });
  const make = <T>(v: T): T[][] => Array.from({ length: rows }, () => new Array<T>(columns).fill(v));
  const grid = {
    cells: make<PlanCell>(null),
    numberFormats: make<string | null>(null),
    fontWeights: make<'bold' | 'normal'>('normal'),
    fontStyles: make<'italic' | 'normal'>('normal'),
    backgrounds: make<string | null>(null),
    fontColors: make<string | null>(null),
    fontSizes: make<number | null>(null),
    wraps: make<boolean>(false),
    horizontalAlignments: make<'left' | 'center' | 'right' | null>(null),
  };
  const custom = new Set<string>();
  for (const { b, row, col } of placed) {
    b.customFunctions?.forEach((c) => custom.add(c));
    const s = b.style ?? {};
    b.cells.forEach((cells, i) =>
      cells.forEach((c, j) => {
        const [r, k] = [row + i, col + j];
        grid.cells[r][k] = c;
        grid.numberFormats[r][k] = b.numberFormats?.[i][j] ?? null;
        if (s.bold) grid.fontWeights[r][k] = 'bold';
        if (s.italic) grid.fontStyles[r][k] = 'italic';
        grid.backgrounds[r][k] = s.background ?? null;
        grid.fontColors[r][k] = s.fontColor ?? null;
        grid.fontSizes[r][k] = s.fontSize ?? null;
        grid.wraps[r][k] = !!s.wrap;
        grid.horizontalAlignments[r][k] = s.horizontalAlignment ?? null;
      }),
    );
  }
  return { range: rect(1, 1, columns, rows), rows, columns, ...grid, customFunctions: [...custom] };
}
