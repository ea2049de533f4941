/**
 * Exponential smoothing models fitted by one-step squared error, the building blocks of
 * KPI_FORECAST: simple (SES), damped-trend (Gardner & McKenzie) and the Theta method
 * (Assimakopoulos & Nikolopoulos 2000, in Hyndman & Billah's SES-with-drift form).
 * Each fit costs O(n) per evaluation and a few hundred evaluations.
 */
import { goldenSection } from '../math/optimize';
import { linearFit } from '../math/stats';

export interface ModelFit {
  /** Point forecasts for h = 1..horizon. */
  readonly forecasts: Float64Array;
  /** One-step in-sample errors (actual − fitted), from the second point on. */
  readonly residuals: Float64Array;
  /** Smoothing constant of the level (drives how intervals widen). */
  readonly alpha: number;
}

function sesSse(x: ArrayLike<number>, alpha: number, drift: number): number {
  let l = x[0];
  let sse = 0;
  for (let i = 1; i < x.length; i++) {
    const e = x[i] - (l + drift);
    sse += e * e;
    l = l + drift + alpha * e;
  }
  return sse;
}

function sesRun(x: ArrayLike<number>, alpha: number, drift: number): { level: number; residuals: Float64Array } {
  let l = x[0];
  const res = new Float64Array(x.length - 1);
  for (let i = 1; i < x.length; i++) {
    const e = x[i] - (l + drift);
    res[i - 1] = e;
    l = l + drift + alpha * e;
  }
  return { level: l, residuals: res };
}

/** Simple exponential smoothing, alpha in [0.01, 1]. @example fitSes([5, 5, 5], 2).forecasts → [5, 5] */
export function fitSes(x: ArrayLike<number>, horizon: number): ModelFit {
  const alpha = goldenSection((a) => sesSse(x, a, 0), 0.01, 1);
  const { level, residuals } = sesRun(x, alpha, 0);
  return { forecasts: new Float64Array(horizon).fill(level), residuals, alpha };
}

/**
 * Theta method: SES on the data plus half the slope of the straight-line trend, forecasts
 * SES + (b/2)·(h − 1 + 1/α − (1 − α)^n / α) (Hyndman & Billah 2003, eq. for θ = 2).
 */
export function fitTheta(x: ArrayLike<number>, horizon: number): ModelFit {
  const n = x.length;
  const b = linearFit(x).slope;
  const alpha = goldenSection((a) => sesSse(x, a, 0), 0.01, 1);
  const { level, residuals } = sesRun(x, alpha, 0);
  const out = new Float64Array(horizon);
  const tail = (1 - Math.pow(1 - alpha, n)) / alpha;
  for (let h = 1; h <= horizon; h++) out[h - 1] = level + 0.5 * b * (h - 1 + tail);
  return { forecasts: out, residuals, alpha };
}

function dampedSse(x: ArrayLike<number>, alpha: number, beta: number, phi: number, b0: number): number {
  let l = x[0];
  let b = b0;
  let sse = 0;
  for (let i = 1; i < x.length; i++) {
    const f = l + phi * b;
    const e = x[i] - f;
    sse += e * e;
    const nl = f + alpha * e;
    b = phi * b + alpha * beta * e;
    l = nl;
  }
  return sse;
}

/**
 * Damped-trend exponential smoothing (additive errors): alpha in [0.01, 1], beta as a share of
 * alpha in [0, 1], phi in [0.8, 0.98]; fitted by coordinate-wise golden sections, twice round.
 */
export function fitDamped(x: ArrayLike<number>, horizon: number): ModelFit {
  const n = x.length;
  const k = Math.min(n - 1, 4);
  const b0 = k > 0 ? (x[k] - x[0]) / k : 0;
  let alpha = 0.3;
  let share = 0.1;
  let phi = 0.9;
  for (let round = 0; round < 2; round++) {
    alpha = goldenSection((a) => dampedSse(x, a, share, phi, b0), 0.01, 1, 1e-3);
    share = goldenSection((s) => dampedSse(x, alpha, s, phi, b0), 0, 1, 1e-3);
    phi = goldenSection((p) => dampedSse(x, alpha, share, p, b0), 0.8, 0.98, 1e-3);
  }
  let l = x[0];
  let b = b0;
  const res = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) {
    const f = l + phi * b;
    const e = x[i] - f;
    res[i - 1] = e;
    l = f + alpha * e;
    b = phi * b + alpha * share * e;
  }
  const out = new Float64Array(horizon);
  let damp = 0;
  let p = 1;
  for (let h = 1; h <= horizon; h++) {
    p *= phi;
    damp += p;
    out[h - 1] = l + damp * b;
  }
  return { forecasts: out, residuals: res, alpha };
}
