/**
 * "Prepare for sharing", "Make live again" and "Repair KPI Pilot formulas" in Excel (the core
 * decides: core/dashboard/share; docs/concepts/sharing.md). Syncs, whatever the data size:
 * prepare 4 (sheets; every used range's formulas and values; the spill of each formula to freeze;
 * the writes), make live 2, repair 3. Excel reports each spill exactly
 * (getSpillingToRangeOrNullObject, ExcelApi 1.12).
 */
import { Locale } from '../../core/dashboard/i18n';
import {
  callsKpiPilot,
  CellWrite,
  FORMULAS_SHEET,
  needsFreezing,
  parseRecord,
  planFreeze,
  recordOf,
  recordRows,
  restoreWrites,
  SheetCells,
} from '../../core/dashboard/share';
import { cell as a1 } from '../../core/dashboard/a1';
import type { ShareActions, ShareResult } from '../../sidebar/bridge';

/** Text as range.values must receive it to stay text ("=x" would become a formula, "12" a number). */
const asEntered = (v: unknown): unknown => (typeof v === 'string' && v !== '' ? `'${v}` : v);

interface UsedSheet {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
}

/** Every sheet's used range with its formulas and values: two syncs. */
async function readUsed(context: Excel.RequestContext): Promise<UsedSheet[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const out = sheets.items
    .filter((w) => w.name !== FORMULAS_SHEET)
    .map((worksheet) => ({
      name: worksheet.name,
      worksheet,
      used: worksheet.getUsedRangeOrNullObject().load('formulas,values,rowIndex,columnIndex'),
    }));
  await context.sync();
  return out.filter((s) => !s.used.isNullObject);
}

const cellsOf = (s: UsedSheet): SheetCells => ({
  sheet: s.name,
  top: s.used.rowIndex + 1,
  left: s.used.columnIndex + 1,
  formulas: s.used.formulas,
  values: s.used.values,
});

function write(context: Excel.RequestContext, w: CellWrite, as: 'values' | 'formulas', map: (v: unknown) => unknown): void {
  const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.range);
  range[as] = w.cells.map((row) => row.map(map)) as never;
}

export async function prepareForSharing(context: Excel.RequestContext, date: string, locale: Locale): Promise<ShareResult> {
  const store = context.workbook.worksheets.getItemOrNullObject(FORMULAS_SHEET).load('name');
  const used = await readUsed(context);
  if (!store.isNullObject)
    throw new Error(`this workbook is already prepared for sharing (see the hidden sheet ${FORMULAS_SHEET}): make it live again first`);
  // the exact spill of every formula to freeze, in one sync
  const spills = new Map<string, Excel.Range>();
  for (const s of used) {
    s.used.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        if (!needsFreezing(f)) return;
        const at = a1(s.used.columnIndex + 1 + j, s.used.rowIndex + 1 + i);
        spills.set(`${s.name}!${at}`, s.worksheet.getRange(at).getSpillingToRangeOrNullObject().load('rowCount,columnCount'));
      }),
    );
  }
  await context.sync();
  const plan = planFreeze(used.map(cellsOf), {
    date,
    locale,
    spillOf: (sheet, row, col) => {
      const r = spills.get(`${sheet}!${a1(col, row)}`);
      return r && !r.isNullObject ? { rows: r.rowCount, cols: r.columnCount } : { rows: 1, cols: 1 };
    },
  });
  if (!plan.formulas.length) return { sheets: [], formulas: 0 };
  for (const w of plan.writes) write(context, w, 'values', asEntered);
  // no style on the banner: making the workbook live again leaves the cell exactly as it was
  for (const b of plan.banners) context.workbook.worksheets.getItem(b.sheet).getRange(b.cell).values = [[asEntered(b.text)]];
  const rows = recordRows(recordOf(plan));
  const sheet = context.workbook.worksheets.add(FORMULAS_SHEET);
  sheet.getRange(`A1:E${rows.length}`).values = rows.map((row) => row.map(asEntered));
  sheet.visibility = 'Hidden' as Excel.SheetVisibility;
  await context.sync();
  return { sheets: plan.sheets, formulas: plan.formulas.length };
}

export async function makeLiveAgain(context: Excel.RequestContext): Promise<ShareResult> {
  const store = context.workbook.worksheets.getItemOrNullObject(FORMULAS_SHEET);
  const used = store.getUsedRangeOrNullObject().load('values');
  store.load('name');
  await context.sync();
  if (store.isNullObject) throw new Error('this workbook is live already: nothing was prepared for sharing');
  const record = parseRecord(used.isNullObject ? [] : used.values);
  const writes = restoreWrites(record);
  // blanks first, then each formula: it spills into the cleared cells
  for (const w of writes) write(context, w, 'values', () => '');
  for (const f of record.formulas) context.workbook.worksheets.getItem(f.sheet).getRange(f.cell).formulas = [[f.formula]];
  store.delete();
  await context.sync();
  return { sheets: [...new Set(record.formulas.map((f) => f.sheet))], formulas: record.formulas.length };
}

/**
 * Re-enters every KPI Pilot formula of the workbook (OfficeDev/office-js issues 6395, 4185, 4007: cells left
 * at #NAME? until re-entered). A formula a file saved without the add-in marked _xludf. gets its
 * plain name back. Three syncs.
 */
export async function repairFormulas(context: Excel.RequestContext): Promise<ShareResult> {
  const used = await readUsed(context);
  const sheets = new Set<string>();
  let formulas = 0;
  for (const s of used) {
    s.used.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        if (!callsKpiPilot(f)) return;
        s.worksheet.getRange(a1(s.used.columnIndex + 1 + j, s.used.rowIndex + 1 + i)).formulas = [
          [(f as string).replace(/_xludf\./gi, '')],
        ];
        sheets.add(s.name);
        formulas++;
      }),
    );
  }
  await context.sync();
  return { sheets: [...sheets], formulas };
}

export function excelShare(excel: () => Pick<typeof Excel, 'run'>, today: () => string, locale: () => Locale): ShareActions {
  return {
    prepare: () => excel().run((context) => prepareForSharing(context, today(), locale())),
    makeLive: () => excel().run((context) => makeLiveAgain(context)),
    repair: () => excel().run((context) => repairFormulas(context)),
  };
}
