import { requireSameSize } from '../args/range';
import { divZeroError, numError, valueError } from '../errors';
import { goalProgress, goalStatus } from '../kpi/goals';
import { defineFunction } from '../registry/types';

const SECTION = 'Goals';

export const GOAL_PROGRESS = defineFunction({
  name: 'GOAL_PROGRESS',
  section: SECTION,
  help: 'Progress toward a goal: (actual − baseline) / (target − baseline). Works for goals that go down.',
  details: 'Not clipped: 1.2 means 20% beyond the target, a negative value means moving away from it.',
  params: [
    { name: 'actual', kind: 'number', description: 'Current value of the KPI.' },
    { name: 'target', kind: 'number', description: 'Goal value.' },
    { name: 'baseline', kind: 'number', optional: true, default: 0, description: 'Value when the goal was set; default 0.' },
  ],
  result: 'number',
  example: { formula: '=GOAL_PROGRESS(4, 3, 5)', result: 0.5, working: 'churn goal from 5% down to 3%, now 4%: (4 − 5) / (3 − 5) = 50%' },
  errors: ['#DIV/0! when target equals baseline'],
  impl: (actual, target, baseline) => goalProgress(actual, target, baseline),
});

export const GOAL_STATUS = defineFunction({
  name: 'GOAL_STATUS',
  section: SECTION,
  help: 'Goal status at a date: Achieved, On track, At risk, Off track, Missed or Not started.',
  details:
    'progress = GOAL_PROGRESS; expected = share of the period elapsed at as_of (0..1). In order: progress ≥ 1 is Achieved; as_of before start is Not started; as_of after end is Missed; progress ≥ expected is On track; progress ≥ expected − tolerance is At risk; otherwise Off track. Give as_of as a cell, not TODAY(): Sheets never finishes a custom function with a volatile argument.',
  params: [
    { name: 'actual', kind: 'number', description: 'Current value of the KPI.' },
    { name: 'target', kind: 'number', description: 'Goal value.' },
    { name: 'start_date', kind: 'date', description: 'When the goal period starts.' },
    { name: 'end_date', kind: 'date', description: 'When the goal is due.' },
    { name: 'as_of', kind: 'date', description: 'The date to judge at (a cell holding a date, not TODAY()).' },
    { name: 'baseline', kind: 'number', optional: true, default: 0, description: 'Value when the goal was set; default 0.' },
    {
      name: 'tolerance',
      kind: 'number',
      optional: true,
      default: 0.1,
      min: 0,
      description: 'How far behind schedule still counts as At risk; default 0.1.',
    },
  ],
  result: 'text',
  example: {
    formula: '=GOAL_STATUS(45, 100, "2026-01-01", "2026-12-31", "2026-07-02")',
    result: 'At risk',
    working: 'progress 45%; 182 of 364 days elapsed = 50% expected; 45% ≥ 50% − 10%: At risk',
  },
  errors: ['#VALUE! when end_date is before start_date', '#DIV/0! when target equals baseline'],
  impl: (actual, target, start, end, asOf, baseline, tolerance) => goalStatus(actual, target, start, end, asOf, baseline, tolerance),
});

export const OKR_SCORE = defineFunction({
  name: 'OKR_SCORE',
  section: SECTION,
  help: "Weighted mean of key-result scores, each clipped to 0..1 (Google's 0.0-1.0 OKR grading).",
  params: [
    { name: 'scores', kind: 'range', description: 'Score of each key result (0.7 is a good stretch result).' },
    { name: 'weights', kind: 'range', optional: true, description: 'Weight of each key result; omitted means equal weights.' },
  ],
  result: 'number',
  example: {
    formula: '=OKR_SCORE({0.5;1.2;0.7}, {1;1;2})',
    result: 0.725,
    working: '1.2 is clipped to 1: (0.5 × 1 + 1 × 1 + 0.7 × 2) / 4 = 0.725',
  },
  errors: ['#VALUE! when a score has no weight', '#NUM! when a weight is negative', '#DIV/0! when the weights sum to 0'],
  impl: (scores, weights) => {
    const s = scores.alignedNumbers();
    const w = weights ? (requireSameSize(scores, weights), weights.alignedNumbers()) : null;
    let total = 0;
    let weightSum = 0;
    let count = 0;
    for (let i = 0; i < s.length; i++) {
      const score = s[i];
      if (score === null) continue;
      const weight = w ? w[i] : 1;
      if (weight === null) throw valueError(`${weights!.at(i)} is blank but its score is ${score}: give every score a weight`);
      if (weight < 0) throw numError(`${weights!.at(i)}: ${weight} is negative; weights cannot be`);
      total += Math.min(1, Math.max(0, score)) * weight;
      weightSum += weight;
      count++;
    }
    if (count === 0) throw valueError(`${scores.name} has no numbers`);
    if (weightSum === 0) throw divZeroError(`${weights ? weights.name : 'weights'} sums to 0`);
    return total / weightSum;
  },
});

export const GOAL_FUNCTIONS = [GOAL_PROGRESS, GOAL_STATUS, OKR_SCORE];
