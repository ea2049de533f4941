import { numError } from '../errors';
import { signedLogGamma } from './special';

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for real z < 1, which the BG/NBD model's
 * expected purchases need, computed as sign × e^log so that large parameters neither overflow nor
 * underflow.
 */

/** A real number as sign × e^log, so very large or small intermediate values neither overflow nor underflow. */
export interface LogValue {
  log: number;
  sign: -1 | 0 | 1;
}

const MAX_TERMS = 200000;
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * The plain power series Σ (a)_n (b)_n / ((c)_n n!) z^n for |z| < 1, as sign × e^log.
 * Terms are rescaled when they grow huge (large a, b with z near 1), and summing stops once the
 * terms are past their peak and the geometric bound on the tail is below 1e-17 of the sum.
 * @throws KpiError #NUM! when c is a pole (0, −1, …) or the series has not settled after 200,000 terms.
 */
function series(a: number, b: number, c: number, z: number): LogValue {
  if (c <= 0 && c === Math.floor(c)) throw numError(`hypergeometric 2F1: c = ${c} is a pole`);
  let term = 1;
  let sum = 1;
  let scale = 0; // log of the factor divided out of term and sum so far
  const positiveFrom = Math.max(0, -a, -b, -c); // from here on a+n, b+n, c+n are all positive
  const absZ = Math.abs(z);
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    const absTerm = term < 0 ? -term : term;
    const absSum = sum < 0 ? -sum : sum;
    if (absTerm <= 1e-16 * absSum) {
      // A zero term ends a terminating series (a or b a non-positive integer).
      if (term === 0) return { log: Math.log(absSum) + scale, sign: sum > 0 ? 1 : sum < 0 ? -1 : 0 };
      // Tail bound once every factor is positive: (a+m)/(m+1) and (b+m)/(c+m) are monotone in m and
      // tend to 1, so each later ratio is at most R = |z|·max(1, (a+n+1)/(n+2))·max(1, (b+n+1)/(c+n+1))
      // and, when R < 1, the rest of the series is at most |term|·R/(1−R).
      if (n + 1 > positiveFrom) {
        const R = absZ * Math.max(1, (a + n + 1) / (n + 2)) * Math.max(1, (b + n + 1) / (c + n + 1));
        if (R < 1 && absTerm * R <= 1e-17 * absSum * (1 - R)) return { log: Math.log(absSum) + scale, sign: sum > 0 ? 1 : -1 };
      }
    } else if (absSum > RESCALE || absTerm > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      scale += LOG_RESCALE;
    }
  }
  throw numError(`hypergeometric 2F1(${a}, ${b}; ${c}; ${z}) did not converge; the horizon or the counts may be too large`);
}

function addLog(x: LogValue, y: LogValue): LogValue {
  if (x.sign === 0) return y;
  if (y.sign === 0) return x;
  const hi = x.log >= y.log ? x : y;
  const lo = hi === x ? y : x;
  const rest = lo.sign * hi.sign * Math.exp(lo.log - hi.log); // in [-1, 1]
  const m = 1 + rest;
  if (m === 0) return { log: -Infinity, sign: 0 };
  return { log: hi.log + Math.log(Math.abs(m)), sign: (m > 0 ? hi.sign : -hi.sign) as -1 | 1 };
}

/** ln Γ(u) + ln Γ(v) − ln Γ(w) − ln Γ(y) with signs: zero when a denominator argument is a pole. */
function gammaRatio(u: number, v: number, w: number, y: number): LogValue {
  const gw = signedLogGamma(w);
  const gy = signedLogGamma(y);
  if (gw.sign === 0 || gy.sign === 0) return { log: -Infinity, sign: 0 };
  const gu = signedLogGamma(u);
  const gv = signedLogGamma(v);
  if (gu.sign === 0 || gv.sign === 0) throw numError(`hypergeometric 2F1: Γ(${gu.sign === 0 ? u : v}) is infinite`);
  return { log: gu.log + gv.log - gw.log - gy.log, sign: (gu.sign * gv.sign * gw.sign * gy.sign) as -1 | 1 };
}

// How close c − a − b may come to an integer before the 1 − z formula's two terms cancel too much.
const NEAR_INTEGER = 1e-4;

/**
 * The 1 − z connection formula (Abramowitz & Stegun 15.3.6), used for 0.75 < z < 1 where the
 * plain series is slow:
 *   2F1(a,b;c;z) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) · 2F1(a, b; a+b−c+1; 1−z)
 *                + (1−z)^(c−a−b) Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)) · 2F1(c−a, c−b; c−a−b+1; 1−z).
 * It needs c − a − b off the integers. Within 1e-4 of integer k, the value is interpolated (cubic
 * Lagrange, the function being smooth in c) from c − a − b = k ± 1e-4 and k ± 2e-4, where the two
 * terms cancel by at most four digits: relative error about 1e-11 instead of a division by ~0.
 */
