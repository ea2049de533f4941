import { KpiFunction } from '../registry/types';
import { ACQUISITION_FUNCTIONS } from './acquisition';
import { VALUE_FUNCTIONS } from './value';
import { SUBSCRIPTION_FUNCTIONS } from './subscription';
import { ROI_FUNCTIONS } from './roi';
import { GOAL_FUNCTIONS } from './goals';
import { ATTRIBUTION_FUNCTIONS } from './attribution';
import { FORECAST_FUNCTIONS } from './forecast';
import { CUSTOMER_FUNCTIONS } from './customers';
import { CHANGE_FUNCTIONS } from './change';

/**
 * The registry: every custom function, in the order the reference lists them. The Apps Script
 * stubs, functions.json, the Excel associations, the playground plugin, the in-host reference and
 * docs/reference/functions.md are all
 * generated from this list. A new section adds one import and one spread here.
 */
export const FUNCTIONS: readonly KpiFunction[] = [
  ...ACQUISITION_FUNCTIONS,
  ...VALUE_FUNCTIONS,
  ...SUBSCRIPTION_FUNCTIONS,
  ...ROI_FUNCTIONS,
  ...CHANGE_FUNCTIONS,
  ...GOAL_FUNCTIONS,
  ...ATTRIBUTION_FUNCTIONS,
  ...FORECAST_FUNCTIONS,
  ...CUSTOMER_FUNCTIONS,
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function getFunction(name: string): KpiFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}
