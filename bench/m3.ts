/**
 * `npm run bench:m3 -- PATH/m3_monthly.csv [--calibrate] [--r] [--limit N]`: accuracy on the M3
 * competition's 1,428 monthly series (last 18 points held out), sMAPE = mean 200·|y − f| / (|y| + |f|)
 * as Makridakis & Hibon (2000), through the function registry:
 * - FORECAST_ETS with its season detected from the monthly timeline (as a user would call it);
 * - KPI_FORECAST with its default (seasonality 1: detect, values only, no timeline) beside
 *   KPI_FORECAST told the season (12, kept when the 90% seasonality test passes), with the 95%
 *   interval coverage of each on the held-out points;
 * - --calibrate: the interval widening (combination.ts WIDEN) chosen on the training data only:
 *   each series' last 18 training points are held out, and the coverage of the default's 95%
 *   interval is printed for several widenings (the scored test points are never used);
 * - --r: R's forecast::thetaf and forecast::ets on the same split, and R's count of series the
 *   90% lag-12 autocorrelation test calls seasonal (needs Rscript with the forecast package).
 * The CSV (IIF data; columns series, n, nf, category, start_year, start_month, values) stays outside the repo.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FORECAST_ETS, FORECAST_ETS_SEASONALITY, KPI_FORECAST } from '../core/functions/forecast';
import { WIDEN } from '../core/forecast/combination';
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
    return {
      name: c[at('series')],
      start: [Number(c[at('start_year')]), Number(c[at('start_month')])],
      values: c[at('values')].trim().split(/\s+/).map(Number),
      nf: Number(c[at('nf')]),
    };
  });
}

const smape = (y: number, f: number) => (200 * Math.abs(y - f)) / (Math.abs(y) + Math.abs(f));
const serial = (y: number, m1: number) => Date.UTC(y, m1 - 1, 1) / 86400000 + 25569;
const column = (v: readonly number[]) => v.map((x) => [x]);
// Month-start dates from 1990 (some M3 series start before 1900, which spreadsheets cannot hold);
// only the monthly spacing matters to the forecast.
const monthly = (from: number, count: number) => Array.from({ length: count }, (_, i) => [serial(1990, 1 + from + i)]);

type Table = (string | number)[][];

/** Runs KPI_FORECAST and returns its rows as [forecast, low, high]. */
function kpi(train: number[], h: number, seasonality: number): [number, number, number][] {
  const t = runFunction(KPI_FORECAST, [column(train), h, seasonality]) as Table;
  return t.slice(1).map((r) => [r[1] as number, r[2] as number, r[3] as number]);
}

function calibrate(series: ReturnType<typeof loadM3>): void {
  const grid = [0, 0.02, 0.04, 0.05, 0.06, 0.07, 0.075, 0.08, 0.1];
  const inside = new Array(grid.length).fill(0);
  let count = 0;
  for (const s of series) {
    const H = s.nf;
    const train = s.values.slice(0, -2 * H);
    const held = s.values.slice(-2 * H, -H);
    const rows = kpi(train, H, 1);
    rows.forEach(([f, , high], h) => {
      const base = (high - f) / (1 + WIDEN * h);
      grid.forEach((w, j) => {
        const half = base * (1 + w * h);
        if (Math.abs(held[h] - f) <= half) inside[j]++;
      });
      count++;
    });
  }
  console.log(`Calibration on the training data (last ${series[0].nf} training points held out; test points unused):`);
  grid.forEach((w, j) =>
    console.log(
      `  widening ${w.toFixed(3)} per step: 95% interval coverage ${((100 * inside[j]) / count).toFixed(1)}%${w === WIDEN ? '  (in use)' : ''}`,
    ),
  );
}

