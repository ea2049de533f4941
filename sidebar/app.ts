import { type DataHistory, fieldInfo, fill, kpi, type KpiId, type PlanNotice, type Text, tr } from '../core/dashboard';
import type { HostBridge, WorkbookInfo } from './bridge';
import { goalHistories } from './baselines';
import { el, replace, uid } from './dom';
import { canLeave, initialState, SidebarState, StepId, stepAfter, STEPS, toSetup } from './state';
import { AlertsPanel } from './steps/alerts';
import { message, StepContext } from './steps/context';
import { extrasStep } from './steps/extras';
import { generateStep } from './steps/generate';
import { goalsStep } from './steps/goals';
import { kpiStep } from './steps/kpis';
import { mappingStep } from './steps/mapping';
import { templateStep } from './steps/template';
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
  const sidebar = new Sidebar(root, bridge, info);
  sidebar.render(false);
  void sidebar.alerts.refresh(); // the breaches show when the pane opens (after its first paint)
}

/**
 * The shell: the step list, the current step's body, Back and Next, the status line. Each step
 * is a module of sidebar/steps/ that renders from this context and writes the state back.
 */
class Sidebar implements StepContext {
  state: SidebarState;
  private readonly body = el('section', { className: 'kp-body' });
  private readonly nav = el('ol', { className: 'kp-steps' });
  private readonly status = el('div', { className: 'kp-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  /** Back and Next: a landmark of their own, with a skip link at the top of each step, so a keyboard user need not walk every input. */
  private readonly footer = el('nav', { className: 'kp-footer', attrs: { tabindex: -1 } });
  busy = false;
  readonly alerts: AlertsPanel = new AlertsPanel(this);
  dataHistory: DataHistory | undefined;
  dataHistoryKey = '';
  readonly goalRefresh = new Map<KpiId, () => void>();

  constructor(
    root: HTMLElement,
    readonly bridge: HostBridge,
    public info: WorkbookInfo,
  ) {
    this.state = initialState(info);
    root.lang = info.locale;
    replace(root, el('nav', { attrs: { 'aria-label': this.tx(TEXT.stepsNav) } }, this.nav), this.body, this.footer, this.status);
  }

  tx(text: Text, values: Record<string, string | number> = {}): string {
    return fill(tr(text, this.state.locale), values);
  }

  name(id: KpiId): string {
    return tr(kpi(id).name, this.state.locale);
  }

  say(text: string): void {
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
        {
          attrs: { type: 'button', 'aria-current': s === step ? 'step' : undefined, disabled: !reachable },
          on: { click: () => this.go(s) },
        },
        `${i + 1}. ${tr(TEXT.steps[s], this.state.locale)}`,
      );
      this.nav.appendChild(el('li', {}, b));
    });
    const headingId = uid('step');
    const heading = el('h2', { id: headingId, attrs: { tabindex: -1 } }, tr(TEXT.steps[step], this.state.locale));
    const counter = el('p', { className: 'kp-counter' }, this.tx(TEXT.stepOf, { n: STEPS.indexOf(step) + 1, total: STEPS.length }));
    this.body.setAttribute('aria-labelledby', headingId);
    const skip = el(
      'a',
      {
        className: 'kp-skip',
        attrs: { href: '#' },
        on: {
          click: (e) => {
            e.preventDefault();
            (this.footer.querySelector<HTMLButtonElement>('button:not([disabled])') ?? this.footer).focus();
          },
        },
      },
      this.tx(TEXT.skipToActions),
    );
    this.footer.setAttribute('aria-label', this.tx(TEXT.stepActions));
    replace(this.body, counter, heading, skip, this.stepContent(step));

    replace(this.footer);
    if (step !== 'template')
      this.footer.appendChild(
        el(
          'button',
          { className: 'kp-secondary', attrs: { type: 'button' }, on: { click: () => this.go(stepAfter(step, -1)) } },
          this.tx(TEXT.back),
        ),
      );
    if (step !== 'generate') {
      const next = el(
        'button',
        {
          className: 'kp-next',
          attrs: { type: 'button', disabled: !canLeave(this.state, step) },
          on: { click: () => this.go(stepAfter(step, 1)) },
        },
        this.tx(TEXT.next),
      );
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
      case 'template':
        return templateStep(this);
      case 'kpis':
        return kpiStep(this);
      case 'extras':
        return extrasStep(this);
      case 'mapping':
        return mappingStep(this);
      case 'goals':
        return goalsStep(this);
      default:
        return generateStep(this);
    }
  }

  refreshNext(): void {
    const next = this.footer.querySelector<HTMLButtonElement>('.kp-next');
    if (next) next.disabled = !canLeave(this.state, this.state.step);
    this.nav.querySelectorAll('button').forEach((b, i) => {
      b.disabled = !(i < 2 || this.state.kpis.length > 0);
    });
  }

  fieldNames(refs: readonly string[]): string {
    return refs.map((f) => tr(fieldInfo(f as Parameters<typeof fieldInfo>[0]).name, this.state.locale)).join(', ');
  }

  /** The "achievable" check's series: the data's months merged with KPI History, else History alone. */
  histories(): Record<string, readonly (number | null)[]> {
    return goalHistories(this.info, this.dataHistory);
  }

  hasDashboard(): boolean {
    return this.info.existing.some((s) => s.marker === 'dashboard');
  }

  /** What reading KPI Goals back took from the sheet (or could not read), as the host reported when loading. */
  goalSheetNotices(): Node | null {
    const list = this.info.goalNotices ?? [];
    if (!list.length) return null;
    return el(
      'section',
      { className: 'kp-from-sheet', attrs: { 'aria-label': this.tx(TEXT.fromSheet) } },
      el('strong', {}, this.tx(TEXT.fromSheet)),
      this.noticeList(list),
    );
  }

  noticeList(list: readonly PlanNotice[]): Node | null {
    if (!list.length) return null;
    return el(
      'ul',
      { className: 'kp-messages', attrs: { 'aria-label': this.tx(TEXT.notices) } },
      ...list.map((n) => el('li', { className: n.level === 'warning' ? 'kp-warn' : 'kp-muted' }, n.text)),
    );
  }

  /** Re-reads the workbook after a write (new history, our sheets), keeping the manager's state. */
  async reload(): Promise<void> {
    try {
      this.info = await this.bridge.load();
    } catch {
      // the write succeeded; stale history only weakens the "achievable" hint
    }
  }
}
