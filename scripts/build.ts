/**
 * `npm run build`: bundles the hosts with webpack, then writes everything generated from the
 * registry: Apps Script stubs and manifest, Excel functions.json and manifest.xml, the function
 * reference in docs/. One command, so nothing generated can drift from core/functions.
 *
 * `npm run build:dev` (--dev --watch): unminified bundles with source maps, rebuilt on every save;
 * the generated files are rewritten after each rebuild by a fresh process (--generate-only), so a
 * registry change reaches the stubs and the reference without restarting the watch.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import webpack from 'webpack';
import { FUNCTIONS } from '../core/functions';
import { appsScriptFunctions, appsScriptManifest } from './generate/apps-script';
import { functionsJson } from './generate/functions-json';
import { manifestXml } from './generate/manifest';
import { functionsReference, withFunctionTable } from './generate/docs';
import { iconPng } from './generate/icons';
import { precompress } from './generate/precompress';
import { sidebarPage } from '../sidebar/page';
import { functionHelpHtml, functionHelpPage } from '../sidebar/function-help';
import { EXCEL_NAMESPACE } from '../core/excel-namespace';
import { FUNCTION_TABLE_FILE, REFERENCE_FILE } from './generate/in-repo';

const root = resolve(__dirname, '..');
const dist = join(root, 'dist');
const pkg = require(join(root, 'package.json')) as { version: string };
/** Where the Excel add-in files are served: the dev server by default, your host in production. */
const addinBaseUrl = (process.env.ADDIN_BASE_URL ?? 'https://localhost:3000').replace(/\/$/, '');
/** Other origins the task pane opens pages from, comma-separated (none by default). */
const addinAppDomains = (process.env.ADDIN_APP_DOMAINS ?? '')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean);

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

const flags = new Set(process.argv.slice(2));
const dev = flags.has('--dev');

/**
 * Development bundles: not minified, with source maps next to the browser bundles. The Apps Script
 * server and the inlined Sheets sidebar get none (Apps Script and HtmlService cannot use them) but
 * stay readable, so their stack traces point at recognisable code.
 */
function devConfig(config: webpack.Configuration): webpack.Configuration {
  const mapped = config.name !== 'apps-script' && config.name !== 'sidebar-sheets';
  return {
    ...config,
    mode: 'development',
    devtool: mapped ? 'source-map' : false,
    optimization: { ...config.optimization, minimize: false },
  };
}

function configs(): webpack.Configuration[] {
  const all = require(join(root, 'webpack.config.js')) as webpack.Configuration[];
  return dev ? all.map(devConfig) : all;
}

function failed(stats: webpack.MultiStats): boolean {
  if (!stats.hasErrors()) return false;
  console.error(stats.toString({ all: false, errors: true }));
  return true;
}

async function bundle(): Promise<void> {
  const stats = await new Promise<webpack.MultiStats>((ok, fail) =>
    webpack(configs(), (err?: Error | null, s?: webpack.MultiStats) => (err || !s ? fail(err) : ok(s))),
  );
  if (failed(stats)) process.exit(1);
}

/** Rebuilds on every save; after each good rebuild a fresh process writes the generated files. */
function watch(): void {
  webpack(configs()).watch({ aggregateTimeout: 300 }, (err, stats) => {
    if (err || !stats) return console.error(err);
    if (failed(stats)) return;
    const generated = spawnSync(process.execPath, [...process.execArgv, __filename, '--generate-only', ...(dev ? ['--dev'] : [])], {
      stdio: 'inherit',
    });
    if (generated.status === 0) console.log(`rebuilt at ${new Date().toLocaleTimeString()}; watching for changes (Ctrl-C stops)`);
  });
}

async function main(): Promise<void> {
  if (flags.has('--watch')) return watch();
  const started = Date.now();
  if (!flags.has('--generate-only')) await bundle();
  generate(started);
}

/** Everything written from the registry, into dist/ and into the repository (scripts/generate/in-repo.ts). */
function generate(started: number): void {
  // the Sheets sidebar: one HTML file with its ES5 script and style inlined (HtmlService serves one file)
  // each with the function reference under the app, generated from the registry (sidebar/function-help.ts)
  const helpCss = readFileSync(join(root, 'sidebar/function-help.css'), 'utf8');
  const sidebarCss = readFileSync(join(root, 'sidebar/sidebar.css'), 'utf8') + '\n' + helpCss;
  const sidebarJs = readFileSync(join(dist, '.build/sidebar.js'), 'utf8');
  const sheetsHelp = { prefix: '' };
  const excelHelp = { prefix: `${EXCEL_NAMESPACE}.` };
  write(
    join(dist, 'apps-script/sidebar.html'),
    sidebarPage({ css: sidebarCss, script: sidebarJs, help: functionHelpHtml(FUNCTIONS, sheetsHelp) }),
  );
  write(join(dist, 'apps-script/functions-help.html'), functionHelpPage(FUNCTIONS, { ...sheetsHelp, css: helpCss }));

  write(join(dist, 'apps-script/functions.js'), appsScriptFunctions(FUNCTIONS));
  // SHEETS_DAILY_EMAIL=off: a build without the daily alert e-mail and its three scopes
  write(join(dist, 'apps-script/appsscript.json'), appsScriptManifest({ dailyEmail: process.env.SHEETS_DAILY_EMAIL !== 'off' }));

  const office = join(dist, 'office-addin');
  write(join(office, 'functions.json'), functionsJson(FUNCTIONS, `${addinBaseUrl}/help.html`));
  write(
    join(office, 'manifest.xml'),
    manifestXml({
      version: pkg.version,
      baseUrl: addinBaseUrl,
      appDomains: addinAppDomains,
      supportUrl: process.env.ADDIN_SUPPORT_URL || undefined,
    }),
  );
  for (const size of [16, 32, 64, 80]) write(join(office, `assets/icon-${size}.png`), iconPng(size));
  write(join(office, 'help.html'), functionHelpPage(FUNCTIONS, { ...excelHelp, css: helpCss }));
  write(
    join(office, 'taskpane.html'),
    sidebarPage({
      css: sidebarCss,
      scripts: ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'functions.js'],
      bodyScripts: ['taskpane.js'],
      help: functionHelpHtml(FUNCTIONS, excelHelp),
    }),
  );

  for (const file of ['index.html', 'styles.css']) copyFileSync(join(root, 'playground/ui', file), join(dist, 'playground', file));
  copyFileSync(join(root, 'sidebar/sidebar.css'), join(dist, 'playground/sidebar.css'));

  // served compressed: .br and .gz copies next to each text asset (last, once every file is written)
  const compressed = [...precompress(join(dist, 'playground')), ...precompress(office)];
  const sum = (key: 'bytes' | 'brotli') => compressed.reduce((total, c) => total + c[key], 0);

  write(join(root, REFERENCE_FILE), functionsReference(FUNCTIONS));
  const readme = join(root, FUNCTION_TABLE_FILE);
  const current = readFileSync(readme, 'utf8');
  const updated = withFunctionTable(current, FUNCTIONS);
  if (updated !== current) writeFileSync(readme, updated);
  console.log(
    `KPI Pilot ${pkg.version}${dev ? ' (development build)' : ''}: built ${FUNCTIONS.length} functions into dist/ in ${Date.now() - started} ms (text assets ${kb(sum('bytes'))}, ${kb(sum('brotli'))} with brotli)`,
  );
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
