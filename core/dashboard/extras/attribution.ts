import { MODELS } from '../../attribution/models';
import { cell, columnLetter, rect } from '../a1';
import { fieldInfo, FieldRef } from '../fields';
import { fill, tr } from '../i18n';
import { CellBlock, ChartSpec, PlanCell, PlannedSheet } from '../plan';
import { EXTRA_DEFAULTS } from './setup';
import { ExtraContext, extraSheet, fx, HEADER_STYLE, lit, NOTE_STYLE, openField, selfOpen, TITLE_STYLE } from './common';
import { XL } from './labels';

/**
 * The Attribution sheet: every model side by side over the mapped touchpoints.
 *
 * Layout: A1 title, A2 the association-not-causation line, A3 note; A5:H5 headers (Channel and
 * the seven models); A6:H(5+R) one row per channel (R = extras.attributionChannels, default 12);
 * a column chart below. To the right, from column K, each model's own table: model title on row
 * 4, =ATTRIBUTION_TOUCHES(journeys, timestamps, channels, converted, values, "model", half-life)
 * on row 5, spilling Channel, Conversions, Value, Share below (models 5 columns apart).
 *
 * Why this shape: ATTRIBUTION_TOUCHES returns one table per model, each sorted by its own
 * credits, so the side-by-side rows take their channel from the Markov table (same row) and each
 * model's credit with VLOOKUP in that model's table: ordinary formulas over spilled results,
 * the same in Sheets, Excel and HyperFormula. PATHS then ATTRIBUTION would read the touches once,
 * but its spill has an unknown height (ATTRIBUTION would have to take blank trailing rows) and its
 * time decay counts steps, not days. Errors of a model show in its column, never as 0.
 */
export const ATTRIBUTION_LAYOUT = { headerRow: 5, firstRow: 6, sourceColumn: 11, sourceStride: 5, titleRow: 4 } as const;

export const ATTRIBUTION_FIELDS: readonly FieldRef[] = ['touches.journey', 'touches.timestamp', 'touches.channel', 'touches.converted'];

/** The formula of one model's table (without "="), or undefined when touches are not mapped. */
export function attributionFormula(ctx: ExtraContext, model: string): string | undefined {
  const [j, ts, ch, conv] = ATTRIBUTION_FIELDS.map((f) => openField(ctx.setup, f));
  if (!j || !ts || !ch || !conv) return undefined;
  const values = openField(ctx.setup, 'touches.value') ?? '""'; // a blank optional range is omitted by every host
  const halfLife = ctx.setup.extras?.halfLifeDays ?? EXTRA_DEFAULTS.halfLifeDays;
  return `ATTRIBUTION_TOUCHES(${j},${ts},${ch},${conv},${values},${lit(model)},${halfLife})`;
}

export function attributionSheet(ctx: ExtraContext): PlannedSheet {
  const { locale } = ctx;
  const L = ATTRIBUTION_LAYOUT;
  const R = ctx.setup.extras?.attributionChannels ?? EXTRA_DEFAULTS.attributionChannels;
  const sourceCol = (i: number) => L.sourceColumn + L.sourceStride * i;
  const markov = sourceCol(MODELS.indexOf('markov'));
  const touches = ctx.setup.mapping.touches!;
  const halfLife = ctx.setup.extras?.halfLifeDays ?? EXTRA_DEFAULTS.halfLifeDays;

  const blocks: CellBlock[] = [
    { range: 'A1', cells: [[tr(XL.attributionTitle, locale)]], style: TITLE_STYLE },
    { range: 'A2', cells: [[tr(XL.causation, locale)]], style: { bold: true, fontColor: '#7F6000' } },
    { range: 'A3', cells: [[fill(tr(XL.attributionNote, locale), { sheet: touches.sheet, days: halfLife })]], style: NOTE_STYLE },
    {
      range: rect(1, L.headerRow, 1 + MODELS.length, 1),
      cells: [[tr(XL.channel, locale), ...MODELS.map((m) => tr(XL.models[m], locale))]],
      style: HEADER_STYLE,
    },
  ];

  // comparison rows: channel from the Markov table on the same row, each model's credit by VLOOKUP
  const rows: PlanCell[][] = [];
  const formats: (string | null)[][] = [];
  for (let k = 0; k < R; k++) {
    const r = L.firstRow + k;
    const channel = cell(markov, r);
    const cells: PlanCell[] = [fx(`IF(${channel}="","",${channel})`)];
    MODELS.forEach((_, i) => {
      const table = selfOpen(ctx, 'attribution', cell(sourceCol(i), L.firstRow), columnLetter(sourceCol(i) + 1));
      cells.push(fx(`IF($A${r}="","",VLOOKUP($A${r},${table},2,0))`));
    });
    rows.push(cells);
    formats.push([null, ...MODELS.map(() => '#,##0.00')]);
  }
  blocks.push({ range: rect(1, L.firstRow, 1 + MODELS.length, R), cells: rows, numberFormats: formats });

  // each model's own table, spilling from row 5
  const width = L.sourceStride * (MODELS.length - 1) + 4;
  const titles: PlanCell[] = new Array(width).fill(null);
  const formulas: PlanCell[] = new Array(width).fill(null);
  MODELS.forEach((m, i) => {
    titles[L.sourceStride * i] = tr(XL.models[m], locale);
    formulas[L.sourceStride * i] = fx(attributionFormula(ctx, m)!);
  });
  blocks.push({
    range: rect(L.sourceColumn, L.titleRow, width, 2),
    cells: [titles, formulas],
    style: { bold: false },
    customFunctions: ['ATTRIBUTION_TOUCHES'],
  });

  const lastRow = L.firstRow + R - 1;
  const charts: ChartSpec[] = [
    {
      type: 'column',
      title: tr(XL.chartTitle, locale),
      anchor: cell(1, lastRow + 2),
      widthPx: 760,
      heightPx: 340,
      categories: `A${L.firstRow}:A${lastRow}`,
      series: MODELS.map((m, i) => ({
        name: tr(XL.models[m], locale),
        values: `${columnLetter(2 + i)}${L.firstRow}:${columnLetter(2 + i)}${lastRow}`,
      })),
      numberFormat: '#,##0.0',
    },
  ];

  const widths: Record<string, number> = { A: 180, I: 24, J: 24 };
  MODELS.forEach((_, i) => (widths[columnLetter(2 + i)] = 100));
  for (let c = L.sourceColumn; c < L.sourceColumn + width; c++)
    widths[columnLetter(c)] = (c - L.sourceColumn) % L.sourceStride === 4 ? 24 : 110;
  return extraSheet('attribution', ctx.names.attribution!, {
    mode: 'replace',
    frozenRows: L.headerRow,
    columnWidths: widths,
    blocks,
    conditionalFormats: [],
    charts,
  });
}

export function attributionMissing(ctx: ExtraContext): string[] {
  return ATTRIBUTION_FIELDS.filter((f) => !openField(ctx.setup, f)).map((f) => tr(fieldInfo(f).name, ctx.locale));
}
