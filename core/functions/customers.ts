import { marginParam } from '../args/fraction';
import { RangeArg, requireSameSize } from '../args/range';
import { valueError } from '../errors';
import { BgNbdParams, fitBgNbd } from '../customers/bgnbd';
import { commission, CommissionMethod } from '../customers/commission';
import { fitGammaGamma, GammaGammaParams } from '../customers/gammagamma';
import { clvAll, expectedPurchasesAll, pAliveAll } from '../customers/predict';
import { columnPerCell, readBgNbdParams, readCustomers, ReadCustomers, readGammaGammaParams } from '../customers/read';
import { RfmPeriod, rfmSummary } from '../customers/rfm';
import { defineFunction, ParamSpec, Table } from '../registry/types';

const SECTION = 'Customer predictions and commissions';

const SUMMARY_PARAMS = [
  {
    name: 'frequency',
    kind: 'range',
    description: 'Repeat purchases per customer (x): purchase days after the first, a whole number ≥ 0. RFM prints it.',
  },
  { name: 'recency', kind: 'range', description: 'Time from the first to the last purchase (t_x), in periods; 0 without repeats.' },
  { name: 'T', kind: 'range', description: 'Time from the first purchase to the end of observation, in the same periods.' },
] as const satisfies readonly ParamSpec[];

const PARAMS_PARAM = {
  name: 'params',
  kind: 'range',
  optional: true,
  description: 'r, alpha, a, b in a 1×4 range (the value row of BGNBD_FIT without LogLik); omitted: fitted on these customers.',
} as const satisfies ParamSpec;

const SUMMARY_ERRORS = [
  '#NUM! for a negative or fractional frequency, recency greater than T, frequency above 0 with recency 0 (or 0 with recency above 0)',
  '#VALUE! when the ranges differ in size or a row is partly blank',
] as const;
const FIT_ERRORS = [
  '#VALUE! when no customer has a repeat purchase',
  '#NUM! when the fit does not converge (a parameter runs off to 0 or ∞, or the likelihood is flat): too few customers or too little variation',
] as const;

const ROW_RESULT =
  'One row per input row, as a one-column table without a header, so it spills beside the customers; rows left blank in all inputs stay blank.';

// Hand-checkable parameters: with r = a + b − 1 the hypergeometric term of the expectation collapses,
// 2F1(r+x, a−1; r+x; −u) = (1+u)^(1−a), so E = (a+b+x−1)·u/(1+u)·P(alive) for a = 2 (see the tests).
const TOY_CUSTOMERS = '{0;1}, {0;5}, {10;10}';
const TOY_PARAMS = '{2,10,2,1}';

function bgnbdParams(read: ReadCustomers, params: RangeArg | undefined): BgNbdParams {
  return params ? readBgNbdParams(params) : fitBgNbd(read, read.where);
}

