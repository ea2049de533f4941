/**
 * What browser.test.ts bundles for headless Chromium: the export module with the sample company
 * and the planner, so the whole "Download workbook" path runs in a page. Test support only.
 */
export { workbookToXlsx } from '../../playground/export/xlsx';
export { dashboardWorkbookSheets } from '../../playground/export/plan-sheets';
export { generateSample } from '../../playground/sample/company';
export { buildPlan } from '../../core/dashboard/planner';
export { detectMapping } from '../../core/dashboard/mapping';
