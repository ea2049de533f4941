import { RangeArg, requireSameSize } from '../args/range';
import { divZeroError, KpiError, numError } from '../errors';
import { PartChange, ratioChange } from '../kpi/change';
import { GroupSums, MixRate, mixRateSplit } from '../kpi/mix-rate';
import { defineFunction, Table } from '../registry/types';

const SECTION = 'Changes between periods';

export const KPI_CHANGE = defineFunction({
  name: 'KPI_CHANGE',
  section: SECTION,
  help: 'Why a ratio KPI (CAC, CPL, ROAS…) changed between two periods: the part of its numerator and of its denominator.',
  details:
    'The KPI is numerator / denominator (CAC: spend / new customers), each the sum of its range for the period before and after. ' +
    'The table gives, for the KPI, the numerator and the denominator: Before, After, Change (after / before − 1), ' +
    'Effect on KPI (the KPI change had only that part moved: N1/N0 − 1 for the numerator, D0/D1 − 1 for the denominator; ' +
    'the two compound to the KPI change, (1 + a)(1 + b) = 1 + total), Log effect (ln(N1/N0) and −ln(D1/D0), which add up exactly to ln(R1/R0)) ' +
    'and Share of change (log effect / ln(R1/R0); the shares add up to 1, a part working against the change has a negative share, ' +
    'and the shares are blank when the KPI did not change). Logs need every sum to be positive.',
  params: [
    { name: 'numerator_before', kind: 'range', description: "The KPI's numerator in the earlier period (CAC: spend)." },
    { name: 'denominator_before', kind: 'range', description: "The KPI's denominator in the earlier period (CAC: new customers)." },
    { name: 'numerator_after', kind: 'range', description: "The KPI's numerator in the later period." },
    { name: 'denominator_after', kind: 'range', description: "The KPI's denominator in the later period." },
  ],
  result: 'table',
  example: {
    formula: '=KPI_CHANGE({600;400}, 10, 1200, 8)',
    result: [
      ['Part', 'Before', 'After', 'Change', 'Effect on KPI', 'Log effect', 'Share of change'],
      ['KPI', 100, 150, 0.5, 0.5, 0.4054651081081644, 1],
      ['Numerator', 1000, 1200, 0.2, 0.2, 0.1823215567939546, 0.4496602867867915],
      ['Denominator', 10, 8, -0.2, 0.25, 0.2231435513142098, 0.5503397132132085],
    ],
    working:
      'CAC 1000 / 10 = 100 → 1200 / 8 = 150, +50%. Spend alone +20%, customers 10 → 8 alone 10/8 − 1 = +25%; 1.2 × 1.25 = 1.5. ' +
      'ln 1.2 = 0.18232, −ln 0.8 = 0.22314, sum ln 1.5 = 0.40547; shares 0.18232 / 0.40547 = 45% and 55%',
  },
  errors: [
    '#DIV/0! when a denominator sums to 0',
    '#NUM! when a numerator sums to 0 or a cell is negative (the logs need positive sums)',
    '#VALUE! when a cell is not a number',
  ],
  impl: (n0, d0, n1, d1) => {
    const c = ratioChange(numeratorSum(n0), denominatorSum(d0), numeratorSum(n1), denominatorSum(d1));
    const row = (label: string, p: PartChange) => [label, p.before, p.after, p.change, p.effect, p.logEffect, p.share];
    const table: Table = [
      ['Part', 'Before', 'After', 'Change', 'Effect on KPI', 'Log effect', 'Share of change'],
      row('KPI', c.kpi),
      row('Numerator', c.numerator),
      row('Denominator', c.denominator),
    ];
    return table;
  },
});

/** A numerator's sum: non-negative cells, and not 0, since the change is split in logs. */
function numeratorSum(r: RangeArg): number {
  const s = r.sum(true);
  if (s === 0) throw numError(`${r.name} sums to 0: the KPI is 0 and its change cannot be split in logs`);
  return s;
}

function denominatorSum(r: RangeArg): number {
  const s = r.sum(true);
  if (s === 0) throw divZeroError(`${r.name} sums to 0`);
  return s;
}

