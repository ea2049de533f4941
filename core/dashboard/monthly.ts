import { monthIndex, monthLabel, toSerial } from '../args/cells';
import { RangeArg } from '../args/range';
import { ATV, CAC, CONVERSION_RATE, CPL, LEAD_TO_OPP, PIPELINE_VELOCITY, WIN_RATE } from '../functions/acquisition';
import { ROAS, ROMI } from '../functions/roi';
import { ARPA, CAC_PAYBACK, LTV, LTV_CAC } from '../functions/value';
import { callDefinition } from '../hosts';
import { cohortRetention, Ledger, movements, readLedger } from '../kpi/ledger';
import { KpiFunction } from '../registry/types';
import { DataHistory, lastFullMonth } from './baselines';
import { fieldsNeeded, kpi, KpiId, withDependencies } from './catalog';
import { datasetInfo, datasetOf, FieldRef } from './fields';
import { historyLayout } from './history';
import { DataMapping, DEFAULT_OPTIONS, SetupOptions } from './setup';

/**
 * Each KPI's value per calendar month, computed from the mapped data in memory: what the
 * dashboard's trend columns show for those months (formulas.ts writes the same rules as
 * spreadsheet formulas; test/dashboard/monthly.test.ts checks the two agree on the sample
 * company, KPI by KPI and month by month). The sidebar's Goals step reads it for baselines and
 * for the "achievable" check before any dashboard exists.
 *
 * Hosts read each mapped column once (the cells below its header row) and pass the values here;
 * nothing is read cell by cell. Each dataset is walked once into per-month totals, the ledger
 * once into per-customer months (core/kpi/ledger.ts); a KPI's month is then computed from those
 * totals by the registry function that defines it (CPL, CAC, WIN_RATE, NRR's cohort rule...),
 * so the work is O(rows + months × (KPIs + ledger customers)).
 *
 * A month where the KPI has no value (a division by zero, no ledger a year before for NRR) is
 * null, as the dashboard's IFERROR(…, "") leaves the cell blank.
 */
export type MappedColumns = Partial<Record<FieldRef, readonly unknown[]>>;

export interface KpiMonths {
  /** Month labels YYYY-MM, oldest first, from the first to the last month any dataset has. */
  readonly months: readonly string[];
  /** Per KPI, one value per month (null: none that month). */
  readonly values: Partial<Record<KpiId, readonly (number | null)[]>>;
  /** Datasets that could not be read, with the reason (a ledger row without a customer...): their KPIs are left out. */
  readonly problems: readonly string[];
}

/** The mapped fields the KPIs (and the KPIs their formulas use) read, optional ones included when mapped: what a host reads. */
export function fieldsToRead(kpis: readonly KpiId[], mapping: DataMapping): FieldRef[] {
  const out = new Set<FieldRef>();
  for (const id of withDependencies(kpis)) {
    const def = kpi(id);
    [...fieldsNeeded(id), ...(def.optional ?? [])].forEach((f) => out.add(f));
  }
  // a dataset's date field places its rows in months, whichever KPI reads it
  for (const f of [...out]) out.add(datasetInfo(datasetOf(f)).dateField);
  return [...out].filter((f) => !!mapping[datasetOf(f)]?.columns[f.slice(f.indexOf('.') + 1)]);
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * A COUNTIFS text pattern (* any run, ? one character, ~ escapes; case-insensitive, whole cell)
 * as a test, so the won/lost and referral patterns of the setup mean here what they mean in the sheet.
 */
export function countifsPattern(pattern: string): (v: unknown) => boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '~' && i + 1 < pattern.length) re += escape(pattern[++i]);
    else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else re += escape(c);
  }
  const rx = new RegExp(`^${re}$`, 'i');
  return (v) => (typeof v === 'string' ? rx.test(v) : typeof v === 'number' || typeof v === 'boolean' ? rx.test(String(v)) : false);
}
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One mapped column a host reads for goalHistory: the cells of `column` from `firstRow` (1-based, below the header) to the sheet's last row. */
export interface ColumnRead {
  readonly field: FieldRef;
  readonly sheet: string;
  readonly column: string;
  readonly firstRow: number;
}

/** The columns to read for the setup's KPIs, one range each. */
export function columnReads(kpis: readonly KpiId[], mapping: DataMapping): ColumnRead[] {
  return fieldsToRead(kpis, mapping).map((field) => {
    const m = mapping[datasetOf(field)]!;
    return { field, sheet: m.sheet, column: m.columns[field.slice(field.indexOf('.') + 1)], firstRow: m.headerRow + 1 };
  });
}

