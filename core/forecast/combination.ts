import { numError } from '../errors';
import { calendarPrior, detectSeason, seasonTest, TimeStep } from './detection';
import { fitHoltWinters } from './holtWinters';
import { isSeasonal, seasonalIndices } from './seasonality';
import { fitDamped, fitSes, fitTheta, ModelFit } from './smoothing';
import { normalQuantile } from '../math/distributions';
import { mean } from '../math/stats';

/**
 * KPI_FORECAST's engine: seasonally adjust with classical decomposition when the season is
 * significant, forecast the adjusted series with the mean of damped-trend smoothing and the Theta
 * method (the most accurate simple methods of the M3 competition; adding SES made the M3 monthly
 * sMAPE worse), then put the season back. On long seasonal series the default instead picks, by
 * validation on the series' own last cycles, between that combination and the seasonal naive
 * forecast (see chooseByValidation). Rules and measured figures: docs/concepts/forecasts.md.
 * Intervals: normal, from the chosen forecast's in-sample one-step error, widened with the horizon
 * as for SES with the combination's mean alpha, σ·sqrt(1 + (h−1)·α²), times (1 + WIDEN·(h−1)), then
 * scaled by the season; the seasonal naive forecast's as Hyndman & Athanasopoulos (FPP3 §5.5),
 * σ·sqrt(⌊(h−1)/m⌋ + 1).
 */

/**
 * Extra widening per step ahead: the SES variance formula ignores trend and model uncertainty.
 * Calibrated by `npm run bench:m3 -- PATH --calibrate` on the M3 training data only (each series'
 * last 18 training points held out), never on the scored test points; see docs/concepts/forecasts.md.
 */
export const WIDEN = 0.08;
/**
 * The widening was calibrated on horizons 1 to 18, so it stops growing after 17 steps: extended
 * linearly it made a week of hourly forecasts 14 times wider than the SES formula and held 99.8%.
 */
export const WIDEN_STEPS = 17;

export type Method = 'auto' | 'theta' | 'damped' | 'ses' | 'naive' | 'snaive';
export interface ForecastRow {
  readonly step: number;
  readonly forecast: number;
  readonly low: number;
  readonly high: number;
}

export interface KpiForecastResult {
  /** Season used (0 when none). */
  readonly season: number;
  /** What produced the forecast: 'combination', 'theta', 'damped', 'ses', 'naive' or 'seasonal naive'. */
  readonly model: string;
  readonly rows: ForecastRow[];
}

export interface KpiForecastOptions {
  readonly confidence?: number;
  /** The timeline's step, when the caller knows it (gives the calendar prior). */
  readonly step?: TimeStep | null;
}

/** Level of the season F-test that, with the classical autocorrelation test agreeing, still adjusts. */
const AGREEMENT_LEVEL = 0.2;

/**
 * The season KPI_FORECAST adjusts for. Given n: n when the classical 90% autocorrelation test finds
 * it significant (M3/Theta practice). Detect: the shared detection on calendar cycles; when it finds
 * none, the calendar's first cycle (12 without a timeline) is still used when the classical test and
 * the detection's F-test at 20% agree: adjusting a weakly seasonal series costs little, missing a
 * season costs a lot (measured on M3, docs/concepts/forecasts.md).
 */
export function forecastSeason(y: readonly number[], seasonality: number, step?: TimeStep | null): number {
  if (seasonality === 0) return 0;
  if (seasonality >= 2) return isSeasonal(y, seasonality) ? seasonality : 0;
  const m = detectSeason(y, { step, search: false });
  if (m >= 2) return m;
  const first = calendarPrior(step)[0];
  if (first && isSeasonal(y, first) && (seasonTest(y, first)?.p ?? 1) < AGREEMENT_LEVEL) return first;
  return 0;
}

interface Path {
  readonly forecasts: Float64Array;
  readonly halfWidths: Float64Array;
  readonly model: string;
}

