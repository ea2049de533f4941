import { numError, valueError } from '../errors';
import { digamma, logGamma } from '../math/special';
import { everyKth, fitLogParameters, LogLikelihood, SUBSAMPLE_ABOVE, SUBSAMPLE_SIZE } from './fitting';

/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie, "The Gamma-Gamma Model of Monetary
 * Value", 2013; Colombo & Jiang 1999): a customer's purchases are Gamma(p, ν) with ν ~ Gamma(q, γ)
 * across customers; γ is called v here as in the CDNOW examples. Fitted on customers with x > 0
 * from x (repeat purchases) and z̄ (their mean value).
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  readonly logLik: number;
  /** Customers with x > 0 the fit used. */
  readonly customers: number;
  readonly evaluations: number;
}

/** @throws KpiError #NUM! unless p, q and v are positive finite numbers. */
export function checkGammaGammaParams(g: GammaGammaParams): void {
  for (const [name, v] of [
    ['p', g.p],
    ['q', g.q],
    ['v', g.v],
  ] as const) {
    if (!(v > 0) || !Number.isFinite(v)) throw numError(`Gamma-Gamma parameter ${name} must be a positive number, got ${v}`);
  }
}

/** The repeat customers' (x, z̄) pairs in flat arrays, with the per-customer constants of the likelihood. */
interface SpendData {
  readonly x: Float64Array;
  readonly logM: Float64Array;
  readonly m: Float64Array;
  /** Distinct x values and, per customer, the index of its x among them (the Γ terms depend on x only). */
  readonly distinctX: Float64Array;
  readonly xIndex: Int32Array;
  /** Σ [(p x − 1) ln z̄ + p x ln x] splits into p·Σ x(ln z̄ + ln x) − Σ ln z̄. */
  readonly sumXLogXM: number;
  readonly sumLogM: number;
}

/**
 * Why one customer's (x, z̄) does not fit the spend model, or undefined. Customers with x = 0 are
 * skipped by the fit (their z̄ is ignored); repeaters need a positive mean spend.
 */
export function spendProblem(x: number, m: number): string | undefined {
  if (!Number.isFinite(x) || !Number.isFinite(m)) return 'frequency and monetary must be finite numbers';
  if (x < 0) return `frequency ${x} is negative; it counts repeat purchases`;
  if (x !== Math.floor(x)) return `frequency ${x} is not a whole number of repeat purchases`;
  if (x > 0 && !(m > 0)) return `monetary ${m} for a customer with repeat purchases: the spend model needs a positive mean value`;
  if (m < 0) return `monetary ${m} is negative`;
  return undefined;
}

function spendData(frequency: ArrayLike<number>, monetary: ArrayLike<number>, where: (i: number) => string): SpendData {
  if (frequency.length !== monetary.length)
    throw valueError(`frequency has ${frequency.length} customers but monetary has ${monetary.length}`);
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const problem = spendProblem(frequency[i], monetary[i]);
    if (problem) throw numError(`${where(i)}: ${problem}`);
    if (frequency[i] > 0) {
      xs.push(frequency[i]);
      ms.push(monetary[i]);
    }
  }
  const ids = new Map<number, number>();
  const xIndex = new Int32Array(xs.length);
  let sumXLogXM = 0;
  let sumLogM = 0;
  const logM = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    let id = ids.get(xs[i]);
    if (id === undefined) ids.set(xs[i], (id = ids.size));
    xIndex[i] = id;
    logM[i] = Math.log(ms[i]);
    sumXLogXM += xs[i] * (logM[i] + Math.log(xs[i]));
    sumLogM += logM[i];
  }
  return { x: Float64Array.from(xs), m: Float64Array.from(ms), logM, distinctX: Float64Array.from(ids.keys()), xIndex, sumXLogXM, sumLogM };
}

/**
 * Σ ln f(z̄ | p, q, v, x) over repeat customers, with f from Fader & Hardie (2013, eq. 3):
 *   ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln z̄ + px ln x − (px+q) ln(v + x z̄).
 * With `grad`, writes ∂/∂(ln p, ln q, ln v).
 */
