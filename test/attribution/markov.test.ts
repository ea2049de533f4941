import fc from 'fast-check';
import { call, col } from '../support/call';
import { expectClose } from '../support/close';
import { column, creditsOf, pathRows, pathTexts } from './arbitraries';
import { Row, removalEffectsByIteration } from './oracles';

const effectsOf = (rows: readonly Row[], withNulls = true): Map<string, number> => {
  const t = call(
    'REMOVAL_EFFECTS',
    pathTexts(rows),
    column(rows.map((r) => r.conversions)),
    withNulls ? column(rows.map((r) => r.nulls)) : undefined,
  );
  return new Map((t as [string, number][]).slice(1).map((r) => [r[0], r[1]]));
};

describe('Markov removal effects', () => {
  it('by hand with a cycle: A > B > A converts once, B does not', () => {
    // start → A 1/2, → B 1/2; A → B 1/2, → conversion 1/2; B → A 1/2, → null 1/2.
    // x_A = 1/2 + x_B/2, x_B = x_A/2 → x_A = 2/3, x_B = 1/3; P = (2/3 + 1/3)/2 = 1/2.
    // Without A: B can only reach null → P = 0, effect 1. Without B: P = 1/2 · 1/2 = 1/4, effect 1/2.
    expectClose(call('REMOVAL_EFFECTS', col('A > B > A', 'B'), col(1, 0), col(0, 1)), [
      ['Channel', 'Removal effect'],
      ['A', 1],
      ['B', 0.5],
    ]);
    // shared in proportion 1 : 1/2 of the single conversion
    expectClose(call('ATTRIBUTION', col('A > B > A', 'B'), col(1, 0), undefined, col(0, 1), 'markov'), [
      ['Channel', 'Conversions', 'Value', 'Share'],
      ['A', 2 / 3, null, 2 / 3],
      ['B', 1 / 3, null, 1 / 3],
    ]);
  });

  it('without nulls every journey converts: effect = share of journeys the chain sends through the channel', () => {
    // A > B (1), A (1): start → A 1; A → B 1/2, → conversion 1/2; B → conversion 1. P = 1.
    // Without A: 0 (effect 1); without B: 1/2 (effect 1/2). Nulls given as 0 change nothing.
    const expected = [
      ['Channel', 'Removal effect'],
      ['A', 1],
      ['B', 0.5],
    ];
    expectClose(call('REMOVAL_EFFECTS', col('A > B', 'A'), col(1, 1)), expected);
    expectClose(call('REMOVAL_EFFECTS', col('A > B', 'A'), col(1, 1), col(0, 0)), expected);
  });

  it('matches value iteration on the chain, with and without nulls', () => {
    fc.assert(
      fc.property(pathRows(5, 8, 6), fc.boolean(), (rows, withNulls) => {
        const ours = effectsOf(rows, withNulls);
        for (const [c, e] of removalEffectsByIteration(rows, withNulls)) expect(ours.get(c)).toBeCloseTo(e, 8);
      }),
      { numRuns: 150 },
    );
  });

  it('effects lie in [0, 1] and the credits add up to the total conversions', () => {
    fc.assert(
      fc.property(pathRows(6, 15, 8), (rows) => {
        for (const e of effectsOf(rows).values()) {
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(1);
        }
        const credits = creditsOf(
          call(
            'ATTRIBUTION',
            pathTexts(rows),
            column(rows.map((r) => r.conversions)),
            undefined,
            column(rows.map((r) => r.nulls)),
            'markov',
          ),
        );
        const sum = [...credits.values()].reduce((s, x) => s + x, 0);
        expect(sum).toBeCloseTo(
          rows.reduce((s, r) => s + r.conversions, 0),
          9,
        );
      }),
    );
  });

  it('repeated touches (A > A > B) give the same effects as single touches (self-loops never change where a journey ends)', () => {
    fc.assert(
      fc.property(pathRows(4, 6, 4), fc.array(fc.nat(3), { minLength: 1, maxLength: 6 }), (rows, repeats) => {
        const stuttered = rows.map((r, i) => ({
          ...r,
          path: r.path.flatMap((c, k) => (k === 0 ? Array(1 + repeats[i % repeats.length]).fill(c) : [c])),
        }));
        const a = effectsOf(rows);
        const b = effectsOf(stuttered);
        for (const [c, e] of a) expect(b.get(c)).toBeCloseTo(e, 9);
      }),
    );
  });

  it('a channel seen only on journeys with no conversions and no nulls has effect 0', () => {
    expectClose(call('REMOVAL_EFFECTS', col('A', 'Z > A'), col(2, 0), col(1, 0)), [
      ['Channel', 'Removal effect'],
      ['A', 1],
      ['Z', 0],
    ]);
  });
});
