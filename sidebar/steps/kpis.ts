import { CATALOG, MAX_KPIS, MIN_IMPACT_SHARE, MIN_KPIS, tr } from '../../core/dashboard';
import { checkboxChoice, el, replace, uid } from '../dom';
import { moveKpi, selection, toggleKpi } from '../state';
import { TEXT } from '../text';
import { StepContext } from './context';

/** Step 2: the KPIs, with a live balance meter (count, impact share, leading and lagging) and their card order. */

/** The KPI-count meter's scale: 0 to MAX_KPIS + 3 KPIs, so too many shows as well as too few. */
const METER_MAX = MAX_KPIS + 3;

export function kpiStep(ctx: StepContext): HTMLElement {
  const L = ctx.state.locale;
  const meter = el('div', { className: 'kp-meter', attrs: { role: 'group', 'aria-label': ctx.tx(TEXT.balance) } });
  const order = el('ol', { className: 'kp-order', attrs: { 'aria-label': ctx.tx(TEXT.order) } });
  const fieldset = el('fieldset', { className: 'kp-kpis' }, el('legend', {}, ctx.tx(TEXT.kpisLegend)));
  const update = () => {
    renderMeter(ctx, meter);
    renderOrder(ctx, order);
    ctx.refreshNext();
  };
  for (const def of CATALOG) {
    const id = uid('kpi');
    const descId = uid('kpi-desc');
    const box = el('input', { id, attrs: { type: 'checkbox', value: def.id, 'aria-describedby': descId } });
    box.checked = ctx.state.kpis.includes(def.id);
    box.addEventListener('change', () => {
      ctx.state = toggleKpi(ctx.state, def.id, box.checked);
      update();
    });
    const tags = [
      ctx.tx(def.kind === 'impact' ? TEXT.impact : TEXT.activity),
      ctx.tx(def.timing === 'leading' ? TEXT.leading : TEXT.lagging),
      def.vanity ? ctx.tx(TEXT.vanity) : '',
    ].filter(Boolean);
    fieldset.appendChild(
      checkboxChoice(
        box,
        tr(def.name, L),
        el('span', { id: descId, className: 'kp-tags' + (def.vanity ? ' kp-vanity' : '') }, tags.join(' · ')),
      ),
    );
  }
  update();
  return el('div', {}, el('p', { className: 'kp-intro' }, ctx.tx(TEXT.kpisIntro)), meter, order, fieldset);
}

function renderMeter(ctx: StepContext, host: HTMLElement): void {
  const check = selection(ctx.state);
  const share = Math.round(check.impactShare * 100);
  const countId = uid('count');
  const shareId = uid('share');
  const countOk = check.count >= MIN_KPIS && check.count <= MAX_KPIS;
  const shareOk = check.count > 0 && check.impactShare >= MIN_IMPACT_SHARE;
  const list = el('ul', { className: 'kp-messages' });
  for (const m of check.messages) list.appendChild(el('li', { className: 'kp-warn' }, m.text));
  if (check.balanced) list.appendChild(el('li', { className: 'kp-ok' }, ctx.tx(TEXT.balanced)));
  replace(
    host,
    el('label', { attrs: { for: countId }, className: countOk ? 'kp-ok' : 'kp-warn' }, ctx.tx(TEXT.count, { n: check.count })),
    el('meter', {
      id: countId,
      attrs: {
        min: 0,
        max: METER_MAX,
        low: MIN_KPIS,
        high: MAX_KPIS + 0.5,
        optimum: (MIN_KPIS + MAX_KPIS) / 2,
        value: Math.min(check.count, METER_MAX),
      },
    }),
    el('label', { attrs: { for: shareId }, className: shareOk ? 'kp-ok' : 'kp-warn' }, ctx.tx(TEXT.impactShare, { share })),
    el('meter', { id: shareId, attrs: { min: 0, max: 100, low: MIN_IMPACT_SHARE * 100, optimum: 100, value: share } }),
    el(
      'p',
      { className: check.leading && check.lagging ? 'kp-ok' : 'kp-warn' },
      ctx.tx(TEXT.leadLag, { lead: check.leading, lag: check.lagging }),
    ),
    el('div', { attrs: { role: 'status', 'aria-live': 'polite' } }, list),
  );
}

function renderOrder(ctx: StepContext, host: HTMLElement): void {
  replace(host);
  ctx.state.kpis.forEach((id, i) => {
    const name = ctx.name(id);
    const move = (by: -1 | 1) => () => {
      ctx.state = moveKpi(ctx.state, id, by);
      renderOrder(ctx, host);
      const again = host.querySelector<HTMLButtonElement>(`button[data-kpi="${id}"][data-by="${by}"]`);
      (again && !again.disabled ? again : host.querySelector<HTMLButtonElement>(`button[data-kpi="${id}"]:not([disabled])`))?.focus();
    };
    host.appendChild(
      el(
        'li',
        {},
        el('span', {}, name),
        el(
          'button',
          {
            className: 'kp-icon',
            attrs: { type: 'button', 'aria-label': ctx.tx(TEXT.moveUp, { name }), 'data-kpi': id, 'data-by': -1, disabled: i === 0 },
            on: { click: move(-1) },
          },
          '↑',
        ),
        el(
          'button',
          {
            className: 'kp-icon',
            attrs: {
              type: 'button',
              'aria-label': ctx.tx(TEXT.moveDown, { name }),
              'data-kpi': id,
              'data-by': 1,
              disabled: i === ctx.state.kpis.length - 1,
            },
            on: { click: move(1) },
          },
          '↓',
        ),
      ),
    );
  });
}
