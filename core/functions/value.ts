import { marginParam, requireFraction } from '../args/fraction';
import { divZeroError } from '../errors';
import { defineFunction } from '../registry/types';
import { ratio } from '../kpi/ratio';

const SECTION = 'Customer value';

export const ARPA = defineFunction({
  name: 'ARPA',
  section: SECTION,
  help: 'Average revenue per account: revenue / customers.',
  params: [
    { name: 'revenue', kind: 'range', description: 'Recurring revenue of the period (MRR for a monthly ARPA).' },
    { name: 'customers', kind: 'range', description: 'Number of customers (accounts) in the period.' },
  ],
  result: 'number',
  example: { formula: '=ARPA(15, 5)', result: 3, working: "ChartMogul's example: $15 MRR / 5 customers = $3" },
  errors: ['#DIV/0! when customers sums to 0'],
  impl: (revenue, customers) => ratio(revenue.sum(), customers.sum(true), customers.name),
});

export const LTV = defineFunction({
  name: 'LTV',
  section: SECTION,
  help: 'Customer lifetime value: arpa × gross_margin × (1 + discount_rate) / (discount_rate + churn_rate).',
  details:
    'All rates per the same period as arpa (monthly ARPA with monthly churn). Without discounting this is arpa × margin / churn, the lifetime being 1 / churn periods.',
  params: [
    { name: 'arpa', kind: 'number', min: 0, description: 'Average revenue per account per period.' },
    { name: 'churn_rate', kind: 'number', description: 'Customer churn rate per period, a fraction (0.05 for 5%).' },
    marginParam('gross_margin', 'Gross margin as a fraction; default 1 (revenue LTV).'),
    { name: 'discount_rate', kind: 'number', optional: true, default: 0, min: 0, description: 'Discount rate per period; default 0.' },
  ],
  result: 'number',
  example: { formula: '=LTV(100, 0.05)', result: 2000, working: "ChartMogul's example: $100 ARPA / 5% churn = $2,000" },
  errors: [
    '#DIV/0! when churn_rate and discount_rate are both 0 (lifetime unbounded)',
    '#NUM! when churn_rate or gross_margin is outside 0..1',
  ],
  impl: (arpa, churn, margin, discount) => {
    requireFraction('churn_rate', churn);
    if (churn + discount === 0) throw divZeroError('churn rate 0: lifetime is unbounded');
    return (arpa * margin * (1 + discount)) / (discount + churn);
  },
});

export const LTV_CAC = defineFunction({
  name: 'LTV_CAC',
  section: SECTION,
  help: 'LTV to CAC ratio: ltv / cac (3 or more is the usual health mark).',
  params: [
    { name: 'ltv', kind: 'number', description: 'Customer lifetime value.' },
    { name: 'cac', kind: 'number', min: 0, description: 'Customer acquisition cost.' },
  ],
  result: 'number',
  example: { formula: '=LTV_CAC(2000, 500)', result: 4, working: '2000 / 500 = 4' },
  errors: ['#DIV/0! when cac is 0'],
  impl: (ltv, cac) => ratio(ltv, cac, 'cac'),
});

export const CAC_PAYBACK = defineFunction({
  name: 'CAC_PAYBACK',
  section: SECTION,
  help: 'Periods to earn back CAC: cac / (arpa × gross_margin).',
  params: [
    { name: 'cac', kind: 'number', min: 0, description: 'Customer acquisition cost.' },
    { name: 'arpa', kind: 'number', min: 0, description: 'Average revenue per account per period.' },
    marginParam('gross_margin', 'Gross margin as a fraction; default 1.'),
  ],
  result: 'number',
  example: { formula: '=CAC_PAYBACK(1200, 100, 0.8)', result: 15, working: '1200 / (100 × 0.8) = 1200 / 80 = 15 months' },
  errors: ['#DIV/0! when arpa × gross_margin is 0'],
  impl: (cac, arpa, margin) => ratio(cac, arpa * margin, 'arpa × gross_margin'),
});

export const VALUE_FUNCTIONS = [ARPA, LTV, LTV_CAC, CAC_PAYBACK];
