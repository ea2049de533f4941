import { normalVariate, seededNormal, seededRandom } from '../../core/math/random';

/** A stand-in for a uniform generator that returns the given values in turn. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++];
};

describe('normalVariate', () => {
  it('Box–Muller by hand: u = 1 − e^−2 gives radius √(−2 ln e^−2) = 2, and v = 0 or ½ gives angle 0 or π', () => {
    expect(normalVariate(sequence(1 - Math.exp(-2), 0))).toBeCloseTo(2, 14);
    expect(normalVariate(sequence(1 - Math.exp(-2), 0.5))).toBeCloseTo(-2, 14);
  });
  it('stays finite when the uniform is 0 (it takes the log of 1 − u)', () => {
    expect(Math.abs(normalVariate(sequence(0, 0)))).toBe(0);
  });
  it('seeded draws repeat and look standard normal: mean near 0, variance near 1 over 20,000 draws', () => {
    const a = seededNormal(42);
    const b = seededNormal(42);
    const draws = Array.from({ length: 20000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const m = draws.reduce((s, x) => s + x, 0) / draws.length;
    const v = draws.reduce((s, x) => s + (x - m) ** 2, 0) / (draws.length - 1);
    // Standard errors: 1/√20000 ≈ 0.007 for the mean, √(2/20000) = 0.01 for the variance.
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.04);
  });
  it('draws its uniforms from seededRandom in order', () => {
    const u = seededRandom(7);
    const expected = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    expect(seededNormal(7)()).toBe(expected);
  });
});
