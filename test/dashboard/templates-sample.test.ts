/**
 * Every template on the sample company (playground/sample/company.ts), mapped from its headers as
 * the sidebar does: no card asks to map data, the trend table holds exactly the chosen KPIs, and
 * the notice of what needs the add-in names chosen KPIs only. The e-commerce template, the one
 * that reads the sample's sessions and active customers, is evaluated in HyperFormula and checked
 * against plain arithmetic over the sample rows.
 */
import { kpi, KpiId } from '../../core/dashboard/catalog';
import { tr } from '../../core/dashboard/i18n';
import { UI } from '../../core/dashboard/labels';
import { detectMapping } from '../../core/dashboard/mapping';
import { DashboardPlan } from '../../core/dashboard/plan';
import { buildPlan } from '../../core/dashboard/planner';
import { addinNeeds } from '../../core/dashboard/share/notice';
import { DashboardSetup } from '../../core/dashboard/setup';
import { TEMPLATES, TemplateId } from '../../core/dashboard/templates';
import { generateSample } from '../../playground/sample/company';
import { applyToWorkbook, valueAt } from './hf-apply';
import { refOf } from '../support/refs';

const sample = generateSample();
const MAPPING = detectMapping(
  Object.entries(sample.sheets).map(([name, rows]) => ({ name, headers: rows[0], rows: rows.length - 1 })),
).mapping;
const AS_OF = '2026-10-15';

function planOf(kpis: readonly KpiId[], template: TemplateId | null = null, locale: 'en' | 'fr' = 'en'): DashboardPlan {
  const setup: DashboardSetup = { v: 1, locale, template, kpis: [...kpis], mapping: MAPPING, goals: [] };
  return buildPlan({ setup, asOf: AS_OF });
}

/** The dashboard's card rows (A5:J…) as planned. */
function cardRows(plan: DashboardPlan) {
  return plan.sheets[0].blocks.find((b) => b.range.startsWith('A5:'))!.cells;
}

const MAP_DATA = (locale: 'en' | 'fr') => tr(UI.unmapped, locale).slice(0, tr(UI.unmapped, locale).indexOf('{'));

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('the %s template on the sample company', (_id, tpl) => {
  const plan = planOf(tpl.kpis, tpl.id);

  it('has no "Map data" card and no unmapped notice', () => {
    expect(MAP_DATA('en')).toBe('Map data: ');
    const values = cardRows(plan).map((row) => row[1]);
    expect(values).toHaveLength(tpl.kpis.length);
    for (const v of values) expect(typeof v === 'string' && v.startsWith(MAP_DATA('en'))).toBe(false);
    expect(plan.notices.filter((n) => n.code === 'unmapped')).toEqual([]);
  });

  it('holds exactly the chosen KPIs in the trend table, in card order', () => {
    expect(Object.keys(plan.trend.series)).toEqual([...tpl.kpis]);
    const header = plan.sheets[0].blocks.find((b) => b.range.startsWith('L4:'))!.cells[0];
    expect(header).toEqual(['Period start', 'Next period start', ...tpl.kpis.map((id) => tr(kpi(id).name, 'en'))]);
  });

  it('names only chosen KPIs as needing the add-in', () => {
    const needs = addinNeeds(plan);
    for (const id of needs.cards) expect(tpl.kpis).toContain(id);
  });
});

describe('what needs the add-in, template by template', () => {
  // by the catalog: MRR churn, NRR and GRR are custom functions; LTV and LTV:CAC are built from MRR churn; the rest is native
  const expected: Record<TemplateId, KpiId[]> = {
    saas: ['mrr_churn', 'nrr', 'ltv'],
    ecommerce: [],
    b2b: [],
    aarrr: ['mrr_churn'],
    north_star: ['mrr_churn'],
  };
  it.each(TEMPLATES.map((t) => t.id))('%s', (id) => {
    const plan = planOf(TEMPLATES.find((t) => t.id === id)!.kpis, id);
    expect(addinNeeds(plan).cards).toEqual(expected[id]);
    expect(plan.notices.some((n) => n.code === 'custom_functions')).toBe(expected[id].length > 0);
  });

  it('names LTV alone when MRR churn, which it is built from, is not a card', () => {
    const plan = planOf(['mrr', 'ltv', 'cac']);
    const notice = plan.notices.find((n) => n.code === 'custom_functions')!.text;
    expect(notice).toBe(
      'Without the add-in a colleague sees errors in KPI Dashboard: the cards Customer lifetime value come from KPI Pilot functions. "Prepare for sharing" replaces them by their values (and "Make live again" restores them).',
    );
    expect(notice).not.toMatch(/churn|ARPA/);
    expect(Object.keys(plan.trend.series)).toEqual(['mrr', 'ltv', 'cac']);
  });

  it('names LTV:CAC, not the LTV, MRR churn and ARPA it is built from, in French too', () => {
    const plan = planOf(['ltv_cac', 'cac', 'cpl'], null, 'fr');
    const notice = plan.notices.find((n) => n.code === 'custom_functions')!.text;
    expect(notice).toContain(`les cartes ${tr(kpi('ltv_cac').name, 'fr')} viennent`);
    for (const other of ['ltv', 'mrr_churn', 'arpa'] as KpiId[]) expect(notice).not.toContain(tr(kpi(other).name, 'fr'));
  });
});

