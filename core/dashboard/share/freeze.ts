import { valueError } from '../../errors';
import { cell, parseRect, rect } from '../a1';
import { fill, Locale, t, tr } from '../i18n';
import { maySpill, needsFreezing } from './detect';

/**
 * Share-ready freeze, decided once for every host: which cells call KPI Pilot, what each becomes
 * (its current value; a spilled table whole, header included), where the banner goes and what
 * must be kept so "Make live again" restores every formula exactly. Hosts only read the cells
 * (formulas and values of each sheet's used range, one read each) and write what this returns.
 * Ordinary native formulas are never touched: they keep computing from the frozen values (the
 * dynamic-array ones that older apps cannot compute are frozen too: detect.ts).
 * docs/concepts/sharing.md describes the whole round trip.
 */

/** What a host read from one sheet: formulas and values of a rectangle (its used range). */
export interface SheetCells {
  readonly sheet: string;
  /** 1-based row and column of formulas[0][0]. */
  readonly top: number;
  readonly left: number;
  /** A formula is text starting with "="; anything else (values, "") is not a formula. */
  readonly formulas: readonly (readonly unknown[])[];
  /** The values shown, same shape (dates may be Date objects: they are written back as read). */
  readonly values: readonly (readonly unknown[])[];
}

/** A host that knows a formula's spill exactly (Excel, HyperFormula) answers here: rows × columns from the formula cell. */
export type SpillOf = (sheet: string, row: number, col: number) => { readonly rows: number; readonly cols: number } | undefined;

/** One KPI Pilot formula as frozen: where it was, what it was, the rectangle its result filled. */
export interface FrozenFormula {
  readonly sheet: string;
  /** A1 of the formula cell. */
  readonly cell: string;
  readonly formula: string;
  /** A1 of the formula cell and the cells its result spilled into ("B5" when it filled one cell). */
  readonly range: string;
}

/** A rectangle to write: values (freeze) or formulas with "" around them (restore). 1-based row, col. */
export interface CellWrite {
  readonly sheet: string;
  readonly range: string;
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly unknown[])[];
}

