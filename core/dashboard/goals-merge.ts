import { kpi, KpiId } from './catalog';
import { GOAL_FIELDS, GoalField, GoalsReadBack, UnreadableGoalCell } from './goals-sheet';
import { fill, Locale, t, tr } from './i18n';
import { AL } from './alerts/labels';
import { UI } from './labels';
import { valueError } from '../errors';
import { FORMULAS_SHEET } from './share/store';
import { DashboardPlan, PlanNotice } from './plan';
import { buildPlan, KeptGoalCells, PlanRequest } from './planner';
import { DashboardSetup, Goal } from './setup';

/**
 * The KPI Goals sheet is the source of truth once generated. Before planning, a host reads the
 * sheet back (goals-sheet.ts readGoalsSheet) and merges it here with the sidebar's setup:
 *
 * - a field whose sheet value differs from what the last generation wrote was edited in the
 *   sheet: the sheet wins (even when the sidebar changed it too), and the merge says which
 *   fields it took from the sheet when they differ from the sidebar's;
 * - a field the sheet still holds as generated keeps the sidebar's value (edited in the sidebar,
 *   or unchanged);
 * - with no record of the last generation, every readable sheet value wins;
 * - a cell that cannot be read (text in a number or date column) is written back as typed
 *   (PlanRequest.keepGoalCells), reported, and the goal keeps the sidebar's value for it.
 * Goals of KPIs not on the sheet are the sidebar's. O(KPIs × fields).
 */
export interface TakenField {
  readonly kpi: KpiId;
  readonly field: GoalField;
  /** The sheet's value (what the goal now holds). */
  readonly value: number | string | null;
}

export interface GoalsMerge {
  readonly setup: DashboardSetup;
  readonly taken: readonly TakenField[];
  readonly unreadable: readonly UnreadableGoalCell[];
  readonly keepGoalCells: KeptGoalCells;
  /** One notice per KPI whose fields were taken, one per unreadable cell (PlanNotice codes goal_from_sheet, goal_unreadable). */
  readonly notices: readonly PlanNotice[];
}

const FIELD_NAMES: Record<GoalField, { en: string; fr: string }> = {
  baseline: UI.goalHeaders[2],
  target: UI.goalHeaders[3],
  start: UI.goalHeaders[4],
  end: UI.goalHeaders[5],
  owner: UI.goalHeaders[6],
  frequency: UI.goalHeaders[7],
  threshold: AL.thresholdHeaders[0],
};

const MSG = {
  taken: t(
    '{name}: kept {fields} as edited in the goals sheet.',
    '{name} : {fields} conservés tels que modifiés dans la feuille des objectifs.',
  ),
  unreadable: t(
    '{sheet} {cell} ({field} of {name}) holds "{text}", which is not a valid {kind}: it was left as typed and not used. Type a {kind} there.',
    '{sheet} {cell} ({field} de {name}) contient « {text} », qui n’est pas un(e) {kind} valide : la cellule est laissée telle quelle et ignorée. Y saisir un(e) {kind}.',
  ),
  number: t('number', 'nombre'),
  date: t('date (YYYY-MM-DD)', 'date (AAAA-MM-JJ)'),
  frequency: t('frequency (daily, weekly, monthly or quarterly)', 'fréquence (quotidienne, hebdomadaire, mensuelle ou trimestrielle)'),
};

/** What the planner writes in the sheet for a field when the goal leaves it empty (the catalog's frequency). */
function written(id: KpiId, field: GoalField, goal: Goal | undefined): unknown {
  const v = goal?.[field];
  if (field === 'frequency') return v ?? kpi(id).frequency;
  return v ?? null;
}

