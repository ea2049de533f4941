import { COMMISSION_PERIODS } from '../../core/dashboard';
import { el, replace, select, uid } from '../dom';
import { addTier, canAddTier, commissionPlan, removeTier, setPlanField, setTier } from './commission-input';
import { TEXT } from '../text';
import { StepContext } from './context';

/** The commission plan of the extras step: quota, period, method, tiers and cap, checked as typed. */

/** The commission plan: quota, period, method, tiers (start and rate in percent), optional cap, with live checks. */
export function commissionPlanFieldset(ctx: StepContext): HTMLElement {
  const L = ctx.state.locale;
  const box = el('fieldset', { className: 'kp-plan' }, el('legend', {}, ctx.tx(TEXT.planLegend)));
  const feedbackId = uid('plan-check');
  const feedback = el('ul', { id: feedbackId, className: 'kp-messages', attrs: { 'aria-live': 'polite' } });
  const check = () => {
    const { problems } = commissionPlan(ctx.state.extras.plan, L);
    const text = problems.join('\n');
    if (feedback.dataset.text === text) return;
    feedback.dataset.text = text;
    replace(
      feedback,
      ...(problems.length
        ? problems.map((m) => el('li', { className: 'kp-error' }, m))
        : [el('li', { className: 'kp-ok' }, ctx.tx(TEXT.planOk))]),
    );
  };
  const input = (label: string, value: string, onInput: (v: string) => void, name: string) => {
    const id = uid(`plan-${name}`);
    const i = el('input', { id, attrs: { type: 'text', name, inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': feedbackId } });
    i.value = value;
    i.addEventListener('input', () => {
      onInput(i.value);
      check();
    });
    return el('div', { className: 'kp-field' }, el('label', { attrs: { for: id } }, label), i);
  };
  const plan = ctx.state.extras.plan;
  const periodId = uid('plan-period');
  const period = select(
    periodId,
    COMMISSION_PERIODS.map((p): [string, string] => [p, ctx.tx(TEXT.periods[p])]),
    plan.period,
    (v) => {
      ctx.state = setPlanField(ctx.state, 'period', v as typeof plan.period);
    },
  );
  const methodGroup = uid('plan-method');
  const method = el('fieldset', { className: 'kp-method' }, el('legend', {}, ctx.tx(TEXT.method)));
  for (const m of ['marginal', 'retroactive'] as const) {
    const id = uid('plan-method');
    const radio = el('input', { id, attrs: { type: 'radio', name: methodGroup, value: m } });
    radio.checked = plan.method === m;
    radio.addEventListener('change', () => {
      if (radio.checked) ctx.state = setPlanField(ctx.state, 'method', m);
    });
    method.appendChild(el('div', { className: 'kp-choice' }, radio, el('label', { attrs: { for: id } }, ctx.tx(TEXT[m]))));
  }
  const tiers = el('fieldset', { className: 'kp-tiers' }, el('legend', {}, ctx.tx(TEXT.tiersLegend)));
  const drawTiers = (focusIndex?: number) => {
    replace(tiers, el('legend', {}, ctx.tx(TEXT.tiersLegend)));
    ctx.state.extras.plan.tiers.forEach((tier, i) => {
      const n = i + 1;
      const row = el('div', { className: 'kp-row kp-tier', attrs: { 'data-tier': n } });
      const start = input(
        ctx.tx(TEXT.tierStart, { n }),
        i === 0 ? '0' : tier.start,
        (v) => (ctx.state = setTier(ctx.state, i, 'start', v)),
        'tier-start',
      );
      if (i === 0) {
        // the first tier starts at 0 (COMMISSION's rule): shown, not editable
        start.querySelector('input')!.readOnly = true;
      }
      row.appendChild(start);
      row.appendChild(input(ctx.tx(TEXT.tierRate, { n }), tier.rate, (v) => (ctx.state = setTier(ctx.state, i, 'rate', v)), 'tier-rate'));
      if (i === 0) row.appendChild(el('span', { className: 'kp-icon-space' }));
      else {
        row.appendChild(
          el(
            'button',
            {
              className: 'kp-icon kp-remove',
              attrs: { type: 'button', 'aria-label': ctx.tx(TEXT.removeTier, { n }) },
              on: {
                click: () => {
                  ctx.state = removeTier(ctx.state, i);
                  drawTiers(Math.max(0, i - 1));
                  check();
                },
              },
            },
            '×',
          ),
        );
      }
      tiers.appendChild(row);
    });
    const add = el(
      'button',
      {
        className: 'kp-secondary kp-add-tier',
        attrs: { type: 'button', disabled: !canAddTier(ctx.state) },
        on: {
          click: () => {
            ctx.state = addTier(ctx.state);
            drawTiers(ctx.state.extras.plan.tiers.length - 1);
            check();
          },
        },
      },
      ctx.tx(TEXT.addTier),
    );
    tiers.appendChild(add);
    if (focusIndex !== undefined) tiers.querySelectorAll<HTMLInputElement>('.kp-tier')[focusIndex]?.querySelector('input')?.focus();
  };
  drawTiers();
  box.append(
    input(ctx.tx(TEXT.quota), plan.quota, (v) => (ctx.state = setPlanField(ctx.state, 'quota', v)), 'quota'),
    el('div', { className: 'kp-field' }, el('label', { attrs: { for: periodId } }, ctx.tx(TEXT.period)), period),
    method,
    tiers,
    input(ctx.tx(TEXT.cap), plan.cap, (v) => (ctx.state = setPlanField(ctx.state, 'cap', v)), 'cap'),
    feedback,
  );
  check();
  return box;
}
