import { openColumn, sheetRef } from '../a1';
import { DatasetId, datasetOf, FieldRef } from '../fields';
import { Locale } from '../i18n';
import { MARKER_KEY, PlanCell, PlannedSheet, PlanNotice, SheetRole } from '../plan';
import { DashboardSetup, SetupOptions } from '../setup';
import { SheetNameMap } from '../names';

/** What every extra sheet's planner gets: the setup, the resolved sheet names, the locale and options. */
export interface ExtraContext {
  readonly setup: DashboardSetup;
  readonly locale: Locale;
  readonly options: SetupOptions;
  readonly names: SheetNameMap;
  readonly notices: PlanNotice[];
  /** Data rows per dataset, when the host passed them (PlanRequest.dataRows). */
  readonly dataRows?: Partial<Record<DatasetId, number>>;
}

export const HEADER_STYLE = { bold: true, background: '#1F4E79', fontColor: '#FFFFFF', wrap: true } as const;
export const TITLE_STYLE = { bold: true, fontSize: 16 } as const;
export const NOTE_STYLE = { italic: true, fontColor: '#666666' } as const;

/** A formula cell from a formula without its "=". */
export const fx = (formula: string): PlanCell => ({ formula: `=${formula}` });

/** A string literal inside a formula: "..." with inner quotes doubled. */
export const lit = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export function extraSheet(role: SheetRole, name: string, parts: Omit<PlannedSheet, 'role' | 'name' | 'marker'>): PlannedSheet {
  return { role, name, marker: { key: MARKER_KEY, value: role }, ...parts };
}

/** The mapped column of a field below its header ('Touches'!A2:A), for custom functions; undefined when unmapped. */
export function openField(setup: DashboardSetup, ref: FieldRef): string | undefined {
  const ds = setup.mapping[datasetOf(ref)];
  const column = ds?.columns[ref.slice(ref.indexOf('.') + 1)];
  return ds && column ? openColumn(ds.sheet, column, ds.headerRow + 1) : undefined;
}

/** The dashboard's as-of cell as an absolute full reference ('KPI Dashboard'!$B$2). */
export function asOfRef(ctx: ExtraContext): string {
  return `${sheetRef(ctx.names.dashboard)}$B$2`;
}

/** An open-ended range of this very sheet ('Customers at risk'!M6:U), rendered per host by dialect.ts. */
export function selfOpen(ctx: ExtraContext, role: SheetRole, from: string, toColumn: string): string {
  return `${sheetRef(ctx.names[role]!)}${from}:${toColumn}`;
}
