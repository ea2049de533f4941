import { fill, Locale, t, Text, tr } from './i18n';
import type { ExistingSheet } from './names';
import { PlanNotice, SHEET_ROLES, SheetRole } from './plan';

/**
 * Copies of our sheets. Sheets and Excel copy a sheet's marker (developer metadata, sheet-scoped
 * name) with the sheet, so a user's duplicate of the dashboard claims to be the dashboard too.
 * Each host records, at generation, the host's own id of every sheet it generated (a Sheets
 * sheet id, an Excel worksheet id) in the document's add-in storage; a copy gets a new id from
 * the host. When several sheets carry the marker of one role, the one whose id was recorded is
 * ours; the others are copies: treated like the user's sheets (never cleared, regenerated or
 * read as ours) and named in a notice. A role marked once needs no id, so the usual case costs
 * no read at all (docs/concepts/dashboards.md "Copies of generated sheets").
 */

/** Host sheet ids recorded at generation, by role (as text: Sheets' are numbers, Excel's strings). */
export type RecordedSheetIds = Partial<Record<SheetRole, string>>;

/** A sheet as a host lists it, in tab order. */
export interface MarkedSheet {
  readonly name: string;
  readonly marker: SheetRole | null;
}

/** The same sheet once copies are set aside: a copy has no marker and says whose copy it is. */
export type Sorted<T extends MarkedSheet> = Omit<T, 'marker'> & { readonly marker: SheetRole | null; readonly copyOf?: SheetRole };

/**
 * Keeps one sheet per role: the only one marked, or, among several, the one whose host id is the
 * recorded one. `idOf` and `recorded` are called only for a role marked more than once, so a host
 * reads sheet ids and its stored record only then. Without a matching record (generated before
 * ids were recorded, or the original deleted and copied again) the first in tab order is kept:
 * there is nothing else to tell them apart by. O(sheets).
 */
export function setAsideCopies<T extends MarkedSheet>(
  sheets: readonly T[],
  idOf: (sheet: T) => string | number,
  recorded: () => RecordedSheetIds,
): Sorted<T>[] {
  const byRole = new Map<SheetRole, number[]>();
  sheets.forEach((s, i) => {
    if (s.marker) byRole.set(s.marker, [...(byRole.get(s.marker) ?? []), i]);
  });
  const copies = new Map<number, SheetRole>();
  let ids: RecordedSheetIds | null = null;
  for (const [role, at] of byRole) {
    if (at.length < 2) continue;
    ids ??= recorded();
    const want = ids[role];
    const kept = (want === undefined ? undefined : at.find((i) => String(idOf(sheets[i])) === want)) ?? at[0];
    for (const i of at) if (i !== kept) copies.set(i, role);
  }
  return sheets.map((s, i) => (copies.has(i) ? { ...s, marker: null, copyOf: copies.get(i) } : s));
}

/** The recorded ids as stored (JSON text), or none for anything unreadable: then the first in tab order is kept. */
export function parseSheetIds(text: unknown): RecordedSheetIds {
  if (typeof text !== 'string' || !text) return {};
  try {
    const raw: unknown = JSON.parse(text);
    if (!raw || typeof raw !== 'object') return {};
    const out: RecordedSheetIds = {};
    for (const role of SHEET_ROLES) {
      const v = (raw as Record<string, unknown>)[role];
      if (typeof v === 'string' || typeof v === 'number') out[role] = String(v);
    }
    return out;
  } catch {
    return {};
  }
}

/** The record to store after a generation: the ids of the sheets it wrote or kept, over the earlier record. */
export function recordSheetIds(before: RecordedSheetIds, generated: Partial<Record<SheetRole, string | number>>): RecordedSheetIds {
  const out: RecordedSheetIds = { ...before };
  for (const role of SHEET_ROLES) if (generated[role] !== undefined) out[role] = String(generated[role]);
  return out;
}

const ROLE_NAMES: Readonly<Record<SheetRole, Text>> = {
  dashboard: t('the dashboard', 'du tableau de bord'),
  goals: t('KPI Goals', 'de KPI Goals'),
  definitions: t('KPI Definitions', 'de KPI Definitions'),
  history: t('KPI History', 'de KPI History'),
  attribution: t('the Attribution sheet', 'de la feuille Attribution'),
  customers: t('Customers at risk', 'de Customers at risk'),
  commissions: t('the Commissions sheet', 'de la feuille Commissions'),
};

const COPY_NOTICE = t(
  "'{name}' looks like a copy of {role}; KPI Pilot leaves it alone.",
  '« {name} » semble être une copie {role} ; KPI Pilot n’y touche pas.',
);

/** One notice per copy, for the sidebar: which sheet, a copy of what, and that it is left alone. */
export function copyNotices(existing: readonly ExistingSheet[], locale: Locale): PlanNotice[] {
  return existing
    .filter((s): s is ExistingSheet & { copyOf: SheetRole } => !!s.copyOf)
    .map((s) => ({
      code: 'duplicate_sheet',
      level: 'info',
      sheet: s.copyOf,
      text: fill(tr(COPY_NOTICE, locale), { name: s.name, role: tr(ROLE_NAMES[s.copyOf], locale) }),
    }));
}
