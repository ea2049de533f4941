import { fill, Locale, PlanNotice, t, tr } from '../core/dashboard';
import type { ShareActions, ShareResult } from './bridge';
import { el, replace, uid } from './dom';

/**
 * The sidebar's "Share with colleagues" section: what a colleague without the add-in would see as
 * errors (the planner's notice, every sheet and card), and the actions "Prepare for sharing",
 * "Make live again" and, in Excel, "Repair KPI Pilot formulas". Kept out of app.ts: it only needs
 * the host's ShareActions and the latest notices.
 */
const TEXT = {
  heading: t('Share with colleagues', 'Partager avec des collègues'),
  intro: t(
    'Prepare for sharing replaces every KPI Pilot formula by its current value, with a banner on each sheet it changes, so a colleague without the add-in sees the numbers. The formulas are kept in the workbook (hidden sheet "KPI Pilot formulas"): Make live again puts them all back.',
    'Préparer pour le partage remplace chaque formule KPI Pilot par sa valeur actuelle, avec un bandeau sur chaque feuille modifiée : un collègue sans le module voit les chiffres. Les formules restent dans le classeur (feuille masquée « KPI Pilot formulas ») : Rendre dynamique les rétablit toutes.',
  ),
  prepare: t('Prepare for sharing', 'Préparer pour le partage'),
  makeLive: t('Make live again', 'Rendre dynamique'),
  repair: t('Repair KPI Pilot formulas', 'Réparer les formules KPI Pilot'),
  repairHint: t(
    'Use it when KPI Pilot cells show #NAME? after opening a file saved before the add-in was installed or while it failed to load: it re-enters every KPI Pilot formula.',
    'À utiliser quand des cellules KPI Pilot affichent #NAME? dans un fichier enregistré avant l’installation du module ou pendant un échec de chargement : chaque formule KPI Pilot est ressaisie.',
  ),
  prepared: t('Ready to share: {n} formulas frozen on {sheets}.', 'Prêt à partager : {n} formules figées sur {sheets}.'),
  nothing: t('Nothing to freeze: no cell calls a KPI Pilot function.', 'Rien à figer : aucune cellule n’appelle une fonction KPI Pilot.'),
  live: t('Live again: {n} formulas restored on {sheets}.', 'De nouveau dynamique : {n} formules rétablies sur {sheets}.'),
  repaired: t('{n} KPI Pilot formulas re-entered on {sheets}.', '{n} formules KPI Pilot ressaisies sur {sheets}.'),
  failed: t('That did not work: {msg}', 'Échec : {msg}'),
};

export interface ShareSection {
  readonly element: HTMLElement;
  /** Shows the planner's notice of what needs the add-in (after a generation). */
  showNeeds(notices: readonly PlanNotice[]): void;
}

export function shareSection(actions: ShareActions, locale: Locale): ShareSection {
  const tx = (x: (typeof TEXT)[keyof typeof TEXT], v: Record<string, string | number> = {}) => fill(tr(x, locale), v);
  const heading = uid('share');
  const needs = el('p', { className: 'kp-warn' });
  needs.hidden = true;
  const status = el('div', { className: 'kp-share-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const buttons: HTMLButtonElement[] = [];
  const action = (label: string, run: () => Promise<ShareResult>, done: (r: ShareResult) => string, describedBy?: string) => {
    const b = el(
      'button',
      { className: 'kp-secondary', attrs: { type: 'button', ...(describedBy ? { 'aria-describedby': describedBy } : {}) } },
      label,
    );
    b.addEventListener('click', async () => {
      buttons.forEach((x) => (x.disabled = true));
      b.setAttribute('aria-busy', 'true');
      try {
        const r = await run();
        replace(status, el('p', { className: 'kp-ok' }, r.formulas ? done(r) : tx(TEXT.nothing)));
      } catch (e) {
        replace(
          status,
          el(
            'p',
            { className: 'kp-error', attrs: { role: 'alert' } },
            tx(TEXT.failed, { msg: e instanceof Error ? e.message : String(e) }),
          ),
        );
      } finally {
        buttons.forEach((x) => (x.disabled = false));
        b.removeAttribute('aria-busy');
      }
    });
    buttons.push(b);
    return b;
  };
  const summary = (r: ShareResult) => ({ n: r.formulas, sheets: r.sheets.join(', ') });
  const section = el(
    'section',
    { className: 'kp-share', attrs: { 'aria-labelledby': heading } },
    el('h3', { id: heading }, tx(TEXT.heading)),
    needs,
    el('p', { className: 'kp-muted' }, tx(TEXT.intro)),
    action(
      tx(TEXT.prepare),
      () => actions.prepare(),
      (r) => tx(TEXT.prepared, summary(r)),
    ),
    action(
      tx(TEXT.makeLive),
      () => actions.makeLive(),
      (r) => tx(TEXT.live, summary(r)),
    ),
  );
  if (actions.repair) {
    const hint = uid('repair');
    section.append(
      action(
        tx(TEXT.repair),
        () => actions.repair!(),
        (r) => tx(TEXT.repaired, summary(r)),
        hint,
      ),
      el('p', { id: hint, className: 'kp-muted' }, tx(TEXT.repairHint)),
    );
  }
  section.append(status);
  return {
    element: section,
    showNeeds(notices) {
      const n = notices.find((x) => x.code === 'custom_functions');
      needs.textContent = n?.text ?? '';
      needs.hidden = !n;
    },
  };
}
