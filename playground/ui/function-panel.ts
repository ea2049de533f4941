import type { Locale } from '../../core/dashboard/i18n';
import { functionCatalog, helpIn, signatureOf } from '../engine/function-catalog';
import { text } from './text';

/**
 * The Functions tab: every function (KPI Pilot's first, then the engine's) with its signature,
 * its help, and for KPI Pilot's each argument's meaning and allowed values, from the registry
 * (in French from core/registry/text-fr.ts when the page is French).
 */
export function renderFunctionPanel(host: HTMLElement, locale: Locale, insert: (formula: string) => void): void {
  const heading = document.createElement('h2');
  heading.textContent = text(locale, 'functions');
  const filter = document.createElement('input');
  filter.type = 'search';
  filter.placeholder = text(locale, 'filter');
  filter.setAttribute('aria-label', text(locale, 'filter'));
  const list = document.createElement('ul');
  list.className = 'functions';
  for (const fn of functionCatalog().map((f) => helpIn(f, locale))) {
    const li = document.createElement('li');
    li.dataset.name = fn.name.toLowerCase();
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = signatureOf(fn);
    button.title = text(locale, 'insert', { name: fn.name });
    button.addEventListener('click', () => insert(`=${fn.name}(`));
    const help = document.createElement('p');
    help.textContent = fn.help;
    li.append(button, help);
    if (fn.source === 'kpi' && fn.params.length) {
      const args = document.createElement('dl');
      args.className = 'args';
      for (const p of fn.params) {
        const dt = document.createElement('dt');
        dt.textContent = p.optional ? `${p.name} (${text(locale, 'optional')})` : p.name;
        const dd = document.createElement('dd');
        dd.textContent = [
          p.description,
          p.default !== undefined ? text(locale, 'defaultIs', { value: p.default }) : '',
          p.choices ? text(locale, 'allowed', { values: p.choices.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join('; ');
        args.append(dt, dd);
      }
      li.append(args);
    }
    list.append(li);
  }
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const li of Array.from(list.children) as HTMLElement[])
      li.hidden = !!q && !li.dataset.name!.includes(q) && !li.textContent!.toLowerCase().includes(q);
  });
  host.append(heading, filter, list);
}
