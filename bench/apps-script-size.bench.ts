/**
 * The Apps Script server code: Sheets evaluates every server file of the project on every
 * custom-function call, so its size is a cost each call pays. Figures from the built project
 * (`npm run build` first): kpi-core.js (minified server bundle) and functions.js (the generated
 * stubs, kept readable for their JSDoc), against the budget; then the time to compile and run
 * kpi-core.js in a fresh V8 context, as Apps Script does per call, against a bundle of the custom
 * functions alone (apps-script/custom-functions.ts, built here with the same webpack settings)
 * measured in the same run. Each evaluation gets a distinct source (a trailing comment) so V8's
 * compilation cache cannot answer instead of the compiler. Median of interleaved runs.
 * KPI_CORE_BEFORE, the path of an earlier build of kpi-core.js (another checkout's dist), adds it to compare.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import vm from 'vm';
import webpack from 'webpack';
import { report, section } from './harness';

/** The server bundle's budget, in KB of 1000 bytes (test/apps-script/bundle.test.ts holds it too). */
const BUDGET_KB = 150;
const RUNS = 41;

const root = resolve(__dirname, '..');
const kb = (bytes: number) => bytes / 1000;

/** The custom functions alone, bundled as the server is (same loader, transformers, minifier). */
async function functionsOnlyBundle(): Promise<string> {
  const configs = require(join(root, 'webpack.config.js')) as webpack.Configuration[];
  const server = configs.find((c) => c.name === 'apps-script')!;
  const out = mkdtempSync(join(tmpdir(), 'kpi-functions-only-'));
  try {
    await new Promise<void>((ok, fail) =>
      webpack(
        { ...server, cache: false, entry: './apps-script/custom-functions.ts', output: { ...server.output, path: out } },
        (err, stats) => (err || !stats || stats.hasErrors() ? fail(err ?? new Error(stats?.toString('errors-only'))) : ok()),
      ),
    );
    return readFileSync(join(out, 'kpi-core.js'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A source never evaluated before in this process: V8's compilation cache cannot answer for it. */
let evaluations = 0;
const fresh = (code: string) => `${code}\n//${evaluations++}`;

/** Compile and run the code in a fresh context. */
function evaluate(code: string): number {
  const t0 = process.hrtime.bigint();
  vm.runInContext(fresh(code), vm.createContext({}));
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function run(): Promise<void> {
  section('Apps Script server code: size and per-call evaluation');
  const dist = join(root, 'dist/apps-script');
  if (!existsSync(join(dist, 'kpi-core.js'))) {
    console.log('dist/apps-script/kpi-core.js is missing: run npm run build first');
    return;
  }
  const core = readFileSync(join(dist, 'kpi-core.js'), 'utf8');
  const stubs = readFileSync(join(dist, 'functions.js'), 'utf8');
  const coreBytes = Buffer.byteLength(core);
  console.log(
    `kpi-core.js ${kb(coreBytes).toFixed(1)} KB (budget ${BUDGET_KB} KB, ${((coreBytes / (BUDGET_KB * 1000)) * 100).toFixed(0)}% of it); functions.js stubs ${kb(Buffer.byteLength(stubs)).toFixed(1)} KB, readable, reported apart`,
  );
  // the same registry and maths, stripped of the registry's text the same way, without the dashboard
  const excel = statSync(join(root, 'dist/office-addin/functions.js')).size;
  console.log(`Excel's functions.js, for scale: ${kb(excel).toFixed(1)} KB`);
  const baseline = await functionsOnlyBundle();
  console.log(`custom functions alone (baseline): ${kb(Buffer.byteLength(baseline)).toFixed(1)} KB`);
  const beforePath = process.env.KPI_CORE_BEFORE;
  const before = beforePath && existsSync(beforePath) ? readFileSync(beforePath, 'utf8') : undefined;
  if (before) console.log(`earlier build (${beforePath}): ${kb(Buffer.byteLength(before)).toFixed(1)} KB`);
  const ours: number[] = [];
  const base: number[] = [];
  const earlier: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(evaluate(baseline));
    ours.push(evaluate(core));
    if (before) earlier.push(evaluate(before));
  }
  const [o, b] = [median(ours), median(base)];
  report('compile + run kpi-core.js, fresh context (median)', o, `${(o / b).toFixed(2)}× the custom functions alone (${b.toFixed(2)} ms)`);
  if (before) {
    const e = median(earlier);
    report(
      'compile + run the earlier build (median)',
      e,
      `${(e / b).toFixed(2)}× the custom functions alone; ours is ${(o / e).toFixed(2)}× it`,
    );
  }
  // what a first custom-function call pays in all: both files evaluated, then one answer
  const stubsAndCore = () => {
    const t0 = process.hrtime.bigint();
    const context = vm.createContext({});
    vm.runInContext(fresh(core), context);
    vm.runInContext(fresh(stubs), context);
    vm.runInContext('CAC([[1000],[2000]], [[10],[20]])', context);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const cold = median(Array.from({ length: RUNS }, stubsAndCore));
  report('kpi-core.js + functions.js + one CAC call (median)', cold, 'target under 50 ms');
}
