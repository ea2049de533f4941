import { isBlank, toSerial } from '../args/cells';
import { KpiError, valueError } from '../errors';
import { kpi, KpiId } from './catalog';
import { fill, Locale, t, tr } from './i18n';
import { SheetRole } from './plan';

/**
 * Anchors: how snapshot, alerts, the daily digest and regeneration find the cells of a
 * generated dashboard after the manager has inserted rows or columns. The applier records each
 * anchor as a name the host keeps up to date as the sheet changes (Sheets named range, Excel
 * workbook name, HyperFormula named expression); a reader asks the host for the anchor's
 * current rectangle and values, never for a fixed address. Before reading or writing a KPI's
 * row, the row must still show that KPI (its name as generated, in column A of the card table,
 * or as the trend table's column header). When an anchor is gone or a KPI is not where its
 * anchor says, the reader stops with a message that says what to do, and writes nothing.
 * Hosts only read and write cells; every rule is here. O(cards + trend cells).
 */
export const ANCHOR_NAMES = {
  /** The as-of date cell of the dashboard. */
  asOf: 'KPIPILOT_ASOF',
  /** The card table, KPI name and value columns (A:B), one row per card. */
  cards: 'KPIPILOT_CARDS',
  /** The trend table with its header row: period start, next start, one column per KPI. */
  trend: 'KPIPILOT_TREND',
} as const;
export type AnchorKey = keyof typeof ANCHOR_NAMES;

export interface PlanAnchor {
  readonly key: AnchorKey;
  /** The name the host records (ANCHOR_NAMES[key]). */
  readonly name: string;
  readonly sheet: SheetRole;
  /** A1 rectangle on that sheet when generated. */
  readonly range: string;
}

/** What the host read through the anchors: null for an anchor it could not find (deleted, never recorded). */
export interface AnchoredRead {
  readonly asOf: unknown | null;
  /** The card table's cells (KPI name, value), as many rows as the anchor now covers. */
  readonly cards: readonly (readonly unknown[])[] | null;
  /** The trend table with its header row. */
  readonly trend?: readonly (readonly unknown[])[] | null;
}

export interface DashboardValues {
  /** The as-of date, day serial. */
  readonly asOf: number;
  /** Each card's value as read, by KPI. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Row of each card inside the card anchor (0-based), for hosts that write next to it. */
  readonly rows: Readonly<Record<string, number>>;
  /** Each trend column read, oldest period first (only when the trend was read). */
  readonly series: Readonly<Record<string, unknown[]>>;
}

const MSG = {
  gone: t(
    'KPI Pilot cannot find the dashboard’s {what} (its recorded name {name} is gone). Nothing was read or written. Generate the dashboard again from the sidebar to restore it.',
    'KPI Pilot ne trouve plus {what} du tableau de bord (son nom enregistré {name} a disparu). Rien n’a été lu ni écrit. Régénérer le tableau de bord depuis le volet pour le rétablir.',
  ),
  asOfCell: t('as-of date cell', 'la cellule de date'),
  cardTable: t('card table', 'le tableau des cartes'),
  trendTable: t('trend table', 'le tableau de tendance'),
  noDate: t(
    'The dashboard’s as-of cell holds {v}, not a date. Nothing was written. Type a date there or generate the dashboard again.',
    'La cellule de date du tableau contient {v}, pas une date. Rien n’a été écrit. Y saisir une date ou régénérer le tableau.',
  ),
  missingRow: t(
    'The dashboard’s card table no longer shows {name} (it was renamed, deleted or moved out of the table). Nothing was written. Generate the dashboard again to restore it.',
    'Le tableau des cartes ne montre plus {name} (renommé, supprimé ou déplacé hors du tableau). Rien n’a été écrit. Régénérer le tableau de bord pour le rétablir.',
  ),
  twice: t(
    '{name} appears twice in the dashboard’s card table. Nothing was written. Delete the copy or generate the dashboard again.',
    '{name} apparaît deux fois dans le tableau des cartes. Rien n’a été écrit. Supprimer la copie ou régénérer le tableau.',
  ),
  missingColumn: t(
    'The dashboard’s trend table no longer has a column for {name}. Nothing was written. Generate the dashboard again to restore it.',
    'Le tableau de tendance n’a plus de colonne pour {name}. Rien n’a été écrit. Régénérer le tableau de bord pour le rétablir.',
  ),
};

