import { TEMPLATES, TemplateId, tr } from '../../core/dashboard';
import { el, uid } from '../dom';
import { chooseTemplate } from '../state';
import { TEXT } from '../text';
import { StepContext } from './context';

/** Step 1: a template's KPIs, or a blank start. */

export function templateStep(ctx: StepContext): HTMLElement {
  const L = ctx.state.locale;
  const group = uid('template');
  const fieldset = el('fieldset', { className: 'kp-choices' }, el('legend', {}, ctx.tx(TEXT.templateLegend)));
  const choices: [TemplateId | null, string, string][] = [
    ...TEMPLATES.map((t): [TemplateId, string, string] => [t.id, tr(t.name, L), tr(t.description, L)]),
    [null, ctx.tx(TEXT.blank), ctx.tx(TEXT.blankDescription)],
  ];
  for (const [id, name, description] of choices) {
    const inputId = uid('tpl');
    const descId = uid('tpl-desc');
    const input = el('input', {
      id: inputId,
      attrs: { type: 'radio', name: group, value: id ?? 'blank', 'aria-describedby': descId },
      on: {
        change: () => {
          ctx.state = chooseTemplate(ctx.state, id);
          ctx.refreshNext();
        },
      },
    });
    input.checked = id !== null ? ctx.state.template === id : ctx.state.template === null && ctx.state.kpis.length > 0;
    fieldset.appendChild(
      el(
        'div',
        { className: 'kp-choice' },
        input,
        el('label', { attrs: { for: inputId } }, el('strong', {}, name), el('span', { id: descId, className: 'kp-muted' }, description)),
      ),
    );
  }
  return el('div', {}, el('p', { className: 'kp-intro' }, ctx.tx(TEXT.templateIntro)), fieldset);
}
