import {
  CATALOG, datasetInfo, DatasetId, fieldInfo, fill, FREQUENCIES, FREQUENCY_LABELS, kpi, KpiId, missingFields, PlanNotice, setColumn, setSheet,
  TEMPLATES, TemplateId, Text, tr,
} from '../core/dashboard';
import type { HostBridge, WorkbookInfo } from './bridge';
import { el, replace, select, uid } from './dom';
import {
  canLeave, chooseTemplate, columnChoices, datasetsNeeded, goalCheck, goalsWithErrors, goalTouched, GoalInput, moveKpi, selection, setGoalField,
  SidebarState, sheetNamed, StepId, stepAfter, STEPS, toggleKpi, toSetup, initialState,
} from './state';
import { TEXT } from './text';

/**
 * The sidebar: the same UI in the Sheets sidebar (300 px), the Excel task pane and the
 * playground panel. It talks to its host only through the bridge. Steps: template, KPIs with a
 * live balance meter, data mapping, goals with SMART feedback, generate. All text the user typed
 * is set as textContent (dom.ts), never as HTML.
 */
export async function mountSidebar(root: HTMLElement, bridge: HostBridge): Promise<void> {
  root.classList.add('kp');
  const status = el('div', { className: 'kp-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  replace(root, el('p', { className: 'kp-loading' }, 'Reading the workbook…'), status);
  let info: WorkbookInfo;
  try {
    info = await bridge.load();
  } catch (e) {
    replace(root, el('p', { className: 'kp-error', attrs: { role: 'alert' } }, fill(tr(TEXT.loadFailed, 'en'), { msg: message(e) })));
    return;
  }
  new Sidebar(root, bridge, info).render(false);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e);
}

class Sidebar {
  private state: SidebarState;
  private readonly body = el('section', { className: 'kp-body' });
  private readonly nav = el('ol', { className: 'kp-steps' });
  private readonly status = el('div', { className: 'kp-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly footer = el('div', { className: 'kp-footer' });
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly bridge: HostBridge,
    private info: WorkbookInfo,
  ) {
    this.state = initialState(info);
    root.lang = info.locale;
    replace(
      root,
      el('nav', { attrs: { 'aria-label': this.tx(TEXT.stepsNav) } }, this.nav),
      this.body,
      this.footer,
      this.status,
    );
  }

  private tx(text: Text, values: Record<string, string | number> = {}): string {
    return fill(tr(text, this.state.locale), values);
  }

  private name(id: KpiId): string {
    return tr(kpi(id).name, this.state.locale);
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  // ---- frame: step list, body, back/next -----------------------------------------------------

  render(focus = true): void {
    const step = this.state.step;
    replace(this.nav);
    STEPS.forEach((s, i) => {
      const reachable = s === 'template' || s === 'kpis' || this.state.kpis.length > 0;
      const b = el(
        'button',
        { attrs: { type: 'button', 'aria-current': s === step ? 'step' : undefined, disabled: !reachable }, on: { click: () => this.go(s) } },
        `${i + 1}. ${tr(TEXT.steps[s], this.state.locale)}`,
      );
      this.nav.appendChild(el('li', {}, b));
    });
    const headingId = uid('step');
    const heading = el('h2', { id: headingId, attrs: { tabindex: -1 } }, tr(TEXT.steps[step], this.state.locale));
    const counter = el('p', { className: 'kp-counter' }, this.tx(TEXT.stepOf, { n: STEPS.indexOf(step) + 1, total: STEPS.length }));
    this.body.setAttribute('aria-labelledby', headingId);
    replace(this.body, counter, heading, this.stepContent(step));

    replace(this.footer);
    if (step !== 'template') this.footer.appendChild(el('button', { className: 'kp-secondary', attrs: { type: 'button' }, on: { click: () => this.go(stepAfter(step, -1)) } }, this.tx(TEXT.back)));
    if (step !== 'generate') {
      const next = el('button', { className: 'kp-next', attrs: { type: 'button', disabled: !canLeave(this.state, step) }, on: { click: () => this.go(stepAfter(step, 1)) } }, this.tx(TEXT.next));
      this.footer.appendChild(next);
    }
    if (focus) heading.focus();
  }

  private go(step: StepId): void {
    if (step === this.state.step) return;
    const leaving = this.state.step;
    this.state = { ...this.state, step };
    if (leaving !== 'template' && this.state.kpis.length) void this.save();
    this.render(true);
  }

  private async save(): Promise<void> {
    try {
      await this.bridge.save(toSetup(this.state));
    } catch (e) {
      this.say(this.tx(TEXT.failed, { msg: message(e) }));
    }
  }

  private stepContent(step: StepId): HTMLElement {
    switch (step) {
      case 'template': return this.templateStep();
      case 'kpis': return this.kpiStep();
      case 'mapping': return this.mappingStep();
      case 'goals': return this.goalsStep();
      default: return this.generateStep();
    }
  }

  private refreshNext(): void {
    const next = this.footer.querySelector<HTMLButtonElement>('.kp-next');
    if (next) next.disabled = !canLeave(this.state, this.state.step);
    this.nav.querySelectorAll('button').forEach((b, i) => {
      b.disabled = !(i < 2 || this.state.kpis.length > 0);
    });
  }

  // ---- 1. template ----------------------------------------------------------------------------

  private templateStep(): HTMLElement {
    const L = this.state.locale;
    const group = uid('template');
    const fieldset = el('fieldset', { className: 'kp-choices' }, el('legend', {}, this.tx(TEXT.templateLegend)));
    const choices: [TemplateId | null, string, string][] = [
      ...TEMPLATES.map((t): [TemplateId, string, string] => [t.id, tr(t.name, L), tr(t.description, L)]),
      [null, this.tx(TEXT.blank), this.tx(TEXT.blankDescription)],
    ];
    for (const [id, name, description] of choices) {
      const inputId = uid('tpl');
      const descId = uid('tpl-desc');
      const input = el('input', {
        id: inputId,
        attrs: { type: 'radio', name: group, value: id ?? 'blank', 'aria-describedby': descId },
        on: {
          change: () => {
            this.state = chooseTemplate(this.state, id);
            this.refreshNext();
          },
        },
      });
      input.checked = id !== null ? this.state.template === id : this.state.template === null && this.state.kpis.length > 0;
      fieldset.appendChild(
        el('div', { className: 'kp-choice' }, input, el('label', { attrs: { for: inputId } }, el('strong', {}, name), el('span', { id: descId, className: 'kp-muted' }, description))),
      );
    }
    return el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.templateIntro)), fieldset);
  }

  // ---- 2. KPIs and the balance meter -----------------------------------------------------------

  private kpiStep(): HTMLElement {
    const L = this.state.locale;
    const meter = el('div', { className: 'kp-meter', attrs: { role: 'group', 'aria-label': this.tx(TEXT.balance) } });
    const order = el('ol', { className: 'kp-order', attrs: { 'aria-label': this.tx(TEXT.order) } });
    const fieldset = el('fieldset', { className: 'kp-kpis' }, el('legend', {}, this.tx(TEXT.kpisLegend)));
    const update = () => {
      this.renderMeter(meter);
      this.renderOrder(order);
      this.refreshNext();
    };
    for (const def of CATALOG) {
      const id = uid('kpi');
      const descId = uid('kpi-desc');
      const box = el('input', { id, attrs: { type: 'checkbox', value: def.id, 'aria-describedby': descId } });
      box.checked = this.state.kpis.includes(def.id);
      box.addEventListener('change', () => {
        this.state = toggleKpi(this.state, def.id, box.checked);
        update();
      });
      const tags = [
        this.tx(def.kind === 'impact' ? TEXT.impact : TEXT.activity),
        this.tx(def.timing === 'leading' ? TEXT.leading : TEXT.lagging),
        def.vanity ? this.tx(TEXT.vanity) : '',
      ].filter(Boolean);
      fieldset.appendChild(
        el(
          'div',
          { className: 'kp-choice' },
          box,
          el('label', { attrs: { for: id } }, el('strong', {}, tr(def.name, L)), el('span', { id: descId, className: 'kp-tags' + (def.vanity ? ' kp-vanity' : '') }, tags.join(' · '))),
        ),
      );
    }
    update();
    return el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.kpisIntro)), meter, order, fieldset);
  }

  private renderMeter(host: HTMLElement): void {
    const check = selection(this.state);
    const share = Math.round(check.impactShare * 100);
    const countId = uid('count');
    const shareId = uid('share');
    const countOk = check.count >= 5 && check.count <= 7;
    const shareOk = check.count > 0 && check.impactShare >= 0.7;
    const list = el('ul', { className: 'kp-messages' });
    for (const m of check.messages) list.appendChild(el('li', { className: 'kp-warn' }, m.text));
    if (check.balanced) list.appendChild(el('li', { className: 'kp-ok' }, this.tx(TEXT.balanced)));
    replace(
      host,
      el('label', { attrs: { for: countId }, className: countOk ? 'kp-ok' : 'kp-warn' }, this.tx(TEXT.count, { n: check.count })),
      el('meter', { id: countId, attrs: { min: 0, max: 10, low: 5, high: 7.5, optimum: 6, value: Math.min(check.count, 10) } }),
      el('label', { attrs: { for: shareId }, className: shareOk ? 'kp-ok' : 'kp-warn' }, this.tx(TEXT.impactShare, { share })),
      el('meter', { id: shareId, attrs: { min: 0, max: 100, low: 70, optimum: 100, value: share } }),
      el('p', { className: check.leading && check.lagging ? 'kp-ok' : 'kp-warn' }, this.tx(TEXT.leadLag, { lead: check.leading, lag: check.lagging })),
      el('div', { attrs: { role: 'status', 'aria-live': 'polite' } }, list),
    );
  }

  private renderOrder(host: HTMLElement): void {
    replace(host);
    this.state.kpis.forEach((id, i) => {
      const name = this.name(id);
      const move = (by: -1 | 1) => () => {
        this.state = moveKpi(this.state, id, by);
        this.renderOrder(host);
        const again = host.querySelector<HTMLButtonElement>(`button[data-kpi="${id}"][data-by="${by}"]`);
        (again && !again.disabled ? again : host.querySelector<HTMLButtonElement>(`button[data-kpi="${id}"]:not([disabled])`))?.focus();
      };
      host.appendChild(
        el(
          'li',
          {},
          el('span', {}, name),
          el('button', { className: 'kp-icon', attrs: { type: 'button', 'aria-label': this.tx(TEXT.moveUp, { name }), 'data-kpi': id, 'data-by': -1, disabled: i === 0 }, on: { click: move(-1) } }, '↑'),
          el('button', { className: 'kp-icon', attrs: { type: 'button', 'aria-label': this.tx(TEXT.moveDown, { name }), 'data-kpi': id, 'data-by': 1, disabled: i === this.state.kpis.length - 1 }, on: { click: move(1) } }, '↓'),
        ),
      );
    });
  }

  // ---- 3. data mapping --------------------------------------------------------------------------

  private mappingStep(): HTMLElement {
    const host = el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.mappingIntro)));
    const needs = datasetsNeeded(this.state.kpis);
    if (!needs.length) host.appendChild(el('p', {}, this.tx(TEXT.noDataNeeded)));
    const missing = el('div', { className: 'kp-messages', attrs: { role: 'status', 'aria-live': 'polite' } });
    const updateMissing = () => {
      const list = el('ul', { className: 'kp-messages' });
      for (const id of this.state.kpis) {
        const m = missingFields(this.state.mapping, [id]);
        if (m.length) list.appendChild(el('li', { className: 'kp-warn' }, this.tx(TEXT.missing, { name: this.name(id), fields: m.map((f) => tr(fieldInfo(f).name, this.state.locale)).join(', ') })));
      }
      if (!list.childNodes.length && needs.length) list.appendChild(el('li', { className: 'kp-ok' }, this.tx(TEXT.allMapped)));
      replace(missing, list);
    };
    for (const need of needs) {
      const box = el('fieldset', { className: 'kp-dataset', attrs: { 'data-dataset': need.dataset } });
      const draw = (focusSheet: boolean) => {
        replace(box, ...this.datasetControls(need.dataset, need.fields, () => {
          draw(true);
          updateMissing();
        }, updateMissing));
        if (focusSheet) box.querySelector('select')?.focus();
      };
      draw(false);
      host.appendChild(box);
    }
    updateMissing();
    host.appendChild(missing);
    return host;
  }

  private datasetControls(ds: DatasetId, fields: ReturnType<typeof datasetsNeeded>[number]['fields'], onSheet: () => void, onColumn: () => void): Node[] {
    const L = this.state.locale;
    const current = this.state.mapping[ds];
    const sheetId = uid('sheet');
    const sheetOptions: [string, string][] = [['', this.tx(TEXT.notInWorkbook)], ...this.info.sheets.map((s): [string, string] => [s.name, `${s.name} (${this.tx(TEXT.rows, { n: s.rows })})`])];
    const sheetSelect = select(sheetId, sheetOptions, current?.sheet ?? '', (name) => {
      this.state = { ...this.state, mapping: setSheet(this.state.mapping, ds, name ? sheetNamed(this.info.sheets, name) ?? null : null) };
      onSheet();
    });
    const nodes: Node[] = [
      el('legend', {}, tr(datasetInfo(ds).name, L)),
      el('div', { className: 'kp-field' }, el('label', { attrs: { for: sheetId } }, this.tx(TEXT.sheetOf)), sheetSelect),
    ];
    if (!current) return nodes;
    const choices = columnChoices(sheetNamed(this.info.sheets, current.sheet));
    for (const f of fields) {
      const id = uid('col');
      const options: [string, string][] = [['', this.tx(TEXT.noColumn)], ...choices.map((c): [string, string] => [c.letter, c.header ? `${c.letter}: ${c.header}` : c.letter])];
      const s = select(id, options, current.columns[f.name] ?? '', (letter) => {
        this.state = { ...this.state, mapping: setColumn(this.state.mapping, f.ref, letter || null) };
        onColumn();
      });
      nodes.push(el('div', { className: 'kp-field' }, el('label', { attrs: { for: id } }, tr(fieldInfo(f.ref).name, L), f.required ? '' : ' ' + this.tx(TEXT.optional)), s));
    }
    return nodes;
  }

  // ---- 4. goals ----------------------------------------------------------------------------------

  private goalsStep(): HTMLElement {
    const host = el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.goalsIntro)));
    for (const id of this.state.kpis) host.appendChild(this.goalFieldset(id));
    return host;
  }

  private goalFieldset(id: KpiId): HTMLElement {
    const L = this.state.locale;
    const def = kpi(id);
    const g = this.state.goals[id]!;
    const feedbackId = uid('smart');
    const feedback = el('ul', { id: feedbackId, className: 'kp-messages', attrs: { 'aria-live': 'polite' } });
    const update = () => {
      const check = goalCheck(this.state, id, this.info.history);
      // an untouched goal is not nagged: feedback starts with the first thing typed
      const items = goalTouched(this.state.goals[id]) ? check.messages : [];
      const text = items.map((m) => m.text).join('\n');
      if (feedback.dataset.text === text) return; // unchanged: do not make screen readers repeat it
      feedback.dataset.text = text;
      replace(feedback, ...items.map((m) => el('li', { className: m.level === 'error' ? 'kp-error' : m.level === 'warning' ? 'kp-warn' : 'kp-ok' }, m.text)));
    };
    const box = el('fieldset', { className: 'kp-goal', attrs: { 'data-kpi': id } }, el('legend', {}, tr(def.name, L)));
    const field = (key: Exclude<keyof GoalInput, 'frequency'>, label: Text, type: string, hint?: string) => {
      const inputId = uid(`goal-${key}`);
      const input = el('input', {
        id: inputId,
        attrs: { type, name: key, autocomplete: 'off', inputmode: type === 'text' && key !== 'owner' ? 'decimal' : undefined, 'aria-describedby': feedbackId },
      });
      input.value = g[key];
      input.addEventListener('input', () => {
        this.state = setGoalField(this.state, id, key, input.value);
        update();
      });
      return el('div', { className: `kp-field kp-${key}` }, el('label', { attrs: { for: inputId } }, this.tx(label), hint ? ` (${hint})` : ''), input);
    };
    const pct = def.unit === 'percent' ? this.tx(TEXT.percentHint) : undefined;
    const freqId = uid('goal-freq');
    const freq = select(freqId, FREQUENCIES.map((f): [string, string] => [f, tr(FREQUENCY_LABELS[f], L)]), g.frequency, (v) => {
      this.state = setGoalField(this.state, id, 'frequency', v as GoalInput['frequency']);
      update();
    });
    box.append(
      el('div', { className: 'kp-row' }, field('baseline', TEXT.baseline, 'text', pct), field('target', TEXT.target, 'text', pct)),
      el('div', { className: 'kp-row' }, field('start', TEXT.start, 'date'), field('end', TEXT.end, 'date')),
      el('div', { className: 'kp-row' }, field('owner', TEXT.owner, 'text'), el('div', { className: 'kp-field' }, el('label', { attrs: { for: freqId } }, this.tx(TEXT.frequency)), freq)),
      feedback,
    );
    update();
    return box;
  }

  // ---- 5. generate ------------------------------------------------------------------------------

  private generateStep(): HTMLElement {
    const goalsSet = this.state.kpis.filter((id) => goalTouched(this.state.goals[id])).length;
    const host = el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.generateIntro)), el('p', {}, this.tx(TEXT.summary, { n: this.state.kpis.length, goals: goalsSet })));
    const incomplete = goalsWithErrors(this.state, this.info.history);
    if (incomplete.length) host.appendChild(el('p', { className: 'kp-warn' }, this.tx(TEXT.goalErrors, { names: incomplete.map((id) => this.name(id)).join(', ') })));
    const asOfId = uid('asof');
    const asOf = el('input', { id: asOfId, attrs: { type: 'date', required: true } });
    asOf.value = this.info.today;
    const progress = el('progress', { attrs: { max: 1, 'aria-label': this.tx(TEXT.progress) } });
    progress.hidden = true;
    const progressText = el('p', { className: 'kp-progress-text' });
    const notices = el('div', { className: 'kp-notices', attrs: { role: 'status', 'aria-live': 'polite' } });
    const generate = el('button', { className: 'kp-primary', attrs: { type: 'button' } }, this.tx(TEXT.generate));
    const snapshot = el('button', { className: 'kp-secondary', attrs: { type: 'button', 'aria-describedby': uid('snap') } }, this.tx(TEXT.snapshot));
    const snapHint = el('p', { id: snapshot.getAttribute('aria-describedby')!, className: 'kp-muted' }, this.tx(TEXT.snapshotHint));
    const setBusy = (on: boolean) => {
      this.busy = on;
      generate.disabled = on;
      snapshot.disabled = on;
      generate.setAttribute('aria-busy', String(on));
    };
    generate.addEventListener('click', async () => {
      if (this.busy) return;
      setBusy(true);
      progress.hidden = false;
      progress.removeAttribute('value');
      replace(notices);
      const report = (step: string, done: number, total: number) => {
        progress.max = Math.max(1, total);
        progress.value = done;
        progressText.textContent = this.tx(TEXT.generating, { step });
      };
      report('', 0, 1);
      progress.removeAttribute('value');
      try {
        const result = await this.bridge.generate(toSetup(this.state), asOf.value || this.info.today, report);
        progress.value = progress.max;
        progressText.textContent = '';
        replace(notices, el('p', { className: 'kp-ok' }, this.tx(TEXT.generated, { sheets: result.sheets.join(', ') })), this.noticeList(result.notices));
        await this.reload();
      } catch (e) {
        progressText.textContent = '';
        replace(notices, el('p', { className: 'kp-error', attrs: { role: 'alert' } }, this.tx(TEXT.failed, { msg: message(e) })));
      } finally {
        progress.hidden = true;
        setBusy(false);
        generate.focus();
      }
    });
    snapshot.addEventListener('click', async () => {
      if (this.busy) return;
      setBusy(true);
      try {
        const r = await this.bridge.snapshot();
        const parts = [this.tx(TEXT.snapshotDone, { n: r.appended })];
        if (r.skipped.length) parts.push(this.tx(TEXT.snapshotSkipped, { names: r.skipped.map((id) => (CATALOG.some((k) => k.id === id) ? this.name(id as KpiId) : id)).join(', ') }));
        replace(notices, el('p', { className: 'kp-ok' }, parts.join(' ')));
        await this.reload();
      } catch (e) {
        replace(notices, el('p', { className: 'kp-error', attrs: { role: 'alert' } }, this.tx(TEXT.failed, { msg: message(e) })));
      } finally {
        setBusy(false);
      }
    });
    host.append(
      el('div', { className: 'kp-field' }, el('label', { attrs: { for: asOfId } }, this.tx(TEXT.asOf)), asOf),
      generate,
      progress,
      progressText,
      notices,
      snapshot,
      snapHint,
    );
    return host;
  }

  private noticeList(list: readonly PlanNotice[]): Node | null {
    if (!list.length) return null;
    return el('ul', { className: 'kp-messages', attrs: { 'aria-label': this.tx(TEXT.notices) } }, ...list.map((n) => el('li', { className: n.level === 'warning' ? 'kp-warn' : 'kp-muted' }, n.text)));
  }

  /** Re-reads the workbook after a write (new history, our sheets), keeping the manager's state. */
  private async reload(): Promise<void> {
    try {
      this.info = await this.bridge.load();
    } catch {
      // the write succeeded; stale history only weakens the "achievable" hint
    }
  }
}
