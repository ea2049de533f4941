import { divZeroError, numError } from '../errors';
import { fft } from './fft';
import { normalCdf, normalQuantile } from '../math/distributions';

/**
 * Additive Holt-Winters as Excel's FORECAST.ETS family and LibreOffice Calc's FORECAST.ETS.ADD
 * compute it (Calc's ScETSForecastCalculation documents the method: NIST Engineering Statistics
 * Handbook 6.4.3.5 initialisation with a trend-corrected seasonal start, smoothing constants chosen
 * by nested one-dimensional searches on the one-step mean squared error).
 *
 * Conventions kept from Calc so the numbers agree (see docs/concepts/forecasts.md):
 * - three constants: alpha (level), beta (season), gamma (trend), each in [0, 1], searched
 *   alpha ⊃ beta ⊃ gamma, each by interval halving towards the lower-error end, to 0.001;
 * - start: trend = mean seasonal-lag difference / L; season j = mean over whole periods of the
 *   value minus its period's average corrected for trend; level = first value / first season index;
 * - the searches share one state, so each refit starts from the season indices the previous one left
 *   (which is what makes Calc's constants what they are);
 * - without a season (L = 0) it is Holt's double smoothing with level alpha and trend gamma.
 */
export interface HoltWintersFit {
  readonly season: number;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly mse: number;
  readonly rmse: number;
  /** Point forecast `steps` ahead of the last point (fractional steps interpolate linearly). */
  forecast(steps: number): number;
  /** Half-width of the prediction interval at `steps` ahead, for a confidence in (0, 1). */
  confidenceHalfWidth(steps: number, confidence: number): number;
}

const RESOLUTION = 0.001;

/**
 * Fits the model to a regular series. L = 0: no season; L ≥ 2: season of L points (needs 2L points).
 * Cost: about 3,000 passes over the data (nested searches), i.e. O(3000·n).
 * @throws #NUM! when the series is shorter than two seasons (or 3 points); #DIV/0! when the first
 *   season index is 0 (Calc's start level divides by it).
 * @example fitHoltWinters([10, 20, 30, 40], 0).forecast(1)  // 50
 */
