import { numError, valueError } from '../errors';
import { checkCustomers, CustomerSummaries } from './data';
import { hyp2f1Log } from '../math/hypergeometric';
import { digamma, logGamma } from '../math/special';
import { everyKth, fitLogParameters, LogLikelihood, SUBSAMPLE_ABOVE, SUBSAMPLE_SIZE } from './fitting';

/**
 * The BG/NBD model of Fader, Hardie & Lee, "Counting Your Customers the Easy Way: An Alternative to
 * the Pareto/NBD Model", Marketing Science 24(2), 2005: while active a customer buys at Poisson rate
 * λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Equation numbers below are the paper's.
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Σ ln L over customers at the estimate (the paper's −9582.4 on CDNOW). */
  readonly logLik: number;
  readonly customers: number;
  /** Distinct (x, t_x, T) triples the likelihood was evaluated on. */
  readonly distinctTriples: number;
  /** Objective evaluations used, across all starts. */
  readonly evaluations: number;
}

/** @throws KpiError #NUM! unless all four parameters are positive finite numbers. */
export function checkBgNbdParams(p: BgNbdParams): void {
  for (const [name, v] of [
    ['r', p.r],
    ['alpha', p.alpha],
    ['a', p.a],
    ['b', p.b],
  ] as const) {
    if (!(v > 0) || !Number.isFinite(v)) throw numError(`BG/NBD parameter ${name} must be a positive number, got ${v}`);
  }
}

// ---- likelihood on distinct triples ----------------------------------------------------------------

/**
 * Customers collapsed to distinct (x, t_x, T) triples with a count each, and the distinct t_x and T
 * values indexed, so one likelihood evaluation costs one exp and one log1p per triple plus one log
 * per distinct time. Summaries on a day grid (as RFM produces) have far fewer triples than customers.
 */
export interface Triples {
  readonly x: Int32Array;
  readonly txIndex: Int32Array;
  readonly tIndex: Int32Array;
  readonly weight: Float64Array;
  readonly txValues: Float64Array;
  readonly tValues: Float64Array;
  readonly maxX: number;
  readonly customers: number;
  /** Σ x and Σ T over customers, for starting values. */
  readonly totalX: number;
  readonly totalT: number;
  /** For customer i, the index of its triple. */
  readonly tripleOf: Int32Array;
  /** The distinct x values in ascending order, the customers with each, and per triple the index of its x. */
  readonly xValues: Float64Array;
  readonly weightOfX: Float64Array;
  readonly xIndex: Int32Array;
}

/** Cost: O(n) hashing. Assumes the customers were checked (see checkCustomers). */
export function collapseTriples(data: CustomerSummaries): Triples {
  const n = data.frequency.length;
  const txIds = new Map<number, number>();
  const tIds = new Map<number, number>();
  const tripleIds = new Map<number, number>();
  const xs: number[] = [];
  const txi: number[] = [];
  const ti: number[] = [];
  const w: number[] = [];
  let maxX = 0;
  let totalX = 0;
  let totalT = 0;
  // Keys stay exact integers: (x · nTx + txId) · nT + tId with every factor below 2^17 is < 2^53 when
  // the counts are modest; otherwise fall back to text keys.
  const textKeys = new Map<string, number>();
  const tripleOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i];
    const tx = data.recency[i];
    const T = data.T[i];
    let a = txIds.get(tx);
    if (a === undefined) txIds.set(tx, (a = txIds.size));
    let c = tIds.get(T);
    if (c === undefined) tIds.set(T, (c = tIds.size));
    let id: number | undefined;
    if (x < 1048576 && a < 2097152 && c < 2097152) {
      const key = (x * 2097152 + a) * 2097152 + c;
      id = tripleIds.get(key);
      if (id === undefined) tripleIds.set(key, (id = xs.length));
    } else {
      const key = `${x}|${a}|${c}`;
      id = textKeys.get(key);
      if (id === undefined) textKeys.set(key, (id = xs.length));
    }
    if (id === xs.length) {
      xs.push(x);
      txi.push(a);
      ti.push(c);
      w.push(0);
    }
    w[id]++;
    tripleOf[i] = id;
    if (x > maxX) maxX = x;
    totalX += x;
    totalT += T;
  }
  // distinct x ascending: the likelihood walks them once, whatever the largest x is
  const xValues = Float64Array.from(new Set(xs)).sort();
  const xId = new Map<number, number>();
  xValues.forEach((x, i) => xId.set(x, i));
  const weightOfX = new Float64Array(xValues.length);
  const xIndex = new Int32Array(xs.length);
  for (let k = 0; k < xs.length; k++) {
    xIndex[k] = xId.get(xs[k])!;
    weightOfX[xIndex[k]] += w[k];
  }
  return {
    x: Int32Array.from(xs),
    txIndex: Int32Array.from(txi),
    tIndex: Int32Array.from(ti),
    weight: Float64Array.from(w),
    txValues: Float64Array.from(txIds.keys()),
    tValues: Float64Array.from(tIds.keys()),
    maxX,
    customers: n,
    totalX,
    totalT,
    tripleOf,
    xValues,
    weightOfX,
    xIndex,
  };
}

