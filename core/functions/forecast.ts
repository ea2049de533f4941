import { RangeArg } from '../args/range';
import { naError, numError, valueError } from '../errors';
import { findAnomalies, Direction } from '../forecast/anomalies';
import { kpiForecast, Method } from '../forecast/combination';
import { fitHoltWinters, HoltWintersFit } from '../forecast/holtWinters';
import { bestLag, leadLagCorrelations } from '../forecast/leadLag';
import { detectSeason } from '../forecast/detection';
import { MAX_SEASON } from '../forecast/seasonality';
import { Aggregation, regularize, RegularSeries } from '../forecast/timeline';
import { defineFunction, Table } from '../registry/types';

const SECTION = 'Forecasting, seasonality, anomalies';

const SEASONALITY = {
  name: 'seasonality',
  kind: 'number',
  optional: true,
  default: 1,
  min: 0,
  max: MAX_SEASON,
  description: '1 = detect the season length (default), 0 = no season, n = a season of n points (up to 8760).',
} as const;
const COMPLETION = {
  name: 'data_completion',
  kind: 'number',
  optional: true,
  default: 1,
  min: 0,
  max: 1,
  description: 'Missing points: 1 = the average of their neighbours (default), 0 = zero.',
} as const;
const AGGREGATION = {
  name: 'aggregation',
  kind: 'number',
  optional: true,
  default: 1,
  min: 1,
  max: 7,
  description: 'Values sharing a date: 1 AVERAGE (default), 2 COUNT, 3 COUNTA, 4 MAX, 5 MEDIAN, 6 MIN, 7 SUM.',
} as const;
const TARGETS = {
  name: 'target_dates',
  kind: 'range',
  description: 'Date(s) to forecast, after the last timeline date; a range gives one result per cell.',
} as const;
const VALUES = { name: 'values', kind: 'range', description: 'Historical values, aligned with timeline.' } as const;
const TIMELINE = {
  name: 'timeline',
  kind: 'range',
  description: 'Dates (or numbers) with a constant step; up to 30% may be missing, duplicates are aggregated.',
} as const;

function wholeNumber(name: string, v: number): number {
  if (!Number.isInteger(v)) throw numError(`${name} must be a whole number, got ${v}`);
  return v;
}

/** Reads values and timeline the way FORECAST.ETS does (#N/A when their sizes differ). */
function readSeries(values: RangeArg, timeline: RangeArg, completion: number, aggregation: number): RegularSeries {
  if (values.size !== timeline.size) {
    throw naError(`values has ${values.size} cells but timeline has ${timeline.size}: give ranges of the same size`);
  }
  const v = values.alignedNumbers();
  const t = timeline.alignedDates();
  if (v.every((x) => x === null)) throw valueError('values has no numbers');
  return regularize(t, v, wholeNumber('data_completion', completion) === 1, wholeNumber('aggregation', aggregation) as Aggregation);
}

function seasonFor(series: RegularSeries, seasonality: number): number {
  const s = wholeNumber('seasonality', seasonality);
  if (s !== 1) return s;
  return seasonOf(series);
}

/** The shared detection, with the timeline's step as the calendar prior; 0 when none. */
function seasonOf(series: RegularSeries): number {
  const step = series.unit === 'number' ? null : { unit: series.unit, size: series.step };
  const found = detectSeason(series.values, { step });
  return found >= 2 && series.values.length >= 2 * found ? found : 0;
}

/** One result per target cell, in target_dates' shape; blank targets give blank cells. */
function perTarget(targets: RangeArg, series: RegularSeries, value: (steps: number) => number): Table {
  const dates = targets.alignedDates();
  let i = 0;
  return targets.rows.map((row) =>
    row.map(() => {
      const t = dates[i];
      const where = targets.at(i++);
      if (t === null) return null;
      const steps = series.stepsAhead(t);
      if (steps < -1e-9) throw numError(`${where}: the target date is before the end of the timeline; FORECAST_ETS forecasts forward only`);
      return value(Math.max(0, steps));
    }),
  );
}

function fit(series: RegularSeries, seasonality: number): HoltWintersFit {
  return fitHoltWinters(series.values, seasonFor(series, seasonality));
}

