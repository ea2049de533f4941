import { valueError } from '../errors';
import { Frequency, KpiId } from './catalog';
import { columnNumber } from './a1';
import { DATASETS, DatasetId, FIELDS } from './fields';
import { Locale } from './i18n';
import { TEMPLATES, TemplateId } from './templates';
import { AlertsSetup, DashboardExtras, validateAlerts, validateExtras } from './extras/setup';
import { checkedSetupText, SETUP_VERSION, setupJson, validateSetupShape } from './setup-shape';
import type { SetupOptions } from './setup-options';

export { MAX_SETUP_BYTES, SETUP_VERSION } from './setup-shape';
export { DEFAULT_OPTIONS, optionsOf } from './setup-options';
export type { SetupOptions } from './setup-options';

/**
 * The dashboard setup: everything the sidebar collects (KPIs, data mapping, goals, options).
 * Plain JSON, versioned, saved in the document (Sheets document properties / developer
 * metadata, Excel settings) so it travels with the file. Kept small: one Apps Script property
 * holds at most 9 KB, and serializeSetup refuses anything larger.
 */

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

/** JSON text of a setup, after validating it. @throws KpiError #VALUE! when invalid or over MAX_SETUP_BYTES. */
export function serializeSetup(setup: DashboardSetup): string {
  validateSetup(setup);
  return checkedSetupText(setup);
}

/** Reads a saved setup back. @throws KpiError #VALUE! naming what is wrong (bad JSON, unknown version, unknown KPI...). */
export function parseSetup(text: string): DashboardSetup {
  const raw = setupJson(text);
  validateSetup(raw);
  return raw;
}

/** Checks a setup: its shape (setup-shape.ts), then its template, mapped fields, options, extras and alerts. @throws KpiError #VALUE! naming the first problem. */
export function validateSetup(raw: unknown): asserts raw is DashboardSetup {
  validateSetupShape(raw);
  const s: DashboardSetup = raw;
  if (s.template != null && !TEMPLATES.some((x) => x.id === s.template))
    throw valueError(`setup template ${JSON.stringify(s.template)} is unknown`);
  for (const [ds, m] of Object.entries(s.mapping)) {
    if (!DATASETS.some((d) => d.id === ds)) throw valueError(`setup mapping names an unknown dataset ${JSON.stringify(ds)}`);
    for (const [field, col] of Object.entries(m!.columns)) {
      if (!FIELDS.some((f) => f.ref === `${ds}.${field}`))
        throw valueError(`setup mapping of ${ds} names an unknown field ${JSON.stringify(field)}`);
      if (typeof col !== 'string' || columnNumber(col) === undefined)
        throw valueError(`setup mapping of ${ds}.${field}: ${JSON.stringify(col)} is not a column letter`);
    }
  }
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
