import { isBlank, toSerial } from '../args/cells';
import { FREQUENCIES, kpi, KpiId } from './catalog';
import { formatValue } from './format';
import { fill, Locale, t, Text, tr } from './i18n';

/**
 * SMART checks of one goal (docs/concepts/goals.md): a numeric target, dates
 * in order, an owner, a valid review frequency, and "achievable": the pace the goal needs
 * compared with the KPI's own history. Errors block generation of that goal; warnings advise.
 */
export interface GoalDraft {
  readonly kpi: KpiId;
  readonly baseline?: unknown;
  readonly target?: unknown;
  readonly start?: unknown;
  readonly end?: unknown;
  readonly owner?: unknown;
  readonly frequency?: unknown;
}

export type SmartCode =
  | 'target_missing'
  | 'target_not_number'
  | 'baseline_not_number'
  | 'baseline_missing'
  | 'target_equals_baseline'
  | 'wrong_direction'
  | 'start_missing'
  | 'end_missing'
  | 'date_invalid'
  | 'dates_order'
  | 'no_owner'
  | 'frequency_invalid'
  | 'not_enough_history'
  | 'never_seen'
  | 'far_beyond'
  | 'stretch'
  | 'achievable';

export interface SmartMessage {
  readonly level: 'error' | 'warning' | 'info';
  readonly code: SmartCode;
  readonly text: string;
}

export interface SmartCheck {
  /** No error: the goal can be written. */
  readonly ok: boolean;
  /** Change per month the goal needs (target − baseline) / months, when computable. */
  readonly requiredPace?: number;
  /** Largest month-on-month change in the goal's direction in the history, when there is one. */
  readonly bestPace?: number;
  readonly messages: readonly SmartMessage[];
}

/** A goal needing more than this multiple of the best month ever seen is flagged as far beyond. */
export const FAR_BEYOND_FACTOR = 1.5;
/** Month-on-month changes needed before "achievable" is judged. */
export const MIN_HISTORY_CHANGES = 2;
const DAYS_PER_MONTH = 365.25 / 12;

const MSG: Record<SmartCode, Text> = {
  target_missing: t('Set a target value.', 'Indiquer une valeur cible.'),
  target_not_number: t('The target {v} is not a number.', 'La cible {v} n’est pas un nombre.'),
  baseline_not_number: t('The baseline {v} is not a number.', 'La référence {v} n’est pas un nombre.'),
  baseline_missing: t(
    'No baseline: progress will count from 0. Set the current value as baseline.',
    'Pas de référence : la progression partira de 0. Indiquer la valeur actuelle comme référence.',
  ),
  target_equals_baseline: t(
    'The target equals the baseline: there is no distance to cover.',
    'La cible égale la référence : il n’y a pas d’écart à combler.',
  ),
  wrong_direction: t(
    '{name}: {better} is better, but this target moves the other way.',
    '{name} : {better}, mais cette cible va dans l’autre sens.',
  ),
  start_missing: t('Set a start date.', 'Indiquer une date de début.'),
  end_missing: t('Set an end date: a goal needs a deadline.', 'Indiquer une date de fin : un objectif a besoin d’une échéance.'),
  date_invalid: t('{v} is not a date (use YYYY-MM-DD).', '{v} n’est pas une date (format AAAA-MM-JJ).'),
  dates_order: t('The end date is before the start date.', 'La date de fin précède la date de début.'),
  no_owner: t('Name an owner: every KPI needs someone accountable.', 'Nommer un responsable : chaque KPI a besoin d’un porteur.'),
  frequency_invalid: t(
    'Review frequency must be daily, weekly, monthly or quarterly.',
    'La fréquence de revue doit être quotidienne, hebdomadaire, mensuelle ou trimestrielle.',
  ),
  not_enough_history: t(
    'Not enough history to judge whether the goal is achievable.',
    'Pas assez d’historique pour juger si l’objectif est atteignable.',
  ),
  never_seen: t(
    'The goal needs {pace} per month, but {name} has never moved that way month to month in its history.',
    'L’objectif demande {pace} par mois, mais {name} n’a jamais évolué dans ce sens d’un mois à l’autre dans son historique.',
  ),
  far_beyond: t(
    'The goal needs {pace} per month, far beyond the best month seen ({best}). Consider a later date or a closer target.',
    'L’objectif demande {pace} par mois, bien au-delà du meilleur mois observé ({best}). Envisager une échéance plus lointaine ou une cible plus proche.',
  ),
  stretch: t(
    'Stretch goal: it needs {pace} per month, more than the best month seen ({best}).',
    'Objectif ambitieux : il demande {pace} par mois, plus que le meilleur mois observé ({best}).',
  ),
  achievable: t(
    'Achievable: it needs {pace} per month; the best month seen did {best}.',
    'Atteignable : il demande {pace} par mois ; le meilleur mois observé a fait {best}.',
  ),
};

