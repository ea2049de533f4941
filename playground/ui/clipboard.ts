import type { Locale } from '../../core/dashboard/i18n';
import { Area, Clip, EditHistory, parseInput } from '../engine/edits';
import { parseTsv, toTsv } from '../engine/tsv';

interface ClipboardHooks {
  area(): Area;
  history: EditHistory;
  locale: Locale;
  afterChange(pending: Promise<Area | undefined>): void;
  message: HTMLElement;
}

/** The largest block a paste may write, so a stray paste of a whole file cannot freeze the page. */
const MAX_PASTE_CELLS = 200000;

/**
 * Copy, cut and paste on the grid as tab-separated text, the format Sheets and Excel exchange:
 * a copied range pastes into them, and a block copied there pastes here. Values go out as the
 * engine holds them (numbers unformatted, so nothing is rounded away). Within the page, a paste
 * of what was just copied moves formulas like a spreadsheet does (relative references shift).
 */
export function installClipboard(host: HTMLElement, hooks: ClipboardHooks): void {
  let last: { text: string; clip: Clip } | undefined;
  const copy = (e: ClipboardEvent, cut: boolean) => {
    if (document.activeElement !== host || !e.clipboardData) return;
    e.preventDefault();
    const area = hooks.area();
    const tsv = toTsv(valuesOf(hooks.history, area));
    e.clipboardData.setData('text/plain', tsv);
    last = { text: tsv, clip: hooks.history.snapshot(area) };
    if (cut) hooks.afterChange(hooks.history.clear(area));
  };
  document.addEventListener('copy', (e) => copy(e, false));
  document.addEventListener('cut', (e) => copy(e, true));
  document.addEventListener('paste', (e) => {
    if (document.activeElement !== host || !e.clipboardData) return;
    e.preventDefault();
    const data = e.clipboardData.getData('text/plain');
    if (!data) return;
    const at = hooks.area();
    if (last && last.text === data) {
      hooks.afterChange(hooks.history.paste(last.clip, { sheet: at.sheet, top: at.top, left: at.left }));
      return;
    }
    const rows = parseTsv(data);
    if (rows.length * (rows[0]?.length ?? 0) > MAX_PASTE_CELLS) {
      hooks.message.textContent = `${rows.length} × ${rows[0].length} cells: too many to paste at once.`;
      return;
    }
    hooks.afterChange(
      hooks.history.write(
        at.sheet,
        at.top,
        at.left,
        rows.map((r) => r.map((c) => parseInput(c, hooks.locale))),
      ),
    );
  });
}

/** The values of an area as text cells: numbers in full precision, dates as ISO, errors as their code. */
function valuesOf(history: EditHistory, area: Area): string[][] {
  return history
    .values(area)
    .map((row) => row.map((v) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v))));
}
