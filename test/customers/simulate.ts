import { normalVariate, seededRandom } from '../../core/math/random';
export { seededRandom };
/**
 * Simulated customer summaries from the BG/NBD story itself (Fader, Hardie & Lee 2005, section 2),
 * for recovery tests and the benchmarks: λ ~ Gamma(r, α), p ~ Beta(a, b); after the first purchase
 * at time 0, purchases follow a Poisson process with rate λ, and after each repeat purchase the
 * customer drops out with probability p. Seeded, so every run sees the same customers.
 */
export interface Simulated {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Mean spend of the repeat purchases (Gamma-Gamma), 0 without repeats. */
  monetary: Float64Array;
}

export interface SimulationOptions {
  r: number;
  alpha: number;
  a: number;
  b: number;
  /** Gamma-Gamma spend parameters. */
  p?: number;
  q?: number;
  v?: number;
  /** Observation ends this many periods after the earliest cohort's start. */
  horizon: number;
  /** Customers join uniformly over the first `joinPeriod` periods. */
  joinPeriod: number;
  /** When set, times are rounded to whole days of this many per period (7 for weeks), as RFM output is. */
  daysPerPeriod?: number;
  seed?: number;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gammaVariate(shape: number, rand: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, rand) * Math.pow(1 - rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalVariate(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function simulateCustomers(n: number, o: SimulationOptions): Simulated {
  const rand = seededRandom(o.seed ?? 1);
  const out: Simulated = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
  };
  const days = o.daysPerPeriod;
  for (let i = 0; i < n; i++) {
    const lambda = gammaVariate(o.r, rand) / o.alpha;
    const g1 = gammaVariate(o.a, rand);
    const p = g1 / (g1 + gammaVariate(o.b, rand));
    let T = o.horizon - rand() * o.joinPeriod;
    if (days) T = Math.round(T * days) / days;
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - rand()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (rand() < p) break;
    }
    if (days && x > 0) tx = Math.min(Math.round(T * days), Math.max(1, Math.floor(tx * days))) / days;
    out.frequency[i] = x;
    out.recency[i] = tx;
    out.T[i] = T;
    if (x > 0 && o.p && o.q && o.v) {
      const nu = gammaVariate(o.q, rand) / o.v; // ν ~ Gamma(q, v): rate
      let total = 0;
      for (let k = 0; k < x; k++) total += gammaVariate(o.p, rand) / nu;
      out.monetary[i] = total / x;
    }
  }
  return out;
}
