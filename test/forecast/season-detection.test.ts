import { FORECAST_ETS_SEASONALITY } from '../../core/functions/forecast';
import { runFunction } from '../../core/registry/run';
import { calendarPrior, detectSeason, seasonTest, TimeStep } from '../../core/forecast/detection';
import { fUpperTail } from '../../core/math/distributions';
import { CONTROLS, controlSeries, hourlySeries, seasonalSeries, weeklySeries, dailySeries } from '../support/seasonal-series';

const col = (a: readonly (number | string)[]) => a.map((v) => [v]);
/** Excel serial of a UTC date. */
const serial = (y: number, m0: number, d = 1, hour = 0) => Date.UTC(y, m0, d, hour) / 86400000 + 25569;

const STEP: Record<number, TimeStep> = {
  4: { unit: 'month', size: 3 },
  7: { unit: 'day', size: 1 },
  12: { unit: 'month', size: 1 },
  24: { unit: 'day', size: 1 / 24 },
  52: { unit: 'day', size: 7 },
};
const PERIODS = [4, 7, 12, 24, 52];

/**
 * Confusion matrix over 320 seasonal series (5 seasons × 3..10 cycles × additive/multiplicative ×
 * flat/trending × noise 0.3/0.7 of the season's sd) and 120 non-seasonal controls (5 kinds × 6
 * lengths × 4 seeds): rows are the truth, columns what detection returned (1 = none).
 */
function confusion(withTimeline: boolean) {
  const rows = new Map<string, Map<number, number>>();
  const add = (truth: string, got: number) => {
    const row = rows.get(truth) ?? new Map<number, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    rows.set(truth, row);
  };
  let seed = 1;
  for (const period of PERIODS)
    for (let cycles = 3; cycles <= 10; cycles++)
      for (const multiplicative of [false, true])
        for (const trend of [0, 0.005])
          for (const noise of [0.3, 0.7]) {
            const y = seasonalSeries({ period, length: cycles * period, multiplicative, trend, noise, seed: seed++ * 101 });
            add(String(period), detectSeason(y, withTimeline ? { step: STEP[period] } : {}));
          }
  for (const kind of CONTROLS)
    for (const length of [24, 36, 60, 120, 200, 500])
      for (let r = 0; r < 4; r++) {
        const y = controlSeries(kind, length, seed++ * 31);
        add('none', detectSeason(y, withTimeline ? { step: STEP[[12, 7, 52, 24][r]] } : {}));
      }
  const text = [...rows]
    .map(
      ([truth, row]) =>
        `${truth}→{${[...row]
          .sort((a, b) => b[1] - a[1])
          .map(([g, k]) => `${g === 1 ? 'none' : g}:${k}`)
          .join(' ')}}`,
    )
    .join(' ');
  const right = (truth: string) => rows.get(truth)?.get(truth === 'none' ? 1 : Number(truth)) ?? 0;
  return { rows, text, right };
}

describe('season detection on synthetic series with known seasons (3–10 cycles)', () => {
  for (const withTimeline of [true, false]) {
    const c = confusion(withTimeline);
    const seasonal = PERIODS.reduce((s, p) => s + c.right(String(p)), 0);
    it(`${withTimeline ? 'with the timeline prior' : 'without a timeline'}: confusion ${c.text}`, () => {
      // Each season found in at least 59 of its 64 series (the misses are 3-cycle series with the
      // noisier setting), every found season the true one or a near alias, controls at none.
      for (const p of PERIODS) expect(c.right(String(p))).toBeGreaterThanOrEqual(59);
      expect(seasonal).toBeGreaterThanOrEqual(310);
      expect(c.right('none')).toBeGreaterThanOrEqual(withTimeline ? 116 : 113);
    });
  }
});

