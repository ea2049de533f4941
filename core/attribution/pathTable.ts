import { divZeroError, numError, valueError } from '../errors';
import { ChannelIndex, splitPath } from './channels';

/**
 * Journeys as the models read them: rows of channel ids stored flat (row p's steps are
 * steps[offsets[p] .. offsets[p+1]-1]), each with its conversions, conversion value and
 * non-converting journeys ("nulls"). Rows need not be distinct: every model is additive over
 * rows, so a path listed twice counts as the sum of its rows.
 */
export interface PathTable {
  readonly channels: readonly string[];
  readonly offsets: Int32Array;
  readonly steps: Int32Array;
  readonly conversions: Float64Array;
  /** Conversion value per row; null when no values were given. */
  readonly values: Float64Array | null;
  /** Non-converting journeys per row; null when not given (Markov then sees only conversions). */
  readonly nulls: Float64Array | null;
  /** Days from each step to its journey's conversion (touch rows only), for time decay by days. */
  readonly ages: Float64Array | null;
}

export function rowCount(t: PathTable): number {
  return t.conversions.length;
}

/** Plain-array input of a path table: what ATTRIBUTION reads, and what the dashboard can pass. */
export interface PathTableInput {
  readonly paths: readonly (string | null)[];
  readonly conversions: readonly (number | null)[];
  readonly values?: readonly (number | null)[];
  readonly nulls?: readonly (number | null)[];
  /** Names the cell of a message, e.g. (name, i) => `${name}, row ${i + 1}`. */
  readonly where?: (argument: string, index: number) => string;
}

/** Default message position: "conversions, row 3". */
export const rowWhere = (argument: string, index: number): string => `${argument}, row ${index + 1}`;

/**
 * Reads a path table (ChannelAttribution layout) into a PathTable. A row whose path and numbers
 * are all blank is skipped; a blank number next to a path reads as 0.
 * Cost: linear in the total text length.
 * @throws #VALUE! for mismatched sizes, a blank or malformed path that carries numbers, or no path at all;
 *   #NUM! for a negative count or value; #VALUE! for a value on a path with 0 conversions.
 * @example readPathTable({ paths: ["A > B", "B"], conversions: [2, 1] })
 */
export function readPathTable(input: PathTableInput): PathTable {
  const where = input.where ?? rowWhere;
  const n = input.paths.length;
  sameLength('conversions', input.conversions, n);
  if (input.values) sameLength('values', input.values, n);
  if (input.nulls) sameLength('nulls', input.nulls, n);

  const index = new ChannelIndex();
  const offsets: number[] = [0];
  const steps: number[] = [];
  const conv: number[] = [];
  const vals: number[] = [];
  const nuls: number[] = [];
  for (let i = 0; i < n; i++) {
    const path = input.paths[i];
    const c = input.conversions[i];
    const v = input.values ? input.values[i] : null;
    const u = input.nulls ? input.nulls[i] : null;
    if (path === null || path.trim() === '') {
      if (c === null && v === null && u === null) continue;
      throw valueError(`${where('paths', i)} is blank but its row has numbers; give the path or clear the row`);
    }
    const ids = splitPath(path, index, () => where('paths', i));
    for (const id of ids) steps.push(id);
    offsets.push(steps.length);
    const conversions = count(c, 'conversions', i, where);
    const value = count(v, 'values', i, where);
    if (value !== 0 && conversions === 0) {
      throw valueError(
        `${where('values', i)}: ${value} is the value of a path with no conversions; a value belongs to converting journeys`,
      );
    }
    conv.push(conversions);
    vals.push(value);
    nuls.push(count(u, 'nulls', i, where));
  }
  if (conv.length === 0) throw valueError('paths has no paths; give one path per row, like "Email > Search"');
  return {
    channels: index.names,
    offsets: Int32Array.from(offsets),
    steps: Int32Array.from(steps),
    conversions: Float64Array.from(conv),
    values: input.values ? Float64Array.from(vals) : null,
    nulls: input.nulls ? Float64Array.from(nuls) : null,
    ages: null,
  };
}

function sameLength(name: string, column: readonly unknown[], n: number): void {
  if (column.length !== n) {
    throw valueError(`paths has ${n} cells but ${name} has ${column.length}: give ranges of the same size`);
  }
}

function count(v: number | null, name: string, i: number, where: (a: string, i: number) => string): number {
  if (v === null) return 0;
  if (!Number.isFinite(v)) throw numError(`${where(name, i)}: ${v} is not a finite number`);
  if (v < 0) {
    const why = name === 'nulls' ? " (a path's journeys are its conversions plus its nulls, so conversions can never exceed them)" : '';
    throw numError(`${where(name, i)}: ${v} is negative; ${name} cannot be${why}`);
  }
  return v;
}

/** Σ conversions, the total every model distributes. @throws #DIV/0! when it is 0. */
export function totalConversions(t: PathTable): number {
  let total = 0;
  for (let p = 0; p < t.conversions.length; p++) total += t.conversions[p];
  if (total === 0) throw divZeroError('conversions sum to 0: nothing converts, so there is nothing to attribute');
  return total;
}

/** Σ values, or null without values. */
export function totalValue(t: PathTable): number | null {
  if (!t.values) return null;
  let total = 0;
  for (let p = 0; p < t.values.length; p++) total += t.values[p];
  return total;
}
