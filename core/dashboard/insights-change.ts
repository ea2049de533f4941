import { kpi, KpiId } from './catalog';
import { FormulaContext, ratioPartFormulas } from './formulas';
import { Locale, t, tr } from './i18n';
import { nameInText, shown, str } from './insights';

/**
 * Change explanations: for a ratio KPI (catalog `ratio`, parts built in formulas.ts), a native
 * formula saying its change since the previous period with the change of its numerator and of its
 * denominator, e.g. "Customer acquisition cost 500 → 595.74 (+19%) since the previous period:
 * spend +12%, new customers −6%". The KPI's values come from the trend table; the parts are summed
 * again over the same two periods, so the row stays live like the other insight rows. Since
 * R1 / R0 = (N1 / N0) × (D0 / D1), the two parts' changes compound to the KPI's (core/kpi/change.ts
 * holds the log split KPI_CHANGE returns).
 */
export interface ChangeContext {
  /** The formula context of the current period and of the one before it (trend rows). */
  readonly current: FormulaContext;
  readonly previous: FormulaContext;
  /** Trend cell of the KPI, k periods before the current one (0 = current). */
  readonly at: (id: KpiId, k: number) => string;
  readonly locale: Locale;
}

export const CHANGE_TITLE = t('{name}: what moved', '{name} : ce qui a bougé');
/** The row under it when a channel column is mapped: KPI_CHANGE_DRIVERS (formulas.ts channelChangeFormula). */
export const CHANNEL_TITLE = t('{name} by channel', '{name} par canal');

/** Whether the KPI is a numerator over a denominator the explanations can split. */
export function explainsChange(id: KpiId): boolean {
  return kpi(id).ratio !== undefined;
}

/**
 * "+12%" / "-6%" / "0%" for the relative change after / before − 1, whole percent. The sign is
 * written for rises only (ROUND already writes the minus); "+0" turns ROUND's −0 into 0.
 */
function percentChange(after: string, before: string, locale: Locale): string {
  const x = `(${after})/(${before})-1`;
  return `IF(${x}>=0.005,"+","")&(ROUND(100*(${x}),0)+0)&${str(locale === 'fr' ? ' %' : '%')}`;
}

/** The explanation formula (without "=") and the custom functions it calls. */
export function changeFormula(id: KpiId, c: ChangeContext): { formula: string; custom: string[] } {
  const def = kpi(id);
  const L = c.locale;
  const now = ratioPartFormulas(id, c.current);
  const before = ratioPartFormulas(id, c.previous);
  if (!def.ratio || !now || !before) throw new Error(`${id} is not a ratio KPI`);
  const [r1, r0] = [c.at(id, 0), c.at(id, 1)];
  const name = tr(def.name, L);
  const value = (cell: string) => shown(def.unit, cell, L);
  const values = `${str(`${name} `)}&${value(r0)}&" → "&${value(r1)}`;
  const parts = [
    `${str(L === 'fr' ? ' depuis la période précédente : ' : ' since the previous period: ')}`,
    str(`${tr(def.ratio.numerator, L)} `),
    percentChange(now.numerator, before.numerator, L),
    str(`, ${tr(def.ratio.denominator, L)} `),
    percentChange(now.denominator, before.denominator, L),
  ].join('&');
  const text = `${values}&" ("&${percentChange(r1, r0, L)}&")"&${parts}`;
  const notPositive = `${values}&${str(
    L === 'fr'
      ? ' : pas de décomposition, le KPI est nul ou négatif sur une des deux périodes'
      : ': no split, the KPI is zero or negative in one of the two periods',
  )}`;
  const needs = str(
    L === 'fr'
      ? `Il faut ${nameInText(id, L)} sur la période en cours et la précédente`
      : `Needs ${nameInText(id, L)} for the current and previous periods`,
  );
  // nested IFs: AND does not short-circuit, and "" > 0 is TRUE in Sheets
  const formula = `IF(AND(ISNUMBER(${r0}),ISNUMBER(${r1})),IF(AND(${r0}>0,${r1}>0),IFERROR(${text},${notPositive}),${notPositive}),${needs})`;
  return { formula, custom: [...new Set([...now.custom, ...before.custom])] };
}
