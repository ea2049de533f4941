import { FUNCTIONS } from '../../core/functions';
import { signature } from '../../core/registry/signature';

/** The right-hand panel until the sidebar takes its place: every function with its help. */
export function renderFunctionPanel(host: HTMLElement, insert: (formula: string) => void): void {
  const heading = document.createElement('h2');
  heading.textContent = 'Functions';
  const filter = document.createElement('input');
  filter.type = 'search';
  filter.placeholder = 'Filter functions';
  filter.setAttribute('aria-label', 'Filter functions');
  const list = document.createElement('ul');
  list.className = 'functions';
  for (const fn of FUNCTIONS) {
    const li = document.createElement('li');
    li.dataset.name = fn.name.toLowerCase();
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = signature(fn);
    button.title = `Insert ${fn.name} in the selected cell`;
    button.addEventListener('click', () => insert(`=${fn.name}(`));
    const help = document.createElement('p');
    help.textContent = fn.help;
    li.append(button, help);
    list.append(li);
  }
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const li of Array.from(list.children) as HTMLElement[]) li.hidden = !!q && !li.dataset.name!.includes(q) && !li.textContent!.toLowerCase().includes(q);
  });
  host.append(heading, filter, list);
}
