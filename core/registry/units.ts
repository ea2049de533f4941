import type { Unit } from '../dashboard/catalog';
import { NUMBER_FORMATS } from '../dashboard/format';
import type { KpiFunction } from './types';

/**
 * What the number each single-value function returns measures, so a host can show it the way
 * an analyst reads it: rates as percentages, money with two decimals, counts as integers.
 * Table functions carry their own column meanings and have no entry; neither do text results.
 * Kept beside the registry rather than in each definition so one table shows every choice.
 */
export const RESULT_UNITS: Readonly<Record<string, Unit>> = {
  CAC: 'currency',
  CPL: 'currency',
  CONVERSION_RATE: 'percent',
  LEAD_TO_OPP: 'percent',
  WIN_RATE: 'percent',
  PIPELINE_VELOCITY: 'currency_per_day',
  SALES_CYCLE: 'days',
  ATV: 'currency',
  ARPA: 'currency',
  LTV: 'currency',
  LTV_CAC: 'ratio',
  CAC_PAYBACK: 'months',
  MRR: 'currency',
  ARR: 'currency',
  NRR: 'percent',
  GRR: 'percent',
  REVENUE_CHURN: 'percent',
  CHURN_RATE: 'percent',
  RETENTION_RATE: 'percent',
  QUICK_RATIO: 'ratio',
  ROI: 'percent',
  ROMI: 'percent',
  ROAS: 'ratio',
  GOAL_PROGRESS: 'percent',
  OKR_SCORE: 'ratio',
  FORECAST_ETS_SEASONALITY: 'count',
  COMMISSION: 'currency',
};

/** The unit of a function's single-number result, if it has one. */
export function resultUnit(fn: Pick<KpiFunction, 'name' | 'result'>): Unit | undefined {
  return fn.result === 'number' ? RESULT_UNITS[fn.name] : undefined;
}

/** The default number format code of a function's result ("0.0%" for a rate), if it has one. */
export function resultFormat(fn: Pick<KpiFunction, 'name' | 'result'>): string | undefined {
  const unit = resultUnit(fn);
  return unit ? NUMBER_FORMATS[unit] : undefined;
}
