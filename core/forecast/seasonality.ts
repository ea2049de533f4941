import { fft, nextPow2 } from './fft';
import { normalQuantile } from '../math/distributions';
import { centredMovingAverage, mean } from '../math/stats';

/** Largest season FORECAST.ETS accepts (hours in a year). */
export const MAX_SEASON = 8760;

/**
 * Sample autocorrelations r_1..r_maxLag (biased estimator, divided by n·variance), via FFT.
 * Returns zeros when the series is constant. Cost O(n log n).
 */
export function autocorrelations(x: ArrayLike<number>, maxLag: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(maxLag + 1);
  const m = mean(x);
  const size = nextPow2(2 * n);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < n; i++) re[i] = x[i] - m;
  fft(re, im);
  for (let i = 0; i < size; i++) {
    re[i] = re[i] * re[i] + im[i] * im[i];
    im[i] = 0;
  }
  fft(re, im, true);
  const c0 = re[0];
  if (!(c0 > 1e-12 * size * n * (Math.abs(m) + 1) ** 2)) return out;
  out[0] = 1;
  for (let k = 1; k <= maxLag && k < n; k++) out[k] = re[k] / c0;
  return out;
}

/**
 * The classical seasonality test of the M3/Theta practice: is r_m of the series (not differenced)
 * outside the 90% Bartlett band sqrt((1 + 2 Σ_{k<m} r_k²) / n)? Needs n ≥ 3m. O(n log n).
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  const n = y.length;
  if (m < 2 || n < 3 * m) return false;
  const r = autocorrelations(y, m);
  let s = 0;
  for (let k = 1; k < m; k++) s += r[k] * r[k];
  return Math.abs(r[m]) > normalQuantile(0.95) * Math.sqrt((1 + 2 * s) / n);
}

/**
 * Classical decomposition's seasonal indices (centred moving average of order m, then the mean
 * ratio (multiplicative) or difference (additive) per season position, normalised).
 * index[i % m] applies to y[i]. Multiplicative needs positive data. O(n).
 */
export function seasonalIndices(y: readonly number[], m: number, multiplicative: boolean): Float64Array {
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const half = Math.floor(m / 2);
  const average = centredMovingAverage(y, m);
  for (let k = 0; k < average.length; k++) {
    const i = k + half;
    sums[i % m] += multiplicative ? y[i] / average[k] : y[i] - average[k];
    counts[i % m]++;
  }
  const idx = new Float64Array(m);
  for (let j = 0; j < m; j++) idx[j] = counts[j] ? sums[j] / counts[j] : multiplicative ? 1 : 0;
  const avg = mean(idx);
  for (let j = 0; j < m; j++) idx[j] = multiplicative ? idx[j] / avg : idx[j] - avg;
  return idx;
}
