/**
 * Synthetic KPI series with known seasons, shared by the detection tests and the forecasting
 * benchmarks: a random season shape (unit standard deviation), optional trend, Gaussian noise,
 * additive or multiplicative; and non-seasonal controls of the same lengths.
 */
import { seededNormal, seededRandom } from '../../core/math/random';

export interface SeasonalSpec {
  readonly period: number;
  readonly length: number;
  readonly multiplicative?: boolean;
  /** Trend per step as a share of the starting level (0.005 = +0.5% a step). */
  readonly trend?: number;
  /** Noise standard deviation relative to the season's (0.5 = half as large as the season). */
  readonly noise?: number;
  readonly seed: number;
}

/** A season shape of the given length, mean 0 and standard deviation 1. */
export function seasonShape(period: number, seed: number): number[] {
  const g = seededNormal(seed);
  // Two harmonics with random phases plus a random component: smooth enough to look like a KPI.
  const a = 2 * Math.PI * seededRandom(seed + 7)();
  const b = 2 * Math.PI * seededRandom(seed + 8)();
  const raw = Array.from(
    { length: period },
    (_, j) => Math.sin((2 * Math.PI * j) / period + a) + 0.5 * Math.sin((4 * Math.PI * j) / period + b) + 0.3 * g(),
  );
  const mean = raw.reduce((s, v) => s + v, 0) / period;
  const sd = Math.sqrt(raw.reduce((s, v) => s + (v - mean) ** 2, 0) / period);
  return raw.map((v) => (v - mean) / sd);
}

/** Level 100, season sd 10 (additive) or 10% of the level (multiplicative), noise and trend as asked. */
export function seasonalSeries(spec: SeasonalSpec): number[] {
  const shape = seasonShape(spec.period, spec.seed);
  const g = seededNormal(spec.seed + 1);
  const noise = spec.noise ?? 0.5;
  const trend = spec.trend ?? 0;
  return Array.from({ length: spec.length }, (_, t) => {
    const level = 100 * (1 + trend * t);
    if (spec.multiplicative) return level * (1 + 0.1 * shape[t % spec.period]) * (1 + 0.1 * noise * g());
    return level + 10 * shape[t % spec.period] + 10 * noise * g();
  });
}

export type Control = 'white noise' | 'random walk' | 'AR(1) 0.8' | 'trend + noise' | 'random walk with drift';
export const CONTROLS: readonly Control[] = ['white noise', 'random walk', 'AR(1) 0.8', 'trend + noise', 'random walk with drift'];

/** A non-seasonal series of the given kind, level about 100. */
export function controlSeries(kind: Control, length: number, seed: number): number[] {
  const g = seededNormal(seed);
  const out: number[] = [];
  let x = 0;
  for (let t = 0; t < length; t++) {
    const e = g();
    if (kind === 'white noise') x = e;
    else if (kind === 'random walk') x += e;
    else if (kind === 'AR(1) 0.8') x = 0.8 * x + e;
    else if (kind === 'trend + noise') x = 0.3 * t + e * 3;
    else x += 0.3 + e;
    out.push(100 + 5 * x);
  }
  return out;
}

/**
 * Hourly KPI (sessions, orders): a daily cycle (quiet nights, a lunch and an evening peak), weekends
 * at 60% of weekdays with a later morning, slow growth, multiplicative noise of `noise` (share).
 */
export function hourlySeries(length: number, seed: number, noise = 0.1): number[] {
  const g = seededNormal(seed);
  const weekday = (h: number) =>
    0.25 + Math.exp(-((h - 12.5) ** 2) / 8) + 1.2 * Math.exp(-((h - 20) ** 2) / 6) + 0.4 * Math.exp(-((h - 9) ** 2) / 3);
  const weekend = (h: number) => 0.6 * (0.25 + 1.1 * Math.exp(-((h - 14) ** 2) / 12) + Math.exp(-((h - 20.5) ** 2) / 5));
  return Array.from({ length }, (_, t) => {
    const h = t % 24;
    const day = Math.floor(t / 24) % 7;
    const shape = day >= 5 ? weekend(h) : weekday(h);
    return 200 * (1 + 0.0002 * t) * shape * Math.max(0.2, 1 + noise * g());
  });
}

/** Daily KPI with a weekly cycle (quieter weekends), growth and noise. */
export function dailySeries(length: number, seed: number, noise = 0.08): number[] {
  const g = seededNormal(seed);
  const week = [1.1, 1.15, 1.12, 1.08, 1.0, 0.72, 0.83];
  return Array.from({ length }, (_, t) => 500 * (1 + 0.001 * t) * week[t % 7] * (1 + noise * g()));
}

/** Weekly KPI with a yearly cycle of 52 weeks (a December peak, a summer dip) and noise. */
export function weeklySeries(length: number, seed: number, noise = 0.05): number[] {
  const g = seededNormal(seed);
  return Array.from({ length }, (_, t) => {
    const w = t % 52;
    const season =
      1 + 0.35 * Math.exp(-((w - 49) ** 2) / 6) - 0.15 * Math.exp(-((w - 31) ** 2) / 20) + 0.05 * Math.sin((2 * Math.PI * w) / 52);
    return 1000 * (1 + 0.002 * t) * season * (1 + noise * g());
  });
}

/**
 * A daily KPI with a weekly cycle (and slow trend) and `count` injected spikes or drops of 4 to 8
 * noise standard deviations, at distinct days at least 3 apart. Returns the series and the days.
 */
export function withInjectedAnomalies(length: number, count: number, seed: number): { values: number[]; truth: Set<number> } {
  const g = seededNormal(seed);
  const u = seededRandom(seed + 1);
  const sd = 2;
  const week = [6, 3, 1, -1, -2, -9, 2];
  const values = Array.from({ length }, (_, t) => 100 + 0.02 * t + week[t % 7] + sd * g());
  const truth = new Set<number>();
  while (truth.size < count) {
    const t = 3 + Math.floor(u() * (length - 6));
    if ([...truth].some((d) => Math.abs(d - t) < 3)) continue;
    const size = (4 + 4 * u()) * sd;
    values[t] += u() < 0.5 ? size : -size;
    truth.add(t);
  }
  return { values, truth };
}
