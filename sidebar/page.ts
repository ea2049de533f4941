/**
 * The HTML pages that host the sidebar, as build-time text (scripts/build.ts writes them).
 * - Sheets: ONE file, script and style inlined, since HtmlService.createHtmlOutputFromFile serves
 *   a single file. The script must be ES5 (no template literals) for HtmlService.
 * - Excel: the task pane loads Office.js, functions.js (shared runtime) and taskpane.js.
 */
export interface PageParts {
  readonly css: string;
  /** The bundled script, inlined (Sheets). */
  readonly script?: string;
  /** Script URLs loaded in the head, in order (Excel: Office.js, functions.js). */
  readonly scripts?: readonly string[];
  /** Script URLs loaded at the end of the body, once #app exists (Excel: taskpane.js). */
  readonly bodyScripts?: readonly string[];
  /** Static HTML placed under the app (the function reference, sidebar/function-help.ts). */
  readonly help?: string;
}

/** A script's text safe inside <script>: "</script" and "<!--" cannot close or comment it out. */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** A stylesheet's text safe inside <style>. */
export function inlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

export function sidebarPage(parts: PageParts): string {
  const tags = (list: readonly string[] | undefined) => (list ?? []).map((src) => '<script src="' + src + '"></script>\n').join('');
  const scripts = tags(parts.scripts);
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<base target="_top">\n<title>KPI Pilot</title>\n<style>\nbody { margin: 0; padding: 0 12px; }\n' +
    inlineStyle(parts.css) +
    '\n</style>\n' +
    scripts +
    '</head>\n<body>\n<main id="app" aria-label="KPI Pilot"></main>\n' +
    (parts.help ? '<aside aria-label="Function reference">\n' + parts.help + '\n</aside>\n' : '') +
    (parts.script !== undefined ? '<script>\n' + inlineScript(parts.script) + '\n</script>\n' : '') +
    tags(parts.bodyScripts) +
    '</body>\n</html>\n'
  );
}
