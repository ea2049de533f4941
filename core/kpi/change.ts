/**
 * The change of a ratio KPI R = N / D between two periods, split into the part its numerator and
 * its denominator explain. In logs the split is exact with no residual:
 *   ln(R1 / R0) = ln(N1 / N0) − ln(D1 / D0)
 * so each part's log effect over the KPI's log change is its share of the change, and the shares
 * add up to 1. In plain ratios the same identity is multiplicative: R1 / R0 = (N1 / N0) × (D0 / D1),
 * i.e. the KPI change with only that part moving (one factor at a time); those changes compound.
 */
export interface PartChange {
  readonly before: number;
  readonly after: number;
  /** The part's own relative change: after / before − 1. */
  readonly change: number;
  /** The KPI's relative change if only this part had moved. */
  readonly effect: number;
  /** The part's effect on ln(KPI); the parts' log effects add up to the KPI's. */
  readonly logEffect: number;
  /** logEffect over the KPI's log change; null when the KPI did not change (no change to share). */
  readonly share: number | null;
}

export interface RatioChange {
  readonly kpi: PartChange;
  readonly numerator: PartChange;
  readonly denominator: PartChange;
}

/** Callers check that all four values are positive and finite (the logs need it). */
export function ratioChange(n0: number, d0: number, n1: number, d1: number): RatioChange {
  const r0 = n0 / d0;
  const r1 = n1 / d1;
  const lnN = Math.log(n1 / n0);
  const lnD = -Math.log(d1 / d0); // a larger denominator lowers the KPI
  const lnR = lnN + lnD; // equal to ln(r1 / r0) up to rounding; the sum keeps the split exact
  // Rounding can leave a few ulps where the parts cancel; dividing by that would be noise.
  const still = Math.abs(lnR) < 1e-12;
  const share = (x: number) => (still ? null : x / lnR);
  return {
    kpi: { before: r0, after: r1, change: r1 / r0 - 1, effect: r1 / r0 - 1, logEffect: lnR, share: still ? null : 1 },
    numerator: { before: n0, after: n1, change: n1 / n0 - 1, effect: n1 / n0 - 1, logEffect: lnN, share: share(lnN) },
    denominator: { before: d0, after: d1, change: d1 / d0 - 1, effect: d0 / d1 - 1, logEffect: lnD, share: share(lnD) },
  };
}
