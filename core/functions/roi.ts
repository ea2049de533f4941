import { marginParam } from '../args/fraction';
import { RangeArg, requireSameSize } from '../args/range';
import { Cell, errorFromCell, isBlank, isDate, isoFromSerial, toSerial } from '../args/cells';
import { numError, valueError } from '../errors';
import { ratio } from '../kpi/ratio';
import { defineFunction, Table } from '../registry/types';

const SECTION = 'Return on investment and breakdowns';

export const ROI = defineFunction({
  name: 'ROI',
  section: SECTION,
  help: 'Return on investment: (gain − cost) / cost.',
  params: [
    { name: 'gain', kind: 'range', description: 'What the investment returned (revenue or profit).' },
    { name: 'cost', kind: 'range', description: 'What the investment cost.' },
  ],
  result: 'number',
  example: { formula: '=ROI({6000;6000}, {4000;6000})', result: 0.2, working: '(12000 − 10000) / 10000 = 20%' },
  errors: ['#DIV/0! when cost sums to 0'],
  impl: (gain, cost) => {
    const c = cost.sum(true);
    return ratio(gain.sum() - c, c, cost.name);
  },
});

const MARGIN = marginParam('gross_margin', 'Gross margin applied to revenue; default 1.');

export const ROMI = defineFunction({
  name: 'ROMI',
  section: SECTION,
  help: 'Return on marketing investment: (revenue × gross_margin − marketing spend) / marketing spend.',
  params: [
    { name: 'revenue', kind: 'range', description: 'Revenue attributed to marketing.' },
    { name: 'marketing_spend', kind: 'range', description: 'Marketing spend.' },
    MARGIN,
  ],
  result: 'number',
  example: { formula: '=ROMI(15000, 10000)', result: 0.5, working: "Klipfolio's example: ($15k − $10k) / $10k = 50%" },
  errors: ['#DIV/0! when marketing_spend sums to 0', '#NUM! when gross_margin is outside 0..1'],
  impl: (revenue, spend, margin) => {
    const s = spend.sum(true);
    return ratio(revenue.sum() * margin - s, s, spend.name);
  },
});

export const ROAS = defineFunction({
  name: 'ROAS',
  section: SECTION,
  help: 'Return on ad spend: revenue / ad spend.',
  params: [
    { name: 'revenue', kind: 'range', description: 'Revenue from the ads.' },
    { name: 'ad_spend', kind: 'range', description: 'Ad spend.' },
  ],
  result: 'number',
  example: { formula: '=ROAS({3000;5000}, {1000;1000})', result: 4, working: '(3000 + 5000) / (1000 + 1000) = 4' },
  errors: ['#DIV/0! when ad_spend sums to 0'],
  impl: (revenue, spend) => ratio(revenue.sum(), spend.sum(true), spend.name),
});

/** How each KPI of KPI_BY turns per-group sums (a, b, c) into its value; null when undefined. */
interface Breakdown {
  readonly args: readonly string[];
  readonly required: number;
  readonly value: (a: number, b: number, c: number, margin: number) => number | null;
}
const safe = (num: number, den: number) => (den === 0 ? null : num / den);
const BREAKDOWNS: Record<string, Breakdown> = {
  CAC: { args: ['marketing_spend', 'new_customers', 'sales_spend'], required: 2, value: (a, b, c) => safe(a + c, b) },
  CPL: { args: ['spend', 'leads'], required: 2, value: (a, b) => safe(a, b) },
  CONVERSION_RATE: { args: ['conversions', 'base'], required: 2, value: (a, b) => safe(a, b) },
  LEAD_TO_OPP: { args: ['opportunities', 'leads'], required: 2, value: (a, b) => safe(a, b) },
  WIN_RATE: { args: ['won', 'closed'], required: 2, value: (a, b) => safe(a, b) },
  ATV: { args: ['revenue', 'transactions'], required: 2, value: (a, b) => safe(a, b) },
  ARPA: { args: ['revenue', 'customers'], required: 2, value: (a, b) => safe(a, b) },
  ROI: { args: ['gain', 'cost'], required: 2, value: (a, b) => safe(a - b, b) },
  ROMI: { args: ['revenue', 'marketing_spend', 'gross_margin'], required: 2, value: (a, b, _c, m) => safe(a * m - b, b) },
  ROAS: { args: ['revenue', 'ad_spend'], required: 2, value: (a, b) => safe(a, b) },
};
const KPI_NAMES = Object.keys(BREAKDOWNS).map((k) => k.toLowerCase());