describe('the e-commerce template evaluated on the sample (October 2026)', () => {
  const plan = planOf(TEMPLATES.find((t) => t.id === 'ecommerce')!.kpis, 'ecommerce');
  const wb = applyToWorkbook(plan, sample.sheets);
  const at = (id: KpiId) => {
    const { sheet, address } = refOf(plan.valueCells[id]);
    return valueAt(wb, sheet, address);
  };

  // plain arithmetic over the rows: Marketing [Month, Channel, Spend, Leads, Opportunities, New customers, Revenue, Sessions, Active customers],
  // Subscriptions [Customer, Month, MRR] (one row per paying customer and month), Transactions [Customer, Date, Amount]
  const marketing = (month: string) => sample.sheets.Marketing.slice(1).filter((r) => r[0] === month);
  const total = (rows: unknown[][], col: number) => rows.reduce((t, r) => t + (r[col] as number), 0);
  const orders = sample.sheets.Transactions.slice(1).filter((r) => String(r[1]).startsWith('2026-10'));
  const payingIn = (month: string) => sample.sheets.Subscriptions.slice(1).filter((r) => r[1] === month).length;
  const oct = marketing('2026-10-01');
  /** HyperFormula keeps 10 significant digits: compare relatively. */
  const close = (actual: unknown, expected: number) => {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  };

  it('computes every card: a number, no error, no blank', () => {
    for (const id of plan.snapshot.kpis) expect([id, typeof at(id as KpiId)]).toEqual([id, 'number']);
  });

  it('shows store conversion as October orders over October sessions', () => {
    expect(orders.length).toBeGreaterThan(0);
    close(at('ecom_conversion'), orders.length / total(oct, 7));
  });

  it('shows retention from the active customers, which are the paying customers of the ledger by month', () => {
    // active at the end of October and September, counted on the Subscriptions ledger, not on the column the generator wrote
    const [active, before] = [payingIn('2026-10-01'), payingIn('2026-09-01')];
    expect(total(oct, 8)).toBe(active);
    expect(total(marketing('2026-09-01'), 8)).toBe(before);
    // (active − new) / active a month before: customers kept (or back), over those there were
    const retention = (active - total(oct, 5)) / before;
    expect(retention).toBeGreaterThan(0.8); // a realistic monthly retention for the sample's 3% monthly churn
    expect(retention).toBeLessThan(1);
    close(at('retention_rate'), retention);
  });

  it('shows revenue, basket, return on ad spend and CAC from the same rows', () => {
    const revenue = total(orders, 2);
    close(at('order_revenue'), revenue);
    close(at('aov'), revenue / orders.length);
    close(at('roas'), total(oct, 6) / total(oct, 2));
    close(at('cac'), total(oct, 2) / total(oct, 5));
  });
});

describe('the sample company', () => {
  it('has sessions on every Marketing row, a few percent of them becoming leads', () => {
    const rows = sample.sheets.Marketing.slice(1);
    expect(sample.sheets.Marketing[0].slice(7)).toEqual(['Sessions', 'Active customers']);
    for (const r of rows) {
      const [leads, sessions] = [r[3] as number, r[7] as number];
      expect(Number.isInteger(sessions)).toBe(true);
      expect(leads / sessions).toBeGreaterThan(0.01);
      expect(leads / sessions).toBeLessThan(0.25);
    }
  });

  it('has a store that keeps selling: every month 1% to 3% of the sessions order, no month far below the first, the second year above the first', () => {
    // orders counted on the Transactions rows [Customer, Date, Amount], sessions summed over the Marketing rows of the month
    const months = [...new Set(sample.sheets.Marketing.slice(1).map((r) => String(r[0]).slice(0, 7)))];
    expect(months).toHaveLength(24);
    const orders = months.map((ym) => sample.sheets.Transactions.slice(1).filter((r) => String(r[1]).startsWith(ym)).length);
    const sessions = months.map((ym) =>
      sample.sheets.Marketing.slice(1)
        .filter((r) => String(r[0]).startsWith(ym))
        .reduce((t, r) => t + (r[7] as number), 0),
    );
    months.forEach((ym, i) => expect([ym, orders[i] / sessions[i] >= 0.01 && orders[i] / sessions[i] <= 0.03]).toEqual([ym, true]));
    for (const n of orders) expect(n).toBeGreaterThanOrEqual(0.9 * orders[0]);
    expect(orders[23]).toBeGreaterThan(orders[0]);
    const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
    expect(sum(orders.slice(12))).toBeGreaterThan(sum(orders.slice(0, 12)));
  });

  it('has new shoppers every month, not only at the start', () => {
    const firstMonth = new Map<string, string>(); // rows are in date order: a customer's first row is its first order
    for (const [customer, date] of sample.sheets.Transactions.slice(1))
      if (!firstMonth.has(customer as string)) firstMonth.set(customer as string, String(date).slice(0, 7));
    const dates = sample.sheets.Transactions.slice(1).map((r) => r[1] as string);
    expect([...dates].sort()).toEqual(dates);
    const newIn = (ym: string) => [...firstMonth.values()].filter((m) => m === ym).length;
    // after the first month (which also holds returning shoppers of before the sheet), at least a hundred first orders a month
    for (const ym of [...new Set(dates.map((d) => d.slice(0, 7)))].slice(1)) expect([ym, newIn(ym) >= 100]).toEqual([ym, true]);
  });

  it('is the same workbook on every run', () => {
    expect(generateSample().sheets).toEqual(sample.sheets);
  });
});
