/**
 * Builds the LibreOffice reference values for FORECAST_ETS / _CONFINT / _SEASONALITY.
 *
 *   npx tsx scripts/forecast-refs/make-refs.ts      (needs Debian's libreoffice-calc: soffice)
 *
 * 1. writes a workbook with every case of cases.ts (data columns + Excel formulas
 *    _xlfn.FORECAST.ETS, _xlfn.FORECAST.ETS.CONFINT, _xlfn.FORECAST.ETS.SEASONALITY, which Calc
 *    imports as FORECAST.ETS.ADD, FORECAST.ETS.PI.ADD and FORECAST.ETS.SEASONALITY);
 * 2. has headless Calc recalculate it on load (profile from shared/tools/libreoffice-recalc, copied
 *    into this folder as registrymodifications.xcu) and save it as xlsx;
 * 3. reads the recalculated values back and writes test/fixtures/forecast/libreoffice-refs.json.
 * Calc's PI.ADD simulates 1,000 random paths per call, so each interval is evaluated REPEATS times
 * in separate cells and averaged (the spread is recorded too).
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { join } from 'path';
import { tmpdir } from 'os';
import { cases } from './cases';

const REPEATS = 200;
const OUT = join(__dirname, '../../test/fixtures/forecast/libreoffice-refs.json');

interface Slot {
  caseId: string;
  kind: 'forecast' | 'pi' | 'season';
  target?: number;
  cell: string;
}

function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function main(): Promise<void> {
  const all = cases();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('refs');
  const slots: Slot[] = [];
  all.forEach((k, idx) => {
    const tc = idx * 3 + 1;
    const vc = tc + 1;
    const rc = tc + 2;
    k.timeline.forEach((t, i) => {
      ws.getCell(i + 1, tc).value = t;
      ws.getCell(i + 1, vc).value = k.values[i];
    });
    const n = k.timeline.length;
    const T = `${colName(tc)}1:${colName(tc)}${n}`;
    const V = `${colName(vc)}1:${colName(vc)}${n}`;
    let row = 1;
    const put = (formula: string, slot: Omit<Slot, 'cell'>) => {
      const cell = `${colName(rc)}${row++}`;
      ws.getCell(cell).value = { formula, date1904: false } as ExcelJS.CellFormulaValue;
      slots.push({ ...slot, cell });
    };
    const tail = `${k.seasonality},${k.completion},${k.aggregation}`;
    for (const t of k.targets) put(`_xlfn.FORECAST.ETS(${t},${V},${T},${tail})`, { caseId: k.id, kind: 'forecast', target: t });
    for (const t of k.piTargets) {
      for (let r = 0; r < REPEATS; r++)
        put(`_xlfn.FORECAST.ETS.CONFINT(${t},${V},${T},0.95,${tail})`, { caseId: k.id, kind: 'pi', target: t });
    }
    put(`_xlfn.FORECAST.ETS.SEASONALITY(${V},${T},${k.completion},${k.aggregation})`, { caseId: k.id, kind: 'season' });
  });
  const dir = mkdtempSync(join(tmpdir(), 'lo-refs-'));
  const book = join(dir, 'refs.xlsx');
  await wb.xlsx.writeFile(book);
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  copyFileSync(join(__dirname, 'registrymodifications.xcu'), join(profile, 'user', 'registrymodifications.xcu'));
  const outDir = join(dir, 'out');
  const version = execFileSync('soffice', ['--version']).toString().trim();
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, book],
    { stdio: 'inherit' },
  );
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(join(outDir, 'refs.xlsx'));
  const sheet = back.worksheets[0];
  const read = (cell: string): number | string => {
    const v = sheet.getCell(cell).value as ExcelJS.CellFormulaValue | number | null;
    const r = v && typeof v === 'object' ? v.result : v;
    if (typeof r === 'number') return r;
    return typeof r === 'object' && r && 'error' in r ? String((r as { error: string }).error) : String(r);
  };
  const out = all.map((k) => {
    const mine = slots.filter((s) => s.caseId === k.id);
    const forecasts = mine.filter((s) => s.kind === 'forecast').map((s) => ({ target: s.target, value: read(s.cell) }));
    const intervals = k.piTargets.map((t) => {
      const vals = mine
        .filter((s) => s.kind === 'pi' && s.target === t)
        .map((s) => read(s.cell))
        .filter((v): v is number => typeof v === 'number');
      const mean = vals.reduce((a, b) => a + b, 0) / (vals.length || 1);
      const sd = Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, vals.length - 1));
      return { target: t, confidence: 0.95, mean, sdOfMean: sd / Math.sqrt(vals.length || 1), evaluations: vals.length };
    });
    const season = read(mine.find((s) => s.kind === 'season')!.cell);
    return { ...k, forecasts, intervals, libreofficeSeasonality: season };
  });
  writeFileSync(
    OUT,
    JSON.stringify(
      { generatedBy: 'npx tsx scripts/forecast-refs/make-refs.ts', libreoffice: version, repeatsPerInterval: REPEATS, cases: out },
      null,
      1,
    ) + '\n',
  );
  console.log(`wrote ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
