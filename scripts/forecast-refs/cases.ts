/**
 * Input series for the LibreOffice reference values (see make-refs.ts). Synthetic series come from
 * a seeded generator so the file regenerates identically; AirPassengers is Box-Jenkins Series G.
 */
import seriesG from '../../test/fixtures/forecast/series-g.json';
import { seededNormal } from '../../core/math/random';

export interface RefCase {
  id: string;
  what: string;
  /** Timeline as Excel serials (or plain numbers). */
  timeline: number[];
  values: number[];
  seasonality: number;
  completion: number;
  aggregation: number;
  /** Targets for FORECAST.ETS.ADD. */
  targets: number[];
  /** Targets for FORECAST.ETS.PI.ADD (confidence 0.95), each evaluated `repeats` times and averaged. */
  piTargets: number[];
}

const serial = (y: number, m0: number, d: number) => Date.UTC(y, m0, d) / 86400000 + 25569;
const months = (y: number, m0: number, n: number) => Array.from({ length: n }, (_, i) => serial(y, m0 + i, 1));
const days = (start: number, n: number) => Array.from({ length: n }, (_, i) => start + i);

function weekly(seed: number, n: number): number[] {
  const g = seededNormal(seed);
  const week = [10, 5, 0, -3, -6, 8, 14];
  return Array.from({ length: n }, (_, t) => Math.round((100 + 0.3 * t + week[t % 7] + 2 * g()) * 100) / 100);
}

function monthly(seed: number, n: number): number[] {
  const g = seededNormal(seed);
  return Array.from({ length: n }, (_, t) => Math.round((500 + 2 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + 10 * g()) * 100) / 100);
}

export function cases(): RefCase[] {
  const air = seriesG.values;
  const airDates = months(1949, 0, 144);
  const airTargets = months(1961, 0, 18);
  const d0 = serial(2024, 0, 1);
  const wk = weekly(7, 140);
  const wkTargets = days(d0 + 140, 21);
  // Gaps: drop every 10th day after the first fortnight (12 of 120 points, 10%).
  const gapIdx = Array.from({ length: 120 }, (_, i) => i).filter((i) => !(i > 14 && i % 10 === 5));
  const gapVals = weekly(11, 120);
  // Duplicates: 98 days, every 5th day reported twice (second figure 30% of the first).
  const dupT: number[] = [];
  const dupV: number[] = [];
  weekly(13, 98).forEach((v, i) => {
    dupT.push(d0 + i);
    dupV.push(v);
    if (i % 5 === 2) {
      dupT.push(d0 + i);
      dupV.push(Math.round(v * 30) / 100);
    }
  });
  const syn = monthly(5, 96);
  const q = Array.from({ length: 48 }, (_, t) => 50 + t + [6, -2, -8, 4][t % 4] + ((t * 7) % 5) - 2);
  const common = { completion: 1, aggregation: 1 };
  // one series, several settings: each variant states only what it changes
  const airInput = {
    timeline: airDates,
    values: air,
    ...common,
    targets: airTargets,
    piTargets: [airTargets[0], airTargets[5], airTargets[11], airTargets[17]],
  };
  const gapsInput = {
    timeline: gapIdx.map((i) => d0 + i),
    values: gapIdx.map((i) => gapVals[i]),
    seasonality: 7,
    aggregation: 1,
    targets: days(d0 + 120, 14),
  };
  const dupsInput = { timeline: dupT, values: dupV, seasonality: 7, completion: 1, targets: days(d0 + 98, 14), piTargets: [d0 + 98] };
  return [
    { id: 'air-12', what: 'AirPassengers (Series G), season 12', ...airInput, seasonality: 12 },
    { id: 'air-0', what: 'AirPassengers (Series G), no season', ...airInput, seasonality: 0 },
    {
      id: 'weekly-7',
      what: 'daily, weekly cycle + trend + noise, season 7',
      timeline: days(d0, 140),
      values: wk,
      seasonality: 7,
      ...common,
      targets: wkTargets,
      piTargets: [wkTargets[0], wkTargets[6], wkTargets[13], wkTargets[20]],
    },
    {
      id: 'monthly-12',
      what: 'monthly, sine yearly cycle + trend + noise, season 12',
      timeline: months(2015, 0, 96),
      values: syn,
      seasonality: 12,
      ...common,
      targets: months(2023, 0, 18),
      piTargets: months(2023, 0, 18).filter((_, i) => i % 6 === 0),
    },
    {
      id: 'gaps-7-interp',
      what: 'daily, 10% missing, completion 1, season 7',
      ...gapsInput,
      completion: 1,
      piTargets: [d0 + 120, d0 + 126],
    },
    { id: 'gaps-7-zero', what: 'daily, 10% missing, completion 0, season 7', ...gapsInput, completion: 0, piTargets: [d0 + 120] },
    { id: 'dups-sum', what: 'daily with duplicate dates, aggregation 7 (SUM), season 7', ...dupsInput, aggregation: 7 },
    { id: 'dups-max', what: 'daily with duplicate dates, aggregation 4 (MAX), season 7', ...dupsInput, aggregation: 4 },
    {
      id: 'quarters-4',
      what: 'plain index timeline 1..48, season 4',
      timeline: q.map((_, i) => i + 1),
      values: q,
      seasonality: 4,
      ...common,
      targets: [49, 50, 51, 52, 56, 60],
      piTargets: [49, 52],
    },
    {
      id: 'weekly-0',
      what: 'daily weekly series with no season (double smoothing)',
      timeline: days(d0, 140),
      values: wk,
      seasonality: 0,
      ...common,
      targets: wkTargets.slice(0, 7),
      piTargets: [wkTargets[0], wkTargets[6]],
    },
  ];
}
