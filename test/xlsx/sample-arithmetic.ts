/**
 * The sample company's KPIs for one calendar month, by plain arithmetic over the generated rows
 * (sums, counts, divisions), written from the KPI definitions (docs/reference/functions.md) without the core or
 * the plan's formulas. Test support for libreoffice.test.ts.
 *
 * Row shapes (playground/sample/company.ts): Marketing [Month, Channel, Spend, Leads,
 * Opportunities, New customers, Revenue], Subscriptions [Customer, Month, MRR] (one row per
 * paying customer and month), Deals [Deal, Owner, Created, Closed, Amount, Stage]; dates are ISO text.
 */
import type { SampleWorkbook } from '../../playground/sample/company';

type Rows = SampleWorkbook['sheets'][string];

export interface MonthFigures {
  spend: number;
  leads: number;
  opportunities: number;
  newCustomers: number;
  mrr: number;
  payingCustomers: number;
  won: number;
  lost: number;
  wonAmount: number;
  /** Sum over deals closed (won or lost) in the month of closed − created, in days. */
  cycleDays: number;
  /** Deals created before the next month's first day and not closed (won or lost) before it. */
  openAtEnd: number;
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;

/** "2026-10" -> "2026-11". */
export function nextMonth(ym: string): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Totals of one month, ym = "YYYY-MM". */
export function monthFigures(sheets: SampleWorkbook['sheets'], ym: string): MonthFigures {
  const f: MonthFigures = {
    spend: 0,
    leads: 0,
    opportunities: 0,
    newCustomers: 0,
    mrr: 0,
    payingCustomers: 0,
    won: 0,
    lost: 0,
    wonAmount: 0,
    cycleDays: 0,
    openAtEnd: 0,
  };
  const inMonth = (v: unknown) => typeof v === 'string' && v.slice(0, 7) === ym;
  for (const r of body(sheets.Marketing)) {
    if (!inMonth(r[0])) continue;
    f.spend += r[2] as number;
    f.leads += r[3] as number;
    f.opportunities += r[4] as number;
    f.newCustomers += r[5] as number;
  }
  for (const r of body(sheets.Subscriptions)) {
    if (!inMonth(r[1]) || !((r[2] as number) > 0)) continue;
    f.mrr += r[2] as number;
    f.payingCustomers++;
  }
  const nextFirst = `${nextMonth(ym)}-01`;
  for (const r of body(sheets.Deals)) {
    const [created, closed, amount, stage] = [r[2] as string, r[3] as string | null, r[4] as number, r[5] as string];
    const decided = stage === 'Won' || stage === 'Lost';
    if (created < nextFirst && !(decided && closed !== null && closed < nextFirst)) f.openAtEnd++;
    if (!decided || !inMonth(closed)) continue;
    if (stage === 'Won') {
      f.won++;
      f.wonAmount += amount;
    } else f.lost++;
    f.cycleDays += dayNumber(closed!) - dayNumber(created);
  }
  return f;
}

/** a / b, or "" where b is 0: what the sheet's IFERROR(a/b, "") shows. */
export const ratio = (a: number, b: number): number | '' => (b === 0 ? '' : a / b);

/** The KPIs the dashboard shows, from one month's figures (gross margin 1). */
export function kpisOf(f: MonthFigures): Record<string, number | ''> {
  const cac = ratio(f.spend, f.newCustomers);
  const arpa = ratio(f.mrr, f.payingCustomers);
  const winRate = ratio(f.won, f.won + f.lost);
  const dealSize = ratio(f.wonAmount, f.won);
  const cycle = ratio(f.cycleDays, f.won + f.lost);
  return {
    mrr: f.mrr,
    arpa,
    cac,
    cpl: ratio(f.spend, f.leads),
    conversion_rate: ratio(f.newCustomers, f.leads),
    lead_to_opp: ratio(f.opportunities, f.leads),
    win_rate: winRate,
    cac_payback: cac === '' || arpa === '' ? '' : ratio(cac, arpa),
    avg_deal_size: dealSize,
    sales_cycle: cycle,
    pipeline_velocity: winRate === '' || dealSize === '' || cycle === '' ? '' : ratio(f.openAtEnd * winRate * dealSize, cycle),
  };
}

function body(rows: Rows): Rows {
  return rows.slice(1);
}