export const RFM = defineFunction({
  name: 'RFM',
  section: SECTION,
  help: 'Per-customer Frequency, Recency, T and Monetary from raw transactions, ready for BGNBD_FIT and GG_FIT.',
  details:
    'As in Fader & Hardie and the CDNOW summary: purchases on the same day count as one (their amounts add up); Frequency = repeat purchase days (days with a purchase after the first); Recency = last − first purchase day; T = as_of − first purchase day; both in period units (day; week = 7 days; month = 30.4375 days). Monetary = mean value of the repeat purchase days (the first purchase excluded; 0 without repeats). Transactions after as_of are ignored; customers appear in order of first appearance. On the CDNOW sample as of 1997-09-30 in weeks it reproduces the published summary.',
  params: [
    { name: 'customers', kind: 'range', description: 'Customer id of each transaction.' },
    { name: 'dates', kind: 'range', description: 'Date of each transaction (time of day ignored).' },
    { name: 'amounts', kind: 'range', description: 'Value of each transaction, ≥ 0.' },
    { name: 'as_of', kind: 'date', optional: true, description: 'End of the observation; default the last date in the data.' },
    {
      name: 'period',
      kind: 'choice',
      optional: true,
      default: 'week',
      choices: ['day', 'week', 'month'],
      description: 'Time unit of Recency and T: "day", "week" (default) or "month".',
    },
  ],
  result: 'table',
  example: {
    formula: '=RFM({"A";"A";"B";"A"}, {"2026-01-01";"2026-01-15";"2026-01-08";"2026-01-15"}, {10;30;5;20}, "2026-01-29", "week")',
    result: [
      ['Customer', 'Frequency', 'Recency', 'T', 'Monetary'],
      ['A', 1, 2, 4, 50],
      ['B', 0, 0, 3, 0],
    ],
    working:
      'A buys on Jan 1 and twice on Jan 15 (one purchase day worth 30 + 20 = 50): 1 repeat, recency 14/7 = 2, T 28/7 = 4, monetary 50. B: Jan 8 only: T 21/7 = 3',
  },
  errors: [
    '#VALUE! when the ranges differ in size, a row is partly blank, or no transaction falls on or before as_of',
    '#NUM! for a negative amount',
  ],
  impl: (customers, dates, amounts, asOf, period) => {
    requireSameSize(customers, dates, amounts);
    const ids = customers.alignedTexts();
    const days = dates.alignedDates();
    const values = amounts.alignedNumbers();
    const keep: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const blank = [ids[i] === null, days[i] === null, values[i] === null];
      if (blank.every(Boolean)) continue;
      const missing = [customers, dates, amounts].filter((_, k) => blank[k]);
      if (missing.length)
        throw valueError(
          `${missing.map((r) => r.at(i)).join(' and ')} blank but the same row has other values: fill in the transaction or clear it`,
        );
      keep.push(i);
    }
    const rows = rfmSummary(
      keep.map((i) => ids[i] as string),
      keep.map((i) => days[i] as number),
      keep.map((i) => values[i] as number),
      { asOf, period: period as RfmPeriod, where: (k) => `${amounts.at(keep[k])}` },
    );
    const table: Table = [['Customer', 'Frequency', 'Recency', 'T', 'Monetary']];
    for (const r of rows) table.push([r.customer, r.frequency, r.recency, r.T, r.monetary]);
    return table;
  },
});

export const BGNBD_FIT = defineFunction({
  name: 'BGNBD_FIT',
  section: SECTION,
  help: 'Fits the BG/NBD repeat-purchase model by maximum likelihood: r, alpha, a, b and the log-likelihood.',
  details:
    'Fader, Hardie & Lee (2005): while active a customer buys at Poisson rate λ ~ Gamma(r, alpha) (alpha in the time unit of the data); after each purchase they drop out with probability p ~ Beta(a, b). Maximum likelihood in log-parameters: Nelder-Mead from four starting points, then BFGS on the analytic gradient and Newton steps; identical customers are evaluated once. On the CDNOW summary (2,357 customers, weeks) it gives r 0.243, alpha 4.414, a 0.793, b 2.426, LogLik −9582.43, as the paper. Pass the value row (first four cells) to P_ALIVE, CHURN_RISK, EXPECTED_PURCHASES or CLV_PREDICT to reuse the fit.',
  params: SUMMARY_PARAMS,
  result: 'table',
  example: {
    formula: '=BGNBD_FIT({3;2;1;0;0;1;1;0;1;0}, {7;2;1;0;0;5;4;0;7;0}, {8;6;10;6;10;11;11;10;7;7})',
    result: [
      ['r', 'alpha', 'a', 'b', 'LogLik'],
      [1.7157207652875752, 11.740072953671746, 1.322988287378325, 2.1233428264900187, -28.907846369374326],
    ],
    working:
      'Maximum likelihood, not a closed form: an independent SciPy fit (Nelder-Mead + BFGS on gammaln/betaln) gives r 1.71572, alpha 11.7401, a 1.32299, b 2.12334 and LogLik −28.9078463693743 (test/customers/refs/scipy_reference.py)',
  },
  errors: [...SUMMARY_ERRORS, ...FIT_ERRORS],
  impl: (frequency, recency, T) => {
    const read = readCustomers(frequency, recency, T);
    const fit = fitBgNbd(read, read.where);
    return [
      ['r', 'alpha', 'a', 'b', 'LogLik'],
      [fit.r, fit.alpha, fit.a, fit.b, fit.logLik],
    ];
  },
});

