import { numError } from '../errors';

/**
 * Rates, shares and margins are fractions (5% is 0.05) between 0 and 1. One rule and one message
 * for all of them: the runner applies it to every number parameter bounded to [0, 1], and the
 * models that take a margin outside the registry (customers/predict) call it directly.
 */
export function requireFraction(name: string, v: number): number {
  if (!(v >= 0 && v <= 1)) throw numError(`${name} must be a fraction between 0 and 1 (5% is 0.05), got ${v}`);
  return v;
}

/** The margin parameter wherever a function applies one to revenue or spend: a fraction, default 1. */
export function marginParam<const N extends string>(name: N, description: string) {
  return { name, kind: 'number', optional: true, default: 1, min: 0, max: 1, description } as const;
}
