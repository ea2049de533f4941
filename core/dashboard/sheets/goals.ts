import { toSerial } from '../../args/cells';
import { cell, columnLetter, sheetRef } from '../a1';
import { kpi } from '../catalog';
import { DATE_FORMAT, NUMBER_FORMATS, PROGRESS_FORMAT } from '../format';
import { tr } from '../i18n';
import { FREQUENCY_LABELS, UI } from '../labels';
import { CellBlock, PlanCell, PlannedSheet } from '../plan';
import { alertGoalColumns } from '../alerts/plan';
import { GoalCells, noteFormula, progressFormula, statusFormula } from '../goal-status';
import { GOAL_NOTES } from '../labels';
import { asOfRef, GOAL_COLS, goalsHeaderRange, goalsTableRange, goalRow, goalsWidth, LAYOUT } from '../layout';

import { alertsInput, f, goalOf, GoalCellField, headerStyle, safeText, sheet, SheetContext, statusFormats } from './common';

/**
 * KPI Goals: one row per card with its goal, progress and status formulas, the two alert columns
 * when alerts are on, then the Note column.
 */
export function goalsSheet(ctx: SheetContext): PlannedSheet {
  const { locale, cards, options } = ctx;
  const dash = sheetRef(ctx.names.dashboard);
  const asOf = asOfRef(ctx.names.dashboard);
  const rows: PlanCell[][] = [];
  const formats: (string | null)[][] = [];
  const C = GOAL_COLS;
  const input = alertsInput(ctx);
  const alerts = input && alertGoalColumns(input);
  cards.forEach((id, i) => {
    const def = kpi(id);
    const r = goalRow(i);
    const g = goalOf(ctx, id);
    const a = (col: number) => cell(col, r);
    const cells: GoalCells = {
      current: a(C.current),
      baseline: a(C.baseline),
      target: a(C.target),
      start: a(C.start),
      end: a(C.end),
      asOf,
      direction: def.direction,
      tolerance: options.tolerance,
      locale,
    };
    const kept = ctx.keepGoalCells?.[id] ?? {};
    const typed = (field: GoalCellField, value: PlanCell): PlanCell => (kept[field] !== undefined ? safeText(kept[field]!) : value);
    rows.push([
      safeText(tr(def.name, locale)),
      id,
      typed('baseline', g?.baseline ?? null),
      typed('target', g?.target ?? null),
      typed('start', g?.start ? Math.floor(toSerial(g.start)!) : null),
      typed('end', g?.end ? Math.floor(toSerial(g.end)!) : null),
      g?.owner ? safeText(g.owner) : null,
      typed('frequency', tr(FREQUENCY_LABELS[g?.frequency ?? def.frequency], locale)),
      f(`${dash}B${LAYOUT.firstCardRow + i}`),
      { formula: progressFormula(cells) },
      { formula: statusFormula(cells) },
      ...(alerts?.rows[i] ?? []),
    ]);
    const unit = NUMBER_FORMATS[def.unit];
    formats.push([
      null,
      null,
      unit,
      unit,
      DATE_FORMAT,
      DATE_FORMAT,
      null,
      null,
      unit,
      PROGRESS_FORMAT,
      null,
      ...(alerts?.formats[i] ?? []),
    ]);
  });
  const width = goalsWidth(alerts !== undefined);
  const headers = [...UI.goalHeaders.map((h) => tr(h, locale)), ...(alerts?.headers ?? []), tr(GOAL_NOTES.header, locale)];
  const blocks: CellBlock[] = [
    { range: goalsHeaderRange(width + 1), cells: [headers], style: headerStyle },
    { range: goalsTableRange(width, cards.length), cells: rows, numberFormats: formats },
    noteColumn(ctx, width + 1),
  ];
  const widths: Record<string, number> = { A: 220, B: 130, G: 140, H: 110 };
  for (const c of ['C', 'D', 'E', 'F', 'I', 'J', 'K']) widths[c] = 100;
  Object.assign(widths, alerts?.widths, { [columnLetter(width + 1)]: 320 });
  return sheet('goals', ctx.names.goals, {
    mode: 'replace',
    frozenRows: 1,
    columnWidths: widths,
    blocks,
    conditionalFormats: statusFormats(`K2:K${cards.length + 1}`, locale),
    charts: [],
  });
}

/** The Note column (column number `col`, after the alert columns when present): goal-status.ts noteFormula. */
function noteColumn(ctx: SheetContext, col: number): CellBlock {
  const C = GOAL_COLS;
  const notes: PlanCell[][] = ctx.cards.map((id, i) => {
    const a = (c: number) => cell(c, goalRow(i));
    return [
      {
        formula: noteFormula({
          current: a(C.current),
          baseline: a(C.baseline),
          target: a(C.target),
          start: a(C.start),
          end: a(C.end),
          asOf: asOfRef(ctx.names.dashboard),
          direction: kpi(id).direction,
          tolerance: ctx.options.tolerance,
          locale: ctx.locale,
        }),
      },
    ];
  });
  const letter = columnLetter(col);
  const range = `${letter}${goalRow(0)}:${letter}${goalRow(ctx.cards.length - 1)}`;
  return { range, cells: notes, style: { wrap: true, fontColor: '#7F6000' } };
}
