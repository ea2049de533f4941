import { numError } from '../errors';

/**
 * Cross-correlation of a leading and a lagging series: for each lag k = 0..maxLag, the Pearson
 * correlation of leading[t] with lagging[t + k] over the pairs where both are present.
 * null where fewer than 3 pairs or a side is constant. Cost O(n · maxLag).
 * @throws #NUM! when maxLag leaves fewer than 3 pairs at every lag.
 * @example leadLagCorrelations([1, 2, 4, 3], [0, 1, 2, 4], 1)[1] === 1
 */
export function leadLagCorrelations(
  leading: readonly (number | null)[],
  lagging: readonly (number | null)[],
  maxLag: number,
): (number | null)[] {
  const n = Math.min(leading.length, lagging.length);
  const out: (number | null)[] = [];
  for (let k = 0; k <= maxLag; k++) {
    let c = 0;
    let sx = 0;
    let sy = 0;
    for (let t = 0; t + k < n; t++) {
      const x = leading[t];
      const y = lagging[t + k];
      if (x === null || y === null) continue;
      c++;
      sx += x;
      sy += y;
    }
    if (c < 3) {
      out.push(null);
      continue;
    }
    const mx = sx / c;
    const my = sy / c;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let t = 0; t + k < n; t++) {
      const x = leading[t];
      const y = lagging[t + k];
      if (x === null || y === null) continue;
      sxy += (x - mx) * (y - my);
      sxx += (x - mx) ** 2;
      syy += (y - my) ** 2;
    }
    out.push(sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null);
  }
  if (out.every((v) => v === null))
    throw numError('no lag has 3 or more pairs of numbers with variation; give longer series or a smaller max_lag');
  return out;
}

/** The lag with the largest absolute correlation (the earliest on ties). */
export function bestLag(correlations: readonly (number | null)[]): number {
  let best = -1;
  for (let k = 0; k < correlations.length; k++) {
    const c = correlations[k];
    if (c !== null && (best < 0 || Math.abs(c) > Math.abs(correlations[best] as number) + 1e-12)) best = k;
  }
  return best;
}