function rSideBySide(path: string, series: ReturnType<typeof loadM3>): void {
  const out = join(mkdtempSync(join(tmpdir(), 'm3r-')), 'r.csv');
  let log: string;
  try {
    log = execFileSync('Rscript', [join(__dirname, 'r', 'm3.R'), path, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    console.log(`  R side by side skipped: ${(e as Error).message.split('\n')[0]}`);
    return;
  }
  const byName = new Map(series.map((s) => [s.name, s]));
  const sums = new Map<string, [number, number]>();
  for (const line of readFileSync(out, 'utf8').trim().split('\n')) {
    const [name, method, values] = line.split(',');
    const s = byName.get(name);
    if (!s) continue;
    const f = values.trim().split(/\s+/).map(Number);
    const test = s.values.slice(-s.nf);
    const acc = sums.get(method) ?? [0, 0];
    test.forEach((y, h) => (acc[0] += smape(y, f[h])));
    acc[1] += test.length;
    sums.set(method, acc);
  }
  for (const [method, [sum, n]] of sums) console.log(`  ${`R forecast::${method}`.padEnd(34)} ${(sum / n).toFixed(2)}  (same split)`);
  console.log(`  R: ${log.trim()}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!path) {
    console.error('usage: npm run bench:m3 -- PATH/m3_monthly.csv [--calibrate] [--r] [--limit N]');
    process.exit(2);
  }
  const limitAt = args.indexOf('--limit');
  let series = loadM3(path);
  if (limitAt >= 0) series = series.slice(0, Number(args[limitAt + 1]));
  if (args.includes('--calibrate')) {
    calibrate(series);
    return;
  }
  let ets = 0;
  let def = 0;
  let given = 0;
  let count = 0;
  let insideDef = 0;
  let insideGiven = 0;
  let etsMs = 0;
  let defMs = 0;
  let givenMs = 0;
  const found = new Map<number, number>();
  for (const s of series) {
    const H = s.nf;
    const train = s.values.slice(0, -H);
    const test = s.values.slice(-H);
    const timeline = monthly(0, train.length);
    const targets = monthly(train.length, H);
    let t0 = performance.now();
    const fe = runFunction(FORECAST_ETS, [targets, column(train), timeline]) as number[][];
    etsMs += performance.now() - t0;
    const season = runFunction(FORECAST_ETS_SEASONALITY, [column(train), timeline]) as number;
    found.set(season, (found.get(season) ?? 0) + 1);
    t0 = performance.now();
    const fd = kpi(train, H, 1);
    defMs += performance.now() - t0;
    t0 = performance.now();
    const fg = kpi(train, H, 12);
    givenMs += performance.now() - t0;
    for (let h = 0; h < H; h++) {
      ets += smape(test[h], fe[h][0]);
      def += smape(test[h], fd[h][0]);
      given += smape(test[h], fg[h][0]);
      if (test[h] >= fd[h][1] && test[h] <= fd[h][2]) insideDef++;
      if (test[h] >= fg[h][1] && test[h] <= fg[h][2]) insideGiven++;
      count++;
    }
  }
  const pct = (k: number) => `${((100 * k) / count).toFixed(1)}%`;
  console.log(`M3 monthly: ${series.length} series, horizon 1-18, sMAPE (Makridakis & Hibon 2000)`);
  for (const [name, v] of PUBLISHED) console.log(`  ${name.padEnd(34)} ${v.toFixed(2)}  (published)`);
  console.log(`  ${'FORECAST_ETS (season detected)'.padEnd(34)} ${(ets / count).toFixed(2)}  ${(etsMs / 1000).toFixed(1)} s`);
  console.log(
    `  ${'KPI_FORECAST default (detect)'.padEnd(34)} ${(def / count).toFixed(2)}  ${(defMs / 1000).toFixed(1)} s; 95% interval coverage ${pct(insideDef)} (held out)`,
  );
  console.log(
    `  ${'KPI_FORECAST told season 12'.padEnd(34)} ${(given / count).toFixed(2)}  ${(givenMs / 1000).toFixed(1)} s; 95% interval coverage ${pct(insideGiven)} (held out)`,
  );
  const seasons = [...found.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([m, k]) => `${m}: ${k}`)
    .join(', ');
  console.log(`  FORECAST_ETS_SEASONALITY on the monthly timeline: ${seasons}`);
  if (args.includes('--r')) rSideBySide(path, series);
}

if (require.main === module) main();
