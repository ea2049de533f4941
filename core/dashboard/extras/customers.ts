import { cell, columnLetter, rect } from '../a1';
import { fieldInfo, FieldRef } from '../fields';
import { DATE_FORMAT } from '../format';
import { fill, tr } from '../i18n';
import { CellBlock, PlanCell, PlannedSheet } from '../plan';
import { EXTRA_DEFAULTS } from './setup';
import { asOfRef, ExtraContext, extraSheet, fx, HEADER_STYLE, NOTE_STYLE, openField, selfOpen, TITLE_STYLE } from './common';
import { XL } from './labels';

/**
 * The Customers at risk sheet. A chain of live formulas over the mapped transactions
 * (orders.customer, orders.date, orders.amount), all in weeks, as of the dashboard's as-of date:
 *
 *   M5  =RFM(customers, dates, amounts, as_of, "week")        spills Customer, Frequency, Recency, T, Monetary
 *   V5  =BGNBD_FIT(N6:N, O6:O, P6:P)                           r, alpha, a, b, LogLik (fitted once)
 *   V8  =GG_FIT(N6:N, Q6:Q)                                    p, q, v, LogLik (fitted once)
 *   L6  =P_ALIVE(N6:N, O6:O, P6:P, $V$6:$Y$6)                  one row per RFM row
 *   R6  =CHURN_RISK(..., $V$6:$Y$6)   S6 =EXPECTED_PURCHASES(..., $D$3, $V$6:$Y$6)
 *   T6  =CLV_PREDICT(..., Q6:Q, $D$3, 0, $F$3, $V$6:$Y$6, $V$9:$X$9)
 *   A6  =SORT(HSTACK(FILTER(L6:L, keep), ..., FILTER(T6:T, keep), value at risk, −value at risk), 11, 1)
 *       keep = (M6:M<>"")*(L6:L>=$B$4): customers with P(alive) at or above the floor (B4)
 *       value at risk = churn risk × predicted value (FILTER(R)*FILTER(T)); the 11th column is its
 *       negative, the sort key, hidden in spacer column K
 *   D4  =COUNTIF(L6:L, "<"&$B$4)                               customers already lost (below the floor)
 *
 * Ranking uses native SORT, FILTER and HSTACK, present in Google Sheets, Excel 365 and
 * HyperFormula 3.5 (not in Excel 2021, which lacks HSTACK). One FILTER per column because
 * HyperFormula's FILTER takes one column at a time; FILTER drops the blank rows below the
 * customers (Excel would otherwise sort a million blank rows as zeros).
 * SORT's descending order is not portable (Sheets wants FALSE, Excel and HyperFormula -1), but
 * ascending (1, truthy in Sheets) is: so the table sorts ascending on the negated value at risk,
 * which is value at risk descending. Fitting once and passing the
 * parameters keeps the four model columns consistent and costs one fit, not four. The helper
 * ranges are open-ended below their first row ('Customers at risk'!N6:N), rendered per host by
 * dialect.ts, so the chain grows with the customers.
 */
export const CUSTOMER_FIELDS: readonly FieldRef[] = ['orders.customer', 'orders.date', 'orders.amount'];

export const CUSTOMERS_LAYOUT = {
  headerRow: 5,
  firstRow: 6,
  horizonCell: '$D$3',
  marginCell: '$F$3',
  pAlive: 12, // L
  rfm: 13, // M..Q
  churn: 18, // R
  expected: 19, // S
  value: 20, // T
  fits: 22, // V: BG/NBD at V5:Z6, Gamma-Gamma at V8:Y9
  floorCell: '$B$4',
  lostCell: '$D$4',
} as const;

/**
 * Default floor on P(alive) below which a customer counts as already lost, not at risk: under a
 * one-in-ten chance of still buying, retention spend is very unlikely to pay back, and the
 * CDNOW-style data sets leave dozens of long-gone customers at ~0% who would otherwise crowd
 * the top of a churn-risk ranking. Editable in B4 of the sheet.
 */
export const ALIVE_FLOOR = 0.1;

