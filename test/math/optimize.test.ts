import { bfgs, goldenSection, hessianFromGradient, minimizeFromStarts, nelderMead, ObjectiveWithGradient } from '../../core/math/optimize';

// f(x, y) = x² + xy + y² − 3x. The gradient (2x + y − 3, x + 2y) vanishes where x = −2y, so
// −4y + y = 3: y = −1, x = 2, and f(2, −1) = 4 − 2 + 1 − 6 = −3. The Hessian is [[2, 1], [1, 2]].
const quadratic = (v: readonly number[]) => v[0] * v[0] + v[0] * v[1] + v[1] * v[1] - 3 * v[0];
const quadraticWithGradient: ObjectiveWithGradient = (v, g) => {
  g[0] = 2 * v[0] + v[1] - 3;
  g[1] = v[0] + 2 * v[1];
  return quadratic(v);
};

describe('nelderMead', () => {
  it('finds the minimum (2, −1) of x² + xy + y² − 3x, value −3, from the origin', () => {
    const found = nelderMead(quadratic, [0, 0], { valueTolerance: 1e-14 });
    expect(found.x[0]).toBeCloseTo(2, 4);
    expect(found.x[1]).toBeCloseTo(-1, 4);
    expect(found.value).toBeCloseTo(-3, 8);
    expect(found.evaluations).toBeLessThanOrEqual(400);
  });
  it('walks away from where the objective is undefined (NaN counts as +∞): (x − 2)² defined for x ≥ 0 only', () => {
    const found = nelderMead((v) => (v[0] < 0 ? NaN : (v[0] - 2) ** 2), [0.1], { valueTolerance: 1e-14 });
    expect(found.x[0]).toBeCloseTo(2, 4);
  });
});

describe('bfgs', () => {
  it('reaches (2, −1) to full precision with the analytic gradient', () => {
    const found = bfgs(quadraticWithGradient, [0, 0]);
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBeCloseTo(2, 8);
    expect(found.x[1]).toBeCloseTo(-1, 8);
    expect(found.value).toBeCloseTo(-3, 12);
  });
  it("minimises Rosenbrock's (1 − x)² + 100(y − x²)², minimum 0 at (1, 1), from (−1.2, 1)", () => {
    const rosenbrock: ObjectiveWithGradient = ([x, y], g) => {
      g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      g[1] = 200 * (y - x * x);
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    };
    const found = bfgs(rosenbrock, [-1.2, 1]);
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBeCloseTo(1, 6);
    expect(found.x[1]).toBeCloseTo(1, 6);
  });
  it('reports no convergence when the iterations run out', () => {
    expect(bfgs(quadraticWithGradient, [50, 50], { maxIterations: 1 }).converged).toBe(false);
  });
});

describe('minimizeFromStarts', () => {
  it('keeps the deeper of two basins: (x² − 1)² + 0.3x is lowest near x = −1', () => {
    // f'(x) = 4x³ − 4x + 0.3; one Newton step from −1 (f' = 0.3, f'' = 8) gives −1.0375, and the
    // minimum near +1 is higher because of the + 0.3x.
    const f = (v: readonly number[]) => (v[0] * v[0] - 1) ** 2 + 0.3 * v[0];
    const fg: ObjectiveWithGradient = (v, g) => {
      g[0] = 4 * v[0] ** 3 - 4 * v[0] + 0.3;
      return f(v);
    };
    const found = minimizeFromStarts(f, fg, [[1.2], [-0.8]]);
    expect(found.converged).toBe(true);
    expect(found.x[0]).toBeCloseTo(-1.0375, 2);
    expect(Math.abs(4 * found.x[0] ** 3 - 4 * found.x[0] + 0.3)).toBeLessThan(1e-8);
    expect(found.startValues).toHaveLength(2);
  });
});

describe('hessianFromGradient', () => {
  it('is [[2, 1], [1, 2]] for x² + xy + y² − 3x, wherever it is taken', () => {
    const H = hessianFromGradient(quadraticWithGradient, [0.7, -3]);
    expect(H[0][0]).toBeCloseTo(2, 8);
    expect(H[0][1]).toBeCloseTo(1, 8);
    expect(H[1][0]).toBeCloseTo(1, 8);
    expect(H[1][1]).toBeCloseTo(2, 8);
  });
});

describe('goldenSection', () => {
  it('finds the minimum 0.3 of (x − 0.3)² on [0, 1] to the tolerance', () => {
    expect(goldenSection((x) => (x - 0.3) ** 2, 0, 1, 1e-6)).toBeCloseTo(0.3, 5);
  });
  it('ends at the boundary when f keeps falling towards it: x on [0.01, 1] gives about 0.01', () => {
    const x = goldenSection((t) => t, 0.01, 1, 1e-4);
    expect(x).toBeGreaterThanOrEqual(0.01);
    expect(x).toBeLessThan(0.01 + 1e-4);
  });
});