export const FORECAST_ETS = defineFunction({
  name: 'FORECAST_ETS',
  section: SECTION,
  help: "Excel's FORECAST.ETS: additive Holt-Winters forecast for target date(s), same numbers in Sheets and Excel.",
  details:
    'Additive triple exponential smoothing (AAA) fitted as LibreOffice Calc fits FORECAST.ETS.ADD (results agree within 1% on ten reference cases): smoothing constants chosen on the one-step squared error. seasonality 1 detects the season: the cycles the step of the timeline suggests (monthly 12, quarterly 4, weekly 52 or 53, daily 7, hourly 24 or 168, half-hourly 48 or 336) and peaks of the autocorrelation, each confirmed by an F-test on the detrended series (see FORECAST_ETS_SEASONALITY). A timeline whose dates all fall on the same day of the month (or all on month ends) steps in calendar months. Missing points (up to 30%) take the average of their two known neighbours (data_completion 1) or 0. target_dates may be a range: the result has its shape.',
  params: [TARGETS, VALUES, TIMELINE, SEASONALITY, COMPLETION, AGGREGATION],
  result: 'table',
  example: {
    formula: '=FORECAST_ETS(7, {10;20;30;40;50;60}, {1;2;3;4;5;6})',
    result: [[70]],
    working:
      'a straight line has no season; the trend starts at (60 − 10) / 5 = 10 a step and every smoothing constant fits it exactly, so the next step is 60 + 10 = 70',
  },
  errors: [
    '#N/A when values and timeline differ in size',
    '#NUM! when a target date is before the end of the timeline, the timeline has no constant step or misses more than 30% of its points, seasonality is not a whole number in 0..8760, or the series is shorter than two seasons',
  ],
  impl: (targets, values, timeline, seasonality, completion, aggregation) => {
    const series = readSeries(values, timeline, completion, aggregation);
    const model = fit(series, seasonality);
    return perTarget(targets, series, (s) => model.forecast(s));
  },
});

export const FORECAST_ETS_CONFINT = defineFunction({
  name: 'FORECAST_ETS_CONFINT',
  section: SECTION,
  help: "Excel's FORECAST.ETS.CONFINT: half-width of the prediction interval around FORECAST_ETS.",
  details:
    "Computed as LibreOffice Calc's FORECAST.ETS.PI.ADD defines it: with a season, the distance from the median to the (1 + confidence)/2 quantile of paths that receive a shock of RMSE·|Z| each step (Calc simulates 1,000 random paths; we compute that distribution exactly, so the value is what Calc gives on average, without its random noise); without a season, z·RMSE times Calc's double-smoothing horizon factor. Forecast ± this value is the interval.",
  params: [
    TARGETS,
    VALUES,
    TIMELINE,
    { name: 'confidence', kind: 'number', optional: true, default: 0.95, min: 0, max: 1, description: 'Confidence level, default 0.95.' },
    SEASONALITY,
    COMPLETION,
    AGGREGATION,
  ],
  result: 'table',
  example: {
    formula: '=FORECAST_ETS_CONFINT(7, {10;20;30;40;50;60}, {1;2;3;4;5;6})',
    result: [[0]],
    working: 'the straight line is fitted without error (RMSE 0), so the interval has no width',
  },
  errors: ['As FORECAST_ETS; #NUM! when confidence is outside 0..1'],
  impl: (targets, values, timeline, confidence, seasonality, completion, aggregation) => {
    if (confidence <= 0 || confidence >= 1) throw numError(`confidence must be between 0 and 1 (exclusive), got ${confidence}`);
    const series = readSeries(values, timeline, completion, aggregation);
    const model = fit(series, seasonality);
    return perTarget(targets, series, (s) => (s === 0 ? 0 : model.confidenceHalfWidth(s, confidence)));
  },
});

export const FORECAST_ETS_SEASONALITY = defineFunction({
  name: 'FORECAST_ETS_SEASONALITY',
  section: SECTION,
  help: "Excel's FORECAST.ETS.SEASONALITY: the season length FORECAST_ETS detects (0 when none).",
  details:
    "Candidates: the cycles the timeline's step suggests (months: 12; quarters: 4; weeks: 52 or 53; days: 7; hours: 24 or 168; half-hours: 48 or 336; plain period numbers: all of them) and the highest peaks of the autocorrelation. Each needs 3 full cycles and is confirmed by the stable-seasonality F-test of X-11/X-13 (one-way analysis of variance of the values, detrended by a centred moving average over one cycle, by position in the cycle): p < 0.01 for the timeline's cycles, p < 0.0001 for the others, and at least a tenth of the detrended variance explained. The candidate explaining the most wins; a multiple (168 over 24) only when it explains significantly more than its divisor. 0 when none passes (random walks, trends, noise). As in Excel, the result is the season FORECAST_ETS uses with seasonality 1.",
  params: [VALUES, TIMELINE, COMPLETION, AGGREGATION],
  result: 'number',
  example: {
    formula: '=FORECAST_ETS_SEASONALITY({1;2;9;1;2;9;1;2;9;1;2;9;1;2;9;1;2;9}, {1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18})',
    result: 3,
    working: 'the pattern 1, 2, 9 repeats every 3 points: the autocorrelation peaks at lag 3',
  },
  errors: [
    '#N/A when values and timeline differ in size',
    '#NUM! when the timeline has no constant step or misses more than 30% of its points',
  ],
  impl: (values, timeline, completion, aggregation) => {
    return seasonOf(readSeries(values, timeline, completion, aggregation));
  },
});

