/**
 * Change explanations on the dashboard, evaluated in HyperFormula: for each ratio KPI card, its
 * change since the previous period with the change of its numerator and denominator. Expected
 * texts are worked by hand from the fixture company (test/fixtures/dashboard/company.ts) and, on
 * the playground's sample company, from plain sums over the generated rows (sample-arithmetic.ts).
 */
import { CATALOG, KpiId } from '../../core/dashboard/catalog';
import { RATIO_KPIS } from '../../core/dashboard/formulas';
import { detectMapping } from '../../core/dashboard/mapping';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { generateSample } from '../../playground/sample/company';
import { AS_OF, SHEETS } from '../fixtures/dashboard/company';
import { monthFigures } from '../xlsx/sample-arithmetic';
import { applyToWorkbook, valueAt } from './hf-apply';

type Data = Record<string, (string | number | boolean | null)[][]>;

function insightRows(data: Data, kpis: KpiId[], asOf: string, extra: Partial<DashboardSetup> = {}) {
  const mapping = detectMapping(
    Object.entries(data).map(([name, rows]) => ({ name, headers: rows[0] as string[], rows: rows.length - 1 })),
  ).mapping;
  const setup: DashboardSetup = {
    v: 1,
    locale: 'en',
    kpis,
    mapping,
    goals: [],
    options: { grossMargin: 1, nrrMonths: 2, trendPeriods: 4 },
    ...extra,
  };
  const plan = buildPlan({ setup, asOf });
  const dash = plan.sheets[0];
  const wb = applyToWorkbook(plan, data);
  const title = dash.blocks.findIndex((b) => b.cells[0]?.[0] === (setup.locale === 'fr' ? 'Analyses' : 'Insights'));
  const block = dash.blocks[title + 1];
  const top = Number(/\d+/.exec(block.range)![0]);
  return block.cells.map((r, i) => [r[0], valueAt(wb, dash.name, `B${top + i}`)] as [string, unknown]);
}

const FIXTURE = SHEETS as unknown as Data;

describe('the catalog and the formulas agree on which KPIs are ratios', () => {
  it('every KPI with named parts has part formulas, and no other', () => {
    expect(
      CATALOG.filter((k) => k.ratio)
        .map((k) => k.id)
        .sort(),
    ).toEqual([...RATIO_KPIS].sort());
  });
});

