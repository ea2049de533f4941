/**
 * Excel's built functions.js leaves out the registry's reader-facing text (scripts/strip-registry-docs.js,
 * as the Apps Script server does): Excel shows the help of functions.json, which keeps it, and the
 * runner's messages read only names, kinds and bounds. Needs `npm run build` first.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FUNCTIONS } from '../../core/functions';
import { DIST, FakeCustomFunctionsError, loadExcelFunctions } from '../support/hosts';

const bundle = readFileSync(join(DIST, 'office-addin/functions.js'), 'utf8');
const metadata = JSON.parse(readFileSync(join(DIST, 'office-addin/functions.json'), 'utf8')) as {
  functions: { id: string; description: string; parameters: { name: string; description: string }[] }[];
};

describe('registry text in Excel’s functions.js', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: help and descriptions only in functions.json', (_, fn) => {
    expect(bundle).not.toContain(fn.help);
    expect(bundle).not.toContain(fn.example.working);
    for (const p of fn.params) if (p.description.length > 40) expect(bundle).not.toContain(p.description);
    const listed = metadata.functions.find((m) => m.id === fn.name)!;
    expect(listed.description).toBe(fn.help);
    expect(listed.parameters.map((p) => p.description)).toEqual(fn.params.map((p) => p.description));
  });

  it('keeps what the runner and its messages need: names, kinds, bounds', () => {
    const { functions } = loadExcelFunctions();
    const romi = functions.get('ROMI')!;
    // (15,000 − 10,000) / 10,000 = 0.5
    expect(romi(15000, 10000, null)).toBeCloseTo(0.5, 12);
    const error = (args: unknown[]) => {
      try {
        romi(...args);
      } catch (e) {
        return e as FakeCustomFunctionsError;
      }
      throw new Error('ROMI did not refuse');
    };
    // the argument's name in the message, the margin's bound (#NUM!, which Excel shows without a message), the arity
    expect(error(['abc', 10000, null])).toMatchObject({ code: '#VALUE!', message: 'revenue, row 1: "abc" is text, not a number' });
    expect(error([15000, 10000, 1.5]).code).toBe('#NUM!');
    expect(error([15000, 10000, 0.5, 1]).message).toMatch(/ROMI takes at most 3 arguments, got 4/);
  });
});