const METHODS = ['auto', 'theta', 'damped', 'ses', 'naive', 'snaive'] as const;

export const KPI_FORECAST = defineFunction({
  name: 'KPI_FORECAST',
  section: SECTION,
  help: 'Forecast of a regular series for the next periods with a 95% interval: table Step, Forecast, Low, High.',
  details: `method "auto" (default): the season is removed by classical decomposition when significant, the adjusted series forecast by the mean of damped-trend exponential smoothing and the Theta method, and the season put back. On long series with a season of 24 points or more (4 cycles besides the last ⌈horizon/season⌉ cycles), the default instead keeps that combination, the seasonal naive forecast or additive Holt-Winters, whichever was closest on those last cycles (from two origins when the series is long enough); on synthetic hourly series with a daily and a weekly cycle it beats the seasonal naive forecast (MASE 0.874 against 1.154 over a week ahead, npm run bench). seasonality 1 (default) looks for the calendar cycles 12, 4, 52, 53, 7, 24, 168, 48 and 336 with FORECAST_ETS_SEASONALITY's test (other lengths need seasonality n); when none is found, 12 is still used when the classical 90% autocorrelation test and the F-test at 20% agree. n = a season of n points, used when the 90% autocorrelation test passes; 0 = none. Measured by npm run bench:m3 on the 1,428 monthly series of the M3 competition (horizon 18): sMAPE 13.76 by default, 13.77 told the season is 12 (Theta 13.85 and Comb S-H-D 14.48 published). "theta", "damped", "ses", "naive" and "snaive" (seasonal naive) use one method alone. Low/High: normal interval from the one-step in-sample error, widened with the horizon (up to 18 steps); the widening was chosen on the M3 training data alone, and the 95% interval held 96.4% of the M3 test values. When the last cycles were used for validation, the interval is 1.96 times the root mean square error on them (it held 92.5% on the synthetic hourly series).`,
  params: [
    { name: 'values', kind: 'range', description: 'The history, oldest first, one value per period (blanks skipped).' },
    { name: 'horizon', kind: 'number', min: 1, max: 10000, description: 'How many periods to forecast.' },
    SEASONALITY,
    {
      name: 'method',
      kind: 'choice',
      optional: true,
      default: 'auto',
      choices: METHODS,
      description: '"auto" (default), "theta", "damped", "ses", "naive" or "snaive".',
    },
  ],
  result: 'table',
  example: {
    formula: '=KPI_FORECAST({5;5;5;5;5;5}, 2, 0)',
    result: [
      ['Step', 'Forecast', 'Low', 'High'],
      [1, 5, 5, 5],
      [2, 5, 5, 5],
    ],
    working: 'a constant series: every method forecasts 5 with no in-sample error, so the interval is 5 to 5',
  },
  errors: [
    '#NUM! when there are fewer than 4 values, horizon is not a whole number of at least 1, seasonality is not a whole number in 0..8760, or method "snaive" has no season to repeat',
  ],
  impl: (values, horizon, seasonality, method) => {
    const y = values.numbers();
    const h = wholeNumber('horizon', horizon);
    const result = kpiForecast(y, h, wholeNumber('seasonality', seasonality), method as Method);
    const table: Table = [['Step', 'Forecast', 'Low', 'High']];
    for (const r of result.rows) table.push([r.step, r.forecast, r.low, r.high]);
    return table;
  },
});

