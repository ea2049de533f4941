import refs from '../fixtures/forecast/libreoffice-refs.json';
import seriesG from '../fixtures/forecast/series-g.json';
import { FORECAST_ETS, FORECAST_ETS_CONFINT, FORECAST_ETS_SEASONALITY } from '../../core/functions/forecast';
import { runFunction } from '../../core/registry/run';
import { KpiError } from '../../core/errors';
import { regularize } from '../../core/forecast/timeline';

const col = (a: readonly (number | string | null)[]) => a.map((v) => [v]);
const serial = (y: number, m0: number, d: number) => Date.UTC(y, m0, d) / 86400000 + 25569;
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof KpiError) return e.code;
    throw e;
  }
  return 'no error';
};

interface RefCase {
  id: string;
  timeline: number[];
  values: number[];
  seasonality: number;
  completion: number;
  aggregation: number;
  forecasts: { target: number; value: number }[];
  intervals: { target: number; mean: number; sdOfMean: number }[];
}

describe('FORECAST_ETS matches LibreOffice Calc 7.4 FORECAST.ETS.ADD / PI.ADD (references in test/fixtures/forecast)', () => {
  describe.each((refs.cases as RefCase[]).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const args = [col(c.values), col(c.timeline), c.seasonality, c.completion, c.aggregation];
    it('forecasts within 1% of Calc', () => {
      const out = runFunction(FORECAST_ETS, [col(c.forecasts.map((f) => f.target)), ...args.slice(0, 2), ...args.slice(2)]) as number[][];
      c.forecasts.forEach((f, i) => expect(Math.abs(out[i][0] / f.value - 1)).toBeLessThan(0.01));
    });
    it('prediction interval half-widths within 1% of the mean of 200 Calc evaluations', () => {
      const out = runFunction(FORECAST_ETS_CONFINT, [
        col(c.intervals.map((p) => p.target)),
        col(c.values),
        col(c.timeline),
        0.95,
        c.seasonality,
        c.completion,
        c.aggregation,
      ]) as number[][];
      c.intervals.forEach((p, i) => expect(Math.abs(out[i][0] / p.mean - 1)).toBeLessThan(0.01));
    });
  });
});

describe('season detection finds the true season (Calc returns 49 and 48 on the synthetic ones)', () => {
  const byId = Object.fromEntries((refs.cases as RefCase[]).map((c) => [c.id, c]));
  it.each([
    ['air-12', 12],
    ['weekly-7', 7],
    ['monthly-12', 12],
    ['gaps-7-interp', 7],
    ['quarters-4', 4],
  ])('%s → %d', (id, want) => {
    const c = byId[id];
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(c.values), col(c.timeline)])).toBe(want);
  });
  it('a straight line with noise-free trend has no season (0)', () => {
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col([3, 5, 7, 9, 11, 13, 15, 17, 19, 21]), col([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])])).toBe(
      0,
    );
  });
  it('Series G with dates as ISO text and detection gives the same forecast as season 12', () => {
    const dates = seriesG.values.map((_, i) => new Date(Date.UTC(1949, i, 1)).toISOString().slice(0, 10));
    const detected = runFunction(FORECAST_ETS, ['1961-03-01', col(seriesG.values), col(dates)]) as number[][];
    const fixed = runFunction(FORECAST_ETS, ['1961-03-01', col(seriesG.values), col(dates), 12]) as number[][];
    expect(detected[0][0]).toBe(fixed[0][0]);
  });
});

