import { mountSidebar } from '../../sidebar/app';
import { createPlaygroundBridge } from '../dashboard/bridge';
import { Workbook } from '../engine/workbook';
import { generateSample, monthIso, MONTHS } from '../sample/company';
import { examplesSheet } from '../sample/examples';
import { columnName, Grid } from './grid';
import { renderFunctionPanel } from './function-panel';

/**
 * The playground page: sheet tabs, a formula bar, the grid, and on the right the same sidebar as
 * the add-ins (with the function list one tab away). Built from the same registry and core as
 * the add-ins, on HyperFormula, with the sample company preloaded.
 */
function start(): void {
  const sample = generateSample();
  const workbook = new Workbook({ Examples: examplesSheet(sample.checks), ...sample.sheets });

  const address = document.getElementById('address') as HTMLOutputElement;
  const input = document.getElementById('formula') as HTMLInputElement;
  const message = document.getElementById('message') as HTMLElement;
  const tabs = document.getElementById('tabs') as HTMLElement;
  const gridHost = document.getElementById('grid') as HTMLElement;
  const grid = new Grid(gridHost, workbook);
  let sheet = 0;

  const showSelection = () => {
    const { row, col } = grid.selection;
    const view = workbook.view({ sheet, row, col });
    address.value = `${columnName(col)}${row + 1}`;
    input.value = view.input;
    message.textContent = view.error ? `${view.display} ${view.error}` : '';
  };
  grid.onSelect = showSelection;
  grid.onEdit = (initial) => {
    input.value = initial;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  };
  grid.onClear = () => commit('');

  const commit = (content: string) => {
    const { row, col } = grid.selection;
    workbook.setCell({ sheet, row, col }, content === '' ? null : content);
    grid.refresh();
    showSelection();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(input.value);
      grid.select({ row: grid.selection.row + 1, col: grid.selection.col });
      gridHost.focus();
    } else if (e.key === 'Escape') {
      showSelection();
      gridHost.focus();
    }
  });

  const showSheet = (id: number) => {
    sheet = id;
    for (const b of Array.from(tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]'))) b.setAttribute('aria-selected', String(Number(b.dataset.sheet) === id));
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
      b.addEventListener('click', () => showSheet(workbook.sheetId(name)));
      tabs.append(b);
    }
    tabs.append(addSheetControl(workbook, (id) => {
      renderTabs();
      showSheet(id);
    }));
  };
  renderTabs();
  showSheet(0);

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
      for (const t of Array.from(panel.querySelectorAll<HTMLButtonElement>('.panel-tabs [role="tab"]'))) {
        const on = t === tab;
        t.setAttribute('aria-selected', String(on));
        t.tabIndex = on ? 0 : -1;
        (document.getElementById(t.getAttribute('aria-controls')!) as HTMLElement).hidden = !on;
      }
      if (tab.getAttribute('aria-controls') === 'functions' && !functionsRendered) {
        functionsRendered = true; // built on first open: it is not part of the first render
        renderFunctionPanel(functionsHost, (text) => grid.onEdit(text));
      }
    });
  }

  const lastMonth = monthIso(MONTHS - 1);
  const today = lastDayOfMonth(lastMonth);
  const bridge = createPlaygroundBridge(workbook, {
    today,
    onChange: (show) => {
      renderTabs();
      const id = show ? workbook.hf.getSheetId(show) : sheet;
      showSheet(id ?? sheet);
    },
  });

  const download = document.getElementById('download') as HTMLButtonElement;
  download.addEventListener('click', async () => {
    download.disabled = true;
    try {
      const { downloadWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../dashboard/download');
      const shareReady = (document.getElementById('share-ready') as HTMLInputElement | null)?.checked ?? false;
      await downloadWorkbook(workbook, bridge.lastPlan(), { shareReady, date: today, locale: bridge.lastPlan()?.locale ?? 'en' });
    } catch (e) {
      message.textContent = `Download failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      download.disabled = false;
    }
  });

  // For end-to-end tests and the curious: the workbook behind the page.
  (window as unknown as { kpiPilot: unknown }).kpiPilot = { workbook, bridge, ready: false };
  void mountSidebar(sidebarHost, bridge).then(() => {
    (window as unknown as { kpiPilot: unknown }).kpiPilot = { workbook, bridge, ready: true, readyMs: performance.now() };
    document.body.dataset.ready = 'true';
  });
}

/** "+" at the end of the sheet tabs: asks for a name inline, then adds an empty sheet of the user's. */
function addSheetControl(workbook: Workbook, added: (id: number) => void): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'add-sheet';
  const plus = document.createElement('button');
  plus.type = 'button';
  plus.textContent = '+';
  plus.setAttribute('aria-label', 'Add sheet');
  const form = document.createElement('form');
  form.hidden = true;
  const label = document.createElement('label');
  label.textContent = 'New sheet name';
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
      error.textContent = wanted ? `"${wanted}" already exists` : 'Type a name';
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
