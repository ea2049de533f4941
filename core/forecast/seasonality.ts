import { fft, nextPow2 } from './fft';
import { linearFit, normalQuantile } from './stats';

/** Largest season FORECAST.ETS accepts (hours in a year). */
export const MAX_SEASON = 8760;

/**
 * Sample autocorrelations r_1..r_maxLag (biased estimator, divided by n·variance), via FFT.
 * Returns zeros when the series is constant. Cost O(n log n).
 */
export function autocorrelations(x: ArrayLike<number>, maxLag: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(maxLag + 1);
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
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
 * Finds the season length of a regular series, or 1 when there is none.
 * Method: autocorrelations of the residuals from a straight-line trend;
 * candidates are local peaks above the 95% Bartlett band; the highest wins, then its smallest
 * divisor that is itself a peak of at least 80% of its height (so 12, not 24 or 36, for a yearly
 * cycle in monthly data). Lags run to n/2 (two full seasons) and at most 8760.
 * Cost O(n log n + maxLag).
 * @example detectSeason(weeklyDailySeries) === 7
 */
export function detectSeason(y: readonly number[]): number {
  const n = y.length;
  if (n < 6) return 1;
  const { intercept, slope } = linearFit(y);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = y[i] - intercept - slope * i;
  const maxLag = Math.min(Math.floor(n / 2), MAX_SEASON, d.length - 2);
  if (maxLag < 2) return 1;
  const r = autocorrelations(d, maxLag + 1);
  const z = normalQuantile(0.975);
  const peak = new Uint8Array(maxLag + 1);
  let best = 0;
  let sumSq = 0;
  for (let k = 1; k <= maxLag; k++) {
    const band = z * Math.sqrt((1 + 2 * sumSq) / d.length);
    sumSq += r[k] * r[k];
    if (k >= 2 && r[k] > band && r[k] > 0.1 && r[k] >= r[k - 1] && r[k] >= r[k + 1]) {
      peak[k] = 1;
      if (!best || r[k] > r[best]) best = k;
    }
  }
  if (!best) return 1;
  for (let k = 2; k < best; k++) if (best % k === 0 && peak[k] && r[k] >= 0.8 * r[best]) return k;
  return best;
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
  const n = y.length;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const half = Math.floor(m / 2);
  // Running sum for the centred moving average (2×m MA when m is even).
  for (let i = half; i < n - half; i++) {
    let ma: number;
    if (m % 2) {
      let s = 0;
      for (let j = i - half; j <= i + half; j++) s += y[j];
      ma = s / m;
    } else {
      let s = (y[i - half] + y[i + half]) / 2;
      for (let j = i - half + 1; j < i + half; j++) s += y[j];
      ma = s / m;
    }
    sums[i % m] += multiplicative ? y[i] / ma : y[i] - ma;
    counts[i % m]++;
  }
  const idx = new Float64Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    idx[j] = counts[j] ? sums[j] / counts[j] : multiplicative ? 1 : 0;
    total += idx[j];
  }
  const avg = total / m;
  for (let j = 0; j < m; j++) idx[j] = multiplicative ? idx[j] / avg : idx[j] - avg;
  return idx;
}
