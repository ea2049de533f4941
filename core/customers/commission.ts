import { numError, valueError } from '../errors';

/**
 * Tiered commission plans. Tiers start at attainment levels (fractions of quota: 0, 0.5, 1, 1.5 …)
 * and each has a rate. A tier whose rate is lower than the next (say 2% below 50% of quota) is a
 * decelerator; higher rates above quota are accelerators. Both methods share the tier table:
 *   - marginal: each slice of the amount earns its own tier's rate (like tax brackets);
 *   - retroactive: the whole amount earns the rate of the highest tier reached.
 * A cap limits the payout.
 */
export type CommissionMethod = 'marginal' | 'retroactive';

export interface CommissionPlan {
  readonly quota: number;
  /** Attainment where each tier starts, ascending from 0. */
  readonly tierStarts: readonly number[];
  readonly tierRates: readonly number[];
  readonly method: CommissionMethod;
  /** Maximum payout; undefined for none. */
  readonly cap?: number;
}

export interface CommissionResult {
  readonly payout: number;
  /** amount / quota. */
  readonly attainment: number;
  /** 0-based index of the highest tier reached. */
  readonly tier: number;
  /** Rate of that tier. */
  readonly rate: number;
  /** True when the cap cut the payout. */
  readonly capped: boolean;
}

/**
 * Checks a plan once, so dashboards can validate a plan table before paying many owners.
 * @throws KpiError #VALUE! when tier_starts and tier_rates differ in size or are empty;
 *   #NUM! when quota ≤ 0, the first tier does not start at 0, starts do not strictly ascend,
 *   a rate is negative, or the cap is negative.
 */
export function checkPlan(plan: CommissionPlan): void {
  const { quota, tierStarts: starts, tierRates: rates } = plan;
  if (!(quota > 0) || !Number.isFinite(quota)) throw numError(`quota must be a positive number, got ${quota}`);
  if (starts.length === 0) throw valueError('tier_starts has no numbers: give at least one tier starting at 0');
  if (starts.length !== rates.length)
    throw valueError(`tier_starts has ${starts.length} tiers but tier_rates has ${rates.length}: give one rate per tier`);
  if (starts[0] !== 0) throw numError(`the first tier must start at 0 (attainment as a fraction of quota), got ${starts[0]}`);
  for (let k = 1; k < starts.length; k++) {
    if (!(starts[k] > starts[k - 1]))
      throw numError(`tier_starts must ascend from 0: tier ${k + 1} starts at ${starts[k]}, not above tier ${k}'s ${starts[k - 1]}`);
  }
  for (let k = 0; k < rates.length; k++) {
    if (!(rates[k] >= 0) || !Number.isFinite(rates[k]))
      throw numError(`tier ${k + 1}'s rate ${rates[k]} must be a fraction ≥ 0 (5% is 0.05)`);
  }
  if (plan.cap !== undefined && !(plan.cap >= 0)) throw numError(`cap must be 0 or more, got ${plan.cap}`);
}

/**
 * Commission on `amount` (≥ 0) under `plan`. Tier k is reached when amount / quota ≥ its start, so
 * exactly 100% of quota reaches a tier starting at 1. Cost O(tiers).
 * @throws KpiError as checkPlan, and #NUM! for a negative amount.
 * @example commission(220000, {quota: 200000, tierStarts: [0, 0.5, 1], tierRates: [0.02, 0.05, 0.08], method: 'retroactive'}).payout === 17600
 */
export function commission(amount: number, plan: CommissionPlan): CommissionResult {
  checkPlan(plan);
  if (!(amount >= 0) || !Number.isFinite(amount)) throw numError(`amount must be 0 or more, got ${amount}`);
  const { quota, tierStarts: starts, tierRates: rates } = plan;
  const attainment = amount / quota;
  let tier = 0;
  while (tier + 1 < starts.length && attainment >= starts[tier + 1]) tier++;
  let payout: number;
  if (plan.method === 'retroactive') {
    payout = amount * rates[tier];
  } else {
    payout = 0;
    for (let k = 0; k <= tier; k++) {
      const from = starts[k] * quota;
      const to = k + 1 < starts.length ? Math.min(amount, starts[k + 1] * quota) : amount;
      payout += rates[k] * (to - from);
    }
  }
  const capped = plan.cap !== undefined && payout > plan.cap;
  return { payout: capped ? (plan.cap as number) : payout, attainment, tier, rate: rates[tier], capped };
}
