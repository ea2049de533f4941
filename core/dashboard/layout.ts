import { absCell, cell, columnLetter, rect, sheetRef } from './a1';

/**
 * Where the generated dashboard and KPI Goals put things: the one place the planner and the
 * alert columns (alerts/plan.ts) read positions from. Rows and columns are 1-based. The layout
 * is described for managers in docs/concepts/dashboards.md.
 */
export const LAYOUT = {
  asOfCell: 'B2',
  periodCell: 'D2',
  headerRow: 4,
  firstCardRow: 5,
  cardColumns: 10, // A..J
  trendColumn: 12, // L: period start, M: next period start, N...: one column per KPI
  chartWidthPx: 480,
  chartHeightPx: 300,
  chartRows: 16,
} as const;

/** KPI Goals columns (1-based): K = 11 is the last before the optional alert columns. */
export const GOAL_COLS = {
  name: 1,
  id: 2,
  baseline: 3,
  target: 4,
  start: 5,
  end: 6,
  owner: 7,
  frequency: 8,
  current: 9,
  progress: 10,
  status: 11,
} as const;

/** KPI Goals: the header row, then one row per card in card order. */
export const GOALS_FIRST_ROW = 2;

/** Alert columns of KPI Goals, right of the status: the typed threshold, then the threshold in use. */
export const ALERT_GOAL_COLS = { explicit: GOAL_COLS.status + 1, inUse: GOAL_COLS.status + 2 } as const;

export const COLORS = {
  headerBg: '#1F4E79',
  headerFg: '#FFFFFF',
  good: { background: '#D9EAD3', fontColor: '#274E13' },
  warn: { background: '#FFF2CC', fontColor: '#7F6000' },
  bad: { background: '#F4CCCC', fontColor: '#990000' },
  neutral: { background: '#EFEFEF', fontColor: '#434343' },
};

/** The as-of cell as other sheets' formulas reference it ('KPI Dashboard'!$B$2). */
export function asOfRef(dashboardName: string): string {
  return `${sheetRef(dashboardName)}${absCell(2, 2)}`;
}

/** Row of the i-th card (0-based) on the dashboard. */
export const cardRow = (i: number): number => LAYOUT.firstCardRow + i;

/** Row of the i-th card's goal (0-based) on KPI Goals. */
export const goalRow = (i: number): number => GOALS_FIRST_ROW + i;

/** A KPI Goals cell of the i-th card's goal row. */
export const goalCell = (col: number, i: number): string => cell(col, goalRow(i));

/** Columns of the card table: A..J, then K "Alert" when alerts are on. */
export const cardWidth = (alerts: boolean): number => LAYOUT.cardColumns + (alerts ? 1 : 0);

/** The card table's header row and body, `width` columns wide, for n cards. */
export const cardHeaderRange = (width: number): string => rect(1, LAYOUT.headerRow, width, 1);
export const cardTableRange = (width: number, n: number): string => rect(1, LAYOUT.firstCardRow, width, n);

/** The column right of the card table: the alert labels when alerts are on. */
export const alertColumn = (): string => columnLetter(LAYOUT.cardColumns + 1);

/** Columns of KPI Goals' table before the Note column: A..K, then L and M when alerts are on. */
export const goalsWidth = (alerts: boolean): number => (alerts ? ALERT_GOAL_COLS.inUse : GOAL_COLS.status);

/** KPI Goals' header and body rectangles, `width` columns wide, for n goals. */
export const goalsHeaderRange = (width: number): string => rect(1, 1, width, 1);
export const goalsTableRange = (width: number, n: number): string => rect(1, GOALS_FIRST_ROW, width, n);

/** The trend table: the i-th computed KPI's column (0-based), its first and last period rows. */
export const trendColumnNumber = (i: number): number => LAYOUT.trendColumn + 2 + i;
export const trendTop = (): number => LAYOUT.firstCardRow;
export const trendLast = (periods: number): number => trendTop() + periods - 1;