describe('timeline handling worked by hand', () => {
  it('2,000 hourly timestamps are a regular series with a step of 1/24 day (rounding of an hour does not break it)', () => {
    const times = Array.from({ length: 2000 }, (_, i) => 45000 + i / 24);
    const r = regularize(
      times,
      times.map((_, i) => i),
      true,
      1,
    );
    expect(r.values).toHaveLength(2000);
    expect(r.filled).toBe(0);
    expect(Math.abs(r.step - 1 / 24)).toBeLessThan(1e-12);
    expect(r.unit).toBe('day');
    expect(r.stepsAhead(45000 + 2001 / 24)).toBeCloseTo(2, 6);
  });
  it('a missing point takes the average of its neighbours, or 0', () => {
    expect(regularize([1, 2, 4], [10, 20, 40], true, 1).values).toEqual([10, 20, 30, 40]);
    expect(regularize([1, 2, 4], [10, 20, 40], false, 1).values).toEqual([10, 20, 0, 40]);
  });
  it('duplicates aggregate: AVERAGE, COUNT, MAX, MEDIAN, MIN, SUM', () => {
    const t = [1, 1, 1, 2, 3];
    const v = [1, 2, 6, 5, 7];
    expect(regularize(t, v, true, 1).values[0]).toBe(3);
    expect(regularize(t, v, true, 2).values[0]).toBe(3);
    expect(regularize(t, v, true, 4).values[0]).toBe(6);
    expect(regularize(t, v, true, 5).values[0]).toBe(2);
    expect(regularize(t, v, true, 6).values[0]).toBe(1);
    expect(regularize(t, v, true, 7).values[0]).toBe(9);
  });
  it('unsorted input is sorted by date', () => {
    expect(regularize([3, 1, 2], [30, 10, 20], true, 1).values).toEqual([10, 20, 30]);
  });
  it('1st-of-month dates step in months; a target mid-month is a fraction of a step', () => {
    const t = [serial(2025, 0, 1), serial(2025, 1, 1), serial(2025, 2, 1)];
    const s = regularize(t, [1, 2, 3], true, 1);
    expect(s.step).toBe(1);
    expect(s.stepsAhead(serial(2025, 3, 1))).toBe(1);
    expect(s.stepsAhead(serial(2025, 3, 16))).toBeCloseTo(0.5 + 1, 10);
  });
  it('month-end dates step in months too', () => {
    const t = [serial(2025, 0, 31), serial(2025, 1, 28), serial(2025, 2, 31), serial(2025, 3, 30)];
    expect(regularize(t, [1, 2, 3, 4], true, 1).step).toBe(1);
  });
});

describe("Excel's error cases", () => {
  const v = col([1, 2, 3, 4, 5, 6, 7, 8]);
  const t = col([1, 2, 3, 4, 5, 6, 7, 8]);
  it.each([
    ['values and timeline of different sizes', '#N/A', () => runFunction(FORECAST_ETS, [9, col([1, 2, 3]), col([1, 2, 3, 4])])],
    ['target before the end of the timeline', '#NUM!', () => runFunction(FORECAST_ETS, [7, v, t])],
    ['no constant step', '#NUM!', () => runFunction(FORECAST_ETS, [20, col([1, 2, 3, 4]), col([1, 3, 4, 6.5])])],
    ['more than 30% missing', '#NUM!', () => runFunction(FORECAST_ETS, [30, col([1, 2, 3, 4]), col([1, 2, 3, 10])])],
    ['seasonality not whole', '#NUM!', () => runFunction(FORECAST_ETS, [9, v, t, 2.5])],
    ['seasonality above 8760', '#NUM!', () => runFunction(FORECAST_ETS, [9, v, t, 8761])],
    ['seasonality negative', '#NUM!', () => runFunction(FORECAST_ETS, [9, v, t, -1])],
    ['fewer than two seasons', '#NUM!', () => runFunction(FORECAST_ETS, [9, v, t, 5])],
    ['data_completion 2', '#NUM!', () => runFunction(FORECAST_ETS, [9, v, t, 1, 2])],
    ['aggregation 8', '#NUM!', () => runFunction(FORECAST_ETS, [9, v, t, 1, 1, 8])],
    ['text in values', '#VALUE!', () => runFunction(FORECAST_ETS, [9, col([1, 2, 'x', 4]), col([1, 2, 3, 4])])],
    ['text in timeline', '#VALUE!', () => runFunction(FORECAST_ETS, [9, col([1, 2, 3, 4]), col([1, 2, 'x', 4])])],
    ['confidence 1', '#NUM!', () => runFunction(FORECAST_ETS_CONFINT, [9, v, t, 1])],
    ['two distinct dates', '#NUM!', () => runFunction(FORECAST_ETS, [9, col([1, 2]), col([1, 2])])],
  ])('%s → %s', (_what, code, call) => expect(codeOf(call as () => unknown)).toBe(code));
  it('a blank target cell gives a blank result cell; a target range gives its shape', () => {
    const out = runFunction(FORECAST_ETS, [[[9, null, 10]], col([10, 20, 30, 40, 50, 60, 70, 80]), t]) as (number | null)[][];
    expect(out).toHaveLength(1);
    expect(out[0][0]).toBeCloseTo(90, 9);
    expect(out[0][1]).toBeNull();
    expect(out[0][2]).toBeCloseTo(100, 9);
  });
});
