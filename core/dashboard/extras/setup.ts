import { valueError } from '../../errors';

/**
 * Setup of the optional extra sheets and of alerts (setup.extras, setup.alerts). Every field is
 * optional with a default, so a setup saved before these existed still parses and plans the same
 * four sheets. Kept tiny: the whole setup must stay under MAX_SETUP_BYTES (9,000).
 */

/** Periods the Commissions sheet counts won deals in (the calendar one containing the as-of date). */
export type CommissionPeriod = 'month' | 'quarter' | 'year';
export const COMMISSION_PERIODS: readonly CommissionPeriod[] = ['month', 'quarter', 'year'];

/** A commission plan as COMMISSION reads it; the planner writes it into the sheet as editable cells. */
export interface CommissionsExtra {
  /** Quota per owner for the period, > 0. */
  quota: number;
  /** Attainment where each tier starts, fractions of quota, strictly ascending from 0 (0, 0.5, 1 ...). */
  tiers: number[];
  /** Rate of each tier, fractions (5% is 0.05), same length as tiers. */
  rates: number[];
  /** Default 'marginal'. */
  method?: 'marginal' | 'retroactive';
  /** Maximum payout per owner; absent or null: no cap. */
  cap?: number | null;
  /** Default 'month'. */
  period?: CommissionPeriod;
}

export interface DashboardExtras {
  /** Attribution sheet (needs the touches dataset mapped). */
  attribution?: boolean;
  /** Customers at risk sheet (needs orders.customer, orders.date, orders.amount). */
  customers?: boolean;
  /** Commissions sheet (needs deals.owner, deals.amount, deals.outcome, deals.closed). */
  commissions?: CommissionsExtra | null;
  /** Rows of the attribution comparison (channels shown), default 12, 2..50. */
  attributionChannels?: number;
  /** time_decay half-life in days for touch rows, default 7 (Google's). */
  halfLifeDays?: number;
  /** Horizon of expected purchases and predicted value, in weeks, default 52, 1..520. */
  customerHorizonWeeks?: number;
}

export interface AlertsSetup {
  /** Alert cells, thresholds and highlighting on the dashboard. */
  enabled: boolean;
  /** The manager switched on the daily e-mail digest (Sheets trigger; hosts act on it). */
  email?: boolean;
}

export const EXTRA_DEFAULTS = { attributionChannels: 12, halfLifeDays: 7, customerHorizonWeeks: 52 } as const;

/** Checks setup.extras. @throws KpiError #VALUE! naming the first problem. */
export function validateExtras(raw: unknown): void {
  if (raw === undefined || raw === null) return;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw valueError('setup extras must be an object');
  const x = raw as Record<string, unknown>;
  for (const k of ['attribution', 'customers'] as const) {
    if (x[k] !== undefined && typeof x[k] !== 'boolean') throw valueError(`setup extras.${k} must be true or false`);
  }
  const num = (k: string, lo: number, hi: number, int: boolean) => {
    const v = x[k];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (int && !Number.isInteger(v)))
      throw valueError(`setup extras.${k} must be a ${int ? 'whole ' : ''}number from ${lo} to ${hi}`);
  };
  num('attributionChannels', 2, 50, true);
  num('halfLifeDays', 0.01, 3650, false);
  num('customerHorizonWeeks', 1, 520, false);
  if (x.commissions !== undefined && x.commissions !== null) validateCommissions(x.commissions);
}

/** The most tiers a commission plan may have (the sidebar stops adding tiers there). */
export const MAX_COMMISSION_TIERS = 20;

/** The rules COMMISSION applies, checked when the plan is saved rather than as #NUM! in every row. */
export function validateCommissions(raw: unknown): asserts raw is CommissionsExtra {
  const c = raw as Partial<CommissionsExtra> | null;
  if (!c || typeof c !== 'object') throw valueError('setup extras.commissions must be an object: quota, tiers, rates');
  if (typeof c.quota !== 'number' || !Number.isFinite(c.quota) || c.quota <= 0)
    throw valueError('commission plan: quota must be a number greater than 0');
  if (!Array.isArray(c.tiers) || !Array.isArray(c.rates)) throw valueError('commission plan: tiers and rates must be lists of numbers');
  if (c.tiers.length === 0 || c.tiers.length > MAX_COMMISSION_TIERS)
    throw valueError(`commission plan: give 1 to ${MAX_COMMISSION_TIERS} tiers`);
  if (c.tiers.length !== c.rates.length)
    throw valueError(`commission plan: ${c.tiers.length} tiers but ${c.rates.length} rates; give each tier its rate`);
  c.tiers.forEach((t, i) => {
    if (typeof t !== 'number' || !Number.isFinite(t)) throw valueError(`commission plan: tier ${i + 1} must be a number`);
    if (i === 0 && t !== 0) throw valueError('commission plan: the first tier must start at 0');
    if (i > 0 && !(t > (c.tiers as number[])[i - 1]))
      throw valueError(`commission plan: tier ${i + 1} (${t}) must start above tier ${i} (${(c.tiers as number[])[i - 1]})`);
  });
  c.rates.forEach((r, i) => {
    if (typeof r !== 'number' || !Number.isFinite(r) || r < 0)
      throw valueError(`commission plan: rate ${i + 1} must be a number ≥ 0 (5% is 0.05)`);
  });
  if (c.method !== undefined && c.method !== 'marginal' && c.method !== 'retroactive')
    throw valueError('commission plan: method must be "marginal" or "retroactive"');
  if (c.cap !== undefined && c.cap !== null && (typeof c.cap !== 'number' || !Number.isFinite(c.cap) || c.cap < 0))
    throw valueError('commission plan: cap must be a number ≥ 0, or absent for no cap');
  if (c.period !== undefined && !COMMISSION_PERIODS.includes(c.period))
    throw valueError(`commission plan: period must be one of ${COMMISSION_PERIODS.join(', ')}`);
}

/** Checks setup.alerts. @throws KpiError #VALUE! */
export function validateAlerts(raw: unknown): void {
  if (raw === undefined || raw === null) return;
  const a = raw as Partial<AlertsSetup>;
  if (typeof a !== 'object' || typeof a.enabled !== 'boolean')
    throw valueError('setup alerts must be an object with enabled true or false');
  if (a.email !== undefined && typeof a.email !== 'boolean') throw valueError('setup alerts.email must be true or false');
}