export function customersSheet(ctx: ExtraContext): PlannedSheet {
  const { locale } = ctx;
  const L = CUSTOMERS_LAYOUT;
  const orders = ctx.setup.mapping.orders!;
  const [customers, dates, amounts] = CUSTOMER_FIELDS.map((f) => openField(ctx.setup, f)!);
  const horizon = ctx.setup.extras?.customerHorizonWeeks ?? EXTRA_DEFAULTS.customerHorizonWeeks;
  const col = (c: number) => columnLetter(c);
  const helper = (c: number) => selfOpen(ctx, 'customers', cell(c, L.firstRow), col(c)); // 'Customers at risk'!N6:N
  const [freq, rec, T, monetary] = [L.rfm + 1, L.rfm + 2, L.rfm + 3, L.rfm + 4].map(helper);
  const summary = `${freq},${rec},${T}`;
  const bg = `$${col(L.fits)}$${L.headerRow + 1}:$${col(L.fits + 3)}$${L.headerRow + 1}`;
  const gg = `$${col(L.fits)}$${L.headerRow + 4}:$${col(L.fits + 2)}$${L.headerRow + 4}`;

  const helperColumns = Array.from({ length: L.value - L.pAlive + 1 }, (_, i) => L.pAlive + i);
  // the ranked table: customers at or above the floor, value at risk descending (see the header comment)
  function rankedTable(): string {
    const keep = `(${helper(L.rfm)}<>"")*(${helper(L.pAlive)}>=${L.floorCell})`;
    const kept = (c: number) => `FILTER(${helper(c)},${keep})`;
    const atRisk = `${kept(L.churn)}*${kept(L.value)}`;
    const columns = [...helperColumns.map(kept), atRisk, `-${atRisk}`];
    return `SORT(HSTACK(${columns.join(',')}),${columns.length},1)`;
  }
  const blocks: CellBlock[] = [
    { range: 'A1', cells: [[tr(XL.customersTitle, locale)]], style: TITLE_STYLE },
    { range: 'A2', cells: [[fill(tr(XL.customersNote, locale), { sheet: orders.sheet })]], style: NOTE_STYLE },
    {
      range: 'A3:F3',
      cells: [[tr(XL.asOf, locale), fx(asOfRef(ctx)), tr(XL.horizon, locale), horizon, tr(XL.margin, locale), ctx.options.grossMargin]],
      numberFormats: [[null, DATE_FORMAT, null, '0', null, '0%']],
      style: { bold: true },
    },
    {
      range: 'A4:D4',
      cells: [[tr(XL.aliveFloor, locale), ALIVE_FLOOR, tr(XL.alreadyLost, locale), fx(`COUNTIF(${helper(L.pAlive)},"<"&${L.floorCell})`)]],
      numberFormats: [[null, '0%', null, '0']],
      style: { bold: true },
    },
    {
      range: rect(1, L.headerRow, XL.customerHeaders.length, 1),
      cells: [XL.customerHeaders.map((h) => tr(h, locale))],
      style: HEADER_STYLE,
    },
    { range: cell(1, L.firstRow), cells: [[fx(rankedTable())]] },
  ];
  // model data: headers of the helper columns, then the formulas (RFM's header spills from M5)
  const helperWidth = L.value - L.pAlive + 1;
  const headers: PlanCell[] = new Array(helperWidth).fill(null);
  const formulas: PlanCell[] = new Array(helperWidth).fill(null);
  headers[0] = 'P(alive)';
  headers[1] = fx(`RFM(${customers},${dates},${amounts},${asOfRef(ctx)},"week")`);
  headers[L.churn - L.pAlive] = 'Churn risk';
  headers[L.expected - L.pAlive] = 'Expected purchases';
  headers[L.value - L.pAlive] = 'Predicted value';
  formulas[0] = fx(`P_ALIVE(${summary},${bg})`);
  formulas[L.churn - L.pAlive] = fx(`CHURN_RISK(${summary},${bg})`);
  formulas[L.expected - L.pAlive] = fx(`EXPECTED_PURCHASES(${summary},${L.horizonCell},${bg})`);
  formulas[L.value - L.pAlive] = fx(`CLV_PREDICT(${summary},${monetary},${L.horizonCell},0,${L.marginCell},${bg},${gg})`);
  blocks.push({ range: cell(L.pAlive, L.headerRow - 1), cells: [[tr(XL.modelData, locale)]], style: NOTE_STYLE });
  blocks.push({
    range: rect(L.pAlive, L.headerRow, helperWidth, 2),
    cells: [headers, formulas],
    customFunctions: ['RFM', 'P_ALIVE', 'CHURN_RISK', 'EXPECTED_PURCHASES', 'CLV_PREDICT'],
  });
  blocks.push({
    range: rect(L.fits, L.headerRow, 1, 4),
    cells: [[fx(`BGNBD_FIT(${summary})`)], [null], [null], [fx(`GG_FIT(${freq},${monetary})`)]],
    customFunctions: ['BGNBD_FIT', 'GG_FIT'],
  });

  const widths: Record<string, number> = { A: 110, B: 160, K: 24 };
  for (let c = 3; c <= 10; c++) widths[col(c)] = 110;
  for (let c = L.pAlive; c <= L.fits + 4; c++) widths[col(c)] = 100;
  // the ranked table's column formats, as whole columns (its height follows the data)
  // K holds the sort key (negated value at risk): shown as nothing
  const columnFormats: Record<string, string> = {
    A: '0.0%',
    C: '0',
    D: '0.0',
    E: '0.0',
    F: '#,##0.00',
    G: '0.0%',
    H: '0.00',
    I: '#,##0.00',
    J: '#,##0.00',
    K: ';;;',
  };
  // Sheets does not add rows for a custom function's spill: room for one row per transaction (customers ≤ transactions)
  const rows = ctx.dataRows?.orders;
  const minRows = rows === undefined ? {} : { minRows: L.firstRow + rows + 10 };
  return extraSheet('customers', ctx.names.customers!, {
    mode: 'replace',
    frozenRows: L.headerRow,
    columnWidths: widths,
    columnFormats,
    blocks,
    conditionalFormats: [],
    charts: [],
    ...minRows,
  });
}

export function customersMissing(ctx: ExtraContext): string[] {
  return CUSTOMER_FIELDS.filter((f) => !openField(ctx.setup, f)).map((f) => tr(fieldInfo(f).name, ctx.locale));
}
