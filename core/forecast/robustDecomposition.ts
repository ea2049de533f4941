import { median } from '../math/stats';

/**
 * Robust seasonal-trend decomposition for a periodic season, after STL (Cleveland, Cleveland,
 * McRae & Terpenning 1990, J. Official Statistics 6:3-73) with its seasonal window "periodic":
 * - season: per-position weighted mean of the detrended values, centred (a periodic seasonal
 *   smoother is a constant per cycle-subseries);
 * - trend: loess (local linear, tricube weights) of the deseasonalised values over the odd number
 *   of points ≥ 3·period (at least 7); STL's default is 1.5·period, which follows the noise more
 *   closely: on held-out synthetic series (docs/concepts/forecasts.md) the wider window kept
 *   anomaly recall and raised precision;
 * - robustness: after each of `outer` passes, points get bisquare weights (1 − (r / 6·median|r|)²)²,
 *   so a spike or a drop stops pulling the trend and the season (STL's robust = TRUE); outer = 0
 *   is the plain decomposition.
 * Returns the remainder (value − season − trend). Cost O(passes · n · window).
 */
export function stlRemainder(y: readonly number[], period: number, outer = 5): Float64Array {
  const n = y.length;
  let window = Math.ceil(3 * period);
  if (window % 2 === 0) window++;
  window = Math.min(Math.max(window, 7), n % 2 ? n : n - 1);
  const rho = new Float64Array(n).fill(1);
  const trend = new Float64Array(n);
  const season = new Float64Array(n);
  const rest = new Float64Array(n);
  const INNER = 2;
  for (let pass = 0; pass <= outer; pass++) {
    for (let inner = 0; inner < INNER; inner++) {
      const sum = new Float64Array(period);
      const weight = new Float64Array(period);
      for (let i = 0; i < n; i++) {
        sum[i % period] += rho[i] * (y[i] - trend[i]);
        weight[i % period] += rho[i];
      }
      let centre = 0;
      const s = new Float64Array(period);
      for (let j = 0; j < period; j++) {
        s[j] = weight[j] > 0 ? sum[j] / weight[j] : 0;
        centre += s[j] / period;
      }
      for (let i = 0; i < n; i++) season[i] = s[i % period] - centre;
      for (let i = 0; i < n; i++) rest[i] = y[i] - season[i];
      loess(rest, rho, window, trend);
    }
    if (pass === outer) break;
    const abs = new Float64Array(n);
    for (let i = 0; i < n; i++) abs[i] = Math.abs(y[i] - season[i] - trend[i]);
    const h = 6 * median(abs);
    for (let i = 0; i < n; i++) {
      const u = h > 0 ? abs[i] / h : 0;
      rho[i] = u < 1 ? (1 - u * u) ** 2 : 0;
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = y[i] - season[i] - trend[i];
  return out;
}

/**
 * Local linear fit at each point over its `window` nearest neighbours, tricube × robustness weights.
 * Interior points share one tricube kernel, computed once. O(n · window).
 */
function loess(x: Float64Array, rho: Float64Array, window: number, out: Float64Array): void {
  const n = x.length;
  const half = (window - 1) / 2;
  const interior = new Float64Array(half + 1);
  for (let k = 0; k <= half; k++) interior[k] = tricube(k / (half + 1));
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, Math.min(i - half, n - window));
    const hi = lo + window - 1;
    const reach = Math.max(i - lo, hi - i) + 1;
    const edge = reach !== half + 1;
    let sw = 0;
    let st = 0;
    let sx = 0;
    let stt = 0;
    let stx = 0;
    for (let j = lo; j <= hi; j++) {
      const t = j - i;
      const d = t < 0 ? -t : t;
      const w = (edge ? tricube(d / reach) : interior[d]) * rho[j];
      const wt = w * t;
      sw += w;
      st += wt;
      sx += w * x[j];
      stt += wt * t;
      stx += wt * x[j];
    }
    if (sw <= 0) {
      out[i] = x[i];
      continue;
    }
    const tBar = st / sw;
    const xBar = sx / sw;
    const varT = stt / sw - tBar * tBar;
    const slope = varT > 1e-12 ? (stx / sw - tBar * xBar) / varT : 0;
    out[i] = xBar - slope * tBar;
  }
}

function tricube(u: number): number {
  const c = 1 - u * u * u;
  return c * c * c;
}