/**
 * Checks a goal against SMART rules and, for "achievable", against the KPI's monthly history
 * (oldest first, null for months without a value). O(history).
 * @example checkGoal({ kpi: 'mrr', baseline: 100, target: 400, start: '2026-01-01', end: '2026-04-01', owner: 'Ana' }, [100, 110, 125], 'en').messages.at(-1)?.code
 *   // => 'far_beyond' (needs 100 a month; best month seen +15)
 */
export function checkGoal(goal: GoalDraft, history: readonly (number | null)[] = [], locale: Locale = 'en'): SmartCheck {
  const def = kpi(goal.kpi);
  const messages: SmartMessage[] = [];
  const say = (level: SmartMessage['level'], code: SmartCode, values: Record<string, string | number> = {}) =>
    messages.push({ level, code, text: fill(tr(MSG[code], locale), values) });
  const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

  const target = numberOf(goal.target);
  if (isBlank(goal.target)) say('error', 'target_missing');
  else if (target === undefined) say('error', 'target_not_number', { v: show(goal.target) });
  let baseline = numberOf(goal.baseline);
  if (!isBlank(goal.baseline) && baseline === undefined) say('error', 'baseline_not_number', { v: show(goal.baseline) });
  if (isBlank(goal.baseline)) say('warning', 'baseline_missing');
  if (target !== undefined && baseline !== undefined) {
    if (target === baseline) say('error', 'target_equals_baseline');
    else if (target > baseline !== (def.direction === 'higher')) {
      say('warning', 'wrong_direction', {
        name: tr(def.name, locale),
        better: tr(def.direction === 'higher' ? t('higher', 'plus haut est mieux') : t('lower', 'plus bas est mieux'), locale),
      });
    }
  }

  const start = dateOf(goal.start, 'start_missing', say, show);
  const end = dateOf(goal.end, 'end_missing', say, show);
  if (start !== undefined && end !== undefined && end < start) say('error', 'dates_order');
  if (typeof goal.owner !== 'string' || !goal.owner.trim()) say('error', 'no_owner');
  if (!isBlank(goal.frequency) && !FREQUENCIES.includes(goal.frequency as never)) say('error', 'frequency_invalid');

  // achievable: the pace the goal needs against the best month-on-month change seen
  let requiredPace: number | undefined;
  let bestPace: number | undefined;
  const values = history.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  if (baseline === undefined && isBlank(goal.baseline)) baseline = lastNumber(values);
  if (target !== undefined && baseline !== undefined && start !== undefined && end !== undefined && end >= start && target !== baseline) {
    const months = Math.max(1, (end - start) / DAYS_PER_MONTH);
    requiredPace = (target - baseline) / months;
    const sign = Math.sign(requiredPace);
    const changes: number[] = [];
    for (let i = 1; i < values.length; i++) {
      const a = values[i - 1];
      const b = values[i];
      if (a !== null && b !== null) changes.push((b - a) * sign);
    }
    const fmt = (v: number) => (v > 0 ? '+' : '') + formatValue(v, def.unit, locale);
    if (changes.length < MIN_HISTORY_CHANGES) say('info', 'not_enough_history');
    else {
      bestPace = Math.max(...changes) * sign;
      const best = bestPace * sign;
      const pace = fmt(requiredPace);
      if (best <= 0) say('warning', 'never_seen', { pace, name: tr(def.name, locale) });
      else if (Math.abs(requiredPace) > FAR_BEYOND_FACTOR * best) say('warning', 'far_beyond', { pace, best: fmt(bestPace) });
      else if (Math.abs(requiredPace) > best) say('info', 'stretch', { pace, best: fmt(bestPace) });
      else say('info', 'achievable', { pace, best: fmt(bestPace) });
    }
  }
  return { ok: !messages.some((m) => m.level === 'error'), requiredPace, bestPace, messages };
}

function numberOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function lastNumber(values: readonly (number | null)[]): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i] as number;
  return undefined;
}

function dateOf(
  v: unknown,
  missing: SmartCode,
  say: (level: SmartMessage['level'], code: SmartCode, values?: Record<string, string | number>) => void,
  show: (v: unknown) => string,
): number | undefined {
  if (isBlank(v)) {
    say('error', missing);
    return undefined;
  }
  const s = toSerial(v);
  if (s === undefined) say('error', 'date_invalid', { v: show(v) });
  return s;
}