export const P_ALIVE = defineFunction({
  name: 'P_ALIVE',
  section: SECTION,
  help: 'Probability that each customer is still active (BG/NBD), one row per customer.',
  details: `P(alive | x, t_x, T) = 1 / (1 + a/(b+x−1) · ((alpha+T)/(alpha+t_x))^(r+x)) for x > 0, and 1 for x = 0 (in BG/NBD a customer can only drop out right after a repeat purchase). ${ROW_RESULT}`,
  params: [...SUMMARY_PARAMS, PARAMS_PARAM],
  result: 'table',
  example: {
    formula: `=P_ALIVE(${TOY_CUSTOMERS}, ${TOY_PARAMS})`,
    result: [[1], [27 / 155]],
    working:
      'r 2, alpha 10, a 2, b 1. No repeat: 1. x 1, t_x 5, T 10: 1 / (1 + 2/(1+1−1) · (20/15)^3) = 1 / (1 + 128/27) = 27/155 = 0.1742',
  },
  errors: [
    ...SUMMARY_ERRORS,
    '#VALUE! when params is not 4 numbers',
    '#NUM! when a parameter is not positive',
    ...FIT_ERRORS.map((e) => `${e} (params omitted)`),
  ],
  impl: (frequency, recency, T, params) => {
    const read = readCustomers(frequency, recency, T);
    return columnPerCell(read, pAliveAll(bgnbdParams(read, params), read, read.where));
  },
});

export const CHURN_RISK = defineFunction({
  name: 'CHURN_RISK',
  section: SECTION,
  help: 'Probability that each customer has already dropped out: 1 − P_ALIVE, one row per customer.',
  details: `1 − P(alive) under BG/NBD; 0 for customers without repeat purchases. ${ROW_RESULT}`,
  params: [...SUMMARY_PARAMS, PARAMS_PARAM],
  result: 'table',
  example: {
    formula: `=CHURN_RISK(${TOY_CUSTOMERS}, ${TOY_PARAMS})`,
    result: [[0], [128 / 155]],
    working: '1 − P_ALIVE: 1 − 1 = 0 and 1 − 27/155 = 128/155 = 0.8258',
  },
  errors: [
    ...SUMMARY_ERRORS,
    '#VALUE! when params is not 4 numbers',
    '#NUM! when a parameter is not positive',
    ...FIT_ERRORS.map((e) => `${e} (params omitted)`),
  ],
  impl: (frequency, recency, T, params) => {
    const read = readCustomers(frequency, recency, T);
    const alive = pAliveAll(bgnbdParams(read, params), read, read.where);
    return columnPerCell(
      read,
      alive.map((p) => 1 - p),
    );
  },
});

export const EXPECTED_PURCHASES = defineFunction({
  name: 'EXPECTED_PURCHASES',
  section: SECTION,
  help: 'Expected purchases of each customer in the next horizon periods (BG/NBD), one row per customer.',
  details: `E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((alpha+T)/(alpha+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(alpha+T+t))] · P(alive) (Fader, Hardie & Lee 2005, eq. 10), with the hypergeometric function evaluated by series, Pfaff and 1 − z transformations. On CDNOW a customer with x 2, t_x 30.43, T 38.86 expects 1.226 purchases in the next 39 weeks. ${ROW_RESULT}`,
  params: [
    ...SUMMARY_PARAMS,
    { name: 'horizon', kind: 'number', min: 0, description: 'Periods ahead, in the unit of recency and T.' },
    PARAMS_PARAM,
  ],
  result: 'table',
  example: {
    formula: `=EXPECTED_PURCHASES(${TOY_CUSTOMERS}, 20, ${TOY_PARAMS})`,
    result: [[1], [40.5 / 155]],
    working:
      'r 2, alpha 10, a 2, b 1, so r = a + b − 1 and 2F1(r+x, a−1; r+x; −u) = (1+u)^(−1): E = (a+b+x−1) · u/(1+u) · P(alive) with u = 20/(10+10) = 1. x 0: 2 · ½ · 1 = 1. x 1: 3 · ½ · 27/155 = 40.5/155 = 0.2613',
  },
  errors: [
    ...SUMMARY_ERRORS,
    '#NUM! when horizon is negative',
    '#VALUE! when params is not 4 numbers',
    ...FIT_ERRORS.map((e) => `${e} (params omitted)`),
  ],
  impl: (frequency, recency, T, horizon, params) => {
    const read = readCustomers(frequency, recency, T);
    return columnPerCell(read, expectedPurchasesAll(bgnbdParams(read, params), read, horizon, read.where));
  },
});

