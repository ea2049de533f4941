import { toSerial } from '../args/cells';
import { valueError } from '../errors';
import { FREQUENCIES, isKpiId } from './catalog';
import type { DashboardSetup } from './setup';

/**
 * The shape of a dashboard setup: what every reader of a saved setup relies on (its version,
 * locale, KPIs, where each dataset's sheet and header row are, the goals), checked with no more
 * than the catalog's ids. setup.ts validateSetup checks this first, then the rest (template,
 * mapped fields and columns, options, extras, alerts). The sidebar validates every setup in full
 * before it is saved; the Sheets server, which stores and reads setups but never plans, checks
 * this shape and the size a document property holds. O(KPIs + goals + datasets).
 */
export const SETUP_VERSION = 1;
/** A document property holds at most 9 KB. */
export const MAX_SETUP_BYTES = 9000;

/** The setup's JSON value. @throws KpiError #VALUE! when the text is not JSON. */
export function setupJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw valueError('the saved dashboard setup is not valid JSON');
  }
}

/** Checks the shape of a setup. @throws KpiError #VALUE! naming the first problem. */
export function validateSetupShape(raw: unknown): asserts raw is DashboardSetup {
  const s = raw as Partial<DashboardSetup> | null;
  if (!s || typeof s !== 'object') throw valueError('the dashboard setup is not an object');
  if (s.v !== SETUP_VERSION) throw valueError(`dashboard setup version ${String(s.v)} is not supported (expected ${SETUP_VERSION})`);
  if (s.locale !== 'en' && s.locale !== 'fr') throw valueError(`setup locale ${JSON.stringify(s.locale)} is not "en" or "fr"`);
  if (!Array.isArray(s.kpis)) throw valueError('setup kpis must be a list');
  s.kpis.forEach((id) => {
    if (!isKpiId(id)) throw valueError(`setup KPI ${JSON.stringify(id)} is not in the catalog`);
  });
  if (!s.mapping || typeof s.mapping !== 'object') throw valueError('setup mapping must be an object');
  for (const [ds, m] of Object.entries(s.mapping)) {
    if (!m || typeof m.sheet !== 'string' || !m.sheet) throw valueError(`setup mapping of ${ds} has no sheet name`);
    if (!Number.isInteger(m.headerRow) || m.headerRow < 1)
      throw valueError(`setup mapping of ${ds}: header row must be a whole number from 1`);
    if (!m.columns || typeof m.columns !== 'object') throw valueError(`setup mapping of ${ds} has no columns`);
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
}

/** A setup as shape-checked JSON text. @throws KpiError #VALUE! when its shape is wrong. */
export function parseSetupShape(text: string): DashboardSetup {
  const raw = setupJson(text);
  validateSetupShape(raw);
  return raw;
}

/** The setup's JSON text, checked to fit a document property. @throws KpiError #VALUE! when over MAX_SETUP_BYTES. */
export function checkedSetupText(setup: DashboardSetup): string {
  const text = JSON.stringify(setup);
  const bytes = utf8Length(text);
  if (bytes > MAX_SETUP_BYTES)
    throw valueError(
      `the dashboard setup takes ${bytes} bytes, more than the ${MAX_SETUP_BYTES} a document property holds: shorten owner names or remove KPIs`,
    );
  return text;
}

/** Bytes of text in UTF-8: what a document property counts. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
