import seriesG from '../fixtures/forecast/series-g.json';
import { ANOMALIES, KPI_FORECAST, LEAD_LAG } from '../../core/functions/forecast';
import { runFunction } from '../../core/registry/run';
import { KpiError } from '../../core/errors';
import { findAnomalies, latestIsAnomalous } from '../../core/forecast/anomalies';
import { kpiForecast } from '../../core/forecast/combination';
import { seededNormal, seededRandom } from '../../core/math/random';
import { hourlySeries, withInjectedAnomalies } from '../support/seasonal-series';
import { stlRemainder } from '../../core/forecast/robustDecomposition';
import { currentIsAnomalous } from '../../core/dashboard/alerts/check';

const col = (a: readonly (number | string | null)[]) => a.map((v) => [v]);
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof KpiError) return e.code;
    throw e;
  }
  return 'no error';
};
const smape = (y: number[], f: number[]) =>
  y.reduce((s, v, i) => s + (200 * Math.abs(v - f[i])) / (Math.abs(v) + Math.abs(f[i])), 0) / y.length;

describe('KPI_FORECAST', () => {
  it("Series G, 1960 held out: sMAPE below 6% and half the seasonal naive forecast's (10.6%)", () => {
    const y = seriesG.values;
    const train = y.slice(0, 132);
    const test = y.slice(132);
    const r = kpiForecast(train, 12, 12);
    expect(r.season).toBe(12);
    const ours = smape(
      test,
      r.rows.map((x) => x.forecast),
    );
    const snaive = smape(
      test,
      test.map((_, i) => train[120 + i]),
    );
    expect(snaive).toBeCloseTo(10.57, 2);
    expect(ours).toBeLessThan(6);
    expect(ours).toBeLessThan(snaive / 2);
  });
  it('detects the 7-day season of a synthetic daily series and forecasts it within 5% of the noise-free truth', () => {
    const g = seededNormal(3);
    const week = [20, 10, 0, -5, -10, 15, 30];
    const truth = (t: number) => 200 + 0.5 * t + week[t % 7];
    const y = Array.from({ length: 140 }, (_, t) => truth(t) + 2 * g());
    const r = kpiForecast(y, 14, 1);
    expect(r.season).toBe(7);
    r.rows.forEach((row, h) => expect(Math.abs(row.forecast / truth(140 + h) - 1)).toBeLessThan(0.05));
  });
  it('95% intervals hold the truth about 95% of the time on a random walk (400 trials, 80–100%)', () => {
    let inside = 0;
    for (let k = 0; k < 400; k++) {
      const g = seededNormal(100 + k);
      const y: number[] = [1000];
      for (let t = 1; t < 61; t++) y.push(y[t - 1] + 10 * g());
      const r = kpiForecast(y.slice(0, 60), 1, 0);
      if (y[60] >= r.rows[0].low && y[60] <= r.rows[0].high) inside++;
    }
    expect(inside / 400).toBeGreaterThan(0.8);
    expect(inside / 400).toBeLessThanOrEqual(1);
  });
  it('hourly sessions over 6 weeks (daily cycle, quieter weekends): the default finds 168 and beats the seasonal naive forecast', () => {
    const y = hourlySeries(24 * 7 * 6 + 168, 21);
    const train = y.slice(0, -168);
    const test = y.slice(-168);
    const r = kpiForecast(train, 168, 1);
    expect(r.season).toBe(168);
    const ours = smape(
      test,
      r.rows.map((x) => x.forecast),
    );
    const snaive = smape(
      test,
      test.map((_, i) => train[train.length - 168 + i]),
    );
    expect(ours).toBeLessThan(snaive);
  });
  it('a season that drifts week to week: validation on the last cycles picks the seasonal naive forecast', () => {
    // The daily profile's peak hour moves a little every day, so last week's values beat an average
    // over all weeks; 6 weeks of history, so the last week is held out and 5 remain (≥ 4 cycles).
    const g = seededNormal(8);
    const y = Array.from({ length: 24 * 7 * 7 }, (_, t) => {
      const peak = 12 + (4 * t) / (24 * 7 * 7);
      return 100 + 60 * Math.exp(-(((t % 24) - peak) ** 2) / 4) + 40 * Math.exp(-(((t % 168) / 24 - 3) ** 2)) + g();
    });
    const r = kpiForecast(y, 24, 168);
    expect(r.model).toBe('seasonal naive');
    // Its forecast repeats last week: step h is y[n − 168 + h − 1].
    r.rows.forEach((row, h) => expect(row.forecast).toBe(y[y.length - 168 + h]));
  });
  it('a stable season: validation keeps the combination', () => {
    const r = kpiForecast(hourlySeries(24 * 7 * 6, 22, 0.05), 24, 168);
    expect(r.model).toBe('combination');
  });
  it('seasonal naive alone: repeats the last season, interval σ·sqrt(⌊(h−1)/m⌋ + 1) worked by hand', () => {
    // y = 1, 3, 2, 4, 1, 5 with m = 2: seasonal differences 2−1, 4−3, 1−2, 5−4 = 1, 1, −1, 1; σ = sqrt(4/4) = 1.
    const t = runFunction(KPI_FORECAST, [col([1, 3, 2, 4, 1, 5]), 3, 2, 'snaive']) as number[][];
    const z = 1.959964;
    expect(t[1][1]).toBe(1);
    expect(t[2][1]).toBe(5);
    expect(t[3][1]).toBe(1);
    expect(t[1][3] - t[1][1]).toBeCloseTo(z, 5);
    expect(t[3][3] - t[3][1]).toBeCloseTo(z * Math.SQRT2, 5);
  });
  it('table shape: header, one row per step, Low ≤ Forecast ≤ High', () => {
    const t = runFunction(KPI_FORECAST, [col(seriesG.values.slice(0, 48)), 6]) as (string | number)[][];
    expect(t[0]).toEqual(['Step', 'Forecast', 'Low', 'High']);
    expect(t).toHaveLength(7);
    for (const row of t.slice(1)) expect(row[2] <= row[1] && row[1] <= row[3]).toBe(true);
  });
  it('a straight line is continued (Theta/damped on a clean trend)', () => {
    const t = runFunction(KPI_FORECAST, [col([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]), 1, 0, 'theta']) as number[][];
    expect(t[1][1]).toBeGreaterThan(100);
  });
  it.each([
    ['3 values', '#NUM!', () => runFunction(KPI_FORECAST, [col([1, 2, 3]), 2])],
    ['horizon 0', '#NUM!', () => runFunction(KPI_FORECAST, [col([1, 2, 3, 4, 5]), 0])],
    ['horizon 1.5', '#NUM!', () => runFunction(KPI_FORECAST, [col([1, 2, 3, 4, 5]), 1.5])],
    ['unknown method', '#VALUE!', () => runFunction(KPI_FORECAST, [col([1, 2, 3, 4, 5]), 2, 1, 'arima'])],
    ['snaive without a season', '#NUM!', () => runFunction(KPI_FORECAST, [col([1, 2, 3, 4, 5]), 2, 0, 'snaive'])],
    ['text value', '#VALUE!', () => runFunction(KPI_FORECAST, [col([1, 2, 'x', 4, 5]), 2])],
  ])('bad input: %s → %s', (_w, code, call) => expect(codeOf(call as () => unknown)).toBe(code));
});

