/**
 * mulberry32: a tiny seeded uniform generator in [0, 1). Everything random in KPI Pilot (the
 * sample company, simulated intervals, test and bench data) uses it, so runs are reproducible.
 * Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal draw from two uniforms of `rand` (Box–Muller, cosine branch): √(−2 ln(1 − u))
 * · cos(2πv). 1 − u keeps the logarithm finite, since u can be 0 but never 1.
 */
export function normalVariate(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A seeded source of standard normal draws (normalVariate over seededRandom). */
export function seededNormal(seed: number): () => number {
  const rand = seededRandom(seed);
  return () => normalVariate(rand);
}
