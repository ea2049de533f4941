import fc from 'fast-check';
import { KpiError } from '../../core/errors';
import { digamma, incompleteBeta, logGamma, signedLogGamma } from '../../core/math/special';

/** Relative difference, for values of any size. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('logGamma', () => {
  it('matches factorials: ln Γ(n) = ln (n−1)!', () => {
    let fact = 1;
    for (let n = 1; n <= 30; n++) {
      expect(Math.abs(logGamma(n) - Math.log(fact))).toBeLessThan(1e-13 * Math.max(1, Math.log(fact)));
      fact *= n;
    }
  });
  it('matches Γ(½) = √π and Γ(3/2) = √π/2', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
  });
  it('is accurate for large and tiny arguments', () => {
    // ln Γ(100) = ln 99! = 359.13420536957539877… (Abramowitz & Stegun table 6.3 / exact factorial)
    expect(rel(logGamma(100), 359.1342053695754)).toBeLessThan(1e-14);
    // Γ(x) ~ 1/x − γ for tiny x
    expect(rel(logGamma(1e-8), -Math.log(1e-8) - 0.5772156649015329e-8)).toBeLessThan(1e-14);
  });
  it('gives the sign of Γ for negative arguments: Γ(−½) = −2√π, Γ(−3/2) = 4√π/3', () => {
    const a = signedLogGamma(-0.5);
    expect(a.sign).toBe(-1);
    expect(Math.exp(a.log)).toBeCloseTo(2 * Math.sqrt(Math.PI), 13);
    const b = signedLogGamma(-1.5);
    expect(b.sign).toBe(1);
    expect(Math.exp(b.log)).toBeCloseTo((4 * Math.sqrt(Math.PI)) / 3, 13);
    expect(signedLogGamma(-2).sign).toBe(0);
  });
  it('satisfies Γ(x+1) = x Γ(x) (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 150, noNaN: true }),
        (x) => Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x)) < 1e-12 * Math.max(1, Math.abs(logGamma(x + 1))),
      ),
    );
  });
  it('rejects non-positive input with #NUM!', () => {
    expect(() => logGamma(0)).toThrow(KpiError);
    expect(() => logGamma(-1)).toThrow(/positive/);
  });
});

describe('digamma', () => {
  it('matches ψ(1) = −γ, ψ(½) = −γ − 2 ln 2 and ψ(x+1) = ψ(x) + 1/x', () => {
    const gamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-gamma, 14);
    expect(digamma(0.5)).toBeCloseTo(-gamma - 2 * Math.log(2), 14);
    for (const x of [0.01, 0.3, 2.5, 7, 40]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 11);
  });
  it('is the derivative of logGamma (central difference)', () => {
    for (const x of [0.2, 1.7, 6.25, 50]) {
      const h = 1e-5 * Math.max(1, x);
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 6);
    }
  });
});

describe('incompleteBeta', () => {
  it('I_x(1, 1) = x and I_x(a, 1) = x^a (closed forms)', () => {
    for (const x of [0.05, 0.3, 0.5, 0.9]) {
      expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 13);
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
    }
  });
  it('I_0.4(2, 3) = 0.5248, the binomial tail P(Bin(4, 0.4) ≥ 2) worked by hand', () => {
    // 6·0.4²·0.6² + 4·0.4³·0.6 + 0.4⁴ = 0.3456 + 0.1536 + 0.0256
    expect(incompleteBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 13);
  });
  it('is ½ at x = ½ when a = b, and takes the symmetric branch past the mode: I_0.9(2, 3) = 1 − I_0.1(3, 2)', () => {
    expect(incompleteBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 13);
    // I_0.1(3, 2) = P(Bin(4, 0.1) ≥ 3) = 4·0.001·0.9 + 0.0001 = 0.0037
    expect(incompleteBeta(0.9, 2, 3)).toBeCloseTo(1 - 0.0037, 13);
  });
  it('is 0 at or below 0 and 1 at or above 1', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(-1, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});
