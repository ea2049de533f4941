import { monthName, FREQUENCIES, FREQUENCY_LABELS, kpi, KpiId, Text, tr } from '../../core/dashboard';
import { baselineTyped, historyKey, prefillBaseline, prefillBaselines } from '../baselines';
import { el, replace, select, uid } from '../dom';
import { goalCheck, goalTouched, GoalInput, setGoalField, toSetup } from '../state';
import { TEXT } from '../text';
import { message, StepContext } from './context';

/** Step 5: one goal per KPI with SMART feedback, its baseline pre-filled from the mapped data. */

export function goalsStep(ctx: StepContext): HTMLElement {
  const host = el('div', {}, el('p', { className: 'kp-intro' }, ctx.tx(TEXT.goalsIntro)));
  const fromSheet = ctx.goalSheetNotices();
  if (fromSheet) host.appendChild(fromSheet);
  ctx.goalRefresh.clear();
  for (const id of ctx.state.kpis) host.appendChild(goalFieldset(ctx, id));
  void loadDataHistory(ctx);
  return host;
}

/** Asks the host for the KPIs' monthly values from the mapped data (once per mapping), then pre-fills blank baselines. */
async function loadDataHistory(ctx: StepContext): Promise<void> {
  const setup = toSetup(ctx.state);
  const key = historyKey(setup);
  if (!ctx.bridge.dataHistory || key === ctx.dataHistoryKey) return;
  ctx.dataHistoryKey = key;
  try {
    ctx.dataHistory = await ctx.bridge.dataHistory(setup);
  } catch (e) {
    ctx.dataHistoryKey = '';
    ctx.say(ctx.tx(TEXT.dataHistoryFailed, { msg: message(e) }));
    return;
  }
  ctx.state = prefillBaselines(ctx.state, ctx.dataHistory);
  if (ctx.state.step === 'goals') ctx.goalRefresh.forEach((refresh) => refresh());
}

function goalFieldset(ctx: StepContext, id: KpiId): HTMLElement {
  const L = ctx.state.locale;
  const def = kpi(id);
  const g = ctx.state.goals[id]!;
  const feedbackId = uid('smart');
  const feedback = el('ul', { id: feedbackId, className: 'kp-messages', attrs: { 'aria-live': 'polite' } });
  const update = () => {
    const check = goalCheck(ctx.state, id, ctx.histories());
    // an untouched goal is not nagged: feedback starts with the first thing typed
    const items = goalTouched(ctx.state.goals[id]) ? check.messages : [];
    const text = items.map((m) => m.text).join('\n');
    if (feedback.dataset.text === text) return; // unchanged: do not make screen readers repeat it
    feedback.dataset.text = text;
    replace(
      feedback,
      ...items.map((m) => el('li', { className: m.level === 'error' ? 'kp-error' : m.level === 'warning' ? 'kp-warn' : 'kp-ok' }, m.text)),
    );
  };
  const box = el('fieldset', { className: 'kp-goal', attrs: { 'data-kpi': id } }, el('legend', {}, tr(def.name, L)));
  const field = (key: Exclude<keyof GoalInput, 'frequency'>, label: Text, type: string, hint?: string) => {
    const inputId = uid(`goal-${key}`);
    const input = el('input', {
      id: inputId,
      attrs: {
        type,
        name: key,
        autocomplete: 'off',
        inputmode: type === 'text' && key !== 'owner' ? 'decimal' : undefined,
        'aria-describedby': feedbackId,
      },
    });
    input.value = g[key] ?? '';
    inputs.set(key, input);
    input.addEventListener('input', () => {
      ctx.state = setGoalField(ctx.state, id, key, input.value);
      if (key === 'baseline') ctx.state = baselineTyped(ctx.state, id);
      if (key === 'start') ctx.state = prefillBaseline(ctx.state, id, ctx.dataHistory); // a pre-filled baseline follows the start date
      if (key === 'baseline' || key === 'start') showBaseline();
      update();
    });
    const wrap = el(
      'div',
      { className: `kp-field kp-${key}` },
      el('label', { attrs: { for: inputId } }, ctx.tx(label), hint ? ` (${hint})` : ''),
      input,
    );
    if (key === 'baseline') wrap.appendChild(baselineNote);
    return wrap;
  };
  const inputs = new Map<string, HTMLInputElement>();
  // where a pre-filled baseline came from; empty once the manager types one
  const baselineNote = el('span', { className: 'kp-muted kp-baseline-from', attrs: { 'data-kpi': id } });
  const showBaseline = () => {
    const goal = ctx.state.goals[id]!;
    const input = inputs.get('baseline');
    if (input && input.value !== goal.baseline && (goal.baselineFrom || !goal.baseline)) input.value = goal.baseline;
    baselineNote.textContent = goal.baselineFrom ? ctx.tx(TEXT.baselineFromData, { month: monthName(goal.baselineFrom, L) }) : '';
  };
  const pct = def.unit === 'percent' ? ctx.tx(TEXT.percentHint) : undefined;
  const freqId = uid('goal-freq');
  const freq = select(
    freqId,
    FREQUENCIES.map((f): [string, string] => [f, tr(FREQUENCY_LABELS[f], L)]),
    g.frequency,
    (v) => {
      ctx.state = setGoalField(ctx.state, id, 'frequency', v as GoalInput['frequency']);
      update();
    },
  );
  box.append(
    el('div', { className: 'kp-row' }, field('baseline', TEXT.baseline, 'text', pct), field('target', TEXT.target, 'text', pct)),
    el('div', { className: 'kp-row' }, field('start', TEXT.start, 'date'), field('end', TEXT.end, 'date')),
    el(
      'div',
      { className: 'kp-row' },
      field('owner', TEXT.owner, 'text'),
      el('div', { className: 'kp-field' }, el('label', { attrs: { for: freqId } }, ctx.tx(TEXT.frequency)), freq),
    ),
    field('threshold', TEXT.threshold, 'text', pct),
    feedback,
  );
  showBaseline();
  update();
  ctx.goalRefresh.set(id, () => {
    showBaseline();
    update();
  });
  return box;
}
