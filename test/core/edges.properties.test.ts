import fc from 'fast-check';
import { isoFromSerial, LAST_SERIAL, requireDate, ymdFromSerial } from '../../core/args/cells';
import { RangeArg } from '../../core/args/range';
import { bgnbdLogLikelihood, collapseTriples } from '../../core/customers/bgnbd';
import { gammaGammaLogLikelihood } from '../../core/customers/gammagamma';
import { FUNCTIONS } from '../../core/functions';
import { callDefinition, callFunction } from '../../core/hosts';
import { ANY_GRID, EXCEL_GRID, oversize, setGridLimits } from '../../core/registry/limits';
import { runFunction } from '../../core/registry/run';
import { defineFunction, ParamSpec, Table } from '../../core/registry/types';

/**
 * Generators for the edges of the functions: dates a spreadsheet cannot hold, results wider than
 * a sheet, more customers lost than there were, margins outside 0..1, purchase counts in the
 * millions. Each property states the rule; the generator finds any input that breaks it.
 */

const DAY = 86400000;
const dateOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * DAY);

/** Serials outside 0 … 9999-12-31, as numbers and as Sheets' Date objects. */
const outOfRange = fc.oneof(
  fc.double({ min: LAST_SERIAL + 1, max: 1e308, noNaN: true }),
  fc.double({ min: -1e308, max: -1e-9, noNaN: true }),
  fc.integer({ min: LAST_SERIAL + 1, max: 1e8 }).map(dateOf),
  fc.integer({ min: -100000, max: -1 }).map(dateOf),
);
const inRange = fc.double({ min: 0, max: LAST_SERIAL + 0.999, noNaN: true });

