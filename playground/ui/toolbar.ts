import type { Locale } from '../../core/dashboard/i18n';
import { Area, EditHistory } from '../engine/edits';
import { decimalsOf, withDecimals } from '../engine/number-format';
import { formatNumber, Workbook } from '../engine/workbook';

interface ToolbarHooks {
  area(): Area;
  cell(): { sheet: number; row: number; col: number };
  history: EditHistory;
  workbook: Workbook;
  locale: Locale;
  afterChange(pending: Promise<Area | undefined>): void;
}

/** Currency format per page language: the symbol where its readers expect it. */
export const CURRENCY_FORMAT: Record<Locale, string> = { en: '"$"#,##0.00', fr: '#,##0.00 "€"' };
export const PERCENT_FORMAT = '0.0%';

/**
 * The small toolbar over the grid: undo and redo, number formats of the selection (percent,
 * currency, one decimal more or less, back to the default the registry gives), fill down and
 * right. Each action goes through the edit history, so it can be undone.
 */
export function installToolbar(bar: HTMLElement, hooks: ToolbarHooks): void {
  const { history, workbook } = hooks;
  const formatAll = (code: string | undefined) => hooks.afterChange(history.format(hooks.area(), code));
  const stepDecimals = (by: number) => {
    const at = hooks.cell();
    const current = workbook.numberFormatAt(at);
    const shown = decimalsOf(current);
    let code: string;
    if (current && current !== 'General' && shown !== undefined) code = withDecimals(current, shown + by);
    else {
      const value = workbook.hf.getCellValue(at);
      const general = typeof value === 'number' ? formatNumber(value) : '0';
      const d = /\.(\d+)$/.exec(general)?.[1].length ?? 0;
      code = withDecimals(d ? `0.${'0'.repeat(d)}` : '0', d + by);
    }
    formatAll(code);
  };
  const actions: Record<string, () => void> = {
    undo: () => hooks.afterChange(history.undo()),
    redo: () => hooks.afterChange(history.redo()),
    percent: () => formatAll(PERCENT_FORMAT),
    currency: () => formatAll(CURRENCY_FORMAT[hooks.locale]),
    more: () => stepDecimals(1),
    fewer: () => stepDecimals(-1),
    general: () => formatAll(undefined),
    fillDown: () => hooks.afterChange(history.fillDown(hooks.area())),
    fillRight: () => hooks.afterChange(history.fillRight(hooks.area())),
  };
  for (const button of Array.from(bar.querySelectorAll<HTMLButtonElement>('button[data-action]'))) {
    button.title = button.getAttribute('aria-label') ?? '';
    // the grid keeps focus and selection: a toolbar click must not take them
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', () => actions[button.dataset.action!]?.());
  }
}