export const GG_FIT = defineFunction({
  name: 'GG_FIT',
  section: SECTION,
  help: 'Fits the Gamma-Gamma spend model on the repeat customers: p, q, v and the log-likelihood.',
  details:
    'Fader & Hardie (2013): each purchase of a customer is Gamma(p, ν) with ν ~ Gamma(q, v) across customers, so a customer with x repeat purchases of mean value z̄ is expected to spend p(v + x z̄)/(px + q − 1) per purchase. Fitted by maximum likelihood on customers with frequency > 0 (others are skipped; their monetary is ignored). On the 946 CDNOW repeat customers it gives p 6.25, q 3.74, v 15.44. The model assumes spend does not depend on frequency; check that before relying on it.',
  params: [
    { name: 'frequency', kind: 'range', description: 'Repeat purchases per customer.' },
    {
      name: 'monetary',
      kind: 'range',
      description: "Mean value of each customer's repeat purchases (RFM's Monetary); > 0 where frequency > 0.",
    },
  ],
  result: 'table',
  example: {
    formula: '=GG_FIT({2;1;2;2;3;3}, {40;15;50;35;15;20})',
    result: [
      ['p', 'q', 'v', 'LogLik'],
      [14.466199216986121, 5.594610612273785, 9.41842213574244, -23.651459390819724],
    ],
    working:
      'Maximum likelihood, not a closed form: an independent SciPy fit (gammaln, Nelder-Mead + BFGS) gives p 14.4662, q 5.59461, v 9.41842 and LogLik −23.6514593908196 (test/customers/refs/scipy_reference.py)',
  },
  errors: [
    '#VALUE! when the ranges differ in size, a row is partly blank, or fewer than two customers have frequency > 0',
    '#NUM! for a negative or fractional frequency, monetary ≤ 0 with frequency > 0, or when the fit does not converge',
  ],
  impl: (frequency, monetary) => {
    const read = readSpend(frequency, monetary);
    const fit = fitGammaGamma(read.frequency, read.monetary, read.where);
    return [
      ['p', 'q', 'v', 'LogLik'],
      [fit.p, fit.q, fit.v, fit.logLik],
    ];
  },
});

function readSpend(frequency: RangeArg, monetary: RangeArg): { frequency: number[]; monetary: number[]; where: (i: number) => string } {
  requireSameSize(frequency, monetary);
  const x = frequency.alignedNumbers();
  const m = monetary.alignedNumbers();
  const out = { frequency: [] as number[], monetary: [] as number[], cell: [] as number[] };
  for (let i = 0; i < x.length; i++) {
    if (x[i] === null && m[i] === null) continue;
    if (x[i] === null || m[i] === null)
      throw valueError(
        `${(x[i] === null ? frequency : monetary).at(i)} is blank but the same row has a value: fill it in or clear the row`,
      );
    out.frequency.push(x[i] as number);
    out.monetary.push(m[i] as number);
    out.cell.push(i);
  }
  return { ...out, where: (i) => `customer at ${frequency.at(out.cell[i])}` };
}

export const CLV_PREDICT = defineFunction({
  name: 'CLV_PREDICT',
  section: SECTION,
  help: 'Expected margin of each customer over the horizon: BG/NBD purchases × Gamma-Gamma spend × margin, discounted per period.',
  details: `CLV = margin × E[M | x, z̄] × Σ_{i=1..⌈horizon⌉} (E[Y(tᵢ)] − E[Y(tᵢ₋₁)]) / (1 + discount_rate)^tᵢ with tᵢ = min(i, horizon): the purchases expected in each period, valued at the customer's expected spend (Gamma-Gamma; the population mean pv/(q−1) for customers without repeats) and discounted to today. With discount_rate 0 it is margin × E[M] × EXPECTED_PURCHASES. Both models are fitted on the given customers unless bgnbd_params (r, alpha, a, b) and gg_params (p, q, v) are passed; pass them to keep the values stable while the sheet grows. ${ROW_RESULT}`,
  params: [
    ...SUMMARY_PARAMS,
    {
      name: 'monetary',
      kind: 'range',
      description: "Mean value of the repeat purchases (RFM's Monetary); 0 for customers without repeats.",
    },
    { name: 'horizon', kind: 'number', min: 0, description: 'Periods ahead, in the unit of recency and T.' },
    { name: 'discount_rate', kind: 'number', optional: true, default: 0, description: 'Discount rate per period, a fraction; default 0.' },
    marginParam('margin', 'Margin on spend, a fraction; default 1 (revenue).'),
    { name: 'bgnbd_params', kind: 'range', optional: true, description: 'r, alpha, a, b (1×4); omitted: fitted on these customers.' },
    { name: 'gg_params', kind: 'range', optional: true, description: 'p, q, v (1×3); omitted: fitted on these customers.' },
  ],
  result: 'table',
  example: {
    formula: `=CLV_PREDICT(${TOY_CUSTOMERS}, {0;20}, 20, 0, 0.5, ${TOY_PARAMS}, {2,3,10})`,
    result: [[5], [303.75 / 155]],
    working:
      'Expected purchases over 20 periods as in EXPECTED_PURCHASES: 1 and 40.5/155. Spend (p 2, q 3, v 10): x 0: pv/(q−1) = 10; x 1, z̄ 20: p(v + x z̄)/(px + q − 1) = 2 · 30/4 = 15. CLV = 0.5 × 10 × 1 = 5 and 0.5 × 15 × 40.5/155 = 303.75/155 = 1.9597',
  },
  errors: [
    ...SUMMARY_ERRORS,
    '#NUM! for monetary ≤ 0 where frequency > 0, a negative horizon, discount_rate ≤ −1, or q ≤ 1 (mean spend unbounded)',
    ...FIT_ERRORS.map((e) => `${e} (params omitted)`),
  ],
  impl: (frequency, recency, T, monetary, horizon, discountRate, margin, bgnbdRange, ggRange) => {
    const read = readCustomers(frequency, recency, T, monetary);
    const bg = bgnbdParams(read, bgnbdRange);
    const gg: GammaGammaParams = ggRange ? readGammaGammaParams(ggRange) : fitGammaGamma(read.frequency, read.monetary, read.where);
    return columnPerCell(read, clvAll(bg, gg, read, { horizon, discountRate, margin }, read.where));
  },
});

