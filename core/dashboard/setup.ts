import { toSerial } from '../args/cells';
import { valueError } from '../errors';
import { FREQUENCIES, Frequency, isKpiId, KpiId } from './catalog';
import { columnNumber } from './a1';
import { DATASETS, DatasetId, FIELDS } from './fields';
import { Locale } from './i18n';
import { TEMPLATES, TemplateId } from './templates';
import { AlertsSetup, DashboardExtras, validateAlerts, validateExtras } from './extras/setup';

/**
 * The dashboard setup: everything the sidebar collects (KPIs, data mapping, goals, options).
 * Plain JSON, versioned, saved in the document (Sheets document properties / developer
 * metadata, Excel settings) so it travels with the file. Kept small: one Apps Script property
 * holds at most 9 KB, and serializeSetup refuses anything larger.
 */
export const SETUP_VERSION = 1;
export const MAX_SETUP_BYTES = 9000;

/** Where one dataset lives: its sheet, header row, and one column letter per field (field name without the dataset prefix). */
export interface DatasetMapping {
  sheet: string;
  /** 1-based row of the headers; data starts on the next row. */
  headerRow: number;
  columns: Record<string, string>;
}
export type DataMapping = Partial<Record<DatasetId, DatasetMapping>>;

/** A goal as saved: dates as ISO text YYYY-MM-DD; anything may still be missing while the manager types. */
export interface Goal {
  kpi: KpiId;
  baseline?: number | null;
  target?: number | null;
  start?: string | null;
  end?: string | null;
  owner?: string | null;
  frequency?: Frequency | null;
  /** Alerts: breach when the KPI is worse than this (below for higher-is-better KPIs, above otherwise); absent: the goal's pace. */
  threshold?: number | null;
}

export interface SetupOptions {
  /** Gross margin used by LTV, CAC payback and ROMI (fraction). */
  grossMargin: number;
  /** GOAL_STATUS tolerance: how far behind schedule still counts as At risk. */
  tolerance: number;
  /** Months in the trend table and charts (including the current one). */
  trendPeriods: number;
  /** Look-back of NRR and GRR in months. */
  nrrMonths: number;
  /** COUNTIFS patterns (wildcards allowed, case-insensitive) for won and lost deals in deals.outcome. */
  wonPattern: string;
  lostPattern: string;
  /** Channel pattern of referral leads. */
  referralPattern: string;
}

export const DEFAULT_OPTIONS: SetupOptions = {
  grossMargin: 1,
  tolerance: 0.1,
  trendPeriods: 12,
  nrrMonths: 12,
  wonPattern: '*won*',
  lostPattern: '*lost*',
  referralPattern: '*referr*',
};

export interface DashboardSetup {
  v: typeof SETUP_VERSION;
  locale: Locale;
  template?: TemplateId | null;
  /** Card order. */
  kpis: KpiId[];
  mapping: DataMapping;
  goals: Goal[];
  options?: Partial<SetupOptions>;
  /** Optional extra sheets (Attribution, Customers at risk, Commissions): extras/setup.ts. */
  extras?: DashboardExtras;
  /** Alert cells and highlighting on the dashboard, daily digest: alerts/. */
  alerts?: AlertsSetup;
}

export function optionsOf(setup: Pick<DashboardSetup, 'options'>): SetupOptions {
  return { ...DEFAULT_OPTIONS, ...(setup.options ?? {}) };
}

/** JSON text of a setup, after validating it. @throws KpiError #VALUE! when invalid or over MAX_SETUP_BYTES. */
export function serializeSetup(setup: DashboardSetup): string {
  validateSetup(setup);
  const text = JSON.stringify(setup);
  const bytes = utf8Length(text);
  if (bytes > MAX_SETUP_BYTES)
    throw valueError(
      `the dashboard setup takes ${bytes} bytes, more than the ${MAX_SETUP_BYTES} a document property holds: shorten owner names or remove KPIs`,
    );
  return text;
}

/** Reads a saved setup back. @throws KpiError #VALUE! naming what is wrong (bad JSON, unknown version, unknown KPI...). */
export function parseSetup(text: string): DashboardSetup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw valueError('the saved dashboard setup is not valid JSON');
  }
  validateSetup(raw);
  return raw as DashboardSetup;
}