/** Gaps between distinct frequencies up to this are summed term by term, wider ones by log-gamma. */
const GAP_BY_TERMS = 64;

/**
 * ln L of one customer (paper eq. 6) rewritten for stable, cheap evaluation with whole x:
 *   ln L = Σ_{k<x} [ln(r+k) + ln(b+k) − ln(a+b+k)] + r ln α − (r+x) ln(α+T)
 *          + δ(x>0) · softplus( ln(a/(b+x−1)) + (r+x)·ln((α+T)/(α+t_x)) )
 * since B(a,b+x)/B(a,b) = Π (b+k)/(a+b+k), Γ(r+x)/Γ(r) = Π (r+k), and the second term of eq. 6 is
 * the first times a/(b+x−1)·((α+T)/(α+t_x))^(r+x). softplus(s) = ln(1 + e^s).
 *
 * Returns Σ weight · ln L; when `grad` is given, writes ∂/∂(ln r, ln α, ln a, ln b) of that sum.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, t: Triples, grad?: number[]): number {
  const { r, alpha, a, b } = p;
  const xValues = t.xValues;
  const wx = t.weightOfX;
  // The parts that depend on x only, summed over customers by x: Σ_x W_x · Σ_{k<x} (…), walking the
  // distinct x upwards. Short gaps add the terms one by one (exact); a gap wider than GAP_BY_TERMS
  // jumps with log-gamma and digamma differences, so the cost does not grow with the largest x.
  let ll = 0;
  let dr = 0;
  let da = 0;
  let db = 0;
  let G = 0;
  let Gr = 0;
  let Ga = 0;
  let Gb = 0;
  let at = 0;
  const logRatio = new Float64Array(xValues.length); // ln(a/(b+x−1))
  const invBx = new Float64Array(xValues.length); // 1/(b+x−1)
  for (let i = 0; i < xValues.length; i++) {
    const x = xValues[i];
    if (x - at <= GAP_BY_TERMS) {
      for (let k = at; k < x; k++) {
        G += Math.log(r + k) + Math.log(b + k) - Math.log(a + b + k);
        Gr += 1 / (r + k);
        Ga -= 1 / (a + b + k);
        Gb += 1 / (b + k) - 1 / (a + b + k);
      }
    } else {
      G += logGamma(r + x) - logGamma(r + at) + logGamma(b + x) - logGamma(b + at) - logGamma(a + b + x) + logGamma(a + b + at);
      const dab = digamma(a + b + x) - digamma(a + b + at);
      Gr += digamma(r + x) - digamma(r + at);
      Ga -= dab;
      Gb += digamma(b + x) - digamma(b + at) - dab;
    }
    at = x;
    if (x > 0) {
      logRatio[i] = Math.log(a / (b + x - 1));
      invBx[i] = 1 / (b + x - 1);
    }
    const w = wx[i];
    ll += w * G;
    dr += w * Gr;
    da += w * Ga;
    db += w * Gb;
  }
  const nT = t.tValues.length;
  const logT = new Float64Array(nT);
  const invT = new Float64Array(nT);
  for (let i = 0; i < nT; i++) {
    logT[i] = Math.log(alpha + t.tValues[i]);
    invT[i] = 1 / (alpha + t.tValues[i]);
  }
  const nTx = t.txValues.length;
  const logTx = new Float64Array(nTx);
  const invTx = new Float64Array(nTx);
  for (let i = 0; i < nTx; i++) {
    logTx[i] = Math.log(alpha + t.txValues[i]);
    invTx[i] = 1 / (alpha + t.txValues[i]);
  }
  // Per triple: −(r+x) ln(α+T) and, for x > 0, softplus(s) with s = ln(a/(b+x−1)) + (r+x)(ln(α+T) − ln(α+t_x)).
  let sLogT = 0; // Σ w ln(α+T)
  let sRxInvT = 0; // Σ w (r+x)/(α+T)
  let sSigmaDiff = 0; // Σ w σ (ln(α+T) − ln(α+t_x))
  let sSigmaRxInv = 0; // Σ w σ (r+x) (1/(α+T) − 1/(α+t_x))
  let sSigma = 0; // Σ w σ
  let sSigmaInvBx = 0; // Σ w σ / (b+x−1)
  const n = t.x.length;
  const wantGrad = grad !== undefined;
  for (let i = 0; i < n; i++) {
    const x = t.x[i];
    const w = t.weight[i];
    const iT = t.tIndex[i];
    const lT = logT[iT];
    const rx = r + x;
    ll -= w * rx * lT;
    if (x === 0) {
      if (wantGrad) {
        sLogT += w * lT;
        sRxInvT += w * rx * invT[iT];
      }
      continue;
    }
    const iTx = t.txIndex[i];
    const diff = lT - logTx[iTx];
    const s = logRatio[t.xIndex[i]] + rx * diff;
    // softplus(s) = ln(1 + e^s) and its derivative σ(s), without overflow.
    let sigma: number;
    if (s > 0) {
      const e = Math.exp(-s);
      ll += w * (s + Math.log1p(e));
      sigma = 1 / (1 + e);
    } else {
      const e = Math.exp(s);
      ll += w * Math.log1p(e);
      sigma = e / (1 + e);
    }
    if (wantGrad) {
      const ws = w * sigma;
      sLogT += w * lT;
      sRxInvT += w * rx * invT[iT];
      sSigmaDiff += ws * diff;
      sSigmaRxInv += ws * rx * (invT[iT] - invTx[iTx]);
      sSigma += ws;
      sSigmaInvBx += ws * invBx[t.xIndex[i]];
    }
  }
  const N = t.customers;
  const logAlpha = Math.log(alpha);
  ll += N * r * logAlpha;
  if (grad) {
    grad[0] = r * (dr + N * logAlpha - sLogT + sSigmaDiff);
    grad[1] = alpha * ((N * r) / alpha - sRxInvT + sSigmaRxInv);
    grad[2] = a * (da + sSigma / a);
    grad[3] = b * (db - sSigmaInvBx);
  }
  return ll;
}

// ---- fitting -------------------------------------------------------------------------------------

/**
 * Maximum-likelihood BG/NBD on customer summaries. Log-parameters; Nelder-Mead from four starts
 * spread over plausible shapes (α scaled to the data's time unit), BFGS polish on the analytic gradient
 * of the mean log-likelihood to max |∂| < 1e-9.
 * Above 20,000 customers the Nelder-Mead phase runs on an evenly spread subsample of 5,000 (only to
 * choose where BFGS starts; options.subsample = false turns that off).
 * Cost: collapse O(n), then a few hundred evaluations O(distinct triples + distinct times + distinct x) each, whatever the size of x.
 * @throws KpiError #VALUE! without customers or without any repeat purchase (nothing to fit);
 *   #NUM! for an impossible customer (see customerProblem) or when the fit does not converge.
 * @example fitBgNbd({frequency: [...], recency: [...], T: [...]}) // CDNOW: r 0.243, α 4.414, a 0.793, b 2.426
 */
