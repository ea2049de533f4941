import {
  checkGoal, checkSelection, DashboardSetup, DataMapping, DatasetId, DATASETS, datasetOf, detectMapping, FieldRef, fieldsNeeded,
  Frequency, FREQUENCIES, Goal, GoalDraft, kpi, KpiId, Locale, SelectionCheck, SETUP_VERSION, SheetInfo, SmartCheck, template,
  TemplateId, Unit,
} from '../core/dashboard';
import type { WorkbookInfo } from './bridge';

/**
 * The sidebar's state and every rule it follows, with no DOM: app.ts renders this and sends the
 * user's actions back through these functions. Pure, so node tests cover the logic and the
 * browser tests only need to cover the wiring.
 */
export const STEPS = ['template', 'kpis', 'mapping', 'goals', 'generate'] as const;
export type StepId = (typeof STEPS)[number];

/** One goal as the manager types it: text fields exactly as typed (numbers parsed at the edges). */
export interface GoalInput {
  baseline: string;
  target: string;
  start: string;
  end: string;
  owner: string;
  frequency: Frequency;
}

export interface SidebarState {
  locale: Locale;
  step: StepId;
  /** null: start blank. */
  template: TemplateId | null;
  kpis: KpiId[];
  mapping: DataMapping;
  goals: Partial<Record<KpiId, GoalInput>>;
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
  if (!s) return { locale: info.locale, step: 'template', template: null, kpis: [], mapping: detectMapping(info.sheets).mapping, goals: {} };
  const goals: SidebarState['goals'] = {};
  for (const id of s.kpis) goals[id] = goalInput(id, s.goals.find((g) => g.kpi === id), info.locale);
  // datasets the saved setup did not need are detected again, for KPIs the manager may add now
  const mapping = { ...detectMapping(info.sheets).mapping, ...s.mapping };
  return { locale: info.locale, step: 'generate', template: s.template ?? null, kpis: [...s.kpis], mapping, goals, saved: s };
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

// ---- numbers as typed ---------------------------------------------------------------------------

/**
 * A number as a manager types it, in either language: "1 200,5", "1,200.5", "12.5%", "€ 40".
 * Percent KPIs are typed in percent ("25" or "25%" means 0.25). Returns undefined for blank,
 * NaN when the text is not a number (so the SMART check can say so).
 */
export function parseAmount(text: string, unit: Unit, locale: Locale): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f€$£%]/g, '');
  if (!s) return undefined;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma >= 0) s = locale === 'fr' || !/^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(',', '.') : s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  const n = Number(s);
  return unit === 'percent' ? n / 100 : n;
}

/** The inverse of parseAmount for pre-filling inputs: plain digits, locale decimal mark, percent ×100. */
export function formatAmount(value: number | null | undefined, unit: Unit, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const x = unit === 'percent' ? value * 100 : value;
  const s = String(Number(x.toFixed(unit === 'percent' ? 4 : 6)));
  return locale === 'fr' ? s.replace('.', ',') : s;
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
  };
}

/** What checkGoal reads: numbers where the text is one, the text itself where not, undefined where blank. */
export function goalDraft(id: KpiId, g: GoalInput, locale: Locale): GoalDraft {
  const unit = kpi(id).unit;
  const amount = (text: string) => {
    const n = parseAmount(text, unit, locale);
    return n === undefined ? undefined : Number.isNaN(n) ? text : n;
  };
  return { kpi: id, baseline: amount(g.baseline), target: amount(g.target), start: g.start || undefined, end: g.end || undefined, owner: g.owner, frequency: g.frequency };
}

/** SMART feedback of one goal, with the KPI's history for "achievable". */
export function goalCheck(state: SidebarState, id: KpiId, history: WorkbookInfo['history']): SmartCheck {
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

/** The datasets and fields the chosen KPIs read, in the catalog's dataset order. */
export function datasetsNeeded(kpis: readonly KpiId[]): DatasetNeed[] {
  const required = new Set<FieldRef>();
  const optional = new Set<FieldRef>();
  for (const id of kpis) {
    fieldsNeeded(id).forEach((f) => required.add(f));
    kpi(id).optional?.forEach((f) => optional.add(f));
  }
  const out: DatasetNeed[] = [];
  for (const ds of DATASETS) {
    const fields: { ref: FieldRef; name: string; required: boolean }[] = [];
    for (const f of required) if (datasetOf(f) === ds.id) fields.push({ ref: f, name: f.slice(ds.id.length + 1), required: true });
    for (const f of optional) if (datasetOf(f) === ds.id && !required.has(f)) fields.push({ ref: f, name: f.slice(ds.id.length + 1), required: false });
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
  return sheet.headers.map((h, i) => ({ letter: columnLetterOf(i), header: h === null || h === undefined ? '' : String(h) }));
}

function columnLetterOf(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
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
    return {
      ...kept, // fields this sidebar does not edit (an alert threshold...)
      kpi: id,
      baseline: num(g.baseline),
      target: num(g.target),
      start: date(g.start),
      end: date(g.end),
      owner: g.owner.trim() || null,
      frequency: FREQUENCIES.includes(g.frequency) ? g.frequency : null,
    };
  });
  // every mapped dataset is kept, not only those the KPIs read: extra sheets read others (touches)
  return { ...state.saved, v: SETUP_VERSION, locale: state.locale, template: state.template, kpis: [...state.kpis], mapping: { ...state.mapping }, goals };
}

/** Goals with SMART errors, for the summary on the generate step. */
export function goalsWithErrors(state: SidebarState, history: WorkbookInfo['history']): KpiId[] {
  return state.kpis.filter((id) => goalTouched(state.goals[id]) && !goalCheck(state, id, history).ok);
}
