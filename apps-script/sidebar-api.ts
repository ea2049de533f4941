/**
 * Every server function the sidebar calls through google.script.run, listed once. server.ts
 * re-exports them into the bundle, the build writes one top-level stub each
 * (scripts/generate/apps-script.ts, keyed by these exports) and the sidebar's client is typed
 * from this module (sidebar/bridges/sheets.ts), so a rename breaks the build, not the add-on.
 */
export { getSidebarState, saveSetup, snapshotNow } from './dashboard/server-api';
export { readDashboardInputs, applyDashboardPlan, recordGeneratedDashboard } from './dashboard/generate';
export { readDataColumns } from './dashboard/data-history';
export { prepareForSharing, makeLiveAgain } from './dashboard/share';
export { getAlerts, setDailyAlerts, confirmDigestRecipients } from './dashboard/alerts';
