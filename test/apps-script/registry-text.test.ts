/**
 * The built Apps Script server leaves out the registry's reader-facing text and the KPI catalog's
 * (scripts/strip-registry-docs.js): Sheets evaluates kpi-core.js on every custom-function call,
 * reads the help from the stubs' JSDoc, and the sidebar explains the KPIs. Needs `npm run build` first.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import vm from 'vm';
import { CATALOG } from '../../core/dashboard/catalog';
import { FUNCTIONS } from '../../core/functions';
import { DIST } from '../support/hosts';

const core = readFileSync(join(DIST, 'apps-script/kpi-core.js'), 'utf8');
const stubs = readFileSync(join(DIST, 'apps-script/functions.js'), 'utf8');
const page = readFileSync(join(DIST, 'apps-script/sidebar.html'), 'utf8');

describe('registry text in the Apps Script server', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: help and descriptions only in the stubs', (_, fn) => {
    expect(core).not.toContain(fn.help);
    expect(core).not.toContain(fn.example.working);
    for (const p of fn.params) if (p.description.length > 40) expect(core).not.toContain(p.description);
    expect(stubs).toContain(fn.help);
  });

  it.each(CATALOG.map((k) => [k.id, k] as const))(
    '%s: the catalog keeps its name on the server, its explanations in the sidebar',
    (_, k) => {
      for (const text of [k.description.en, k.description.fr, ...k.hints.flatMap((h) => [h.en, h.fr])]) {
        expect(core).not.toContain(text);
        expect(page).toContain(text);
      }
      expect(core).toContain(JSON.stringify(k.name.en));
    },
  );

  it('keeps what the runner and its messages need: names, kinds, bounds', () => {
    const context = vm.createContext({ console });
    for (const file of ['kpi-core.js', 'functions.js'])
      vm.runInContext(readFileSync(join(DIST, 'apps-script', file), 'utf8'), context, { filename: file });
    expect(vm.runInContext('ROMI(15000, 10000)', context)).toBeCloseTo(0.5, 12);
    expect(() => vm.runInContext('ROMI(15000, 10000, 1.5)', context)).toThrow(/gross_margin.*fraction between 0 and 1/);
    expect(() => vm.runInContext("KPIPilot.callFromSheets('ROMI', [15000, 10000, 0.5, 1])", context)).toThrow(
      /ROMI takes at most 3 arguments, got 4/,
    );
  });
});
