/**
 * Print settings in the plan (core/dashboard/print.ts) and in the hosts that can set them: the
 * Excel applier (pageLayout) and the .xlsx export (pageSetup and the Print_Area name).
 */
import JSZip from 'jszip';
import { requireRect } from '../../core/dashboard/a1';
import { buildPlan } from '../../core/dashboard/planner';
import { dashboardWorkbookSheets } from '../../playground/export/plan-sheets';
import { workbookToXlsx } from '../../playground/export/xlsx';
import { allExtrasSetup, bridgeFor, companyWorkbook } from '../office-addin/support';
import { officeFake } from '../office-addin/office-fake';

const plan = buildPlan({ setup: allExtrasSetup(), asOf: '2026-03-15' });
const sheet = (role: string) => plan.sheets.find((s) => s.role === role)!;
/** Last row (1-based) a chart covers: its anchor row plus its height at 20 px a row, less one. */
const chartBottom = (role: string) =>
  Math.max(...sheet(role).charts.map((c) => requireRect(c.anchor).row + 1 + Math.ceil(c.heightPx / 20) - 1));

describe('print settings in the plan', () => {
  it('prints the dashboard on one landscape page: cards, alerts, insights and charts (A..K), not the trend table from L', () => {
    // SaaS cards A..J plus the alert column K; the charts end 15 rows (300 px) below the last anchor
    expect(sheet('dashboard').print).toEqual({ area: `A1:K${chartBottom('dashboard')}`, orientation: 'landscape', fit: 'page' });
  });
  it('prints Attribution on one landscape page: the comparison A..H and its chart (340 px = 17 rows)', () => {
    expect(sheet('attribution').print).toEqual({ area: `A1:H${chartBottom('attribution')}`, orientation: 'landscape', fit: 'page' });
    expect(chartBottom('attribution')).toBe(19 + 17 - 1); // 12 channel rows from 6 end at 17, chart anchored at A19
  });
  it('fits goals, definitions and the growing extra tables to the page width; History and data sheets get nothing', () => {
    // goals: KPI … Status (A..K), the alert threshold and the threshold in use (L, M), a note (N)
    expect(sheet('goals').print).toEqual({ area: 'A:N', orientation: 'landscape', fit: 'width' });
    expect(sheet('definitions').print).toEqual({ area: 'A:P', orientation: 'landscape', fit: 'width' });
    expect(sheet('customers').print?.fit).toBe('width');
    expect(sheet('commissions').print?.fit).toBe('width');
    expect(sheet('history').print).toBeUndefined();
  });
});

describe('print settings in the hosts', () => {
  it('Excel: orientation, print area and fit on each generated sheet, none on History', async () => {
    const book = companyWorkbook(true);
    await bridgeFor(book, officeFake()).generate(allExtrasSetup(), '2026-03-15');
    expect(book.sheet('KPI Dashboard').print).toEqual({
      orientation: 'Landscape',
      area: sheet('dashboard').print!.area,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    });
    expect(book.sheet('KPI Goals').print).toEqual({
      orientation: 'Landscape',
      area: 'A:N',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(book.sheet('KPI History').print).toEqual({});
    expect(book.sheet('Marketing').print).toEqual({});
  });

  it('.xlsx: the Print_Area names and each sheet page setup', async () => {
    const zip = await JSZip.loadAsync(await workbookToXlsx(dashboardWorkbookSheets({ Data: [['x']] }, plan)));
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;KPI Dashboard&apos;!$A1:$K${chartBottom('dashboard')}</definedName>`,
    );
    expect(book).toContain('<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;KPI Goals&apos;!$A:$N</definedName>');
    expect(book).not.toMatch(/localSheetId="0"|localSheetId="4"/); // the data sheet and History
    const dash = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(dash).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(dash).toMatch(/<pageSetup orientation="landscape"[^>]*fitToWidth="1" fitToHeight="1"\/>/);
    const goals = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(goals).toMatch(/<pageSetup orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"\/>/);
  });
});
