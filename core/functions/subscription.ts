import { monthIndex, monthLabel } from '../args/cells';
import { RangeArg, requireSameSize } from '../args/range';
import { divZeroError, numError, valueError } from '../errors';
import { cohortTable } from '../kpi/cohorts';
import { cohortRetention, movements, readLedger } from '../kpi/ledger';
import { ratio } from '../kpi/ratio';
import { defineFunction, ParamSpec } from '../registry/types';

const SECTION = 'Subscription revenue';

const LEDGER_PARAMS = [
  { name: 'customers', kind: 'range', description: 'Customer id of each ledger row.' },
  { name: 'months', kind: 'range', description: 'Month of each ledger row (any date in the month).' },
  { name: 'amounts', kind: 'range', description: 'MRR of that customer in that month; several rows for one customer and month add up.' },
] as const satisfies readonly ParamSpec[];

// A small ledger used by the examples: customer A churns in March, B expands, C is new in March.
const LEDGER_EXAMPLE = '{"A";"B";"A";"B";"C"}, {"2026-01-01";"2026-01-01";"2026-02-01";"2026-03-01";"2026-03-01"}, {100;50;100;80;30}';

const MONTH_TOTAL_PARAMS = [
  { name: 'months', kind: 'range', description: 'Month of each ledger row.' },
  { name: 'amounts', kind: 'range', description: 'MRR of each ledger row.' },
  { name: 'month', kind: 'date', description: 'The month to total (any date in it).' },
] as const satisfies readonly ParamSpec[];

export const MRR = defineFunction({
  name: 'MRR',
  section: SECTION,
  help: 'Monthly recurring revenue of one calendar month: the sum of the amounts dated in that month.',
  params: MONTH_TOTAL_PARAMS,
  result: 'number',
  example: {
    formula: '=MRR({"2026-03-01";"2026-03-15";"2026-04-01"}, {100;50;70}, "2026-03-31")',
    result: 150,
    working: 'two March rows: 100 + 50 = 150',
  },
  impl: (months, amounts, month) => mrrOfMonth(months, amounts, month),
});

export const ARR = defineFunction({
  name: 'ARR',
  section: SECTION,
  help: 'Annual recurring revenue: 12 × MRR of the month.',
  params: MONTH_TOTAL_PARAMS,
  result: 'number',
  example: {
    formula: '=ARR({"2026-03-01";"2026-03-15";"2026-04-01"}, {100;50;70}, "2026-03-31")',
    result: 1800,
    working: '12 × (100 + 50) = 1800',
  },
  impl: (months, amounts, month) => 12 * mrrOfMonth(months, amounts, month),
});

function mrrOfMonth(months: RangeArg, amounts: RangeArg, month: number): number {
  requireSameSize(months, amounts);
  const dates = months.alignedDates();
  const values = amounts.alignedNumbers();
  const target = monthIndex(month);
  let total = 0;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    const v = values[i];
    if (v !== null && d === null) throw valueError(`${months.at(i)} is blank but ${amounts.name} has ${v}`);
    if (d !== null && v !== null && monthIndex(d) === target) total += v;
  }
  return total;
}

