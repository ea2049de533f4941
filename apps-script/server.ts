/**
 * The Apps Script server's public API, bundled as the global `KPIPilot`. Apps Script sees only
 * top-level function declarations, so the build generates one stub per function that calls in here.
 */
export { callFromSheets } from './custom-functions';
export { onOpen, onInstall, showSidebar, showFunctionReference } from './menu';
export * from './sidebar-api';
export { sendDailyDigest } from './dashboard/alerts';
