/**
 * The documentation as a reader meets it: every relative link and anchor resolves, no doc or code
 * comment names a file the repository does not have, and nothing reads as an internal note
 * (work items, people's roles, "not verified" asides).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { basename, dirname, join, relative, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'artifacts', 'coverage', '.git']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const ALL = walk(ROOT);
/** Scanned: everything but the fixtures' data (their SOURCE.md notes are scanned). */
const FILES = ALL.filter((p) => !p.includes(join('test', 'fixtures')) || p.endsWith('.md'));
const DOCS = FILES.filter((p) => p.endsWith('.md'));
const CODE = FILES.filter((p) => /\.(ts|js)$/.test(p) && !p.endsWith('.d.ts'));
const SELF = __filename;
const rel = (p: string) => relative(ROOT, p);
const BASENAMES = new Set(ALL.map((p) => basename(p)));

/** Markdown without fenced code blocks and inline code, where links are not links. */
function prose(md: string): string {
  return md.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of md.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = m[1]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** The comments of a TypeScript or JavaScript file (block and line comments). */
function comments(code: string): string {
  const parts: string[] = [];
  for (const m of code.matchAll(/\/\*[\s\S]*?\*\/|(?<![:'"`\\])\/\/[^\n]*/g)) parts.push(m[0]);
  return parts.join('\n');
}

describe('links in the docs', () => {
  it.each(DOCS.map((p) => [rel(p), p]))('%s: every relative link and anchor resolves', (_name, path) => {
    const md = readFileSync(path, 'utf8');
    const broken: string[] = [];
    for (const m of prose(md).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [file, anchor] = target.split('#');
      const dest = file ? resolve(dirname(path), decodeURIComponent(file)) : path;
      if (!existsSync(dest)) {
        broken.push(`${target} (no such file)`);
        continue;
      }
      if (anchor && dest.endsWith('.md') && !anchors(readFileSync(dest, 'utf8')).has(anchor)) broken.push(`${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });

  it('the anchor rule matches GitHub on the cases the docs use', () => {
    const md =
      '# Goals\n## The KPI Goals sheet\n## Formulas: what is native, what is not\n### Quota arithmetic (Apps Script, per user who installs the trigger)\n## Attribution\n### ATTRIBUTION\n';
    expect([...anchors(md)]).toEqual([
      'goals',
      'the-kpi-goals-sheet',
      'formulas-what-is-native-what-is-not',
      'quota-arithmetic-apps-script-per-user-who-installs-the-trigger',
      'attribution',
      'attribution-1',
    ]);
  });
});

/**
 * Files a doc or comment may name without the repository holding them: what the build, the tests
 * or the user create, and files of other projects named as such.
 */
const GENERATED_OR_EXTERNAL = [
  /^dist\//, // npm run build
  /^artifacts\//, // test screenshots and reports
  /^node_modules\//,
  /^\.clasp\.json$/, // each user's own, from .clasp.json.example
  /^(functions|kpi-core|taskpane|sidebar|app|xlsx\.chunk|office)\.js$/, // built bundles; Microsoft's office.js
  /^(functions|appsscript|jest-report)\.json$/,
  /^(manifest\.xml|(sidebar|taskpane|help|functions-help)\.html)$/,
  /^PATH\//, // a placeholder: npm run bench:m3 -- PATH/m3_monthly.csv
  /^m3_monthly\.csv$/, // the M3 data, passed to bench:m3 by path
  /^workbook\.xml$/, // the part of an .xlsx file that holds the workbook settings
  /^(xl|docProps|_rels)\//, // parts inside an .xlsx package (xl/workbook.xml, xl/charts/chart1.xml)
];

function namedFiles(text: string): string[] {
  const out: string[] = [];
  const ext = 'md|ts|js|json|html|css|csv|txt|py|xml|png|xcu';
  for (const m of text.matchAll(new RegExp(`(?<![\\w/.@:-])((?:\\.{1,2}/|[\\w.-]+/)*[\\w-]+(?:\\.[\\w-]+)*\\.(?:${ext}))(?![\\w/-])`, 'g')))
    out.push(m[1]);
  return out;
}

function exists(name: string, from: string): boolean {
  const clean = name.replace(/^\.\//, '');
  if (GENERATED_OR_EXTERNAL.some((r) => r.test(clean))) return true;
  if (/^[A-Z][A-Za-z]*\.js$/.test(clean)) return true; // a library's name (Office.js, Chart.js), not a file
  if (!clean.includes('/')) return BASENAMES.has(clean);
  // from the repository root, or from the naming file's folder or one of its parents (alerts/plan.ts)
  for (let dir = dirname(from); dir.startsWith(ROOT); dir = dirname(dir)) if (existsSync(resolve(dir, clean))) return true;
  // or the tail of a repository path (export/charts.ts for playground/export/charts.ts)
  return existsSync(join(ROOT, clean)) || ALL.some((p) => p.endsWith(`/${clean}`));
}

describe('no doc or comment names a file the repository lacks', () => {
  it('the rule catches a missing file and accepts existing, generated and relative ones', () => {
    const from = join(ROOT, 'docs/contributing/layout.md');
    expect(
      namedFiles('see PRODUCT.md and core/dashboard/plan.ts, dist/office-addin/manifest.xml, ../README.md').filter((n) => !exists(n, from)),
    ).toEqual(['PRODUCT.md']);
    expect(exists('core/dashboard/nothing.ts', from)).toBe(false);
    expect(exists('planner.ts', from)).toBe(true);
    expect(exists('export/charts.ts', from)).toBe(true);
    expect(exists('docs/forecast.md', from)).toBe(false);
    expect(exists('Chart.js', from)).toBe(true);
    expect(exists('chart.js', from)).toBe(false);
    expect(namedFiles('Office.js and https://example.com/a.md')).toEqual(['Office.js']);
  });

  it.each([...DOCS, ...CODE].filter((p) => p !== SELF).map((p) => [rel(p), p]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const scanned = path.endsWith('.md') ? text.replace(/https?:\/\/\S+/g, '') : comments(text).replace(/https?:\/\/\S+/g, '');
    const missing = namedFiles(scanned).filter((n) => !exists(n, path) && !exists(n.toLowerCase(), path));
    expect(missing).toEqual([]);
  });
});

describe('the docs and comments speak of the product', () => {
  // built from parts so this file does not match itself
  const internal = [
    new RegExp(`(?<![\\w-]/[\\w.-]+\\s+)\\b${'iss'}ues? #?\\d+`, 'i'), // a work item; "owner/repo issues 12" cites another project
    new RegExp(`\\b${'engi'}neers? [A-Z]\\b`),
    new RegExp(`for the ${'lead'}\\b|the ${'lead'}'s (call|choice)`, 'i'),
    new RegExp(`not ${'verified'} (live|here)`, 'i'),
    new RegExp(`\\b(${'PRODUCT'}|${'DESIGN'}|${'FUNCTIONS'})\\.md\\b`),
  ];
  it('the rule tells a work item from an issue of another project, cited', () => {
    const hits = (t: string) => internal.filter((r) => r.test(t)).length;
    expect(hits(`as asked in ${'iss'}ue 6`)).toBe(1);
    expect(hits('(OfficeDev/office-js\nissues 6395, 4185)')).toBe(0);
    expect(hits(`${'engi'}neer B chose`)).toBe(1);
    expect(hits('see FUNCTIONS.md §3')).toBe(1);
    expect(hits('docs/reference/functions.md')).toBe(0);
  });

  it.each([...DOCS, ...CODE].filter((p) => p !== SELF).map((p) => [rel(p), p]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const scanned = path.endsWith('.md') ? text : comments(text);
    expect(internal.map((r) => scanned.match(r)?.[0]).filter(Boolean)).toEqual([]);
  });
});