/** Daily series with a weekly cycle, noise sd 1, spikes of ±8 and 6-point level shifts of +7. */
function injected(seed: number) {
  const g = seededNormal(seed);
  const u = seededRandom(seed + 1);
  const n = 700;
  const y = Array.from({ length: n }, (_, t) => 100 + 0.02 * t + [4, 2, 0, -1, -3, 3, 6][t % 7] + g());
  const truth = new Set<number>();
  for (let k = 0; k < 14; k++) {
    const t = 20 + Math.floor(u() * 660);
    y[t] += u() < 0.5 ? 8 : -8;
    truth.add(t);
  }
  for (const start of [150, 400, 610]) {
    for (let t = start; t < start + 6; t++) {
      y[t] += 7;
      truth.add(t);
    }
  }
  return { y, truth };
}
function score(flags: boolean[], truth: Set<number>) {
  let tp = 0;
  let fp = 0;
  flags.forEach((f, i) => (f ? (truth.has(i) ? tp++ : fp++) : 0));
  return { precision: tp / Math.max(1, tp + fp), recall: tp / truth.size };
}

describe('ANOMALIES (Seasonal Hybrid ESD)', () => {
  const runs = [11, 12, 13].map((seed) => {
    const { y, truth } = injected(seed);
    return score(findAnomalies(y, { period: 1 }), truth);
  });
  const precision = runs.reduce((a, r) => a + r.precision, 0) / runs.length;
  const recall = runs.reduce((a, r) => a + r.recall, 0) / runs.length;
  it(`spikes and level shifts in a weekly daily series: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (want ≥ 0.9 and ≥ 0.8)`, () => {
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
  it('a flat series has no anomaly, nor does a flat series with small noise', () => {
    expect(findAnomalies(new Array(50).fill(7)).some(Boolean)).toBe(false);
    const g = seededNormal(5);
    expect(
      findAnomalies(
        Array.from({ length: 300 }, () => 50 + g()),
        { period: 0 },
      ).filter(Boolean).length,
    ).toBeLessThanOrEqual(1);
  });
  it('direction "high" ignores a drop, "low" ignores a spike', () => {
    const y = [10, 11, 10, 12, 10, 95, 11, 10, -60, 11, 10, 12, 11, 10, 11, 12, 10, 11, 10, 12];
    const high = findAnomalies(y, { period: 0, direction: 'high' });
    const low = findAnomalies(y, { period: 0, direction: 'low' });
    expect(high[5]).toBe(true);
    expect(high[8]).toBe(false);
    expect(low[8]).toBe(true);
    expect(low[5]).toBe(false);
  });
  it('the alerts check flags a last-point spike only', () => {
    expect(latestIsAnomalous([10, 11, 10, 12, 10, 11, 10, 12, 11, 95], { period: 0 })).toBe(true);
    expect(latestIsAnomalous([10, 11, 10, 12, 10, 95, 10, 12, 11, 11], { period: 0 })).toBe(false);
  });
  it('blank cells stay blank and keep the rows aligned', () => {
    const out = runFunction(ANOMALIES, [col([10, 11, null, 10, 12, 10, 95, 11, 10, 12, 11]), 0]) as (boolean | null)[][];
    expect(out.map((r) => r[0])).toEqual([false, false, null, false, false, false, true, false, false, false, false]);
  });
  it.each([
    ['alpha 0', '#NUM!', () => runFunction(ANOMALIES, [col([1, 2, 3, 4]), 0, 0])],
    ['max_share 0.7', '#NUM!', () => runFunction(ANOMALIES, [col([1, 2, 3, 4]), 0, 0.05, 0.7])],
    ['2 values', '#NUM!', () => runFunction(ANOMALIES, [col([1, 2]), 0])],
    ['period longer than half the series', '#NUM!', () => runFunction(ANOMALIES, [col([1, 2, 3, 4, 5, 6]), 4])],
    ['bad direction', '#VALUE!', () => runFunction(ANOMALIES, [col([1, 2, 3, 4]), 0, 0.05, 0.1, 'up'])],
  ])('bad input: %s → %s', (_w, code, call) => expect(codeOf(call as () => unknown)).toBe(code));
});

describe('LEAD_LAG', () => {
  it('finds a known lag of 3 in a series built from a leading indicator', () => {
    const g = seededNormal(9);
    const lead = Array.from({ length: 60 }, () => 100 + 10 * g());
    const lag = lead.map((_, t) => (t >= 3 ? 2 * lead[t - 3] + 5 + g() : 200));
    const t = runFunction(LEAD_LAG, [col(lead), col(lag), 6]) as (string | number)[][];
    expect(t[1][0]).toBe('Best: lag 3');
    expect(t[1][1]).toBeGreaterThan(0.98);
    expect(t[5]).toEqual([3, t[1][1]]);
    expect(t).toHaveLength(2 + 7);
  });
  it('a negative relation leads too (largest absolute correlation)', () => {
    const lead = [5, 1, 4, 2, 8, 3, 7, 6, 2, 9];
    const lag = [0, 0, ...lead.slice(0, 8).map((v) => -v)];
    const t = runFunction(LEAD_LAG, [col(lead), col(lag), 3]) as (string | number)[][];
    expect(t[1][0]).toBe('Best: lag 2');
    expect(t[1][1]).toBeCloseTo(-1, 12);
  });
  it.each([
    ['different sizes', '#VALUE!', () => runFunction(LEAD_LAG, [col([1, 2, 3]), col([1, 2, 3, 4])])],
    ['max_lag leaves < 3 pairs everywhere', '#NUM!', () => runFunction(LEAD_LAG, [col([1, 2]), col([3, 4]), 1])],
    ['max_lag 1.5', '#NUM!', () => runFunction(LEAD_LAG, [col([1, 2, 3, 4]), col([1, 2, 3, 4]), 1.5])],
  ])('bad input: %s → %s', (_w, code, call) => expect(codeOf(call as () => unknown)).toBe(code));
});

describe('robust STL remainder and the anomaly alerts (shared season detection)', () => {
  it('a line plus an exact weekly pattern leaves no remainder; a spike keeps its full size', () => {
    // Loess is local linear, so it reproduces a straight line exactly, and the per-position means
    // reproduce the pattern: the remainder is 0 everywhere, worked without any fitting.
    const week = [3, -1, 0, 2, -4, 1, -1];
    const y = Array.from({ length: 70 }, (_, t) => 50 + 0.5 * t + week[t % 7]);
    const r = stlRemainder(y, 7);
    r.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-9));
    // A spike of +20 at t = 30: robustness weights drop it from the trend and the season, so its
    // remainder is the spike (to a few hundredths) and the others stay near 0.
    y[30] += 20;
    const s = stlRemainder(y, 7);
    expect(s[30]).toBeCloseTo(20, 1);
    s.forEach((v, i) => i !== 30 && expect(Math.abs(v)).toBeLessThan(0.5));
  });
  const runs = [1, 2, 3].map((k) => withInjectedAnomalies(364, 12, 2000 + 17 * k));
  let tp = 0;
  let fp = 0;
  for (const c of runs) findAnomalies(c.values).forEach((f, i) => (f ? (c.truth.has(i) ? tp++ : fp++) : 0));
  it(`12 spikes and drops of 4–8 sd in a year of daily data with a weekly cycle: ${tp} of 36 found, ${fp} false (want ≥ 32, ≤ 2)`, () => {
    expect(tp).toBeGreaterThanOrEqual(32);
    expect(fp).toBeLessThanOrEqual(2);
  });
  it('clean 3-year monthly series with a season: under 2% of the points flagged (plain decomposition below 8 cycles)', () => {
    let flagged = 0;
    for (let k = 0; k < 50; k++) {
      const g = seededNormal(700 + k);
      const season = [0, -2, 3, 5, 4, 2, -40, 1, 2, 4, 3, 5];
      const y = Array.from({ length: 36 }, (_, t) => 200 + 0.5 * t + season[t % 12] + 2 * g());
      flagged += findAnomalies(y).filter(Boolean).length;
    }
    expect(flagged / (50 * 36)).toBeLessThan(0.02);
  });
  it('alerts: a July dip that recurs every year is not an anomaly once the season is detected; an off-season drop is', () => {
    const g = seededNormal(31);
    const season = [0, -2, 3, 5, 4, 2, -40, 1, 2, 4, 3, 5];
    const y = Array.from({ length: 43 }, (_, t) => 200 + 0.5 * t + season[t % 12] + 2 * g());
    // Month 42 is a July (42 mod 12 = 6): the usual dip.
    expect(currentIsAnomalous(y, 'higher')).toBe(false);
    // Without a season, the same point looks like a drop.
    expect(latestIsAnomalous(y, { period: 0, direction: 'low' })).toBe(true);
    // A drop of the same size in March (month 38, 38 mod 12 = 2) is flagged.
    const march = y.slice(0, 39);
    march[38] -= 30;
    expect(currentIsAnomalous(march, 'higher')).toBe(true);
  });
});