describe('dates a spreadsheet can hold', () => {
  const ONE_DATE = defineFunction({
    name: 'ONE_DATE',
    section: 'test',
    help: 'returns its date',
    params: [{ name: 'when', kind: 'date', description: 'a date' }],
    result: 'number',
    example: { formula: '=ONE_DATE(1)', result: 1, working: '' },
    impl: (when) => when,
  });

  it('rejects a serial above 2958465 or below the epoch, naming the argument and without NaN', () => {
    fc.assert(
      fc.property(outOfRange, (v) => {
        expect(() => runFunction(ONE_DATE, [v])).toThrow(/^when: .* is outside the dates a spreadsheet holds \(1899-12-30 to 9999-12-31/);
        try {
          runFunction(ONE_DATE, [v]);
        } catch (e) {
          expect((e as Error).message).not.toMatch(/NaN/);
        }
      }),
    );
  });

  it('accepts every serial from 0 to 9999-12-31 as it is', () => {
    fc.assert(fc.property(inRange, (v) => expect(runFunction(ONE_DATE, [v])).toBe(v)));
  });

  it('names the cell of a range that holds such a date', () => {
    fc.assert(
      fc.property(fc.array(inRange, { minLength: 1, maxLength: 8 }), outOfRange, fc.nat(), (good, bad, at) => {
        const cells = good.map((v) => [v] as unknown[]);
        const row = at % (cells.length + 1);
        cells.splice(row, 0, [bad]);
        expect(() => new RangeArg('dates', cells as never).alignedDates()).toThrow(new RegExp(`^dates, row ${row + 1}: `));
      }),
    );
  });

  it('reads the calendar day of a serial as a Date does, leap days and century years included', () => {
    // hand-worked: 1900 is not a leap year here (Sheets), 2000 is, 2100 is not
    expect(ymdFromSerial(60)).toEqual({ year: 1900, month0: 1, day: 28 });
    expect(ymdFromSerial(61)).toEqual({ year: 1900, month0: 2, day: 1 });
    expect(ymdFromSerial(36585.75)).toEqual({ year: 2000, month0: 1, day: 29 }); // 36,526 is 2000-01-01, + 31 + 28
    expect(ymdFromSerial(45351)).toEqual({ year: 2024, month0: 1, day: 29 });
    expect(ymdFromSerial(73110)).toEqual({ year: 2100, month0: 2, day: 1 }); // 2100-02-28 is 73,109
    expect(ymdFromSerial(LAST_SERIAL)).toEqual({ year: 9999, month0: 11, day: 31 });
    expect(ymdFromSerial(-1)).toEqual({ year: 1899, month0: 11, day: 29 });
    const byDate = (serial: number) => {
      const d = dateOf(Math.floor(serial));
      return { year: d.getUTCFullYear(), month0: d.getUTCMonth(), day: d.getUTCDate() };
    };
    // every serial a Date holds, and past it (NaN fields, as a Date gives)
    fc.assert(fc.property(fc.double({ min: -1.1e8, max: 1.1e8, noNaN: true }), (v) => expect(ymdFromSerial(v)).toEqual(byDate(v))));
    fc.assert(fc.property(fc.integer({ min: -1000, max: LAST_SERIAL + 1000 }), (v) => expect(ymdFromSerial(v)).toEqual(byDate(v))));
  });

  it('writes every date it can read as YYYY-MM-DD, never NaN', () => {
    expect(isoFromSerial(LAST_SERIAL)).toBe('9999-12-31');
    expect(isoFromSerial(0)).toBe('1899-12-30');
    fc.assert(fc.property(inRange, (v) => expect(isoFromSerial(requireDate(v, 'd'))).toMatch(/^\d{4}-\d{2}-\d{2}$/)));
  });
});

describe('result sizes against the host grid', () => {
  afterEach(() => setGridLimits(ANY_GRID));

  const TABLE = defineFunction({
    name: 'TABLE',
    section: 'test',
    help: 'a table of the given size',
    params: [
      { name: 'rows', kind: 'number', description: 'rows' },
      { name: 'columns', kind: 'number', description: 'columns' },
    ],
    result: 'table',
    example: { formula: '=TABLE(1, 1)', result: [[0]], working: '' },
    impl: (rows, columns) => Array.from({ length: rows }, () => new Array(columns).fill(0)) as Table,
  });

  it('refuses exactly the tables wider or longer than the grid, in the runner', () => {
    // a small grid keeps the generated tables small; the rule is the same at full size
    const grid = { name: 'a test grid', rows: 40, columns: 30, cells: 600 };
    setGridLimits(grid);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 45 }), (rows, columns) => {
        const fits = rows <= 40 && columns <= 30 && rows * columns <= 600;
        const outcome = callDefinition(TABLE, [rows, columns]);
        expect(outcome.ok).toBe(fits);
        if (!outcome.ok)
          expect(outcome.error.message).toMatch(/^TABLE: the result would be [\d,]+ rows? × [\d,]+ columns, more than a test grid holds/);
      }),
    );
  });

  it('knows each host: Excel stops at 16,384 columns, the shared default at 10 million cells', () => {
    expect(oversize(1, 16384, EXCEL_GRID)).toBeUndefined();
    expect(oversize(1, 16385, EXCEL_GRID)).toBe('1 row × 16,385 columns, more than Excel holds (16,384 columns)');
    expect(oversize(1000, 10000, ANY_GRID)).toBeUndefined();
    expect(oversize(1001, 10000, ANY_GRID)).toBe('1,001 rows × 10,000 columns, more than a spreadsheet holds (10,000,000 cells)');
  });

  it('names the mistyped date that would make a cohort table wider than a sheet', () => {
    const month = fc.integer({ min: 0, max: 35 }).map((m) => `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-15`);
    fc.assert(
      fc.property(fc.array(month, { minLength: 3, maxLength: 12 }), fc.integer({ min: 3400, max: 9999 }), fc.nat(), (dates, year, at) => {
        const row = at % (dates.length + 1);
        const typo = `${year}-06-15`;
        const all = [...dates.slice(0, row), typo, ...dates.slice(row)];
        const customers = all.map((_, i) => [`C${i % 4}`]);
        const outcome = callFunction('COHORT_RETENTION', [customers, all.map((d) => [d])]);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error.code).toBe('#NUM!');
          expect(outcome.error.message).toMatch(new RegExp(`^dates, row ${row + 1}: ${typo} makes the cohort table [\\d,]+ months wide`));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('domains', () => {
  it('CHURN_RATE: losing more customers than at the start is an error, anything else a fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 2e6 }), (start, lost) => {
        const outcome = callFunction('CHURN_RATE', [start, lost]);
        if (lost > start) {
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(outcome.error.message).toMatch(/cannot lose more customers than it started with/);
        } else {
          expect(outcome).toEqual({ ok: true, value: lost / start });
        }
      }),
    );
  });

  it('CHURN_RATE by period: the row that loses more than it started with is named', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (starts, at, over) => {
          const row = at % starts.length;
          const lost = starts.map((s, i) => (i === row ? s + over : Math.floor(s / 10)));
          const outcome = callFunction('CHURN_RATE', [starts.map((s) => [s]), lost.map((l) => [l])]);
          expect(outcome.ok).toBe(false);
          if (!outcome.ok)
            expect(outcome.error.message).toMatch(
              new RegExp(`^row ${row + 1}: customers_lost ${lost[row]} is more than customers_at_start ${starts[row]}`),
            );
        },
      ),
    );
  });

  const withMargin = FUNCTIONS.filter((f) => f.params.some((p) => /margin/.test(p.name)));

  it('every margin parameter is a fraction from 0 to 1 (one rule)', () => {
    expect(withMargin.map((f) => f.name).sort()).toEqual(expect.arrayContaining(['CAC_PAYBACK', 'CLV_PREDICT', 'LTV', 'ROMI']));
    for (const f of withMargin) {
      for (const p of f.params.filter((q) => /margin/.test(q.name))) expect([f.name, p.min, p.max]).toEqual([f.name, 0, 1]);
    }
  });

  /** A valid value for each parameter before the margin, so the margin is what gets judged. */
  function validBefore(p: ParamSpec): unknown {
    switch (p.kind) {
      case 'range':
        return [[1]];
      case 'number':
        return p.min !== undefined && p.max !== undefined ? (p.min + p.max) / 2 : Math.max(p.min ?? 1, 1);
      case 'date':
        return 46023;
      case 'choice':
        return p.default ?? p.choices?.[0];
      case 'boolean':
        return true;
      default:
        return 'x';
    }
  }

  it.each(withMargin.map((f) => [f.name, f] as const))('%s rejects a margin outside 0..1 with the one message', (_name, f) => {
    const at = f.params.findIndex((p) => /margin/.test(p.name));
    const name = f.params[at].name;
    const outside = fc.oneof(fc.double({ min: -1e6, max: -1e-12, noNaN: true }), fc.double({ min: 1 + 1e-12, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(outside, (margin) => {
        const args = f.params.slice(0, at).map(validBefore);
        const outcome = callDefinition(f, [...args, margin]);
        expect(outcome).toMatchObject({
          ok: false,
          error: { code: '#NUM!', message: `${name} must be a fraction between 0 and 1 (5% is 0.05), got ${margin}` },
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('BG/NBD likelihood cost does not grow with the purchase count', () => {
  /** Eq. 6 per customer with the Γ and B ratios as products over k < x: the definition, term by term. */
  function byTerms(p: { r: number; alpha: number; a: number; b: number }, x: number, tx: number, T: number): number {
    let rise = 0;
    for (let k = 0; k < x; k++) rise += Math.log(p.r + k) + Math.log(p.b + k) - Math.log(p.a + p.b + k);
    const first = rise + p.r * Math.log(p.alpha) - (p.r + x) * Math.log(p.alpha + T);
    if (x === 0) return first;
    const s = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
    return first + (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s)));
  }
  const param = fc.double({ min: 0.05, max: 20, noNaN: true });
  const customer = fc.integer({ min: 0, max: 3000 }).chain((x) =>
    fc.record({
      x: fc.constant(x),
      T: fc.double({ min: 1, max: 100, noNaN: true }),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    }),
  );

  it('equals the term-by-term definition, with gaps between frequencies short and long', () => {
    fc.assert(
      fc.property(param, param, param, param, fc.array(customer, { minLength: 1, maxLength: 8 }), (r, alpha, a, b, customers) => {
        const p = { r, alpha, a, b };
        const rows = customers.map((c) => ({ x: c.x, T: c.T, tx: c.x === 0 ? 0 : c.T * c.share }));
        const expected = rows.reduce((sum, c) => sum + byTerms(p, c.x, c.tx, c.T), 0);
        const got = bgnbdLogLikelihood(
          p,
          collapseTriples({ frequency: rows.map((c) => c.x), recency: rows.map((c) => c.tx), T: rows.map((c) => c.T) }),
        );
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      { numRuns: 80 },
    );
  });
});

describe('Gamma-Gamma likelihood at any purchase count', () => {
  // Stirling's series for ln Γ, exact to double precision above 50: an independent check at large counts.
  const stirling = (z: number) => (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z) - 1 / (360 * z ** 3);
  it('is eq. 3 of Fader & Hardie (2013) with its Γ terms in closed form, for counts up to 10^9', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 60, max: 100, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.integer({ min: 100, max: 1e9 }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (p, q, v, x, m) => {
          const expected =
            stirling(p * x + q) -
            stirling(p * x) -
            stirling(q) +
            q * Math.log(v) +
            (p * x - 1) * Math.log(m) +
            p * x * Math.log(x) -
            (p * x + q) * Math.log(v + x * m);
          const got = gammaGammaLogLikelihood({ p, q, v }, [x], [m]);
          expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(p * x * Math.log(x))));
        },
      ),
      { numRuns: 60 },
    );
  });
});
