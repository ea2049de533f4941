import { numError } from '../errors';

/**
 * Small unconstrained minimisers for the customer models (a handful of parameters, smooth
 * objectives). The models work on log-parameters, so "unconstrained" is natural. Two methods:
 * Nelder-Mead, robust from a poor start and needing only values, and BFGS with an analytic
 * gradient, which takes the result to full precision in a few dozen steps.
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

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
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
  const nm = options.coarse ? { maxEvaluations: 150, valueTolerance: 1e-7 } : { maxEvaluations: options.nelderMeadEvaluations ?? 300, valueTolerance: 1e-9 };
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
    return { x: starts[0].slice(), value: Infinity, gradient: starts[0].map(() => NaN), converged: false, iterations: 0, evaluations, startValues };
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

/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations, ascending. */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const A = matrix.map((row) => row.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i][j] * A[i][j];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = c * akp - s * akq;
          A[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = c * apk - s * aqk;
          A[q][k] = s * apk + c * aqk;
        }
      }
    }
  }
  return A.map((row, i) => row[i]).sort((a, b) => a - b);
}

/** Log-parameters past this are treated as undefined objective values (e^40 ≈ 2e17). */
export const LOG_PARAM_OUT_OF_RANGE = 40;
// A log-parameter past this means the estimate runs off to 0 or ∞ (e^15 ≈ 3e6).
const LOG_PARAM_DRIFT = 15;
// Smallest / largest Hessian eigenvalue below this: a flat ridge, the parameters are not identified.
const FLAT_RIDGE = 1e-7;

/**
 * Turns an optimiser result into a clear error unless it is a proper interior maximum of the
 * likelihood, and polishes it: a parameter running off to 0 or ∞ is named; no convergence says so;
 * a Hessian (of the mean negative log-likelihood in log-parameters) with an eigenvalue near 0
 * relative to the largest means a flat ridge, where the data cannot pin the parameters down.
 * Otherwise up to three Newton steps with that Hessian take the gradient to rounding level, so the
 * estimate is reproducible to about 1e-10 whatever path the optimiser took.
 * @returns the polished point.
 * @throws KpiError #NUM! in each of the failure cases.
 */
export function requireInteriorOptimum(
  model: string,
  names: readonly string[],
  best: BfgsResult,
  fg: ObjectiveWithGradient,
  hint = 'check that the inputs are in one time unit and that enough customers repeat',
): number[] {
  const drifting = best.x.findIndex((v) => !(Math.abs(v) <= LOG_PARAM_DRIFT));
  if (drifting >= 0) {
    const to = best.x[drifting] > 0 ? 'infinity' : '0';
    throw numError(`${model} fit did not converge: ${names[drifting]} runs off to ${to}, so the data do not support the model (too few customers, or too little variation)`);
  }
  const H = hessianFromGradient(fg, best.x);
  const eig = symmetricEigenvalues(H);
  const largest = eig[eig.length - 1];
  const flat = !(eig[0] > FLAT_RIDGE * Math.max(largest, 1e-12));
  // An optimiser stalling on a flat ridge is the data's limit, not a bad start: say which.
  if (!best.converged && !flat) throw numError(`${model} fit did not converge from any starting point; ${hint}`);
  if (flat) {
    throw numError(`${model} fit did not converge to a single answer: the likelihood is flat along some combination of ${names.join(', ')}, so the data cannot pin them down (more customers, or more variation, needed)`);
  }
  let x = best.x.slice();
  let g = best.gradient.slice();
  const gNew = new Array<number>(x.length).fill(0);
  for (let k = 0; k < 3; k++) {
    const step = solve(H, g);
    if (!step) break;
    const xNew = x.map((v, j) => v - step[j]);
    const value = fg(xNew, gNew);
    if (!Number.isFinite(value) || maxAbs(gNew) >= maxAbs(g)) break;
    x = xNew;
    g = gNew.slice();
  }
  if (maxAbs(g) > POLISHED) throw numError(`${model} fit did not converge: the likelihood's slope stays at ${maxAbs(g).toExponential(1)} after polishing`);
  return x;
}

// Largest gradient component (mean log-likelihood, log-parameters) accepted after the Newton polish.
const POLISHED = 1e-7;

function maxAbs(v: readonly number[]): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

/** Solves A s = b for a small dense A by Gaussian elimination with partial pivoting; undefined if singular. */
function solve(A: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    if (M[pivot][c] === 0) return undefined;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const s = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = M[r][n];
    for (let k = r + 1; k < n; k++) v -= M[r][k] * s[k];
    s[r] = v / M[r][r];
  }
  return s;
}