export function fitBgNbd(data: CustomerSummaries, where?: (i: number) => string, options: { subsample?: boolean } = {}): BgNbdFit {
  checkCustomers(data, where);
  const triples = collapseTriples(data);
  const n = triples.customers;
  if (n === 0) throw valueError('BG/NBD needs at least one customer');
  if (triples.totalX === 0) throw valueError('no customer has a repeat purchase (all frequencies are 0): BG/NBD cannot be fitted');
  if (triples.totalT === 0) throw valueError('every T is 0: the customers were not observed for any time');

  const toParams = (theta: readonly number[]): BgNbdParams => ({
    r: Math.exp(theta[0]),
    alpha: Math.exp(theta[1]),
    a: Math.exp(theta[2]),
    b: Math.exp(theta[3]),
  });
  const on =
    (t: Triples): LogLikelihood =>
    (theta, grad) =>
      bgnbdLogLikelihood(toParams(theta), t, grad);
  // α is a time scale: start at r / (observed purchase rate) so days, weeks or months all work.
  const rate = (triples.totalX + n) / triples.totalT;
  const starts = [
    [1, 1, 1],
    [0.25, 0.8, 2.5],
    [3, 0.5, 5],
    [0.5, 3, 1],
  ].map(([r, a, b]) => [Math.log(r), Math.log(r / rate), Math.log(a), Math.log(b)]);
  // Many customers: Nelder-Mead explores on an evenly spread subsample; BFGS and Newton finish on all.
  let coarse: { logLik: LogLikelihood; customers: number } | undefined;
  if (n > SUBSAMPLE_ABOVE && options.subsample !== false) {
    const sample = collapseTriples({
      frequency: everyKth(data.frequency, SUBSAMPLE_SIZE),
      recency: everyKth(data.recency, SUBSAMPLE_SIZE),
      T: everyKth(data.T, SUBSAMPLE_SIZE),
    });
    coarse = { logLik: on(sample), customers: sample.customers };
  }
  const fit = fitLogParameters('BG/NBD', ['r', 'alpha', 'a', 'b'], starts, { logLik: on(triples), customers: n }, coarse);
  const params = toParams(fit.theta);
  return {
    ...params,
    logLik: bgnbdLogLikelihood(params, triples),
    customers: n,
    distinctTriples: triples.x.length,
    evaluations: fit.evaluations,
  };
}

