import { createSheetsBridge, ScriptRun } from '../../sidebar/bridges/sheets';
import type { WorkbookInfo } from '../../sidebar/bridge';

/** The Sheets bridge over a fake google.script.run: names, arguments, results and failures. */
function fakeRun(server: Record<string, (...args: unknown[]) => unknown>): { run: ScriptRun; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const make = (ok?: (v: unknown) => void, fail?: (e: Error) => void): ScriptRun => {
    const runner: ScriptRun = {
      withSuccessHandler: (fn) => make(fn, fail),
      withFailureHandler: (fn) => make(ok, fn),
    };
    for (const [name, impl] of Object.entries(server)) {
      runner[name] = (...args: unknown[]) => {
        calls.push([name, args]);
        // google.script.run answers later, never in the same tick
        setTimeout(() => {
          try {
            ok?.(impl(...args));
          } catch (e) {
            fail?.(e as Error);
          }
        }, 0);
      };
    }
    return runner;
  };
  return { run: make(), calls };
}

const INFO: WorkbookInfo = { sheets: [], existing: [], locale: 'fr', setup: null, history: {}, today: '2026-11-26' };
const SETUP = { v: 1 as const, locale: 'en' as const, kpis: ['mrr' as const], mapping: {}, goals: [] };

it('calls the server API by name with JSON text, and returns its answers', async () => {
  const { run, calls } = fakeRun({
    getSidebarState: () => ({ ...INFO, goals: null, generated: null }),
    saveSetup: () => undefined,
    readDashboardInputs: () => ({ asOf: '2026-10-31', existing: [], goals: null, generated: null, stamp: 'k-1' }),
    applyDashboardPlan: () => ({ sheets: ['KPI Dashboard'] }),
    snapshotNow: () => ({ appended: 1, skipped: [] }),
  });
  const bridge = createSheetsBridge(run);
  expect(bridge.host).toBe('sheets');
  expect(await bridge.load()).toEqual(INFO);
  await bridge.save(SETUP);
  const steps: number[] = [];
  const result = await bridge.generate(SETUP, '2026-10-31', (_s, done) => steps.push(done));
  expect(result.sheets).toEqual(['KPI Dashboard']);
  expect(result.setup).toEqual(SETUP);
  expect(await bridge.snapshot()).toEqual({ appended: 1, skipped: [] });
  expect(calls.map(([name]) => name)).toEqual(['getSidebarState', 'saveSetup', 'readDashboardInputs', 'applyDashboardPlan', 'snapshotNow']);
  expect(calls[1][1]).toEqual([JSON.stringify(SETUP)]);
  expect(calls[2][1]).toEqual([JSON.stringify(SETUP), '2026-10-31']);
  // the plan is built here, in the page, and sent as JSON text with the setup and the stamp of the read
  const [planJson, setupJson, stamp] = calls[3][1] as string[];
  expect(JSON.parse(planJson)).toMatchObject({ version: 1, locale: 'en', snapshot: { kpis: ['mrr'], historySheet: 'KPI History' } });
  expect([setupJson, stamp]).toEqual([JSON.stringify(SETUP), 'k-1']);
  expect(steps).toEqual([0, 1]);
});

it('rejects with the server’s error, and names a missing server function', async () => {
  const { run } = fakeRun({
    getSidebarState: () => {
      throw new Error('Another generation is running: try again in a minute');
    },
  });
  const bridge = createSheetsBridge(run);
  await expect(bridge.load()).rejects.toThrow('Another generation is running');
  await expect(bridge.snapshot()).rejects.toThrow('the server has no function snapshotNow');
});

it('asks the server for alerts and switches the daily digest by the fixed names', async () => {
  const status = { daily: false, dailyAvailable: true, breaches: [] };
  const { run, calls } = fakeRun({
    getAlerts: () => status,
    setDailyAlerts: (on) => ({ ...status, daily: on }),
  });
  const bridge = createSheetsBridge(run);
  expect(await bridge.alerts()).toEqual(status);
  expect(await bridge.setDailyAlerts(true)).toEqual({ ...status, daily: true });
  expect(await bridge.setDailyAlerts(false)).toEqual(status);
  expect(calls).toEqual([
    ['getAlerts', []],
    ['setDailyAlerts', [true]],
    ['setDailyAlerts', [false]],
  ]);
});

it('names a missing alerts function (a server pushed before alerts existed)', async () => {
  const bridge = createSheetsBridge(fakeRun({}).run);
  await expect(bridge.alerts()).rejects.toThrow('the server has no function getAlerts: push the add-on again');
  await expect(bridge.setDailyAlerts(true)).rejects.toThrow('the server has no function setDailyAlerts');
});

it('validates a setup in full before it crosses: an invalid one reaches no server function', async () => {
  const { run, calls } = fakeRun({ saveSetup: () => undefined, readDashboardInputs: () => null });
  const bridge = createSheetsBridge(run);
  const bad = { ...SETUP, template: 'nope' } as unknown as typeof SETUP;
  await expect(bridge.save(bad)).rejects.toThrow('setup template "nope" is unknown');
  await expect(bridge.generate(bad, '2026-10-31')).rejects.toThrow('setup template "nope" is unknown');
  const huge = { ...SETUP, goals: [{ kpi: 'mrr' as const, owner: 'x'.repeat(9000) }] };
  await expect(bridge.save(huge)).rejects.toThrow(/more than the 9000 a document property holds/);
  expect(calls).toEqual([]);
});
