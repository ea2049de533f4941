import { buildPlan, CATALOG, KpiId, copyNotices, PlanNotice, STANDARD_NAMES } from '../../core/dashboard';
import type { WorkbookInfo } from '../bridge';
import { el, replace, uid } from '../dom';
import { extraMissing, goalsWithErrors, goalTouched, tickedExtras, toSetup, withMergedGoals } from '../state';
import { commissionPlan } from './commission-input';
import { TEXT } from '../text';
import { shareSection } from '../share';
import { message, StepContext } from './context';

/** Step 6: generate, snapshot, share, and the alerts panel. */

/** The notices of the saved setup's plan (the planner is pure); none when it no longer plans. */
function savedNotices(info: WorkbookInfo): readonly PlanNotice[] {
  try {
    return buildPlan({ setup: info.setup!, asOf: info.today, existingSheets: info.existing }).notices;
  } catch {
    return [];
  }
}

export function generateStep(ctx: StepContext): HTMLElement {
  const goalsSet = ctx.state.kpis.filter((id) => goalTouched(ctx.state.goals[id])).length;
  const host = el(
    'div',
    {},
    el('p', { className: 'kp-intro' }, ctx.tx(TEXT.generateIntro)),
    el('p', {}, ctx.tx(TEXT.summary, { n: ctx.state.kpis.length, goals: goalsSet })),
  );
  const fromSheet = ctx.goalSheetNotices();
  if (fromSheet) host.appendChild(fromSheet);
  const incomplete = goalsWithErrors(ctx.state, ctx.histories());
  if (incomplete.length)
    host.appendChild(
      el('p', { className: 'kp-warn' }, ctx.tx(TEXT.goalErrors, { names: incomplete.map((id) => ctx.name(id)).join(', ') })),
    );
  const extras = tickedExtras(ctx.state.extras);
  if (extras.length) host.appendChild(el('p', {}, ctx.tx(TEXT.extrasSummary, { names: extras.map((x) => STANDARD_NAMES[x]).join(', ') })));
  for (const x of extras) {
    const missing = extraMissing(ctx.state.mapping, x);
    if (missing.length)
      host.appendChild(
        el('p', { className: 'kp-warn' }, ctx.tx(TEXT.extrasLeftOut, { sheet: STANDARD_NAMES[x], fields: ctx.fieldNames(missing) })),
      );
    else if (x === 'commissions' && commissionPlan(ctx.state.extras.plan, ctx.state.locale).problems.length)
      host.appendChild(el('p', { className: 'kp-warn' }, ctx.tx(TEXT.commissionsLeftOut)));
  }
  const asOfId = uid('asof');
  const asOf = el('input', { id: asOfId, attrs: { type: 'date', required: true } });
  asOf.value = ctx.info.today;
  const progress = el('progress', { attrs: { max: 1, 'aria-label': ctx.tx(TEXT.progress) } });
  progress.hidden = true;
  const progressText = el('p', { className: 'kp-progress-text' });
  const notices = el('div', { className: 'kp-notices', attrs: { role: 'status', 'aria-live': 'polite' } });
  // a copy of one of our sheets is named before the manager generates, not only after
  replace(notices, ctx.noticeList(copyNotices(ctx.info.existing, ctx.state.locale)));
  const share = ctx.bridge.share ? shareSection(ctx.bridge.share, ctx.state.locale) : undefined;
  const generate = el('button', { className: 'kp-primary', attrs: { type: 'button' } }, ctx.tx(TEXT.generate));
  const snapshotLabel = () => (ctx.info.dashboardAsOf ? ctx.tx(TEXT.snapshotOn, { date: ctx.info.dashboardAsOf }) : ctx.tx(TEXT.snapshot));
  const snapshot = el('button', { className: 'kp-secondary', attrs: { type: 'button', 'aria-describedby': uid('snap') } }, snapshotLabel());
  const snapHint = el('p', { id: snapshot.getAttribute('aria-describedby')!, className: 'kp-muted' }, ctx.tx(TEXT.snapshotHint));
  const setBusy = (on: boolean) => {
    ctx.busy = on;
    generate.disabled = on;
    snapshot.disabled = on;
    generate.setAttribute('aria-busy', String(on));
  };
  generate.addEventListener('click', async () => {
    if (ctx.busy) return;
    setBusy(true);
    progress.hidden = false;
    progress.removeAttribute('value');
    replace(notices);
    const report = (step: string, done: number, total: number) => {
      progress.max = Math.max(1, total);
      progress.value = done;
      progressText.textContent = ctx.tx(TEXT.generating, { step });
    };
    report('', 0, 1);
    progress.removeAttribute('value');
    try {
      const result = await ctx.bridge.generate(toSetup(ctx.state), asOf.value || ctx.info.today, report);
      progress.value = progress.max;
      progressText.textContent = '';
      replace(
        notices,
        el('p', { className: 'kp-ok' }, ctx.tx(TEXT.generated, { sheets: result.sheets.join(', ') })),
        ctx.noticeList(result.notices),
      );
      share?.showNeeds(result.notices);
      // the goals as merged with KPI Goals: the sheet's edits now show in the goals step
      if (result.setup) ctx.state = withMergedGoals(ctx.state, result.setup);
      await ctx.reload();
      snapshot.textContent = snapshotLabel();
      void ctx.alerts.refresh();
    } catch (e) {
      progressText.textContent = '';
      replace(notices, el('p', { className: 'kp-error', attrs: { role: 'alert' } }, ctx.tx(TEXT.failed, { msg: message(e) })));
    } finally {
      progress.hidden = true;
      setBusy(false);
      generate.focus();
    }
  });
  snapshot.addEventListener('click', async () => {
    if (ctx.busy) return;
    setBusy(true);
    try {
      const r = await ctx.bridge.snapshot();
      const parts = [
        r.date
          ? ctx.tx(TEXT.snapshotDoneOn, { date: r.date, n: r.appended, u: r.updated ?? 0 })
          : ctx.tx(TEXT.snapshotDone, { n: r.appended }),
      ];
      if (r.skipped.length)
        parts.push(
          ctx.tx(TEXT.snapshotSkipped, {
            names: r.skipped.map((id) => (CATALOG.some((k) => k.id === id) ? ctx.name(id as KpiId) : id)).join(', '),
          }),
        );
      replace(notices, el('p', { className: 'kp-ok' }, parts.join(' ')));
      await ctx.reload();
      void ctx.alerts.refresh();
    } catch (e) {
      replace(notices, el('p', { className: 'kp-error', attrs: { role: 'alert' } }, ctx.tx(TEXT.failed, { msg: message(e) })));
    } finally {
      setBusy(false);
    }
  });
  host.append(
    el('div', { className: 'kp-field' }, el('label', { attrs: { for: asOfId } }, ctx.tx(TEXT.asOf)), asOf),
    generate,
    progress,
    progressText,
    notices,
    snapshot,
    snapHint,
  );
  if (share) {
    // the saved dashboard's notice shows when the pane opens, before any new generation
    if (ctx.info.setup && ctx.hasDashboard()) share.showNeeds(savedNotices(ctx.info));
    host.append(share.element);
  }
  const alertsHeading = uid('alerts');
  ctx.alerts.host = el('section', { className: 'kp-alerts', attrs: { 'aria-labelledby': alertsHeading } });
  host.append(el('h3', { id: alertsHeading }, ctx.tx(TEXT.alertsLegend)), ctx.alerts.host);
  ctx.alerts.render();
  return host;
}
