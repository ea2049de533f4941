import { Credits, emptyCredits } from './credits';
import { PathTable, rowCount } from './pathTable';

/**
 * Exact Shapley values of the game v(S) = conversions of the paths whose channel set is a subset
 * of S, at any number of channels, in time linear in the data.
 *
 * Why no orderings are needed: v is the subset-sum (zeta transform) of d(T) = conversions of the
 * paths whose channel set is exactly T, so its Möbius transform, the Harsanyi dividends, is d
 * itself, and v = Σ_T d(T)·u_T with u_T the unanimity game of T. Shapley values are linear and
 * give u_T's worth 1 in equal parts 1/|T| to the members of T (Shapley 1953), so
 * φ_i = Σ_{T ∋ i} d(T) / |T|: each path's conversions split equally among its distinct channels.
 * Zhao, Mahboobi & Bagheri (2018, "Shapley value methods for attribution modeling in online
 * advertising") reach the same "simplified Shapley value". Values use the game on path values.
 * Repeated touches do not change a path's channel set, so A > A > B gives A and B half each.
 * Cost: linear in the number of steps.
 * @example paths "A > B" (2 conversions), "A" (1): v({A}) = 1, v({B}) = 0, v({A,B}) = 3 → A 2, B 1.
 */
export function shapleyCredits(t: PathTable): Credits {
  const n = t.channels.length;
  const out = emptyCredits(n, t.values !== null);
  const seen = new Int32Array(n).fill(-1); // stamp: row that last saw the channel
  const members: number[] = [];
  const { offsets, steps } = t;
  for (let p = 0; p < rowCount(t); p++) {
    const c = t.conversions[p];
    const v = t.values ? t.values[p] : 0;
    if (c === 0 && v === 0) continue;
    members.length = 0;
    for (let k = offsets[p]; k < offsets[p + 1]; k++) {
      const ch = steps[k];
      if (seen[ch] !== p) {
        seen[ch] = p;
        members.push(ch);
      }
    }
    const share = 1 / members.length;
    for (const ch of members) {
      out.conversions[ch] += c * share;
      if (out.value) out.value[ch] += v * share;
    }
  }
  return out;
}