describe('change explanations on the fixture company (February → March 2026)', () => {
  // Marketing, February: Ads spend 1500, leads 50, customers 4; Referral spend 100, leads 10, customers 1
  //   → spend 1600, leads 60, new customers 5. March: Ads 2000 / 40 / 2; Referral 200 / 10 / 1
  //   → spend 2200, leads 50, new customers 3.
  it('CAC, CPL and conversion: the KPI before → after, and each part’s own change, whole percent', () => {
    const rows = insightRows(FIXTURE, ['cac', 'cpl', 'conversion_rate', 'leads'], AS_OF);
    const change = rows.filter(([title]) => title.endsWith('what moved'));
    expect(change).toEqual([
      // CAC 1600/5 = 320 → 2200/3 = 733.33; 733.33/320 − 1 = +129.2%; spend 2200/1600 − 1 = +37.5% → +38; customers 3/5 − 1 = −40%
      [
        'Customer acquisition cost: what moved',
        'Customer acquisition cost 320 → 733.33 (+129%) since the previous period: spend +38%, new customers -40%',
      ],
      // CPL 1600/60 = 26.67 → 2200/50 = 44; 44/26.667 − 1 = +65%; leads 50/60 − 1 = −16.7% → −17
      ['Cost per lead: what moved', 'Cost per lead 26.67 → 44 (+65%) since the previous period: spend +38%, leads -17%'],
      // conversion 5/60 = 8.3% → 3/50 = 6%; 0.06/0.08333 − 1 = −28%; customers −40%, leads −17%
      [
        'Lead-to-customer conversion: what moved',
        'Lead-to-customer conversion 8.3% → 6% (-28%) since the previous period: new customers -40%, leads -17%',
      ],
    ]);
    // the parts compound to the KPI's change: (1.375 / 0.6) − 1 = +129.2% for CAC, as the card's change shows
    expect(2200 / 1600 / (3 / 5) - 1).toBeCloseTo(733.3333 / 320 - 1, 4);
  });

  it('with a channel column, a row under each marketing ratio splits its change by channel into mix and rate', () => {
    const rows = new Map(insightRows(FIXTURE, ['cac', 'cpl', 'conversion_rate'], AS_OF));
    expect([...rows.keys()].filter((t) => t.endsWith('by channel'))).toEqual([
      'Customer acquisition cost by channel',
      'Cost per lead by channel',
      'Lead-to-customer conversion by channel',
    ]);
    // CAC by channel. February: Ads 1500 / 4 = 375, Referral 100 / 1 = 100; shares of customers 0.8, 0.2; CAC 320.
    // March: Ads 2000 / 2 = 1000, Referral 200 / 1 = 200; shares 2/3, 1/3; CAC 733.33.
    //   Ads mix (2/3 − 0.8) × (375 + 1000)/2 = −91.667, rate (1000 − 375) × (0.8 + 2/3)/2 = 458.333, total 366.667
    //   Referral mix (1/3 − 0.2) × (100 + 200)/2 = 20, rate (200 − 100) × (0.2 + 1/3)/2 = 26.667, total 46.667
    //   mix −71.667, rate 485, together 413.333 = 733.333 − 320. Over 320, in percent:
    const expected = [129.17, -22.4, 151.56, 114.58, -28.65, 143.23, 14.58, 6.25, 8.33];
    const text = rows.get('Customer acquisition cost by channel') as string;
    const m =
      /^Change (\S+)%: mix (\S+)%, rate (\S+)%\. Largest: Ads (\S+)% \(mix (\S+)%, rate (\S+)%\), Referral (\S+)% \(mix (\S+)%, rate (\S+)%\)$/.exec(
        text,
      );
    expect(m).not.toBeNull();
    m!.slice(1).forEach((v, i) => expect(Math.abs(Number(v) - expected[i])).toBeLessThanOrEqual(0.051)); // one decimal shown
    // without a channel column there is no such row
    const mapping = detectMapping(
      Object.entries(FIXTURE).map(([name, r]) => ({ name, headers: r[0] as string[], rows: r.length - 1 })),
    ).mapping;
    const { channel: _c, ...columns } = mapping.marketing!.columns;
    const noChannel = insightRows(FIXTURE, ['cac'], AS_OF, { mapping: { ...mapping, marketing: { ...mapping.marketing!, columns } } });
    expect(noChannel.map(([t]) => t).filter((t) => t.endsWith('by channel'))).toEqual([]);
  });

  it('in French', () => {
    const rows = insightRows(FIXTURE, ['cac'], AS_OF, { locale: 'fr' });
    expect(rows.filter(([title]) => title.includes('bougé'))).toEqual([
      [
        'Coût d’acquisition client : ce qui a bougé',
        'Coût d’acquisition client 320 → 733.33 (+129 %) depuis la période précédente : dépenses +38 %, nouveaux clients -40 %',
      ],
    ]);
  });

  it('says what it needs when the previous period has no value, and what to map when a part is unmapped', () => {
    // as of 2025-12-15 the previous period is November 2025: no marketing rows, CAC is blank there
    expect(insightRows(FIXTURE, ['cac'], '2025-12-15')).toContainEqual([
      'Customer acquisition cost: what moved',
      'Needs customer acquisition cost for the current and previous periods',
    ]);
    const { Marketing: _m, ...noMarketing } = FIXTURE;
    expect(insightRows(noMarketing, ['cac', 'mrr'], AS_OF)).toContainEqual([
      'Customer acquisition cost: what moved',
      'Needs Date or month, Marketing spend and New customers mapped',
    ]);
  });

  it('does not split a change from or to zero', () => {
    // ROAS with February's attributed revenue set to 0: 0 / 1600 = 0, a change from 0 has no split
    const marketing = FIXTURE.Marketing.map((r, i) => (i === 5 || i === 6 ? [...r.slice(0, 6), 0, ...r.slice(7)] : r));
    const rows = insightRows({ ...FIXTURE, Marketing: marketing }, ['roas'], AS_OF);
    // March: (1800 + 500) / 2200 = 1.045… → ROUND(…, 1) = 1
    expect(rows).toContainEqual([
      'Return on ad spend: what moved',
      'Return on ad spend 0 → 1: no split, the KPI is zero or negative in one of the two periods',
    ]);
  });

  it('only cards get explanations, and a dashboard of totals has none', () => {
    expect(insightRows(FIXTURE, ['leads', 'mrr'], AS_OF)).toEqual([
      [
        'No diagnostic rule reads the KPIs on this dashboard (rules cover CPL with conversion, LTV:CAC, CAC payback, MRR churn and pipeline velocity).',
        null,
      ],
    ]);
  });
});

