/**
 * The function reference inside the hosts: generated from the registry into the Sheets sidebar,
 * the Sheets "Function reference" page, the Excel task pane and Excel's help page (run after
 * npm run build). A user sees the reference itself, never a path into the project.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FUNCTIONS } from '../../core/functions';
import { signature } from '../../core/registry/signature';
import { defineFunction } from '../../core/registry/types';
import { escapeHtml, functionHelpHtml } from '../../sidebar/function-help';
import { DIST } from '../support/hosts';

const built = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe.each([
  ['Sheets sidebar', 'apps-script/sidebar.html', ''],
  ['Sheets function reference page', 'apps-script/functions-help.html', ''],
  ['Excel task pane', 'office-addin/taskpane.html', 'KPIPILOT.'],
  ['Excel help page', 'office-addin/help.html', 'KPIPILOT.'],
])('%s', (_host, file, prefix) => {
  const html = built(file);

  it('lists every registry function with its signature, as the user types it there', () => {
    expect(html.match(/<details class="kp-fn" id="kp-fn-[a-z_]+">/g)).toHaveLength(FUNCTIONS.length);
    for (const fn of FUNCTIONS) {
      expect(html).toContain(`id="kp-fn-${fn.name.toLowerCase()}"`);
      expect(html).toContain(`<code>${escapeHtml(prefix + signature(fn))}</code>`);
      for (const p of fn.params) expect(html).toContain(`<dt><code>${p.name}</code>`);
    }
  });

  it('sends the user to no file of the project', () => {
    expect(html).not.toMatch(/docs\/|\.md\b|in the project/);
  });
});

it('the Sheets menu item opens the generated page, not a note about the project', () => {
  const menu = readFileSync(join(__dirname, '../../apps-script/menu.ts'), 'utf8');
  expect(menu).toContain("createHtmlOutputFromFile('functions-help')");
  expect(menu).not.toMatch(/docs\//);
});

it('Excel help links of functions.json land on the entries of help.html', () => {
  const help = built('office-addin/help.html');
  const metadata = JSON.parse(built('office-addin/functions.json'));
  for (const f of metadata.functions as { helpUrl: string }[]) {
    const anchor = f.helpUrl.split('#')[1];
    expect(help).toContain(`id="${anchor}"`);
  }
});

it('folds under the sidebar and opens on its own page', () => {
  expect(built('apps-script/sidebar.html')).toContain('<details class="kp-help" id="kp-help" lang="en">');
  expect(built('apps-script/functions-help.html')).toContain('<details class="kp-help" id="kp-help" lang="en" open>');
});

it('escapes registry text and writes the worked example', () => {
  const fn = defineFunction({
    name: 'RATIO_TEST',
    section: 'Test <section>',
    help: 'a < b & "c"',
    params: [
      { name: 'x', kind: 'range', description: 'Values > 0.' },
      { name: 'y', kind: 'number', description: 'Scale.', optional: true, default: 2 },
    ] as const,
    result: 'number',
    example: { formula: '=RATIO_TEST({1;2}, 3)', result: 1 / 3, working: '1 / 3' },
    errors: ['#DIV/0! when <x> sums to 0'],
    impl: () => 0,
  });
  const html = functionHelpHtml([fn], { prefix: 'KPIPILOT.' });
  expect(html).toContain('<h4>Test &lt;section&gt;</h4>');
  expect(html).toContain('<code>KPIPILOT.RATIO_TEST</code> a &lt; b &amp; &quot;c&quot;</summary>');
  expect(html).toContain('<code>KPIPILOT.RATIO_TEST(x, [y=2])</code>');
  expect(html).toContain('<dt><code>y</code> (optional, default 2)</dt><dd>Scale.</dd>');
  // 1/3 shown to ten significant digits, then the working
  expect(html).toContain('Example: <code>=KPIPILOT.RATIO_TEST({1;2}, 3)</code> gives 0.3333333333: 1 / 3.');
  expect(html).toContain('<li>#DIV/0! when &lt;x&gt; sums to 0</li>');
  expect(html).not.toMatch(/<x>|<section>/);
});
