import { isBlank, isoFromSerial, toSerial } from '../args/cells';
import { FREQUENCIES, Frequency, isKpiId, KpiId } from './catalog';
import { columnLetter } from './a1';
import { AL } from './alerts/labels';
import { FREQUENCY_LABELS, GOAL_HEADERS } from './sheet-headers';
import { Goal } from './setup';

/**
 * Reading the KPI Goals sheet back. Managers edit goals there (the dashboard tells them to);
 * before planning, every host reads the table back (one read of its used range) and
 * goals-merge.ts merges it with the sidebar's setup. Columns are found by their header (either
 * language), so a column the manager inserted or moved does not shift the fields; without a
 * recognisable header the planner's positions are used (KPI, KPI id, Baseline, Target, Start,
 * End, Owner, Frequency, ..., L threshold when alerts are on). Rows are found by the KPI id
 * column, never by position. O(rows × columns).
 */
export type GoalField = 'baseline' | 'target' | 'start' | 'end' | 'owner' | 'frequency' | 'threshold';
export const GOAL_FIELDS: readonly GoalField[] = ['baseline', 'target', 'start', 'end', 'owner', 'frequency', 'threshold'];

/** A cell the manager typed that cannot be read as its field (text in a number or date column, an unknown frequency). */
export interface UnreadableGoalCell {
  readonly kpi: KpiId;
  readonly field: GoalField;
  /** What the cell holds, as text. */
  readonly text: string;
  /** A1 address on the goals sheet, e.g. D3. */
  readonly cell: string;
}

export interface GoalsReadBack {
  /** One goal per KPI row; a field is absent when its column is missing, null when blank or unreadable. */
  readonly goals: Goal[];
  readonly unreadable: UnreadableGoalCell[];
}

const HEADER_OF: Record<GoalField | 'id', readonly string[]> = {
  id: [GOAL_HEADERS[1].en, GOAL_HEADERS[1].fr],
  baseline: [GOAL_HEADERS[2].en, GOAL_HEADERS[2].fr],
  target: [GOAL_HEADERS[3].en, GOAL_HEADERS[3].fr],
  start: [GOAL_HEADERS[4].en, GOAL_HEADERS[4].fr],
  end: [GOAL_HEADERS[5].en, GOAL_HEADERS[5].fr],
  owner: [GOAL_HEADERS[6].en, GOAL_HEADERS[6].fr],
  frequency: [GOAL_HEADERS[7].en, GOAL_HEADERS[7].fr],
  threshold: [AL.thresholdHeaders[0].en, AL.thresholdHeaders[0].fr, 'Alert threshold', 'Seuil d’alerte'],
};
/** The planner's positions (0-based), used when the header row is not ours. */
const POSITION: Record<GoalField | 'id', number> = {
  id: 1,
  baseline: 2,
  target: 3,
  start: 4,
  end: 5,
  owner: 6,
  frequency: 7,
  threshold: 11,
};

const norm = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/** Column index of each field from the header row; undefined when absent. */
function columnsOf(header: readonly unknown[]): Partial<Record<GoalField | 'id', number>> {
  const texts = header.map(norm);
  const out: Partial<Record<GoalField | 'id', number>> = {};
  for (const key of Object.keys(HEADER_OF) as (GoalField | 'id')[]) {
    const i = texts.findIndex((h) => HEADER_OF[key].some((label) => norm(label) === h));
    if (i >= 0) out[key] = i;
  }
  if (out.id === undefined) {
    // not our header (or none): the planner's positions; the threshold only when its column is there
    for (const key of Object.keys(POSITION) as (GoalField | 'id')[])
      if (key !== 'threshold' || header.length > POSITION.threshold) out[key] = POSITION[key];
  }
  return out;
}

/**
 * Reads the goals table: `rows` is the sheet's used range from its first row (the header).
 * `firstRow` is the sheet row of rows[0] (1 unless the used range starts lower).
 * @example readGoalsSheet([['KPI', 'KPI id', 'Baseline', 'Target'], ['CAC', 'cac', 500, 'six hundred']]).unreadable
 *   // => [{ kpi: 'cac', field: 'target', text: 'six hundred', cell: 'D2' }]
 */
export function readGoalsSheet(rows: readonly (readonly unknown[])[], firstRow = 1): GoalsReadBack {
  const goals: Goal[] = [];
  const unreadable: UnreadableGoalCell[] = [];
  if (!rows.length) return { goals, unreadable };
  const cols = columnsOf(rows[0]);
  rows.slice(1).forEach((row, i) => {
    const raw = cols.id === undefined ? undefined : row[cols.id];
    const id = typeof raw === 'string' ? raw.trim() : raw;
    if (!isKpiId(id) || goals.some((g) => g.kpi === id)) return; // a pasted duplicate row: the first one counts
    const goal: Goal = { kpi: id };
    for (const field of GOAL_FIELDS) {
      const c = cols[field];
      if (c === undefined) continue;
      const v = row[c];
      const read = readField(field, v);
      if (read === UNREADABLE) {
        unreadable.push({ kpi: id, field, text: String(v), cell: `${columnLetter(c + 1)}${firstRow + 1 + i}` });
        goal[field] = null as never;
      } else goal[field] = read as never;
    }
    goals.push(goal);
  });
  return { goals, unreadable };
}

const UNREADABLE = Symbol('unreadable');

function readField(field: GoalField, v: unknown): number | string | null | typeof UNREADABLE {
  if (isBlank(v) || (typeof v === 'string' && !v.trim())) return null;
  switch (field) {
    case 'owner':
      return typeof v === 'string' ? v.replace(/^'/, '').trim() || null : String(v);
    case 'frequency':
      return frequencyFrom(v) ?? UNREADABLE;
    case 'start':
    case 'end': {
      const s = toSerial(v);
      return s === undefined ? UNREADABLE : isoFromSerial(Math.floor(s));
    }
    default:
      return numberFrom(v) ?? UNREADABLE;
  }
}

/** A number as a cell may hold it: a number, or text a person would read as one ("1,200", "12%", "0,5"). */
function numberFrom(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  let s = v.trim().replace(/[\s\u00a0\u202f]/g, '');
  const pct = s.endsWith('%');
  if (pct) s = s.slice(0, -1);
  if (/^[+-]?\d+,\d+$/.test(s))
    s = s.replace(',', '.'); // French decimal comma
  else s = s.replace(/,(?=\d{3}(\D|$))/g, ''); // thousands separators
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return pct ? n / 100 : n;
}

/**
 * The goals only, as before merging (fields of unreadable cells null). O(rows).
 * @example goalsFromSheet([['KPI', 'KPI id', ...], ['MRR', 'mrr', 100, 200, 46023, 46387, 'Ana', 'Monthly']])
 *   // => [{ kpi: 'mrr', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Ana', frequency: 'monthly' }]
 */
export function goalsFromSheet(rows: readonly (readonly unknown[])[]): Goal[] {
  return readGoalsSheet(rows).goals;
}

/** "Monthly", "mensuelle", "monthly" -> 'monthly'; anything else null. */
export function frequencyFrom(v: unknown): Frequency | null {
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  for (const f of FREQUENCIES) {
    const l = FREQUENCY_LABELS[f];
    if (s === f || s === l.en.toLowerCase() || s === l.fr.toLowerCase()) return f;
  }
  return null;
}
