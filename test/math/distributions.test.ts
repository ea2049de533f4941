import { fUpperTail, normalCdf, normalQuantile, tQuantile } from '../../core/math/distributions';

describe('the standard normal', () => {
  it('CDF: ½ at 0, 0.841345 at 1 and 0.977250 at 2 (printed tables), symmetric', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 7);
    expect(normalCdf(2)).toBeCloseTo(0.9772498681, 7);
    expect(normalCdf(-1.3) + normalCdf(1.3)).toBeCloseTo(1, 7);
  });
  it('quantile: z(0.975) = 1.959964, z(0.95) = 1.644854, z(0.5) = 0, and the far tail z(1e-6) = −4.753424', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424309, 7);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe("Student's t quantile", () => {
  it('df 1 is the Cauchy tan(π(p − ½)): t(0.975; 1) = 12.7062', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.70620474, 6);
  });
  it('df 2 has the closed form (2p − 1)·√(2 / (4p(1 − p))): t(0.975; 2) = 4.302653', () => {
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.30265273, 6);
  });
  it('df 10 and 30 match printed tables to the stated 1e-4: 2.228139 and 2.042272', () => {
    expect(Math.abs(tQuantile(0.975, 10) / 2.228138852 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(tQuantile(0.975, 30) / 2.042272456 - 1)).toBeLessThan(1e-4);
  });
});

describe("Fisher's F upper tail", () => {
  it('with d1 = 2 the tail is (1 + 2f / d2)^(−d2 / 2): P(F(2, 2) > 3.1) = 1 / 4.1', () => {
    expect(fUpperTail(3.1, 2, 2)).toBeCloseTo(1 / 4.1, 14);
    // P(F(2, 6) > 1.5) = (1 + 3 / 6)^(−3) = (3 / 2)^(−3) = 8 / 27
    expect(fUpperTail(1.5, 2, 6)).toBeCloseTo(8 / 27, 14);
  });
  it('F(1, 1) has median 1, and F = 0 or ∞ give 1 and 0', () => {
    expect(fUpperTail(1, 1, 1)).toBeCloseTo(0.5, 14);
    expect(fUpperTail(0, 3, 4)).toBe(1);
    expect(fUpperTail(Infinity, 3, 4)).toBe(0);
  });
});
