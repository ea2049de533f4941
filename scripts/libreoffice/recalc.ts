/**
 * Opens a workbook in headless LibreOffice Calc with every formula recalculated on load, and
 * saves the result as .xlsx: what a colleague without the add-in would see, cached values
 * included, readable back with ExcelJS. Node only (tests and scripts).
 *
 *   npx tsx scripts/libreoffice/recalc.ts book.xlsx [outDir]
 *
 * Calc's default is to keep the cached values of an .xlsx ("never recalculate"); the profile in
 * registrymodifications.xcu (this folder; see README.md for where it comes from) switches OOXML and
 * ODF loading to "always recalculate". Each call uses its own throw-away profile directory, so
 * runs never share (or lock) a profile. Cost: one soffice start, about 5-15 s.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join, resolve } from 'path';

const PROFILE_FILE = join(__dirname, 'registrymodifications.xcu');
/** Where Debian's libreoffice-calc puts it; PATH is searched too. */
const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

/**
 * The soffice executable, or undefined when LibreOffice is not installed. KPI_SOFFICE, when set,
 * names it (e.g. /Applications/LibreOffice.app/Contents/MacOS/soffice) and is the only place looked at.
 */
export function findSoffice(): string | undefined {
  const chosen = process.env.KPI_SOFFICE;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  for (const c of CANDIDATES) if (existsSync(c)) return c;
  try {
    const found = execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

export interface RecalcResult {
  /** The recalculated .xlsx LibreOffice wrote. */
  readonly path: string;
  /** e.g. "LibreOffice 7.4.7.2 40(Build:2)". */
  readonly version: string;
  readonly seconds: number;
}

/**
 * @throws Error when soffice is missing (saying how to install it) or the conversion fails.
 * @example recalculate('/tmp/book.xlsx').path // => '/tmp/lo-recalc-XXXX/book.xlsx'
 */
export function recalculate(input: string, outDir?: string, timeoutMs = 120000): RecalcResult {
  const soffice = findSoffice();
  if (!soffice) {
    const where = process.env.KPI_SOFFICE ? `KPI_SOFFICE=${process.env.KPI_SOFFICE} does not exist` : 'soffice is not on this machine';
    throw new Error(
      `LibreOffice is needed to check what a colleague without the add-in sees, and ${where}: install Debian's libreoffice-calc (apt-get install libreoffice-calc; .ci/run does it)`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    copyFileSync(PROFILE_FILE, join(profile, 'user', 'registrymodifications.xcu'));
    const out = outDir ?? mkdtempSync(join(tmpdir(), 'lo-recalc-'));
    mkdirSync(out, { recursive: true });
    const started = Date.now();
    const env = `-env:UserInstallation=file://${profile}`;
    const version = execFileSync(soffice, [env, '--version'], { encoding: 'utf8', timeout: timeoutMs }).trim();
    execFileSync(soffice, [env, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, resolve(input)], {
      stdio: 'pipe',
      timeout: timeoutMs,
    });
    const path = join(out, basename(input).replace(/\.[^.]+$/, '') + '.xlsx');
    if (!existsSync(path)) throw new Error(`LibreOffice did not write ${path}`);
    return { path, version, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(profile, { recursive: true, force: true }); // the profile is per run: nothing worth keeping
  }
}

if (require.main === module) {
  const [input, outDir] = process.argv.slice(2);
  if (!input) {
    console.error('usage: npx tsx scripts/libreoffice/recalc.ts book.xlsx [outDir]');
    process.exit(2);
  }
  const r = recalculate(input, outDir);
  console.log(`${r.version}: wrote ${r.path} in ${r.seconds.toFixed(1)} s`);
}
