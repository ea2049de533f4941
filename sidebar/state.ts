import {
  checkGoal,
  checkSelection,
  columnLetter,
  EXTRA_SHEET_DATA,
  EXTRA_SHEET_ROLES,
  ExtraSheetRole,
  DashboardExtras,
  DashboardSetup,
  DataMapping,
  DatasetId,
  DATASETS,
  datasetOf,
  detectMapping,
  FieldRef,
  fieldsNeeded,
  Frequency,
  FREQUENCIES,
  Goal,
  GoalDraft,
  hasField,
  kpi,
  KpiId,
  Locale,
  SelectionCheck,
  SETUP_VERSION,
  SheetInfo,
  SmartCheck,
  template,
  TemplateId,
} from '../core/dashboard';
import { formatAmount, parseAmount } from './amounts';
import type { WorkbookInfo } from './bridge';
import { CommissionInput, commissionInput, commissionPlan } from './steps/commission-input';

/**
 * The sidebar's state and every rule it follows, with no DOM: app.ts renders this and sends the
 * user's actions back through these functions. Pure, so node tests cover the logic and the
 * browser tests only need to cover the wiring.
 */
export const STEPS = ['template', 'kpis', 'extras', 'mapping', 'goals', 'generate'] as const;
export type StepId = (typeof STEPS)[number];

/** One goal as the manager types it: text fields exactly as typed (numbers parsed at the edges). */
export interface GoalInput {
  baseline: string;
  target: string;
  start: string;
  end: string;
  owner: string;
  frequency: Frequency;
  /** Optional alert threshold, in the KPI's unit (percent KPIs in percent), as typed. */
  threshold: string;
  /** Set while the baseline is the KPI's value from the data (the month YYYY-MM it is of), not typed (baselines.ts). */
  baselineFrom?: string;
}

/** The extra sheets ticked, and the commission plan kept while typed (even while Commissions is not ticked). */
export interface ExtrasInput {
  attribution: boolean;
  customers: boolean;
  commissions: boolean;
  plan: CommissionInput;
}

export interface SidebarState {
  locale: Locale;
  step: StepId;
  /** null: start blank. */
  template: TemplateId | null;
  kpis: KpiId[];
  mapping: DataMapping;
  goals: Partial<Record<KpiId, GoalInput>>;
  extras: ExtrasInput;
  /** Alert cells, thresholds and highlighting on the dashboard (setup.alerts.enabled). */
  alertsEnabled: boolean;
  /** The daily digest's state as the host last reported it (setup.alerts.email), undefined when never known. */
  dailyEmail?: boolean;
  /**
   * The saved setup as it was read: what the sidebar does not edit (options, extras, alerts, goal
   * thresholds) is written back unchanged, so saving from this sidebar never loses a field that
   * another version or tool set.
   */
  saved?: DashboardSetup;
}

/** The state when the sidebar opens: the saved setup if any (on the goals step), else the template step with detected mapping. */
export function initialState(info: WorkbookInfo): SidebarState {
  const s = info.setup;
  // alerts are on for a new dashboard: a card flagged when behind its goal's pace is the point of a goal
  if (!s)
    return {
      locale: info.locale,
      step: 'template',
      template: null,
      kpis: [],
      mapping: detectMapping(info.sheets).mapping,
      goals: {},
      extras: extrasInput(undefined, info.locale),
      alertsEnabled: true,
    };
  const goals: SidebarState['goals'] = {};
  for (const id of s.kpis)
    goals[id] = goalInput(
      id,
      s.goals.find((g) => g.kpi === id),
      info.locale,
    );
  // datasets the saved setup did not need are detected again, for KPIs the manager may add now
  const mapping = { ...detectMapping(info.sheets).mapping, ...s.mapping };
  return {
    locale: info.locale,
    step: 'generate',
    template: s.template ?? null,
    kpis: [...s.kpis],
    mapping,
    goals,
    extras: extrasInput(s.extras, info.locale),
    alertsEnabled: !!s.alerts?.enabled,
    dailyEmail: s.alerts?.email,
    saved: s,
  };
}

