import { mountSidebar } from '../../sidebar/app';
import { createPlaygroundBridge } from '../dashboard/bridge';
import { Area, EditHistory, parseInput } from '../engine/edits';
import { yieldToPage } from '../engine/yield';
import { restoreWorkbook, serializeWorkbook, WORKBOOK_KEY } from '../engine/persist';
import { Workbook } from '../engine/workbook';
import { generateSample, monthIso, MONTHS } from '../sample/company';
import { examplesSheet } from '../sample/examples';
import { installClipboard } from './clipboard';
import { FormulaEditor } from './editor';
import { renderFunctionPanel } from './function-panel';
import { attachCharts, rangeReader } from './charts';
import { columnName, Grid } from './grid';
import { PAGE_TEXT, pageLocale, text } from './text';
import { installToolbar } from './toolbar';

/**
 * The playground page: sheet tabs, a formula bar with autocomplete, a toolbar, the grid, and on
 * the right the same sidebar as the add-ins (with the function list one tab away). Built from
 * the same registry and core as the add-ins, on HyperFormula, with the sample company preloaded
 * or the user's own workbook restored from this browser.
 */
function start(): void {
  const locale = pageLocale(location.search, navigator.language);
  translatePage(locale);
  performance.mark('kpi:start');
  const sample = generateSample();
  // the Examples' live formulas are entered just after the first render (see fillExamples)
  const examples = deferFormulas(examplesSheet(sample.checks));
  const sampleSheets = { Examples: examples.rows, ...sample.sheets };
  const restored = safeRestore(sampleSheets);
  const workbook = restored?.workbook ?? new Workbook(sampleSheets);
  const examplesPending = !restored || restored.untouched.has('Examples');
  workbook.locale = locale;
  performance.mark('kpi:workbook');
  /** Sample sheets the user has not changed: saved as a mention, rebuilt from the generator. */
  const untouched = restored?.untouched ?? new Set(Object.keys(sampleSheets));

  const address = document.getElementById('address') as HTMLOutputElement;
  const input = document.getElementById('formula') as HTMLInputElement;
  const message = document.getElementById('message') as HTMLElement;
  const tabs = document.getElementById('tabs') as HTMLElement;
  const gridHost = document.getElementById('grid') as HTMLElement;
  const grid = new Grid(gridHost, workbook);
  const history = new EditHistory(workbook);
  let sheet = 0;

  // ---- saving in this browser ------------------------------------------------------------------
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 300);
  };
  const save = () => {
    saveTimer = undefined;
    try {
      localStorage.setItem(WORKBOOK_KEY, serializeWorkbook(workbook, untouched));
    } catch (e) {
      message.textContent = text(locale, 'saveFailed', { msg: e instanceof Error ? e.message : String(e) });
    }
  };
  window.addEventListener('pagehide', () => saveTimer && save());

  // ---- selection, editing ------------------------------------------------------------------------
  const editor = new FormulaEditor(
    input,
    document.getElementById('suggestions') as HTMLUListElement,
    document.getElementById('hint') as HTMLElement,
    {
      shownSheet: () => ({ id: sheet, name: workbook.hf.getSheetName(sheet) ?? '' }),
      commit: (target, content) => {
        // one cell: written at once (no slice), shown before the edit moves on
        void history.write(target.sheet, target.row, target.col, [[parseInput(content, locale)]]);
        if (target.sheet === sheet) grid.refresh();
      },
      done: (target, committed) => {
        if (sheet !== target.sheet) showSheet(target.sheet);
        if (editorExit === 'enter') grid.select({ row: target.row + (committed ? 1 : 0), col: target.col });
        else if (editorExit !== 'click') grid.select({ row: target.row, col: target.col });
        if (editorExit !== 'tab' && editorExit !== 'click') gridHost.focus();
        editorExit = 'enter';
      },
      highlight: (r) => grid.highlight(r),
    },
    () => locale,
  );
  let editorExit: 'enter' | 'tab' | 'click' | 'escape' = 'enter';
  input.addEventListener(
    'keydown',
    (e) => {
      editorExit = e.key === 'Tab' ? 'tab' : e.key === 'Escape' ? 'escape' : 'enter';
    },
    { capture: true },
  );
  editor.selectionTarget = () => ({ sheet, row: grid.selection.row, col: grid.selection.col });

  const showSelection = () => {
    const { row, col } = grid.selection;
    const view = workbook.view({ sheet, row, col });
    const r = grid.range();
    address.value =
      r.bottom > r.top || r.right > r.left
        ? `${columnName(r.left)}${r.top + 1}:${columnName(r.right)}${r.bottom + 1}`
        : `${columnName(col)}${row + 1}`;
    editor.show(view.input);
    message.textContent = view.error ? `${view.display} ${view.error}` : '';
  };
  grid.onSelect = showSelection;
  grid.onEdit = (initial) => editor.begin({ sheet, row: grid.selection.row, col: grid.selection.col }, initial);
  grid.onPointer = (cell, phase, anchor) => {
    editorExit = 'click';
    const took = editor.point(cell, phase, anchor);
    if (took) editorExit = 'enter';
    return took;
  };
  grid.onEscape = () => (document.getElementById('tabs')?.querySelector<HTMLElement>('[aria-selected="true"]') ?? input).focus();

  const area = (): Area => ({ sheet, ...grid.range() });
  const busy = document.getElementById('busy') as HTMLElement;
  history.onProgress = (done, total) => {
    busy.textContent = done < total ? text(locale, 'working', { step: `${Math.round((100 * done) / total)}%` }) : '';
  };
  /** Shows a change once written (a large one is written in slices while the page stays responsive). */
  const afterChange = async (pending: Promise<Area | undefined>) => {
    const changed = await pending;
    if (!changed) return;
    if (changed.sheet !== sheet) showSheet(changed.sheet);
    grid.refresh();
    grid.selectRect(changed);
    showSelection();
  };
  history.onChange = (changed) => {
    const name = workbook.hf.getSheetName(changed.sheet);
    if (name) untouched.delete(name);
    saveSoon();
  };
  grid.onClear = () => void afterChange(history.clear(area()));
  grid.onShortcut = (e) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (!ctrl) return false;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) void afterChange(history.undo());
    else if (key === 'y' || (key === 'z' && e.shiftKey)) void afterChange(history.redo());
    else if (key === 'd') void afterChange(history.fillDown(area()));
    else if (key === 'r') void afterChange(history.fillRight(area()));
    else return false;
    return true;
  };
  installClipboard(gridHost, { area, history, locale, afterChange, message });
  installToolbar(document.getElementById('toolbar') as HTMLElement, {
    area,
    history,
    workbook,
    locale,
    afterChange,
    cell: () => ({ sheet, ...grid.selection }),
  });

  // ---- sheets --------------------------------------------------------------------------------
  const showSheet = (id: number) => {
    sheet = id;
    for (const b of Array.from(tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]'))) {
      const on = Number(b.dataset.sheet) === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    gridHost.setAttribute('aria-label', text(locale, 'grid', { name: workbook.hf.getSheetName(id) ?? '' }));
    grid.show(id);
  };
  const renderTabs = () => {
    tabs.replaceChildren();
    for (const name of workbook.sheetNames()) {
      const b = document.createElement('button');
      b.type = 'button';
      b.role = 'tab';
      b.textContent = name;
      b.dataset.sheet = String(workbook.sheetId(name));
      if (workbook.markers.has(workbook.sheetId(name))) b.classList.add('generated');
      // while a formula is edited, a tab shows that sheet to point at its cells; the edit goes on
      b.addEventListener('mousedown', (e) => editor.editing && e.preventDefault());
      b.addEventListener('click', () => showSheet(workbook.sheetId(name)));
      b.addEventListener('keydown', (e) => {
        if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        const all = Array.from(tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
        const next = all[(all.indexOf(b) + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
        next.focus();
        next.click();
      });
      tabs.append(b);
    }
    tabs.append(
      addSheetControl(workbook, locale, (id) => {
        renderTabs();
        showSheet(id);
        saveSoon();
      }),
    );
  };
  renderTabs();
  showSheet(0);
  performance.mark('kpi:grid');
  if (restored) message.textContent = text(locale, 'restored');

  // the right panel: the sidebar, and the function list one tab away
  const panel = document.getElementById('panel') as HTMLElement;
  const sidebarHost = document.getElementById('sidebar') as HTMLElement;
  const functionsHost = document.getElementById('functions') as HTMLElement;
  let functionsRendered = false;
  const panelTabs = Array.from(panel.querySelectorAll<HTMLButtonElement>('.panel-tabs [role="tab"]'));
  for (const tab of panelTabs) {
    // arrow keys move between the two tabs, as the ARIA tabs pattern expects
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const other = panelTabs[(panelTabs.indexOf(tab) + 1) % panelTabs.length];
      other.click();
      other.focus();
    });
    tab.addEventListener('click', () => {
      for (const t of panelTabs) {
        const on = t === tab;
        t.setAttribute('aria-selected', String(on));
        t.tabIndex = on ? 0 : -1;
        (document.getElementById(t.getAttribute('aria-controls')!) as HTMLElement).hidden = !on;
      }
      if (tab.getAttribute('aria-controls') === 'functions' && !functionsRendered) {
        functionsRendered = true; // built on first open: it is not part of the first render
        renderFunctionPanel(functionsHost, locale, (formula) => grid.onEdit(formula));
      }
    });
  }

  const lastMonth = monthIso(MONTHS - 1);
  const today = lastDayOfMonth(lastMonth);
  const bridge = createPlaygroundBridge(workbook, {
    today,
    locale,
    onChange: (show) => {
      history.forget(); // the add-in rewrote its sheets: undoing into them would lose work
      renderTabs();
      const id = show ? workbook.hf.getSheetId(show) : sheet;
      showSheet(id ?? sheet);
      saveSoon();
    },
  });

  // the plan's charts over the grid, on the sheet each belongs to (charts.ts)
  attachCharts(
    grid,
    (id) => {
      const name = workbook.hf.getSheetName(id);
      const planned = bridge.lastPlan()?.sheets.find((s) => s.name === name && workbook.markers.get(id) === s.role);
      return planned && name ? { name, charts: planned.charts } : undefined;
    },
    rangeReader((name, row, col) => {
      const v = workbook.hf.getCellValue({ sheet: workbook.sheetId(name), row, col });
      return v !== null && typeof v === 'object' ? null : v;
    }),
  );

  const download = document.getElementById('download') as HTMLButtonElement;
  download.addEventListener('click', async () => {
    download.disabled = true;
    try {
      const { downloadWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../dashboard/download');
      const shareReady = (document.getElementById('share-ready') as HTMLInputElement | null)?.checked ?? false;
      await downloadWorkbook(workbook, bridge.lastPlan(), { shareReady, date: today, locale: bridge.lastPlan()?.locale ?? 'en' });
    } catch (e) {
      message.textContent = text(locale, 'downloadFailed', { msg: e instanceof Error ? e.message : String(e) });
    } finally {
      download.disabled = false;
    }
  });

  const reset = document.getElementById('reset') as HTMLButtonElement;
  reset.addEventListener('click', () => {
    if (!window.confirm(text(locale, 'resetConfirm'))) return;
    clearTimeout(saveTimer);
    saveTimer = undefined;
    localStorage.removeItem(WORKBOOK_KEY); // the panel's setup stays: Generate rebuilds the dashboard on the sample
    location.reload();
  });

  // For end-to-end tests, overlays and the curious: the workbook and grid behind the page.
  const api = { workbook, bridge, grid, history, ready: false, readyMs: 0, examplesMs: 0 };
  (window as unknown as { kpiPilot: unknown }).kpiPilot = api;
  void mountSidebar(sidebarHost, bridge).then(async () => {
    api.ready = true;
    api.readyMs = performance.now();
    document.body.dataset.ready = 'true';
    if (examplesPending) {
      await fillExamples(workbook, examples.formulas, () => sheet === workbook.sheetId('Examples') && grid.refresh());
      api.examplesMs = performance.now();
    }
    document.body.dataset.examples = 'done';
  });
}

/** A sheet's formulas taken out (to enter later), with where they go. */
function deferFormulas(rows: (string | number | boolean | null)[][]): {
  rows: (string | number | boolean | null)[][];
  formulas: { row: number; col: number; formula: string }[];
} {
  const formulas: { row: number; col: number; formula: string }[] = [];
  const stripped = rows.map((cells, row) =>
    cells.map((c, col) => {
      if (typeof c !== 'string' || !c.startsWith('=')) return c;
      formulas.push({ row, col, formula: c });
      return null;
    }),
  );
  return { rows: stripped, formulas };
}

/**
 * Enters the Examples' live formulas after the page is shown, a few at a time between frames:
 * computing every function of the registry is most of the page's start-up work, and the page
 * need not wait for it. A cell the user has typed into meanwhile is left as typed.
 */
async function fillExamples(
  workbook: Workbook,
  formulas: { row: number; col: number; formula: string }[],
  repaint: () => void,
): Promise<void> {
  const id = workbook.hf.getSheetId('Examples');
  if (id === undefined) return;
  let sliceStart = performance.now();
  for (const f of formulas) {
    const at = { sheet: id, row: f.row, col: f.col };
    if (workbook.hf.getCellSerialized(at) == null) workbook.hf.setCellContents(at, [[f.formula]]);
    if (performance.now() - sliceStart > 40) {
      workbook.settle();
      repaint();
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  workbook.settle();
  repaint();
}

/** The saved workbook, or undefined (none, unreadable, or storage refused). */
function safeRestore(sample: Record<string, (string | number | boolean | null)[][]>): ReturnType<typeof restoreWorkbook> {
  try {
    return restoreWorkbook(localStorage.getItem(WORKBOOK_KEY), sample);
  } catch {
    return undefined;
  }
}

/** Sets the page's static words (data-text: content, data-label: aria-label) in the locale. */
function translatePage(locale: 'en' | 'fr'): void {
  document.documentElement.lang = locale;
  const known = (key: string | undefined): key is keyof typeof PAGE_TEXT => !!key && key in PAGE_TEXT;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-text]')))
    if (known(node.dataset.text)) node.textContent = text(locale, node.dataset.text);
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-label]')))
    if (known(node.dataset.label)) node.setAttribute('aria-label', text(locale, node.dataset.label));
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-title]')))
    if (known(node.dataset.title)) node.title = text(locale, node.dataset.title);
  const currency = document.querySelector<HTMLElement>('[data-action="currency"]');
  if (currency) currency.textContent = locale === 'fr' ? '€' : '$';
}

/** "+" at the end of the sheet tabs: asks for a name inline, then adds an empty sheet of the user's. */
function addSheetControl(workbook: Workbook, locale: 'en' | 'fr', added: (id: number) => void): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'add-sheet';
  const plus = document.createElement('button');
  plus.type = 'button';
  plus.textContent = '+';
  plus.setAttribute('aria-label', text(locale, 'addSheet'));
  const form = document.createElement('form');
  form.hidden = true;
  const label = document.createElement('label');
  label.textContent = text(locale, 'newSheetName');
  label.className = 'visually-hidden';
  label.htmlFor = 'new-sheet-name';
  const name = document.createElement('input');
  name.id = 'new-sheet-name';
  name.autocomplete = 'off';
  const error = document.createElement('span');
  error.className = 'add-sheet-error';
  error.setAttribute('role', 'alert');
  form.append(label, name, error);
  plus.addEventListener('click', () => {
    form.hidden = false;
    plus.hidden = true;
    name.value = `Sheet${workbook.sheetNames().length + 1}`;
    name.focus();
    name.select();
  });
  name.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      form.hidden = true;
      plus.hidden = false;
      plus.focus();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const wanted = name.value.trim();
    if (!wanted || workbook.hf.doesSheetExist(wanted)) {
      error.textContent = wanted ? text(locale, 'exists', { name: wanted }) : text(locale, 'typeName');
      return;
    }
    added(workbook.addSheet(wanted, []));
  });
  wrap.append(plus, form);
  return wrap;
}

function lastDayOfMonth(firstIso: string): string {
  const d = new Date(`${firstIso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

start();
