/**
 * google.script.run for tests: the Sheets server API (apps-script/sidebar-api.ts) called
 * in-process, on the SpreadsheetApp fake installed as globals. Arguments and answers cross as JSON
 * text, as they do between the sidebar and Apps Script (a Date or undefined that would not cross
 * does not cross here either), and answers come later, never in the same tick.
 */
import * as server from '../../apps-script/sidebar-api';
import type { ScriptRun } from '../../sidebar/bridges/sheets';

const crossed = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

type Server = Readonly<Record<string, (...args: never[]) => unknown>>;

/** `before` runs just before each server function, by name: what another editor does meanwhile. */
export function inProcessRun(calls: string[] = [], before?: (name: string) => void): ScriptRun {
  return scriptRun(server, calls, before);
}

/** The same over any set of server functions (the built project's global stubs, say). */
export function scriptRun(functions: Server, calls: string[] = [], before?: (name: string) => void): ScriptRun {
  const make = (ok?: (v: unknown) => void, fail?: (e: Error) => void): ScriptRun => {
    const runner: ScriptRun = {
      withSuccessHandler: (fn) => make(fn, fail),
      withFailureHandler: (fn) => make(ok, fn),
    };
    for (const [name, fn] of Object.entries(functions)) {
      runner[name] = (...args: unknown[]) => {
        calls.push(name);
        const sent = args.map(crossed);
        // a microtask, not a timer: tests that fake the clock still get their answer
        void Promise.resolve().then(() => {
          let answer: unknown;
          try {
            before?.(name);
            answer = crossed((fn as (...a: unknown[]) => unknown)(...sent));
          } catch (e) {
            fail?.(e as Error);
            return;
          }
          ok?.(answer);
        });
      };
    }
    return runner;
  };
  return make();
}
