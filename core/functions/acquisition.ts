import { divZeroError, numError } from '../errors';
import { requireSameSize } from '../args/range';
import { defineFunction } from '../registry/types';
import { ratio } from '../kpi/ratio';
import { funnelTable, salesCycleDays } from '../kpi/funnel';

const SECTION = 'Acquisition and funnel';

export const CAC = defineFunction({
  name: 'CAC',
  section: SECTION,
  help: 'Customer acquisition cost: (marketing spend + sales spend) / new customers.',
  details: 'Blended CAC over the whole range: totals first, then one division (not an average of monthly CACs).',
  params: [
    { name: 'marketing_spend', kind: 'range', description: 'Marketing spend over the period (a range or a number).' },
    { name: 'new_customers', kind: 'range', description: 'New customers won over the same period.' },
    { name: 'sales_spend', kind: 'range', optional: true, description: 'Sales spend over the period; omitted means 0.' },
  ],
  result: 'number',
  example: {
    formula: '=CAC({1000;2000}, {10;20}, {500;500})',
    result: 133.33333333333334,
    working: '(1000 + 2000 + 500 + 500) / (10 + 20) = 4000 / 30 = 133.33',
  },
  errors: ['#DIV/0! when new_customers sums to 0'],
  impl: (marketing, customers, sales) => ratio(marketing.sum(true) + (sales ? sales.sum(true) : 0), customers.sum(true), customers.name),
});

export const CPL = defineFunction({
  name: 'CPL',
  section: SECTION,
  help: 'Cost per lead: spend / leads.',
  params: [
    { name: 'spend', kind: 'range', description: 'Spend over the period.' },
    { name: 'leads', kind: 'range', description: 'Leads generated over the same period.' },
  ],
  result: 'number',
  example: { formula: '=CPL({1200;800}, {40;60})', result: 20, working: '(1200 + 800) / (40 + 60) = 2000 / 100 = 20' },
  errors: ['#DIV/0! when leads sums to 0'],
  impl: (spend, leads) => ratio(spend.sum(true), leads.sum(true), leads.name),
});

export const CONVERSION_RATE = defineFunction({
  name: 'CONVERSION_RATE',
  section: SECTION,
  help: 'Conversion rate as a fraction: conversions / base (visitors, leads...).',
  params: [
    { name: 'conversions', kind: 'range', description: 'Conversions (orders, sign-ups, customers).' },
    { name: 'base', kind: 'range', description: 'The population that could convert (visitors, leads).' },
  ],
  result: 'number',
  example: { formula: '=CONVERSION_RATE({30;20}, {1000;1500})', result: 0.02, working: '(30 + 20) / (1000 + 1500) = 50 / 2500 = 2%' },
  errors: ['#DIV/0! when base sums to 0'],
  impl: (conversions, base) => ratio(conversions.sum(true), base.sum(true), base.name),
});

export const LEAD_TO_OPP = defineFunction({
  name: 'LEAD_TO_OPP',
  section: SECTION,
  help: 'Lead-to-opportunity rate: opportunities / leads (a leading indicator).',
  params: [
    { name: 'opportunities', kind: 'range', description: 'Opportunities created from the leads.' },
    { name: 'leads', kind: 'range', description: 'Leads over the same period.' },
  ],
  result: 'number',
  example: { formula: '=LEAD_TO_OPP({12;8}, {100;60})', result: 0.125, working: '(12 + 8) / (100 + 60) = 20 / 160 = 12.5%' },
  errors: ['#DIV/0! when leads sums to 0'],
  impl: (opportunities, leads) => ratio(opportunities.sum(true), leads.sum(true), leads.name),
});

export const WIN_RATE = defineFunction({
  name: 'WIN_RATE',
  section: SECTION,
  help: 'Win rate: won / closed opportunities, where closed = won + lost (open deals excluded, as HubSpot counts it).',
  params: [
    { name: 'won', kind: 'range', description: 'Opportunities won.' },
    { name: 'closed', kind: 'range', description: 'Opportunities closed, won plus lost.' },
  ],
  result: 'number',
  example: { formula: '=WIN_RATE({3;2}, {10;10})', result: 0.25, working: '(3 + 2) / (10 + 10) = 5 / 20 = 25%' },
  errors: ['#DIV/0! when closed sums to 0', '#NUM! when more deals are won than closed'],
  impl: (won, closed) => {
    const w = won.sum(true);
    const c = closed.sum(true);
    if (w > c) throw numError(`${won.name} (${w}) is more than ${closed.name} (${c}): closed counts won plus lost deals`);
    return ratio(w, c, closed.name);
  },
});