/** A template's KPIs (or none for blank); goals typed for KPIs that stay are kept. */
export function chooseTemplate(state: SidebarState, id: TemplateId | null): SidebarState {
  const kpis = id ? [...template(id).kpis] : [];
  return withKpis({ ...state, template: id }, kpis);
}

export function toggleKpi(state: SidebarState, id: KpiId, on: boolean): SidebarState {
  const has = state.kpis.includes(id);
  if (on === has) return state;
  return withKpis(state, on ? [...state.kpis, id] : state.kpis.filter((k) => k !== id));
}

/** Moves a KPI one place up (-1) or down (+1) in card order. */
export function moveKpi(state: SidebarState, id: KpiId, by: -1 | 1): SidebarState {
  const i = state.kpis.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= state.kpis.length) return state;
  const kpis = [...state.kpis];
  [kpis[i], kpis[j]] = [kpis[j], kpis[i]];
  return { ...state, kpis };
}

function withKpis(state: SidebarState, kpis: KpiId[]): SidebarState {
  const goals: SidebarState['goals'] = {};
  for (const id of kpis) goals[id] = state.goals[id] ?? goalInput(id, undefined, state.locale);
  return { ...state, kpis, goals };
}

export function setGoalField<K extends keyof GoalInput>(state: SidebarState, id: KpiId, field: K, value: GoalInput[K]): SidebarState {
  const current = state.goals[id] ?? goalInput(id, undefined, state.locale);
  return { ...state, goals: { ...state.goals, [id]: { ...current, [field]: value } } };
}

export function selection(state: SidebarState): SelectionCheck {
  return checkSelection(state.kpis, state.locale);
}

/**
 * The goals as the host merged them with KPI Goals (GenerateResult.setup): the sheet's edits
 * replace what the sidebar showed, for the KPIs on the dashboard; the rest of the state stays.
 */
export function withMergedGoals(state: SidebarState, setup: DashboardSetup): SidebarState {
  const goals: SidebarState['goals'] = { ...state.goals };
  for (const id of state.kpis) {
    const g = setup.goals.find((x) => x.kpi === id);
    if (g) goals[id] = goalInput(id, g, state.locale);
  }
  return { ...state, goals, saved: setup };
}

function goalInput(id: KpiId, g: Goal | undefined, locale: Locale): GoalInput {
  const unit = kpi(id).unit;
  return {
    baseline: formatAmount(g?.baseline, unit, locale),
    target: formatAmount(g?.target, unit, locale),
    start: g?.start ?? '',
    end: g?.end ?? '',
    owner: g?.owner ?? '',
    frequency: g?.frequency ?? kpi(id).frequency,
    threshold: formatAmount(g?.threshold, unit, locale),
  };
}

/** What checkGoal reads: numbers where the text is one, the text itself where not, undefined where blank. */
export function goalDraft(id: KpiId, g: GoalInput, locale: Locale): GoalDraft {
  const unit = kpi(id).unit;
  const amount = (text: string) => {
    const n = parseAmount(text, unit, locale);
    return n === undefined ? undefined : Number.isNaN(n) ? text : n;
  };
  return {
    kpi: id,
    baseline: amount(g.baseline),
    target: amount(g.target),
    start: g.start || undefined,
    end: g.end || undefined,
    owner: g.owner,
    frequency: g.frequency,
  };
}

/** SMART feedback of one goal, with the KPI's history for "achievable". */
export function goalCheck(state: SidebarState, id: KpiId, history: Readonly<Record<string, readonly (number | null)[]>>): SmartCheck {
  const g = state.goals[id] ?? goalInput(id, undefined, state.locale);
  return checkGoal(goalDraft(id, g, state.locale), history[id] ?? [], state.locale);
}

