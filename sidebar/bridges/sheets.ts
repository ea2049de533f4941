import type { DashboardSetup } from '../../core/dashboard';
import type { HostBridge } from '../bridge';

/**
 * The sidebar's bridge in Google Sheets: each call is google.script.run on the server API of
 * apps-script/sidebar-api.ts, wrapped in a promise. Only JSON crosses, so the setup travels as
 * text. The server cannot stream progress: the bar shows one step, then done.
 */

/** The server functions the sidebar may call, typed from the server module itself (a type import: no server code in the page). */
export type SheetsServerApi = typeof import('../../apps-script/sidebar-api');

/** The part of google.script.run the sidebar uses (the client-side typings are not installed). */
export interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** Calls one server function; rejects with the server's error (its message is the KpiError text). */
export function callServer<K extends keyof SheetsServerApi>(
  run: ScriptRun,
  name: K,
  ...args: Parameters<SheetsServerApi[K]>
): Promise<ReturnType<SheetsServerApi[K]>> {
  return new Promise((ok, fail) => {
    const runner = run.withSuccessHandler((v) => ok(v as ReturnType<SheetsServerApi[K]>)).withFailureHandler(fail);
    const fn = runner[name];
    if (typeof fn !== 'function') {
      fail(new Error(`the server has no function ${name}: push the add-on again`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export function createSheetsBridge(run: ScriptRun = google!.script.run): HostBridge {
  return {
    host: 'sheets',
    load: () => callServer(run, 'getSidebarState'),
    save: async (setup: DashboardSetup) => {
      await callServer(run, 'saveSetup', JSON.stringify(setup));
    },
    async generate(setup, asOf, progress) {
      progress?.('KPI Dashboard', 0, 1);
      const result = await callServer(run, 'generateDashboard', JSON.stringify(setup), asOf);
      progress?.('KPI Dashboard', 1, 1);
      return result;
    },
    snapshot: () => callServer(run, 'snapshotNow'),
    dataHistory: (setup: DashboardSetup) => callServer(run, 'getDataHistory', JSON.stringify(setup)),
    alerts: () => callServer(run, 'getAlerts'),
    setDailyAlerts: (on: boolean) => callServer(run, 'setDailyAlerts', on),
    share: { prepare: () => callServer(run, 'prepareForSharing'), makeLive: () => callServer(run, 'makeLiveAgain') },
    confirmRecipients: (addresses: string[]) => callServer(run, 'confirmDigestRecipients', addresses),
  };
}
