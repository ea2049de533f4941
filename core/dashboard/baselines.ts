import { monthIndex, monthLabel, toSerial, ymdFromSerial } from '../args/cells';
import { Locale } from './i18n';

/**
 * Baselines from the data (docs/concepts/goals.md, "Baselines from the data"): what the Goals
 * step pre-fills, and the monthly series the "achievable" check reads. The series is computed by
 * the host from the mapped data (monthly.ts, goalHistory) and crosses the bridge as plain JSON;
 * this module only picks from it, so the sidebar carries no formula.
 */
export interface DataHistory {
  /** Months YYYY-MM, oldest first, up to the last full month. */
  readonly months: readonly string[];
  /** Per KPI, one value per month (null: none that month); data months first, KPI History snapshots where the data has none. */
  readonly values: Readonly<Record<string, readonly (number | null)[]>>;
  /** The last full month (YYYY-MM) on the host's today. */
  readonly lastFull: string;
  /** Data that could not be read, with what to fix: its KPIs have no series. */
  readonly problems?: readonly string[];
}

/** A baseline taken from the data: its value and the month it is the value of. */
export interface DataBaseline {
  readonly value: number;
  /** YYYY-MM. */
  readonly month: string;
}

/**
 * The last full calendar month on `today` (ISO YYYY-MM-DD): today's month when today is its last
 * day (the data of that day counts), else the month before.
 * @example lastFullMonth('2026-10-31') // => '2026-10'
 * @example lastFullMonth('2026-11-30') // => '2026-11'; lastFullMonth('2026-11-29') // => '2026-10'
 */
export function lastFullMonth(today: string): string {
  const s = toSerial(today);
  if (s === undefined) throw new Error(`today (${today}) is not a date`);
  const m = monthIndex(s);
  return monthLabel(ymdFromSerial(Math.floor(s) + 1).day === 1 ? m : m - 1);
}

/**
 * The baseline of a goal from the KPI's monthly series: its value in the last full month before
 * the goal starts (the month ending before the start date: what was known when the goal began),
 * or, without a start date, in the last full month. Months without a value are skipped back to
 * the latest one with a value. Undefined when the series has none that early.
 * @example baselineFromData({ months: ['2026-08', '2026-09', '2026-10'], values: { nrr: [0.8, 0.79, null] }, lastFull: '2026-10' }, 'nrr', '2026-10-01')
 *   // => { value: 0.79, month: '2026-09' }
 */
export function baselineFromData(history: DataHistory | undefined, kpi: string, start?: string): DataBaseline | undefined {
  const series = history?.values[kpi];
  if (!history || !series) return undefined;
  const startSerial = start ? toSerial(start) : undefined;
  const before = startSerial === undefined ? Infinity : monthIndex(startSerial); // months strictly before the start's month
  const lastFull = monthKey(history.lastFull);
  for (let i = Math.min(series.length, history.months.length) - 1; i >= 0; i--) {
    const m = monthKey(history.months[i]);
    const v = series[i];
    if (m < before && m <= lastFull && typeof v === 'number' && Number.isFinite(v)) return { value: v, month: history.months[i] };
  }
  return undefined;
}

const monthKey = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

const MONTHS: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** "2026-09" as "September 2026" / "septembre 2026". */
export function monthName(ym: string, locale: Locale): string {
  const i = Number(ym.slice(5, 7)) - 1;
  return `${MONTHS[locale][i] ?? ym} ${ym.slice(0, 4)}`;
}