/** Forecasts and interval half-widths of one method for a given season m (0 = none). */
function forecastWith(y: readonly number[], horizon: number, m: number, method: Method, z: number): Path {
  const n = y.length;
  if (method === 'snaive') return seasonalNaive(y, horizon, m, z);
  const positive = y.every((v) => v > 0);
  const idx = m >= 2 ? seasonalIndices(y, m, positive) : null;
  const sa = new Float64Array(n);
  for (let i = 0; i < n; i++) sa[i] = idx ? (positive ? y[i] / idx[i % m] : y[i] - idx[i % m]) : y[i];

  let fits: ModelFit[];
  if (method === 'auto') fits = [fitDamped(sa, horizon), fitTheta(sa, horizon)];
  else if (method === 'theta') fits = [fitTheta(sa, horizon)];
  else if (method === 'damped') fits = [fitDamped(sa, horizon)];
  else if (method === 'ses') fits = [fitSes(sa, horizon)];
  else fits = [naive(sa, horizon)];

  const k = fits.length;
  let sse = 0;
  const len = fits[0].residuals.length;
  for (let i = 0; i < len; i++) {
    let e = 0;
    for (const f of fits) e += f.residuals[i];
    sse += (e / k) ** 2;
  }
  const sigma = Math.sqrt(sse / Math.max(1, len - 1));
  const alpha = mean(fits.map((f) => f.alpha));
  const forecasts = new Float64Array(horizon);
  const halfWidths = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    let f = 0;
    for (const fit of fits) f += fit.forecasts[h - 1];
    f /= k;
    let half = z * sigma * Math.sqrt(1 + (h - 1) * alpha * alpha) * (1 + WIDEN * Math.min(h - 1, WIDEN_STEPS));
    if (idx) {
      const s = idx[(n + h - 1) % m];
      if (positive) {
        f *= s;
        half *= s;
      } else f += s;
    }
    forecasts[h - 1] = f;
    halfWidths[h - 1] = half;
  }
  return { forecasts, halfWidths, model: method === 'auto' ? 'combination' : method };
}

/** Each value repeats the one a season earlier; σ from the seasonal differences. */
function seasonalNaive(y: readonly number[], horizon: number, m: number, z: number): Path {
  const n = y.length;
  let sse = 0;
  for (let i = m; i < n; i++) sse += (y[i] - y[i - m]) ** 2;
  const sigma = Math.sqrt(sse / Math.max(1, n - m));
  const forecasts = new Float64Array(horizon);
  const halfWidths = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    forecasts[h - 1] = y[n - m + ((h - 1) % m)];
    halfWidths[h - 1] = z * sigma * Math.sqrt(Math.floor((h - 1) / m) + 1);
  }
  return { forecasts, halfWidths, model: 'seasonal naive' };
}

/** Validation needs this many whole cycles before the held-out ones. */
export const VALIDATION_MIN_CYCLES = 4;
/** and seasons at least this long (high-frequency data: hours of a day or of a week). */
export const VALIDATION_MIN_SEASON = 24;

/**
 * Additive Holt-Winters as FORECAST_ETS fits it. Only a validation candidate, whose interval comes
 * from the held-out cycles, so none is computed here.
 */
function holtWinters(y: readonly number[], horizon: number, m: number): Path {
  const fit = fitHoltWinters(y, m);
  const forecasts = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) forecasts[h - 1] = fit.forecast(h);
  return { forecasts, halfWidths: new Float64Array(horizon), model: 'ets' };
}

type Candidate = (y: readonly number[], horizon: number) => Path;

/**
 * The default's rule on long seasonal series: when m ≥ VALIDATION_MIN_SEASON and the series holds
 * VALIDATION_MIN_CYCLES cycles besides the held-out ones, each candidate (the combination, the
 * seasonal naive forecast, additive Holt-Winters) is fitted without the last v = m·⌈horizon/m⌉
 * points and forecasts them, and again one window earlier when the series is long enough (two
 * rolling origins); the candidate with the lowest mean absolute error over those windows is
 * refitted on the whole series, its interval z times its root mean square error there.
 * Returns null when the rule does not apply.
 */
