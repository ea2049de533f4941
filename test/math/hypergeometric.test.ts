import fc from 'fast-check';
import { hyp2f1 } from '../../core/math/hypergeometric';

/** Relative difference, for values of any size. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('hyp2f1 against closed forms', () => {
  it('2F1(1,1;2;z) = −ln(1−z)/z on every branch (series, Pfaff, 1−z with c−a−b = 0 exactly)', () => {
    for (const z of [-20, -3, -0.9, -0.5, 0.1, 0.5, 0.74, 0.76, 0.9, 0.99, 0.999999]) {
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-10);
    }
  });
  it('2F1(a,b;b;z) = (1−z)^(−a)', () => {
    for (const [a, b, z] of [
      [0.3, 2.5, 0.6],
      [2.2, 0.7, 0.95],
      [1.5, 3.1, -4],
      [0.243, 3.426, 0.9],
    ]) {
      expect(rel(hyp2f1(a, b, b, z), Math.pow(1 - z, -a))).toBeLessThan(1e-11);
    }
  });
  it('2F1(½,½;3/2;z²) = arcsin(z)/z and 2F1(½,1;3/2;−z²) = arctan(z)/z', () => {
    for (const z of [0.1, 0.5, 0.8, 0.95, 0.999]) expect(rel(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z)).toBeLessThan(1e-11);
    for (const z of [0.3, 1, 3, 30]) expect(rel(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z)).toBeLessThan(1e-11);
  });
  it('matches a plain, long summation of the series for z in the 1−z branch (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.double({ min: 0.1, max: 6, noNaN: true }),
        fc.double({ min: 0.76, max: 0.97, noNaN: true }),
        (a, b, c, z) => {
          let term = 1;
          let sum = 1;
          for (let n = 0; n < 200000; n++) {
            term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
            sum += term;
            if (Math.abs(term) < 1e-18 * Math.abs(sum) && n > 10) break;
          }
          return rel(hyp2f1(a, b, c, z), sum) < 1e-9;
        },
      ),
      { numRuns: 200 },
    );
  });
  it('stays exact where c − a − b is within 1e-3 of an integer (a case fast-check found)', () => {
    const [a, b, c, z] = [3.9986800901215953, 3.999986632667366, 5.999651051138273, 0.76];
    let term = 1;
    let sum = 1;
    for (let n = 0; n < 5000; n++) {
      term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
      sum += term;
    }
    expect(rel(hyp2f1(a, b, c, z), sum)).toBeLessThan(1e-12);
  });
  it("satisfies Euler's transformation 2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a,c−b;c;z) (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 8, noNaN: true }),
        fc.double({ min: -10, max: 0.98, noNaN: true }),
        (a, b, c, z) => rel(hyp2f1(a, b, c, z), Math.pow(1 - z, c - a - b) * hyp2f1(c - a, c - b, c, z)) < 1e-9,
      ),
      { numRuns: 300 },
    );
  });
  it('handles large parameters without overflow in the log form (values checked with SciPy)', () => {
    // scipy.special.hyp2f1(50.2, 52.4, 52.2, 0.8) = 1.680225363087501e+35
    expect(rel(hyp2f1(50.2, 52.4, 52.2, 0.8), 1.680225363087501e35)).toBeLessThan(1e-12);
    // scipy.special.hyp2f1(2.243, 4.426, 5.219, 0.999) = 55869.74702050915
    expect(rel(hyp2f1(2.243, 4.426, 5.219, 0.999), 55869.74702050915)).toBeLessThan(1e-12);
  });
  it('rejects z ≥ 1 and poles of c with #NUM!', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z < 1/);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(/pole/);
  });
});
