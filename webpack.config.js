/**
 * Bundles for the hosts. Type checking is `npm run typecheck` (tsc); ts-loader only transpiles here.
 * - apps-script: the core as one global `KPIPilot` (Apps Script has no modules; the generated
 *   stubs in functions.js call into it). ES2019 so nothing the Apps Script V8 lacks slips in.
 * - office-addin: functions.js, loadable with no DOM (Excel's JavaScript-only runtime), without the
 *   registry's reader-facing text as the Apps Script bundle.
 * - playground: the browser workbook (HyperFormula + the registry) and the sidebar as app.js;
 *   "Download workbook" (ExcelJS) is a separate chunk loaded on first click.
 * - sidebar-sheets: the sidebar for the Sheets HtmlService page, compiled to ES5 so no template
 *   literal is left (HtmlService drops text after // inside them); scripts/build.ts inlines it
 *   into dist/apps-script/sidebar.html. Written outside dist/apps-script: clasp would push a .js
 *   there as server code.
 * - taskpane: the Excel task pane's sidebar (office-addin/taskpane.ts).
 */
const path = require('path');
const { stripRegistryDocs, keepServerFields, pureTextCalls } = require('./scripts/strip-registry-docs');

const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'es2020', moduleResolution: 'node', target: 'es2019' } },
  },
};

/** The Apps Script server: the same, without the registry's and the KPI catalog's reader-facing text (scripts/strip-registry-docs.js). */
const serverRule = {
  ...tsRule,
  use: {
    ...tsRule.use,
    options: {
      ...tsRule.use.options,
      instance: 'apps-script',
      getCustomTransformers: () => ({ before: [stripRegistryDocs, keepServerFields, pureTextCalls] }),
    },
  },
};

/**
 * Excel's functions.js, likewise without the registry's text: Excel's custom-function runtime shows
 * the descriptions of functions.json (written at build time from the sources), never the bundle's,
 * and what runs there (the runner and its error messages) reads only names, kinds and bounds.
 */
const excelFunctionsRule = { ...serverRule, use: { ...serverRule.use, options: { ...serverRule.use.options, instance: 'office-addin' } } };

/** ES5 output for the HtmlService sidebar: template literals become string concatenation. */
const es5Rule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      instance: 'es5',
      compilerOptions: {
        noEmit: false,
        module: 'es2020',
        moduleResolution: 'node',
        target: 'es5',
        downlevelIteration: true,
        lib: ['es2020', 'dom'],
      },
    },
  },
};

const common = {
  mode: 'production',
  // the HyperFormula bundle takes a while to minify: reuse it, until this file or the transformer
  // changes (loader options are not part of a module's cache key); a new version drops older caches
  cache: {
    type: 'filesystem',
    version: 'build-dependencies-1',
    buildDependencies: { config: [__filename, path.join(__dirname, 'scripts/strip-registry-docs.js')] },
  },
  devtool: false,
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule] },
  performance: { hints: false },
};

module.exports = [
  {
    ...common,
    name: 'apps-script',
    target: ['web', 'es2019'],
    module: { rules: [serverRule] },
    entry: './apps-script/server.ts',
    output: {
      path: path.resolve(__dirname, 'dist/apps-script'),
      filename: 'kpi-core.js',
      library: { name: 'KPIPilot', type: 'var' },
      globalObject: 'this',
    },
  },
  {
    ...common,
    name: 'office-addin',
    target: ['web', 'es2019'],
    module: { rules: [excelFunctionsRule] },
    entry: { functions: './office-addin/functions.ts' },
    output: { path: path.resolve(__dirname, 'dist/office-addin'), filename: '[name].js', globalObject: 'this' },
  },
  {
    ...common,
    name: 'playground',
    target: ['web', 'es2019'],
    entry: { app: './playground/ui/main.ts' },
    output: {
      path: path.resolve(__dirname, 'dist/playground'),
      filename: '[name].js',
      chunkFilename: '[name].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    optimization: { splitChunks: false }, // one lazy chunk: xlsx.chunk.js (ExcelJS and the exporter)
  },
  {
    ...common,
    name: 'sidebar-sheets',
    target: ['web', 'es5'],
    module: { rules: [es5Rule] },
    entry: { sidebar: './sidebar/sheets-entry.ts' },
    output: {
      path: path.resolve(__dirname, 'dist/.build'),
      filename: '[name].js',
      environment: { arrowFunction: false, const: false, templateLiteral: false, destructuring: false, forOf: false },
    },
  },
  {
    ...common,
    name: 'taskpane',
    target: ['web', 'es2019'],
    entry: { taskpane: './office-addin/taskpane.ts' },
    output: { path: path.resolve(__dirname, 'dist/office-addin'), filename: '[name].js' },
  },
];
