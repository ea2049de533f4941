/**
 * Bundles for the hosts. Type checking is `npm run typecheck` (tsc); ts-loader only transpiles here.
 * - apps-script: the core as one global `KPIPilot` (Apps Script has no modules; the generated
 *   stubs in functions.js call into it). ES2019 so nothing the Apps Script V8 lacks slips in.
 * - office-addin: functions.js, loadable with no DOM (Excel's JavaScript-only runtime).
 * - playground: the browser workbook (HyperFormula + the registry) as app.js.
 */
const path = require('path');

const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'es2020', moduleResolution: 'node', target: 'es2019' } },
  },
};

const common = {
  mode: 'production',
  cache: { type: 'filesystem' }, // the HyperFormula bundle takes a while to minify: reuse it
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
    entry: { functions: './office-addin/functions.ts' },
    output: { path: path.resolve(__dirname, 'dist/office-addin'), filename: '[name].js', globalObject: 'this' },
  },
  {
    ...common,
    name: 'playground',
    target: ['web', 'es2019'],
    entry: { app: './playground/ui/main.ts' },
    output: { path: path.resolve(__dirname, 'dist/playground'), filename: '[name].js' },
  },
];
