import { divZeroError } from '../errors';

/**
 * numerator / denominator, where a zero denominator is the user's data speaking, not a bug.
 * @throws KpiError #DIV/0! naming what summed to zero
 */
export function ratio(numerator: number, denominator: number, denominatorName: string): number {
  if (denominator === 0) throw divZeroError(`${denominatorName} sums to 0`);
  return numerator / denominator;
}
