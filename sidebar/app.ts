import {
  alertLabel, Breach, buildPlan, CATALOG, DataHistory, monthName, COMMISSION_PERIODS, datasetInfo, DatasetId, EXTRA_SHEET_DATA, ExtraSheetRole, fieldInfo,
  MAX_KPIS, MIN_IMPACT_SHARE, MIN_KPIS, fill, formatValue, FREQUENCIES, FREQUENCY_LABELS, kpi, KpiId,
  copyNotices, Locale, missingFields, PlanNotice, STANDARD_NAMES, setColumn, setSheet, TEMPLATES, TemplateId, Text, tr, Unit,
} from '../core/dashboard';
import type { AlertsStatus, HostBridge, WorkbookInfo } from './bridge';
import { baselineTyped, goalHistories, historyKey, prefillBaseline, prefillBaselines } from './baselines';
import { recipientsPanel, showRecipients } from './digest-recipients';
import { el, replace, select, uid } from './dom';
import {
  addTier, canAddTier, canLeave, chooseTemplate, columnChoices, commissionPlan, datasetsNeeded, extraMissing, goalCheck, goalsWithErrors, goalTouched,
  GoalInput, moveKpi, removeTier, selection, setAlertsEnabled, setExtra, setGoalField, setPlanField, setTier, SidebarState, sheetNamed, StepId,
  stepAfter, STEPS, tickedExtras, toggleKpi, toSetup, initialState, withDailyStatus, withMergedGoals,
} from './state';
import { TEXT } from './text';
import { shareSection } from './share';

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
  const sidebar = new Sidebar(root, bridge, info);
  sidebar.render(false);
  void sidebar.refreshAlerts(); // the breaches show when the pane opens (after its first paint)
}

/**
 * A KPI value for the alerts list: grouped digits where the browser has Intl (every host's pane
 * does), else the core's plain formatValue; percent units ×100 with %, 0 to 2 decimals by size.
 */
function shownNumber(v: number, unit: Unit, locale: Locale): string {
  try {
    const pct = unit === 'percent';
    const x = pct ? v * 100 : v;
    const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
    const text = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: digits }).format(x);
    return pct ? text + (locale === 'fr' ? '\u00a0%' : '%') : text;
  } catch {
    return formatValue(v, unit, locale);
  }
}

/** The notices of the saved setup's plan (the planner is pure); none when it no longer plans. */
function savedNotices(info: WorkbookInfo): readonly PlanNotice[] {
  try {
    return buildPlan({ setup: info.setup!, asOf: info.today, existingSheets: info.existing }).notices;
  } catch {
    return [];
  }
}

/** The KPI-count meter's scale: 0 to MAX_KPIS + 3 KPIs, so too many shows as well as too few. */
const METER_MAX = MAX_KPIS + 3;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e);
}

