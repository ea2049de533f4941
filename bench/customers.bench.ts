/**
 * Customer-model benchmarks: BGNBD_FIT on the 2,357 CDNOW customers (target < 100 ms)
 * and on 1,000,000 simulated customers (< 10 s); CLV_PREDICT for 100,000 customers (< 1 s).
 * The CDNOW and CLV figures go through the registry (callFunction, argument reading included).
 * Baselines are straightforward implementations written here, timed in the same run:
 *   - fit: the likelihood of eq. 6 row by row with log-gamma and log-beta calls for every customer,
 *     minimised by Nelder-Mead from one start to the same precision (what a direct port of the
 *     paper's spreadsheet would do). On 1,000,000 customers a full baseline fit would take minutes,
 *     so one row-by-row evaluation is timed and multiplied by the evaluations the baseline needed
 *     on CDNOW: that figure is an estimate and printed as such.
 *   - CLV: each customer on its own, with the hypergeometric term summed as a plain power series.
 * Synthetic customers follow the BG/NBD story on a day grid (times in weeks), seeded.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { callFunction } from '../core/hosts';
import { BgNbdParams, collapseTriples, fitBgNbd } from '../core/customers/bgnbd';
import { fitGammaGamma, GammaGammaParams } from '../core/customers/gammagamma';
import { clvAll } from '../core/customers/predict';
import { nelderMead } from '../core/math/optimize';
import { logGamma } from '../core/math/special';
import { simulateCustomers } from '../test/customers/simulate';
import { compare, report, section, time } from './harness';

function kpi(name: string, ...args: unknown[]): unknown[][] {
  const outcome = callFunction(name, args);
  if (!outcome.ok) throw outcome.error;
  return outcome.value as unknown[][];
}

const column = (v: ArrayLike<number>): number[][] => Array.from(v, (x) => [x]);

// ---- baseline: row-by-row likelihood, Nelder-Mead only --------------------------------------------

const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

function rowByRowLogLik(p: BgNbdParams, x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): number {
  const { r, alpha, a, b } = p;
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const common = logGamma(r + x[i]) - logGamma(r) + r * Math.log(alpha) - logBeta(a, b);
    const first = logBeta(a, b + x[i]) - (r + x[i]) * Math.log(alpha + T[i]);
    if (x[i] > 0) {
      const second = logBeta(a + 1, b + x[i] - 1) - (r + x[i]) * Math.log(alpha + tx[i]);
      const hi = Math.max(first, second);
      ll += common + hi + Math.log(Math.exp(first - hi) + Math.exp(second - hi));
    } else ll += common + first;
  }
  return ll;
}

function baselineFit(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): { params: BgNbdParams; evaluations: number } {
  const toParams = (t: readonly number[]) => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) });
  const f = (t: readonly number[]) => -rowByRowLogLik(toParams(t), x, tx, T) / x.length;
  const found = nelderMead(f, [0, Math.log(10), 0, 0], { maxEvaluations: 4000, valueTolerance: 1e-13 });
  return { params: toParams(found.x), evaluations: found.evaluations };
}

// ---- baseline: per-customer CLV with a plain series ----------------------------------------------

function plainHyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100000 && Math.abs(term) > 1e-16 * Math.abs(sum); n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
  }
  return sum;
}

function baselineClv(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  m: ArrayLike<number>,
  horizon: number,
): Float64Array {
  const { r, alpha, a, b } = bg;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const z = horizon / (alpha + T[i] + horizon);
    const bracket =
      1 - Math.pow((alpha + T[i]) / (alpha + T[i] + horizon), r + x[i]) * plainHyp2f1(r + x[i], b + x[i], a + b + x[i] - 1, z);
    const alive = x[i] > 0 ? 1 / (1 + (a / (b + x[i] - 1)) * Math.pow((alpha + T[i]) / (alpha + tx[i]), r + x[i])) : 1;
    const purchases = ((a + b + x[i] - 1) / (a - 1)) * bracket * alive;
    const spend = (gg.p * (gg.v + x[i] * m[i])) / (gg.p * x[i] + gg.q - 1);
    out[i] = purchases * spend;
  }
  return out;
}

function readCdnow(): { x: number[]; tx: number[]; T: number[] } {
  const file = join(__dirname, '..', 'test', 'fixtures', 'cdnow', 'cdnow_customers_summary.csv');
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(',').map(Number));
  return { x: rows.map((r) => r[1]), tx: rows.map((r) => r[2]), T: rows.map((r) => r[3]) };
}

export function run(): void {
  section('Customer predictions');
  const cdnow = readCdnow();

  // BGNBD_FIT on CDNOW through the registry.
  const args = [column(cdnow.x), column(cdnow.tx), column(cdnow.T)];
  const oursCdnow = time(() => kpi('BGNBD_FIT', ...args), 10);
  let baseline = baselineFit(cdnow.x, cdnow.tx, cdnow.T);
  const baseCdnow = time(() => (baseline = baselineFit(cdnow.x, cdnow.tx, cdnow.T)), 3);
  const ours = kpi('BGNBD_FIT', ...args)[1] as number[];
  compare(`BGNBD_FIT, CDNOW 2,357 customers (registry)`, oursCdnow, 'row-by-row + Nelder-Mead', baseCdnow, '< 100 ms');
  report(
    '  estimates r, alpha, a, b',
    0,
    `ours ${ours
      .slice(0, 4)
      .map((v) => v.toFixed(4))
      .join(
        ', ',
      )}; baseline ${[baseline.params.r, baseline.params.alpha, baseline.params.a, baseline.params.b].map((v) => v.toFixed(4)).join(', ')} after ${baseline.evaluations} evaluations`,
  );

  // BGNBD_FIT on 1,000,000 simulated customers (core call: a million-row range is not a sheet use).
  const big = simulateCustomers(1_000_000, { r: 0.25, alpha: 4, a: 0.8, b: 2.5, horizon: 39, joinPeriod: 12, daysPerPeriod: 7, seed: 11 });
  let fit = fitBgNbd(big);
  const oursBig = time(() => (fit = fitBgNbd(big)), 2);
  const oneBaselineEval = time(() => rowByRowLogLik({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, big.frequency, big.recency, big.T), 2);
  const estimatedBaseline = oneBaselineEval * baseline.evaluations;
  compare(
    `BGNBD_FIT, 1,000,000 simulated customers`,
    oursBig,
    `row-by-row baseline, ESTIMATED as ${baseline.evaluations} evals × ${oneBaselineEval.toFixed(0)} ms`,
    estimatedBaseline,
    '< 10 s',
  );
  report(
    '  distinct (x, t_x, T) triples; estimates',
    0,
    `${collapseTriples(big).x.length.toLocaleString('en-US')} triples; r ${fit.r.toFixed(3)}, alpha ${fit.alpha.toFixed(3)}, a ${fit.a.toFixed(3)}, b ${fit.b.toFixed(3)} (simulated with 0.25, 4, 0.8, 2.5)`,
  );

  // CLV_PREDICT for 100,000 customers through the registry: both fits plus predictions.
  const mid = simulateCustomers(100_000, {
    r: 0.25,
    alpha: 4,
    a: 0.8,
    b: 2.5,
    p: 6,
    q: 4,
    v: 15,
    horizon: 39,
    joinPeriod: 12,
    daysPerPeriod: 7,
    seed: 12,
  });
  const clvArgs = [column(mid.frequency), column(mid.recency), column(mid.T), column(mid.monetary), 52];
  const oursClv = time(() => kpi('CLV_PREDICT', ...clvArgs), 3);
  const bg = fitBgNbd(mid);
  const gg = fitGammaGamma(mid.frequency, mid.monetary);
  const withMid = { ...mid };
  const oursPredict = time(() => clvAll(bg, gg, withMid, { horizon: 52 }), 5);
  const basePredict = time(() => baselineClv(bg, gg, mid.frequency, mid.recency, mid.T, mid.monetary, 52), 3);
  compare(
    'CLV_PREDICT, 100,000 customers, 52 weeks (registry, fits included)',
    oursClv,
    'per-customer prediction only',
    basePredict,
    '< 1 s',
  );
  compare('  predictions only (given parameters)', oursPredict, 'per-customer plain series', basePredict);
  const oursDiscounted = time(() => clvAll(bg, gg, withMid, { horizon: 52, discountRate: 0.002 }), 2);
  report('  predictions only, discounted weekly (52 steps per distinct triple)', oursDiscounted);
  const check = clvAll(bg, gg, withMid, { horizon: 52 });
  const base = baselineClv(bg, gg, mid.frequency, mid.recency, mid.T, mid.monetary, 52);
  let worst = 0;
  for (let i = 0; i < check.length; i++) worst = Math.max(worst, Math.abs(check[i] - base[i]) / Math.max(1e-12, Math.abs(base[i])));
  report('  largest relative difference ours vs baseline', 0, worst.toExponential(2));
}