export const ANOMALIES = defineFunction({
  name: 'ANOMALIES',
  section: SECTION,
  help: 'TRUE beside each anomalous value (Seasonal Hybrid ESD), one row per value.',
  details:
    "Seasonal Hybrid ESD (Twitter's method): trend = rolling median, season = median per position, then the generalised ESD test on the residuals with median and MAD in place of mean and standard deviation. At most max_share of the values are flagged; alpha is the test's significance level. period 1 = detect, 0 = none, n = fixed. The result is one column aligned with values (no header), blanks in values give blank cells.",
  params: [
    { name: 'values', kind: 'range', description: 'The series, oldest first.' },
    {
      name: 'period',
      kind: 'number',
      optional: true,
      default: 1,
      min: 0,
      max: MAX_SEASON,
      description: '1 = detect the season (default), 0 = none, n = season of n points.',
    },
    { name: 'alpha', kind: 'number', optional: true, default: 0.05, description: 'Significance level, default 0.05.' },
    {
      name: 'max_share',
      kind: 'number',
      optional: true,
      default: 0.1,
      description: 'Largest share of values that may be flagged, default 0.1.',
    },
    {
      name: 'direction',
      kind: 'choice',
      optional: true,
      default: 'both',
      choices: ['both', 'high', 'low'],
      description: '"both" (default), "high" (spikes) or "low" (drops).',
    },
  ],
  result: 'table',
  example: {
    formula: '=ANOMALIES({10;11;10;12;10;95;11;10;12;11}, 0)',
    result: [[false], [false], [false], [false], [false], [true], [false], [false], [false], [false]],
    working:
      "trend (rolling median) 11 everywhere; residual of 95 is 84, the residuals' median 0 and MAD 1 (×1.4826), so 84 / 1.4826 = 56.7 far above the ESD critical value 2.29 for 10 points; max_share 0.1 allows one flag",
  },
  errors: [
    '#NUM! when alpha is outside (0, 1), max_share outside (0, 0.5], period not a whole number, or fewer than 3 values (or 2 seasons)',
  ],
  impl: (values, period, alpha, maxShare, direction) => {
    const cells = values.alignedNumbers();
    const y = cells.filter((v): v is number => v !== null);
    const flags = findAnomalies(y, { period: wholeNumber('period', period), alpha, maxShare, direction: direction as Direction });
    let j = 0;
    return cells.map((v) => [v === null ? null : flags[j++]]);
  },
});

export const LEAD_LAG = defineFunction({
  name: 'LEAD_LAG',
  section: SECTION,
  help: 'Does the leading indicator lead? Correlation of leading with lagging shifted 0..max_lag periods, best lag first.',
  details:
    'For lag k, the Pearson correlation of leading[t] with lagging[t + k] over the periods where both have numbers (blank where fewer than 3 pairs). The first row after the header is the best lag (largest absolute correlation, the shortest on ties), labelled "Best: lag k"; then one row per lag 0..max_lag.',
  params: [
    { name: 'leading', kind: 'range', description: 'The candidate leading indicator, oldest first.' },
    { name: 'lagging', kind: 'range', description: 'The KPI it should lead, aligned period by period.' },
    { name: 'max_lag', kind: 'number', optional: true, default: 12, min: 0, max: 10000, description: 'Largest lag tried, default 12.' },
  ],
  result: 'table',
  example: {
    formula: '=LEAD_LAG({1;2;4;3}, {0;1;2;4}, 1)',
    result: [
      ['Lag', 'Correlation'],
      ['Best: lag 1', 1],
      [0, 0.6803360514166094],
      [1, 1],
    ],
    working: 'lag 1 pairs (1,1), (2,2), (4,4): r = 1; lag 0: Σdxdy = 4.5, Σdx² = 5, Σdy² = 8.75, r = 4.5 / √43.75 = 0.6803',
  },
  errors: ['#VALUE! when the ranges differ in size', '#NUM! when no lag has 3 pairs with variation'],
  impl: (leading, lagging, maxLag) => {
    if (leading.size !== lagging.size)
      throw valueError(`leading has ${leading.size} cells but lagging has ${lagging.size}: give ranges of the same size`);
    const k = wholeNumber('max_lag', maxLag);
    const r = leadLagCorrelations(leading.alignedNumbers(), lagging.alignedNumbers(), k);
    const best = bestLag(r);
    const table: Table = [
      ['Lag', 'Correlation'],
      [`Best: lag ${best}`, r[best]],
    ];
    r.forEach((c, lag) => table.push([lag, c]));
    return table;
  },
});

export const FORECAST_FUNCTIONS = [FORECAST_ETS, FORECAST_ETS_CONFINT, FORECAST_ETS_SEASONALITY, KPI_FORECAST, ANOMALIES, LEAD_LAG];
