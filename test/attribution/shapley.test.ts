import fc from 'fast-check';
import { call, col } from '../support/call';
import { expectClose } from '../support/close';
import { column, creditsOf, pathRows, pathTexts } from './arbitraries';
import { Row, channelsOf, shapleyByOrderings } from './oracles';

const shapley = (rows: readonly Row[]) =>
  creditsOf(call('ATTRIBUTION', pathTexts(rows), column(rows.map((r) => r.conversions)), undefined, undefined, 'shapley'));
const total = (rows: readonly Row[]) => rows.reduce((s, r) => s + r.conversions, 0);

describe('Shapley', () => {
  it('by hand: A > B (2), A (1), B > C > B (3) gives A 2, B 2.5, C 1.5', () => {
    // v(A)=1, v(B)=v(C)=0, v(AB)=3, v(AC)=1, v(BC)=3, v(ABC)=6; A's marginals over the 6 orderings:
    // ABC 1, ACB 1, BAC 3, BCA 3, CAB 1, CBA 3 → 12/6 = 2. C's: ABC 3, ACB 0, BAC 3, BCA 3, CAB 0, CBA 0 → 9/6 = 1.5;
    // B = 6 − 2 − 1.5 = 2.5 (efficiency). Values: the same game on 20, 10, 30.
    expectClose(call('ATTRIBUTION', col('A > B', 'A', 'B > C > B'), col(2, 1, 3), col(20, 10, 30), undefined, 'shapley'), [
      ['Channel', 'Conversions', 'Value', 'Share'],
      ['B', 2.5, 25, 2.5 / 6],
      ['A', 2, 20, 2 / 6],
      ['C', 1.5, 15, 1.5 / 6],
    ]);
  });

  it('equals the mean marginal contribution over all orderings (definition)', () => {
    fc.assert(
      fc.property(pathRows(5), (rows) => {
        const ours = shapley(rows);
        for (const [c, phi] of shapleyByOrderings(rows)) expect(ours.get(c)).toBeCloseTo(phi, 9);
      }),
      { numRuns: 150 },
    );
  });

  it('efficiency: credits add up to the total conversions', () => {
    fc.assert(
      fc.property(pathRows(8, 20, 8), (rows) => {
        const sum = [...shapley(rows).values()].reduce((s, x) => s + x, 0);
        expect(sum).toBeCloseTo(total(rows), 9);
      }),
    );
  });

  it('symmetry: two channels that are interchangeable in every path get equal credit', () => {
    // The table plus its mirror image with A and B swapped: A and B are interchangeable in v.
    fc.assert(
      fc.property(pathRows(4), (rows) => {
        const swap = (c: string) => (c === 'A' ? 'B' : c === 'B' ? 'A' : c);
        const mirrored = rows.map((r) => ({ ...r, path: r.path.map(swap) }));
        const credits = shapley([...rows, ...mirrored]);
        expect(credits.get('A') ?? 0).toBeCloseTo(credits.get('B') ?? 0, 9);
      }),
    );
  });

  it('null player: a channel that adds nothing to any coalition gets 0', () => {
    fc.assert(
      fc.property(pathRows(5), fc.nat(), (rows, where) => {
        // Z joins only paths that never convert: v(S ∪ {Z}) = v(S) for every S.
        const withZ = rows.map((r, i) => (r.conversions === 0 && i % 2 === where % 2 ? { ...r, path: [...r.path, 'Z'] } : r));
        withZ.push({ path: ['Z'], conversions: 0, nulls: 3 });
        const credits = shapley(withZ);
        expect(credits.get('Z')).toBe(0);
        for (const c of channelsOf(rows)) expect(credits.get(c)).toBeCloseTo(shapley(rows).get(c) ?? 0, 9);
      }),
    );
  });

  it('handles many channels exactly (40 channels on one path get 1/40 each)', () => {
    const path = Array.from({ length: 40 }, (_, i) => `ch ${i}`).join(' > ');
    const credits = shapley([{ path: path.split(' > '), conversions: 4, nulls: 0 }]);
    expect(credits.size).toBe(40);
    for (const v of credits.values()) expect(v).toBeCloseTo(0.1, 12);
  });
});
