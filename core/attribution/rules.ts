import { numError } from '../errors';
import { Credits, emptyCredits } from './credits';
import { PathTable, rowCount } from './pathTable';

/** The rule-based models: each converting journey's credit is split over its touches by fixed weights. */
export type RuleModel = 'first' | 'last' | 'linear' | 'position' | 'time_decay';

/**
 * Splits each row's conversions and value over its touches by the weights of `model`. A repeated
 * channel (A > A > B) is credited once per touch, as Google Analytics and ChannelAttribution do.
 * time_decay weighs a touch 2^(−age/halfLife): age in days before the conversion when the table
 * came from touch rows (ages), otherwise in steps before the last touch.
 * Cost: linear in the number of steps.
 * @throws #NUM! when halfLife is not > 0 for time_decay.
 * @example ruleCredits(readPathTable({ paths: ["A > B"], conversions: [1] }), 'position', 1) // A 0.5, B 0.5
 */
export function ruleCredits(t: PathTable, model: RuleModel, halfLife = 1): Credits {
  if (model === 'time_decay' && !(halfLife > 0 && Number.isFinite(halfLife))) {
    throw numError(`half_life must be a positive number, got ${halfLife}`);
  }
  const out = emptyCredits(t.channels.length, t.values !== null);
  const conv = out.conversions;
  const val = out.value;
  const { offsets, steps } = t;
  let weights = new Float64Array(16);
  for (let p = 0; p < rowCount(t); p++) {
    const c = t.conversions[p];
    const v = t.values ? t.values[p] : 0;
    if (c === 0 && v === 0) continue;
    const start = offsets[p];
    const len = offsets[p + 1] - start;
    if (weights.length < len) weights = new Float64Array(len * 2);
    touchWeights(model, len, weights, t.ages, start, halfLife);
    for (let k = 0; k < len; k++) {
      const w = weights[k];
      if (w === 0) continue;
      const ch = steps[start + k];
      conv[ch] += c * w;
      if (val) val[ch] += v * w;
    }
  }
  return out;
}

/** Fills w[0..len-1] with the touch weights of one journey; they sum to 1. */
function touchWeights(model: RuleModel, len: number, w: Float64Array, ages: Float64Array | null, start: number, halfLife: number): void {
  w.fill(0, 0, len);
  switch (model) {
    case 'first':
      w[0] = 1;
      return;
    case 'last':
      w[len - 1] = 1;
      return;
    case 'linear':
      w.fill(1 / len, 0, len);
      return;
    case 'position':
      // 40/20/40 (Google's position-based model); one touch takes all, two share 50/50.
      if (len === 1) w[0] = 1;
      else if (len === 2) w[0] = w[1] = 0.5;
      else {
        w.fill(0.2 / (len - 2), 1, len - 1);
        w[0] = w[len - 1] = 0.4;
      }
      return;
    case 'time_decay': {
      // Ages relative to the youngest touch, so the weights cannot all underflow to 0.
      let youngest = Infinity;
      if (ages) for (let k = 0; k < len; k++) youngest = Math.min(youngest, ages[start + k]);
      let sum = 0;
      for (let k = 0; k < len; k++) {
        const age = ages ? ages[start + k] - youngest : len - 1 - k;
        w[k] = Math.pow(2, -age / halfLife);
        sum += w[k];
      }
      for (let k = 0; k < len; k++) w[k] /= sum;
      return;
    }
  }
}
