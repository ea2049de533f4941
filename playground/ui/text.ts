import { fill, Locale, localeFrom, t, Text, tr } from '../../core/dashboard/i18n';

/** Every word of the playground page around the sidebar, in English and French. */
export const PAGE_TEXT = {
  title: t('KPI Pilot playground', 'KPI Pilot, bac à sable'),
  heading: t('playground', 'bac à sable'),
  intro: t(
    'A local workbook on HyperFormula with every KPI Pilot function. Type =CAC( in a cell, or open the Examples.',
    'Un classeur local sur HyperFormula avec toutes les fonctions KPI Pilot. Tapez =CAC( dans une cellule, ou ouvrez les exemples.',
  ),
  download: t('Download workbook', 'Télécharger le classeur'),
  downloadFailed: t('Download failed: {msg}', 'Échec du téléchargement : {msg}'),
  reset: t('Reset to sample', 'Revenir à l’exemple'),
  shareReady: t('Share-ready', 'Prêt à partager'),
  shareReadyTitle: t(
    'Replaces every KPI Pilot formula by its value, with a banner, so a colleague without the add-in sees the numbers; the formulas are kept on a hidden sheet',
    'Remplace chaque formule KPI Pilot par sa valeur, avec un bandeau, pour qu’un collègue sans le complément voie les nombres ; les formules sont gardées sur une feuille masquée',
  ),
  resetConfirm: t(
    'Start over from the sample company? Your formulas, sheets and generated sheets in this browser are removed; the panel keeps its setup.',
    'Repartir de l’entreprise d’exemple ? Vos formules, feuilles et feuilles générées dans ce navigateur seront supprimées ; le panneau garde sa configuration.',
  ),
  skipGrid: t('Skip to the grid', 'Aller à la grille'),
  skipPanel: t('Skip to the KPI Pilot panel', 'Aller au panneau KPI Pilot'),
  skipSteps: t('Skip to the setup steps', 'Aller aux étapes de configuration'),
  address: t('Selected cell', 'Cellule sélectionnée'),
  formula: t('Formula of the selected cell', 'Formule de la cellule sélectionnée'),
  grid: t('Sheet {name}', 'Feuille {name}'),
  gridHelp: t(
    'Arrows move, Shift+arrows select, Ctrl+arrows jump to the data edge, Enter or F2 edits, Ctrl+C/V copy and paste, Ctrl+D/R fill, Ctrl+Z/Y undo and redo, Tab or Escape leave the grid.',
    'Flèches : déplacer ; Maj+flèches : sélectionner ; Ctrl+flèches : bord des données ; Entrée ou F2 : modifier ; Ctrl+C/V : copier, coller ; Ctrl+D/R : recopier ; Ctrl+Z/Y : annuler, rétablir ; Tab ou Échap : quitter la grille.',
  ),
  sheets: t('Sheets', 'Feuilles'),
  panel: t('KPI Pilot', 'KPI Pilot'),
  panelTabs: t('Panel', 'Panneau'),
  dashboard: t('Dashboard', 'Tableau de bord'),
  functions: t('Functions', 'Fonctions'),
  filter: t('Filter functions', 'Filtrer les fonctions'),
  insert: t('Insert {name} in the selected cell', 'Insérer {name} dans la cellule sélectionnée'),
  addSheet: t('Add sheet', 'Ajouter une feuille'),
  newSheetName: t('New sheet name', 'Nom de la nouvelle feuille'),
  exists: t('"{name}" already exists', '« {name} » existe déjà'),
  typeName: t('Type a name', 'Tapez un nom'),
  toolbar: t('Cell tools', 'Outils de cellule'),
  undo: t('Undo (Ctrl+Z)', 'Annuler (Ctrl+Z)'),
  redo: t('Redo (Ctrl+Y)', 'Rétablir (Ctrl+Y)'),
  fillDown: t('Fill down (Ctrl+D)', 'Recopier vers le bas (Ctrl+D)'),
  fillRight: t('Fill right (Ctrl+R)', 'Recopier à droite (Ctrl+R)'),
  percent: t('Format as percent', 'Format pourcentage'),
  currency: t('Format as currency', 'Format monétaire'),
  moreDecimals: t('More decimals', 'Plus de décimales'),
  fewerDecimals: t('Fewer decimals', 'Moins de décimales'),
  general: t('Default number format', 'Format des nombres par défaut'),
  suggestions: t('Functions matching what you type', 'Fonctions correspondant à la saisie'),
  allowed: t('Allowed values: {values}', 'Valeurs permises : {values}'),
  optional: t('optional', 'facultatif'),
  argumentMeaning: t('{name}: {meaning}', '{name} : {meaning}'),
  defaultIs: t('default {value}', 'par défaut {value}'),
  saveFailed: t('Could not keep the workbook in this browser: {msg}', 'Impossible de garder le classeur dans ce navigateur : {msg}'),
  restored: t(
    'Your workbook from this browser was restored. "Reset to sample" starts over.',
    'Votre classeur de ce navigateur a été restauré. « Revenir à l’exemple » repart de zéro.',
  ),
  working: t('Working… {step}', 'Calcul en cours… {step}'),
  pasteTooBig: t('The pasted block does not fit: at most {n} rows.', 'Le bloc collé ne tient pas : {n} lignes au plus.'),
} as const;

/** The page language: ?lang=fr or ?lang=en first, else the browser's. */
export function pageLocale(search: string, browser: string | undefined): Locale {
  const lang = new URLSearchParams(search).get('lang');
  return localeFrom(lang ?? browser);
}

export function text(locale: Locale, key: keyof typeof PAGE_TEXT, values: Record<string, string | number> = {}): string {
  return fill(tr(PAGE_TEXT[key] as Text, locale), values);
}
