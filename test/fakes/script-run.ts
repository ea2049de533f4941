/**
 * google.script.run for tests: the Sheets server API (apps-script/sidebar-api.ts) called
 * in-process, on the SpreadsheetApp fake installed as globals. Arguments and answers cross as JSON
 * text, as they do between the sidebar and Apps Script (a Date anywhere fails the call, as there;
 * undefined does not cross), and answers come later, never in the same tick.
 */
import * as server from '../../apps-script/sidebar-api';
import type { ScriptRun } from '../../sidebar/bridges/sheets';

/** Apps Script refuses a call whose arguments or answer hold a Date anywhere (HtmlService: "Requests fail if you attempt to pass a Date"). */
function refuseDates(v: unknown, path: string): void {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    throw new Error(`a Date cannot cross google.script.run (at ${path})`);
  if (Array.isArray(v)) v.forEach((x, i) => refuseDates(x, `${path}[${i}]`));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) refuseDates(x, `${path}.${k}`);
}

const crossed = (v: unknown, path: string): unknown => {
  if (v === undefined) return undefined;
  refuseDates(v, path);
  return JSON.parse(JSON.stringify(v));
};

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
        const sent = args.map((a, i) => crossed(a, `${name} argument ${i + 1}`));
        // a microtask, not a timer: tests that fake the clock still get their answer
        void Promise.resolve().then(() => {
          let answer: unknown;
          try {
            before?.(name);
            answer = crossed((fn as (...a: unknown[]) => unknown)(...sent), `${name}'s answer`);
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
