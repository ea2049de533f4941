import { RawCellContent } from 'hyperformula';
import type { Locale } from '../../core/dashboard/i18n';
import { yieldToPage } from './yield';
import { shiftFormula, Workbook } from './workbook';

/** Cells written per slice: about a frame's worth of the engine's work on plain values. */
const SLICE_CELLS = 2000;

/** A rectangle of one sheet, inclusive, 0-based. */
export interface Area {
  sheet: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellState {
  content: RawCellContent;
  numberFormat?: string;
}

/** Copied cells (contents and formats) with where they came from. */
export interface Clip {
  area: Area;
  cells: CellState[][];
}

interface Change {
  area: Area;
  before: CellState[][];
  after: CellState[][];
}

/**
 * Every change a user makes to cells (typing, paste, fill, clear, number formats) goes through
 * here, so each can be undone and redone: the cells of the area are recorded before and after.
 * Generated sheets are rewritten by the add-in, not by the user, so a generation clears the
 * history (undoing into a sheet that was rewritten would lose work). O(cells of the area).
 * Every change is asynchronous: a large one is written in slices (see put).
 */
export class EditHistory {
  private readonly done: Change[] = [];
  private readonly undone: Change[] = [];
  /** Called after any change, undo or redo (to save the workbook). */
  onChange: (area: Area) => void = () => undefined;
  /** Rows written so far of a change written in slices. */
  onProgress: (done: number, total: number) => void = () => undefined;
  private writing = false;

  constructor(
    private readonly workbook: Workbook,
    private readonly limit = 200,
  ) {}

  /** Writes cell contents (formulas as text) starting at the area's top-left. */
  write(sheet: number, top: number, left: number, rows: RawCellContent[][]): Promise<Area | undefined> {
    const area = { sheet, top, left, bottom: top + rows.length - 1, right: left + Math.max(1, ...rows.map((r) => r.length)) - 1 };
    return this.change(area, (row, col, was) => ({ content: rows[row - top]?.[col - left] ?? null, numberFormat: was.numberFormat }));
  }

  /** Sets the number format of every cell of the area (undefined: back to the default). */
  format(area: Area, numberFormat: string | undefined): Promise<Area | undefined> {
    return this.change(area, (_r, _c, was) => ({ content: was.content, numberFormat }));
  }

  /** Empties the area's contents (formats stay, as in Sheets). */
  clear(area: Area): Promise<Area | undefined> {
    return this.change(area, (_r, _c, was) => ({ content: null, numberFormat: was.numberFormat }));
  }

  /**
   * Copies the first row of the area down to its other rows (or, for a one-row area, the row
   * above into it): relative references move with each row, $-anchored ones stay.
   */
  fillDown(area: Area): Promise<Area | undefined> {
    const source = area.top === area.bottom ? area.top - 1 : area.top;
    if (source < 0) return Promise.resolve(undefined);
    const from = source === area.top ? area.top + 1 : area.top;
    return this.change({ ...area, top: from }, (row, col, was) => ({
      content: this.shifted(area.sheet, source, col, row - source, 0),
      numberFormat: this.state(area.sheet, source, col).numberFormat ?? was.numberFormat,
    }));
  }

  /** fillDown's twin: the first column copied right (or the column on the left into a one-column area). */
  fillRight(area: Area): Promise<Area | undefined> {
    const source = area.left === area.right ? area.left - 1 : area.left;
    if (source < 0) return Promise.resolve(undefined);
    const from = source === area.left ? area.left + 1 : area.left;
    return this.change({ ...area, left: from }, (row, col, was) => ({
      content: this.shifted(area.sheet, row, source, 0, col - source),
      numberFormat: this.state(area.sheet, row, source).numberFormat ?? was.numberFormat,
    }));
  }

  /** What the cells of an area show, for the clipboard: numbers, text, truth values, dates as ISO, errors as their code. */
  values(area: Area): unknown[][] {
    const out: unknown[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: unknown[] = [];
      for (let c = area.left; c <= area.right; c++) {
        const address = { sheet: area.sheet, row: r, col: c };
        const view = this.workbook.view(address);
        const value = this.workbook.hf.getCellValue(address);
        row.push(view.kind === 'date' || view.kind === 'error' ? view.display : value);
      }
      out.push(row);
    }
    return out;
  }

  /** The cells of an area as a copy keeps them, to paste later even if the area changed meanwhile. */
  snapshot(area: Area): Clip {
    return { area, cells: this.read(area) };
  }

  /**
   * Pastes cells copied in this page: formulas move by the distance between the copied cells and
   * where they land, as a spreadsheet pastes them; number formats come along.
   */
  paste(clip: Clip, to: { sheet: number; top: number; left: number }): Promise<Area | undefined> {
    const { area: from, cells } = clip;
    const area = { sheet: to.sheet, top: to.top, left: to.left, bottom: to.top + cells.length - 1, right: to.left + cells[0].length - 1 };
    return this.change(area, (row, col) => {
      const c = cells[row - to.top][col - to.left];
      const content =
        typeof c.content === 'string' && c.content.startsWith('=')
          ? shiftFormula(c.content, to.top - from.top, to.left - from.left)
          : c.content;
      return { content, numberFormat: c.numberFormat };
    });
  }

