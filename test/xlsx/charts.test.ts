/**
 * The .xlsx holds real charts: one line chart per computed KPI card on the dashboard and the
 * Attribution comparison as clustered columns, as DrawingML parts added to ExcelJS's package
 * (playground/export/charts.ts). Checked by reading the package back part by part; the
 * LibreOffice round trip is in share-ready.test.ts.
 */
import JSZip from 'jszip';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { dashboardWorkbookSheets } from '../../playground/export/plan-sheets';
import { workbookToXlsx } from '../../playground/export/xlsx';
import { generateSample } from '../../playground/sample/company';
import { readBytes } from './read-back';
import { mappingOf } from '../support/mapping';

const sample = generateSample();
const MAPPING = mappingOf(sample.sheets);
const SETUP: DashboardSetup = {
  v: 1,
  locale: 'en',
  kpis: ['mrr', 'cac', 'win_rate'],
  mapping: MAPPING,
  goals: [],
  extras: { attribution: true },
};

let zip: JSZip;
let bytes: Uint8Array;
const text = (path: string) => zip.file(path)!.async('string');

beforeAll(async () => {
  const plan = buildPlan({ setup: SETUP, asOf: '2026-10-15' });
  bytes = await workbookToXlsx(dashboardWorkbookSheets(sample.sheets, plan));
  zip = await JSZip.loadAsync(bytes);
});

describe('charts in the .xlsx package', () => {
  it('has one chart part per KPI card and one for Attribution, each declared in [Content_Types].xml', async () => {
    const charts = Object.keys(zip.files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .sort();
    expect(charts).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml']);
    const types = await text('[Content_Types].xml');
    for (const c of charts)
      expect(types).toContain(
        `<Override PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing2.xml"');
  });

  it('draws each KPI trend as a line over the trend table: period starts as categories, the KPI column as values', async () => {
    const mrr = await text('xl/charts/chart1.xml');
    expect(mrr).toContain('<c:lineChart>');
    expect(mrr).toContain('<a:t>MRR</a:t>');
    // trend table from L5 (periods) down 12 rows; MRR is the first KPI column, N
    expect(mrr).toContain("<c:cat><c:numRef><c:f>'KPI Dashboard'!$L$5:$L$16</c:f>");
    expect(mrr).toContain("<c:val><c:numRef><c:f>'KPI Dashboard'!$N$5:$N$16</c:f>");
    expect(mrr).not.toContain('<c:legend>'); // one series: the title names it
  });

  it('draws the Attribution comparison as clustered columns, one named series per model, with a legend', async () => {
    const attribution = await text('xl/charts/chart4.xml');
    expect(attribution).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect([...attribution.matchAll(/<c:ser>/g)]).toHaveLength(7);
    expect(attribution).toContain('<c:tx><c:v>Markov</c:v></c:tx>');
    expect(attribution).toContain("<c:val><c:numRef><c:f>'Attribution'!$B$6:$B$17</c:f>");
    expect(attribution).toContain('<c:legend>');
  });

  it('anchors the charts where the plan says, at its size, and links each sheet to its drawing', async () => {
    const book = await text('xl/workbook.xml');
    expect(book).toContain('name="KPI Dashboard"');
    const drawing = await text('xl/drawings/drawing1.xml');
    expect([...drawing.matchAll(/<xdr:oneCellAnchor>/g)]).toHaveLength(3);
    expect(drawing).toContain('<xdr:ext cx="4572000" cy="2857500"/>'); // 480 × 300 px at 9525 EMU per px
    const sheetWithDrawing = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const linked = [];
    for (const f of sheetWithDrawing) if ((await text(f)).includes('<drawing r:id="rIdKpiPilotCharts"/>')) linked.push(f);
    expect(linked).toHaveLength(2);
    for (const f of linked)
      expect(await text(f.replace(/sheet(\d+)\.xml$/, '_rels/sheet$1.xml.rels'))).toMatch(
        /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/drawing" Target="..\/drawings\/drawing\d\.xml"/,
      );
  });

  it('still reads as a workbook (ExcelJS opens it with every sheet)', async () => {
    const wb = await readBytes(bytes);
    expect(wb.worksheets.map((w) => w.name)).toContain('Attribution');
  });
});
