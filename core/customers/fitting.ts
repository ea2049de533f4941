import { numError } from '../errors';
import { maxAbs, solve, symmetricEigenvalues } from '../math/linalg';
import { BfgsResult, hessianFromGradient, minimizeFromStarts, Objective, ObjectiveWithGradient } from '../math/optimize';

/**
 * How the customer models (BG/NBD, Gamma-Gamma) are fitted by maximum likelihood: every parameter
 * is positive, so the search runs on log-parameters with bounds that keep the likelihood defined;
 * the objective is the mean negative log-likelihood; many customers are explored on a subsample;
 * and the optimum found must be interior and well determined, or the fit says why not. The models
 * give their likelihood, parameter names and starting points; the generic minimisers live in
 * core/math/optimize.ts.
 */

/** Log-parameters past this are treated as undefined objective values (e^40 ≈ 2e17). */
const LOG_PARAM_OUT_OF_RANGE = 40;
// A log-parameter past this means the estimate runs off to 0 or ∞ (e^15 ≈ 3e6).
const LOG_PARAM_DRIFT = 15;
// Smallest / largest Hessian eigenvalue below this: a flat ridge, the parameters are not identified.
const FLAT_RIDGE = 1e-7;
// Largest gradient component (mean log-likelihood, log-parameters) accepted after the Newton polish.
const POLISHED = 1e-7;
/** Above this many customers the Nelder-Mead phase runs on an evenly spread subsample of SUBSAMPLE_SIZE. */
export const SUBSAMPLE_ABOVE = 20000;
export const SUBSAMPLE_SIZE = 5000;

/**
 * A model's log-likelihood summed over its customers: with `grad`, also writes the derivatives with
 * respect to the log-parameters, in the order of the parameter names.
 */
export type LogLikelihood = (theta: readonly number[], grad?: number[]) => number;

/**
 * The mean negative log-likelihood over `customers` as a function of log-parameters, with and
 * without gradient; +∞ outside ±LOG_PARAM_OUT_OF_RANGE so the minimisers stay where it is defined.
 */
function meanNegativeLogLikelihood(
  logLik: LogLikelihood,
  customers: number,
  dimension: number,
): { f: Objective; fg: ObjectiveWithGradient } {
  const outOfRange = (theta: readonly number[]) => theta.some((v) => Math.abs(v) > LOG_PARAM_OUT_OF_RANGE);
  const scratch = new Array<number>(dimension).fill(0);
  const f = (theta: readonly number[]): number => (outOfRange(theta) ? Infinity : -logLik(theta, undefined) / customers);
  const fg = (theta: readonly number[], grad: number[]): number => {
    if (outOfRange(theta)) return Infinity;
    const v = -logLik(theta, scratch) / customers;
    for (let j = 0; j < dimension; j++) grad[j] = -scratch[j] / customers;
    return v;
  };
  return { f, fg };
}

/** Every k-th entry of v, `size` of them: deterministic, and spread over the whole input. */
export function everyKth(v: ArrayLike<number>, size: number): Float64Array {
  const n = v.length;
  return Float64Array.from({ length: size }, (_, i) => v[Math.floor((i * n) / size)]);
}

interface LikelihoodFit {
  /** The polished log-parameters. */
  readonly theta: number[];
  /** Objective evaluations used, across all starts. */
  readonly evaluations: number;
}

/**
 * Maximum likelihood in log-parameters: Nelder-Mead from each start (on `coarse`, the same model on
 * a subsample, when given), BFGS polish to max |∂| < 1e-9 of the mean log-likelihood, then the
 * checks and Newton polish of requireInteriorOptimum.
 * @throws KpiError #NUM! when the optimum is not a proper interior one (see requireInteriorOptimum).
 */
export function fitLogParameters(
  model: string,
  names: readonly string[],
  starts: readonly (readonly number[])[],
  all: { logLik: LogLikelihood; customers: number },
  coarse?: { logLik: LogLikelihood; customers: number },
  hint?: string,
): LikelihoodFit {
  const { f, fg } = meanNegativeLogLikelihood(all.logLik, all.customers, names.length);
  const explore = coarse && meanNegativeLogLikelihood(coarse.logLik, coarse.customers, names.length).f;
  const best = minimizeFromStarts(f, fg, starts, { gradientTolerance: 1e-9, coarse: explore });
  const theta = requireInteriorOptimum(model, names, best, fg, hint);
  return { theta, evaluations: best.evaluations };
}

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
function requireInteriorOptimum(
  model: string,
  names: readonly string[],
  best: BfgsResult,
  fg: ObjectiveWithGradient,
  hint = 'check that the inputs are in one time unit and that enough customers repeat',
): number[] {
  const drifting = best.x.findIndex((v) => !(Math.abs(v) <= LOG_PARAM_DRIFT));
  if (drifting >= 0) {
    const to = best.x[drifting] > 0 ? 'infinity' : '0';
    throw numError(
      `${model} fit did not converge: ${names[drifting]} runs off to ${to}, so the data do not support the model (too few customers, or too little variation)`,
    );
  }
  const H = hessianFromGradient(fg, best.x);
  const eig = symmetricEigenvalues(H);
  const largest = eig[eig.length - 1];
  const flat = !(eig[0] > FLAT_RIDGE * Math.max(largest, 1e-12));
  // An optimiser stalling on a flat ridge is the data's limit, not a bad start: say which.
  if (!best.converged && !flat) throw numError(`${model} fit did not converge from any starting point; ${hint}`);
  if (flat) {
    throw numError(
      `${model} fit did not converge to a single answer: the likelihood is flat along some combination of ${names.join(', ')}, so the data cannot pin them down (more customers, or more variation, needed)`,
    );
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
  if (maxAbs(g) > POLISHED)
    throw numError(`${model} fit did not converge: the likelihood's slope stays at ${maxAbs(g).toExponential(1)} after polishing`);
  return x;
}
