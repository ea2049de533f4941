import { ymdFromSerial } from '../args/cells';
import { numError, valueError } from '../errors';
import { mean, median, sum } from '../math/stats';

/**
 * Turns Excel's (timeline, values) pair into a regular series, the way FORECAST.ETS does:
 * sort by time, aggregate duplicate times, find the constant step, fill up to 30% missing points.
 *
 * Monthly timelines: when every date falls on the same day of the month (or every date is a month's
 * last day), time is counted in calendar months, so 1st-of-month dates are regular even though
 * months have 28 to 31 days (LibreOffice and Excel both accept such timelines).
 */

/** FORECAST.ETS aggregation codes for values sharing a time. */
export type Aggregation = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface RegularSeries {
  /** One value per step, gaps filled. */
  readonly values: number[];
  /** Step in timeline units (days, or months for a monthly timeline). */
  readonly step: number;
  /**
   * The timeline's unit: calendar months (see monthMode), days (date serials), or plain numbers
   * (times before 1910 are taken as period numbers 1, 2, 3..., whose calendar is unknown).
   */
  readonly unit: 'month' | 'day' | 'number';
  /** Last time on the internal scale (day serial, or month count). */
  readonly last: number;
  /** How many points were filled in. */
  readonly filled: number;
  /** Converts a target date to "steps after the last point" (fractional when between steps). */
  stepsAhead(target: number): number;
}

/** Serial of 1910-01-01: earlier "dates" in a KPI timeline are period numbers. */
const PERIOD_NUMBERS_BELOW = 3654;

type MonthMode = 'none' | 'same-day' | 'month-end';

const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

function monthMode(times: number[]): MonthMode {
  const parts = times.map((t) => (Number.isInteger(t) ? ymdFromSerial(t) : null));
  if (parts.some((p) => p === null) || times.length < 2) return 'none';
  const ymd = parts as { year: number; month0: number; day: number }[];
  if (ymd.every((p) => p.day === ymd[0].day) && ymd.some((p) => p.month0 !== ymd[0].month0 || p.year !== ymd[0].year)) return 'same-day';
  if (ymd.every((p) => p.day === daysInMonth(p.year, p.month0))) return 'month-end';
  return 'none';
}

/** Month count (with a fraction for a day inside the month) for a day serial under a month mode. */
function toMonths(serial: number, mode: MonthMode, anchorDay: number): number {
  const whole = Math.floor(serial);
  const { year, month0, day } = ymdFromSerial(whole);
  const len = daysInMonth(year, month0);
  const ref = mode === 'month-end' ? len : anchorDay;
  return year * 12 + month0 + (day + (serial - whole) - ref) / len;
}

function aggregate(values: number[], code: Aggregation): number {
  switch (code) {
    case 1:
      return mean(values);
    case 2:
    case 3:
      return values.length;
    case 4:
      return Math.max(...values);
    case 5:
      return median(values);
    case 6:
      return Math.min(...values);
    case 7:
      return sum(values);
  }
}

/**
 * Builds the regular series. `times` and `values` are aligned (same length, null = blank); rows
 * where both are blank are skipped, a blank value is a missing point.
 * Cost O(n log n) for the sort, O(n) otherwise.
 * @throws #NUM! when the timeline has no constant step, fewer than 3 distinct times, or more than
 *   30% of the points are missing; #VALUE! when a value has no time.
 * @example regularize([1, 2, 4], [10, 20, 40], true, 1).values  // [10, 20, 30, 40]
 */
export function regularize(
  times: (number | null)[],
  values: (number | null)[],
  interpolate: boolean,
  aggregation: Aggregation,
): RegularSeries {
  const pts: { t: number; v: number | null }[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    const v = values[i];
    if (t === null) {
      if (v !== null) throw valueError(`timeline, row ${i + 1} is blank but values has ${v} there: give every value a date`);
      continue;
    }
    pts.push({ t, v });
  }
  pts.sort((a, b) => a.t - b.t);
  const mode = monthMode(pts.map((p) => p.t));
  const anchorDay = pts.length ? ymdFromSerial(Math.floor(pts[0].t)).day : 1;
  const scale = (t: number) => (mode === 'none' ? t : toMonths(t, mode, anchorDay));

  // Aggregate duplicate times (values are numbers only, so COUNTA counts like COUNT).
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  for (let i = 0; i < pts.length; ) {
    let j = i;
    const group: number[] = [];
    while (j < pts.length && pts[j].t === pts[i].t) {
      if (pts[j].v !== null) group.push(pts[j].v as number);
      j++;
    }
    xs.push(Math.round(scale(pts[i].t) * 1e9) / 1e9);
    ys.push(group.length ? aggregate(group, aggregation) : null);
    i = j;
  }
  if (xs.length < 3) throw numError(`timeline has ${xs.length} distinct date(s); FORECAST.ETS needs at least 3`);

  let step = Infinity;
  for (let i = 1; i < xs.length; i++) step = Math.min(step, xs[i] - xs[i - 1]);
  // The smallest gap carries the rounding of two times (an hour is 0.041666…): measured over the whole
  // span instead, the step is exact enough for thousands of points.
  const span = xs[xs.length - 1] - xs[0];
  const steps = Math.round(span / step);
  if (steps > 0 && Math.abs(span / step - steps) < 1e-3) step = span / steps;
  const slots: number[] = [0];
  for (let i = 1; i < xs.length; i++) {
    const k = (xs[i] - xs[0]) / step;
    if (Math.abs(k - Math.round(k)) > 1e-6) {
      throw numError(
        `timeline has no constant step: the gap before row ${i + 1} of the sorted timeline is not a multiple of the smallest gap (${step})`,
      );
    }
    slots.push(Math.round(k));
  }
  const count = slots[slots.length - 1] + 1;
  const known = ys.filter((v) => v !== null).length;
  const missing = count - known;
  if (missing > 0.3 * count) {
    throw numError(`${missing} of ${count} points are missing from the timeline (more than 30%); give a more complete series`);
  }
  if (ys[0] === null || ys[ys.length - 1] === null) throw numError('the first and last dates of the timeline need values');

  // Missing points take the average of their nearest known neighbours (Excel's "interpolate"), or 0.
  const out = new Array<number>(count);
  let prevSlot = 0;
  let prevVal = ys[0] as number;
  out[0] = prevVal;
  for (let i = 1; i < xs.length; i++) {
    const y = ys[i];
    if (y === null) continue;
    const fill = interpolate ? (prevVal + y) / 2 : 0;
    for (let s = prevSlot + 1; s < slots[i]; s++) out[s] = fill;
    out[slots[i]] = y;
    prevSlot = slots[i];
    prevVal = y;
  }
  const last = xs[xs.length - 1];
  return {
    values: out,
    step,
    unit: mode !== 'none' ? 'month' : pts[0].t < PERIOD_NUMBERS_BELOW ? 'number' : 'day',
    last,
    filled: count - known,
    stepsAhead: (target: number) => (scale(target) - last) / step,
  };
}
