import { KpiFunction, ParamSpec } from '../core/registry/types';
import { signature } from '../core/registry/signature';

/**
 * The function reference shown inside the hosts: a collapsible section under the Sheets sidebar
 * and the Excel task pane, and a page of its own (the Sheets "Function reference" menu item,
 * Excel's help link). Rendered at build time from the registry, as static HTML: no script, so
 * it costs the ES5 sidebar bundle nothing and works before the add-in has loaded its data.
 */
export interface FunctionHelpOptions {
  /** What the user types before a name: '' in Sheets, 'KPIPILOT.' in Excel. */
  readonly prefix: string;
  /** Open the section (the stand-alone page) or leave it folded under the sidebar. */
  readonly open?: boolean;
}

export function functionHelpHtml(functions: readonly KpiFunction[], options: FunctionHelpOptions): string {
  const sections = [...new Set(functions.map((f) => f.section))];
  const out: string[] = [
    `<details class="kp-help" id="kp-help" lang="en"${options.open ? ' open' : ''}>`,
    `<summary>Function reference (${functions.length} functions)</summary>`,
    `<p>Type <code>=${escapeHtml(options.prefix)}</code> and a name in a cell: the formula bar shows each argument. ` +
      'Blank cells are skipped; text in a numeric range is an error naming the argument and row; rates are fractions (5% is 0.05); ' +
      'dates may be dates, serial numbers or <code>YYYY-MM-DD</code> text. An argument in [brackets] is optional.</p>',
  ];
  for (const section of sections) {
    out.push(`<h4>${escapeHtml(section)}</h4>`);
    for (const fn of functions.filter((f) => f.section === section)) out.push(functionEntry(fn, options.prefix));
  }
  out.push('</details>');
  return out.join('\n');
}

function functionEntry(fn: KpiFunction, prefix: string): string {
  const params = fn.params
    .map((p) => `<dt><code>${escapeHtml(p.name)}</code>${optionalNote(p)}</dt><dd>${escapeHtml(p.description)}</dd>`)
    .join('');
  const result = fn.example.result;
  const gives = Array.isArray(result)
    ? `a table (${escapeHtml(fn.example.working)})`
    : `${escapeHtml(typeof result === 'string' ? `"${result}"` : typeof result === 'number' ? String(Number(result.toPrecision(10))) : String(result))}: ${escapeHtml(fn.example.working)}`;
  const example = fn.example.formula.replace(/^=/, '');
  return [
    `<details class="kp-fn" id="kp-fn-${fn.name.toLowerCase()}">`,
    `<summary><code>${escapeHtml(prefix + fn.name)}</code> ${escapeHtml(fn.help)}</summary>`,
    `<p class="kp-sig"><code>${escapeHtml(prefix + signature(fn))}</code></p>`,
    fn.details ? `<p>${escapeHtml(fn.details)}</p>` : '',
    params ? `<dl>${params}</dl>` : '',
    `<p>Example: <code>=${escapeHtml(prefix + example)}</code> gives ${gives}.</p>`,
    fn.errors.length ? `<ul>${fn.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>` : '',
    '</details>',
  ]
    .filter(Boolean)
    .join('');
}

function optionalNote(p: ParamSpec): string {
  if (!p.optional) return '';
  return p.default === undefined ? ' (optional)' : ` (optional, default ${escapeHtml(JSON.stringify(p.default))})`;
}

/** Registry text is ours, but it carries quotes and angle brackets ("<", "x > y"). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A stand-alone page with the reference open: the Sheets menu item and Excel's help link. */
export function functionHelpPage(functions: readonly KpiFunction[], options: FunctionHelpOptions & { css: string }): string {
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<title>KPI Pilot functions</title>\n<style>\nbody { margin: 0; padding: 0 12px; font-family: Arial, sans-serif; font-size: 13px; }\n' +
    options.css.replace(/<\/(style)/gi, '<\\/$1') +
    '\n</style>\n</head>\n<body>\n' +
    functionHelpHtml(functions, { prefix: options.prefix, open: true }) +
    '\n</body>\n</html>\n'
  );
}
