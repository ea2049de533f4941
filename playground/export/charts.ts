import JSZip from 'jszip';
import { absCell, parseRect, sheetRef } from '../../core/dashboard/a1';
import type { ChartSpec } from '../../core/dashboard/plan';

/**
 * Real charts in the .xlsx. ExcelJS writes no charts, so after it has written the package this
 * adds the DrawingML parts Excel and LibreOffice read, per sheet with charts:
 *   xl/charts/chartN.xml             a c:chartSpace: lineChart (one KPI's trend) or a clustered
 *                                    barChart (the Attribution comparison), ranges by formula
 *   xl/drawings/drawingK.xml (+rels) one anchored graphicFrame per chart, at the plan's anchor
 *   the sheet's <drawing r:id>, its relationship, and the [Content_Types].xml overrides.
 * No cached values are written: the workbook recalculates on open (fullCalcOnLoad) and the
 * charts follow their ranges. The smallest honest route: no second spreadsheet library, no
 * template file; jszip is the zip ExcelJS itself uses. docs/contributing/xlsx-export.md has the why.
 */
export interface SheetCharts {
  readonly sheet: string;
  readonly charts: readonly ChartSpec[];
}

const EMU_PER_PX = 9525;
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The plan's colours, one per series (the Attribution chart has seven models). */
const COLOURS = ['1F4E79', 'C55A11', '548235', '7030A0', 'BF9000', '2E75B6', 'A50021'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "L5:L16" on sheet S as an absolute reference: 'S'!$L$5:$L$16. */
function ref(sheet: string, range: string): string {
  const r = parseRect(range);
  if (!r) throw new Error(`chart range ${range} of ${sheet} is not an A1 range`);
  const a = absCell(r.col + 1, r.row + 1);
  const single = r.width === 1 && r.height === 1;
  return `${sheetRef(sheet)}${single ? a : `${a}:${absCell(r.col + r.width, r.row + r.height)}`}`;
}

function chartXml(sheet: string, spec: ChartSpec): string {
  const line = spec.type === 'line';
  const series = spec.series
    .map((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const look = line
        ? `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>${look}` +
        `<c:cat><c:numRef><c:f>${esc(ref(sheet, spec.categories))}</c:f></c:numRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(ref(sheet, s.values))}</c:f></c:numRef></c:val>${line ? '<c:smooth val="0"/>' : ''}</c:ser>`
      );
    })
    .join('');
  const axes = '<c:axId val="500001"/><c:axId val="500002"/>';
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axes}</c:barChart>`;
  // categories: period start dates on the trend charts (a month format), channel names on the Attribution one
  const catFormat = line ? '<c:numFmt formatCode="mmm yyyy" sourceLinked="0"/>' : '';
  const catAx =
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>${catFormat}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${esc(spec.numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = spec.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(charts: readonly ChartSpec[], firstRel: number): string {
  const anchors = charts
    .map((spec, i) => {
      const at = parseRect(spec.anchor);
      if (!at || spec.anchor.includes(':')) throw new Error(`chart anchor ${spec.anchor} is not a cell`);
      const { col, row } = at;
      const id = i + 2;
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${spec.widthPx * EMU_PER_PX}" cy="${spec.heightPx * EMU_PER_PX}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${esc(`KPI Pilot chart ${i + 1}`)}" descr="${esc(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${firstRel + i}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

const rels = (items: readonly { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${esc(r.target)}"/>`)
    .join('')}</Relationships>`;

/** The worksheet part of each sheet name, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const bookRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of bookRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ''));
  }
  const out = new Map<string, string>();
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id && targets.has(id)) out.set(unescape(name), `xl/${targets.get(id)}`);
  }
  return out;
}

/** Adds the charts to an .xlsx package (bytes in, bytes out). O(charts) beyond the zip itself. */
export async function addCharts(bytes: Uint8Array, sheets: readonly SheetCharts[]): Promise<Uint8Array> {
  const withCharts = sheets.filter((s) => s.charts.length);
  if (!withCharts.length) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let chartNo = 0;
  const pending: { part: string; relsPath: string; drawing: string }[] = [];
  withCharts.forEach((s, k) => {
    const part = parts.get(s.sheet);
    if (!part) throw new Error(`the workbook has no sheet ${s.sheet} to put its charts on`);
    const drawing = `drawing${k + 1}.xml`;
    const chartRels = s.charts.map((spec, i) => {
      const file = `chart${++chartNo}.xml`;
      zip.file(`xl/charts/${file}`, chartXml(s.sheet, spec));
      types = types.replace(
        '</Types>',
        `<Override PartName="/xl/charts/${file}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      );
      return { id: `rId${i + 1}`, type: 'chart', target: `../charts/${file}` };
    });
    zip.file(`xl/drawings/${drawing}`, drawingXml(s.charts, 1));
    zip.file(`xl/drawings/_rels/${drawing}.rels`, rels(chartRels));
    types = types.replace(
      '</Types>',
      `<Override PartName="/xl/drawings/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
    // the sheet points at its drawing: a relationship, and <drawing> where the schema puts it
    pending.push({ part, relsPath: part.replace(/([^/]+)$/, '_rels/$1.rels'), drawing });
  });
  const rId = 'rIdKpiPilotCharts';
  for (const p of pending) {
    const existing = zip.file(p.relsPath) && (await zip.file(p.relsPath)!.async('string'));
    const rel = `<Relationship Id="${rId}" Type="${REL}/drawing" Target="../drawings/${p.drawing}"/>`;
    zip.file(
      p.relsPath,
      existing
        ? existing.replace('</Relationships>', `${rel}</Relationships>`)
        : rels([]).replace('</Relationships>', `${rel}</Relationships>`),
    );
    let xml = await zip.file(p.part)!.async('string');
    if (!/xmlns:r=/.test(xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet')))))
      xml = xml.replace('<worksheet', `<worksheet xmlns:r="${NS_R}"`);
    const before = [
      '<legacyDrawing',
      '<legacyDrawingHF',
      '<drawingHF',
      '<picture',
      '<oleObjects',
      '<controls',
      '<webPublishItems',
      '<tableParts',
      '<extLst',
      '</worksheet>',
    ]
      .map((tag) => xml.indexOf(tag))
      .filter((i) => i >= 0);
    const at = Math.min(...before);
    xml = `${xml.slice(0, at)}<drawing r:id="${rId}"/>${xml.slice(at)}`;
    zip.file(p.part, xml);
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