/** The anchors of a dashboard: as-of cell, card table (A:B of the card rows), trend table with its header. */
export function dashboardAnchors(l: {
  asOfCell: string;
  firstCardRow: number;
  cards: number;
  trendColumn: string;
  lastTrendColumn: string;
  headerRow: number;
  trendLast: number;
}): PlanAnchor[] {
  return [
    { key: 'asOf', name: ANCHOR_NAMES.asOf, sheet: 'dashboard', range: l.asOfCell },
    { key: 'cards', name: ANCHOR_NAMES.cards, sheet: 'dashboard', range: `A${l.firstCardRow}:B${l.firstCardRow + l.cards - 1}` },
    {
      key: 'trend',
      name: ANCHOR_NAMES.trend,
      sheet: 'dashboard',
      range: `${l.trendColumn}${l.headerRow}:${l.lastTrendColumn}${l.trendLast}`,
    },
  ];
}

/** The KPI name a card row shows (as the planner wrote it in column A). */
export function cardLabel(id: KpiId, locale: Locale): string {
  return tr(kpi(id).name, locale);
}

/** A label cell as read back: text without the apostrophe that kept it from being a formula, trimmed; '' for anything else. */
export const labelText = (v: unknown): string => (typeof v === 'string' ? v.replace(/^'/, '').trim() : '');

/**
 * Finds every card and (when read) trend column through the anchors and checks each KPI is where
 * its anchor says. @throws KpiError #VALUE! with a message saying what to do, when an anchor is
 * gone, the as-of cell holds no date, or a KPI's row or column is missing or doubled.
 * @example locateDashboard(['mrr'], 'en', { asOf: 46112, cards: [['MRR', 1200]] }).values // => { mrr: 1200 }
 */
export function locateDashboard(
  kpis: readonly string[],
  locale: Locale,
  read: AnchoredRead,
  seriesKpis: readonly string[] = [],
): DashboardValues {
  const gone = (what: Parameters<typeof tr>[0], name: string): KpiError =>
    valueError(fill(tr(MSG.gone, locale), { what: tr(what, locale), name }));
  if (read.asOf === null) throw gone(MSG.asOfCell, ANCHOR_NAMES.asOf);
  if (read.cards === null) throw gone(MSG.cardTable, ANCHOR_NAMES.cards);
  const asOf = toSerial(read.asOf);
  if (asOf === undefined) throw valueError(fill(tr(MSG.noDate, locale), { v: isBlank(read.asOf) ? '""' : `"${String(read.asOf)}"` }));
  const values: Record<string, unknown> = {};
  const rows: Record<string, number> = {};
  for (const id of kpis) {
    const name = cardLabel(id as KpiId, locale);
    const at = read.cards.flatMap((r, i) => (labelText(r[0]) === name ? [i] : []));
    if (at.length === 0) throw valueError(fill(tr(MSG.missingRow, locale), { name }));
    if (at.length > 1) throw valueError(fill(tr(MSG.twice, locale), { name }));
    rows[id] = at[0];
    values[id] = read.cards[at[0]][1];
  }
  const series: Record<string, unknown[]> = {};
  if (seriesKpis.length) {
    if (!read.trend) throw gone(MSG.trendTable, ANCHOR_NAMES.trend);
    const [header, ...body] = read.trend;
    for (const id of seriesKpis) {
      const name = cardLabel(id as KpiId, locale);
      const col = header.findIndex((h) => labelText(h) === name);
      if (col < 0) throw valueError(fill(tr(MSG.missingColumn, locale), { name }));
      series[id] = body.map((r) => r[col]);
    }
  }
  return { asOf: Math.floor(asOf), values, rows, series };
}
