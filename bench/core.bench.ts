import { callFunction } from '../core/hosts';
import { seededRandom as rng } from '../core/math/random';
import { compare, report, section, time } from './harness';

function kpi(name: string, ...args: unknown[]): unknown {
  const outcome = callFunction(name, args);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

function ratioKpis(): void {
  section('Ratio KPIs over 1,000,000-row ranges (target: within 3× of a plain loop)');
  const n = 1_000_000;
  const r = rng(1);
  const spend = Array.from({ length: n }, () => [Math.round(r() * 1000)]);
  const customers = Array.from({ length: n }, () => [Math.floor(r() * 5)]);
  const revenue = Array.from({ length: n }, () => [Math.round(r() * 3000)]);
  const channels = ['Search', 'Social', 'Email', 'Display', 'Referral', 'Events'];
  const groups = Array.from({ length: n }, () => [channels[Math.floor(r() * channels.length)]]);

  const plainSum2 = () => {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      a += spend[i][0];
      b += customers[i][0];
    }
    return a / b;
  };
  const loop = time(plainSum2);
  compare(
    'CAC(spend, new_customers)',
    time(() => kpi('CAC', spend, customers)),
    'plain loop',
    loop,
  );
  compare(
    'ROMI(revenue, spend)',
    time(() => kpi('ROMI', revenue, spend)),
    'plain loop',
    loop,
  );
  const groupedLoop = time(() => {
    const sums = new Map<string, [number, number]>();
    for (let i = 0; i < n; i++) {
      const key = groups[i][0];
      const s = sums.get(key) ?? [0, 0];
      s[0] += spend[i][0];
      s[1] += customers[i][0];
      sums.set(key, s);
    }
    return sums;
  });
  compare(
    'KPI_BY("CAC", channel, spend, new_customers)',
    time(() => kpi('KPI_BY', 'CAC', groups, spend, customers), 3),
    'plain loop',
    loop,
  );
  compare(
    'KPI_BY("CAC", ...) against a grouped plain loop',
    time(() => kpi('KPI_BY', 'CAC', groups, spend, customers), 3),
    'grouped loop',
    groupedLoop,
  );
}

function ledgerKpis(): void {
  section('Subscription ledger of 100,000 rows (target: under 1 s each)');
  const r = rng(2);
  const customers: string[][] = [];
  const months: number[][] = [];
  const amounts: number[][] = [];
  // 5,000 customers over 24 months with churn and returns: about 100,000 rows
  for (let c = 0; c < 5000 && customers.length < 100_000; c++) {
    const start = Math.floor(r() * 12);
    let mrr = 50 + Math.round(r() * 450);
    for (let m = start; m < 36 && customers.length < 100_000; m++) {
      if (r() < 0.05) continue; // a month off: churn then reactivation
      if (r() < 0.1) mrr = Math.max(10, mrr + Math.round((r() - 0.4) * 100));
      customers.push([`C${c}`]);
      months.push([46023 + Math.floor(m * 30.44)]); // serial dates from 2026-01
      amounts.push([mrr]);
    }
  }
  console.log(`ledger: ${customers.length} rows, 5,000 customers, 36 months`);
  const month = 46023 + 20 * 30.44;
  report(
    'MRR_MOVEMENTS',
    time(() => kpi('MRR_MOVEMENTS', customers, months, amounts, month), 3),
  );
  report(
    'NRR (start to start + 12 months)',
    time(() => kpi('NRR', customers, months, amounts, 46023 + 8 * 30.44, month), 3),
  );
  report(
    'COHORT_RETENTION',
    time(() => kpi('COHORT_RETENTION', customers, months), 3),
  );
}

export function run(): void {
  ratioKpis();
  ledgerKpis();
}
