import { Workbook } from '../engine/workbook';
import { generateSample } from '../sample/company';
import { examplesSheet } from '../sample/examples';
import { columnName, Grid } from './grid';
import { renderFunctionPanel } from './function-panel';

/**
 * The playground page: sheet tabs, a formula bar, the grid, and the panel on the right. Built
 * from the same registry as the add-ins, on HyperFormula, with the sample company preloaded.
 */
function start(): void {
  const sample = generateSample();
  const workbook = new Workbook({ Examples: examplesSheet(sample.checks), ...sample.sheets });

  const address = document.getElementById('address') as HTMLOutputElement;
  const input = document.getElementById('formula') as HTMLInputElement;
  const message = document.getElementById('message') as HTMLElement;
  const tabs = document.getElementById('tabs') as HTMLElement;
  const grid = new Grid(document.getElementById('grid') as HTMLElement, workbook);
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
      (document.getElementById('grid') as HTMLElement).focus();
    } else if (e.key === 'Escape') {
      showSelection();
      (document.getElementById('grid') as HTMLElement).focus();
    }
  });

  const showSheet = (id: number) => {
    sheet = id;
    for (const b of Array.from(tabs.children) as HTMLButtonElement[]) b.setAttribute('aria-selected', String(Number(b.dataset.sheet) === id));
    grid.show(id);
  };
  for (const name of workbook.sheetNames()) {
    const b = document.createElement('button');
    b.type = 'button';
    b.role = 'tab';
    b.textContent = name;
    b.dataset.sheet = String(workbook.sheetId(name));
    b.addEventListener('click', () => showSheet(workbook.sheetId(name)));
    tabs.append(b);
  }
  renderFunctionPanel(document.getElementById('panel') as HTMLElement, (text) => grid.onEdit(text));
  showSheet(0);

  // For end-to-end tests and the curious: the workbook behind the page.
  (window as unknown as { kpiPilot: unknown }).kpiPilot = { workbook, ready: true, readyMs: performance.now() };
  document.body.dataset.ready = 'true';
}

start();
