import { ExtraSheetRole, SheetRole } from './plan';

/** The standard names of the generated sheets: the same in every locale, so a French and an English colleague regenerate the same sheets. */
export const STANDARD_NAMES: Readonly<Record<SheetRole, string>> = {
  dashboard: 'KPI Dashboard',
  goals: 'KPI Goals',
  definitions: 'KPI Definitions',
  history: 'KPI History',
  attribution: 'Attribution',
  customers: 'Customers at risk',
  commissions: 'Commissions',
};

/** A sheet already in the workbook, with the role its KPI Pilot marker names (absent for the user's own sheets). */
export interface ExistingSheet {
  readonly name: string;
  readonly marker?: SheetRole | null;
  /** A copy of one of our sheets (it kept the marker): treated as the user's, named in a notice (sheet-copies.ts). */
  readonly copyOf?: SheetRole;
}

/** The four sheets every plan has. */
export type CoreSheetRole = Exclude<SheetRole, ExtraSheetRole>;
export const CORE_SHEET_ROLES: readonly CoreSheetRole[] = ['dashboard', 'goals', 'definitions', 'history'];
/** Names of the core sheets, and of the extra sheets asked for. */
export type SheetNameMap = Readonly<Record<CoreSheetRole, string> & Partial<Record<ExtraSheetRole, string>>>;

export interface SheetNames {
  readonly names: SheetNameMap;
  /** Roles that could not use their standard name because a user's sheet has it. */
  readonly renamed: readonly { readonly role: SheetRole; readonly wanted: string; readonly used: string }[];
}

/**
 * The name-collision rule. For each role: a sheet already carrying our marker for that role is
 * reused under whatever name it has now (regenerating rewrites it in place); otherwise the
 * standard name if no sheet has it; otherwise "KPI Dashboard (KPI Pilot)", then "(KPI Pilot 2)"...
 * A user's sheet is never chosen. Names compare case-insensitively, as both hosts do. O(sheets).
 * Extra sheets (Attribution, ...) get names only when asked for (extraRoles).
 */
export function resolveSheetNames(existing: readonly ExistingSheet[], extraRoles: readonly ExtraSheetRole[] = []): SheetNames {
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  const names = {} as Record<SheetRole, string>;
  const renamed: { role: SheetRole; wanted: string; used: string }[] = [];
  // core roles first, so asking for extras never changes the core sheets' names
  for (const role of [...CORE_SHEET_ROLES, ...extraRoles]) {
    const ours = existing.find((s) => s.marker === role);
    if (ours) {
      names[role] = ours.name;
      continue;
    }
    const wanted = STANDARD_NAMES[role];
    let used = wanted;
    for (let i = 1; taken.has(used.toLowerCase()); i++) used = `${wanted} (KPI Pilot${i > 1 ? ` ${i}` : ''})`;
    taken.add(used.toLowerCase());
    names[role] = used;
    if (used !== wanted) renamed.push({ role, wanted, used });
  }
  return { names, renamed };
}
