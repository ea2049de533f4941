import { RangeArg, requireSameSize } from '../args/range';
import { numError } from '../errors';
import { MODELS, attribute, rankChannels, attributionTable, pathsTable, readPathTable, readTouches, removalEffects } from '../attribution';
import { PathTable } from '../attribution/pathTable';
import { defineFunction, Table } from '../registry/types';

const SECTION = 'Attribution';

const MODEL_LIST = MODELS.map((m) => `"${m}"`).join(', ');
const PATH_LAYOUT =
  'Paths use the ChannelAttribution layout: one row per path, channels separated by ">" (spaces around it optional). Channel names may contain spaces and are matched ignoring case and extra spaces ("paid search" = "Paid  Search"); the spelling seen first is shown. Rows with the same path add up.';
const MODEL_RULES =
  "first/last: all credit to the first/last touch. linear: equal credit per touch. position: 40% first, 40% last, 20% shared by the middle touches; one touch gets all, two touches 50/50. Rule models credit a repeated channel once per touch (A > A > B: linear gives A 2/3). markov: first-order absorbing chain; removal effect = 1 − P(conversion without the channel) / P(conversion), solved exactly as a linear system; conversions and value are shared in proportion to the removal effects; repeated touches (self-loops) do not change it. shapley: exact Shapley values of v(S) = conversions of the paths whose channel set is inside S, which equal each path's conversions split equally among its distinct channels. Non-converting paths only matter to markov (as nulls). Attribution measures association, not causation.";

const readTable = (paths: RangeArg, conversions: RangeArg, values: RangeArg | undefined, nulls: RangeArg | undefined): PathTable => {
  const ranges = { paths, conversions, values, nulls } as Record<string, RangeArg | undefined>;
  requireSameSize(paths, conversions, ...[values, nulls].filter((r): r is RangeArg => r !== undefined));
  return readPathTable({
    paths: paths.alignedTexts(),
    conversions: conversions.alignedNumbers(),
    values: values?.alignedNumbers(),
    nulls: nulls?.alignedNumbers(),
    where: (name, i) => (ranges[name] as RangeArg).at(i),
  });
};

const readTouchRows = (
  journeys: RangeArg,
  timestamps: RangeArg,
  channels: RangeArg,
  converted: RangeArg,
  values: RangeArg | undefined,
): PathTable => {
  const ranges = { journeys, timestamps, channels, converted, values } as Record<string, RangeArg | undefined>;
  requireSameSize(journeys, timestamps, channels, converted, ...(values ? [values] : []));
  return readTouches({
    journeys: journeys.alignedTexts(),
    timestamps: timestamps.alignedDates(),
    channels: channels.alignedTexts(),
    converted: converted.alignedFlags(),
    values: values?.alignedNumbers(),
    where: (name, i) => (ranges[name] as RangeArg).at(i),
  });
};

function positive(v: number, name: string): number {
  if (!(v > 0)) throw numError(`${name} must be greater than 0, got ${v}`);
  return v;
}

const MODEL_PARAM = {
  name: 'model',
  kind: 'choice',
  optional: true,
  default: 'linear',
  choices: MODELS,
  description: `One of ${MODEL_LIST}; default "linear".`,
} as const;
const BAD_INPUT = [
  '#VALUE! when ranges differ in size, a path is blank or has an empty step ("A >> B"), or model is not one of the models (the message lists them)',
  '#NUM! when a count or value is negative',
  '#DIV/0! when no path converts',
];

