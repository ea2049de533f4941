import { columnLetter, parseRect, parseSheetRef, requireRect } from '../a1';
import { kpi, KpiId } from '../catalog';
import { fill, Locale, t, tr } from '../i18n';
import { DashboardPlan, PlanCell, PlannedSheet } from '../plan';
import { callsKpiPilot } from './detect';

/**
 * What a colleague without the add-in would lose, read from the plan itself (not from a list
 * kept beside it): every sheet with a cell calling KPI Pilot, extras included, and every card
 * whose value comes from a KPI Pilot function, directly (LTV carries MRR churn's formula when MRR
 * churn is not a card) or through another card's trend column it reads (LTV:CAC reads LTV). The
 * trend table holds only the cards, so the notice names only KPIs the manager chose. The sidebar
 * shows it and offers "Prepare for sharing".
 */
export interface AddinNeeds {
  /** Sheet names, plan order. */
  readonly sheets: readonly string[];
  /** Card KPIs (dashboard order) whose value needs the add-in. */
  readonly cards: readonly KpiId[];
}

function formulaAt(sheet: PlannedSheet, col: number, row: number): string | undefined {
  for (const b of sheet.blocks) {
    const r = requireRect(b.range);
    if (row >= r.row && row < r.row + r.height && col >= r.col && col < r.col + r.width) {
      const c: PlanCell = b.cells[row - r.row][col - r.col];
      return c && typeof c === 'object' ? c.formula : undefined;
    }
  }
  return undefined;
}

/**
 * Whether the whole formula is IFERROR(…, "a sentence"): without the add-in the cell reads that
 * sentence (what it needs), not an error, so it alone does not call for the notice. An empty
 * fallback does not count: a blank where a number belongs misleads.
 */
function saysWhatItNeeds(formula: string): boolean {
  if (!formula.startsWith('=IFERROR(')) return false;
  let depth = 0;
  let inText = false;
  for (let i = 1; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') inText = !inText;
    else if (!inText && ch === '(') depth++;
    else if (!inText && ch === ')' && --depth === 0) return i === formula.length - 1 && /,"(?:[^"]|"")+"\)$/.test(formula);
  }
  return false;
}

export function addinNeeds(plan: Pick<DashboardPlan, 'sheets' | 'trend' | 'snapshot'>): AddinNeeds {
  const needsAddin = (c: PlanCell) => c !== null && typeof c === 'object' && callsKpiPilot(c.formula) && !saysWhatItNeeds(c.formula);
  const sheets = plan.sheets.filter((s) => s.blocks.some((b) => b.cells.some((row) => row.some(needsAddin)))).map((s) => s.name);
  const dashboard = plan.sheets.find((s) => s.role === 'dashboard');
  const needs = new Set<KpiId>();
  if (dashboard) {
    // each trend column's formula on its first row: calls KPI Pilot, or reads a column that does
    const columns = new Map<number, KpiId>();
    let firstRow = 0;
    for (const [id, range] of Object.entries(plan.trend.series)) {
      const ref = parseSheetRef(range);
      const r = ref && parseRect(ref.a1);
      if (!r) continue;
      columns.set(r.col, id as KpiId);
      firstRow = r.row;
    }
    const formulas = new Map<KpiId, string>();
    for (const [col, id] of columns) formulas.set(id, formulaAt(dashboard, col, firstRow) ?? '');
    for (const [id, f] of formulas) if (callsKpiPilot(f)) needs.add(id);
    const reads = (f: string, id: KpiId) =>
      new RegExp(`(^|[^A-Za-z$'!])\\$?${columnLetter([...columns].find(([, x]) => x === id)![0] + 1)}\\$?${firstRow + 1}(?![0-9])`).test(f);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [id, f] of formulas) {
        if (needs.has(id)) continue;
        if ([...needs].some((other) => reads(f.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'![A-Z$0-9:]+/g, ''), other))) {
          needs.add(id);
          changed = true;
        }
      }
    }
  }
  const cards = plan.snapshot.kpis.filter((id) => needs.has(id as KpiId)) as KpiId[];
  return { sheets, cards };
}

const NOTICE = {
  needs: t(
    'Without the add-in a colleague sees errors in {sheets}: {cards} come from KPI Pilot functions. "Prepare for sharing" replaces them by their values (and "Make live again" restores them).',
    'Sans le module, un collègue voit des erreurs dans {sheets} : {cards} viennent de fonctions KPI Pilot. « Préparer pour le partage » les remplace par leurs valeurs (et « Rendre dynamique » les rétablit).',
  ),
  cards: t('the cards {names}', 'les cartes {names}'),
  sheetsOnly: t('their tables', 'leurs tableaux'),
};

/** The sidebar's sentence, or '' when nothing needs the add-in. */
export function addinNeedsText(needs: AddinNeeds, locale: Locale): string {
  if (!needs.sheets.length) return '';
  const name = (id: KpiId) => tr(kpi(id).name, locale);
  const what = needs.cards.length
    ? fill(tr(NOTICE.cards, locale), { names: needs.cards.map(name).join(', ') })
    : tr(NOTICE.sheetsOnly, locale);
  return fill(tr(NOTICE.needs, locale), { sheets: needs.sheets.join(', '), cards: what });
}