// ---- predictions ---------------------------------------------------------------------------------

/**
 * P(alive | x, t_x, T) (paper eq. 11): 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * BG/NBD customers can only drop out right after a purchase, so it is 1 for anyone with x = 0.
 */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const s = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return s > 0 ? Math.exp(-s) / (1 + Math.exp(-s)) : 1 / (1 + Math.exp(s));
}

/**
 * E[X(t)]: expected purchases of a new customer in its first t periods (paper eq. 7),
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  return growthTerm(p.r, p.a - 1, p.a + p.b - 1, p.b, t / p.alpha);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods of a customer with that history
 * (paper eq. 10): the numerator below times P(alive) (eq. 11),
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))].
 */
export function conditionalExpectedPurchases(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  return growthTerm(p.r + x, p.a - 1, p.a + p.b + x - 1, p.b + x, t / (p.alpha + T)) * pAlive(p, x, tx, T);
}

// Where a = 1 the prefactor 1/(a−1) and the bracket both vanish; near it, interpolate in a.
const BETA_NEAR_ZERO = 1e-3;

/**
 * C/β · [1 − (1+u)^(−A) · 2F1(A, B; C; u/(1+u))] with β = a − 1, C = B + β (both equations above).
 * By Pfaff, (1+u)^(−A) 2F1(A, B; C; u/(1+u)) = 2F1(A, β; C; −u), whose series starts at 1, so
 *   C/β · [1 − 2F1(A, β; C; −u)] = Σ_{n≥1} (A)_n (β+1)_{n−1} / ((C+1)_{n−1} n!) · (−1)^(n+1) u^n,
 * free of the 0/0 at β = 0; its terms shrink from the first when A·u ≤ ½ and u ≤ ½, which covers
 * short horizons. Otherwise the bracket comes from 2F1 with z = u/(1+u) (all terms positive, or the
 * 1 − z formula when z > 0.75), and near β = 0 the result is interpolated in β.
 */
function growthTerm(A: number, beta: number, C: number, B: number, u: number): number {
  if (u === 0) return 0;
  if (u <= 0.5 && A * u <= 0.5) return shortHorizonSeries(A, beta, C, u);
  if (Math.abs(beta) >= BETA_NEAR_ZERO) return bracketed(A, beta, C, B, u);
  // Cubic Lagrange through β = ±h, ±2h (B fixed, C = B + β): error ~h⁴, cancellation ~1e-13 / h.
  const h = BETA_NEAR_ZERO;
  const nodes = [-2 * h, -h, h, 2 * h];
  let v = 0;
  for (let i = 0; i < 4; i++) {
    let w = 1;
    for (let j = 0; j < 4; j++) if (j !== i) w *= (beta - nodes[j]) / (nodes[i] - nodes[j]);
    v += w * bracketed(A, nodes[i], B + nodes[i], B, u);
  }
  return v;
}

function bracketed(A: number, beta: number, C: number, B: number, u: number): number {
  const z = u / (1 + u);
  const F = hyp2f1Log(A, B, C, z);
  const logP = A * Math.log1p(-z) + F.log;
  if (F.sign > 0) return -(C / beta) * Math.expm1(logP); // C/β · (1 − P), exact for P near 1
  // C = a + b + x − 1 < 0 (a + b < 1 and no repeat purchase): 2F1 may be 0 or negative there.
  return (C / beta) * (1 - F.sign * Math.exp(logP));
}

function shortHorizonSeries(A: number, beta: number, C: number, u: number): number {
  let term = A * u; // n = 1
  let sum = term;
  for (let n = 1; n < 1000; n++) {
    term *= (-(A + n) * (beta + n) * u) / ((C + n) * (n + 1));
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) return sum;
  }
  throw numError('BG/NBD expected purchases: series did not converge');
}