export const PIPELINE_VELOCITY = defineFunction({
  name: 'PIPELINE_VELOCITY',
  section: SECTION,
  help: 'Pipeline velocity, revenue per day: open opportunities × win rate × average deal size / sales cycle days.',
  params: [
    { name: 'open_opportunities', kind: 'range', description: 'Number of open opportunities (a count or a range summed).' },
    { name: 'win_rate', kind: 'number', min: 0, max: 1, description: 'Win rate as a fraction (0.25 for 25%).' },
    { name: 'avg_deal_size', kind: 'number', min: 0, description: 'Average deal size.' },
    { name: 'cycle_days', kind: 'number', min: 0, description: 'Average sales cycle in days.' },
  ],
  result: 'number',
  example: {
    formula: '=PIPELINE_VELOCITY(40, 0.25, 12000, 60)',
    result: 2000,
    working: '40 × 0.25 × 12000 / 60 = 120000 / 60 = 2000 per day',
  },
  errors: ['#DIV/0! when cycle_days is 0', '#NUM! when win_rate is outside 0..1 or a value is negative'],
  impl: (open, winRate, dealSize, cycleDays) => {
    if (cycleDays === 0) throw divZeroError('cycle_days is 0: a sales cycle takes time');
    return (open.sum(true) * winRate * dealSize) / cycleDays;
  },
});

export const SALES_CYCLE = defineFunction({
  name: 'SALES_CYCLE',
  section: SECTION,
  help: 'Average days from created to closed, over deals that have both dates.',
  details: 'Rows missing either date (open deals) are skipped. "median" gives the median instead of the mean.',
  params: [
    { name: 'created_dates', kind: 'range', description: 'Date each deal was created.' },
    { name: 'closed_dates', kind: 'range', description: 'Date each deal was closed; blank for open deals.' },
    {
      name: 'method',
      kind: 'choice',
      optional: true,
      default: 'mean',
      choices: ['mean', 'median'],
      description: '"mean" (default) or "median".',
    },
  ],
  result: 'number',
  example: {
    formula: '=SALES_CYCLE({"2026-01-01";"2026-01-10";"2026-02-01"}, {"2026-01-31";"2026-02-19";""})',
    result: 35,
    working: 'deal 1: 30 days, deal 2: 40 days, deal 3 open (skipped); (30 + 40) / 2 = 35',
  },
  errors: ['#VALUE! when a deal closes before it was created (the row is named)', '#DIV/0! when no deal has both dates'],
  impl: (created, closed, method) => salesCycleDays(created, closed, method === 'median'),
});

export const FUNNEL = defineFunction({
  name: 'FUNNEL',
  section: SECTION,
  help: 'Funnel table: each stage with its count, step conversion and cumulative conversion.',
  details: 'Stages in the order given. A stage after a stage of 0 shows a blank conversion rather than an error.',
  params: [
    { name: 'stage_counts', kind: 'range', description: 'Count at each stage, top of the funnel first.' },
    { name: 'stage_names', kind: 'range', optional: true, description: 'Names of the stages; omitted means Stage 1, Stage 2...' },
  ],
  result: 'table',
  example: {
    formula: '=FUNNEL({1000;200;50}, {"Visits";"Leads";"Customers"})',
    result: [
      ['Stage', 'Count', 'Step conversion', 'Cumulative conversion'],
      ['Visits', 1000, 1, 1],
      ['Leads', 200, 0.2, 0.2],
      ['Customers', 50, 0.25, 0.05],
    ],
    working: '200 / 1000 = 20%; 50 / 200 = 25%; 50 / 1000 = 5%',
  },
  errors: ['#VALUE! when stage_names and stage_counts differ in size'],
  impl: (counts, names) => {
    if (names) requireSameSize(counts, names);
    return funnelTable(counts, names);
  },
});

export const ATV = defineFunction({
  name: 'ATV',
  section: SECTION,
  help: 'Average transaction value (order value, deal size): revenue / transactions.',
  params: [
    { name: 'revenue', kind: 'range', description: 'Revenue over the period.' },
    { name: 'transactions', kind: 'range', description: 'Number of transactions (orders, deals) over the period.' },
  ],
  result: 'number',
  example: { formula: '=ATV({5000;7000}, {100;140})', result: 50, working: '(5000 + 7000) / (100 + 140) = 12000 / 240 = 50' },
  errors: ['#DIV/0! when transactions sums to 0'],
  impl: (revenue, transactions) => ratio(revenue.sum(), transactions.sum(true), transactions.name),
});

export const ACQUISITION_FUNCTIONS = [CAC, CPL, CONVERSION_RATE, LEAD_TO_OPP, WIN_RATE, PIPELINE_VELOCITY, SALES_CYCLE, FUNNEL, ATV];