/** True when the manager typed anything beyond the default frequency. */
export function goalTouched(g: GoalInput | undefined): boolean {
  return !!g && !!(g.baseline.trim() || g.target.trim() || g.start || g.end || g.owner.trim());
}

// ---- mapping --------------------------------------------------------------------------------------

export interface DatasetNeed {
  readonly dataset: DatasetId;
  /** Fields the chosen KPIs need (required first, then optional), without the dataset prefix. */
  readonly fields: readonly { ref: FieldRef; name: string; required: boolean }[];
}

/** Fields each extra sheet reads (the core's lists), required then optional. */
export function extraFields(extra: ExtraSheetRole): { required: readonly FieldRef[]; optional: readonly FieldRef[] } {
  return EXTRA_SHEET_DATA[extra];
}

/** The extras ticked, in sheet order. */
export function tickedExtras(extras: Pick<ExtrasInput, ExtraSheetRole> | undefined): ExtraSheetRole[] {
  return EXTRA_SHEET_ROLES.filter((x) => extras?.[x]);
}

/**
 * The datasets and fields the chosen KPIs and the ticked extra sheets read, in the catalog's
 * dataset order. No KPI reads touchpoints, so the touches dataset appears only with Attribution.
 */
export function datasetsNeeded(kpis: readonly KpiId[], extras?: Pick<ExtrasInput, ExtraSheetRole>): DatasetNeed[] {
  const required = new Set<FieldRef>();
  const optional = new Set<FieldRef>();
  for (const id of kpis) {
    fieldsNeeded(id).forEach((f) => required.add(f));
    kpi(id).optional?.forEach((f) => optional.add(f));
  }
  for (const x of tickedExtras(extras)) {
    const f = extraFields(x);
    f.required.forEach((r) => required.add(r));
    f.optional.forEach((o) => optional.add(o));
  }
  const out: DatasetNeed[] = [];
  for (const ds of DATASETS) {
    const fields: { ref: FieldRef; name: string; required: boolean }[] = [];
    for (const f of required) if (datasetOf(f) === ds.id) fields.push({ ref: f, name: f.slice(ds.id.length + 1), required: true });
    for (const f of optional)
      if (datasetOf(f) === ds.id && !required.has(f)) fields.push({ ref: f, name: f.slice(ds.id.length + 1), required: false });
    if (fields.length) out.push({ dataset: ds.id, fields });
  }
  return out;
}

/** The sheet of that name among the workbook's data sheets. */
export function sheetNamed(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  return sheets.find((s) => s.name === name);
}

/** Column choices of a sheet: letter and header text, for the column selects. */
export function columnChoices(sheet: SheetInfo | undefined): { letter: string; header: string }[] {
  if (!sheet) return [];
  return sheet.headers.map((h, i) => ({ letter: columnLetter(i + 1), header: h === null || h === undefined ? '' : String(h) }));
}

/** Required fields an extra sheet reads that the mapping lacks (the planner would skip the sheet). */
export function extraMissing(mapping: DataMapping, extra: ExtraSheetRole): FieldRef[] {
  return extraFields(extra).required.filter((f) => !hasField(mapping, f));
}

// ---- extra sheets and alerts -----------------------------------------------------------------------

/** The extras of a saved setup as inputs (the commission plan: steps/commission-input.ts). */
export function extrasInput(saved: DashboardExtras | undefined, locale: Locale): ExtrasInput {
  const c = saved?.commissions;
  return { attribution: !!saved?.attribution, customers: !!saved?.customers, commissions: !!c, plan: commissionInput(c, locale) };
}

export function setExtra(state: SidebarState, extra: ExtraSheetRole, on: boolean): SidebarState {
  return { ...state, extras: { ...state.extras, [extra]: on } };
}

export function setAlertsEnabled(state: SidebarState, on: boolean): SidebarState {
  return { ...state, alertsEnabled: on };
}

