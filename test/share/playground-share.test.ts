/**
 * "Prepare for sharing" and "Make live again" in the playground's HyperFormula workbook: freeze →
 * restore → freeze gives identical cells, the frozen workbook shows the live values, and nothing
 * but KPI Pilot cells (and the banner) changes.
 */
import { DetailedCellError } from 'hyperformula';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { callsKpiPilot, FORMULAS_SHEET } from '../../core/dashboard/share';
import { applyPlan } from '../../playground/dashboard/apply';
import { Workbook } from '../../playground/engine/workbook';
import { generateSample } from '../../playground/sample/company';
import { freezeWorkbook, restoreWorkbook, storeSheet } from '../../playground/share/freeze';
import { mappingOf } from '../support/mapping';

const sample = generateSample();
const MAPPING = mappingOf(sample.sheets);
const SETUP: DashboardSetup = {
  v: 1,
  locale: 'en',
  kpis: ['mrr', 'mrr_churn', 'nrr', 'cac'],
  mapping: MAPPING,
  goals: [],
  extras: { attribution: true },
};

function build(): Workbook {
  const wb = new Workbook({
    ...sample.sheets,
    Analysis: [['By channel'], ['=KPI_BY("CAC",Marketing!B2:B121,Marketing!C2:C121,Marketing!F2:F121)']],
  });
  applyPlan(wb, buildPlan({ setup: SETUP, asOf: '2026-10-15', existingSheets: wb.sheetNames().map((name) => ({ name, marker: null })) }));
  return wb;
}
const snapshot = (wb: Workbook) =>
  Object.fromEntries(
    wb.sheetNames().map((n) => [
      n,
      {
        formulas: wb.hf.getSheetSerialized(wb.sheetId(n)),
        values: wb.hf.getSheetValues(wb.sheetId(n)).map((r) => r.map((v) => (v instanceof DetailedCellError ? v.value : v))),
      },
    ]),
  );

describe('share-ready in the playground', () => {
  const wb = build();
  const live = snapshot(wb);
  const first = freezeWorkbook(wb, '2026-10-31', 'en');
  const frozen = snapshot(wb);

  it('freezes the dashboard, the Attribution sheet and the analyst table, and keeps the formulas on a store sheet', () => {
    expect(first.sheets).toEqual(['Analysis', 'KPI Dashboard', 'Attribution']);
    expect(storeSheet(wb)).toBe(wb.sheetId(FORMULAS_SHEET));
    for (const [name, s] of Object.entries(frozen)) {
      if (name === FORMULAS_SHEET) continue;
      expect([name, s.formulas.flat().filter((f) => callsKpiPilot(f))]).toEqual([name, []]);
    }
  });

  // HyperFormula shows 10 significant digits: a native formula recomputed over frozen values may differ in the last one
  it('shows the live values, and the banner in the first free cell of row 1', () => {
    // every cell compared, the differences listed together (one expect per cell would cost more than the freeze)
    const differences: unknown[] = [];
    for (const [name, s] of Object.entries(live)) {
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (
            r === 0 &&
            frozen[name].values[0][c] !== v &&
            String(frozen[name].values[0][c]).startsWith('Values as of 2026-10-31, computed by KPI Pilot')
          )
            return;
          const got = frozen[name].values[r]?.[c] ?? null;
          if (typeof v === 'number' && typeof got === 'number' && Math.abs(got - v) <= 1e-8 * Math.max(1, Math.abs(v))) return;
          if (!Object.is(got, v ?? null)) differences.push({ sheet: name, row: r, col: c, live: v ?? null, frozen: got });
        }),
      );
    }
    expect(differences).toEqual([]);
    expect(frozen['KPI Dashboard'].values[0][1]).toBe(
      'Values as of 2026-10-31, computed by KPI Pilot. "Make live again" in the add-in restores the formulas.',
    );
  });

  it('refuses to freeze twice', () => {
    expect(() => freezeWorkbook(wb, '2026-10-31', 'en')).toThrow(
      'this workbook is already prepared for sharing (see the sheet KPI Pilot formulas): make it live again first',
    );
  });

  it('makes it live again exactly, and freezes again to the same cells', () => {
    const back = restoreWorkbook(wb);
    expect(back.formulas).toBe(first.formulas);
    expect(storeSheet(wb)).toBeUndefined();
    expect(snapshot(wb)).toEqual(live);
    freezeWorkbook(wb, '2026-10-31', 'en');
    expect(snapshot(wb)).toEqual(frozen);
    restoreWorkbook(wb);
    expect(() => restoreWorkbook(wb)).toThrow('this workbook is live already: nothing was prepared for sharing');
  });
});
