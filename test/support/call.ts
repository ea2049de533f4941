import { callFunction } from '../../core/hosts';
import { Result } from '../../core/registry/types';

/** Calls a registry function as a host would; throws the KpiError on failure. */
export function call(name: string, ...args: unknown[]): Result {
  const outcome = callFunction(name, args);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** The error a call gives, as { code, message }; fails the test when the call succeeds. */
export function errorOf(name: string, ...args: unknown[]): { code: string; message: string } {
  const outcome = callFunction(name, args);
  if (outcome.ok) throw new Error(`${name} should have failed but gave ${JSON.stringify(outcome.value)}`);
  return { code: outcome.error.code, message: outcome.error.message };
}

/** A column range from values, as hosts pass a one-column range. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
