/**
 * Accuracy of KPI_FORECAST on weekly, daily and hourly KPI series (`npm run bench`, or
 * `npx tsx bench/kpi-series.ts`): sMAPE and MASE for the default (seasonality 1, values only), for
 * the season given, and for the seasonal naive forecast, side by side, 10 series per kind.
 * MASE = mean |error| / in-sample mean |y_t − y_{t−m}| (Hyndman & Koehler 2006), m the true season.
 * Synthetic series (test/support/seasonal-series.ts) have known seasons; with Rscript and R's
 * forecast package installed, the half-hourly electricity demand `forecast::taylor` (Taylor 2003;
 * GPL, read at run time, not shipped) is added with its daily (48) and weekly (336) cycles.
 */
import { execFileSync } from 'child_process';
import { kpiForecast } from '../core/forecast/combination';
import { dailySeries, hourlySeries, weeklySeries } from '../test/support/seasonal-series';

interface Kind {
  readonly name: string;
  readonly series: number[][];
  readonly horizon: number;
  readonly season: number;
}

const smape = (y: number[], f: ArrayLike<number>) =>
  y.reduce((s, v, i) => s + (200 * Math.abs(v - f[i])) / (Math.abs(v) + Math.abs(f[i])), 0) / y.length;

function mase(train: number[], test: number[], f: ArrayLike<number>, m: number): number {
  let scale = 0;
  for (let i = m; i < train.length; i++) scale += Math.abs(train[i] - train[i - m]);
  scale /= train.length - m;
  return test.reduce((s, v, i) => s + Math.abs(v - f[i]), 0) / test.length / scale;
}

function taylor(): number[] | null {
  try {
    const out = execFileSync('Rscript', ['-e', 'suppressMessages(library(forecast)); cat(as.numeric(taylor), sep = " ")'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const v = out.trim().split(/\s+/).map(Number);
    return v.length > 1000 && v.every(Number.isFinite) ? v : null;
  } catch {
    return null;
  }
}

export function compareKpiSeries(): void {
  const kinds: Kind[] = [
    {
      name: 'weekly, 3 years, yearly cycle 52, h 13',
      series: Array.from({ length: 10 }, (_, k) => weeklySeries(52 * 3 + 13, 300 + k)),
      horizon: 13,
      season: 52,
    },
    {
      name: 'daily, 1 year, weekly cycle 7, h 28',
      series: Array.from({ length: 10 }, (_, k) => dailySeries(365 + 28, 400 + k)),
      horizon: 28,
      season: 7,
    },
    {
      name: 'hourly, 4 weeks, daily + weekly 168, h 48',
      series: Array.from({ length: 10 }, (_, k) => hourlySeries(24 * 7 * 4 + 48, 500 + k)),
      horizon: 48,
      season: 168,
    },
    {
      name: 'hourly, 8 weeks, daily + weekly 168, h 168',
      series: Array.from({ length: 10 }, (_, k) => hourlySeries(24 * 7 * 9, 600 + k)),
      horizon: 168,
      season: 168,
    },
    {
      name: 'hourly, 8 weeks, given 24 (daily only), h 168',
      series: Array.from({ length: 10 }, (_, k) => hourlySeries(24 * 7 * 9, 600 + k)),
      horizon: 168,
      season: 24,
    },
  ];
  const t = taylor();
  if (t) kinds.push({ name: 'taylor half-hourly demand (R), 336, h 336', series: [t], horizon: 336, season: 336 });
  console.log('KPI_FORECAST on weekly, daily and hourly series: sMAPE / MASE (lower is better)');
  console.log(`  ${'series'.padEnd(48)} ${'default'.padEnd(22)} ${'season given'.padEnd(16)} seasonal naive`);
  for (const kind of kinds) {
    const acc = { d: [0, 0], g: [0, 0], s: [0, 0] };
    let inside = 0;
    let points = 0;
    const seasons = new Map<string, number>();
    for (const y of kind.series) {
      const train = y.slice(0, -kind.horizon);
      const test = y.slice(-kind.horizon);
      const d = kpiForecast(train, kind.horizon, 1);
      const g = kpiForecast(train, kind.horizon, kind.season);
      const sn = kpiForecast(train, kind.horizon, kind.season, 'snaive');
      const key = `${d.season} ${d.model}`;
      d.rows.forEach((r, h) => (inside += test[h] >= r.low && test[h] <= r.high ? 1 : 0));
      points += test.length;
      seasons.set(key, (seasons.get(key) ?? 0) + 1);
      const m = kind.season;
      for (const [k, r] of [
        ['d', d],
        ['g', g],
        ['s', sn],
      ] as const) {
        const f = r.rows.map((x) => x.forecast);
        acc[k][0] += smape(test, f) / kind.series.length;
        acc[k][1] += mase(train, test, f, m) / kind.series.length;
      }
    }
    const cell = (a: number[]) => `${a[0].toFixed(2)} / ${a[1].toFixed(3)}`;
    const found = [...seasons].map(([k, c]) => `${k}: ${c}`).join(', ');
    console.log(
      `  ${kind.name.padEnd(48)} ${cell(acc.d).padEnd(22)} ${cell(acc.g).padEnd(16)} ${cell(acc.s)}   default used: ${found}; its 95% interval held ${((100 * inside) / points).toFixed(1)}%`,
    );
  }
  if (!t) console.log('  (R forecast::taylor not available: install r-cran-forecast to add the half-hourly demand series)');
}

if (require.main === module) compareKpiSeries();