/** Per-group sums of the two periods: rows with start ≤ date < next, blank dates and groups skipped. */
function periodGroupSums(
  groups: RangeArg,
  numerator: RangeArg,
  denominator: RangeArg,
  dates: RangeArg,
  beforeStart: number,
  afterStart: number,
  afterEnd: number,
): GroupSums[] {
  if (!(beforeStart < afterStart && afterStart < afterEnd)) {
    throw numError('the periods must follow each other: before_start < after_start < after_end');
  }
  requireSameSize(groups, numerator, denominator, dates);
  const labels = groups.alignedTexts();
  const n = numerator.alignedNumbers();
  const d = denominator.alignedNumbers();
  const t = dates.alignedDates();
  const sums = new Map<string, { group: string; n0: number; d0: number; n1: number; d1: number }>();
  for (let i = 0; i < labels.length; i++) {
    const day = t[i];
    if (day === null || day < beforeStart || day >= afterEnd) continue;
    const [nv, dv] = [n[i] ?? 0, d[i] ?? 0];
    if (nv < 0) throw numError(`${numerator.at(i)}: ${nv} is negative; ${numerator.name} cannot be`);
    if (dv < 0) throw numError(`${denominator.at(i)}: ${dv} is negative; ${denominator.name} cannot be`);
    const label = labels[i] ?? (nv || dv ? '(blank)' : null);
    if (label === null) continue;
    let g = sums.get(label);
    if (!g) sums.set(label, (g = { group: label, n0: 0, d0: 0, n1: 0, d1: 0 }));
    if (day < afterStart) (g.n0 += nv), (g.d0 += dv);
    else (g.n1 += nv), (g.d1 += dv);
  }
  return [...sums.values()];
}

const BY_PARAMS = [
  { name: 'groups', kind: 'range', description: 'Group of each row: channel, campaign, segment.' },
  { name: 'numerator', kind: 'range', description: "The KPI's numerator on each row (CAC: spend), row-aligned with groups." },
  { name: 'denominator', kind: 'range', description: "The KPI's denominator on each row (CAC: new customers)." },
  { name: 'dates', kind: 'range', description: 'Date of each row; rows outside the two periods are left out.' },
  { name: 'before_start', kind: 'date', description: 'First day of the earlier period.' },
  { name: 'after_start', kind: 'date', description: 'First day of the later period (the day after the earlier one ends).' },
  { name: 'after_end', kind: 'date', description: 'The day after the later period ends.' },
] as const;

export const KPI_CHANGE_BY = defineFunction({
  name: 'KPI_CHANGE_BY',
  section: SECTION,
  help: "A blended ratio KPI's change between two periods split by group (channel) into mix (volume moving between groups) and rate (each group's own ratio).",
  details:
    'The KPI is Σ numerator / Σ denominator over the rows of each period; each group has its share of the denominator s and its own ratio r, and the KPI is Σ s × r. ' +
    "Each group's change s1 r1 − s0 r0 is split exactly into Mix effect (s1 − s0) × (r0 + r1) / 2 and Rate effect (r1 − r0) × (s0 + s1) / 2 (Kitagawa's symmetric split, 1955): " +
    "over the groups the mix and rate effects add up to the KPI change After − Before, with no residual. Effects are in the KPI's own unit. " +
    'Rows: one per group, largest total effect (in size) first, then Total. A group with no denominator in one period keeps its other ratio, so all its change is mix. ' +
    'Columns: Group, Before and After (its own ratio; blank without a denominator), Share before and after (of the denominator), Mix effect, Rate effect, Total effect.',
  params: BY_PARAMS,
  result: 'table',
  example: {
    formula:
      '=KPI_CHANGE_BY({"Ads";"SEO";"Ads";"SEO"}, {1000;200;1800;150}, {10;10;15;5}, {"2026-01-05";"2026-01-20";"2026-02-03";"2026-02-10"}, "2026-01-01", "2026-02-01", "2026-03-01")',
    result: [
      ['Group', 'Before', 'After', 'Share before', 'Share after', 'Mix effect', 'Rate effect', 'Total effect'],
      ['Ads', 100, 120, 0.5, 0.75, 27.5, 12.5, 40],
      ['SEO', 20, 30, 0.5, 0.25, -6.25, 3.75, -2.5],
      ['Total', 60, 97.5, 1, 1, 21.25, 16.25, 37.5],
    ],
    working:
      'CAC 1200 / 20 = 60 → 1950 / 20 = 97.5. Ads 100 → 120, customers share 10/20 = 0.5 → 15/20 = 0.75: mix 0.25 × 110 = 27.5, rate 20 × 0.625 = 12.5; ' +
      'SEO 20 → 30, share 0.5 → 0.25: mix −0.25 × 25 = −6.25, rate 10 × 0.375 = 3.75; 27.5 + 12.5 − 6.25 + 3.75 = 37.5 = 97.5 − 60',
  },
  errors: [
    '#DIV/0! when the denominator sums to 0 in a period, or a group has a numerator but no denominator in a period (its own ratio is undefined: merge it with another group)',
    '#NUM! when the dates do not follow each other (before_start < after_start < after_end) or a cell is negative',
    '#VALUE! when the ranges differ in size, a number cell holds text or a date cell is not a date',
  ],
  impl: (groups, numerator, denominator, dates, beforeStart, afterStart, afterEnd) => {
    const s = mixRateSplit(periodGroupSums(groups, numerator, denominator, dates, beforeStart, afterStart, afterEnd));
    const table: Table = [['Group', 'Before', 'After', 'Share before', 'Share after', 'Mix effect', 'Rate effect', 'Total effect']];
    for (const g of s.groups) table.push([g.group, g.r0, g.r1, g.s0, g.s1, g.mix, g.rate, g.total]);
    table.push(['Total', s.r0, s.r1, 1, 1, s.mix, s.rate, s.change]);
    return table;
  },
});