describe('the stable-seasonality F-test, worked by hand', () => {
  it('y = 0,4,1,5,0,6,1,5 with m = 2: F = 121.5 on (1, 4) df, p = 0.00039', () => {
    // 2×2 moving average at t = 1..6: 2.25, 2.75, 2.75, 2.75, 3.25, 3.25 (a value ≤ 0, so subtracted);
    // detrended 1.75, −1.75, 2.25, −2.75, 2.75, −2.25. Odd positions mean 2.25, even −2.25, grand 0:
    // between SS = 6 · 2.25² = 30.375 (1 df), within SS = 0.25 + 0 + 0.25 + 0.25 + 0.25 + 0 = 1 (4 df).
    // F = 30.375 / (1 / 4) = 121.5. With 1 and 4 df, F = t² for Student's t on 4 df, whose two-sided
    // tail is 1 − t(t² + 6) / (t² + 4)^1.5.
    const t = seasonTest([0, 4, 1, 5, 0, 6, 1, 5], 2)!;
    expect(t.f).toBeCloseTo(121.5, 10);
    const tt = Math.sqrt(121.5);
    const byHand = 1 - (tt * (tt * tt + 6)) / (tt * tt + 4) ** 1.5;
    expect(byHand).toBeCloseTo(0.00039, 5);
    expect(t.p).toBeCloseTo(byHand, 10);
    expect(t.share).toBeCloseTo(30.375 / 31.375, 12);
  });
  it('F upper tails match printed tables: F(0.05; 11, 24) = 2.216, F(0.01; 6, 100) = 2.99, F(1, 1) median 1', () => {
    expect(fUpperTail(2.216, 11, 24)).toBeCloseTo(0.05, 3);
    expect(fUpperTail(2.99, 6, 100)).toBeCloseTo(0.01, 3);
    expect(fUpperTail(1, 1, 1)).toBeCloseTo(0.5, 12);
  });
  it('fewer than 3 cycles: no test', () => {
    expect(seasonTest([1, 2, 3, 1, 2], 2)).toBeNull();
  });
});

describe('calendar prior from the timeline', () => {
  it.each([
    [{ unit: 'month', size: 1 }, [12]],
    [{ unit: 'month', size: 3 }, [4]],
    [{ unit: 'day', size: 1 }, [7]],
    [{ unit: 'day', size: 7 }, [52, 53]],
    [{ unit: 'day', size: 1 / 24 }, [24, 168]],
    [{ unit: 'month', size: 12 }, []],
  ] as [TimeStep, number[]][])('%j → %j', (step, want) => expect(calendarPrior(step)).toEqual(want));
});

describe('FORECAST_ETS_SEASONALITY with real timelines', () => {
  it('a 60-month series with a yearly cycle and a trend → 12 (5 cycles)', () => {
    const y = seasonalSeries({ period: 12, length: 60, trend: 0.01, noise: 0.5, multiplicative: true, seed: 4242 });
    const dates = y.map((_, i) => serial(2020, i));
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(y), col(dates)])).toBe(12);
  });
  it('three years of monthly data are enough (36 points)', () => {
    const y = seasonalSeries({ period: 12, length: 36, trend: 0.005, noise: 0.3, seed: 77 });
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(y), col(y.map((_, i) => serial(2021, i)))])).toBe(12);
  });
  it('weekly data with a yearly cycle → 52', () => {
    const y = weeklySeries(52 * 3 + 10, 5);
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(y), col(y.map((_, i) => serial(2020, 0, 6 + 7 * i)))])).toBe(52);
  });
  it('daily data with a weekly cycle → 7', () => {
    const y = dailySeries(120, 6);
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(y), col(y.map((_, i) => serial(2024, 0, 1 + i)))])).toBe(7);
  });
  it('hourly data: a daily cycle alone → 24, with a weekly one on top → 168', () => {
    const daily = Array.from({ length: 24 * 30 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 24) + 5 * Math.cos(t * 1.7) ** 3);
    const hours = (n: number) => Array.from({ length: n }, (_, i) => serial(2024, 0, 1, i));
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(daily), col(hours(daily.length))])).toBe(24);
    const y = hourlySeries(24 * 7 * 4, 7);
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(y), col(hours(y.length))])).toBe(168);
  });
  it('a half-year pattern in monthly data → 12, the calendar cycle that contains it (search alone finds 6)', () => {
    const y = Array.from({ length: 72 }, (_, t) => 100 + 0.3 * t + [8, 3, -2, -6, -4, 1][t % 6] + Math.sin(1.3 * t));
    expect(detectSeason(y, { step: STEP[7] })).toBe(6);
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(y), col(y.map((_, i) => serial(2018, i)))])).toBe(12);
  });
  it('a random walk with monthly dates → 0', () => {
    const y = controlSeries('random walk', 96, 3);
    expect(runFunction(FORECAST_ETS_SEASONALITY, [col(y), col(y.map((_, i) => serial(2015, i)))])).toBe(0);
  });
});
