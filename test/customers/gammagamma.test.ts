import { conditionalExpectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from '../../core/customers/gammagamma';
import { logGamma } from '../../core/math/special';
import { cdnowWithSpend } from './cdnow';
import { simulateCustomers } from './simulate';
import { seededRandom } from '../../core/math/random';

const cdnow = cdnowWithSpend();

describe('Gamma-Gamma on the CDNOW repeat customers (Fader & Hardie 2013)', () => {
  const fit = fitGammaGamma(cdnow.x, cdnow.zbar);
  it('uses the 946 customers with x > 0', () => expect(fit.customers).toBe(946));
  it('gives p 6.25, q 3.74, v 15.44 (lifetimes; v prints 15.45 from 15.4477)', () => {
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.005);
    expect(Math.abs(fit.q - 3.74)).toBeLessThan(0.005);
    expect(Math.abs(fit.v - 15.447)).toBeLessThan(0.005);
    // SciPy's independent optimum: LL −4055.9232435028584 (test/customers/refs/scipy_reference.py)
    expect(Math.abs(fit.logLik - -4055.9232435028584)).toBeLessThan(1e-8);
  });
  it('gives the published conditional expected spend of the first ten customers', () => {
    // lifetimes Quickstart: 24.65(86), 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    // SciPy at its own fit: 24.65861603 18.91147937 35.17100259 … 71.4628511 … 27.28240748
    const scipy = [
      24.65861603, 18.91147937, 35.17100259, 35.17100259, 35.17100259, 71.4628511, 18.91147937, 35.17100259, 27.28240748, 35.17100259,
    ];
    for (let i = 0; i < 10; i++) {
      const spend = conditionalExpectedSpend(fit, cdnow.x[i], cdnow.zbar[i]);
      expect(Math.abs(spend - published[i])).toBeLessThan(0.01); // published values are truncated to cents
      expect(Math.abs(spend - scipy[i])).toBeLessThan(1e-5);
    }
  });
  it('gives customers without repeats the population mean p·v/(q−1)', () => {
    expect(conditionalExpectedSpend(fit, 0, 0)).toBeCloseTo((fit.p * fit.v) / (fit.q - 1), 12);
  });
});

describe('Gamma-Gamma likelihood and spend formula', () => {
  it('equals eq. 3 written out for one customer', () => {
    const [p, q, v, x, m] = [2.5, 3.5, 12, 3, 40];
    const expected =
      logGamma(p * x + q) -
      logGamma(p * x) -
      logGamma(q) +
      q * Math.log(v) +
      (p * x - 1) * Math.log(m) +
      p * x * Math.log(x) -
      (p * x + q) * Math.log(v + m * x);
    expect(gammaGammaLogLikelihood({ p, q, v }, [x, 0], [m, 0])).toBeCloseTo(expected, 12);
  });
  it('E[M] is the credibility-weighted mean: hand-worked p 2, q 3, v 10, x 1, z̄ 20 gives 15', () => {
    // (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · z̄ = 2/4 · 10 + 2/4 · 20 = 15
    expect(conditionalExpectedSpend({ p: 2, q: 3, v: 10 }, 1, 20)).toBe(15);
  });
  it('recovers simulated parameters (20,000 customers)', () => {
    const sim = simulateCustomers(20000, { r: 0.5, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, v: 15, horizon: 39, joinPeriod: 12, seed: 21 });
    const fit = fitGammaGamma(sim.frequency, sim.monetary);
    expect(Math.abs(fit.p / 6 - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.q / 4 - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.v / 15 - 1)).toBeLessThan(0.15);
  });
});

describe('Gamma-Gamma bad input', () => {
  it('needs repeat customers', () => {
    expect(() => fitGammaGamma([0, 0], [0, 0])).toThrow(/no customer has a repeat purchase/);
    expect(() => fitGammaGamma([0, 2], [0, 10])).toThrow(/at least two/);
  });
  it('rejects a repeat customer with no spend, negative counts and mismatched sizes', () => {
    expect(() => fitGammaGamma([1, 2, 3], [10, 0, 5])).toThrow(/customer 2: monetary 0/);
    expect(() => fitGammaGamma([1, -2, 3], [10, 5, 5])).toThrow(/negative/);
    expect(() => fitGammaGamma([1, 2], [10])).toThrow(/frequency has 2 customers but monetary has 1/);
  });
  it('says so when spends do not vary', () => {
    expect(() => fitGammaGamma([1, 2, 3, 1, 2], [20, 20, 20, 20, 20])).toThrow(/did not converge/);
  });
  it('refuses a population mean when q ≤ 1', () => {
    expect(() => conditionalExpectedSpend({ p: 2, q: 0.9, v: 10 }, 0, 0)).toThrow(/unbounded/);
  });
});

describe('Gamma-Gamma on data the model cannot fit', () => {
  it('says so when spend barely varies within customers, rather than giving numbers', () => {
    // 300 customers, each with a spend level of its own and purchases within ±5% of it: p (the
    // shape of one purchase's spend) is pushed towards infinity along a ridge where p·v is fixed.
    for (const seed of [1, 3]) {
      const rand = seededRandom(seed);
      const x: number[] = [];
      const m: number[] = [];
      for (let i = 0; i < 300; i++) {
        const level = Math.exp(3 + rand() * 1.5);
        const f = 1 + Math.floor(rand() * 8);
        let total = 0;
        for (let k = 0; k < f; k++) total += level * (1 + (2 * rand() - 1) * 0.05);
        x.push(f);
        m.push(total / f);
      }
      expect(() => fitGammaGamma(x, m)).toThrow(/cannot pin them down|runs off to infinity/);
    }
  });
});