export function fitHoltWinters(y: readonly number[], L: number): HoltWintersFit {
  const n = y.length;
  if (n < 3) throw numError(`the series has ${n} points; forecasting needs at least 3`);
  if (L >= 2 && n < 2 * L) throw numError(`a season of ${L} needs at least ${2 * L} points (two full seasons); the series has ${n}`);
  const seasonal = L >= 2;
  const level = new Float64Array(n);
  const trend = new Float64Array(n);
  const S = new Float64Array(n);
  const fc = new Float64Array(n);
  fc[0] = y[0];
  if (!seasonal) {
    trend[0] = (y[n - 1] - y[0]) / (n - 1);
    level[0] = y[0];
  } else {
    let d = 0;
    for (let i = 0; i < L; i++) d += y[i + L] - y[i];
    trend[0] = d / (L * L);
    const periods = Math.floor(n / L);
    const avg = new Float64Array(periods);
    for (let p = 0; p < periods; p++) {
      let s = 0;
      for (let j = 0; j < L; j++) s += y[p * L + j];
      avg[p] = s / L;
    }
    for (let j = 0; j < L; j++) {
      let s = 0;
      for (let p = 0; p < periods; p++) s += y[p * L + j] - (avg[p] + (j - 0.5 * (L - 1)) * trend[0]);
      S[j] = s / periods;
    }
    if (S[0] === 0) throw divZeroError('the first season index is 0, so the start level is undefined; add or remove a point at the start');
    level[0] = y[0] / S[0];
  }

  let alpha = 0;
  let beta = 0;
  let gamma = 0;
  let mse = 0;

  /** One pass: one-step forecasts and state updates with the current constants. */
  const refill = (): number => {
    let sse = 0;
    if (!seasonal) {
      for (let i = 1; i < n; i++) {
        level[i] = alpha * y[i] + (1 - alpha) * (level[i - 1] + trend[i - 1]);
        trend[i] = gamma * (level[i] - level[i - 1]) + (1 - gamma) * trend[i - 1];
        fc[i] = level[i - 1] + trend[i - 1];
        const e = fc[i] - y[i];
        sse += e * e;
      }
    } else {
      for (let i = 1; i < n; i++) {
        // Calc's indexing: up to the first full season a point reads (and updates) its own slot.
        const k = i > L ? i - L : i;
        level[i] = alpha * (y[i] - S[k]) + (1 - alpha) * (level[i - 1] + trend[i - 1]);
        S[i] = beta * (y[i] - level[i]) + (1 - beta) * S[k];
        trend[i] = gamma * (level[i] - level[i - 1]) + (1 - gamma) * trend[i - 1];
        fc[i] = level[i - 1] + trend[i - 1] + S[k];
        const e = fc[i] - y[i];
        sse += e * e;
      }
    }
    mse = sse / (n - 1);
    return mse;
  };

  /** Interval-halving search of one constant; `inner` refits everything below it and returns the MSE. */
  const search = (set: (v: number) => void, inner: () => number): number => {
    let f0 = 0;
    set(f0);
    let e0 = inner();
    let f2 = 1;
    set(f2);
    let e2 = inner();
    let f1 = 0.5;
    set(f1);
    let e1 = inner();
    if (e0 === e1 && e1 === e2) {
      set(0);
      return inner();
    }
    while (f2 - f1 > RESOLUTION) {
      if (e2 > e0) {
        f2 = f1;
        e2 = e1;
        f1 = (f0 + f1) / 2;
      } else {
        f0 = f1;
        e0 = e1;
        f1 = (f1 + f2) / 2;
      }
      set(f1);
      e1 = inner();
    }
    if (e2 > e0) {
      if (e0 < e1) {
        set(f0);
        e1 = inner();
      }
    } else if (e2 < e1) {
      set(f2);
      e1 = inner();
    }
    return e1;
  };

  const fitGamma = () => search((v) => (gamma = v), refill);
  const fitBetaGamma = () =>
    search(
      (v) => (beta = v),
      () => (fitGamma(), refill()),
    );
  if (seasonal)
    search(
      (v) => (alpha = v),
      () => (fitBetaGamma(), refill()),
    );
  else
    search(
      (v) => (alpha = v),
      () => (fitGamma(), refill()),
    );
  if (!Number.isFinite(mse)) throw numError('the fit did not converge to finite numbers; check the values for extreme magnitudes');

  const last = n - 1;
  const pointAt = (k: number): number => {
    if (!seasonal) return level[last] + k * trend[last];
    return level[last] + k * trend[last] + S[last - L + (k % L)];
  };
  const rmse = Math.sqrt(mse);
  let psi: Float64Array | null = null;
  const spreads = new Map<string, number>();

  return {
    season: seasonal ? L : 0,
    alpha,
    beta,
    gamma,
    mse,
    rmse,
    forecast(steps: number): number {
      if (steps <= 0) return y[last];
      const k = Math.floor(steps + 1e-9);
      const frac = steps - k;
      const v = pointAt(k);
      return frac >= RESOLUTION ? v + frac * (pointAt(k + 1) - v) : v;
    },
    confidenceHalfWidth(steps: number, confidence: number): number {
      const k = Math.max(1, Math.floor(steps + 1e-9));
      const frac = steps - k;
      if (!seasonal) {
        const at = (h: number) =>
          (normalQuantile((1 + confidence) / 2) * rmse * brownFactor(h - 1, confidence)) / brownFactor(0, confidence);
        const v = at(k);
        return frac > 0 ? v + frac * (at(k + 1) - v) : v;
      }
      if (!psi || psi.length < k + 2) psi = impulseResponse(alpha, beta, gamma, L, 2 * k + 2);
      const v = simulatedSpread(psi, k, confidence, spreads) * rmse;
      if (frac <= 0) return v;
      return v + frac * (simulatedSpread(psi, k + 1, confidence, spreads) * rmse - v);
    },
  };
}

/**
 * Calc's interval factor for double smoothing (after Bovas & Ledolter's formula for Brown's method,
 * where Calc puts the confidence level in the place of the smoothing constant).
 */
function brownFactor(i: number, p: number): number {
  const o = 1 - p;
  return Math.sqrt(1 + (p / (1 + o) ** 3) * (1 + 4 * o + 5 * o * o + 2 * i * p * (1 + 3 * o) + 2 * i * i * p * p));
}

