import { describe } from '../args/cells';
import { numError, valueError } from '../errors';
import { Table } from '../registry/types';
import { ChannelIndex, PATH_SEPARATOR } from './channels';
import { PathTable, rowCount, rowWhere } from './pathTable';

/** Plain-array input of touch-level rows: one row per touch, aligned by position. */
export interface TouchInput {
  readonly journeys: readonly (string | null)[];
  /** Day serials (Excel 1900 system; fractions are times of day). */
  readonly timestamps: readonly (number | null)[];
  readonly channels: readonly (string | null)[];
  readonly converted: readonly (boolean | null)[];
  readonly values?: readonly (number | null)[];
  readonly where?: (argument: string, index: number) => string;
}

/**
 * Groups touch rows into one path per journey, touches ordered by timestamp (ties keep row
 * order). A journey converts when any of its rows says so (flag every row of the journey or only
 * the converting touch); its conversion moment is its last touch, so each touch's age is the days
 * from it to that last touch. Its value is the value on its rows: repeat it on each row or give
 * it once. Rows blank in journey, timestamp and channel are skipped.
 * Cost: O(rows) plus sorting inside journeys whose rows are out of time order.
 * @throws #VALUE! for mismatched sizes, a row missing its journey/timestamp/channel, a channel
 *   containing ">", different values within one journey, a value on a journey that never
 *   converts, or no touch at all; #NUM! for a negative value.
 * @example readTouches({ journeys: ["u1","u1"], timestamps: [46082, 46085], channels: ["Ads","Email"], converted: [true,true] })
 */
export function readTouches(input: TouchInput): PathTable {
  const where = input.where ?? rowWhere;
  const n = input.journeys.length;
  for (const [name, col] of [
    ['timestamps', input.timestamps],
    ['channels', input.channels],
    ['converted', input.converted],
    ['values', input.values],
  ] as const) {
    if (col && col.length !== n) throw valueError(`journeys has ${n} cells but ${name} has ${col.length}: give ranges of the same size`);
  }

  // 1. Journey and channel ids per row.
  const journeyIds = new Map<string, number>();
  const index = new ChannelIndex();
  const rowJourney = new Int32Array(n).fill(-1);
  const rowChannel = new Int32Array(n);
  const counts: number[] = [];
  let lastJourney: string | null = null;
  let lastId = -1;
  for (let i = 0; i < n; i++) {
    const j = input.journeys[i];
    const t = input.timestamps[i];
    const ch = input.channels[i];
    if (j === null && t === null && ch === null) {
      if (input.values?.[i] || input.converted[i])
        throw valueError(`${where('journeys', i)} is blank but the row has a conversion or value; give the journey, timestamp and channel`);
      continue;
    }
    if (j === null) throw valueError(`${where('journeys', i)} is blank; every touch needs its journey (customer or session id)`);
    if (t === null) throw valueError(`${where('timestamps', i)} is blank; every touch needs its date or date-time`);
    if (ch === null || ch.trim() === '') throw valueError(`${where('channels', i)} is blank; every touch needs its channel`);
    if (ch.includes(PATH_SEPARATOR)) {
      throw valueError(
        `${where('channels', i)}: ${describe(ch)} contains "${PATH_SEPARATOR}", which separates the channels of a path; rename the channel`,
      );
    }
    // Exports often list a journey's touches together: skip the hash lookup for a repeat.
    let id = j === lastJourney ? lastId : journeyIds.get(j);
    if (id === undefined) {
      id = counts.length;
      journeyIds.set(j, id);
      counts.push(0);
    }
    counts[id]++;
    rowJourney[i] = id;
    lastJourney = j;
    lastId = id;
    rowChannel[i] = index.idOf(ch);
  }
  const journeys = counts.length;
  if (journeys === 0) throw valueError('journeys has no touches; give one row per touch: journey, timestamp, channel, converted');

  // 2. Counting sort of the rows by journey (stable: row order within a journey).
  const offsets = new Int32Array(journeys + 1);
  for (let id = 0; id < journeys; id++) offsets[id + 1] = offsets[id] + counts[id];
  const fill = offsets.slice(0, journeys);
  const order = new Int32Array(offsets[journeys]);
  for (let i = 0; i < n; i++) if (rowJourney[i] >= 0) order[fill[rowJourney[i]]++] = i;

  // 3. Per journey: time order, conversion, value, ages.
  const steps = new Int32Array(order.length);
  const ages = new Float64Array(order.length);
  const conversions = new Float64Array(journeys);
  const nulls = new Float64Array(journeys);
  const values = input.values ? new Float64Array(journeys) : null;
  for (let id = 0; id < journeys; id++) {
    const from = offsets[id];
    const to = offsets[id + 1];
    sortByTime(order, from, to, input.timestamps as readonly number[]);
    const last = input.timestamps[order[to - 1]] as number;
    let converts = false;
    let value: number | null = null;
    for (let k = from; k < to; k++) {
      const row = order[k];
      steps[k] = rowChannel[row];
      ages[k] = last - (input.timestamps[row] as number);
      if (input.converted[row]) converts = true;
      const v = input.values ? input.values[row] : null;
      if (v !== null && v !== undefined) {
        if (!Number.isFinite(v)) throw numError(`${where('values', row)}: ${v} is not a finite number`);
        if (v < 0) throw numError(`${where('values', row)}: ${v} is negative; values cannot be`);
        if (value !== null && v !== value) {
          throw valueError(
            `${where('values', row)}: journey ${describe(input.journeys[row])} already has value ${value} on another row; give its conversion value once or the same on each row`,
          );
        }
        value = v;
      }
    }
    if (value !== null && value !== 0 && !converts) {
      throw valueError(
        `journey ${describe(input.journeys[order[from]])} has value ${value} but never converts; mark its converting rows TRUE in converted or clear the value`,
      );
    }
    conversions[id] = converts ? 1 : 0;
    nulls[id] = converts ? 0 : 1;
    if (values) values[id] = value ?? 0;
  }
  const journeyOffsets = offsets;
  return { channels: index.names, offsets: journeyOffsets, steps, conversions, values, nulls, ages };
}

