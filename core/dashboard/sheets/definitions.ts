import { columnLetter, rect, wholeColumn } from '../a1';
import { kpi, KpiDefinition } from '../catalog';
import { fieldInfo } from '../fields';
import { tr } from '../i18n';
import { DIRECTION_LABELS, FREQUENCY_LABELS, KIND_LABELS, STAGE_LABELS, TIMING_LABELS, UI, UNIT_LABELS } from '../labels';
import { PlanCell, PlannedSheet } from '../plan';
import { DashboardSetup } from '../setup';

import { goalOf, headerStyle, safeText, sheet, SheetContext } from './common';

/** KPI Definitions: what each KPI is, how it is computed and which data it reads. */
export function definitionsSheet(ctx: SheetContext): PlannedSheet {
  const { locale, cards } = ctx;
  const rows: PlanCell[][] = cards.map((id) => {
    const def = kpi(id);
    const g = goalOf(ctx, id);
    const sources = ctx.missing.has(id) ? '' : dataSources(ctx, def);
    return [
      safeText(tr(def.name, locale)),
      id,
      safeText(tr(def.description, locale)),
      def.coreFormula,
      def.nativeFormula ? safeText(tr(def.nativeFormula, locale)) : '',
      tr(def.nativeFormula ? UI.computedNative : UI.computedCustom, locale),
      tr(UNIT_LABELS[def.unit], locale),
      tr(DIRECTION_LABELS[def.direction], locale),
      tr(KIND_LABELS[def.kind], locale),
      tr(TIMING_LABELS[def.timing], locale),
      tr(STAGE_LABELS[def.stage], locale),
      tr(FREQUENCY_LABELS[g?.frequency ?? def.frequency], locale),
      g?.owner ? safeText(g.owner) : '',
      sources,
      def.vanity
        ? safeText(`${tr(def.vanity.risk, locale)} → ${def.vanity.alternatives.map((a) => tr(kpi(a).name, locale)).join(', ')}`)
        : '',
      def.hints.map((h) => tr(h, locale)).join(' '),
    ];
  });
  const width = UI.definitionHeaders.length;
  const widths: Record<string, number> = {};
  for (let c = 1; c <= width; c++) widths[columnLetter(c)] = [1, 3, 5, 14, 15, 16].includes(c) ? 260 : 120;
  return sheet('definitions', ctx.names.definitions, {
    mode: 'replace',
    frozenRows: 1,
    columnWidths: widths,
    blocks: [
      { range: rect(1, 1, width, 1), cells: [UI.definitionHeaders.map((h) => tr(h, locale))], style: headerStyle },
      { range: rect(1, 2, width, rows.length), cells: rows, style: { wrap: true } },
    ],
    conditionalFormats: [],
    charts: [],
  });
}

/** "'Marketing'!C:C (Spend), ..." for the fields a KPI reads. */
function dataSources(ctx: SheetContext, def: KpiDefinition): string {
  const refs = new Set(def.needs);
  def.optional?.forEach((o) => refs.add(o));
  const out: string[] = [];
  for (const ref of refs) {
    const ds = ctx.setup.mapping[ref.slice(0, ref.indexOf('.')) as keyof DashboardSetup['mapping']];
    const col = ds?.columns[ref.slice(ref.indexOf('.') + 1)];
    if (ds && col) out.push(`${wholeColumn(ds.sheet, col)} (${tr(fieldInfo(ref).name, ctx.locale)})`);
  }
  return out.join(', ');
}