describe('change explanations on the sample company (September → October 2026)', () => {
  const sample = generateSample();
  const data = sample.sheets as unknown as Data;
  const CARDS: KpiId[] = ['cac', 'cpl', 'conversion_rate', 'lead_to_opp', 'arpa', 'win_rate', 'avg_deal_size'];
  const all = insightRows(data, CARDS, '2026-10-15');
  const rows = all.filter(([title]) => title.endsWith('what moved'));
  const [sep, oct] = [monthFigures(sample.sheets, '2026-09'), monthFigures(sample.sheets, '2026-10')];
  /** "+12%" / "-6%" as the row writes a relative change, from plain numbers. */
  const pct = (after: number, before: number) => {
    const x = after / before - 1;
    return `${x >= 0.005 ? '+' : ''}${Math.round(100 * x) + 0}%`;
  };
  const parts: Record<string, [number, number, number, number]> = {
    // [numerator before, denominator before, numerator after, denominator after], from the rows
    cac: [sep.spend, sep.newCustomers, oct.spend, oct.newCustomers],
    cpl: [sep.spend, sep.leads, oct.spend, oct.leads],
    conversion_rate: [sep.newCustomers, sep.leads, oct.newCustomers, oct.leads],
    lead_to_opp: [sep.opportunities, sep.leads, oct.opportunities, oct.leads],
    arpa: [sep.mrr, sep.payingCustomers, oct.mrr, oct.payingCustomers],
    win_rate: [sep.won, sep.won + sep.lost, oct.won, oct.won + oct.lost],
    avg_deal_size: [sep.wonAmount, sep.won, oct.wonAmount, oct.won],
  };

  it('splits the marketing ratios by channel: the change written agrees with the sums of the rows', () => {
    const byChannel = all.filter(([title]) => title.endsWith('by channel'));
    expect(byChannel.map(([t]) => t)).toEqual([
      'Customer acquisition cost by channel',
      'Cost per lead by channel',
      'Lead-to-customer conversion by channel',
      'Lead-to-opportunity rate by channel',
    ]);
    for (const [title, text] of byChannel) {
      const id = CARDS.find((k) => title.startsWith(rows[CARDS.indexOf(k)][0].replace(': what moved', '')))!;
      const [n0, d0, n1, d1] = parts[id];
      const m =
        /^Change (\S+)%: mix (\S+)%, rate (\S+)%\. Largest: \S+ \S+% \(mix \S+%, rate \S+%\), \S+ \S+% \(mix \S+%, rate \S+%\)$/.exec(
          text as string,
        );
      expect(m).not.toBeNull();
      expect(Math.abs(Number(m![1]) - 100 * (n1 / d1 / (n0 / d0) - 1))).toBeLessThanOrEqual(0.051);
      expect(Math.abs(Number(m![2]) + Number(m![3]) - Number(m![1]))).toBeLessThanOrEqual(0.15); // mix + rate = change, each rounded
    }
  });

  it('has one row per ratio card, each with text', () => {
    expect(rows).toHaveLength(CARDS.length);
    for (const [, text] of rows) expect(typeof text === 'string' && text.length > 20).toBe(true);
  });

  it.each(CARDS)('%s: the changes written agree with the sums of the rows', (id) => {
    const [n0, d0, n1, d1] = parts[id];
    expect(Math.min(n0, d0, n1, d1)).toBeGreaterThan(0); // a month with data on both sides
    const text = rows[CARDS.indexOf(id)][1] as string;
    const m = /\(([+-]?\d+%)\) since the previous period: .+ ([+-]?\d+%), .+ ([+-]?\d+%)$/.exec(text);
    expect(m).not.toBeNull();
    expect([m![1], m![2], m![3]]).toEqual([pct(n1 / d1, n0 / d0), pct(n1, n0), pct(d1, d0)]);
  });
});