/**
 * How a shock at one step moves the simulated value k steps later (k = 0 is the shock itself).
 * The simulation recursion is linear and time-invariant, so one impulse response describes it.
 */
function impulseResponse(alpha: number, beta: number, gamma: number, L: number, minLength: number): Float64Array {
  const len = Math.max(minLength, 64);
  const psi = new Float64Array(len);
  const base = new Float64Array(len);
  const tr = new Float64Array(len);
  const sea = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const prevBase = i ? base[i - 1] : 0;
    const prevTrend = i ? tr[i - 1] : 0;
    const per = i >= L ? sea[i - L] : 0;
    const x = prevBase + prevTrend + per + (i === 0 ? 1 : 0);
    psi[i] = x;
    base[i] = alpha * (x - per) + (1 - alpha) * (prevBase + prevTrend);
    tr[i] = gamma * (base[i] - prevBase) + (1 - gamma) * prevTrend;
    sea[i] = beta * (x - base[i]) + (1 - beta) * per;
  }
  return psi;
}

const GRID = 1 << 14;

/**
 * Calc's simulated interval, in units of the RMSE. Calc adds a shock RMSE·|Z| at every step of
 * 1,000 random paths (it draws the normal quantile of a uniform in [0.5, 1), a half-normal) and
 * reports the distance between the median and the (1 + confidence)/2 quantile of the paths.
 * A path's value k steps ahead is Σ psi[j]·|Z_j| (j < k), so instead of simulating we compute that
 * distribution exactly on a grid: each term's probabilities, multiplied in the Fourier domain.
 * The result is what Calc's simulation gives on average, without its ±3% draw-to-draw noise.
 * Cost O(GRID log GRID) per horizon, cached per fit.
 */
function simulatedSpread(psi: Float64Array, k: number, confidence: number, cache: Map<string, number>): number {
  const key = `${k}:${confidence}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let lo = 0;
  let hi = 0;
  for (let j = 0; j < k; j++) {
    lo += Math.min(0, 7 * psi[j]);
    hi += Math.max(0, 7 * psi[j]);
  }
  if (hi - lo === 0) return 0;
  const dx = (hi - lo) / (GRID / 2); // half the grid is padding, so the circular product never wraps
  const accRe = new Float64Array(GRID);
  const accIm = new Float64Array(GRID);
  accRe[0] = 1; // the distribution of an empty sum: all mass at 0 (its transform is all ones)
  fft(accRe, accIm);
  const re = new Float64Array(GRID);
  const im = new Float64Array(GRID);
  for (let j = 0; j < k; j++) {
    re.fill(0);
    im.fill(0);
    const w = psi[j];
    if (w === 0) continue;
    // P(w|Z| falls in the cell of grid point c), cells of width dx centred on multiples of dx.
    const cells = Math.ceil((7 * Math.abs(w)) / dx) + 1;
    let prev = 0;
    for (let c = 0; c < cells; c++) {
      const edge = ((c + 0.5) * dx) / Math.abs(w);
      const cdf = 2 * normalCdf(edge) - 1;
      const idx = w > 0 ? c : (GRID - c) % GRID;
      re[idx] += cdf - prev;
      prev = cdf;
    }
    fft(re, im);
    for (let i = 0; i < GRID; i++) {
      const r = accRe[i] * re[i] - accIm[i] * im[i];
      accIm[i] = accRe[i] * im[i] + accIm[i] * re[i];
      accRe[i] = r;
    }
  }
  const pr = Float64Array.from(accRe);
  const pi = Float64Array.from(accIm);
  fft(pr, pi, true);
  // Walk the grid from the lowest reachable value (index of lo) upwards, accumulating the CDF.
  const start = Math.floor(lo / dx) - 1;
  const quantile = (p: number): number => {
    let cum = 0;
    for (let c = start; c < start + GRID; c++) {
      const mass = Math.max(0, pr[((c % GRID) + GRID) % GRID] / GRID);
      if (cum + mass >= p) return (c - 0.5 + (p - cum) / mass) * dx;
      cum += mass;
    }
    return hi;
  };
  const spread = quantile((1 + confidence) / 2) - quantile(0.5);
  cache.set(key, spread);
  return spread;
}
