import { alertLabel, Breach, CATALOG, formatValue, Locale, Unit } from '../../core/dashboard';
import type { AlertsStatus } from '../bridge';
import { recipientsPanel, showRecipients } from '../digest-recipients';
import { checkboxChoice, el, replace, uid } from '../dom';
import { withDailyStatus } from '../state';
import { TEXT } from '../text';
import { message, StepContext } from './context';

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

/**
 * The alerts panel of the generate step: the KPIs in breach now, as the host reads them from the
 * generated dashboard, and on Sheets the daily digest switch with its recipients.
 */
export class AlertsPanel {
  /** The host's last answer to alerts(), null until it answers. */
  private status: AlertsStatus | null = null;
  /** The error text when it failed. */
  private error = '';
  private loading = false;
  /** Where the panel is drawn, while the generate step is shown. */
  host: HTMLElement | null = null;

  constructor(private readonly ctx: StepContext) {}

  /** Asks the host for the breaches now (and the daily digest's state), then shows them if the generate step is open. */
  async refresh(): Promise<void> {
    if (!this.ctx.hasDashboard()) {
      this.render();
      return;
    }
    this.loading = true;
    this.render();
    try {
      this.status = await this.ctx.bridge.alerts();
      this.error = '';
      this.ctx.state = withDailyStatus(this.ctx.state, this.status);
    } catch (e) {
      this.error = message(e);
    } finally {
      this.loading = false;
      this.render();
    }
  }

  render(): void {
    const host = this.host;
    if (!host) return;
    const parts: Node[] = [];
    const status = this.status;
    if (!this.ctx.hasDashboard()) parts.push(el('p', { className: 'kp-muted' }, this.ctx.tx(TEXT.alertsNoDashboard)));
    else if (this.loading && !status) parts.push(el('p', { className: 'kp-muted' }, this.ctx.tx(TEXT.alertsLoading)));
    if (this.error) parts.push(el('p', { className: 'kp-error' }, this.ctx.tx(TEXT.failed, { msg: this.error })));
    if (status && this.ctx.hasDashboard()) {
      if (!status.breaches.length) parts.push(el('p', { className: 'kp-ok' }, this.ctx.tx(TEXT.alertsNone)));
      else {
        parts.push(el('p', { className: 'kp-warn' }, this.ctx.tx(TEXT.alertsCount, { n: status.breaches.length })));
        parts.push(
          el(
            'ul',
            { className: 'kp-breaches', attrs: { 'aria-label': this.ctx.tx(TEXT.breachesLabel) } },
            ...status.breaches.map((b) => this.breachItem(b)),
          ),
        );
      }
    }
    if (status?.dailyAvailable) parts.push(this.dailySwitch(status));
    // unchanged text is not replaced, so screen readers do not hear it again
    const probe = el('div', {}, ...parts);
    if (host.dataset.text === probe.textContent + String(status?.daily)) return;
    host.dataset.text = probe.textContent + String(status?.daily);
    replace(host, ...parts);
    host.setAttribute('aria-busy', String(this.loading));
  }

  /** One breach: KPI, value, why (kind), the threshold crossed, the owner. */
  private breachItem(b: Breach): HTMLElement {
    const L = this.ctx.state.locale;
    const name = CATALOG.some((k) => k.id === b.kpi) ? this.ctx.name(b.kpi) : b.name;
    const details = [this.ctx.tx(TEXT.breachValue, { value: shownNumber(b.value, b.unit, L) }), alertLabel(b.kinds, L)];
    if (b.threshold !== null) details.push(this.ctx.tx(TEXT.breachThreshold, { threshold: shownNumber(b.threshold, b.unit, L) }));
    if (b.owner) details.push(this.ctx.tx(TEXT.breachOwner, { owner: b.owner }));
    return el(
      'li',
      { attrs: { 'data-kpi': b.kpi } },
      el('strong', {}, name),
      el('span', { className: 'kp-muted' }, ' ' + details.join(' · ')),
    );
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
      const confirm = this.ctx.bridge.confirmRecipients;
      const panel =
        confirm && showRecipients(s, justSwitchedOn)
          ? recipientsPanel(s, this.ctx.state.locale, {
              confirm: async (addresses) => {
                try {
                  const next = await confirm(addresses);
                  this.status = { ...next };
                  showList(next, addresses.length > 0); // after a confirmation the list stays to show it
                } catch (e) {
                  result.className = 'kp-error';
                  result.textContent = this.ctx.tx(TEXT.failed, { msg: message(e) });
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
        const next = await this.ctx.bridge.setDailyAlerts(on);
        this.status = { ...next };
        this.ctx.state = withDailyStatus(this.ctx.state, next);
        box.checked = next.daily;
        result.className = 'kp-ok';
        result.textContent = this.ctx.tx(next.daily ? TEXT.dailyOn : TEXT.dailyOff);
        showList(next, on);
      } catch (e) {
        box.checked = !on;
        result.className = 'kp-error';
        result.textContent = this.ctx.tx(TEXT.failed, { msg: message(e) });
      } finally {
        box.disabled = false;
      }
    });
    return el(
      'div',
      { className: 'kp-daily' },
      checkboxChoice(box, this.ctx.tx(TEXT.daily), el('span', { id: hintId, className: 'kp-muted' }, this.ctx.tx(TEXT.dailyHint))),
      result,
      recipients,
    );
  }
}
