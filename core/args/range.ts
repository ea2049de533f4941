import { numError, valueError } from '../errors';
import { Cell, RawArg, describe, errorFromCell, isBlank, isDate, isoFromSerial, requireDate, toSerial } from './cells';

/**
 * One range argument, named after its parameter so every message can say where the problem is.
 * Accepts a single value or a 2-D array; cells are read row by row.
 */
export class RangeArg {
  readonly rows: Cell[][];
  readonly width: number;

  constructor(
    readonly name: string,
    raw: RawArg,
  ) {
    if (Array.isArray(raw)) {
      // Hosts pass 2-D arrays (every row an array); a flat array from a script is read as one column.
      this.rows =
        raw.length === 0 || Array.isArray(raw[0]) ? (raw as Cell[][]) : (raw as Cell[]).map((row) => (Array.isArray(row) ? row : [row]));
    } else {
      this.rows = [[raw]];
    }
    this.width = this.rows.length ? this.rows[0].length : 0;
  }

  /** Number of cells, blanks included: what paired ranges must agree on. */
  get size(): number {
    let n = 0;
    for (const row of this.rows) n += row.length;
    return n;
  }

  /** "row 3" for a column, "row 3, column 2" for a block: 1-based, within the range. */
  position(row: number, col: number): string {
    return this.width > 1 ? `${this.name}, row ${row + 1}, column ${col + 1}` : `${this.name}, row ${row + 1}`;
  }

  private positionOf(index: number): string {
    let i = index;
    for (let r = 0; r < this.rows.length; r++) {
      if (i < this.rows[r].length) return this.position(r, i);
      i -= this.rows[r].length;
    }
    return this.name;
  }

  private notANumber(v: Cell, r: number, c: number): never {
    const err = errorFromCell(v);
    if (err) throw err;
    const what =
      typeof v === 'string'
        ? 'is text, not a number'
        : typeof v === 'boolean'
          ? 'is a boolean, not a number'
          : isDate(v)
            ? 'is a date, not a number'
            : 'is not a number';
    throw valueError(`${this.position(r, c)}: ${describe(v)} ${what}`);
  }

  /**
   * Σ of the numeric cells, like SUM, but text is an error and an all-blank range too.
   * With nonNegative (counts, spend), a negative cell is an error naming its row.
   */
  sum(nonNegative = false): number {
    let total = 0;
    let count = 0;
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'number') {
          if (v - v !== 0) throw numError(`${this.position(r, c)}: ${v} is not a finite number`); // NaN or ±Infinity
          if (nonNegative && v < 0) throw numError(`${this.position(r, c)}: ${v} is negative; ${this.name} cannot be`);
          total += v;
          count++;
        } else if (v !== '' && v !== null && v !== undefined) this.notANumber(v, r, c);
      }
    }
    if (count === 0) throw valueError(`${this.name} has no numbers`);
    return total;
  }

  /** The numeric cells in order, blanks skipped. */
  numbers(): number[] {
    const out: number[] = [];
    this.forEachCell((v, r, c) => {
      if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
      else if (!isBlank(v)) this.notANumber(v, r, c);
    });
    return out;
  }

  /** One entry per cell, null where blank: for ranges read row-aligned with others. */
  alignedNumbers(): (number | null)[] {
    const out: (number | null)[] = [];
    this.forEachCell((v, r, c) => {
      if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
      else if (isBlank(v)) out.push(null);
      else this.notANumber(v, r, c);
    });
    return out;
  }

  /** Dates as day serials (see cells.ts), null where blank. */
  alignedDates(): (number | null)[] {
    const out: (number | null)[] = [];
    this.forEachCell((v, r, c) => {
      const err = errorFromCell(v);
      if (err) throw err;
      if (isBlank(v)) out.push(null);
      else out.push(toSerial(v) ?? requireDate(v, this.position(r, c))); // the position's text only for a bad cell
    });
    return out;
  }

  /** Labels (ids, channels, groups) as text, null where blank. Numbers become their text. */
  alignedTexts(): (string | null)[] {
    const out: (string | null)[] = [];
    this.forEachCell((v) => {
      if (typeof v === 'string') {
        const t = v.trim();
        out.push(t === '' ? null : t);
      } else if (v === null || v === undefined) out.push(null);
      else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
      else {
        const err = errorFromCell(v);
        if (err) throw err;
        out.push(isDate(v) ? isoFromSerial(requireDate(v, this.name)) : String(v));
      }
    });
    return out;
  }

  /** Booleans or 1/0 flags (TRUE/FALSE text accepted), null where blank. */
  alignedFlags(): (boolean | null)[] {
    const out: (boolean | null)[] = [];
    this.forEachCell((v, r, c) => {
      const err = errorFromCell(v);
      if (err) throw err;
      if (isBlank(v)) out.push(null);
      else if (typeof v === 'boolean') out.push(v);
      else if (v === 1 || v === 0) out.push(v === 1);
      else if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) out.push(v.trim().toLowerCase() === 'true');
      else throw valueError(`${this.position(r, c)}: ${describe(v)} is not TRUE/FALSE or 1/0`);
    });
    return out;
  }

  forEachCell(fn: (v: Cell, row: number, col: number) => void): void {
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < row.length; c++) fn(row[c], r, c);
    }
  }

  /** The i-th cell in row-major order: O(1) for the usual one-column range. */
  cellAt(index: number): Cell {
    if (this.width === 1) return this.rows[index][0];
    let i = index;
    for (const row of this.rows) {
      if (i < row.length) return row[i];
      i -= row.length;
    }
    return undefined;
  }

  /** Where the i-th cell (row-major) sits, for messages about aligned values. */
  at(index: number): string {
    return this.positionOf(index);
  }
}

/** Paired ranges must have as many cells as each other; the message names both sizes. */
export function requireSameSize(first: RangeArg, ...others: RangeArg[]): number {
  for (const other of others) {
    if (other.size !== first.size) {
      throw valueError(`${first.name} has ${first.size} cells but ${other.name} has ${other.size}: give ranges of the same size`);
    }
  }
  return first.size;
}
