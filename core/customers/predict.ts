import { requireFraction } from '../args/fraction';
import { numError } from '../errors';
import { BgNbdParams, checkBgNbdParams, collapseTriples, conditionalExpectedPurchases, pAlive } from './bgnbd';
import { checkCustomers, CustomerSummaries } from './data';
import { checkGammaGammaParams, conditionalExpectedSpend, GammaGammaParams } from './gammagamma';

/**
 * Per-customer predictions over many customers at once: the pure functions behind P_ALIVE,
 * CHURN_RISK, EXPECTED_PURCHASES and CLV_PREDICT, reusable by dashboards. Customers sharing an
 * (x, t_x, T) triple share their purchase prediction, so each distinct triple is computed once.
 */

/** P(alive) per customer. Cost O(n). @throws KpiError #NUM! for bad parameters or an impossible customer. */
export function pAliveAll(params: BgNbdParams, data: CustomerSummaries, where?: (i: number) => string): Float64Array {
  checkBgNbdParams(params);
  checkCustomers(data, where);
  const out = new Float64Array(data.frequency.length);
  for (let i = 0; i < out.length; i++) out[i] = pAlive(params, data.frequency[i], data.recency[i], data.T[i]);
  return out;
}

/**
 * Expected purchases in the next `horizon` periods per customer (BG/NBD conditional expectation).
 * Cost: one hypergeometric evaluation per distinct (x, t_x, T).
 * @throws KpiError #NUM! for a negative horizon, bad parameters or an impossible customer.
 */
export function expectedPurchasesAll(
  params: BgNbdParams,
  data: CustomerSummaries,
  horizon: number,
  where?: (i: number) => string,
): Float64Array {
  return discountedPurchasesAll(params, data, horizon, 0, where);
}

/**
 * Σ over periods i = 1 … ⌈horizon⌉ of the purchases expected in period i, discounted by (1 + d)^tᵢ
 * where tᵢ = min(i, horizon) is the period's end: E[Y(tᵢ)] − E[Y(tᵢ₋₁)] per period. With d = 0 this is
 * E[Y(horizon)] in one evaluation. Cost per distinct triple: ⌈horizon⌉ evaluations when d > 0.
 */
export function discountedPurchasesAll(
  params: BgNbdParams,
  data: CustomerSummaries,
  horizon: number,
  discountRate: number,
  where?: (i: number) => string,
): Float64Array {
  checkBgNbdParams(params);
  if (!(horizon >= 0) || !Number.isFinite(horizon)) throw numError(`horizon must be 0 or more periods, got ${horizon}`);
  if (!(discountRate > -1) || !Number.isFinite(discountRate))
    throw numError(`discount_rate must be above −1 (a fraction per period), got ${discountRate}`);
  checkCustomers(data, where);
  const triples = collapseTriples(data);
  const perTriple = new Float64Array(triples.x.length);
  const steps = discountRate === 0 ? 0 : Math.ceil(horizon);
  if (steps > 100000) throw numError(`horizon ${horizon} has too many periods to discount one by one (at most 100,000)`);
  for (let k = 0; k < perTriple.length; k++) {
    const x = triples.x[k];
    const tx = triples.txValues[triples.txIndex[k]];
    const T = triples.tValues[triples.tIndex[k]];
    if (steps === 0) {
      perTriple[k] = conditionalExpectedPurchases(params, x, tx, T, horizon);
      continue;
    }
    let total = 0;
    let previous = 0;
    for (let i = 1; i <= steps; i++) {
      const t = Math.min(i, horizon);
      const cumulative = conditionalExpectedPurchases(params, x, tx, T, t);
      total += (cumulative - previous) / Math.pow(1 + discountRate, t);
      previous = cumulative;
    }
    perTriple[k] = total;
  }
  const out = new Float64Array(data.frequency.length);
  for (let i = 0; i < out.length; i++) out[i] = perTriple[triples.tripleOf[i]];
  return out;
}

export interface ClvOptions {
  readonly horizon: number;
  /** Per period, a fraction; default 0. */
  readonly discountRate?: number;
  /** Gross margin applied to spend, a fraction; default 1. */
  readonly margin?: number;
}

/**
 * Customer lifetime value over the horizon per customer: margin × E[M | x, z̄] (Gamma-Gamma) ×
 * discounted expected purchases (BG/NBD), as in Fader, Hardie & Lee, "RFM and CLV" (2005) and the
 * lifetimes package. Customers without repeat purchases get the population mean spend pv/(q − 1).
 * @throws KpiError #NUM! for bad parameters, an impossible customer, a bad monetary value, or q ≤ 1
 *   while some customer has no repeat purchase.
 */
export function clvAll(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  data: CustomerSummaries & { readonly monetary: ArrayLike<number> },
  options: ClvOptions,
  where?: (i: number) => string,
): Float64Array {
  checkGammaGammaParams(gammaGamma);
  const margin = options.margin ?? 1;
  requireFraction('margin', margin);
  const purchases = discountedPurchasesAll(bgnbd, data, options.horizon, options.discountRate ?? 0, where);
  const name = where ?? ((i: number) => `customer ${i + 1}`);
  for (let i = 0; i < purchases.length; i++) {
    const x = data.frequency[i];
    const m = data.monetary[i];
    if (!Number.isFinite(m) || m < 0) throw numError(`${name(i)}: monetary ${m} must be 0 or more`);
    if (x > 0 && !(m > 0)) throw numError(`${name(i)}: monetary ${m} for a customer with repeat purchases must be positive`);
    purchases[i] *= margin * conditionalExpectedSpend(gammaGamma, x, m);
  }
  return purchases;
}
