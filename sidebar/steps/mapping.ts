import { datasetInfo, DatasetId, fieldInfo, missingFields, STANDARD_NAMES, setColumn, setSheet, tr } from '../../core/dashboard';
import { el, replace, select, uid } from '../dom';
import { columnChoices, datasetsNeeded, extraMissing, sheetNamed, tickedExtras } from '../state';
import { TEXT } from '../text';
import { StepContext } from './context';

/** Step 4: which sheet and column holds each field the chosen KPIs and extra sheets read. */

export function mappingStep(ctx: StepContext): HTMLElement {
  const host = el('div', {}, el('p', { className: 'kp-intro' }, ctx.tx(TEXT.mappingIntro)));
  const needs = datasetsNeeded(ctx.state.kpis, ctx.state.extras);
  if (!needs.length) host.appendChild(el('p', {}, ctx.tx(TEXT.noDataNeeded)));
  const missing = el('div', { className: 'kp-messages', attrs: { role: 'status', 'aria-live': 'polite' } });
  const updateMissing = () => {
    const list = el('ul', { className: 'kp-messages' });
    for (const id of ctx.state.kpis) {
      const m = missingFields(ctx.state.mapping, [id]);
      if (m.length)
        list.appendChild(
          el(
            'li',
            { className: 'kp-warn' },
            ctx.tx(TEXT.missing, { name: ctx.name(id), fields: m.map((f) => tr(fieldInfo(f).name, ctx.state.locale)).join(', ') }),
          ),
        );
    }
    for (const x of tickedExtras(ctx.state.extras)) {
      const m = extraMissing(ctx.state.mapping, x);
      if (m.length)
        list.appendChild(
          el('li', { className: 'kp-warn' }, ctx.tx(TEXT.extrasLeftOut, { sheet: STANDARD_NAMES[x], fields: ctx.fieldNames(m) })),
        );
    }
    if (!list.childNodes.length && needs.length) list.appendChild(el('li', { className: 'kp-ok' }, ctx.tx(TEXT.allMapped)));
    replace(missing, list);
  };
  for (const need of needs) {
    const box = el('fieldset', { className: 'kp-dataset', attrs: { 'data-dataset': need.dataset } });
    const draw = (focusSheet: boolean) => {
      replace(
        box,
        ...datasetControls(
          ctx,
          need.dataset,
          need.fields,
          () => {
            draw(true);
            updateMissing();
          },
          updateMissing,
        ),
      );
      if (focusSheet) box.querySelector('select')?.focus();
    };
    draw(false);
    host.appendChild(box);
  }
  updateMissing();
  host.appendChild(missing);
  return host;
}

function datasetControls(
  ctx: StepContext,
  ds: DatasetId,
  fields: ReturnType<typeof datasetsNeeded>[number]['fields'],
  onSheet: () => void,
  onColumn: () => void,
): Node[] {
  const L = ctx.state.locale;
  const current = ctx.state.mapping[ds];
  const sheetId = uid('sheet');
  const sheetOptions: [string, string][] = [
    ['', ctx.tx(TEXT.notInWorkbook)],
    ...ctx.info.sheets.map((s): [string, string] => [s.name, `${s.name} (${ctx.tx(TEXT.rows, { n: s.rows })})`]),
  ];
  const sheetSelect = select(sheetId, sheetOptions, current?.sheet ?? '', (name) => {
    ctx.state = { ...ctx.state, mapping: setSheet(ctx.state.mapping, ds, name ? (sheetNamed(ctx.info.sheets, name) ?? null) : null) };
    onSheet();
  });
  const nodes: Node[] = [
    el('legend', {}, tr(datasetInfo(ds).name, L)),
    el('div', { className: 'kp-field' }, el('label', { attrs: { for: sheetId } }, ctx.tx(TEXT.sheetOf)), sheetSelect),
  ];
  if (!current) return nodes;
  const choices = columnChoices(sheetNamed(ctx.info.sheets, current.sheet));
  for (const f of fields) {
    const id = uid('col');
    const options: [string, string][] = [
      ['', ctx.tx(TEXT.noColumn)],
      ...choices.map((c): [string, string] => [c.letter, c.header ? `${c.letter}: ${c.header}` : c.letter]),
    ];
    const s = select(id, options, current.columns[f.name] ?? '', (letter) => {
      ctx.state = { ...ctx.state, mapping: setColumn(ctx.state.mapping, f.ref, letter || null) };
      onColumn();
    });
    nodes.push(
      el(
        'div',
        { className: 'kp-field' },
        el('label', { attrs: { for: id } }, tr(fieldInfo(f.ref).name, L), f.required ? '' : ' ' + ctx.tx(TEXT.optional)),
        s,
      ),
    );
  }
  return nodes;
}