export const KPI_BY = defineFunction({
  name: 'KPI_BY',
  section: SECTION,
  help: 'A ratio KPI per group (channel, campaign, segment) with a Total row, from row-aligned ranges.',
  details:
    'kpi is one of CAC, CPL, CONVERSION_RATE, LEAD_TO_OPP, WIN_RATE, ATV, ARPA, ROI, ROMI, ROAS; arg1, arg2 (and arg3) are that KPI\'s ranges in its own order, row-aligned with groups (ROMI\'s arg3 is a single gross margin). Groups appear in order of first appearance; a group whose denominator is 0 shows an empty cell. Rows whose group is blank are grouped under "(blank)" when they hold numbers.',
  params: [
    { name: 'kpi', kind: 'choice', choices: KPI_NAMES, description: 'The KPI to break down, e.g. "CAC" or "ROMI".' },
    { name: 'groups', kind: 'range', description: 'Group of each row: channel, campaign, segment.' },
    { name: 'arg1', kind: 'range', description: "The KPI's first range (CAC: marketing spend)." },
    { name: 'arg2', kind: 'range', optional: true, description: "The KPI's second range (CAC: new customers)." },
    { name: 'arg3', kind: 'range', optional: true, description: "The KPI's third argument if any (CAC: sales spend; ROMI: gross margin)." },
  ],
  result: 'table',
  example: {
    formula: '=KPI_BY("CAC", {"Ads";"SEO";"Ads"}, {1000;300;500}, {10;0;5})',
    result: [
      ['Group', 'CAC'],
      ['Ads', 100],
      ['SEO', null],
      ['Total', 120],
    ],
    working: 'Ads (1000 + 500) / (10 + 5) = 100; SEO 300 / 0 is blank; Total 1800 / 15 = 120',
  },
  errors: ['#VALUE! when a range differs in size from groups, or an argument the KPI needs is missing'],
  impl: (kpi, groups, arg1, arg2, arg3) => breakdownTable(kpi.toUpperCase(), groups, [arg1, arg2, arg3]),
});

function breakdownTable(kpi: string, groups: RangeArg, args: (RangeArg | undefined)[]): Table {
  const spec = BREAKDOWNS[kpi];
  const scalarMargin = kpi === 'ROMI';
  const ranges = args.slice(0, scalarMargin ? 2 : spec.args.length);
  ranges.forEach((r, i) => {
    if (!r && i < spec.required) throw valueError(`KPI_BY "${kpi}" needs arg${i + 1} (${spec.args[i]})`);
  });
  const present = ranges.filter((r): r is RangeArg => r !== undefined);
  requireSameSize(groups, ...present);
  const margin = scalarMargin && args[2] ? marginOf(args[2]) : 1;

  // One tight pass: per row, read the group and up to three numbers, add them to the group's sums.
  const cols = ranges.map((r) => (r && r.width === 1 ? r.rows : null));
  const index = new Map<string, number>();
  const names: string[] = [];
  const sums: number[][] = [[], [], []];
  const totals = [0, 0, 0];
  const size = groups.size;
  let lastLabel: string | null = null;
  let lastGroup = -1;
  for (let i = 0; i < size; i++) {
    let a = 0;
    let b = 0;
    let c = 0;
    let rowHasNumber = false;
    for (let k = 0; k < ranges.length; k++) {
      const range = ranges[k];
      if (!range) continue;
      const col = cols[k];
      const v = col ? col[i][0] : range.cellAt(i);
      if (typeof v === 'number' && v - v === 0) {
        if (k === 0) a = v;
        else if (k === 1) b = v;
        else c = v;
        rowHasNumber = true;
      } else if (v !== '' && v !== null && v !== undefined) notNumber(range, i, v);
    }
    const label = labelOf(groups, i) ?? (rowHasNumber ? '(blank)' : null);
    if (label === null) continue;
    let g: number;
    if (label === lastLabel) g = lastGroup;
    else {
      const found = index.get(label);
      if (found === undefined) {
        g = names.length;
        index.set(label, g);
        names.push(label);
        sums[0].push(0), sums[1].push(0), sums[2].push(0);
      } else g = found;
      lastLabel = label;
      lastGroup = g;
    }
    sums[0][g] += a;
    sums[1][g] += b;
    sums[2][g] += c;
    totals[0] += a;
    totals[1] += b;
    totals[2] += c;
  }
  if (names.length === 0) throw valueError(`${groups.name} has no groups`);
  const table: Table = [['Group', kpi]];
  names.forEach((name, g) => table.push([name, spec.value(sums[0][g], sums[1][g], sums[2][g], margin)]));
  table.push(['Total', spec.value(totals[0], totals[1], totals[2], margin)]);
  return table;
}

/** A group label as text; blank is null. Numbers and dates label groups too. */
function labelOf(groups: RangeArg, i: number): string | null {
  const v = groups.cellAt(i);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (isBlank(v)) return null;
  const err = errorFromCell(v);
  if (err) throw err;
  return isDate(v) ? isoFromSerial(toSerial(v) as number) : String(v);
}

function notNumber(r: RangeArg, i: number, v: Cell): never {
  const err = errorFromCell(v);
  if (err) throw err;
  r.numbers(); // throws the standard message naming the first bad cell
  throw valueError(`${r.at(i)} is not a number`);
}

function marginOf(r: RangeArg): number {
  const values = r.numbers();
  if (values.length !== 1) throw valueError(`KPI_BY "ROMI": arg3 is the gross margin, a single number`);
  const m = values[0];
  if (m < 0 || m > 1) throw numError(`gross_margin must be between 0 and 1, got ${m}`);
  return m;
}

export const ROI_FUNCTIONS = [ROI, ROMI, ROAS, KPI_BY];
