import fc from 'fast-check';
import { FUNCTIONS } from '../../core/functions';
import { callDefinition } from '../../core/hosts';
import { Result } from '../../core/registry/types';

/**
 * Whatever mix of numbers, blanks, text, booleans, dates and sizes a user passes, every function
 * gives a number, a text, a table or a typed error: never an uncaught exception, NaN or Infinity,
 * and no message that prints NaN. Extreme values are in the mix: serials past 9999-12-31 or before
 * the epoch, dates a spreadsheet cannot hold, huge counts.
 */
const cell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: 0, max: 50 }),
  fc.constantFrom('', null, undefined),
  fc.constantFrom('A', 'B', 'Search > Email', 'x', '2026-01-15', '2026-03-01', 'TRUE', 'linear', 'mean', 'revenue', '1 234,56'),
  fc.boolean(),
  fc.integer({ min: 45000, max: 46500 }).map((d) => new Date(Date.UTC(1899, 11, 30) + d * 86400000)),
  fc.constantFrom(1e308, -1e308, 1e9, 2958466, 2958465, -1, 1e6, 5e-324),
  fc.constantFrom(new Date(Date.UTC(10000, 0, 1)), new Date(Date.UTC(1850, 5, 1)), new Date(8.64e15)),
);
const range = fc
  .integer({ min: 1, max: 6 })
  .chain((rows) =>
    fc
      .integer({ min: 1, max: 2 })
      .chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
  );
const arg = fc.oneof(cell, range);

function assertWellFormed(value: Result): void {
  const cells = Array.isArray(value) ? value.flat() : [value];
  for (const c of cells) {
    if (typeof c === 'number' && !Number.isFinite(c)) throw new Error(`non-finite ${c}`);
    if (c !== null && !['number', 'string', 'boolean'].includes(typeof c)) throw new Error(`bad cell ${String(c)}`);
  }
}

describe.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s on arbitrary input', (_name, fn) => {
  it('returns a value or a typed error', () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: fn.params.length }), (args) => {
        const outcome = callDefinition(fn, args);
        if (outcome.ok) assertWellFormed(outcome.value);
        else {
          expect(['#VALUE!', '#DIV/0!', '#NUM!', '#N/A']).toContain(outcome.error.code);
          expect(outcome.error.message).not.toMatch(/failed unexpectedly/);
          expect(outcome.error.message.length).toBeGreaterThan(5);
          expect(outcome.error.message).not.toMatch(/NaN/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