function logLikelihood(g: GammaGammaParams, d: SpendData, grad?: number[]): number {
  const { p, q, v } = g;
  const k = d.distinctX.length;
  const lg = new Float64Array(k);
  const psiPxq = new Float64Array(k);
  const psiPx = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const px = p * d.distinctX[j];
    lg[j] = logGamma(px + q) - logGamma(px);
    if (grad) {
      psiPxq[j] = digamma(px + q);
      psiPx[j] = digamma(px);
    }
  }
  const n = d.x.length;
  let ll = n * (q * Math.log(v) - logGamma(q)) + p * d.sumXLogXM - d.sumLogM;
  let dp = d.sumXLogXM;
  let dq = n * (Math.log(v) - (grad ? digamma(q) : 0));
  let dv = (n * q) / v;
  for (let i = 0; i < n; i++) {
    const x = d.x[i];
    const j = d.xIndex[i];
    const vxm = v + x * d.m[i];
    const logVxm = Math.log(vxm);
    ll += lg[j] - (p * x + q) * logVxm;
    if (grad) {
      dp += x * (psiPxq[j] - psiPx[j] - logVxm);
      dq += psiPxq[j] - logVxm;
      dv -= (p * x + q) / vxm;
    }
  }
  if (grad) {
    grad[0] = p * dp;
    grad[1] = q * dq;
    grad[2] = v * dv;
  }
  return ll;
}

/** Σ ln f over the repeat customers at given parameters (customers with x = 0 are skipped). */
export function gammaGammaLogLikelihood(g: GammaGammaParams, frequency: ArrayLike<number>, monetary: ArrayLike<number>): number {
  return logLikelihood(
    g,
    spendData(frequency, monetary, (i) => `customer ${i + 1}`),
  );
}

/**
 * Maximum-likelihood Gamma-Gamma on the customers with frequency > 0, in log-parameters:
 * Nelder-Mead from three starts, BFGS polish on the analytic gradient (digamma).
 * Cost: O(n) per evaluation plus log-gamma per distinct frequency.
 * @throws KpiError #VALUE! with fewer than two repeat customers; #NUM! for a bad (x, z̄) or when the
 *   fit does not converge (for example every repeat customer with the same mean spend).
 * @example fitGammaGamma(x, zbar) // CDNOW 946 repeaters: p 6.25, q 3.74, v 15.44
 */
export function fitGammaGamma(
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  where: (i: number) => string = (i) => `customer ${i + 1}`,
): GammaGammaFit {
  const d = spendData(frequency, monetary, where);
  const n = d.x.length;
  if (n === 0) throw valueError('no customer has a repeat purchase (frequency > 0): the Gamma-Gamma spend model needs repeat customers');
  if (n < 2) throw valueError('only one customer has a repeat purchase: the Gamma-Gamma spend model needs at least two');
  const toParams = (t: readonly number[]): GammaGammaParams => ({ p: Math.exp(t[0]), q: Math.exp(t[1]), v: Math.exp(t[2]) });
  const on =
    (data: SpendData): LogLikelihood =>
    (t, grad) =>
      logLikelihood(toParams(t), data, grad);
  // Scale v to the data: the mean spend is p·v/(q − 1).
  let meanM = 0;
  for (let i = 0; i < n; i++) meanM += d.m[i] / n;
  const starts = [
    [1, 2],
    [5, 4],
    [0.5, 10],
  ].map(([p, q]) => [Math.log(p), Math.log(q), Math.log((meanM * (q - 1)) / p + meanM * 0.1)]);
  // Many customers: Nelder-Mead explores on an evenly spread subsample; BFGS and Newton finish on all.
  let coarse: { logLik: LogLikelihood; customers: number } | undefined;
  if (n > SUBSAMPLE_ABOVE) {
    const sample = spendData(everyKth(d.x, SUBSAMPLE_SIZE), everyKth(d.m, SUBSAMPLE_SIZE), where);
    coarse = { logLik: on(sample), customers: SUBSAMPLE_SIZE };
  }
  const hint = 'check that monetary is the mean value of repeat purchases and that enough customers repeat';
  const fit = fitLogParameters('Gamma-Gamma', ['p', 'q', 'v'], starts, { logLik: on(d), customers: n }, coarse, hint);
  const params = toParams(fit.theta);
  return { ...params, logLik: logLikelihood(params, d), customers: n, evaluations: fit.evaluations };
}

/**
 * E[M | x, z̄]: expected value of a customer's future purchases (Fader & Hardie 2013, eq. 5),
 *   (q − 1)/(px + q − 1) · pv/(q − 1) + px/(px + q − 1) · z̄ = p (v + x z̄) / (px + q − 1),
 * a weighted mean of the population mean pv/(q − 1) and the customer's own z̄.
 * @throws KpiError #NUM! when px + q ≤ 1 (for x = 0: q ≤ 1, the population mean is infinite).
 */
export function conditionalExpectedSpend(g: GammaGammaParams, x: number, meanSpend: number): number {
  const denom = g.p * x + g.q - 1;
  if (!(denom > 0))
    throw numError(
      `Gamma-Gamma q = ${g.q} ≤ 1: the mean spend of ${x === 0 ? 'customers without repeat purchases' : 'this customer'} is unbounded`,
    );
  return (g.p * (g.v + (x > 0 ? x * meanSpend : 0))) / denom;
}
