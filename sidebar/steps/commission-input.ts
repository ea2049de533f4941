import {
  COMMISSION_PERIODS,
  CommissionPeriod,
  CommissionsExtra,
  fill,
  Locale,
  MAX_COMMISSION_TIERS,
  Text,
  tr,
  validateCommissions,
} from '../../core/dashboard';
import { formatAmount, parseAmount } from '../amounts';
import type { SidebarState } from '../state';
import { PLAN_TEXT } from '../text';

/**
 * The commission plan as the manager types it on the extras step (commission-plan.ts renders it):
 * the typed text, the edits, and the plan COMMISSION reads with the problems to fix. No DOM, so
 * node tests cover every rule.
 */

/** One tier of the commission plan as typed: where it starts (percent of quota) and its rate (percent). */
export interface TierInput {
  start: string;
  rate: string;
}

/** The commission plan as typed: amounts in the currency, tier starts and rates in percent. */
export interface CommissionInput {
  quota: string;
  tiers: TierInput[];
  method: 'marginal' | 'retroactive';
  cap: string;
  period: CommissionPeriod;
}

/** A saved plan as typed text, or a new one: one tier from 0, marginal, monthly. */
export function commissionInput(saved: CommissionsExtra | null | undefined, locale: Locale): CommissionInput {
  if (!saved) return { quota: '', tiers: [{ start: '0', rate: '' }], method: 'marginal', cap: '', period: 'month' };
  return {
    quota: formatAmount(saved.quota, 'currency', locale),
    tiers: saved.tiers.map((start, i) => ({
      start: formatAmount(start, 'percent', locale),
      rate: formatAmount(saved.rates[i], 'percent', locale),
    })),
    method: saved.method ?? 'marginal',
    cap: formatAmount(saved.cap, 'currency', locale),
    period: saved.period ?? 'month',
  };
}

const withPlan = (state: SidebarState, plan: CommissionInput): SidebarState => ({ ...state, extras: { ...state.extras, plan } });

export function setPlanField<K extends 'quota' | 'method' | 'cap' | 'period'>(
  state: SidebarState,
  field: K,
  value: CommissionInput[K],
): SidebarState {
  return withPlan(state, { ...state.extras.plan, [field]: value });
}

export function setTier(state: SidebarState, index: number, field: keyof TierInput, value: string): SidebarState {
  const tiers = state.extras.plan.tiers.map((t, i) => (i === index ? { ...t, [field]: value } : t));
  return withPlan(state, { ...state.extras.plan, tiers });
}

/** Adds a tier at the end (up to MAX_COMMISSION_TIERS, the core's limit). */
export function addTier(state: SidebarState): SidebarState {
  if (!canAddTier(state)) return state;
  return withPlan(state, { ...state.extras.plan, tiers: [...state.extras.plan.tiers, { start: '', rate: '' }] });
}

/** Removes a tier; the first (from 0) stays. */
export function removeTier(state: SidebarState, index: number): SidebarState {
  if (index <= 0) return state;
  return withPlan(state, { ...state.extras.plan, tiers: state.extras.plan.tiers.filter((_, i) => i !== index) });
}

export function canAddTier(state: SidebarState): boolean {
  return state.extras.plan.tiers.length < MAX_COMMISSION_TIERS;
}

/**
 * The commission plan as COMMISSION reads it, or the problems to fix, in the manager's language.
 * Tier starts and rates are typed in percent (100 = quota reached, 5 = 5%); the first tier starts
 * at 0. The core's validateCommissions runs last, so a plan shown as valid here is one the
 * planner accepts. O(tiers).
 */
export function commissionPlan(input: CommissionInput, locale: Locale): { plan?: CommissionsExtra; problems: string[] } {
  const problems: string[] = [];
  const say = (text: Text, values: Record<string, string | number> = {}) => problems.push(fill(tr(text, locale), values));
  const quota = parseAmount(input.quota, 'currency', locale);
  if (quota === undefined) say(PLAN_TEXT.quotaBlank);
  else if (!(quota > 0)) say(PLAN_TEXT.quotaBad);
  const tiers: number[] = [];
  const rates: number[] = [];
  input.tiers.forEach((tier, i) => {
    const n = i + 1;
    const start = i === 0 ? 0 : parseAmount(tier.start, 'percent', locale);
    if (start === undefined || Number.isNaN(start)) say(PLAN_TEXT.startBad, { n });
    else if (i > 0 && Number.isFinite(tiers[i - 1]) && !(start > tiers[i - 1]))
      say(PLAN_TEXT.startOrder, { n, m: i, prev: formatAmount(tiers[i - 1], 'percent', locale) });
    tiers.push(start === undefined ? NaN : start);
    const rate = parseAmount(tier.rate, 'percent', locale);
    if (rate === undefined || !(rate >= 0)) say(PLAN_TEXT.rateBad, { n });
    rates.push(rate ?? NaN);
  });
  const cap = parseAmount(input.cap, 'currency', locale);
  if (cap !== undefined && !(cap >= 0)) say(PLAN_TEXT.capBad);
  if (problems.length) return { problems };
  const plan: CommissionsExtra = {
    quota: quota!,
    tiers,
    rates,
    method: input.method,
    period: COMMISSION_PERIODS.includes(input.period) ? input.period : 'month',
  };
  if (cap !== undefined) plan.cap = cap;
  try {
    validateCommissions(plan); // the rules the planner and COMMISSION apply
  } catch (e) {
    return { problems: [e instanceof Error ? e.message : String(e)] };
  }
  return { plan, problems: [] };
}