/** Checks the shape of a setup. @throws KpiError #VALUE! naming the first problem. */
export function validateSetup(raw: unknown): asserts raw is DashboardSetup {
  const s = raw as Partial<DashboardSetup> | null;
  if (!s || typeof s !== 'object') throw valueError('the dashboard setup is not an object');
  if (s.v !== SETUP_VERSION) throw valueError(`dashboard setup version ${String(s.v)} is not supported (expected ${SETUP_VERSION})`);
  if (s.locale !== 'en' && s.locale !== 'fr') throw valueError(`setup locale ${JSON.stringify(s.locale)} is not "en" or "fr"`);
  if (s.template != null && !TEMPLATES.some((x) => x.id === s.template))
    throw valueError(`setup template ${JSON.stringify(s.template)} is unknown`);
  if (!Array.isArray(s.kpis)) throw valueError('setup kpis must be a list');
  s.kpis.forEach((id) => {
    if (!isKpiId(id)) throw valueError(`setup KPI ${JSON.stringify(id)} is not in the catalog`);
  });
  if (!s.mapping || typeof s.mapping !== 'object') throw valueError('setup mapping must be an object');
  for (const [ds, m] of Object.entries(s.mapping)) {
    if (!DATASETS.some((d) => d.id === ds)) throw valueError(`setup mapping names an unknown dataset ${JSON.stringify(ds)}`);
    if (!m || typeof m.sheet !== 'string' || !m.sheet) throw valueError(`setup mapping of ${ds} has no sheet name`);
    if (!Number.isInteger(m.headerRow) || m.headerRow < 1)
      throw valueError(`setup mapping of ${ds}: header row must be a whole number from 1`);
    if (!m.columns || typeof m.columns !== 'object') throw valueError(`setup mapping of ${ds} has no columns`);
    for (const [field, col] of Object.entries(m.columns)) {
      if (!FIELDS.some((f) => f.ref === `${ds}.${field}`))
        throw valueError(`setup mapping of ${ds} names an unknown field ${JSON.stringify(field)}`);
      if (typeof col !== 'string' || columnNumber(col) === undefined)
        throw valueError(`setup mapping of ${ds}.${field}: ${JSON.stringify(col)} is not a column letter`);
    }
  }
  if (!Array.isArray(s.goals)) throw valueError('setup goals must be a list');
  s.goals.forEach((g, i) => {
    if (!g || !isKpiId(g.kpi)) throw valueError(`setup goal ${i + 1} names no known KPI`);
    for (const key of ['baseline', 'target', 'threshold'] as const) {
      const v = g[key];
      if (v != null && (typeof v !== 'number' || !Number.isFinite(v))) throw valueError(`goal of ${g.kpi}: ${key} must be a number`);
    }
    for (const key of ['start', 'end'] as const) {
      const v = g[key];
      if (v != null && (typeof v !== 'string' || toSerial(v) === undefined))
        throw valueError(`goal of ${g.kpi}: ${key} must be a date as YYYY-MM-DD`);
    }
    if (g.owner != null && typeof g.owner !== 'string') throw valueError(`goal of ${g.kpi}: owner must be text`);
    if (g.frequency != null && !FREQUENCIES.includes(g.frequency))
      throw valueError(`goal of ${g.kpi}: frequency must be one of ${FREQUENCIES.join(', ')}`);
  });
  const o = s.options ?? {};
  const num = (k: keyof SetupOptions, lo: number, hi: number, int = false) => {
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (int && !Number.isInteger(v)))
      throw valueError(`setup option ${k} must be a ${int ? 'whole ' : ''}number from ${lo} to ${hi}`);
  };
  validateExtras(s.extras);
  validateAlerts(s.alerts);
  num('grossMargin', 0, 1);
  num('tolerance', 0, 1);
  num('trendPeriods', 3, 36, true);
  num('nrrMonths', 1, 24, true);
  for (const k of ['wonPattern', 'lostPattern', 'referralPattern'] as const) {
    const v = o[k];
    if (v !== undefined && (typeof v !== 'string' || !v.trim() || /"/.test(v)))
      throw valueError(`setup option ${k} must be non-empty text without double quotes`);
  }
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