class Sidebar {
  private state: SidebarState;
  private readonly body = el('section', { className: 'kp-body' });
  private readonly nav = el('ol', { className: 'kp-steps' });
  private readonly status = el('div', { className: 'kp-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  /** Back and Next: a landmark of their own, with a skip link at the top of each step, so a keyboard user need not walk every input. */
  private readonly footer = el('nav', { className: 'kp-footer', attrs: { tabindex: -1 } });
  private busy = false;
  /** The host's last answer to alerts(), null until it answers; the error text when it failed. */
  private alerts: AlertsStatus | null = null;
  private alertsError = '';
  private alertsLoading = false;
  /** The alerts section of the generate step, while that step is shown. */
  private alertsHost: HTMLElement | null = null;
  /** Each KPI's monthly values from the mapped data (bridge.dataHistory), and what they were computed from. */
  private dataHistory: DataHistory | undefined;
  private dataHistoryKey = '';
  /** Refreshes a shown goal's baseline box and feedback after the data history arrives. */
  private readonly goalRefresh = new Map<KpiId, () => void>();

  constructor(
    root: HTMLElement,
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
    const skip = el('a', { className: 'kp-skip', attrs: { href: '#' }, on: { click: (e) => { e.preventDefault(); (this.footer.querySelector<HTMLButtonElement>('button:not([disabled])') ?? this.footer).focus(); } } }, this.tx(TEXT.skipToActions));
    this.footer.setAttribute('aria-label', this.tx(TEXT.stepActions));
    replace(this.body, counter, heading, skip, this.stepContent(step));

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
      case 'extras': return this.extrasStep();
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
    const countOk = check.count >= MIN_KPIS && check.count <= MAX_KPIS;
    const shareOk = check.count > 0 && check.impactShare >= MIN_IMPACT_SHARE;
    const list = el('ul', { className: 'kp-messages' });
    for (const m of check.messages) list.appendChild(el('li', { className: 'kp-warn' }, m.text));
    if (check.balanced) list.appendChild(el('li', { className: 'kp-ok' }, this.tx(TEXT.balanced)));
    replace(
      host,
      el('label', { attrs: { for: countId }, className: countOk ? 'kp-ok' : 'kp-warn' }, this.tx(TEXT.count, { n: check.count })),
      el('meter', { id: countId, attrs: { min: 0, max: METER_MAX, low: MIN_KPIS, high: MAX_KPIS + 0.5, optimum: (MIN_KPIS + MAX_KPIS) / 2, value: Math.min(check.count, METER_MAX) } }),
      el('label', { attrs: { for: shareId }, className: shareOk ? 'kp-ok' : 'kp-warn' }, this.tx(TEXT.impactShare, { share })),
      el('meter', { id: shareId, attrs: { min: 0, max: 100, low: MIN_IMPACT_SHARE * 100, optimum: 100, value: share } }),
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

  // ---- 3. extra sheets and alerts ------------------------------------------------------------------

  private fieldNames(refs: readonly string[]): string {
    return refs.map((f) => tr(fieldInfo(f as Parameters<typeof fieldInfo>[0]).name, this.state.locale)).join(', ');
  }

  private extrasStep(): HTMLElement {
    const sheets = el('fieldset', { className: 'kp-extras' }, el('legend', {}, this.tx(TEXT.extrasLegend)));
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
      box.checked = this.state.extras[extra];
      const status = el('span', { id: statusId, className: 'kp-muted' });
      const plan = extra === 'commissions' ? el('div', { className: 'kp-plan-host' }) : null;
      const update = () => {
        const on = this.state.extras[extra];
        const missing = extraMissing(this.state.mapping, extra);
        const sheet = missing.length ? undefined : this.state.mapping[EXTRA_SHEET_DATA[extra].dataset]?.sheet;
        status.className = on && missing.length ? 'kp-warn' : 'kp-muted';
        status.textContent = !on ? '' : sheet ? this.tx(TEXT.dataReady, { sheet }) : this.tx(TEXT.needsData, { fields: this.fieldNames(missing) });
        if (plan) {
          if (on && !plan.firstChild) plan.appendChild(this.commissionPlanFieldset());
          if (!on) replace(plan);
        }
      };
      box.addEventListener('change', () => {
        this.state = setExtra(this.state, extra, box.checked);
        update();
      });
      sheets.appendChild(
        el(
          'div',
          { className: 'kp-choice' },
          box,
          el('label', { attrs: { for: id } }, el('strong', {}, this.tx(label)), el('span', { id: hintId, className: 'kp-muted' }, this.tx(hint)), status),
        ),
      );
      if (plan) sheets.appendChild(plan);
      update();
    }

    const alertsId = uid('alerts-on');
    const alertsHint = uid('alerts-hint');
    const alertsBox = el('input', { id: alertsId, attrs: { type: 'checkbox', 'aria-describedby': alertsHint } });
    alertsBox.checked = this.state.alertsEnabled;
    alertsBox.addEventListener('change', () => {
      this.state = setAlertsEnabled(this.state, alertsBox.checked);
    });
    const alerts = el(
      'fieldset',
      { className: 'kp-alerts-setup' },
      el('legend', {}, this.tx(TEXT.alertsLegend)),
      el('div', { className: 'kp-choice' }, alertsBox, el('label', { attrs: { for: alertsId } }, el('strong', {}, this.tx(TEXT.alertsOn)), el('span', { id: alertsHint, className: 'kp-muted' }, this.tx(TEXT.alertsHint)))),
    );
    return el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.extrasIntro)), sheets, alerts);
  }

