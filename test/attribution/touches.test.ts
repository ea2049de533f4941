import fc from 'fast-check';
import { call, col } from '../support/call';
import { expectClose } from '../support/close';

const MODELS = ['first', 'last', 'linear', 'position', 'time_decay', 'markov', 'shapley'];
const header = ['Channel', 'Conversions', 'Value', 'Share'];

interface Journey {
  readonly channels: string[];
  readonly converts: boolean;
  readonly value: number;
}

/** Touch rows of journeys: touch k of a journey on day 46082 + k (one day apart), rows shuffled. */
function touchRows(journeys: readonly Journey[], order: readonly number[]) {
  const rows: [string, number, string, boolean, number | string][] = [];
  journeys.forEach((j, id) => j.channels.forEach((c, k) => rows.push([`j${id}`, 46082 + k, c, j.converts, j.converts ? j.value : ''])));
  const keyed = rows.map((r, i) => ({ r, key: order[i % order.length] * 1e6 + i }));
  keyed.sort((a, b) => a.key - b.key);
  const shuffled = keyed.map((k) => k.r);
  return [0, 1, 2, 3, 4].map((c) => shuffled.map((r) => [r[c]]));
}

const journey = fc.record({
  channels: fc.array(fc.constantFrom('Ads', 'Email', 'SEO', 'paid social'), { minLength: 1, maxLength: 6 }),
  converts: fc.boolean(),
  value: fc.integer({ min: 0, max: 500 }),
});
const journeys = fc.array(journey, { minLength: 1, maxLength: 12 }).filter((js) => js.some((j) => j.converts));

describe('touch rows and the path table give the same credits', () => {
  it('for every model (time decay: one day per step, half_life_days = half_life)', () => {
    fc.assert(
      fc.property(
        journeys,
        fc.array(fc.nat(50), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        (js, order, halfLife) => {
          const [ids, days, channels, converted, values] = touchRows(js, order);
          const paths = call('PATHS', ids, days, channels, converted, values) as unknown[][];
          const body = paths.slice(1);
          const pathCol = body.map((r) => [r[0]]);
          const [conv, val, nul] = [1, 2, 3].map((c) => body.map((r) => [r[c]]));
          for (const model of MODELS) {
            const fromTouches = call('ATTRIBUTION_TOUCHES', ids, days, channels, converted, values, model, halfLife);
            const fromPaths = call('ATTRIBUTION', pathCol, conv, val, nul, model, halfLife);
            expectClose(fromTouches, fromPaths);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('ATTRIBUTION_TOUCHES', () => {
  it('orders touches by timestamp, whatever the row order, and reads dates in any host shape', () => {
    // u1: Email 03-01, Ads 03-03, SEO 03-05 (converts, 300); u2: Ads only (converts, 100)
    const t = call(
      'ATTRIBUTION_TOUCHES',
      col('u1', 'u2', 'u1', 'u1'),
      col('2026-03-05', new Date(2026, 2, 2), 46082, '2026-03-03'), // 46082 = 2026-03-01
      col('SEO', 'Ads', 'Email', 'Ads'),
      col(true, 1, 'TRUE', true),
      col(300, 100, 300, 300),
      'first',
    );
    expectClose(t, [header, ['Ads', 1, 100, 0.5], ['Email', 1, 300, 0.5], ['SEO', 0, 0, 0]]);
  });

  it('time decay by days with the default 7-day half-life', () => {
    // converting touch on day 14: Ads 14 days before (1/4), Email 7 days (1/2), SEO 0 days (1); sum 7/4
    const t = call(
      'ATTRIBUTION_TOUCHES',
      col('u', 'u', 'u'),
      col(0, 7, 14),
      col('Ads', 'Email', 'SEO'),
      col(1, 1, 1),
      col(70, '', ''),
      'time_decay',
    );
    expectClose(t, [header, ['SEO', 4 / 7, 40, 4 / 7], ['Email', 2 / 7, 20, 2 / 7], ['Ads', 1 / 7, 10, 1 / 7]]);
    // half_life_days 14: weights 1/2, 1/√2, 1
    const h = call(
      'ATTRIBUTION_TOUCHES',
      col('u', 'u', 'u'),
      col(0, 7, 14),
      col('Ads', 'Email', 'SEO'),
      col(1, 1, 1),
      undefined,
      'time_decay',
      14,
    );
    const sum = 0.5 + Math.SQRT1_2 + 1;
    expectClose(h, [
      header,
      ['SEO', 1 / sum, null, 1 / sum],
      ['Email', Math.SQRT1_2 / sum, null, Math.SQRT1_2 / sum],
      ['Ads', 0.5 / sum, null, 0.5 / sum],
    ]);
  });

  it('time decay counts fractions of days (date-times) and old journeys do not underflow', () => {
    // 12 hours apart with a half-life of 0.5 days: weights 1/2 and 1
    const t = call('ATTRIBUTION_TOUCHES', col('u', 'u'), col(100000, 100000.5), col('A', 'B'), col(1, 1), undefined, 'time_decay', 0.5);
    expectClose(t, [header, ['B', 2 / 3, null, 2 / 3], ['A', 1 / 3, null, 1 / 3]]);
    const old = call('ATTRIBUTION_TOUCHES', col('u', 'u'), col(0, 40000), col('A', 'B'), col(1, 1), undefined, 'time_decay', 1);
    expectClose(old, [header, ['B', 1, null, 1], ['A', 0, null, 0]]);
  });

  it('a journey converts when any row says so; the value may be given once or on each row', () => {
    const once = call('ATTRIBUTION_TOUCHES', col('u', 'u'), col(1, 2), col('A', 'B'), col(false, true), col('', 50), 'linear');
    const each = call('ATTRIBUTION_TOUCHES', col('u', 'u'), col(1, 2), col('A', 'B'), col(true, true), col(50, 50), 'linear');
    expect(once).toEqual(each);
    expectClose(once, [header, ['A', 0.5, 25, 0.5], ['B', 0.5, 25, 0.5]]);
  });
});

describe('PATHS', () => {
  it('aggregates journeys into distinct paths with conversions, value and nulls', () => {
    const t = call(
      'PATHS',
      col('a', 'a', 'b', 'b', 'c', 'd', 'd', 'e', '', 'e'),
      col(1, 2, 5, 6, 3, 1, 2, 9, '', 9),
      col('Email', 'Search', 'email', 'SEARCH', 'Search', 'Search', 'Email', 'Paid Social', '', 'paid social'),
      col(1, 1, 1, 1, 0, 0, 0, 0, '', 0),
      col(40, 40, 60, '', '', '', '', '', '', ''),
    );
    expect(t).toEqual([
      ['Path', 'Conversions', 'Value', 'Nulls'],
      ['Email > Search', 2, 100, 0],
      ['Paid Social > Paid Social', 0, 0, 1], // ties on Nulls sort by path
      ['Search', 0, 0, 1],
      ['Search > Email', 0, 0, 1], // d: Search on day 1, Email on day 2
    ]);
  });

  it('leaves Value blank without values', () => {
    expect(call('PATHS', col('a'), col(1), col('Ads'), col(true))).toEqual([
      ['Path', 'Conversions', 'Value', 'Nulls'],
      ['Ads', 1, null, 0],
    ]);
  });
});
