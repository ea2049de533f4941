/**
 * `npm run bench:m3 -- PATH/m3_monthly.csv`: accuracy on the M3 competition's 1,428 monthly series
 * (last 18 points held out), sMAPE = mean 200·|y − f| / (|y| + |f|) as Makridakis & Hibon (2000).
 * Runs FORECAST_ETS (season detected, as a user would call it) and KPI_FORECAST (season 12 given,
 * kept only when the 90% seasonality test passes) through the function registry.
 * The CSV (IIF data; columns series, n, nf, category, start_year, start_month, values) stays outside the repo.
 */
import { readFileSync } from 'fs';
import { FORECAST_ETS, KPI_FORECAST } from '../core/functions/forecast';
import { runFunction } from '../core/registry/run';

const PUBLISHED: [string, number][] = [
  ['Naive2', 16.91],
  ['Comb S-H-D', 14.48],
  ['ForecastPro', 13.86],
  ['Theta', 13.85],
];

export function loadM3(path: string): { name: string; start: [number, number]; values: number[]; nf: number }[] {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const at = (k: string) => head.indexOf(k);
  return lines.slice(1).map((line) => {
    const c = line.split(',');
    return { name: c[at('series')], start: [Number(c[at('start_year')]), Number(c[at('start_month')])], values: c[at('values')].trim().split(/\s+/).map(Number), nf: Number(c[at('nf')]) };
  });
}

const smape = (y: number, f: number) => (200 * Math.abs(y - f)) / (Math.abs(y) + Math.abs(f));
const serial = (y: number, m1: number) => Date.UTC(y, m1 - 1, 1) / 86400000 + 25569;

function main(): void {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: npm run bench:m3 -- PATH/m3_monthly.csv');
    process.exit(2);
  }
  const series = loadM3(path);
  let ets = 0;
  let kpi = 0;
  let count = 0;
  let inside = 0;
  let etsMs = 0;
  let kpiMs = 0;
  for (const s of series) {
    const H = s.nf;
    const train = s.values.slice(0, -H);
    const test = s.values.slice(-H);
    // Month-start dates from 1990 (some M3 series start before 1900, which spreadsheets cannot hold);
    // only the monthly spacing matters to the forecast.
    const [y0, m0] = [1990, 1];
    const timeline = train.map((_, i) => [serial(y0, m0 + i)]);
    const targets = test.map((_, h) => [serial(y0, m0 + train.length + h)]);
    let t0 = performance.now();
    const fe = runFunction(FORECAST_ETS, [targets, train.map((v) => [v]), timeline]) as number[][];
    etsMs += performance.now() - t0;
    t0 = performance.now();
    const fk = runFunction(KPI_FORECAST, [train.map((v) => [v]), H, 12]) as number[][];
    kpiMs += performance.now() - t0;
    for (let h = 0; h < H; h++) {
      ets += smape(test[h], fe[h][0]);
      kpi += smape(test[h], fk[h + 1][1]);
      if (test[h] >= fk[h + 1][2] && test[h] <= fk[h + 1][3]) inside++;
      count++;
    }
  }
  console.log(`M3 monthly: ${series.length} series, horizon 1-18, sMAPE (Makridakis & Hibon 2000)`);
  for (const [name, v] of PUBLISHED) console.log(`  ${name.padEnd(28)} ${v.toFixed(2)}  (published)`);
  console.log(`  ${'FORECAST_ETS (season detected)'.padEnd(28)} ${(ets / count).toFixed(2)}  ${(etsMs / 1000).toFixed(1)} s`);
  console.log(`  ${'KPI_FORECAST (season 12)'.padEnd(28)} ${(kpi / count).toFixed(2)}  ${(kpiMs / 1000).toFixed(1)} s; 95% interval coverage ${((100 * inside) / count).toFixed(1)}%`);
}

if (require.main === module) main();