  /** The commission plan: quota, period, method, tiers (start and rate in percent), optional cap, with live checks. */
  private commissionPlanFieldset(): HTMLElement {
    const L = this.state.locale;
    const box = el('fieldset', { className: 'kp-plan' }, el('legend', {}, this.tx(TEXT.planLegend)));
    const feedbackId = uid('plan-check');
    const feedback = el('ul', { id: feedbackId, className: 'kp-messages', attrs: { 'aria-live': 'polite' } });
    const check = () => {
      const { problems } = commissionPlan(this.state.extras.plan, L);
      const text = problems.join('\n');
      if (feedback.dataset.text === text) return;
      feedback.dataset.text = text;
      replace(feedback, ...(problems.length ? problems.map((m) => el('li', { className: 'kp-error' }, m)) : [el('li', { className: 'kp-ok' }, this.tx(TEXT.planOk))]));
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
    const plan = this.state.extras.plan;
    const periodId = uid('plan-period');
    const period = select(periodId, COMMISSION_PERIODS.map((p): [string, string] => [p, this.tx(TEXT.periods[p])]), plan.period, (v) => {
      this.state = setPlanField(this.state, 'period', v as typeof plan.period);
    });
    const methodGroup = uid('plan-method');
    const method = el('fieldset', { className: 'kp-method' }, el('legend', {}, this.tx(TEXT.method)));
    for (const m of ['marginal', 'retroactive'] as const) {
      const id = uid('plan-method');
      const radio = el('input', { id, attrs: { type: 'radio', name: methodGroup, value: m } });
      radio.checked = plan.method === m;
      radio.addEventListener('change', () => {
        if (radio.checked) this.state = setPlanField(this.state, 'method', m);
      });
      method.appendChild(el('div', { className: 'kp-choice' }, radio, el('label', { attrs: { for: id } }, this.tx(TEXT[m]))));
    }
    const tiers = el('fieldset', { className: 'kp-tiers' }, el('legend', {}, this.tx(TEXT.tiersLegend)));
    const drawTiers = (focusIndex?: number) => {
      replace(tiers, el('legend', {}, this.tx(TEXT.tiersLegend)));
      this.state.extras.plan.tiers.forEach((tier, i) => {
        const n = i + 1;
        const row = el('div', { className: 'kp-row kp-tier', attrs: { 'data-tier': n } });
        const start = input(this.tx(TEXT.tierStart, { n }), i === 0 ? '0' : tier.start, (v) => (this.state = setTier(this.state, i, 'start', v)), 'tier-start');
        if (i === 0) {
          // the first tier starts at 0 (COMMISSION's rule): shown, not editable
          start.querySelector('input')!.readOnly = true;
        }
        row.appendChild(start);
        row.appendChild(input(this.tx(TEXT.tierRate, { n }), tier.rate, (v) => (this.state = setTier(this.state, i, 'rate', v)), 'tier-rate'));
        if (i === 0) row.appendChild(el('span', { className: 'kp-icon-space' }));
        else {
          row.appendChild(
            el('button', {
              className: 'kp-icon kp-remove',
              attrs: { type: 'button', 'aria-label': this.tx(TEXT.removeTier, { n }) },
              on: {
                click: () => {
                  this.state = removeTier(this.state, i);
                  drawTiers(Math.max(0, i - 1));
                  check();
                },
              },
            }, '×'),
          );
        }
        tiers.appendChild(row);
      });
      const add = el('button', {
        className: 'kp-secondary kp-add-tier',
        attrs: { type: 'button', disabled: !canAddTier(this.state) },
        on: {
          click: () => {
            this.state = addTier(this.state);
            drawTiers(this.state.extras.plan.tiers.length - 1);
            check();
          },
        },
      }, this.tx(TEXT.addTier));
      tiers.appendChild(add);
      if (focusIndex !== undefined) tiers.querySelectorAll<HTMLInputElement>('.kp-tier')[focusIndex]?.querySelector('input')?.focus();
    };
    drawTiers();
    box.append(
      input(this.tx(TEXT.quota), plan.quota, (v) => (this.state = setPlanField(this.state, 'quota', v)), 'quota'),
      el('div', { className: 'kp-field' }, el('label', { attrs: { for: periodId } }, this.tx(TEXT.period)), period),
      method,
      tiers,
      input(this.tx(TEXT.cap), plan.cap, (v) => (this.state = setPlanField(this.state, 'cap', v)), 'cap'),
      feedback,
    );
    check();
    return box;
  }

  // ---- 4. data mapping --------------------------------------------------------------------------

  private mappingStep(): HTMLElement {
    const host = el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.mappingIntro)));
    const needs = datasetsNeeded(this.state.kpis, this.state.extras);
    if (!needs.length) host.appendChild(el('p', {}, this.tx(TEXT.noDataNeeded)));
    const missing = el('div', { className: 'kp-messages', attrs: { role: 'status', 'aria-live': 'polite' } });
    const updateMissing = () => {
      const list = el('ul', { className: 'kp-messages' });
      for (const id of this.state.kpis) {
        const m = missingFields(this.state.mapping, [id]);
        if (m.length) list.appendChild(el('li', { className: 'kp-warn' }, this.tx(TEXT.missing, { name: this.name(id), fields: m.map((f) => tr(fieldInfo(f).name, this.state.locale)).join(', ') })));
      }
      for (const x of tickedExtras(this.state.extras)) {
        const m = extraMissing(this.state.mapping, x);
        if (m.length) list.appendChild(el('li', { className: 'kp-warn' }, this.tx(TEXT.extrasLeftOut, { sheet: STANDARD_NAMES[x], fields: this.fieldNames(m) })));
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

  // ---- 5. goals ----------------------------------------------------------------------------------

  private goalsStep(): HTMLElement {
    const host = el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.goalsIntro)));
    const fromSheet = this.goalSheetNotices();
    if (fromSheet) host.appendChild(fromSheet);
    this.goalRefresh.clear();
    for (const id of this.state.kpis) host.appendChild(this.goalFieldset(id));
    void this.loadDataHistory();
    return host;
  }

  /** The "achievable" check's series: the data's months merged with KPI History, else History alone. */
  private histories(): Record<string, readonly (number | null)[]> {
    return goalHistories(this.info, this.dataHistory);
  }

  /** Asks the host for the KPIs' monthly values from the mapped data (once per mapping), then pre-fills blank baselines. */
  private async loadDataHistory(): Promise<void> {
    const setup = toSetup(this.state);
    const key = historyKey(setup);
    if (!this.bridge.dataHistory || key === this.dataHistoryKey) return;
    this.dataHistoryKey = key;
    try {
      this.dataHistory = await this.bridge.dataHistory(setup);
    } catch (e) {
      this.dataHistoryKey = '';
      this.say(this.tx(TEXT.dataHistoryFailed, { msg: message(e) }));
      return;
    }
    this.state = prefillBaselines(this.state, this.dataHistory);
    if (this.state.step === 'goals') this.goalRefresh.forEach((refresh) => refresh());
  }

  private goalFieldset(id: KpiId): HTMLElement {
    const L = this.state.locale;
    const def = kpi(id);
    const g = this.state.goals[id]!;
    const feedbackId = uid('smart');
    const feedback = el('ul', { id: feedbackId, className: 'kp-messages', attrs: { 'aria-live': 'polite' } });
    const update = () => {
      const check = goalCheck(this.state, id, this.histories());
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
      input.value = g[key] ?? '';
      inputs.set(key, input);
      input.addEventListener('input', () => {
        this.state = setGoalField(this.state, id, key, input.value);
        if (key === 'baseline') this.state = baselineTyped(this.state, id);
        if (key === 'start') this.state = prefillBaseline(this.state, id, this.dataHistory); // a pre-filled baseline follows the start date
        if (key === 'baseline' || key === 'start') showBaseline();
        update();
      });
      const wrap = el('div', { className: `kp-field kp-${key}` }, el('label', { attrs: { for: inputId } }, this.tx(label), hint ? ` (${hint})` : ''), input);
      if (key === 'baseline') wrap.appendChild(baselineNote);
      return wrap;
    };
    const inputs = new Map<string, HTMLInputElement>();
    // where a pre-filled baseline came from; empty once the manager types one
    const baselineNote = el('span', { className: 'kp-muted kp-baseline-from', attrs: { 'data-kpi': id } });
    const showBaseline = () => {
      const goal = this.state.goals[id]!;
      const input = inputs.get('baseline');
      if (input && input.value !== goal.baseline && (goal.baselineFrom || !goal.baseline)) input.value = goal.baseline;
      baselineNote.textContent = goal.baselineFrom ? this.tx(TEXT.baselineFromData, { month: monthName(goal.baselineFrom, L) }) : '';
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
      field('threshold', TEXT.threshold, 'text', pct),
      feedback,
    );
    showBaseline();
    update();
    this.goalRefresh.set(id, () => {
      showBaseline();
      update();
    });
    return box;
  }

  // ---- 6. generate ------------------------------------------------------------------------------

  private generateStep(): HTMLElement {
    const goalsSet = this.state.kpis.filter((id) => goalTouched(this.state.goals[id])).length;
    const host = el('div', {}, el('p', { className: 'kp-intro' }, this.tx(TEXT.generateIntro)), el('p', {}, this.tx(TEXT.summary, { n: this.state.kpis.length, goals: goalsSet })));
    const fromSheet = this.goalSheetNotices();
    if (fromSheet) host.appendChild(fromSheet);
    const incomplete = goalsWithErrors(this.state, this.histories());
    if (incomplete.length) host.appendChild(el('p', { className: 'kp-warn' }, this.tx(TEXT.goalErrors, { names: incomplete.map((id) => this.name(id)).join(', ') })));
    const extras = tickedExtras(this.state.extras);
    if (extras.length) host.appendChild(el('p', {}, this.tx(TEXT.extrasSummary, { names: extras.map((x) => STANDARD_NAMES[x]).join(', ') })));
    for (const x of extras) {
      const missing = extraMissing(this.state.mapping, x);
      if (missing.length) host.appendChild(el('p', { className: 'kp-warn' }, this.tx(TEXT.extrasLeftOut, { sheet: STANDARD_NAMES[x], fields: this.fieldNames(missing) })));
      else if (x === 'commissions' && commissionPlan(this.state.extras.plan, this.state.locale).problems.length) host.appendChild(el('p', { className: 'kp-warn' }, this.tx(TEXT.commissionsLeftOut)));
    }
    const asOfId = uid('asof');
    const asOf = el('input', { id: asOfId, attrs: { type: 'date', required: true } });
    asOf.value = this.info.today;
    const progress = el('progress', { attrs: { max: 1, 'aria-label': this.tx(TEXT.progress) } });
    progress.hidden = true;
    const progressText = el('p', { className: 'kp-progress-text' });
    const notices = el('div', { className: 'kp-notices', attrs: { role: 'status', 'aria-live': 'polite' } });
    // a copy of one of our sheets is named before the manager generates, not only after
    replace(notices, this.noticeList(copyNotices(this.info.existing, this.state.locale)));
    const share = this.bridge.share ? shareSection(this.bridge.share, this.state.locale) : undefined;
    const generate = el('button', { className: 'kp-primary', attrs: { type: 'button' } }, this.tx(TEXT.generate));
    const snapshotLabel = () => (this.info.dashboardAsOf ? this.tx(TEXT.snapshotOn, { date: this.info.dashboardAsOf }) : this.tx(TEXT.snapshot));
    const snapshot = el('button', { className: 'kp-secondary', attrs: { type: 'button', 'aria-describedby': uid('snap') } }, snapshotLabel());
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
        share?.showNeeds(result.notices);
        // the goals as merged with KPI Goals: the sheet's edits now show in the goals step
        if (result.setup) this.state = withMergedGoals(this.state, result.setup);
        await this.reload();
        snapshot.textContent = snapshotLabel();
        void this.refreshAlerts();
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
        const parts = [r.date ? this.tx(TEXT.snapshotDoneOn, { date: r.date, n: r.appended, u: r.updated ?? 0 }) : this.tx(TEXT.snapshotDone, { n: r.appended })];
        if (r.skipped.length) parts.push(this.tx(TEXT.snapshotSkipped, { names: r.skipped.map((id) => (CATALOG.some((k) => k.id === id) ? this.name(id as KpiId) : id)).join(', ') }));
        replace(notices, el('p', { className: 'kp-ok' }, parts.join(' ')));
        await this.reload();
        void this.refreshAlerts();
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
    if (share) {
      // the saved dashboard's notice shows when the pane opens, before any new generation
      if (this.info.setup && this.hasDashboard()) share.showNeeds(savedNotices(this.info));
      host.append(share.element);
    }
    const alertsHeading = uid('alerts');
    this.alertsHost = el('section', { className: 'kp-alerts', attrs: { 'aria-labelledby': alertsHeading } });
    host.append(el('h3', { id: alertsHeading }, this.tx(TEXT.alertsLegend)), this.alertsHost);
    this.renderAlerts();
    return host;
  }

  /** Asks the host for the breaches now (and the daily digest's state), then shows them if the generate step is open. */
  async refreshAlerts(): Promise<void> {
    if (!this.hasDashboard()) {
      this.renderAlerts();
      return;
    }
    this.alertsLoading = true;
    this.renderAlerts();
    try {
      this.alerts = await this.bridge.alerts();
      this.alertsError = '';
      this.state = withDailyStatus(this.state, this.alerts);
    } catch (e) {
      this.alertsError = message(e);
    } finally {
      this.alertsLoading = false;
      this.renderAlerts();
    }
  }

  private hasDashboard(): boolean {
    return this.info.existing.some((s) => s.marker === 'dashboard');
  }

  private renderAlerts(): void {
    const host = this.alertsHost;
    if (!host) return;
    const parts: Node[] = [];
    const status = this.alerts;
    if (!this.hasDashboard()) parts.push(el('p', { className: 'kp-muted' }, this.tx(TEXT.alertsNoDashboard)));
    else if (this.alertsLoading && !status) parts.push(el('p', { className: 'kp-muted' }, this.tx(TEXT.alertsLoading)));
    if (this.alertsError) parts.push(el('p', { className: 'kp-error' }, this.tx(TEXT.failed, { msg: this.alertsError })));
    if (status && this.hasDashboard()) {
      if (!status.breaches.length) parts.push(el('p', { className: 'kp-ok' }, this.tx(TEXT.alertsNone)));
      else {
        parts.push(el('p', { className: 'kp-warn' }, this.tx(TEXT.alertsCount, { n: status.breaches.length })));
        parts.push(el('ul', { className: 'kp-breaches', attrs: { 'aria-label': this.tx(TEXT.breachesLabel) } }, ...status.breaches.map((b) => this.breachItem(b))));
      }
    }
    if (status?.dailyAvailable) parts.push(this.dailySwitch(status));
    // unchanged text is not replaced, so screen readers do not hear it again
    const probe = el('div', {}, ...parts);
    if (host.dataset.text === probe.textContent + String(status?.daily)) return;
    host.dataset.text = probe.textContent + String(status?.daily);
    replace(host, ...parts);
    host.setAttribute('aria-busy', String(this.alertsLoading));
  }

  /** One breach: KPI, value, why (kind), the threshold crossed, the owner. */
  private breachItem(b: Breach): HTMLElement {
    const L = this.state.locale;
    const name = CATALOG.some((k) => k.id === b.kpi) ? this.name(b.kpi) : b.name;
    const details = [this.tx(TEXT.breachValue, { value: shownNumber(b.value, b.unit, L) }), alertLabel(b.kinds, L)];
    if (b.threshold !== null) details.push(this.tx(TEXT.breachThreshold, { threshold: shownNumber(b.threshold, b.unit, L) }));
    if (b.owner) details.push(this.tx(TEXT.breachOwner, { owner: b.owner }));
    return el('li', { attrs: { 'data-kpi': b.kpi } }, el('strong', {}, name), el('span', { className: 'kp-muted' }, ' ' + details.join(' · ')));
  }

  /** Sheets only: the daily digest switch; switching on is when Google asks for the mail and trigger permissions. */
  private dailySwitch(status: AlertsStatus): HTMLElement {
    const id = uid('daily');
    const hintId = uid('daily-hint');
    const box = el('input', { id, attrs: { type: 'checkbox', role: 'switch', 'aria-describedby': hintId } });
    box.checked = status.daily;
    const result = el('p', { className: 'kp-muted', attrs: { role: 'status' } });
    // who the digest writes to: shown on switching on and whenever the list changed
    const recipients = el('div', {});
    const showList = (s: AlertsStatus, justSwitchedOn: boolean): void => {
      const confirm = this.bridge.confirmRecipients;
      const panel = confirm && showRecipients(s, justSwitchedOn)
        ? recipientsPanel(s, this.state.locale, {
            confirm: async (addresses) => {
              try {
                const next = await confirm(addresses);
                this.alerts = { ...next };
                showList(next, addresses.length > 0); // after a confirmation the list stays to show it
              } catch (e) {
                result.className = 'kp-error';
                result.textContent = this.tx(TEXT.failed, { msg: message(e) });
              }
            },
          })
        : null;
      replace(recipients, panel);
    };
    showList(status, false);
    box.addEventListener('change', async () => {
      const on = box.checked;
      box.disabled = true;
      try {
        const next = await this.bridge.setDailyAlerts(on);
        this.alerts = { ...next };
        this.state = withDailyStatus(this.state, next);
        box.checked = next.daily;
        result.className = 'kp-ok';
        result.textContent = this.tx(next.daily ? TEXT.dailyOn : TEXT.dailyOff);
        showList(next, on);
      } catch (e) {
        box.checked = !on;
        result.className = 'kp-error';
        result.textContent = this.tx(TEXT.failed, { msg: message(e) });
      } finally {
        box.disabled = false;
      }
    });
    return el(
      'div',
      { className: 'kp-daily' },
      el('div', { className: 'kp-choice' }, box, el('label', { attrs: { for: id } }, el('strong', {}, this.tx(TEXT.daily)), el('span', { id: hintId, className: 'kp-muted' }, this.tx(TEXT.dailyHint)))),
      result,
      recipients,
    );
  }

  /** What reading KPI Goals back took from the sheet (or could not read), as the host reported when loading. */
  private goalSheetNotices(): Node | null {
    const list = this.info.goalNotices ?? [];
    if (!list.length) return null;
    return el('section', { className: 'kp-from-sheet', attrs: { 'aria-label': this.tx(TEXT.fromSheet) } }, el('strong', {}, this.tx(TEXT.fromSheet)), this.noticeList(list));
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
