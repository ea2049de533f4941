/**
 * The "KPI Pilot" menu. onOpen runs in AuthMode.NONE for an add-on that is installed but not yet
 * used in this document, so it only builds the menu and touches nothing else.
 */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open KPI Pilot', 'showSidebar')
    .addItem('Function reference', 'showFunctionReference')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** The function reference, generated from the registry into dist/apps-script/functions-help.html. */
export function showFunctionReference(): void {
  const html = HtmlService.createHtmlOutputFromFile('functions-help').setTitle('KPI Pilot functions');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Opens the sidebar built into dist/apps-script/sidebar.html (one file, scripts and styles inlined). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('KPI Pilot');
  SpreadsheetApp.getUi().showSidebar(html);
}
