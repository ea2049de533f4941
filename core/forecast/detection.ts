import { autocorrelations, MAX_SEASON } from './seasonality';
import { fUpperTail } from '../math/distributions';
import { centredMovingAverage, linearFit } from '../math/stats';

/**
 * Season detection shared by FORECAST_ETS(_SEASONALITY), KPI_FORECAST, ANOMALIES and the
 * dashboard's alerts.
 *
 * 1. Candidates. The timeline's step suggests the calendar cycles a KPI usually has (the prior):
 *    monthly 12, quarterly 4, weekly 52 and 53, daily 7, hourly 24 and 168, half-hourly 48 and 336.
 *    Without a timeline
 *    every one of those is a candidate. Peaks of the autocorrelation of the linearly detrended
 *    series add any other length (a 3-step pattern in numbered periods, say).
 * 2. Test. For a candidate m (at least 3 full cycles), the trend is removed by the centred moving
 *    average of order m (2×m when m is even), which cancels a season of length m and follows any
 *    smooth trend; values are divided by it when all are positive (multiplicative seasons), else it
 *    is subtracted. The detrended values are grouped by position in the cycle and a one-way
 *    analysis of variance F-test asks whether the positions differ: the "stable seasonality" test
 *    of X-11 / X-13ARIMA-SEATS (Lothian & Morry 1978). Calendar candidates need p < 0.01, others
 *    (found in the data, so tested after looking) p < 0.0001. The season must also explain at least
 *    a tenth of the detrended variance, so a negligible cycle in a long series is not modelled.
 * 3. Choice. Among significant candidates the one with the largest adjusted share of variance
 *    explained wins; a multiple (24 → 168, 12 → 24) is kept only when it explains significantly more
 *    than its divisor (nested F-test at the same level), otherwise the divisor is the season; but a
 *    calendar season that passes is kept over a divisor found by searching (a half-year pattern in
 *    monthly data is part of a yearly cycle).
 * Cost O(n log n) for the autocorrelations plus O(n) per candidate.
 */

/** Cycles a KPI's calendar suggests, by the length of one step. */
export type TimeStep = { readonly unit: 'month' | 'day'; readonly size: number };

/** Every calendar candidate, tried when the step is not known. */
export const CALENDAR_SEASONS = [12, 4, 52, 53, 7, 24, 168, 48, 336] as const;

/** The prior for a timeline step: months 1 → 12, 3 → 4; days 1 → 7, 7 → 52/53, 1/24 → 24/168, 1/48 → 48/336. */
export function calendarPrior(step: TimeStep | null | undefined): readonly number[] {
  if (!step) return CALENDAR_SEASONS;
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, b);
  if (step.unit === 'month') {
    if (near(step.size, 1)) return [12];
    if (near(step.size, 3)) return [4];
    return [];
  }
  if (near(step.size, 1)) return [7];
  if (near(step.size, 7)) return [52, 53];
  if (near(step.size, 1 / 24)) return [24, 168];
  if (near(step.size, 1 / 48)) return [48, 336];
  return [];
}

export interface SeasonTest {
  readonly period: number;
  /** F statistic of the positions' means, and its p-value. */
  readonly f: number;
  readonly p: number;
  /** Share of the detrended variance the positions' means explain (0..1), and adjusted for df. */
  readonly share: number;
  readonly adjustedShare: number;
}

/** Levels a candidate must pass: prior candidates and those found by looking at the data. */
export const PRIOR_LEVEL = 0.01;
export const SEARCH_LEVEL = 1e-4;
/** Smallest share of the detrended variance a season must explain. */
export const MIN_SHARE = 0.1;
/** Adjusted shares this close count as a tie. */
const TIE = 0.02;

/** Detrended values for a candidate m: y / MA or y − MA over the span where the MA exists. */
export function detrendByMovingAverage(y: ArrayLike<number>, m: number): { values: Float64Array; first: number } {
  const n = y.length;
  const half = Math.floor(m / 2);
  let positive = true;
  for (let i = 0; i < n; i++) if (!(y[i] > 0)) positive = false;
  const out = centredMovingAverage(y, m);
  for (let k = 0; k < out.length; k++) out[k] = positive ? y[k + half] / out[k] : y[k + half] - out[k];
  return { values: out, first: half };
}

interface Groups {
  readonly ssb: number;
  readonly ssw: number;
  readonly count: number;
  /** Lag-one autocorrelation of the within-position residuals, in time order. */
  readonly rho: number;
}

/** Between- and within-position sums of squares of x grouped by (first + i) mod m. */
function groupSums(x: Float64Array, first: number, m: number): Groups {
  const sum = new Float64Array(m);
  const cnt = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const j = (first + i) % m;
    sum[j] += x[i];
    cnt[j]++;
    total += x[i];
  }
  const grand = total / x.length;
  let ssb = 0;
  for (let j = 0; j < m; j++) if (cnt[j]) ssb += cnt[j] * (sum[j] / cnt[j] - grand) ** 2;
  let ssw = 0;
  let lag1 = 0;
  let prev = 0;
  for (let i = 0; i < x.length; i++) {
    const j = (first + i) % m;
    const e = x[i] - sum[j] / cnt[j];
    ssw += e * e;
    if (i) lag1 += e * prev;
    prev = e;
  }
  return { ssb, ssw, count: x.length, rho: ssw > 0 ? lag1 / ssw : 0 };
}

/** The stable-seasonality F-test for season m, or null when the series has fewer than 3 cycles. */
export function seasonTest(y: ArrayLike<number>, m: number): SeasonTest | null {
  if (m < 2 || y.length < 3 * m) return null;
  const { values, first } = detrendByMovingAverage(y, m);
  const g = groupSums(values, first, m);
  return summarise(m, g);
}

