/**
 * Forecasting benchmarks: FORECAST_ETS on 1,000 points with season detection (target < 50 ms),
 * KPI_FORECAST on the 1,428 M3 monthly series (env M3_CSV=path; otherwise 1,428 synthetic series
 * of the same lengths, 48..126 points; target < 60 s), ANOMALIES on 10,000 points (< 200 ms).
 * Baselines, measured in the same run: a seasonal-naive pass over the same data (what the cheapest
 * possible forecast costs) and a plain numeric sort of the same 10,000 values.
 * Then accuracy side by side: KPI_FORECAST on weekly, daily and hourly series against the seasonal
 * naive forecast (kpi-series.ts), and ANOMALIES against robust STL + generalized ESD (anomalies.ts).
 */
import { compare, section, time } from './harness';
import { ANOMALIES, FORECAST_ETS, KPI_FORECAST } from '../core/functions/forecast';
import { runFunction } from '../core/registry/run';
import { seededNormal, seededRandom } from '../core/math/random';
import { loadM3 } from './m3';
import { compareAnomalies } from './anomalies';
import { compareKpiSeries } from './kpi-series';

function seasonalNaive(y: number[], h: number, m: number): number[] {
  return Array.from({ length: h }, (_, i) => y[y.length - m + (i % m)]);
}

export function run(): void {
  section('Forecasting, seasonality, anomalies');
  const g = seededNormal(1);
  const week = [10, 5, 0, -3, -6, 8, 14];
  const daily = Array.from({ length: 1000 }, (_, t) => 100 + 0.05 * t + week[t % 7] + 2 * g());
  const col = daily.map((v) => [v]);
  const timeline = daily.map((_, i) => [45000 + i]);
  const ets = time(() => runFunction(FORECAST_ETS, [[[46000], [46006]], col, timeline]), 5);
  const naive1000 = time(() => seasonalNaive(daily, 7, 7), 50);
  compare('FORECAST_ETS, 1,000 daily points, season detected', ets, 'seasonal naive', naive1000, '< 50 ms');

  const path = process.env.M3_CSV;
  const u = seededRandom(2);
  const many: number[][] = path
    ? loadM3(path).map((s) => s.values.slice(0, -s.nf))
    : Array.from({ length: 1428 }, (_, k) => {
        const n = 48 + Math.floor(u() * 79);
        const gk = seededNormal(100 + k);
        return Array.from({ length: n }, (_, t) => 1000 + 5 * t + 100 * Math.sin((2 * Math.PI * t) / 12) + 30 * gk());
      });
  const label = path ? 'M3 monthly series' : 'synthetic monthly series (set M3_CSV for M3)';
  const kpi = time(() => many.forEach((y) => runFunction(KPI_FORECAST, [y.map((v) => [v]), 18, 12])), 1);
  const naiveAll = time(() => many.forEach((y) => seasonalNaive(y, 18, 12)), 5);
  compare(`KPI_FORECAST, 1,428 ${label}, h 18`, kpi, 'seasonal naive', naiveAll, '< 60 s');

  const big = Array.from({ length: 10000 }, (_, t) => 50 + week[t % 7] + g() + (t % 997 === 0 ? 15 : 0));
  const bigCol = big.map((v) => [v]);
  const anomalies = time(() => runFunction(ANOMALIES, [bigCol]), 3);
  const sort = time(() => Float64Array.from(big).sort(), 10);
  compare('ANOMALIES, 10,000 points, period detected', anomalies, 'sorting them', sort, '< 200 ms');

  compareKpiSeries();
  compareAnomalies();
}

if (require.main === module) run();