function chooseByValidation(y: readonly number[], horizon: number, m: number, z: number): Path | null {
  if (m < VALIDATION_MIN_SEASON) return null;
  const v = m * Math.ceil(horizon / m);
  const n = y.length;
  if (n - v < VALIDATION_MIN_CYCLES * m) return null;
  const origins = n - 2 * v >= VALIDATION_MIN_CYCLES * m ? [n - 2 * v, n - v] : [n - v];
  const candidates: Candidate[] = [
    (x, h) => forecastWith(x, h, m, 'auto', z),
    (x, h) => seasonalNaive(x, h, m, z),
    (x, h) => holtWinters(x, h, m),
  ];
  let best = 0;
  let bestError = Infinity;
  let bestSquares = 0;
  candidates.forEach((candidate, c) => {
    let error = 0;
    let squares = 0;
    for (const origin of origins) {
      const f = candidate(y.slice(0, origin), v).forecasts;
      for (let i = 0; i < v; i++) {
        const e = y[origin + i] - f[i];
        error += Math.abs(e);
        squares += e * e;
      }
    }
    if (error < bestError) {
      bestError = error;
      bestSquares = squares;
      best = c;
    }
  });
  const chosen = candidates[best](y, horizon);
  // The interval comes from the same held-out cycles: z times the root mean square of the chosen
  // method's errors there (up to `horizon` steps ahead, since v ≥ horizon), not from a model formula.
  const halfWidths = new Float64Array(horizon).fill(z * Math.sqrt(bestSquares / (v * origins.length)));
  return { forecasts: chosen.forecasts, halfWidths, model: chosen.model };
}

/**
 * @param seasonality 1 = detect, 0 = none, n ≥ 2 = season of n (still only used when significant).
 * Cost O(n log n) plus a few hundred O(n) passes for the fits (twice with validation).
 * @throws #NUM! when there are fewer than 4 values.
 * @example kpiForecast([5, 5, 5, 5, 5, 5], 2, 0).rows[0].forecast  // 5
 */
export function kpiForecast(
  y: readonly number[],
  horizon: number,
  seasonality: number,
  method: Method = 'auto',
  opts: KpiForecastOptions = {},
): KpiForecastResult {
  const n = y.length;
  if (n < 4) throw numError(`KPI_FORECAST needs at least 4 values, got ${n}`);
  const z = normalQuantile((1 + (opts.confidence ?? 0.95)) / 2);
  // The seasonal naive forecast is defined by its season: a given one is used as given.
  const m = method === 'snaive' && seasonality >= 2 ? seasonality : forecastSeason(y, seasonality, opts.step);
  if (method === 'snaive' && m < 2)
    throw numError('method "snaive" needs a season: give seasonality n ≥ 2, or a series where one is detected');
  if (method === 'snaive' && m > n) throw numError(`method "snaive" repeats the last season of ${m} values, but the series has ${n}`);
  const path = (method === 'auto' && chooseByValidation(y, horizon, m, z)) || forecastWith(y, horizon, m, method, z);
  const rows: ForecastRow[] = [];
  for (let h = 1; h <= horizon; h++) {
    const f = path.forecasts[h - 1];
    const half = path.halfWidths[h - 1];
    rows.push({ step: h, forecast: f, low: f - half, high: f + half });
  }
  return { season: m, model: path.model, rows };
}

function naive(x: ArrayLike<number>, horizon: number): ModelFit {
  const res = new Float64Array(x.length - 1);
  for (let i = 1; i < x.length; i++) res[i - 1] = x[i] - x[i - 1];
  return { forecasts: new Float64Array(horizon).fill(x[x.length - 1]), residuals: res, alpha: 1 };
}
