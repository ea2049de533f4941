import { RangeArg } from '../args/range';
import { divZeroError, numError } from '../errors';
import { PartChange, ratioChange } from '../kpi/change';
import { defineFunction, Table } from '../registry/types';

const SECTION = 'Changes between periods';

export const KPI_CHANGE = defineFunction({
  name: 'KPI_CHANGE',
  section: SECTION,
  help: 'Why a ratio KPI (CAC, CPL, ROAS…) changed between two periods: the part of its numerator and of its denominator.',
  details:
    'The KPI is numerator / denominator (CAC: spend / new customers), each the sum of its range for the period before and after. ' +
    'The table gives, for the KPI, the numerator and the denominator: Before, After, Change (after / before − 1), ' +
    'Effect on KPI (the KPI change had only that part moved: N1/N0 − 1 for the numerator, D0/D1 − 1 for the denominator; ' +
    'the two compound to the KPI change, (1 + a)(1 + b) = 1 + total), Log effect (ln(N1/N0) and −ln(D1/D0), which add up exactly to ln(R1/R0)) ' +
    'and Share of change (log effect / ln(R1/R0); the shares add up to 1, a part working against the change has a negative share, ' +
    'and the shares are blank when the KPI did not change). Logs need every sum to be positive.',
  params: [
    { name: 'numerator_before', kind: 'range', description: "The KPI's numerator in the earlier period (CAC: spend)." },
    { name: 'denominator_before', kind: 'range', description: "The KPI's denominator in the earlier period (CAC: new customers)." },
    { name: 'numerator_after', kind: 'range', description: "The KPI's numerator in the later period." },
    { name: 'denominator_after', kind: 'range', description: "The KPI's denominator in the later period." },
  ],
  result: 'table',
  example: {
    formula: '=KPI_CHANGE({600;400}, 10, 1200, 8)',
    result: [
      ['Part', 'Before', 'After', 'Change', 'Effect on KPI', 'Log effect', 'Share of change'],
      ['KPI', 100, 150, 0.5, 0.5, 0.4054651081081644, 1],
      ['Numerator', 1000, 1200, 0.2, 0.2, 0.1823215567939546, 0.4496602867867915],
      ['Denominator', 10, 8, -0.2, 0.25, 0.2231435513142098, 0.5503397132132085],
    ],
    working:
      'CAC 1000 / 10 = 100 → 1200 / 8 = 150, +50%. Spend alone +20%, customers 10 → 8 alone 10/8 − 1 = +25%; 1.2 × 1.25 = 1.5. ' +
      'ln 1.2 = 0.18232, −ln 0.8 = 0.22314, sum ln 1.5 = 0.40547; shares 0.18232 / 0.40547 = 45% and 55%',
  },
  errors: [
    '#DIV/0! when a denominator sums to 0',
    '#NUM! when a numerator sums to 0 or a cell is negative (the logs need positive sums)',
    '#VALUE! when a cell is not a number',
  ],
  impl: (n0, d0, n1, d1) => {
    const c = ratioChange(numeratorSum(n0), denominatorSum(d0), numeratorSum(n1), denominatorSum(d1));
    const row = (label: string, p: PartChange) => [label, p.before, p.after, p.change, p.effect, p.logEffect, p.share];
    const table: Table = [
      ['Part', 'Before', 'After', 'Change', 'Effect on KPI', 'Log effect', 'Share of change'],
      row('KPI', c.kpi),
      row('Numerator', c.numerator),
      row('Denominator', c.denominator),
    ];
    return table;
  },
});

/** A numerator's sum: non-negative cells, and not 0, since the change is split in logs. */
function numeratorSum(r: RangeArg): number {
  const s = r.sum(true);
  if (s === 0) throw numError(`${r.name} sums to 0: the KPI is 0 and its change cannot be split in logs`);
  return s;
}

function denominatorSum(r: RangeArg): number {
  const s = r.sum(true);
  if (s === 0) throw divZeroError(`${r.name} sums to 0`);
  return s;
}

export const CHANGE_FUNCTIONS = [KPI_CHANGE];