/** Per-month totals of one dataset (marketing, deals, orders, ledger), filled in one walk. */
class Totals {
  readonly sum = new Map<string, number>();
  add(month: number, key: string, v: number): void {
    if (v === 0) return;
    const k = `${month}|${key}`;
    this.sum.set(k, (this.sum.get(k) ?? 0) + v);
  }
  get(month: number, key: string): number {
    return this.sum.get(`${month}|${key}`) ?? 0;
  }
}

/** The month of a date cell, or undefined for a blank, text or out-of-range cell (SUMIFS skips those rows too). */
function monthOf(v: unknown): number | undefined {
  const s = toSerial(v);
  return s === undefined || s <= 0 ? undefined : monthIndex(s);
}

/**
 * Each KPI's value per month from the mapped columns.
 * @example kpiMonths(['cpl'], { 'marketing.date': ['2026-01-05', '2026-01-20', '2026-02-03'], 'marketing.spend': [100, 200, 90], 'marketing.leads': [10, 20, 3] }).values.cpl
 *   // => [10, 30] (January 300 / 30, February 90 / 3)
 */
export function kpiMonths(kpis: readonly KpiId[], columns: MappedColumns, options: Partial<SetupOptions> = {}): KpiMonths {
  const o: SetupOptions = { ...DEFAULT_OPTIONS, ...options };
  const problems: string[] = [];
  const col = (f: FieldRef) => columns[f];
  const has = (f: FieldRef) => Array.isArray(col(f));
  let first = Infinity;
  let last = -Infinity;
  const seen = (m: number) => {
    if (m < first) first = m;
    if (m > last) last = m;
  };

  // marketing: sums of each numeric field per month (and referral leads, last month's active customers)
  const mk = new Totals();
  if (has('marketing.date')) {
    const dates = col('marketing.date')!;
    const fields = (
      ['spend', 'sales_spend', 'leads', 'opportunities', 'customers', 'revenue', 'sessions', 'active_customers'] as const
    ).filter((f) => has(`marketing.${f}`));
    const referral = countifsPattern(o.referralPattern);
    const channel = col('marketing.channel');
    for (let i = 0; i < dates.length; i++) {
      const m = monthOf(dates[i]);
      if (m === undefined) continue;
      seen(m);
      for (const f of fields) mk.add(m, f, num(col(`marketing.${f}`)![i]));
      if (channel && referral(channel[i])) mk.add(m, 'referral_leads', num(col('marketing.leads')?.[i]));
    }
  }

  // deals: placed in a month by their close date; open deals counted at each month's end
  const dl = new Totals();
  const openDelta = new Map<number, number>();
  if (has('deals.closed') || has('deals.created')) {
    const closed = col('deals.closed') ?? [];
    const created = col('deals.created') ?? [];
    const outcome = col('deals.outcome') ?? [];
    const amount = col('deals.amount') ?? [];
    const won = countifsPattern(o.wonPattern);
    const lost = countifsPattern(o.lostPattern);
    const n = Math.max(closed.length, created.length);
    for (let i = 0; i < n; i++) {
      // a row matching both patterns counts in both, as the sheet's two COUNTIFS count it
      const isWon = won(outcome[i]);
      const isLost = lost(outcome[i]);
      const c = monthOf(closed[i]);
      const cs = toSerial(closed[i]);
      const ds = toSerial(created[i]);
      const d = monthOf(created[i]);
      if (c !== undefined) {
        seen(c);
        if (isWon) {
          dl.add(c, 'won', 1);
          dl.add(c, 'won_amount', num(amount[i]));
        }
        if (isLost) dl.add(c, 'lost', 1);
        const decided = (isWon ? 1 : 0) + (isLost ? 1 : 0);
        if (decided && ds !== undefined && ds > 0 && cs !== undefined) {
          dl.add(c, 'decided', decided);
          dl.add(c, 'cycle_days', decided * (cs - ds));
        }
      }
      if (d !== undefined) {
        // open at the end of month m: created by then and not decided (closed won or lost) by then
        openDelta.set(d, (openDelta.get(d) ?? 0) + 1);
        const decided = (isWon ? 1 : 0) + (isLost ? 1 : 0);
        if (decided && c !== undefined) openDelta.set(Math.max(c, d), (openDelta.get(Math.max(c, d)) ?? 0) - decided);
      }
    }
  }

  // orders: count and amount per month
  const od = new Totals();
  if (has('orders.date')) {
    const dates = col('orders.date')!;
    const amount = col('orders.amount') ?? [];
    for (let i = 0; i < dates.length; i++) {
      const m = monthOf(dates[i]);
      if (m === undefined) continue;
      seen(m);
      od.add(m, 'orders', 1);
      od.add(m, 'amount', num(amount[i]));
    }
  }

  // ledger: MRR per month (rows) and per customer (core/kpi/ledger.ts, the rule NRR, GRR and REVENUE_CHURN use)
  const lg = new Totals();
  let ledger: Ledger | undefined;
  if (has('ledger.month') && has('ledger.mrr')) {
    const months = col('ledger.month')!;
    const mrr = col('ledger.mrr')!;
    for (let i = 0; i < months.length; i++) {
      const m = monthOf(months[i]);
      if (m === undefined) continue;
      seen(m);
      lg.add(m, 'mrr', num(mrr[i]));
      if (num(mrr[i]) > 0) lg.add(m, 'paying', 1);
    }
    if (has('ledger.customer')) {
      try {
        const column = (f: FieldRef) => col(f)!.map((v) => [v as never]);
        ledger = readLedger(
          new RangeArg('customers', column('ledger.customer')),
          new RangeArg('months', column('ledger.month')),
          new RangeArg('amounts', column('ledger.mrr')),
        );
      } catch (e) {
        problems.push(`${datasetInfo('ledger').name.en}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  const months: string[] = [];
  if (first > last) return { months, values: {}, problems };
  for (let m = first; m <= last; m++) months.push(monthLabel(m));
  const open: number[] = [];
  for (let m = first, running = [...openDelta].filter(([k]) => k < first).reduce((s, [, v]) => s + v, 0); m <= last; m++) {
    running += openDelta.get(m) ?? 0;
    open.push(running);
  }

  const values: Partial<Record<KpiId, (number | null)[]>> = {};
  const call = (fn: KpiFunction, ...args: unknown[]): number | null => {
    const r = callDefinition(fn, args);
    return r.ok && typeof r.value === 'number' && Number.isFinite(r.value) ? r.value : null;
  };
  const div = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  for (const id of withDependencies(kpis)) {
    if (!fieldsNeeded(id).every(has)) continue;
    if ((id === 'mrr_churn' || id === 'nrr' || id === 'grr') && !ledger) continue;
    const out: (number | null)[] = [];
    for (let i = 0; i < months.length; i++) {
      const m = first + i;
      const at = (other: KpiId) => values[other]?.[i] ?? null;
      out.push(monthValue(id, m, i, at));
    }
    values[id] = out;
  }
  return { months, values, problems };

  function monthValue(id: KpiId, m: number, i: number, at: (other: KpiId) => number | null): number | null {
    const M = (f: string) => mk.get(m, f);
    const margin = o.grossMargin;
    switch (id) {
      case 'leads':
        return M('leads');
      case 'sessions':
        return M('sessions');
      case 'opportunities':
        return M('opportunities');
      case 'cpl':
        return call(CPL, M('spend'), M('leads'));
      case 'cac':
        return call(CAC, M('spend'), M('customers'), has('marketing.sales_spend') ? M('sales_spend') : undefined);
      case 'lead_to_opp':
        return call(LEAD_TO_OPP, M('opportunities'), M('leads'));
      case 'conversion_rate':
        return call(CONVERSION_RATE, M('customers'), M('leads'));
      case 'romi':
        return call(ROMI, M('revenue'), M('spend'), margin);
      case 'roas':
        return call(ROAS, M('revenue'), M('spend'));
      case 'referral_share':
        return div(M('referral_leads'), M('leads'));
      case 'retention_rate':
        return div(M('active_customers') - M('customers'), mk.get(m - 1, 'active_customers'));
      case 'mrr':
        return lg.get(m, 'mrr');
      case 'arr':
        return 12 * lg.get(m, 'mrr');
      case 'arpa':
        return call(ARPA, lg.get(m, 'mrr'), lg.get(m, 'paying'));
      case 'mrr_churn': {
        const mv = movements(ledger!, m);
        return div(mv.churn + mv.contraction, mv.previousMrr);
      }
      case 'nrr':
      case 'grr': {
        const r = cohortRetention(ledger!, m - o.nrrMonths, m);
        return div(id === 'nrr' ? r.end : r.kept, r.start);
      }
      case 'ltv': {
        const arpa = at('arpa');
        const churn = at('mrr_churn');
        return arpa === null || churn === null ? null : call(LTV, arpa, churn, margin);
      }
      case 'ltv_cac': {
        const ltv = at('ltv');
        const cac = at('cac');
        return ltv === null || cac === null ? null : call(LTV_CAC, ltv, cac);
      }
      case 'cac_payback': {
        const cac = at('cac');
        const arpa = at('arpa');
        return cac === null || arpa === null ? null : call(CAC_PAYBACK, cac, arpa, margin);
      }
      case 'win_rate':
        return call(WIN_RATE, dl.get(m, 'won'), dl.get(m, 'won') + dl.get(m, 'lost'));
      case 'avg_deal_size':
        return call(ATV, dl.get(m, 'won_amount'), dl.get(m, 'won'));
      case 'sales_cycle':
        return div(dl.get(m, 'cycle_days'), dl.get(m, 'decided'));
      case 'pipeline_velocity': {
        const [w, s, c] = [at('win_rate'), at('avg_deal_size'), at('sales_cycle')];
        return w === null || s === null || c === null ? null : call(PIPELINE_VELOCITY, open[i], w, s, c);
      }
      case 'order_revenue':
        return od.get(m, 'amount');
      case 'orders':
        return od.get(m, 'orders');
      case 'aov':
        return call(ATV, od.get(m, 'amount'), od.get(m, 'orders'));
      case 'ecom_conversion':
        return call(CONVERSION_RATE, od.get(m, 'orders'), M('sessions'));
    }
  }
}

/** Months of history kept for goals: ten years before the last full month is plenty to judge a pace. */
export const GOAL_HISTORY_MONTHS = 120;

/**
 * The monthly series the Goals step reads (baselines.ts): each chosen KPI's value per month from
 * the mapped data, up to the last full month on `today`, merged with KPI History by month. Where
 * the data gives the month a value it wins (it is the source, and a snapshot may have been taken
 * mid-month or before the data was corrected); a snapshot fills a month the data has no value for
 * (typically months before the data sheet starts). History rows are those of the sheet with its
 * header (history.ts layouts); of two rows of one KPI and month, the later date wins.
 * O(rows + history rows + months × KPIs).
 */
export function goalHistory(
  kpis: readonly KpiId[],
  columns: MappedColumns,
  historyRows: readonly (readonly unknown[])[] | undefined,
  today: string,
  options: Partial<SetupOptions> = {},
): DataHistory {
  const data = kpiMonths(kpis, columns, options);
  const lastFull = lastFullMonth(today);
  const end = monthKey(lastFull);
  // KPI History: KPI -> month -> [date, value]
  const snaps = new Map<string, Map<number, [number, number]>>();
  if (historyRows && historyRows.length > 1) {
    const layout = historyLayout(historyRows[0]);
    for (let i = 1; i < historyRows.length; i++) {
      const r = historyRows[i];
      const id = typeof r[layout.id] === 'string' ? (r[layout.id] as string).trim() : '';
      const d = toSerial(r[layout.date]);
      const v = r[layout.value];
      if (!id || d === undefined || typeof v !== 'number' || !Number.isFinite(v)) continue;
      let own = snaps.get(id);
      if (!own) snaps.set(id, (own = new Map()));
      const m = monthIndex(d);
      const had = own.get(m);
      if (!had || had[0] <= d) own.set(m, [d, v]);
    }
  }
  let first = data.months.length ? monthKey(data.months[0]) : Infinity;
  for (const id of kpis) for (const m of snaps.get(id)?.keys() ?? []) first = Math.min(first, m);
  first = Math.max(first, end - GOAL_HISTORY_MONTHS + 1);
  const months: string[] = [];
  for (let m = first; m <= end; m++) months.push(monthLabel(m));
  const dataFirst = data.months.length ? monthKey(data.months[0]) : 0;
  const values: Record<string, (number | null)[]> = {};
  for (const id of kpis) {
    const own = data.values[id];
    const snap = snaps.get(id);
    if (!own && !snap) continue;
    values[id] = months.map((_, i) => {
      const m = first + i;
      const v = own?.[m - dataFirst];
      if (typeof v === 'number') return v;
      return snap?.get(m)?.[1] ?? null;
    });
  }
  return { months, values, lastFull, problems: data.problems };
}

const monthKey = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