export const MRR_MOVEMENTS = defineFunction({
  name: 'MRR_MOVEMENTS',
  section: SECTION,
  help: 'MRR movements of a month against the month before: New, Expansion, Contraction, Churn, Reactivation, Net new.',
  details:
    'Per customer, prev = MRR last month and cur = MRR this month (absent means 0). New: prev 0, cur > 0, never paid before. Reactivation: the same but the customer paid in some earlier month. Expansion: cur − prev when cur > prev > 0. Contraction: prev − cur when 0 < cur < prev. Churn: prev when cur is 0. Contraction and Churn are positive; Net new = New + Expansion + Reactivation − Contraction − Churn.',
  params: [...LEDGER_PARAMS, { name: 'month', kind: 'date', description: 'The month to analyse (any date in it).' }],
  result: 'table',
  example: {
    formula: `=MRR_MOVEMENTS(${LEDGER_EXAMPLE}, "2026-03-01")`,
    result: [
      ['New', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net new'],
      [30, 0, 0, 100, 80, 10],
    ],
    working: 'Feb: A 100, B 0. Mar: A 0 (churn 100), B 80 (paid in Jan: reactivation 80), C 30 (new). Net 30 + 80 − 100 = 10',
  },
  impl: (customers, months, amounts, month) => {
    const m = movements(readLedger(customers, months, amounts), monthIndex(month));
    return [
      ['New', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net new'],
      [m.newMrr, m.expansion, m.contraction, m.churn, m.reactivation, m.net],
    ];
  },
});

const PERIOD_PARAMS = [
  ...LEDGER_PARAMS,
  { name: 'start_month', kind: 'date', description: 'The cohort month: customers with MRR in it.' },
  { name: 'end_month', kind: 'date', description: 'The month their MRR is measured again.' },
] as const satisfies readonly ParamSpec[];

function retention(customers: RangeArg, months: RangeArg, amounts: RangeArg, start: number, end: number) {
  const s = monthIndex(start);
  const e = monthIndex(end);
  if (e < s) throw valueError(`end_month (${monthLabel(e)}) is before start_month (${monthLabel(s)})`);
  const r = cohortRetention(readLedger(customers, months, amounts), s, e);
  if (r.start === 0) throw divZeroError(`no customer has MRR in start_month (${monthLabel(s)})`);
  return r;
}

export const NRR = defineFunction({
  name: 'NRR',
  section: SECTION,
  help: 'Net revenue retention: MRR in end_month of the customers who paid in start_month / their MRR in start_month.',
  details: 'New customers after start_month are left out; expansion counts, so NRR can exceed 100%.',
  params: PERIOD_PARAMS,
  result: 'number',
  example: {
    formula: '=NRR({"A";"B";"A";"B"}, {"2026-01-01";"2026-01-01";"2026-02-01";"2026-02-01"}, {100;100;130;50}, "2026-01-01", "2026-02-01")',
    result: 0.9,
    working: 'start 100 + 100 = 200; end 130 + 50 = 180; 180 / 200 = 90%',
  },
  errors: ['#DIV/0! when nobody has MRR in start_month', '#VALUE! when end_month is before start_month'],
  impl: (customers, months, amounts, start, end) => {
    const r = retention(customers, months, amounts, start, end);
    return r.end / r.start;
  },
});

export const GRR = defineFunction({
  name: 'GRR',
  section: SECTION,
  help: 'Gross revenue retention: like NRR but each customer counts at most its start MRR (never above 100%).',
  params: PERIOD_PARAMS,
  result: 'number',
  example: {
    formula: '=GRR({"A";"B";"A";"B"}, {"2026-01-01";"2026-01-01";"2026-02-01";"2026-02-01"}, {100;100;130;50}, "2026-01-01", "2026-02-01")',
    result: 0.75,
    working: 'min(130, 100) + min(50, 100) = 150; 150 / 200 = 75%',
  },
  errors: ['#DIV/0! when nobody has MRR in start_month', '#VALUE! when end_month is before start_month'],
  impl: (customers, months, amounts, start, end) => {
    const r = retention(customers, months, amounts, start, end);
    return r.kept / r.start;
  },
});

export const REVENUE_CHURN = defineFunction({
  name: 'REVENUE_CHURN',
  section: SECTION,
  help: 'Revenue churn of a month: (churn + contraction) / MRR of the month before; net = TRUE subtracts expansion and reactivation.',
  details: 'Net revenue churn can be negative: expansion then outweighs losses.',
  params: [
    ...LEDGER_PARAMS,
    { name: 'month', kind: 'date', description: 'The month to measure.' },
    { name: 'net', kind: 'boolean', optional: true, default: false, description: 'TRUE for net revenue churn; default FALSE (gross).' },
  ],
  result: 'number',
  example: {
    formula:
      '=REVENUE_CHURN({"A";"B";"C";"A";"B"}, {"2026-01-01";"2026-01-01";"2026-01-01";"2026-02-01";"2026-02-01"}, {40;30;30;50;20}, "2026-02-01")',
    result: 0.4,
    working:
      'January 100 (A 40, B 30, C 30); February: C churns 30, B contracts 10, A expands 10. Gross (30 + 10) / 100 = 40%; with net TRUE, (40 − 10) / 100 = 30%',
  },
  errors: ['#DIV/0! when the month before has no MRR'],
  impl: (customers, months, amounts, month, net) => {
    const m = movements(readLedger(customers, months, amounts), monthIndex(month));
    const lost = m.churn + m.contraction - (net ? m.expansion + m.reactivation : 0);
    if (m.previousMrr === 0) throw divZeroError(`MRR of the month before (${monthLabel(monthIndex(month) - 1)}) is 0`);
    return lost / m.previousMrr;
  },
});

export const CHURN_RATE = defineFunction({
  name: 'CHURN_RATE',
  section: SECTION,
  help: 'Customer churn rate: customers lost / customers at the start of the period.',
  params: [
    { name: 'customers_at_start', kind: 'range', description: 'Customers at the start of each period.' },
    { name: 'customers_lost', kind: 'range', description: 'Customers lost during each period.' },
  ],
  result: 'number',
  example: { formula: '=CHURN_RATE(200, 10)', result: 0.05, working: '10 / 200 = 5%' },
  errors: ['#DIV/0! when customers_at_start sums to 0', '#NUM! when more customers are lost than there were at the start'],
  impl: (start, lost) => {
    const s = start.sum(true);
    const l = lost.sum(true);
    if (start.size === lost.size && start.size > 1) {
      // period by period when the two ranges line up, so the message names the row to fix
      const starts = start.alignedNumbers();
      const losts = lost.alignedNumbers();
      losts.forEach((v, i) => {
        if (v !== null && v > (starts[i] ?? 0))
          throw numError(
            `row ${i + 1}: ${lost.name} ${v} is more than ${start.name} ${starts[i] ?? 0}: a period cannot lose more customers than it started with`,
          );
      });
    }
    if (l > s)
      throw numError(`${lost.name} (${l}) is more than ${start.name} (${s}): a period cannot lose more customers than it started with`);
    return ratio(l, s, start.name);
  },
});

export const RETENTION_RATE = defineFunction({
  name: 'RETENTION_RATE',
  section: SECTION,
  help: 'Customer retention rate: (customers at end − new customers) / customers at start.',
  params: [
    { name: 'customers_start', kind: 'range', description: 'Customers at the start of the period.' },
    { name: 'customers_end', kind: 'range', description: 'Customers at the end of the period.' },
    { name: 'new_customers', kind: 'range', description: 'Customers acquired during the period.' },
  ],
  result: 'number',
  example: { formula: '=RETENTION_RATE(200, 210, 30)', result: 0.9, working: '(210 − 30) / 200 = 90%' },
  errors: ['#DIV/0! when customers_start sums to 0', '#NUM! when new customers exceed the customers at the end'],
  impl: (start, end, added) => {
    const e = end.sum(true);
    const n = added.sum(true);
    if (n > e) throw numError(`${added.name} (${n}) is more than ${end.name} (${e}): check the two ranges`);
    return ratio(e - n, start.sum(true), start.name);
  },
});

export const COHORT_RETENTION = defineFunction({
  name: 'COHORT_RETENTION',
  section: SECTION,
  help: 'Cohort triangle: per first-active month, the share of customers (or of M0 revenue) active 0, 1, 2... months later.',
  details:
    'A customer is active in a month when it has a row there (with an amount above 0 when amounts are given). Cohort labels are YYYY-MM text. Cells past the last month in the data are blank.',
  params: [
    { name: 'customers', kind: 'range', description: 'Customer id of each activity row.' },
    { name: 'dates', kind: 'range', description: 'Date of each activity row.' },
    {
      name: 'basis',
      kind: 'choice',
      optional: true,
      default: 'customers',
      choices: ['customers', 'revenue'],
      description: '"customers" (default) or "revenue" (needs amounts).',
    },
    { name: 'amounts', kind: 'range', optional: true, description: 'Revenue of each row; needed for basis "revenue".' },
  ],
  result: 'table',
  example: {
    formula: '=COHORT_RETENTION({"A";"B";"A";"C";"A"}, {"2026-01-05";"2026-01-20";"2026-02-03";"2026-02-10";"2026-03-01"})',
    result: [
      ['Cohort', 'Size', 'M0', 'M1', 'M2'],
      ['2026-01', 2, 1, 0.5, 0.5],
      ['2026-02', 1, 1, 0, null],
    ],
    working:
      'January cohort A, B: February only A (1/2), March only A (1/2). February cohort C: not active in March (0); April is past the data',
  },
  errors: ['#VALUE! when basis is "revenue" and amounts is missing'],
  impl: (customers, dates, basis, amounts) => cohortTable(customers, dates, basis === 'revenue', amounts),
});

export const QUICK_RATIO = defineFunction({
  name: 'QUICK_RATIO',
  section: SECTION,
  help: 'SaaS quick ratio: (new + expansion + reactivation MRR) / (contraction + churn MRR).',
  params: [
    { name: 'new_mrr', kind: 'range', description: 'New MRR. (Named new_mrr because new is a reserved word in Apps Script.)' },
    { name: 'expansion', kind: 'range', description: 'Expansion MRR.' },
    { name: 'reactivation', kind: 'range', description: 'Reactivation MRR.' },
    { name: 'contraction', kind: 'range', description: 'Contraction MRR, as a positive amount.' },
    { name: 'churn', kind: 'range', description: 'Churned MRR, as a positive amount.' },
  ],
  result: 'number',
  example: { formula: '=QUICK_RATIO(300, 100, 0, 50, 150)', result: 2, working: '(300 + 100 + 0) / (50 + 150) = 2' },
  errors: ['#DIV/0! when contraction + churn is 0'],
  impl: (added, expansion, reactivation, contraction, churn) =>
    ratio(added.sum(true) + expansion.sum(true) + reactivation.sum(true), contraction.sum(true) + churn.sum(true), 'contraction + churn'),
});

export const SUBSCRIPTION_FUNCTIONS = [
  MRR,
  ARR,
  MRR_MOVEMENTS,
  NRR,
  GRR,
  REVENUE_CHURN,
  CHURN_RATE,
  RETENTION_RATE,
  COHORT_RETENTION,
  QUICK_RATIO,
];