function same(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

export function mergeGoals(
  sidebar: DashboardSetup,
  sheet: GoalsReadBack | null,
  generated: DashboardSetup | null,
  sheetName = 'KPI Goals',
): GoalsMerge {
  const locale: Locale = sidebar.locale;
  if (!sheet) return { setup: sidebar, taken: [], unreadable: [], keepGoalCells: {}, notices: [] };
  const goals = new Map<KpiId, Goal>(sidebar.goals.map((g) => [g.kpi, { ...g }]));
  const taken: TakenField[] = [];
  const keep: Record<string, Partial<Record<GoalField, string>>> = {};
  const unreadableAt = new Set(sheet.unreadable.map((u) => `${u.kpi}.${u.field}`));
  for (const u of sheet.unreadable) (keep[u.kpi] ??= {})[u.field] = u.text;
  for (const read of sheet.goals) {
    const id = read.kpi;
    const mine = goals.get(id) ?? { kpi: id };
    const before = generated ? generated.goals.find((g) => g.kpi === id) : undefined;
    for (const field of GOAL_FIELDS) {
      if (!(field in read) || unreadableAt.has(`${id}.${field}`)) continue;
      const value = read[field] ?? null;
      // edited in the sheet since the last generation (or, without a record of it, different from the sidebar)
      const edited = generated ? !same(value, written(id, field, before)) : !same(value, written(id, field, mine));
      if (!edited) continue;
      if (!same(value, written(id, field, mine))) taken.push({ kpi: id, field, value });
      (mine as unknown as Record<string, unknown>)[field] = value;
    }
    goals.set(id, mine);
  }
  const order = [...sidebar.goals.map((g) => g.kpi), ...[...goals.keys()].filter((k) => !sidebar.goals.some((g) => g.kpi === k))];
  const merged = order.map((k) => goals.get(k)!).filter((g) => Object.keys(g).length > 1 || sidebar.goals.some((x) => x.kpi === g.kpi));
  const notices: PlanNotice[] = [];
  const name = (id: KpiId) => tr(kpi(id).name, locale);
  for (const id of [...new Set(taken.map((x) => x.kpi))]) {
    const fields = taken.filter((x) => x.kpi === id).map((x) => tr(FIELD_NAMES[x.field], locale).toLowerCase());
    notices.push({
      code: 'goal_from_sheet',
      level: 'info',
      kpi: id,
      sheet: 'goals',
      text: fill(tr(MSG.taken, locale), { name: name(id), fields: fields.join(', ') }),
    });
  }
  for (const u of sheet.unreadable) {
    const kind = u.field === 'start' || u.field === 'end' ? MSG.date : u.field === 'frequency' ? MSG.frequency : MSG.number;
    notices.push({
      code: 'goal_unreadable',
      level: 'warning',
      kpi: u.kpi,
      sheet: 'goals',
      text: fill(tr(MSG.unreadable, locale), {
        sheet: sheetName,
        cell: u.cell,
        field: tr(FIELD_NAMES[u.field], locale).toLowerCase(),
        name: name(u.kpi),
        text: u.text,
        kind: tr(kind, locale),
      }),
    });
  }
  return { setup: { ...sidebar, goals: merged }, taken, unreadable: sheet.unreadable, keepGoalCells: keep as KeptGoalCells, notices };
}

/**
 * What every host runs to generate: merge the goals read back (null when there is no goals
 * sheet yet), plan with the merged setup, and put the merge's notices first.
 */
export function planWithSheetGoals(
  req: PlanRequest,
  sheet: GoalsReadBack | null,
  generated: DashboardSetup | null,
): { plan: DashboardPlan; merge: GoalsMerge } {
  // generating over a share-ready workbook would mix live formulas with frozen values and strand the record
  if ((req.existingSheets ?? []).some((s) => s.name === FORMULAS_SHEET))
    throw valueError(fill(tr(UI.sharedReady, req.setup.locale), { sheet: FORMULAS_SHEET }));
  const goalsSheet = req.existingSheets?.find((s) => s.marker === 'goals')?.name;
  const merge = mergeGoals(req.setup, sheet, generated, goalsSheet);
  const plan = buildPlan({ ...req, setup: merge.setup, keepGoalCells: merge.keepGoalCells });
  return { plan: { ...plan, notices: [...merge.notices, ...plan.notices] }, merge };
}
