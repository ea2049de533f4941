import { getFunction } from './functions';
import { runFunction } from './registry/run';
import { KpiFunction, Result } from './registry/types';
import { KpiError, valueError } from './errors';

/**
 * What both hosts share: look a function up and run it, returning either the result or the
 * typed error. Each host turns the outcome into its own values once (apps-script/, office-addin/).
 */
export type Outcome = { ok: true; value: Result } | { ok: false; error: KpiError };

export function callFunction(name: string, args: readonly unknown[]): Outcome {
  const fn = getFunction(name);
  if (!fn) return { ok: false, error: valueError(`KPI Pilot has no function named ${name}`) };
  return callDefinition(fn, args);
}

export function callDefinition(fn: KpiFunction, args: readonly unknown[]): Outcome {
  try {
    return { ok: true, value: runFunction(fn, args) };
  } catch (e) {
    if (e instanceof KpiError) return { ok: false, error: e };
    return { ok: false, error: new KpiError('#VALUE!', `${fn.name} failed unexpectedly: ${String(e)}`) };
  }
}

/** Tables become 2-D arrays with "" for blank cells: what both Sheets and Excel show as empty. */
export function toHostValue(value: Result): number | string | boolean | (number | string | boolean)[][] {
  if (!Array.isArray(value)) return value;
  return value.map((row) => row.map((cell) => (cell === null ? '' : cell)));
}
