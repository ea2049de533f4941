import fc from 'fast-check';
import { Row } from './oracles';

/** Random path tables over up to `channels` letters, with at least one conversion. */
export function pathRows(channels = 5, maxRows = 8, maxLength = 5): fc.Arbitrary<Row[]> {
  const letters = 'ABCDEFGHIJ'.slice(0, channels).split('');
  const row = fc.record({
    path: fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength }),
    conversions: fc.integer({ min: 0, max: 6 }),
    nulls: fc.integer({ min: 0, max: 4 }),
  });
  return fc.array(row, { minLength: 1, maxLength: maxRows }).filter((rows) => rows.some((r) => r.conversions > 0));
}

export const pathTexts = (rows: readonly Row[]) => rows.map((r) => [r.path.join(' > ')]);
export const column = (xs: readonly number[]) => xs.map((x) => [x]);

/** Channel → credited conversions from an ATTRIBUTION table. */
export function creditsOf(table: unknown): Map<string, number> {
  return new Map((table as [string, number][]).slice(1).map((r) => [r[0], r[1]]));
}
