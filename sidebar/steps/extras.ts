import { EXTRA_SHEET_DATA, ExtraSheetRole, Text } from '../../core/dashboard';
import { checkboxChoice, el, replace, uid } from '../dom';
import { extraMissing, setAlertsEnabled, setExtra } from '../state';
import { TEXT } from '../text';
import { StepContext } from './context';
import { commissionPlanFieldset } from './commission-plan';

/** Step 3: the extra sheets (attribution, customers, commissions) and the alerts switch. */

export function extrasStep(ctx: StepContext): HTMLElement {
  const sheets = el('fieldset', { className: 'kp-extras' }, el('legend', {}, ctx.tx(TEXT.extrasLegend)));
  const options: [ExtraSheetRole, Text, Text][] = [
    ['attribution', TEXT.attribution, TEXT.attributionHint],
    ['customers', TEXT.customers, TEXT.customersHint],
    ['commissions', TEXT.commissions, TEXT.commissionsHint],
  ];
  for (const [extra, label, hint] of options) {
    const id = uid(`extra-${extra}`);
    const hintId = uid('extra-hint');
    const statusId = uid('extra-data');
    const box = el('input', { id, attrs: { type: 'checkbox', value: extra, 'aria-describedby': `${hintId} ${statusId}` } });
    box.checked = ctx.state.extras[extra];
    const status = el('span', { id: statusId, className: 'kp-muted' });
    const plan = extra === 'commissions' ? el('div', { className: 'kp-plan-host' }) : null;
    const update = () => {
      const on = ctx.state.extras[extra];
      const missing = extraMissing(ctx.state.mapping, extra);
      const sheet = missing.length ? undefined : ctx.state.mapping[EXTRA_SHEET_DATA[extra].dataset]?.sheet;
      status.className = on && missing.length ? 'kp-warn' : 'kp-muted';
      status.textContent = !on
        ? ''
        : sheet
          ? ctx.tx(TEXT.dataReady, { sheet })
          : ctx.tx(TEXT.needsData, { fields: ctx.fieldNames(missing) });
      if (plan) {
        if (on && !plan.firstChild) plan.appendChild(commissionPlanFieldset(ctx));
        if (!on) replace(plan);
      }
    };
    box.addEventListener('change', () => {
      ctx.state = setExtra(ctx.state, extra, box.checked);
      update();
    });
    sheets.appendChild(checkboxChoice(box, ctx.tx(label), el('span', { id: hintId, className: 'kp-muted' }, ctx.tx(hint)), status));
    if (plan) sheets.appendChild(plan);
    update();
  }

  const alertsId = uid('alerts-on');
  const alertsHint = uid('alerts-hint');
  const alertsBox = el('input', { id: alertsId, attrs: { type: 'checkbox', 'aria-describedby': alertsHint } });
  alertsBox.checked = ctx.state.alertsEnabled;
  alertsBox.addEventListener('change', () => {
    ctx.state = setAlertsEnabled(ctx.state, alertsBox.checked);
  });
  const alerts = el(
    'fieldset',
    { className: 'kp-alerts-setup' },
    el('legend', {}, ctx.tx(TEXT.alertsLegend)),
    el(
      'div',
      { className: 'kp-choice' },
      alertsBox,
      el(
        'label',
        { attrs: { for: alertsId } },
        el('strong', {}, ctx.tx(TEXT.alertsOn)),
        el('span', { id: alertsHint, className: 'kp-muted' }, ctx.tx(TEXT.alertsHint)),
      ),
    ),
  );
  return el('div', {}, el('p', { className: 'kp-intro' }, ctx.tx(TEXT.extrasIntro)), sheets, alerts);
}