/**
 * Positively autocorrelated noise makes neighbouring positions' means move together, so they carry
 * fewer independent degrees of freedom than m − 1 and the F statistic has a heavier tail. The
 * degrees of freedom are shrunk by the AR(1) factor (1 − ρ) / (1 + ρ) (effective sample size, as in
 * Bretherton et al. 1999), which keeps random walks and AR(1) noise from passing as seasons.
 */
function effectiveDf(df: number, rho: number): number {
  return rho > 0 ? Math.max(1, (df * (1 - rho)) / (1 + rho)) : df;
}

function summarise(m: number, g: Groups): SeasonTest {
  const d1 = effectiveDf(m - 1, g.rho);
  const d2 = effectiveDf(g.count - m, g.rho);
  const sst = g.ssb + g.ssw;
  const scale = 1e-12 * (sst + 1e-300);
  let f: number;
  if (g.ssw <= scale) f = g.ssb <= scale ? 0 : Infinity;
  else f = g.ssb / d1 / (g.ssw / d2);
  const share = sst > 0 && f > 0 ? g.ssb / sst : 0;
  const adjustedShare = sst > 0 && f > 0 ? 1 - g.ssw / (g.count - m) / (sst / (g.count - 1)) : 0;
  return { period: m, f, p: f > 0 ? fUpperTail(f, d1, d2) : 1, share, adjustedShare };
}

/** Does season m explain significantly more than its divisor d (on m's detrended values)? */
export function addsToDivisor(y: ArrayLike<number>, m: number, d: number, level: number): boolean {
  const { values, first } = detrendByMovingAverage(y, m);
  const big = groupSums(values, first, m);
  const small = groupSums(values, first, d);
  const d1 = effectiveDf(m - d, big.rho);
  const d2 = effectiveDf(big.count - m, big.rho);
  if (big.ssw <= 1e-12 * (big.ssb + big.ssw)) return big.ssb - small.ssb > 1e-12 * (big.ssb + big.ssw);
  const f = (big.ssb - small.ssb) / d1 / (big.ssw / d2);
  return fUpperTail(f, d1, d2) < level;
}

/** Local peaks of the linearly detrended series' autocorrelation above the 95% Bartlett band, highest first. */
function autocorrelationPeaks(y: ArrayLike<number>, maxLag: number, limit: number): number[] {
  const n = y.length;
  const { intercept, slope } = linearFit(y);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = y[i] - intercept - slope * i;
  const r = autocorrelations(d, maxLag + 1);
  const peaks: number[] = [];
  let sumSq = 0;
  for (let k = 1; k <= maxLag; k++) {
    const band = 1.96 * Math.sqrt((1 + 2 * sumSq) / n);
    sumSq += r[k] * r[k];
    if (k >= 2 && r[k] > band && r[k] > 0.1 && r[k] >= r[k - 1] && r[k] >= r[k + 1]) peaks.push(k);
  }
  return peaks.sort((a, b) => r[b] - r[a]).slice(0, limit);
}

export interface DetectOptions {
  /** The timeline's step, when known (gives the calendar prior). */
  readonly step?: TimeStep | null;
  /** Candidates are searched among autocorrelation peaks too (default true). */
  readonly search?: boolean;
  /** Level for calendar candidates (default PRIOR_LEVEL) and smallest share explained (default MIN_SHARE). */
  readonly level?: number;
  readonly minShare?: number;
  readonly searchLevel?: number;
}

/**
 * The season length of a regular series, or 1 when it has none (see the module comment).
 * @example detectSeason(dailyWithWeeklyCycle, { step: { unit: 'day', size: 1 } }) === 7
 */
export function detectSeason(y: ArrayLike<number>, opts: DetectOptions = {}): number {
  const n = y.length;
  if (n < 6) return 1;
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) return 1;
  const prior = calendarPrior(opts.step);
  const levels = new Map<number, number>();
  const priorLevel = opts.level ?? PRIOR_LEVEL;
  const minShare = opts.minShare ?? MIN_SHARE;
  for (const m of prior) if (n >= 3 * m) levels.set(m, priorLevel);
  if (opts.search !== false) {
    const maxLag = Math.min(Math.floor(n / 3), MAX_SEASON);
    if (maxLag >= 2)
      for (const m of autocorrelationPeaks(y, maxLag, 3)) if (!levels.has(m)) levels.set(m, opts.searchLevel ?? SEARCH_LEVEL);
  }
  const passed: SeasonTest[] = [];
  for (const [m, level] of levels) {
    const t = seasonTest(y, m);
    if (t && t.p < level && t.share >= minShare) passed.push(t);
  }
  if (!passed.length) return 1;
  passed.sort((a, b) => b.adjustedShare - a.adjustedShare || a.period - b.period);
  let best = passed[0].period;
  // Near ties (52 or 53 weeks, say) go to the shorter season.
  for (const t of passed) if (t.period < best && t.adjustedShare >= passed[0].adjustedShare - TIE) best = t.period;
  // A calendar season is not given up for a divisor found by searching (a half-year pattern is part
  // of a yearly cycle); a multiple has to earn its extra positions against each other divisor.
  const calendar = new Set(prior);
  if (!calendar.has(best)) {
    const multiple = passed.find((t) => calendar.has(t.period) && t.period % best === 0);
    if (multiple) best = multiple.period;
  }
  const divisors = passed
    .map((t) => t.period)
    .filter((d) => d < best && best % d === 0 && (calendar.has(d) || !calendar.has(best)))
    .sort((a, b) => a - b);
  for (const d of divisors) {
    if (!addsToDivisor(y, best, d, levels.get(best) ?? SEARCH_LEVEL)) {
      best = d;
      break;
    }
  }
  return best;
}
