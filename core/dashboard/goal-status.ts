import { Direction } from './catalog';
import { Locale, tr } from './i18n';
import { str } from './insights';
import { GOAL_NOTES, PROGRESS_DISPLAY, STATUS_LABELS } from './labels';

/**
 * The KPI Goals formulas that judge a goal: progress shown, status and the note explaining
 * either. Cells are A1 addresses on the goals row; `asOf` a full reference to the as-of cell.
 *
 * A goal is "Check goal" when its target does not point the KPI's good way from the baseline
 * (a blank baseline counts as 0, as progress does) or equals it: no progress or "Achieved" can
 * be claimed for it. Progress is shown capped to PROGRESS_DISPLAY, the true value in the note.
 * The status mirrors GOAL_STATUS (core/kpi/goals.ts) otherwise, on the true progress.
 */
export interface GoalCells {
  readonly current: string;
  readonly baseline: string;
  readonly target: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly direction: Direction;
  readonly tolerance: number;
  readonly locale: Locale;
}

/** TRUE when the target is a number that does not point the good way from the baseline (or equals it). */
export function wrongWayTest(c: Pick<GoalCells, 'baseline' | 'target' | 'direction'>): string {
  return `AND(ISNUMBER(${c.target}),${c.target}${c.direction === 'higher' ? '<=' : '>='}N(${c.baseline}))`;
}

/** The share of the goal's period elapsed at the as-of date, 0..1 (1 from the end date of a one-day goal). */
export function expectedShare(c: Pick<GoalCells, 'start' | 'end' | 'asOf'>): string {
  const { start, end, asOf } = c;
  return `IF(${end}=${start},IF(${asOf}>=${end},1,0),MIN(1,MAX(0,(${asOf}-${start})/(${end}-${start}))))`;
}

function rawProgress(c: GoalCells): string {
  return `(${c.current}-N(${c.baseline}))/(${c.target}-N(${c.baseline}))`;
}

/** Progress as shown: blank without a value or for a goal to check, else capped to PROGRESS_DISPLAY. */
export function progressFormula(c: GoalCells): string {
  return `=IFERROR(IF(OR(NOT(ISNUMBER(${c.current})),NOT(ISNUMBER(${c.target})),${wrongWayTest(c)}),"",MIN(${PROGRESS_DISPLAY.max},MAX(${PROGRESS_DISPLAY.min},${rawProgress(c)}))),"")`;
}

export function statusFormula(c: GoalCells): string {
  const s = (key: keyof typeof STATUS_LABELS) => str(tr(STATUS_LABELS[key], c.locale));
  const { start, end, asOf } = c;
  const p = rawProgress(c);
  const expected = expectedShare(c);
  return (
    `=IFERROR(IF(NOT(ISNUMBER(${c.target})),"",IF(${wrongWayTest(c)},${s('Check goal')},IF(NOT(ISNUMBER(${c.current})),"",` +
    `IF(OR(NOT(ISNUMBER(${start})),NOT(ISNUMBER(${end}))),"",IF(${end}<${start},${s('Check dates')},` +
    `IF(${p}>=1,${s('Achieved')},IF(${asOf}<${start},${s('Not started')},IF(${asOf}>${end},${s('Missed')},` +
    `IF(${p}>=${expected},${s('On track')},IF(${p}>=${expected}-${c.tolerance},${s('At risk')},${s('Off track')})))))))))),"")`
  );
}

/** The note: why the goal needs checking, or the true progress when the shown one is capped; "" otherwise. */
export function noteFormula(c: GoalCells): string {
  const L = c.locale;
  const wrong = str(tr(c.direction === 'higher' ? GOAL_NOTES.wrongWayHigher : GOAL_NOTES.wrongWayLower, L));
  const equal = str(tr(GOAL_NOTES.equal, L));
  const p = rawProgress(c);
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const [before, after] = tr(GOAL_NOTES.capped, L)
    .replace('{min}', pct(PROGRESS_DISPLAY.min))
    .replace('{max}', pct(PROGRESS_DISPLAY.max))
    .split('{p}');
  const capped = `${str(before)}&ROUND(100*${p},0)&${str('%' + after)}`; // ROUND, not TEXT: HyperFormula's TEXT does not scale "0%"
  return (
    `=IFERROR(IF(${wrongWayTest(c)},IF(${c.target}=N(${c.baseline}),${equal},${wrong}),` +
    `IF(AND(ISNUMBER(${c.current}),ISNUMBER(${c.target})),IF(OR(${p}>${PROGRESS_DISPLAY.max},${p}<${PROGRESS_DISPLAY.min}),${capped},""),"")),"")`
  );
}
