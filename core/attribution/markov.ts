import { numError } from '../errors';
import { Credits, emptyCredits } from './credits';
import { invert } from '../math/linalg';
import { sum } from '../math/stats';
import { PathTable, rowCount, totalConversions, totalValue } from './pathTable';

/** More distinct channels than this make the O(n³) solve too slow for a spreadsheet cell. */
export const MAX_MARKOV_CHANNELS = 1000;

/** The first-order chain of a path table and what its removal effects are built from. */
export interface MarkovChain {
  readonly channels: readonly string[];
  /** Start distribution over channels (share of journeys whose first touch is each channel). */
  readonly start: Float64Array;
  /** Row-major n×n transition probabilities between channels, self-loops left out (see below). */
  readonly transitions: Float64Array;
  /** Probability of going from each channel straight to conversion / to null. */
  readonly toConversion: Float64Array;
  readonly toNull: Float64Array;
}

export interface RemovalEffects {
  readonly channels: readonly string[];
  /** P(conversion) of the whole chain, from the start state. */
  readonly conversionProbability: number;
  /** 1 − P(conversion without the channel) / P(conversion), per channel id, in [0, 1]. */
  readonly effects: Float64Array;
}

/**
 * Counts the transitions of the journeys into a first-order absorbing chain
 * (start → channels → conversion | null). A row stands for conversions + nulls journeys (only
 * its conversions when nulls are not given); all end in conversion except the nulls.
 * A repeated touch (A > A) is a self-loop; it changes how long a journey stays on A but never
 * where it ends, so it is left out of the probabilities (exactly, not as an approximation).
 * Cost: linear in the number of steps, plus O(n²) for n channels.
 * @throws #NUM! beyond MAX_MARKOV_CHANNELS channels.
 */
export function markovChain(t: PathTable): MarkovChain {
  const n = t.channels.length;
  if (n > MAX_MARKOV_CHANNELS) {
    throw numError(`the Markov model handles up to ${MAX_MARKOV_CHANNELS} distinct channels, got ${n}; group rare channels together`);
  }
  const start = new Float64Array(n);
  const moves = new Float64Array(n * n);
  const conv = new Float64Array(n);
  const lost = new Float64Array(n);
  const { offsets, steps } = t;
  for (let p = 0; p < rowCount(t); p++) {
    const c = t.conversions[p];
    const u = t.nulls ? t.nulls[p] : 0;
    const journeys = c + u;
    if (journeys === 0) continue;
    const from = offsets[p];
    const to = offsets[p + 1];
    start[steps[from]] += journeys;
    for (let k = from + 1; k < to; k++) {
      const a = steps[k - 1];
      const b = steps[k];
      if (a !== b) moves[a * n + b] += journeys;
    }
    conv[steps[to - 1]] += c;
    lost[steps[to - 1]] += u;
  }
  normalise(start);
  for (let i = 0; i < n; i++) {
    let out = conv[i] + lost[i];
    for (let j = 0; j < n; j++) out += moves[i * n + j];
    if (out === 0) continue; // a channel no journey reaches: it stays a dead end with P = 0
    for (let j = 0; j < n; j++) moves[i * n + j] /= out;
    conv[i] /= out;
    lost[i] /= out;
  }
  return { channels: t.channels, start, transitions: moves, toConversion: conv, toNull: lost };
}

/** Scales v in place to sum to 1 (left alone when it sums to 0). */
function normalise(v: Float64Array): void {
  const total = sum(v);
  if (total > 0) for (let i = 0; i < v.length; i++) v[i] /= total;
}

/**
 * Exact removal effects of the absorbing chain, no simulation. With N = (I − Q)⁻¹ the
 * fundamental matrix over channels, x = N·r the conversion probability from each channel and
 * v = sᵀN the expected visits from the start, P = s·x. Removing channel c sends every journey
 * that reaches c to null; such journeys reach c with probability v_c / N_cc and then convert with
 * probability x_c, so P(without c) = P − v_c·x_c / N_cc and the removal effect is
 * v_c·x_c / (N_cc·P). One inversion serves every channel: O(n³) for n channels.
 * @throws #DIV/0! when nothing converts.
 * @example Bryl (2016): C1 > C2 > C3 (1 conversion), C1 (1 null), C2 > C3 (1 null) → C1 0.5, C2 1, C3 1.
 */
export function removalEffects(t: PathTable): RemovalEffects {
  totalConversions(t);
  const chain = markovChain(t);
  const n = chain.channels.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i * n + j] = (i === j ? 1 : 0) - chain.transitions[i * n + j];
  }
  const fundamental = invert(m, n);
  // I − Q is singular only when some channels never lead to conversion or null.
  if (!fundamental) throw numError('the Markov chain has no way out of some channels; check the paths');
  const reachConversion = new Float64Array(n);
  const visits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = 0;
    let v = 0;
    for (let j = 0; j < n; j++) {
      x += fundamental[i * n + j] * chain.toConversion[j];
      v += chain.start[j] * fundamental[j * n + i];
    }
    reachConversion[i] = x;
    visits[i] = v;
  }
  let p = 0;
  for (let i = 0; i < n; i++) p += chain.start[i] * reachConversion[i];
  const effects = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const e = (visits[c] * reachConversion[c]) / (fundamental[c * n + c] * p);
    effects[c] = Math.min(1, Math.max(0, e)); // clamp rounding noise
  }
  return { channels: chain.channels, conversionProbability: p, effects };
}

/**
 * Markov attribution: total conversions (and total value) shared in proportion to the removal
 * effects, as in Anderl et al. (2016) and ChannelAttribution.
 */
export function markovCredits(t: PathTable): Credits {
  const total = totalConversions(t);
  const value = totalValue(t);
  const { effects } = removalEffects(t);
  const totalEffect = sum(effects);
  const out = emptyCredits(effects.length, value !== null);
  for (let i = 0; i < effects.length; i++) {
    const share = effects[i] / totalEffect;
    out.conversions[i] = share * total;
    if (out.value) out.value[i] = share * (value as number);
  }
  return out;
}
