import { Locale } from '../../core/dashboard/i18n';
import type { ShareActions } from '../../sidebar/bridge';
import { Workbook } from '../engine/workbook';
import { freezeWorkbook, restoreWorkbook } from './freeze';

/** The sidebar's share actions on the playground's workbook (no repair: HyperFormula never loses a function). */
export function playgroundShare(workbook: Workbook, today: string, locale: () => Locale, changed?: () => void): ShareActions {
  return {
    async prepare() {
      const r = freezeWorkbook(workbook, today, locale());
      changed?.();
      return r;
    },
    async makeLive() {
      const r = restoreWorkbook(workbook);
      changed?.();
      return r;
    },
  };
}
