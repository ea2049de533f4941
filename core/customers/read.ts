import { RangeArg, requireSameSize } from '../args/range';
import { valueError } from '../errors';
import { BgNbdParams } from './bgnbd';
import { GammaGammaParams } from './gammagamma';

/**
 * Reading the customer functions' spreadsheet arguments: row-aligned summary ranges where a fully
 * blank row is a gap (its result row stays blank) and a partly blank row is an error.
 */
export interface ReadCustomers {
  readonly frequency: number[];
  readonly recency: number[];
  readonly T: number[];
  readonly monetary: number[];
  /** For each customer read, its cell index in the ranges (row-major). */
  readonly cell: number[];
  /** Total cells, so results can keep one row per input cell. */
  readonly cells: number;
  /** Position text for customer i, for messages. */
  readonly where: (i: number) => string;
}

export function readCustomers(frequency: RangeArg, recency: RangeArg, T: RangeArg, monetary?: RangeArg): ReadCustomers {
  const ranges = monetary ? [frequency, recency, T, monetary] : [frequency, recency, T];
  const cells = requireSameSize(ranges[0], ...ranges.slice(1));
  const columns = ranges.map((r) => r.alignedNumbers());
  const out = { frequency: [] as number[], recency: [] as number[], T: [] as number[], monetary: [] as number[], cell: [] as number[] };
  for (let i = 0; i < cells; i++) {
    const blanks = columns.filter((c) => c[i] === null).length;
    if (blanks === columns.length) continue;
    if (blanks > 0) {
      const missing = ranges.filter((_, k) => columns[k][i] === null).map((r) => r.at(i));
      throw valueError(
        `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} blank but the same row has other values: fill in the customer's row or clear it`,
      );
    }
    out.frequency.push(columns[0][i] as number);
    out.recency.push(columns[1][i] as number);
    out.T.push(columns[2][i] as number);
    if (monetary) out.monetary.push(columns[3][i] as number);
    out.cell.push(i);
  }
  if (out.cell.length === 0) throw valueError(`${frequency.name} has no numbers: give one row per customer`);
  const where = (i: number) => `customer at ${frequency.at(out.cell[i])}`;
  return { ...out, cells, where };
}

/** One result per input cell: values in the read rows, blank (null) in gap rows. A one-column table, no header. */
export function columnPerCell(read: ReadCustomers, values: ArrayLike<number>): (number | null)[][] {
  const out: (number | null)[][] = Array.from({ length: read.cells }, () => [null]);
  for (let i = 0; i < read.cell.length; i++) out[read.cell[i]][0] = values[i];
  return out;
}

/** A 1×4 (or 4×1) range of r, alpha, a, b, as BGNBD_FIT prints them. */
export function readBgNbdParams(range: RangeArg): BgNbdParams {
  const v = range.numbers();
  if (v.length !== 4) {
    throw valueError(`${range.name} takes the 4 numbers r, alpha, a, b (as BGNBD_FIT prints them, without LogLik), got ${v.length}`);
  }
  return { r: v[0], alpha: v[1], a: v[2], b: v[3] };
}

/** A 1×3 (or 3×1) range of p, q, v, as GG_FIT prints them. */
export function readGammaGammaParams(range: RangeArg): GammaGammaParams {
  const v = range.numbers();
  if (v.length !== 3)
    throw valueError(`${range.name} takes the 3 numbers p, q, v (as GG_FIT prints them, without LogLik), got ${v.length}`);
  return { p: v[0], q: v[1], v: v[2] };
}