function viaOneMinusZ(a: number, b: number, c: number, z: number): LogValue {
  const m = c - a - b;
  const k = Math.round(m);
  // Near an integer c − a − b the connection formula's two terms nearly cancel (a 1e-3 gap loses
  // six digits); up to z = 0.995 the plain series still converges in a few thousand terms and is
  // exact there, so only closer to 1 do we fall back on interpolation or the formula.
  if (Math.abs(m - k) < 0.05 && z <= 0.995) return series(a, b, c, z);
  if (Math.abs(m - k) >= NEAR_INTEGER) return viaOneMinusZExact(a, b, c, z);
  const nodes = [-2, -1, 1, 2].map((j) => k + j * NEAR_INTEGER);
  const values = nodes.map((node) => viaOneMinusZExact(a, b, a + b + node, z));
  let ref = -Infinity;
  for (const v of values) if (v.sign !== 0 && v.log > ref) ref = v.log;
  if (ref === -Infinity) return { log: -Infinity, sign: 0 };
  let v = 0;
  for (let i = 0; i < 4; i++) {
    let weight = 1;
    for (let j = 0; j < 4; j++) if (j !== i) weight *= (m - nodes[j]) / (nodes[i] - nodes[j]);
    v += weight * values[i].sign * Math.exp(values[i].log - ref);
  }
  return { log: ref + Math.log(Math.abs(v)), sign: v > 0 ? 1 : v < 0 ? -1 : 0 };
}

function viaOneMinusZExact(a: number, b: number, c: number, z: number): LogValue {
  const m = c - a - b;
  const w = 1 - z;
  const g1 = gammaRatio(c, m, c - a, c - b);
  const g2 = gammaRatio(c, -m, a, b);
  let first: LogValue = { log: -Infinity, sign: 0 };
  if (g1.sign !== 0) {
    const s1 = series(a, b, 1 - m, w);
    first = { log: g1.log + s1.log, sign: (g1.sign * s1.sign) as -1 | 0 | 1 };
  }
  let second: LogValue = { log: -Infinity, sign: 0 };
  if (g2.sign !== 0) {
    const s2 = series(c - a, c - b, 1 + m, w);
    second = { log: g2.log + m * Math.log(w) + s2.log, sign: (g2.sign * s2.sign) as -1 | 0 | 1 };
  }
  return addLog(first, second);
}

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for real z < 1, as sign × e^log so that
 * callers can combine it with large or small prefactors without overflow.
 *   - |z| ≤ 0.75 (z ≥ −0.75): the power series (at most a few hundred terms);
 *   - z < −0.75: Pfaff's transformation 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)), which maps
 *     z to (0.43, 1) (then one of the other branches);
 *   - 0.75 < z < 1: the 1 − z connection formula (see viaOneMinusZ).
 * Accuracy: about 1e-13 relative for moderate parameters (tests compare against closed forms).
 * @throws KpiError #NUM! when z ≥ 1, c is 0 or a negative integer, or a series does not converge.
 * @example hyp2f1(1, 1, 2, -1) === Math.log(2)   // 2F1(1,1;2;z) = −ln(1−z)/z
 */
export function hyp2f1Log(a: number, b: number, c: number, z: number): LogValue {
  if (!(z < 1) || !Number.isFinite(z)) throw numError(`hypergeometric 2F1 needs z < 1, got ${z}`);
  if (c <= 0 && c === Math.floor(c)) throw numError(`hypergeometric 2F1: c = ${c} is a pole`);
  if (z === 0 || a === 0 || b === 0) return { log: 0, sign: 1 };
  if (z < -0.75) {
    // Use the parameter that keeps the new second parameter smaller; both are exact.
    const [p, q] = Math.abs(c - b) <= Math.abs(c - a) ? [a, b] : [b, a];
    const inner = hyp2f1Log(p, c - q, c, z / (z - 1));
    return { log: -p * Math.log(1 - z) + inner.log, sign: inner.sign };
  }
  if (z <= 0.75) return series(a, b, c, z);
  return viaOneMinusZ(a, b, c, z);
}

/** 2F1(a, b; c; z) as a plain number (see hyp2f1Log). @throws KpiError #NUM! when the value overflows. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const v = hyp2f1Log(a, b, c, z);
  const out = v.sign * Math.exp(v.log);
  if (!Number.isFinite(out)) throw numError(`hypergeometric 2F1(${a}, ${b}; ${c}; ${z}) is too large to represent`);
  return out;
}
