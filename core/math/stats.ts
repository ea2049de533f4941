/**
 * Descriptive statistics of a list of numbers: sum, mean, median and the least-squares line.
 * Every function is pure, leaves its input alone and allocates at most one copy of it. The
 * callers check sizes and blanks first; an empty list gives 0 (sum, mean) or NaN (median).
 */

/** Sum in index order (so results match a plain loop to the last bit). O(n). @example sum([1, 2, 3.5]) === 6.5 */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** Arithmetic mean; 0 for an empty list. O(n). @example mean([2, 4, 9]) === 5 */
export function mean(x: ArrayLike<number>): number {
  return x.length ? sum(x) / x.length : 0;
}

/**
 * Median of the already sorted run sorted[from] … sorted[to − 1]: the middle value, or the mean
 * of the two middle values for an even count. NaN for an empty run. O(1).
 * @example sortedMedian([1, 2, 4, 10]) === 3
 */
export function sortedMedian(sorted: ArrayLike<number>, from = 0, to = sorted.length): number {
  const m = to - from;
  if (m <= 0) return NaN;
  const mid = from + (m >> 1);
  return m % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of a sorted copy of x (the input is left alone); NaN for an empty list. O(n log n). @example median([3, 1, 2]) === 2 */
export function median(x: ArrayLike<number>): number {
  return sortedMedian(Float64Array.from(x).sort());
}

/**
 * Centred moving average of order m over the span where it exists: entry k is the average centred
 * on y[k + ⌊m/2⌋], over m values for odd m and over m + 1 with half weights at both ends for even m
 * (the 2×m average of classical decomposition), so each season position weighs the same.
 * Length n − 2⌊m/2⌋ (empty when m > n). One running sum: O(n) whatever m.
 * @example centredMovingAverage([1, 2, 3, 4, 5], 3) // [2, 3, 4]; with m = 2: [2, 3, 4] from (1/2·1 + 2 + 1/2·3) / 2 …
 */
export function centredMovingAverage(y: ArrayLike<number>, m: number): Float64Array {
  const n = y.length;
  const half = Math.floor(m / 2);
  const out = new Float64Array(Math.max(0, n - 2 * half));
  if (out.length === 0) return out;
  // Running sum of m consecutive values (odd m) or of m + 1 with half weights at the ends (even m).
  let s = 0;
  for (let j = 0; j < m; j++) s += y[j];
  for (let i = half; i < n - half; i++) {
    const start = i - half;
    out[start] = m % 2 ? s / m : (s + y[start + m] - 0.5 * (y[start] + y[start + m])) / m;
    if (start + m < n) s += y[start + m] - y[start];
  }
  return out;
}

/** Ordinary least squares line through (i, x[i]), i = 0..n-1: intercept and slope (0 for fewer than 2 points). O(n). */
export function linearFit(x: ArrayLike<number>): { intercept: number; slope: number } {
  const n = x.length;
  const tBar = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  const xBar = mean(x);
  for (let i = 0; i < n; i++) {
    sxy += (i - tBar) * (x[i] - xBar);
    sxx += (i - tBar) * (i - tBar);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: xBar - slope * tBar, slope };
}
