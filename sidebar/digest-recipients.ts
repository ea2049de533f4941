import { fill, Locale, t, tr } from '../core/dashboard/i18n';
import type { DigestRecipient } from '../core/dashboard/alerts/recipients';
import type { AlertsStatus } from './bridge';
import { el } from './dom';

/**
 * The daily digest's recipient list (Sheets): every address the goal owners name, and whether the
 * digest may write to it. Shown when the digest is switched on and again whenever the list
 * changed since the account that switched it on last saw it; that account can confirm addresses
 * outside its domain here (until then their digest comes to it). Addresses are text, never HTML.
 */
const RT = {
  heading: t('Who gets the daily digest', 'Qui reçoit le récapitulatif quotidien'),
  changed: t(
    'The owners’ addresses changed since you last saw this list.',
    'Les adresses des responsables ont changé depuis votre dernière consultation de cette liste.',
  ),
  none: t(
    'No goal owner has an e-mail address: every digest comes to you.',
    'Aucun responsable d’objectif n’a d’adresse e-mail : tous les récapitulatifs vous parviennent.',
  ),
  account: t('you', 'vous'),
  domain: t('your domain', 'votre domaine'),
  confirmed: t('confirmed', 'confirmée'),
  unconfirmed: t(
    'outside your domain: its digest comes to you until you confirm it',
    'hors de votre domaine : son récapitulatif vous parvient tant que vous ne l’avez pas confirmée',
  ),
  unconfirmedOther: t(
    'outside the domain of the account that switched the digest on, which must confirm it',
    'hors du domaine du compte qui a activé le récapitulatif ; ce compte doit la confirmer',
  ),
  kpis: t('{address} ({kpis}): {status}', '{address} ({kpis}) : {status}'),
  confirm: t('Confirm {address}', 'Confirmer {address}'),
  seen: t('OK, I have seen this list', 'J’ai vu cette liste'),
};

export interface RecipientActions {
  /** Confirms addresses (none: only records that the list was seen); resolves with the new status. */
  confirm(addresses: string[]): Promise<void>;
}

/** Whether the panel should be shown: right after switching on, or when the list changed. */
export function showRecipients(status: AlertsStatus | null, justSwitchedOn: boolean): boolean {
  return !!status?.daily && !!status.recipients && (justSwitchedOn || !!status.recipientsChanged);
}

export function recipientsPanel(status: AlertsStatus, locale: Locale, actions: RecipientActions): HTMLElement {
  const list = status.recipients ?? [];
  const canConfirm = !!status.canConfirmRecipients;
  const item = (r: DigestRecipient) => {
    const statusText =
      r.status === 'unconfirmed' ? tr(canConfirm ? RT.unconfirmed : RT.unconfirmedOther, locale) : tr(RT[r.status], locale);
    const line = fill(tr(RT.kpis, locale), { address: r.address, kpis: r.kpis.join(', '), status: statusText });
    const button =
      canConfirm && r.status === 'unconfirmed'
        ? el(
            'button',
            {
              className: 'kp-link',
              attrs: { type: 'button', 'data-confirm': r.address },
              on: { click: () => void actions.confirm([r.address]) },
            },
            fill(tr(RT.confirm, locale), { address: r.address }),
          )
        : null;
    return el(
      'li',
      { className: r.status === 'unconfirmed' ? 'kp-warn' : 'kp-muted', attrs: { 'data-address': r.address } },
      line,
      button ? ' ' : null,
      button,
    );
  };
  return el(
    'div',
    { className: 'kp-recipients', attrs: { role: 'group', 'aria-label': tr(RT.heading, locale) } },
    el('strong', {}, tr(RT.heading, locale)),
    status.recipientsChanged ? el('p', { className: 'kp-warn' }, tr(RT.changed, locale)) : null,
    list.length ? el('ul', {}, ...list.map(item)) : el('p', { className: 'kp-muted' }, tr(RT.none, locale)),
    canConfirm
      ? el('button', { attrs: { type: 'button', 'data-seen': 'true' }, on: { click: () => void actions.confirm([]) } }, tr(RT.seen, locale))
      : null,
  );
}
