import { isBlank, isoFromSerial, toSerial } from '../args/cells';
import { FREQUENCIES, Frequency, isKpiId } from './catalog';
import { FREQUENCY_LABELS } from './labels';
import { Goal } from './setup';

/**
 * Managers may edit goals straight in the KPI Goals sheet. Before regenerating (which rewrites
 * that sheet from the setup), the host reads the table back (one getValues) and merges it here,
 * so those edits are kept. Columns as the planner writes them: KPI, KPI id, Baseline, Target,
 * Start, End, Owner, Frequency (the rest is computed). Rows without a known KPI id are ignored.
 * O(rows).
 * @example goalsFromSheet([['KPI', 'KPI id', ...], ['MRR', 'mrr', 100, 200, 46023, 46387, 'Ana', 'Monthly']])
 *   // => [{ kpi: 'mrr', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Ana', frequency: 'monthly' }]
 */
export function goalsFromSheet(rows: readonly (readonly unknown[])[]): Goal[] {
  const out: Goal[] = [];
  for (const row of rows.slice(1)) {
    const id = typeof row[1] === 'string' ? row[1].trim() : row[1];
    if (!isKpiId(id)) continue;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const date = (v: unknown) => {
      if (isBlank(v)) return null;
      const s = toSerial(v);
      return s === undefined ? null : isoFromSerial(Math.floor(s));
    };
    const owner = typeof row[6] === 'string' ? row[6].replace(/^'/, '').trim() : isBlank(row[6]) ? '' : String(row[6]);
    const goal: Goal = { kpi: id, baseline: num(row[2]), target: num(row[3]), start: date(row[4]), end: date(row[5]), owner: owner || null, frequency: frequencyFrom(row[7]) };
    if (row.length > 11) goal.threshold = num(row[11]); // column L, present when alerts are on
    out.push(goal);
  }
  return out;
}

/** "Monthly", "mensuelle", "monthly" -> 'monthly'; anything else null. */
export function frequencyFrom(v: unknown): Frequency | null {
  const s = String(v ?? '').trim().toLowerCase();
  for (const f of FREQUENCIES) {
    const l = FREQUENCY_LABELS[f];
    if (s === f || s === l.en.toLowerCase() || s === l.fr.toLowerCase()) return f;
  }
  return null;
}
