import { KpiError } from '../../core/errors';
import { everyKth, fitLogParameters, LogLikelihood } from '../../core/customers/fitting';

describe('fitLogParameters: maximum likelihood in log-parameters', () => {
  it('finds the exponential rate 3 / (1 + 2 + 3) = 0.5 for waiting times 1, 2, 3 (MLE n / Σx)', () => {
    // ln L(λ) = n ln λ − λ Σx with λ = e^θ: ∂/∂θ = n − λ Σx, zero at λ = n / Σx.
    const x = [1, 2, 3];
    const total = 6;
    const logLik: LogLikelihood = (theta, grad) => {
      const lambda = Math.exp(theta[0]);
      if (grad) grad[0] = x.length - lambda * total;
      return x.length * theta[0] - lambda * total;
    };
    const fit = fitLogParameters('Exponential', ['rate'], [[0], [2]], { logLik, customers: x.length });
    expect(Math.exp(fit.theta[0])).toBeCloseTo(0.5, 10);
    expect(fit.evaluations).toBeGreaterThan(0);
  });
  it('says which parameter runs off when the likelihood keeps rising: −e^(−θ) has no maximum', () => {
    const logLik: LogLikelihood = (theta, grad) => {
      if (grad) grad[0] = Math.exp(-theta[0]);
      return -Math.exp(-theta[0]);
    };
    expect(() => fitLogParameters('Test', ['scale'], [[0]], { logLik, customers: 1 })).toThrow(/scale runs off to infinity/);
  });
  it('says the data cannot pin the parameters down when only their sum matters: −(θ₀ + θ₁ − 1)²', () => {
    const logLik: LogLikelihood = (theta, grad) => {
      const d = theta[0] + theta[1] - 1;
      if (grad) grad[0] = grad[1] = -2 * d;
      return -d * d;
    };
    let error: unknown;
    try {
      fitLogParameters('Test', ['a', 'b'], [[0, 0]], { logLik, customers: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KpiError);
    expect((error as KpiError).message).toMatch(/flat along some combination of a, b/);
  });
});

describe('everyKth', () => {
  it('takes entries ⌊i·n / size⌋: 4 of 10 values are those at 0, 2, 5 and 7', () => {
    expect(Array.from(everyKth([0, 10, 20, 30, 40, 50, 60, 70, 80, 90], 4))).toEqual([0, 20, 50, 70]);
  });
});
