import { divZeroError } from '../errors';

/**
 * A blended ratio KPI's change split by group (channel, campaign) into mix and rate. With
 * R = ΣN / ΣD, each group's share of the denominator s = D / ΣD and its own ratio r = N / D,
 * R = Σ s·r, and each group's term changes by
 *   s1·r1 − s0·r0 = (s1 − s0)·(r0 + r1)/2  +  (r1 − r0)·(s0 + s1)/2
 *                   └── mix: share moving ──┘ └── rate: own ratio moving ─┘
 * exactly, with no interaction term: the symmetric (midpoint) split of a difference of weighted
 * rates of Kitagawa, "Components of a difference between two rates", Journal of the American
 * Statistical Association 50(272), 1955, pp. 1168–1194 (the two-factor case of Das Gupta's
 * standardisation, and the mix/rate variance of management accounting). Summed over the groups
 * the mix and rate effects add up to R1 − R0.
 *
 * A group with no denominator in one period (absent, or launched) has no ratio there: its ratio
 * is taken as the other period's, so all its change is mix. A group with a numerator but no
 * denominator (spend and no customer) has no ratio at all and cannot be placed: an error names it.
 */
export interface GroupSums {
  readonly group: string;
  readonly n0: number;
  readonly d0: number;
  readonly n1: number;
  readonly d1: number;
}

export interface GroupEffect extends GroupSums {
  /** The group's own ratio in each period; null where it has no denominator. */
  readonly r0: number | null;
  readonly r1: number | null;
  /** Its share of the denominator in each period. */
  readonly s0: number;
  readonly s1: number;
  readonly mix: number;
  readonly rate: number;
  /** mix + rate: the change of its term s·r. */
  readonly total: number;
}

export interface MixRate {
  /** Largest |total| first; ties keep the input order. */
  readonly groups: readonly GroupEffect[];
  readonly r0: number;
  readonly r1: number;
  readonly mix: number;
  readonly rate: number;
  /** R1 − R0, equal to mix + rate. */
  readonly change: number;
}

export function mixRateSplit(groups: readonly GroupSums[], periodNames: readonly [string, string] = ['earlier', 'later']): MixRate {
  let [D0, D1, N0, N1] = [0, 0, 0, 0];
  for (const g of groups) {
    for (const [n, d, period] of [
      [g.n0, g.d0, periodNames[0]],
      [g.n1, g.d1, periodNames[1]],
    ] as const) {
      if (d === 0 && n !== 0)
        throw divZeroError(
          `group "${g.group}" has a numerator but a zero denominator in the ${period} period: its own ratio is undefined, so mix and rate cannot place it (merge it with another group)`,
        );
    }
    D0 += g.d0;
    D1 += g.d1;
    N0 += g.n0;
    N1 += g.n1;
  }
  if (D0 === 0) throw divZeroError(`the denominator sums to 0 in the ${periodNames[0]} period`);
  if (D1 === 0) throw divZeroError(`the denominator sums to 0 in the ${periodNames[1]} period`);
  const effects = groups.map((g, i) => {
    const r0 = g.d0 === 0 ? null : g.n0 / g.d0;
    const r1 = g.d1 === 0 ? null : g.n1 / g.d1;
    const [s0, s1] = [g.d0 / D0, g.d1 / D1];
    // a group present in one period only keeps that period's ratio on both sides: all its change is mix
    const a = r0 ?? r1 ?? 0;
    const b = r1 ?? r0 ?? 0;
    const mix = ((s1 - s0) * (a + b)) / 2;
    const rate = ((b - a) * (s0 + s1)) / 2;
    return { effect: { ...g, r0, r1, s0, s1, mix, rate, total: mix + rate }, i };
  });
  effects.sort((x, y) => Math.abs(y.effect.total) - Math.abs(x.effect.total) || x.i - y.i);
  let mix = 0;
  let rate = 0;
  for (const { effect } of effects) {
    mix += effect.mix;
    rate += effect.rate;
  }
  return { groups: effects.map((e) => e.effect), r0: N0 / D0, r1: N1 / D1, mix, rate, change: N1 / D1 - N0 / D0 };
}