/** Records the daily digest's state the host reports, so a later save does not undo a switch made on the server. */
export function withDailyStatus(state: SidebarState, status: { daily: boolean; dailyAvailable: boolean }): SidebarState {
  return status.dailyAvailable ? { ...state, dailyEmail: status.daily } : state;
}

/** setup.extras from the inputs: undefined when nothing was ever asked (an old setup stays byte for byte). */
function extrasSetup(state: SidebarState): DashboardExtras | undefined {
  const x = state.extras;
  const plan = x.commissions ? commissionPlan(x.plan, state.locale).plan : undefined;
  if (!x.attribution && !x.customers && !plan && !state.saved?.extras) return undefined;
  const out: DashboardExtras = { ...state.saved?.extras }; // keeps channels shown, half-life, horizon
  delete out.attribution;
  delete out.customers;
  delete out.commissions;
  if (x.attribution) out.attribution = true;
  if (x.customers) out.customers = true;
  if (plan) out.commissions = plan;
  return out;
}

// ---- steps ---------------------------------------------------------------------------------------

/** Whether the manager may leave a step forward. Only an empty selection blocks: the rules advise. */
export function canLeave(state: SidebarState, step: StepId): boolean {
  return step === 'template' || step === 'generate' || state.kpis.length > 0;
}

export function stepAfter(step: StepId, by: 1 | -1): StepId {
  const i = STEPS.indexOf(step) + by;
  return STEPS[Math.max(0, Math.min(STEPS.length - 1, i))];
}

// ---- the setup ------------------------------------------------------------------------------------

/**
 * The setup to save and generate from. Everything typed is kept (a goal without an owner still
 * gets its target and status): SMART errors are shown, not enforced, and listed on the generate
 * step. Text that is not a number is left out (null) since the planner writes only numbers.
 * Every mapped dataset is kept (extra sheets read datasets no KPI needs).
 */
export function toSetup(state: SidebarState): DashboardSetup {
  const goals: Goal[] = state.kpis.map((id) => {
    const g = state.goals[id] ?? goalInput(id, undefined, state.locale);
    const unit = kpi(id).unit;
    const num = (text: string) => {
      const n = parseAmount(text, unit, state.locale);
      return n === undefined || Number.isNaN(n) ? null : n;
    };
    const date = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null);
    const kept = state.saved?.goals.find((x) => x.kpi === id);
    const goal: Goal = {
      ...kept, // fields this sidebar does not edit
      kpi: id,
      baseline: num(g.baseline),
      target: num(g.target),
      start: date(g.start),
      end: date(g.end),
      owner: g.owner.trim() || null,
      frequency: FREQUENCIES.includes(g.frequency) ? g.frequency : null,
    };
    const threshold = num(g.threshold ?? '');
    if (threshold === null)
      delete goal.threshold; // absent, not null: saved setups stay small
    else goal.threshold = threshold;
    return goal;
  });
  // every mapped dataset is kept, not only those the KPIs read: extra sheets read others (touches)
  const out: DashboardSetup = {
    ...state.saved,
    v: SETUP_VERSION,
    locale: state.locale,
    template: state.template,
    kpis: [...state.kpis],
    mapping: { ...state.mapping },
    goals,
  };
  const extras = extrasSetup(state);
  if (extras) out.extras = extras;
  else delete out.extras;
  if (state.alertsEnabled || state.saved?.alerts || state.dailyEmail !== undefined) {
    out.alerts = { enabled: state.alertsEnabled };
    if (state.dailyEmail !== undefined) out.alerts.email = state.dailyEmail;
  } else delete out.alerts;
  return out;
}

/** Goals with SMART errors, for the summary on the generate step. */
export function goalsWithErrors(state: SidebarState, history: Readonly<Record<string, readonly (number | null)[]>>): KpiId[] {
  return state.kpis.filter((id) => goalTouched(state.goals[id]) && !goalCheck(state, id, history).ok);
}
