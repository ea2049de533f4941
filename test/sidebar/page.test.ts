import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { inlineScript, sidebarPage } from '../../sidebar/page';

/** The sidebar pages: one self-contained file for Sheets, with a script HtmlService will not mangle. */
const built = join(__dirname, '../../dist/apps-script/sidebar.html');

it('keeps an inlined script from closing its own tag', () => {
  expect(inlineScript('var s = "</script><!--";')).toBe('var s = "<\\/script><\\!--";');
  const page = sidebarPage({ css: '.kp{}', script: 'var a = "</SCRIPT>";' });
  expect(page.match(/<\/script>/gi)).toHaveLength(1);
  expect(page).toContain('<main id="app"');
});

it('loads Office.js in the head and the task pane script after #app', () => {
  const page = sidebarPage({ css: '', scripts: ['office.js', 'functions.js'], bodyScripts: ['taskpane.js'] });
  expect(page.indexOf('office.js')).toBeLessThan(page.indexOf('</head>'));
  expect(page.indexOf('taskpane.js')).toBeGreaterThan(page.indexOf('id="app"'));
});

(existsSync(built) ? describe : describe.skip)('the built dist/apps-script/sidebar.html (npm run build)', () => {
  const html = existsSync(built) ? readFileSync(built, 'utf8') : '';
  const script = /<script>\n([\s\S]*)\n<\/script>/.exec(html)?.[1] ?? '';

  it('is one file: inline script and style, nothing loaded from elsewhere', () => {
    expect(script.length).toBeGreaterThan(10000);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script src=|<link /);
  });

  it('has no template literal left: no backtick anywhere', () => {
    expect(html.includes('`')).toBe(false);
  });

  it('is ES5: no arrow functions, let/const or classes in the script', () => {
    // a crude but sufficient scan: these tokens outside strings would not parse in ES5
    const code = script.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
    expect(code).not.toMatch(/=>|\bconst |\blet |\bclass [A-Za-z_$]/);
    expect(() => new Function(script)).not.toThrow(); // it parses
  });
});