export const ATTRIBUTION = defineFunction({
  name: 'ATTRIBUTION',
  section: SECTION,
  help: 'Multi-touch attribution from a path table: credited conversions, value and share per channel, for any model.',
  details: `${PATH_LAYOUT} Models: ${MODEL_RULES} time_decay: the touch k steps before the conversion weighs 2^(−k/half_life), normalised per path. Result: Channel, Conversions, Value (blank without values), Share of total conversions; sorted by Conversions descending, ties by name.`,
  params: [
    { name: 'paths', kind: 'range', description: 'One path per row, e.g. "Email > Search > Direct".' },
    { name: 'conversions', kind: 'range', description: 'Conversions of each path.' },
    { name: 'values', kind: 'range', optional: true, description: 'Conversion value of each path (revenue).' },
    { name: 'nulls', kind: 'range', optional: true, description: 'Journeys of each path that did not convert (used by markov).' },
    MODEL_PARAM,
    { name: 'half_life', kind: 'number', optional: true, default: 1, description: 'time_decay: steps for the weight to halve; default 1.' },
  ],
  result: 'table',
  example: {
    formula: '=ATTRIBUTION({"Email > Search";"Search";"Email > Ads > Search"}, {2;1;1}, {200;50;100}, {1;0;3}, "position")',
    result: [
      ['Channel', 'Conversions', 'Value', 'Share'],
      ['Search', 2.4, 190, 0.6],
      ['Email', 1.4, 140, 0.35],
      ['Ads', 0.2, 20, 0.05],
    ],
    working:
      'Email > Search: 50/50 of 2 conversions and 200; Search: all of 1 and 50; Email > Ads > Search: 40/20/40 of 1 and 100. Search 1 + 1 + 0.4 = 2.4 (100 + 50 + 40 = 190); Email 1 + 0.4 = 1.4 (140); Ads 0.2 (20); shares of 4.',
  },
  errors: [...BAD_INPUT, '#NUM! when half_life is not greater than 0, or markov gets more than 1000 distinct channels'],
  impl: (paths, conversions, values, nulls, model, halfLife) => {
    const table = readTable(paths, conversions, values, nulls);
    return attributionTable(table, attribute(table, model, positive(halfLife, 'half_life')));
  },
});

export const ATTRIBUTION_TOUCHES = defineFunction({
  name: 'ATTRIBUTION_TOUCHES',
  section: SECTION,
  help: 'Multi-touch attribution from touch-level rows (journey, timestamp, channel, converted): the ATTRIBUTION table.',
  details: `One row per touch. Touches of a journey are ordered by timestamp (ties keep row order). A journey converts when any of its rows has converted TRUE/1 (flag every row of the journey or just the converting touch); its conversion moment is its last touch. Its value is given on its rows: once, or the same on each row. Journeys that never convert count as nulls for markov. Channel names follow ATTRIBUTION's rules and may not contain ">". Models: ${MODEL_RULES} time_decay: a touch d days before the conversion weighs 2^(−d/half_life_days) (Google's time-decay model, 7-day half-life by default), normalised per journey.`,
  params: [
    { name: 'journeys', kind: 'range', description: 'Journey of each touch: a customer, user or session id.' },
    { name: 'timestamps', kind: 'range', description: 'Date or date-time of each touch.' },
    { name: 'channels', kind: 'range', description: 'Channel of each touch.' },
    { name: 'converted', kind: 'range', description: "TRUE/1 on the converting journey's rows." },
    { name: 'values', kind: 'range', optional: true, description: "Conversion value on the converting journey's rows." },
    MODEL_PARAM,
    {
      name: 'half_life_days',
      kind: 'number',
      optional: true,
      default: 7,
      description: 'time_decay: days for the weight to halve; default 7.',
    },
  ],
  result: 'table',
  example: {
    formula:
      '=ATTRIBUTION_TOUCHES({"u1";"u1";"u2"}, {"2026-03-01";"2026-03-08";"2026-03-05"}, {"Ads";"Email";"Ads"}, {1;1;0}, {90;90;0}, "time_decay")',
    result: [
      ['Channel', 'Conversions', 'Value', 'Share'],
      ['Email', 2 / 3, 60, 2 / 3],
      ['Ads', 1 / 3, 30, 1 / 3],
    ],
    working:
      'u1 converts on 2026-03-08 with value 90: Email (0 days) weighs 1, Ads (7 days) weighs 2^(−7/7) = 0.5, so 2/3 and 1/3 of 1 conversion and of 90; u2 never converts.',
  },
  errors: [
    '#VALUE! when ranges differ in size, a touch lacks its journey, timestamp or channel, a channel contains ">", a journey has two different values or a value without converting, or model is unknown (the message lists the models)',
    '#NUM! when a value is negative or half_life_days is not greater than 0',
    '#DIV/0! when no journey converts',
  ],
  impl: (journeys, timestamps, channels, converted, values, model, halfLifeDays) => {
    // One row per journey: every model is additive over rows, so no merging into distinct paths is needed.
    const table = readTouchRows(journeys, timestamps, channels, converted, values);
    return attributionTable(table, attribute(table, model, positive(halfLifeDays, 'half_life_days')));
  },
});

