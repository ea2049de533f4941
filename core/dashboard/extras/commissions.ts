import { rect, wholeColumn } from '../a1';
import { fieldInfo, FieldRef } from '../fields';
import { DATE_FORMAT } from '../format';
import { fill, tr } from '../i18n';
import { CellBlock, PlanCell, PlannedSheet } from '../plan';
import { CommissionPeriod, CommissionsExtra } from './setup';
import { asOfRef, ExtraContext, extraSheet, fx, HEADER_STYLE, lit, NOTE_STYLE, openField, TITLE_STYLE } from './common';
import { XL } from './labels';

/**
 * The Commissions sheet: per owner, the won deals closed in the period, attainment,
 * tier reached and payout, as live formulas.
 *
 * Layout: A1 title, A2 note, A3:F3 period (label, start D3, next start F3, from the dashboard's
 * as-of date); A5:G5 headers; A6 =SORT(UNIQUE(FILTER(owners, owners<>""))) spills the owners;
 * rows 6..(5+OWNER_ROWS) compute, when column A has an owner:
 *   B won amount  SUMIFS(amount, owner, A6, outcome, wonPattern, closed, ">="&$D$3, closed, "<"&$F$3)
 *   C quota       $L$5
 *   D attainment  B/C
 *   E tier        MATCH(D, tier starts, 1)     (the last tier whose start ≤ attainment, as COMMISSION)
 *   F rate        INDEX(rates, E)
 *   G payout      COMMISSION(B, C, tier starts, rates, method, cap)
 * The plan sits in H5:I(5+tiers) (tier starts, rates) and K5:L7 (quota, method, cap): editable
 * cells written from setup.extras.commissions. Won deals are recognised by the same COUNTIFS
 * pattern as the dashboard (options.wonPattern, default *won*).
 */
export const COMMISSION_FIELDS: readonly FieldRef[] = ['deals.owner', 'deals.amount', 'deals.outcome', 'deals.closed'];
export const OWNER_ROWS = 50;
export const COMMISSIONS_LAYOUT = {
  headerRow: 5,
  firstRow: 6,
  periodStart: '$D$3',
  periodNext: '$F$3',
  planColumn: 8,
  settingsColumn: 11,
} as const;

const MONTHS: Record<CommissionPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The period start formula (without "="), from the as-of cell. */
export function periodStartFormula(period: CommissionPeriod, asOf: string): string {
  if (period === 'month') return `DATE(YEAR(${asOf}),MONTH(${asOf}),1)`;
  if (period === 'quarter') return `DATE(YEAR(${asOf}),INT((MONTH(${asOf})-1)/3)*3+1,1)`;
  return `DATE(YEAR(${asOf}),1,1)`;
}

export function commissionsSheet(ctx: ExtraContext, plan: CommissionsExtra): PlannedSheet {
  const { locale, options } = ctx;
  const L = COMMISSIONS_LAYOUT;
  const deals = ctx.setup.mapping.deals!;
  const period = plan.period ?? 'month';
  const method = plan.method ?? 'marginal';
  const [owner, amount, outcome, closed] = COMMISSION_FIELDS.map((f) => wholeColumn(deals.sheet, deals.columns[f.slice(6)]));
  const m = plan.tiers.length;
  const starts = `$H$${L.firstRow}:$H$${L.firstRow + m - 1}`;
  const rates = `$I$${L.firstRow}:$I$${L.firstRow + m - 1}`;
  const quota = '$L$5';
  const methodCell = '$L$6';
  const capCell = '$L$7';

  const blocks: CellBlock[] = [
    { range: 'A1', cells: [[tr(XL.commissionsTitle, locale)]], style: TITLE_STYLE },
    { range: 'A2', cells: [[fill(tr(XL.commissionsNote, locale), { sheet: deals.sheet })]], style: NOTE_STYLE },
    {
      range: 'A3:F3',
      cells: [
        [
          tr(XL.period, locale),
          tr(XL.periods[period], locale),
          tr(XL.from, locale),
          fx(periodStartFormula(period, asOfRef(ctx))),
          tr(XL.to, locale),
          fx(`EDATE(D3,${MONTHS[period]})`),
        ],
      ],
      numberFormats: [[null, null, null, DATE_FORMAT, null, DATE_FORMAT]],
      style: { bold: true },
    },
    {
      range: rect(1, L.headerRow, XL.commissionHeaders.length, 1),
      cells: [XL.commissionHeaders.map((h) => tr(h, locale))],
      style: HEADER_STYLE,
    },
  ];

  const owners = openField(ctx.setup, 'deals.owner')!;
  const rows: PlanCell[][] = [];
  const formats: (string | null)[][] = [];
  for (let k = 0; k < OWNER_ROWS; k++) {
    const r = L.firstRow + k;
    const when = (formula: string) => fx(`IF($A${r}="","",${formula})`);
    rows.push([
      k === 0 ? fx(`SORT(UNIQUE(FILTER(${owners},${owners}<>"")))`) : null,
      when(
        `SUMIFS(${amount},${owner},$A${r},${outcome},${lit(options.wonPattern)},${closed},">="&${L.periodStart},${closed},"<"&${L.periodNext})`,
      ),
      when(quota),
      when(`B${r}/C${r}`),
      when(`MATCH(D${r},${starts},1)`),
      when(`INDEX(${rates},E${r})`),
      when(`COMMISSION(B${r},C${r},${starts},${rates},${methodCell},${capCell})`),
    ]);
    formats.push([null, '#,##0.00', '#,##0.00', '0.0%', '0', '0.0%', '#,##0.00']);
  }
  blocks.push({ range: rect(1, L.firstRow, 7, OWNER_ROWS), cells: rows, numberFormats: formats, customFunctions: ['COMMISSION'] });

  // the plan: tiers and rates, then quota, method, cap (editable values)
  blocks.push({ range: rect(L.planColumn, L.headerRow, 2, 1), cells: [XL.planHeaders.map((h) => tr(h, locale))], style: HEADER_STYLE });
  blocks.push({
    range: rect(L.planColumn, L.firstRow, 2, m),
    cells: plan.tiers.map((t, i) => [t, plan.rates[i]]),
    numberFormats: plan.tiers.map(() => ['0%', '0.0%']),
  });
  blocks.push({
    range: rect(L.settingsColumn, L.headerRow, 2, 3),
    cells: [
      [tr(XL.quota, locale), plan.quota],
      [tr(XL.method, locale), method],
      [tr(XL.cap, locale), plan.cap ?? null],
    ],
    numberFormats: [
      [null, '#,##0.00'],
      [null, null],
      [null, '#,##0.00'],
    ],
  });

  const widths: Record<string, number> = { A: 180, B: 110, C: 110, D: 90, E: 90, F: 80, G: 110, H: 150, I: 80, J: 24, K: 90, L: 110 };
  return extraSheet('commissions', ctx.names.commissions!, {
    mode: 'replace',
    frozenRows: L.headerRow,
    columnWidths: widths,
    blocks,
    conditionalFormats: [],
    charts: [],
  });
}

export function commissionsMissing(ctx: ExtraContext): string[] {
  return COMMISSION_FIELDS.filter((f) => !openField(ctx.setup, f)).map((f) => tr(fieldInfo(f).name, ctx.locale));
}