/** Sorts order[from..to) by timestamp, ties by row number (already the order), in place. */
function sortByTime(order: Int32Array, from: number, to: number, time: readonly number[]): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) if (time[order[k]] < time[order[k - 1]]) sorted = false;
  if (sorted) return;
  const slice = Array.from(order.subarray(from, to));
  slice.sort((a, b) => time[a] - time[b] || a - b);
  order.set(slice, from);
}

/**
 * Merges rows with the same sequence of channels into one row (conversions, values and nulls
 * added). Ages are dropped: a path table counts steps, not days.
 * Cost: linear in the number of steps (one hash per row).
 */
export function distinctPaths(t: PathTable): PathTable {
  const byKey = new Map<string, number>();
  const offsets: number[] = [0];
  const steps: number[] = [];
  const conv: number[] = [];
  const vals: number[] = [];
  const nuls: number[] = [];
  for (let p = 0; p < rowCount(t); p++) {
    const seq = t.steps.subarray(t.offsets[p], t.offsets[p + 1]);
    const key = seq.join(',');
    let q = byKey.get(key);
    if (q === undefined) {
      q = conv.length;
      byKey.set(key, q);
      for (let k = 0; k < seq.length; k++) steps.push(seq[k]);
      offsets.push(steps.length);
      conv.push(0), vals.push(0), nuls.push(0);
    }
    conv[q] += t.conversions[p];
    if (t.values) vals[q] += t.values[p];
    if (t.nulls) nuls[q] += t.nulls[p];
  }
  return {
    channels: t.channels,
    offsets: Int32Array.from(offsets),
    steps: Int32Array.from(steps),
    conversions: Float64Array.from(conv),
    values: t.values ? Float64Array.from(vals) : null,
    nulls: t.nulls ? Float64Array.from(nuls) : null,
    ages: null,
  };
}

/** The text of row p: channels joined by " > ". */
export function pathText(t: PathTable, p: number): string {
  const names: string[] = [];
  for (let k = t.offsets[p]; k < t.offsets[p + 1]; k++) names.push(t.channels[t.steps[k]]);
  return names.join(` ${PATH_SEPARATOR} `);
}

/**
 * The PATHS table: Path, Conversions, Value, Nulls, one row per distinct path, sorted by
 * Conversions then Nulls descending, ties by path text. Value cells are blank without values.
 */
export function pathsTable(t: PathTable): Table {
  const d = distinctPaths(t);
  const texts = Array.from({ length: rowCount(d) }, (_, p) => pathText(d, p));
  const ids = texts.map((_, p) => p);
  ids.sort(
    (a, b) =>
      d.conversions[b] - d.conversions[a] ||
      (d.nulls ? d.nulls[b] - d.nulls[a] : 0) ||
      (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0),
  );
  const table: Table = [['Path', 'Conversions', 'Value', 'Nulls']];
  for (const p of ids) table.push([texts[p], d.conversions[p], d.values ? d.values[p] : null, d.nulls ? d.nulls[p] : 0]);
  return table;
}