export const COMMISSION = defineFunction({
  name: 'COMMISSION',
  section: SECTION,
  help: "Tiered commission on an amount: marginal (each slice at its tier's rate) or retroactive (all at the highest tier reached), with an optional cap.",
  details:
    "tier_starts are attainment levels as fractions of quota (0, 0.5, 1, 1.5 …), strictly ascending from 0; tier_rates the rate of each tier. A tier is reached when amount / quota ≥ its start (exactly 100% reaches a tier starting at 1). marginal: like tax brackets, each slice of the amount between two tier starts earns that tier's rate. retroactive: the whole amount earns the rate of the highest tier reached. A low first tier (say 2% below 50% of quota) is a decelerator; higher rates above quota are accelerators. cap limits the payout. amount is summed like SUM, so a column of one owner's deals works.",
  params: [
    { name: 'amount', kind: 'range', description: 'Booked amount (summed), ≥ 0.' },
    { name: 'quota', kind: 'number', description: 'Quota for the period, > 0.' },
    { name: 'tier_starts', kind: 'range', description: 'Attainment where each tier starts, fractions of quota ascending from 0.' },
    { name: 'tier_rates', kind: 'range', description: 'Commission rate of each tier, fractions (5% is 0.05).' },
    {
      name: 'method',
      kind: 'choice',
      optional: true,
      default: 'marginal',
      choices: ['marginal', 'retroactive'],
      description: '"marginal" (default) or "retroactive".',
    },
    { name: 'cap', kind: 'number', optional: true, description: 'Maximum payout; omitted: no cap.' },
  ],
  result: 'number',
  example: {
    formula: '=COMMISSION(220000, 200000, {0;0.5;1}, {0.02;0.05;0.08}, "retroactive")',
    result: 17600,
    working: 'attainment 220,000 / 200,000 = 110% reaches the tier starting at 100% (8%): 220,000 × 8% = 17,600',
  },
  errors: [
    '#VALUE! when tier_starts and tier_rates differ in size or have blanks in different rows',
    '#NUM! when quota ≤ 0, the amount is negative, tier_starts do not ascend from 0, a rate is negative, or cap is negative',
  ],
  impl: (amount, quota, tierStarts, tierRates, method, cap) => {
    requireSameSize(tierStarts, tierRates);
    const starts = tierStarts.alignedNumbers();
    const rates = tierRates.alignedNumbers();
    const s: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < starts.length; i++) {
      if (starts[i] === null && rates[i] === null) continue;
      if (starts[i] === null || rates[i] === null)
        throw valueError(
          `${(starts[i] === null ? tierStarts : tierRates).at(i)} is blank but the other range has a value in that row: give each tier a start and a rate`,
        );
      s.push(starts[i] as number);
      r.push(rates[i] as number);
    }
    return commission(amount.sum(), { quota, tierStarts: s, tierRates: r, method: method as CommissionMethod, cap }).payout;
  },
});

export const CUSTOMER_FUNCTIONS = [RFM, BGNBD_FIT, P_ALIVE, CHURN_RISK, EXPECTED_PURCHASES, GG_FIT, CLV_PREDICT, COMMISSION];
