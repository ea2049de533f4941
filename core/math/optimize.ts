import { dot, maxAbs } from './linalg';

/**
 * Small minimisers for smooth objectives of a handful of parameters. Unconstrained: Nelder-Mead,
 * robust from a poor start and needing only values; BFGS with an analytic gradient, which takes the
 * result to full precision in a few dozen steps; a multi-start search combining the two; and the
 * Hessian by differences of the gradient, to judge the optimum found. On an interval: golden-section
 * search. Callers that need bounds or positivity work on transformed parameters (logs, say).
 */

export type Objective = (x: readonly number[]) => number;
/** Value and gradient at x; the gradient is written into `grad`. */
export type ObjectiveWithGradient = (x: readonly number[], grad: number[]) => number;

export interface NelderMeadOptions {
  /** Initial simplex edge along each axis. */
  step?: number;
  maxEvaluations?: number;
  /** Stop when the simplex values differ by less than this. */
  valueTolerance?: number;
}

export interface MinimumFound {
  x: number[];
  value: number;
  evaluations: number;
}

/**
 * Nelder-Mead with the standard coefficients (reflect 1, expand 2, contract ½, shrink ½).
 * Non-finite values count as +∞, so the simplex walks away from places the objective is undefined.
 * Cost: about n + 2 evaluations per iteration in the worst case, usually one or two.
 */
export function nelderMead(f: Objective, x0: readonly number[], options: NelderMeadOptions = {}): MinimumFound {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tol = options.valueTolerance ?? 1e-10;
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step;
    simplex.push(p);
  }
  const values = simplex.map(value);
  const order = simplex.map((_, i) => i);
  const combine = (centroid: number[], worst: number[], t: number): number[] => centroid.map((c, j) => c + t * (worst[j] - c));

  while (evaluations < maxEvaluations) {
    order.sort((i, j) => values[i] - values[j]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    if (Math.abs(values[worst] - values[best]) <= tol * (1 + Math.abs(values[best]))) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) {
      const p = simplex[order[k]];
      for (let j = 0; j < n; j++) centroid[j] += p[j] / n;
    }
    const reflected = combine(centroid, simplex[worst], -1);
    const fr = value(reflected);
    if (fr < values[best]) {
      const expanded = combine(centroid, simplex[worst], -2);
      const fe = value(expanded);
      if (fe < fr) [simplex[worst], values[worst]] = [expanded, fe];
      else [simplex[worst], values[worst]] = [reflected, fr];
      continue;
    }
    if (fr < values[second]) {
      [simplex[worst], values[worst]] = [reflected, fr];
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = fr < values[worst];
    const contracted = combine(centroid, outside ? reflected : simplex[worst], 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : values[worst])) {
      [simplex[worst], values[worst]] = [contracted, fc];
      continue;
    }
    // Shrink everything towards the best point.
    for (const i of order.slice(1)) {
      simplex[i] = combine(simplex[best], simplex[i], 0.5);
      values[i] = value(simplex[i]);
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { x: simplex[best], value: values[best], evaluations };
}

export interface BfgsOptions {
  maxIterations?: number;
  /** Converged when every gradient component is below this in absolute value. */
  gradientTolerance?: number;
  /**
   * When the value stops improving at double precision (rounding noise in the objective is larger
   * than what is left to gain), the point still counts as converged if every gradient component is
   * below this; a Newton polish on the gradient alone can finish from there. Default 1e-5.
   */
  stallTolerance?: number;
}

export interface BfgsResult extends MinimumFound {
  gradient: number[];
  converged: boolean;
  iterations: number;
}

/**
 * BFGS quasi-Newton with a backtracking (Armijo) line search on the analytic gradient. The inverse
 * Hessian estimate starts as the identity scaled by the first step, and an update is skipped when
 * the curvature condition fails (keeps it positive definite). Converged means max |gradient| below
 * the tolerance; the caller decides what a failure means.
 */
export function bfgs(fg: ObjectiveWithGradient, x0: readonly number[], options: BfgsOptions = {}): BfgsResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const gTol = options.gradientTolerance ?? 1e-8;
  const stallTol = options.stallTolerance ?? 1e-5;
  let evaluations = 0;
  let stalled = 0;
  const evaluate = (x: number[], g: number[]): number => {
    evaluations++;
    const v = fg(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Infinity;
  };
  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let f = evaluate(x, g);
  const H: number[][] = identity(n);
  let scaled = false;
  let iterations = 0;

  while (iterations < maxIterations && Number.isFinite(f) && maxAbs(g) > gTol) {
    iterations++;
    const d = H.map((row) => -dot(row, g));
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      reset(H);
      for (let j = 0; j < n; j++) d[j] = -g[j];
      slope = -dot(g, g);
    }
    let t = 1;
    const xNew = new Array<number>(n);
    const gNew = new Array<number>(n).fill(0);
    let fNew = Infinity;
    for (let k = 0; k < 60; k++) {
      for (let j = 0; j < n; j++) xNew[j] = x[j] + t * d[j];
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    if (!(fNew <= f + 1e-4 * t * slope)) {
      stalled = 3; // no progress possible at double precision
      break;
    }
    // Three steps in a row that gain next to nothing: the value is at (or near) its rounding floor,
    // and the Newton polish that follows works on the gradient alone.
    stalled = f - fNew <= 1e-12 * Math.max(1, Math.abs(f)) ? stalled + 1 : 0;
    const s = xNew.map((v, j) => v - x[j]);
    const y = gNew.map((v, j) => v - g[j]);
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (!scaled) {
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H[i][j] = i === j ? scale : 0;
        scaled = true;
      }
      updateInverseHessian(H, s, y, sy);
    }
    x = xNew.slice();
    g = gNew.slice();
    f = fNew;
    if (stalled >= 3) break;
  }
  const size = maxAbs(g);
  const converged = Number.isFinite(f) && (size <= gTol || (stalled >= 3 && size <= stallTol));
  return { x, value: f, gradient: g, converged, iterations, evaluations };
}