export interface Banner {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface FreezePlan {
  /** ISO date of the freeze, as the banner says. */
  readonly frozenAt: string;
  /** Sheets with at least one frozen formula, in workbook order. */
  readonly sheets: readonly string[];
  readonly formulas: readonly FrozenFormula[];
  /** One value rectangle per frozen formula: its cell and its spill. */
  readonly writes: readonly CellWrite[];
  readonly banners: readonly Banner[];
}

export const BANNER: { readonly text: ReturnType<typeof t> } = {
  text: t(
    'Values as of {date}, computed by KPI Pilot. "Make live again" in the add-in restores the formulas.',
    'Valeurs au {date}, calculées par KPI Pilot. « Rendre dynamique » dans le module rétablit les formules.',
  ),
};

export function bannerText(date: string, locale: Locale): string {
  return fill(tr(BANNER.text, locale), { date });
}

const isFormula = (v: unknown): v is string => typeof v === 'string' && v.startsWith('=') && v.length > 1;
const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

export interface FreezeOptions {
  /** ISO date (YYYY-MM-DD) the banner names: today in the host's time zone. */
  readonly date: string;
  readonly locale: Locale;
  /** Exact spills when the host knows them; otherwise the rule below. */
  readonly spillOf?: SpillOf;
}

/**
 * The freeze of a workbook read as SheetCells. O(cells read).
 *
 * Spill rule when the host cannot tell (Google Sheets has no spill API): a formula whose KPI
 * Pilot functions all return one value fills its own cell. A table function's result starts at
 * its cell: its width is the run of filled, formula-free cells on the first row (a table's first
 * row is its header, never blank), its height the run of rows below that hold a value and no
 * formula across that width. Sheets refuses to spill over a filled cell, so inside that rectangle
 * nothing but the result can stand.
 * @throws KpiError #VALUE! when the date is not ISO or a grid is ragged
 */
export function planFreeze(sheets: readonly SheetCells[], options: FreezeOptions): FreezePlan {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw valueError(`the freeze date ${options.date} is not YYYY-MM-DD`);
  const formulas: FrozenFormula[] = [];
  const writes: CellWrite[] = [];
  const banners: Banner[] = [];
  const frozenSheets: string[] = [];
  for (const s of sheets) {
    checkShape(s);
    const f = (r: number, c: number) => s.formulas[r - s.top]?.[c - s.left];
    const v = (r: number, c: number) => s.values[r - s.top]?.[c - s.left];
    const taken = new Set<string>(); // cells already inside a frozen result
    let any = false;
    s.formulas.forEach((row, i) =>
      row.forEach((formula, j) => {
        if (!isFormula(formula) || !needsFreezing(formula)) return;
        const r = s.top + i;
        const c = s.left + j;
        if (taken.has(`${r},${c}`)) return;
        const size = options.spillOf?.(s.sheet, r, c) ?? (maySpill(formula) ? guessSpill(r, c, f, v) : { rows: 1, cols: 1 });
        const cells: unknown[][] = [];
        for (let dr = 0; dr < size.rows; dr++) {
          const out: unknown[] = [];
          for (let dc = 0; dc < size.cols; dc++) {
            taken.add(`${r + dr},${c + dc}`);
            const x = v(r + dr, c + dc);
            out.push(isEmpty(x) ? '' : x);
          }
          cells.push(out);
        }
        const range = rect(c, r, size.cols, size.rows);
        formulas.push({ sheet: s.sheet, cell: cell(c, r), formula, range });
        writes.push({ sheet: s.sheet, range, row: r, col: c, cells });
        any = true;
      }),
    );
    if (!any) continue;
    frozenSheets.push(s.sheet);
    const col = bannerColumn(s, taken);
    banners.push({ sheet: s.sheet, cell: cell(col, 1), row: 1, col, text: bannerText(options.date, options.locale) });
  }
  return { frozenAt: options.date, sheets: frozenSheets, formulas, writes, banners };
}

function checkShape(s: SheetCells): void {
  if (s.formulas.length !== s.values.length || s.formulas.some((row, i) => row.length !== s.values[i].length)) {
    throw valueError(`the formulas and values read from ${s.sheet} do not have the same shape`);
  }
}

type At = (r: number, c: number) => unknown;

function guessSpill(r: number, c: number, f: At, v: At): { rows: number; cols: number } {
  let cols = 1;
  while (!isFormula(f(r, c + cols)) && !isEmpty(v(r, c + cols))) cols++;
  let rows = 1;
  for (;;) {
    const row = r + rows;
    let filled = false;
    let blocked = false;
    for (let k = 0; k < cols; k++) {
      if (isFormula(f(row, c + k))) blocked = true;
      else if (!isEmpty(v(row, c + k))) filled = true;
    }
    if (blocked || !filled) break;
    rows++;
  }
  return { rows, cols };
}

/**
 * Spills measured by a host without a spill API (Google Sheets): it read each sheet, cleared the
 * KPI Pilot formulas that may spill and read the same rectangles again. A table is the run of
 * cells right of and below its formula that held a value before and are empty after; a value the
 * user typed beside a table stays filled, so it is not taken for part of it. O(cells read).
 * @param after values read again, one grid per entry of before, same shape
 */
export function spillsFromEmptied(before: readonly SheetCells[], after: readonly (readonly (readonly unknown[])[])[]): SpillOf {
  const bySheetName = new Map(before.map((s, i) => [s.sheet, { s, a: after[i] }]));
  return (sheet, r, c) => {
    const found = bySheetName.get(sheet);
    if (!found) return undefined;
    const { s, a } = found;
    if (a.length !== s.values.length || a.some((row, i) => row.length !== s.values[i].length)) {
      throw valueError(`the values read again from ${sheet} do not have the shape first read`);
    }
    const emptied = (row: number, col: number) => {
      const i = row - s.top;
      const j = col - s.left;
      return !isFormula(s.formulas[i]?.[j]) && !isEmpty(s.values[i]?.[j]) && isEmpty(a[i]?.[j]);
    };
    let cols = 1;
    while (emptied(r, c + cols)) cols++;
    let rows = 1;
    for (;;) {
      const row = r + rows;
      let any = false;
      let blocked = false;
      for (let k = 0; k < cols; k++) {
        if (isFormula(s.formulas[row - s.top]?.[c + k - s.left])) blocked = true;
        else if (emptied(row, c + k)) any = true;
      }
      if (blocked || !any) break;
      rows++;
    }
    return { rows, cols };
  };
}

/** The first empty cell of row 1 from column B (A holds the titles), outside every frozen result. */
function bannerColumn(s: SheetCells, taken: ReadonlySet<string>): number {
  for (let c = 2; ; c++) {
    const i = 1 - s.top;
    const j = c - s.left;
    const inGrid = i >= 0 && i < s.values.length && j >= 0 && j < (s.values[i]?.length ?? 0);
    const free = !inGrid || (isEmpty(s.values[i][j]) && !isFormula(s.formulas[i][j]));
    if (free && !taken.has(`1,${c}`)) return c;
  }
}

/** The record kept with the workbook so "Make live again" can restore: see store.ts. */
export interface FreezeRecord {
  readonly frozenAt: string;
  readonly formulas: readonly FrozenFormula[];
  readonly banners: readonly { readonly sheet: string; readonly cell: string }[];
}

export function recordOf(plan: FreezePlan): FreezeRecord {
  return { frozenAt: plan.frozenAt, formulas: plan.formulas, banners: plan.banners.map((b) => ({ sheet: b.sheet, cell: b.cell })) };
}

/**
 * What "Make live again" (and Excel's "Repair KPI Pilot formulas") writes: per formula, its
 * rectangle with the formula in the first cell and "" in the cells its result will spill into
 * again (a filled cell would block the spill), and "" in each banner cell.
 */
export function restoreWrites(record: FreezeRecord): CellWrite[] {
  const out: CellWrite[] = [];
  for (const f of record.formulas) {
    const r = parseRect(f.range)!;
    const cells = Array.from({ length: r.height }, (_, i) =>
      Array.from({ length: r.width }, (_, j) => (i === 0 && j === 0 ? f.formula : '')),
    );
    out.push({ sheet: f.sheet, range: f.range, row: r.row + 1, col: r.col + 1, cells });
  }
  for (const b of record.banners) {
    const r = parseRect(b.cell)!;
    out.push({ sheet: b.sheet, range: b.cell, row: r.row + 1, col: r.col + 1, cells: [['']] });
  }
  return out;
}