export const PATHS = defineFunction({
  name: 'PATHS',
  section: SECTION,
  help: 'Aggregates touch-level rows into the path table ATTRIBUTION reads: Path, Conversions, Value, Nulls.',
  details:
    'Same reading as ATTRIBUTION_TOUCHES. One row per distinct path (channels joined by " > "), sorted by Conversions then Nulls descending, ties by path. Value is blank when no values are given. Feed the result to ATTRIBUTION or REMOVAL_EFFECTS (nulls included) to get the same credits as ATTRIBUTION_TOUCHES (time_decay aside: steps versus days).',
  params: [
    { name: 'journeys', kind: 'range', description: 'Journey of each touch: a customer, user or session id.' },
    { name: 'timestamps', kind: 'range', description: 'Date or date-time of each touch.' },
    { name: 'channels', kind: 'range', description: 'Channel of each touch.' },
    { name: 'converted', kind: 'range', description: "TRUE/1 on the converting journey's rows." },
    { name: 'values', kind: 'range', optional: true, description: "Conversion value on the converting journey's rows." },
  ],
  result: 'table',
  example: {
    formula:
      '=PATHS({"u1";"u2";"u1";"u3"}, {"2026-03-02";"2026-03-01";"2026-03-01";"2026-03-04"}, {"Search";"Email";"Email";"email"}, {1;0;1;0}, {120;0;120;0})',
    result: [
      ['Path', 'Conversions', 'Value', 'Nulls'],
      ['Email > Search', 1, 120, 0],
      ['Email', 0, 0, 2],
    ],
    working: 'u1: Email (03-01) then Search (03-02), converts with 120; u2 and u3 ("email" is Email) touch Email once and do not convert.',
  },
  errors: [
    '#VALUE! when ranges differ in size, a touch lacks its journey, timestamp or channel, a channel contains ">", or a journey has two different values or a value without converting',
    '#NUM! when a value is negative',
  ],
  impl: (journeys, timestamps, channels, converted, values) => pathsTable(readTouchRows(journeys, timestamps, channels, converted, values)),
});

export const REMOVAL_EFFECTS = defineFunction({
  name: 'REMOVAL_EFFECTS',
  section: SECTION,
  help: 'Removal effect of each channel in the first-order Markov model: the share of conversions lost without it.',
  details: `${PATH_LAYOUT} Removal effect = 1 − P(conversion with the channel removed) / P(conversion), where removing a channel sends the journeys reaching it to null; computed exactly from the absorbing chain (no simulation). Without nulls every journey converts. Effects do not add up to 1; ATTRIBUTION's markov model normalises them. Sorted by effect descending, ties by name.`,
  params: [
    { name: 'paths', kind: 'range', description: 'One path per row, e.g. "Email > Search > Direct".' },
    { name: 'conversions', kind: 'range', description: 'Conversions of each path.' },
    { name: 'nulls', kind: 'range', optional: true, description: 'Journeys of each path that did not convert.' },
  ],
  result: 'table',
  example: {
    formula: '=REMOVAL_EFFECTS({"C1 > C2 > C3";"C1";"C2 > C3"}, {1;0;0}, {0;1;1})',
    result: [
      ['Channel', 'Removal effect'],
      ['C2', 1],
      ['C3', 1],
      ['C1', 0.5],
    ],
    working:
      "Bryl (analyzecore.com, 2016): P(conversion) = 2/3 × 1/2 × 1/2 + 1/3 × 1/2 = 1/3; without C1 only C2 > C3 journeys remain: 1/3 × 1/2 = 1/6, so C1's effect is 1 − (1/6)/(1/3) = 0.5; without C2 or C3 nothing converts: 1.",
  },
  errors: [...BAD_INPUT.slice(0, 2), '#DIV/0! when no path converts', '#NUM! beyond 1000 distinct channels'],
  impl: (paths, conversions, nulls) => {
    const table = readTable(paths, conversions, undefined, nulls);
    const { channels, effects } = removalEffects(table);
    const out: Table = [['Channel', 'Removal effect']];
    for (const id of rankChannels(channels, effects)) out.push([channels[id], effects[id]]);
    return out;
  },
});

export const ATTRIBUTION_FUNCTIONS = [ATTRIBUTION, ATTRIBUTION_TOUCHES, PATHS, REMOVAL_EFFECTS];