/** "+45.8%" / "-4.2%" (one decimal, halves away from zero as ROUND does, a plus for rises), "+45,8 %" in French. */
function signedPercent(x: number, language: string): string {
  // 12 significant digits first, as a spreadsheet's ROUND sees them: 6.25 computed as 6.2499999… still shows 6.3
  const tenths = Number(Math.abs(1000 * x).toPrecision(12));
  const v = (Math.sign(x) * Math.round(tenths)) / 10 + 0;
  const text = `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
  return language === 'fr' ? `${text.replace('.', ',')} %` : `${text}%`;
}

export const KPI_CHANGE_DRIVERS = defineFunction({
  name: 'KPI_CHANGE_DRIVERS',
  section: SECTION,
  help: "In one sentence: how much of a ratio KPI's change is mix and how much is rate, and the groups (channels) that drove most of it.",
  details:
    "The KPI_CHANGE_BY split, written as a sentence for a dashboard cell. Every effect is a percentage of the earlier value of the KPI, so the groups' effects add up to its relative change, " +
    'and mix and rate add up to it too. top is how many groups to name (largest effect first). language is "en" or "fr". ' +
    'When the split cannot be made (a zero denominator, a group with a numerator but no denominator, a KPI of 0 in the earlier period) the sentence says why instead of an error.',
  params: [
    ...BY_PARAMS,
    { name: 'top', kind: 'number', optional: true, default: 2, min: 1, max: 20, description: 'How many groups to name; default 2.' },
    {
      name: 'language',
      kind: 'choice',
      optional: true,
      default: 'en',
      choices: ['en', 'fr'],
      description: 'Language of the sentence: "en" (default) or "fr".',
    },
  ],
  result: 'text',
  example: {
    formula:
      '=KPI_CHANGE_DRIVERS({"Ads";"SEO";"Ads";"SEO"}, {1000;200;1800;150}, {10;10;15;5}, {"2026-01-05";"2026-01-20";"2026-02-03";"2026-02-10"}, "2026-01-01", "2026-02-01", "2026-03-01")',
    result: 'Change +62.5%: mix +35.4%, rate +27.1%. Largest: Ads +66.7% (mix +45.8%, rate +20.8%), SEO -4.2% (mix -10.4%, rate +6.3%)',
    working:
      'the KPI_CHANGE_BY example over the earlier CAC 60: 37.5 / 60 = 62.5%, mix 21.25 / 60 = 35.4%, rate 16.25 / 60 = 27.1%; Ads 40 / 60 = 66.7% (27.5 / 60, 12.5 / 60), SEO −2.5 / 60 = −4.2% (−6.25 / 60, 3.75 / 60)',
  },
  errors: [
    '#NUM! when the dates do not follow each other',
    '#VALUE! when the ranges differ in size, a number cell holds text or a date cell is not a date',
  ],
  impl: (groups, numerator, denominator, dates, beforeStart, afterStart, afterEnd, top, language) => {
    const fr = language === 'fr';
    const sums = periodGroupSums(groups, numerator, denominator, dates, beforeStart, afterStart, afterEnd);
    let s: MixRate;
    try {
      s = mixRateSplit(sums);
    } catch (e) {
      if (!(e instanceof KpiError)) throw e;
      return `${fr ? 'Pas de décomposition' : 'No split'}: ${e.message}`.replace(/^Pas de décomposition:/, 'Pas de décomposition :');
    }
    if (!(s.r0 > 0))
      return fr ? 'Pas de décomposition : le KPI vaut 0 sur la période précédente' : 'No split: the KPI is 0 in the earlier period';
    const p = (x: number) => signedPercent(x / s.r0, language);
    const [mix, rate] = fr ? ['mix', 'taux'] : ['mix', 'rate'];
    const named = s.groups.slice(0, top).map((g) => `${g.group} ${p(g.total)} (${mix} ${p(g.mix)}, ${rate} ${p(g.rate)})`);
    return fr
      ? `Variation ${p(s.change)} : ${mix} ${p(s.mix)}, ${rate} ${p(s.rate)}. Principaux : ${named.join(', ')}`
      : `Change ${p(s.change)}: ${mix} ${p(s.mix)}, ${rate} ${p(s.rate)}. Largest: ${named.join(', ')}`;
  },
});

export const CHANGE_FUNCTIONS = [KPI_CHANGE, KPI_CHANGE_BY, KPI_CHANGE_DRIVERS];