  canUndo(): boolean {
    return this.done.length > 0;
  }

  canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Undoes the last change; undefined when there is none or a long change is still being written. */
  async undo(): Promise<Area | undefined> {
    if (this.busy) return undefined;
    const change = this.done.pop();
    if (!change) return undefined;
    await this.guarded(() => this.put(change.area, change.after, change.before));
    this.undone.push(change);
    this.onChange(change.area);
    return change.area;
  }

  async redo(): Promise<Area | undefined> {
    if (this.busy) return undefined;
    const change = this.undone.pop();
    if (!change) return undefined;
    await this.guarded(() => this.put(change.area, change.before, change.after));
    this.done.push(change);
    this.onChange(change.area);
    return change.area;
  }

  /** Forgets every change (after a generation or a reset rewrote sheets). */
  forget(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  /** A change is being written in slices: other changes wait for it (they are refused meanwhile). */
  get busy(): boolean {
    return this.writing;
  }

  private async change(area: Area, next: (row: number, col: number, was: CellState) => CellState): Promise<Area | undefined> {
    if (this.writing) return undefined;
    let before: CellState[][] = [];
    let after: CellState[][] = [];
    await this.guarded(async () => {
      // a large area is read and worked out in slices too, so no step holds the page for long
      const rowsPerSlice = Math.max(1, Math.floor(SLICE_CELLS / (area.right - area.left + 1)));
      for (let top = area.top; top <= area.bottom; top += rowsPerSlice) {
        const part = this.read({ ...area, top, bottom: Math.min(area.bottom, top + rowsPerSlice - 1) });
        before = before.concat(part);
        after = after.concat(part.map((cells, i) => cells.map((was, j) => next(top + i, area.left + j, was))));
        if (area.bottom - area.top + 1 > rowsPerSlice) await yieldToPage();
      }
      await this.put(area, before, after);
    });
    this.done.push({ area, before, after });
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
    this.onChange(area);
    return area;
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    this.writing = true;
    try {
      await work();
    } finally {
      this.writing = false;
    }
  }

  private shifted(sheet: number, row: number, col: number, rows: number, cols: number): RawCellContent {
    const content = this.state(sheet, row, col).content;
    return typeof content === 'string' && content.startsWith('=') ? shiftFormula(content, rows, cols) : content;
  }

  private state(sheet: number, row: number, col: number): CellState {
    const address = { sheet, row, col };
    const formula = this.workbook.hf.getCellFormula(address);
    const raw = formula ?? this.workbook.hf.getCellSerialized(address);
    const own = this.workbook.format(address)?.numberFormat;
    return { content: (raw ?? null) as RawCellContent, numberFormat: own ?? undefined };
  }

  private read(area: Area): CellState[][] {
    const out: CellState[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: CellState[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(this.state(area.sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /**
   * Writes the area's new state. Contents are written only in slices where they change (a format
   * change recomputes nothing), in slices of rows: an area larger than one slice (a pasted file, a fill
   * over thousands of rows) yields to the page between slices and reports its progress, so the
   * page keeps answering while the engine recalculates. O(cells of the area).
   */
  private async put(area: Area, was: CellState[][], cells: CellState[][]): Promise<void> {
    const hf = this.workbook.hf;
    if (!hf.doesSheetExist(hf.getSheetName(area.sheet) ?? '')) return;
    const width = area.right - area.left + 1;
    const rowsPerSlice = Math.max(1, Math.floor(SLICE_CELLS / width));
    const sliced = cells.length > rowsPerSlice;
    for (let start = 0; start < cells.length; start += rowsPerSlice) {
      const rows = cells.slice(start, start + rowsPerSlice);
      rows.forEach((row, i) =>
        row.forEach((c, j) => this.workbook.setNumberFormat(area.sheet, area.top + start + i, area.left + j, c.numberFormat)),
      );
      const changed = rows.some((row, i) => row.some((c, j) => c.content !== was[start + i][j].content));
      if (changed)
        hf.setCellContents(
          { sheet: area.sheet, row: area.top + start, col: area.left },
          rows.map((row) => row.map((c) => c.content)),
        );
      if (sliced) {
        this.onProgress(Math.min(cells.length, start + rowsPerSlice), cells.length);
        await yieldToPage();
      }
    }
    this.workbook.settle();
    if (sliced) this.onProgress(cells.length, cells.length);
  }
}

/**
 * A cell's text as typed or pasted, as the workbook should hold it: "=..." a formula, numbers as
 * numbers (in French "1 234,5" and "12,5 %" too), "TRUE"/"FALSE" as truth values, the rest as
 * text (the engine reads ISO dates as dates). Empty text empties the cell.
 */
export function parseInput(text: string, locale: Locale): RawCellContent {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=')) return text;
  const normal = locale === 'fr' ? t.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.') : t.replace(/,(?=\d{3}(\D|$))/g, '');
  const pct = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(normal);
  if (pct) return Number(pct[1]) / 100;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return Number(normal);
  if (/^(true|false|vrai|faux)$/i.test(t)) return /^(true|vrai)$/i.test(t);
  return text;
}