function updateInverseHessian(H: number[][], s: number[], y: number[], sy: number): void {
  const n = s.length;
  const Hy = H.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  const rho = 1 / sy;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i][j] += (1 + yHy * rho) * rho * s[i] * s[j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]);
    }
  }
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function reset(H: number[][]): void {
  for (let i = 0; i < H.length; i++) for (let j = 0; j < H.length; j++) H[i][j] = i === j ? 1 : 0;
}

export interface MultiStartResult extends BfgsResult {
  /** Best values reached by Nelder-Mead from each start, for diagnostics. */
  startValues: number[];
}

/**
 * Nelder-Mead from each start (cheap, coarse), then BFGS from the best of them to polish; if that
 * polish does not converge, the next-best start is polished in turn. Returns the first converged
 * polish, or the best unconverged one (converged: false) for the caller to report.
 */
export function minimizeFromStarts(
  f: Objective,
  fg: ObjectiveWithGradient,
  starts: readonly (readonly number[])[],
  options: {
    nelderMeadEvaluations?: number;
    gradientTolerance?: number;
    /**
     * A cheaper stand-in for f in the Nelder-Mead phase (for example the likelihood of a subsample),
     * only used to pick where BFGS starts; if no polish from it converges, the search is redone on f.
     */
    coarse?: Objective;
  } = {},
): MultiStartResult {
  // On a subsample Nelder-Mead only has to find the basin: a looser, shorter search is enough.
  const nm = options.coarse
    ? { maxEvaluations: 150, valueTolerance: 1e-7 }
    : { maxEvaluations: options.nelderMeadEvaluations ?? 300, valueTolerance: 1e-9 };
  const coarse = starts.map((s) => nelderMead(options.coarse ?? f, s, nm));
  const startValues = coarse.map((c) => c.value);
  const ranked = coarse.slice().sort((p, q) => p.value - q.value);
  let best: BfgsResult | undefined;
  let evaluations = coarse.reduce((s, c) => s + c.evaluations, 0);
  for (const start of ranked) {
    if (!Number.isFinite(start.value)) continue;
    const polished = bfgs(fg, start.x, { gradientTolerance: options.gradientTolerance });
    evaluations += polished.evaluations;
    if (!best || polished.value < best.value) best = polished;
    if (polished.converged) break;
  }
  if (options.coarse && !best?.converged) return minimizeFromStarts(f, fg, starts, { ...options, coarse: undefined });
  if (!best) {
    return {
      x: starts[0].slice(),
      value: Infinity,
      gradient: starts[0].map(() => NaN),
      converged: false,
      iterations: 0,
      evaluations,
      startValues,
    };
  }
  return { ...best, evaluations, startValues };
}

/**
 * Hessian at x by central differences of the analytic gradient (2n gradient evaluations), symmetrised.
 * Used to tell a well-determined optimum from a flat ridge where the data do not pin a parameter down.
 */
export function hessianFromGradient(fg: ObjectiveWithGradient, x: readonly number[], h = 1e-4): number[][] {
  const n = x.length;
  const H = identity(n).map((row) => row.map(() => 0));
  const gPlus = new Array<number>(n).fill(0);
  const gMinus = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    const xp = x.slice();
    const xm = x.slice();
    xp[j] += h;
    xm[j] -= h;
    fg(xp, gPlus);
    fg(xm, gMinus);
    for (let i = 0; i < n; i++) H[i][j] = (gPlus[i] - gMinus[i]) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) H[i][j] = H[j][i] = 0.5 * (H[i][j] + H[j][i]);
  }
  return H;
}

/**
 * Golden-section search for the minimum of a unimodal f on [a, b], down to an interval of width tol;
 * returns its midpoint. Cost: one evaluation per step, about log(tol / (b − a)) / log(0.618) steps.
 * @example goldenSection((x) => (x - 0.3) ** 2, 0, 1, 1e-6) ≈ 0.3
 */
export function goldenSection(f: (x: number) => number, a: number, b: number, tol = 1e-4): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
