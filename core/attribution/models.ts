import { valueError } from '../errors';
import { Table } from '../registry/types';
import { Credits } from './credits';
import { markovCredits } from './markov';
import { PathTable, totalConversions } from './pathTable';
import { RuleModel, ruleCredits } from './rules';
import { shapleyCredits } from './shapley';

/** Every model, in the order the reference and the comparison table show them. */
export const MODELS = ['first', 'last', 'linear', 'position', 'time_decay', 'markov', 'shapley'] as const;
export type Model = (typeof MODELS)[number];

/** Column titles of the side-by-side comparison. */
export const MODEL_TITLES: Record<Model, string> = {
  first: 'First touch',
  last: 'Last touch',
  linear: 'Linear',
  position: 'Position',
  time_decay: 'Time decay',
  markov: 'Markov',
  shapley: 'Shapley',
};

export function isModel(name: string): name is Model {
  return (MODELS as readonly string[]).includes(name);
}

/**
 * Credits of one model over a path table. halfLife is in steps for a path table and in days for
 * touch rows (the table carries ages then); it only matters for time_decay.
 * @throws #VALUE! for an unknown model (the message lists the valid ones); #DIV/0! when nothing converts.
 */
export function attribute(t: PathTable, model: string, halfLife = 1): Credits {
  const name = model.trim().toLowerCase();
  if (!isModel(name)) {
    throw valueError(`model: ${JSON.stringify(model)} is not one of ${MODELS.map((m) => `"${m}"`).join(', ')}`);
  }
  totalConversions(t);
  if (name === 'markov') return markovCredits(t);
  if (name === 'shapley') return shapleyCredits(t);
  return ruleCredits(t, name as RuleModel, halfLife);
}

/**
 * Channel ids sorted by credit (descending), ties by name, so the order never depends on input
 * order. Credits are compared at 12 significant digits: two channels that tie exactly must not
 * swap places over rounding noise (2/3 + 1/3 against 1).
 */
export function rankChannels(channels: readonly string[], credit: ArrayLike<number>): number[] {
  const ids = channels.map((_, i) => i);
  const keys = channels.map((c) => c.toLowerCase());
  const rounded = ids.map((i) => Number(credit[i].toPrecision(12)));
  return ids.sort((a, b) => rounded[b] - rounded[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
}

/**
 * The result table of ATTRIBUTION: Channel, Conversions, Value, Share (of total conversions),
 * sorted by Conversions descending. Value cells are blank when no values were given.
 */
export function attributionTable(t: PathTable, credits: Credits): Table {
  const total = totalConversions(t);
  const table: Table = [['Channel', 'Conversions', 'Value', 'Share']];
  for (const id of rankChannels(t.channels, credits.conversions)) {
    const c = credits.conversions[id];
    table.push([t.channels[id], c, credits.value ? credits.value[id] : null, c / total]);
  }
  return table;
}

/**
 * The models side by side, for the dashboard's Attribution sheet: one row per channel (sorted by
 * the Markov column, ties by name), one column of credited conversions per model.
 * Cost: the sum of the models' costs (linear in the steps, plus O(n³) for Markov).
 * @example compareModels(readPathTable({ paths: ["A > B"], conversions: [1] }))
 *   // [["Channel","First touch",...,"Shapley"], ["A",1,0,0.5,...], ["B",0,1,0.5,...]]
 */
export function compareModels(t: PathTable, halfLife = 1, models: readonly Model[] = MODELS): Table {
  const columns = models.map((m) => attribute(t, m, halfLife).conversions);
  const order = rankChannels(t.channels, columns[models.indexOf('markov')] ?? columns[0]);
  const table: Table = [['Channel', ...models.map((m) => MODEL_TITLES[m])]];
  for (const id of order) table.push([t.channels[id], ...columns.map((col) => col[id])]);
  return table;
}
