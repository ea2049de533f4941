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

export function showFunctionReference(): void {
  const html = HtmlService.createHtmlOutput(
    '<p style="font-family:sans-serif">KPI Pilot adds functions such as <code>=CAC()</code>, <code>=LTV()</code> and <code>=ROMI()</code>. ' +
      'Type <code>=</code> and a name to see its arguments. The full reference is docs/reference/functions.md in the project.</p>',
  ).setTitle('KPI Pilot functions');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Opens the sidebar built into dist/apps-script/sidebar.html (one file, scripts and styles inlined). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('KPI Pilot');
  SpreadsheetApp.getUi().showSidebar(html);
}
