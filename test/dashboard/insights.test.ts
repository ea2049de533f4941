/**
 * Insight rules evaluated in HyperFormula: each rule's text for hand-made trends (finding, OK, or
 * the data it needs), and the insights block of a generated dashboard on the sample data.
 */
import { HyperFormula } from 'hyperformula';
import { KpiId } from '../../core/dashboard/catalog';
import { INSIGHT_RULES, InsightRule } from '../../core/dashboard/insights';
import { Locale } from '../../core/dashboard/i18n';
import { detectMapping } from '../../core/dashboard/mapping';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { AS_OF, SHEETS } from '../fixtures/dashboard/company';
import { applyToWorkbook, valueAt } from './hf-apply';

const rule = (id: string) => INSIGHT_RULES.find((r) => r.id === id)!;

/** Evaluates a rule over columns of values, oldest first (the last row is the current period). */
function textOf(r: InsightRule, series: Partial<Record<KpiId, (number | string)[]>>, locale: Locale = 'en'): string {
  const ids = Object.keys(series) as KpiId[];
  const n = Math.max(...ids.map((id) => series[id]!.length));
  const rows = Array.from({ length: n }, (_, i) => ids.map((id) => series[id]![i] ?? null));
  const letter = (id: KpiId) => String.fromCharCode(65 + ids.indexOf(id));
  const formula = `=${r.formula({ at: (id, k) => `${letter(id)}${n - k}`, prior: (id) => `${letter(id)}1:${letter(id)}${n - 1}`, locale }, ids)}`;
  const hf = HyperFormula.buildFromArray([...rows, [formula]], { licenseKey: 'gpl-v3' });
  return hf.getCellValue({ sheet: 0, row: n, col: 0 }) as string;
}

describe('each rule says its finding, OK with the numbers it checked, or the data it needs', () => {
  const targeting = rule('high_cpl_low_conversion');
  it('targeting: CPL over 1.2 × its average while conversion under 0.8 × its average', () => {
    // CPL 30 > 1.2 × mean(20, 22) = 25.2; conversion 10% < 0.8 × mean(20%, 16%) = 14.4%
    expect(textOf(targeting, { cpl: [20, 22, 30], lead_to_opp: [0.2, 0.16, 0.1] })).toBe(
      'Cost per lead 30 is over 20% above its average (21) while lead-to-opportunity rate 10% is over 20% below its average (18%): a targeting or lead-qualification problem. Review audiences, channels and lead scoring.',
    );
    // CPL 42.10 ≤ 1.2 × mean(40, 41) = 48.6: no finding
    expect(textOf(targeting, { cpl: [40, 41, 42.1], lead_to_opp: [0.2, 0.16, 0.18] })).toBe(
      'OK: cost per lead 42.1 and lead-to-opportunity rate 18% are within range of their averages (40.5, 18%)',
    );
    expect(textOf(targeting, { cpl: [40, 41, ''], lead_to_opp: [0.2, 0.16, 0.18] })).toBe(
      'Needs cost per lead and lead-to-opportunity rate for the current and earlier periods',
    );
    expect(textOf(targeting, { cpl: ['', '', 30], lead_to_opp: ['', '', 0.1] })).toBe(
      'Needs cost per lead and lead-to-opportunity rate for the current and earlier periods',
    ); // no earlier period
  });

  it('unit economics: LTV:CAC under 3', () => {
    expect(textOf(rule('ltv_cac_below_3'), { ltv_cac: [2.46] })).toBe(
      'LTV:CAC is 2.5, below 3: acquisition costs too much for what customers are worth. Cut CAC or improve retention.',
    );
    expect(textOf(rule('ltv_cac_below_3'), { ltv_cac: [3] })).toBe('OK: LTV:CAC is 3, at least 3');
    expect(textOf(rule('ltv_cac_below_3'), { ltv_cac: [''] })).toBe('Needs LTV:CAC for the current period');
    expect(textOf(rule('ltv_cac_below_3'), { ltv_cac: [2.46] }, 'fr')).toBe(
      'Le ratio LTV/CAC est de 2.5, sous 3 : l’acquisition coûte trop cher pour la valeur des clients. Réduire le CAC ou améliorer la rétention.',
    );
  });

  it('cash tied: CAC payback over 12 months', () => {
    expect(textOf(rule('cac_payback_over_12'), { cac_payback: [14.25] })).toBe(
      'CAC takes 14.3 months to pay back, over 12: raise prices, cut CAC or favour annual plans.',
    );
    expect(textOf(rule('cac_payback_over_12'), { cac_payback: [12] })).toBe('OK: CAC pays back in 12 months, 12 or less');
    expect(textOf(rule('cac_payback_over_12'), { cac_payback: ['x'] })).toBe('Needs CAC payback for the current period');
  });

  it('churn trend: three rises in a row', () => {
    const churn = rule('churn_rising');
    expect(textOf(churn, { mrr_churn: [0.01, 0.015, 0.02, 0.031] })).toBe(
      'MRR churn has risen three periods in a row (1% → 1.5% → 2% → 3.1%): read the recent cohorts and talk to the accounts that left.',
    );
    expect(textOf(churn, { mrr_churn: [0.01, 0.015, 0.015, 0.031] })).toBe(
      'OK: MRR churn 1% → 1.5% → 1.5% → 3.1% has not risen three periods in a row',
    ); // a flat step
    expect(textOf(churn, { mrr_churn: [0.015, 0.02, 0.031] })).toBe('Needs MRR churn rate for the last 4 periods');
    expect(textOf(churn, { mrr_churn: [0.01, 0.015, 0.02, 0.031] }, 'fr')).toBe(
      'Le churn du MRR augmente depuis trois périodes (1 % → 1.5 % → 2 % → 3.1 %) : lire les cohortes récentes et interroger les comptes partis.',
    );
  });

  it('pipeline velocity: a fall of 10% or more', () => {
    const velocity = rule('velocity_falling');
    // 1 − 180/200 = 10%: fires at exactly 10
    expect(textOf(velocity, { pipeline_velocity: [200, 180] })).toBe(
      'Pipeline velocity fell 10% over the period (200 → 180 a day): see which factor dropped (open deals, win rate, deal size, cycle).',
    );
    expect(textOf(velocity, { pipeline_velocity: [200, 181.5] })).toBe(
      'OK: pipeline velocity 181.5 a day against 200, no fall of 10% or more',
    );
    expect(textOf(velocity, { pipeline_velocity: [0, 181.5] })).toBe('Needs pipeline velocity for the last 2 periods');
  });
});

describe('the insights block of a generated dashboard', () => {
  const MAPPING = detectMapping(Object.entries(SHEETS).map(([name, rows]) => ({ name, headers: rows[0], rows: rows.length - 1 }))).mapping;
  const data = SHEETS as unknown as Record<string, (string | number | boolean | null)[][]>;
  const setup = (kpis: KpiId[], extra: Partial<DashboardSetup> = {}): DashboardSetup => ({
    v: 1,
    locale: 'en',
    kpis,
    mapping: MAPPING,
    goals: [],
    options: { grossMargin: 0.8, nrrMonths: 2, trendPeriods: 4 },
    ...extra,
  });
  const insights = (s: DashboardSetup) => {
    const plan = buildPlan({ setup: s, asOf: AS_OF });
    const dash = plan.sheets[0];
    const wb = applyToWorkbook(plan, data);
    const title = dash.blocks.findIndex((b) => b.cells[0]?.[0] === (s.locale === 'fr' ? 'Analyses' : 'Insights'));
    const block = dash.blocks[title + 1];
    const top = Number(/\d+/.exec(block.range)![0]);
    return { block, rows: block.cells.map((r, i) => [r[0], valueAt(wb, dash.name, `B${top + i}`)]) };
  };

  it('shows only the rules about cards, each with text, and the text wraps', () => {
    // MRR churn, CPL and conversion are cards; LTV:CAC, payback and velocity are not
    const { block, rows } = insights(setup(['mrr', 'mrr_churn', 'cpl', 'conversion_rate', 'cac']));
    // then the change explanations of the ratio cards (insights-change.test.ts)
    expect(rows.map((r) => r[0])).toEqual([
      'Targeting or qualification',
      'Churn trend',
      'Cost per lead: what moved',
      'Cost per lead by channel',
      'Lead-to-customer conversion: what moved',
      'Lead-to-customer conversion by channel',
      'Customer acquisition cost: what moved',
      'Customer acquisition cost by channel',
    ]);
    expect(rows.every(([, text]) => typeof text === 'string' && text.length > 0)).toBe(true);
    expect(rows[1][1]).toBe(
      'MRR churn has risen three periods in a row (1% → 2% → 2.3% → 19.6%): read the recent cohorts and talk to the accounts that left.',
    );
    expect(block.style?.wrap).toBe(true);
  });

  it('says which data to map when a rule is about a card without data', () => {
    const { ledger: _unmapped, ...mapping } = MAPPING;
    const { rows } = insights(setup(['mrr_churn', 'leads'], { mapping }));
    expect(rows).toEqual([['Churn trend', 'Needs Customer, Month and MRR mapped']]);
  });

  it('writes French text in a French plan', () => {
    const { rows } = insights(setup(['ltv_cac'], { locale: 'fr' }));
    expect(rows).toEqual([
      [
        'Économie unitaire',
        'Le ratio LTV/CAC est de 0.5, sous 3 : l’acquisition coûte trop cher pour la valeur des clients. Réduire le CAC ou améliorer la rétention.',
      ],
      // (1 − 0.89) × (1 / 2.29) − 1 = −95%: LTV's fall and CAC's rise compound
      ['Ratio LTV/CAC : ce qui a bougé', 'Ratio LTV/CAC 9.8 → 0.5 (-95 %) depuis la période précédente : LTV -89 %, CAC +129 %'],
    ]);
  });
});
