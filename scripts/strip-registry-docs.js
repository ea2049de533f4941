/**
 * A TypeScript transformer for the Apps Script bundle and Excel's functions.js: drops the registry's
 * reader-facing text (a function's section, help, details, example and error list, and each
 * parameter's description) from core/functions. Sheets evaluates the whole server bundle on every
 * custom-function call, and nothing there reads that text: Sheets shows the JSDoc of the generated
 * stubs, Excel the descriptions of functions.json, and the reference, the help pages and
 * functions.json are all written at build time from the sources.
 * marginParam(name, description) keeps its name. Names, kinds, defaults, bounds and choices stay:
 * the runner and its error messages use them.
 *
 * The same for the KPI catalog, of which the server reads a KPI's name, unit and direction only
 * (SERVER_FIELDS); the sidebar, which plans and explains KPIs, has it whole.
 * test/apps-script/registry-text.test.ts checks the built server has none of that text.
 */
const path = require('path');
const ts = require('typescript');

const FUNCTION_TEXT = new Set(['section', 'help', 'details', 'example', 'errors']);
const REGISTRY = `${path.sep}core${path.sep}functions${path.sep}`;

/** `key: value` whose key is one of names. */
function isField(node, names) {
  return ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && names.has(node.name.text);
}

/** A parameter literal: it has both a name and a kind. */
function isParam(node) {
  const keys = new Set(node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '')));
  return keys.has('name') && keys.has('kind');
}

/** marginParam(name, description): the shared declaration of a 0..1 margin parameter. */
function isMarginParam(node) {
  return (
    ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'marginParam' && node.arguments.length === 2
  );
}

function isDefineFunction(node) {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'defineFunction' &&
    node.arguments.length === 1 &&
    ts.isObjectLiteralExpression(node.arguments[0])
  );
}

const DESCRIPTION = new Set(['description']);

/**
 * Per dashboard table: its entries' key (an entry is an object literal with it) and the only fields
 * the server reads of each entry. The KPI catalog's readers on the server (the alert rule, the
 * digest, the anchors, KPI History) read a KPI's name, unit and direction; its
 * description, formulas, vanity warning, hints and the fields it reads serve the sidebar and the
 * generated sheets, which the sidebar plans.
 */
const SERVER_FIELDS = [
  { file: path.join('core', 'dashboard', 'catalog.ts'), key: 'id', keep: new Set(['id', 'name', 'unit', 'direction']) },
];

const hasKey = (node, key) =>
  node.properties.some((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key);

const keptField = (p, keep) =>
  !ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) || keep.has(p.name.text);

/** @type {import('typescript').TransformerFactory<import('typescript').SourceFile>} */
function keepServerFields(context) {
  return (file) => {
    const tables = SERVER_FIELDS.filter((table) => path.normalize(file.fileName).endsWith(path.sep + table.file));
    if (!tables.length) return file;
    const f = context.factory;
    const visit = (node) => {
      const visited = ts.visitEachChild(node, visit, context);
      if (!ts.isObjectLiteralExpression(visited)) return visited;
      const table = tables.find((tb) => hasKey(visited, tb.key));
      return table
        ? f.updateObjectLiteralExpression(
            visited,
            visited.properties.filter((p) => keptField(p, table.keep)),
          )
        : visited;
    };
    return ts.visitNode(file, visit);
  };
}

/** @type {import('typescript').TransformerFactory<import('typescript').SourceFile>} */
function stripRegistryDocs(context) {
  const f = context.factory;
  const visit = (node) => {
    const visited = ts.visitEachChild(node, visit, context);
    if (ts.isObjectLiteralExpression(visited) && isParam(visited)) {
      return f.updateObjectLiteralExpression(
        visited,
        visited.properties.filter((p) => !isField(p, DESCRIPTION)),
      );
    }
    if (isMarginParam(visited)) {
      return f.updateCallExpression(visited, visited.expression, visited.typeArguments, [visited.arguments[0], f.createStringLiteral('')]);
    }
    if (isDefineFunction(visited)) {
      const def = visited.arguments[0];
      const kept = f.updateObjectLiteralExpression(
        def,
        def.properties.filter((p) => !isField(p, FUNCTION_TEXT)),
      );
      return f.updateCallExpression(visited, visited.expression, visited.typeArguments, [kept]);
    }
    return visited;
  };
  return (file) => (path.normalize(file.fileName).includes(REGISTRY) ? ts.visitNode(file, visit) : file);
}

/**
 * The text constructors, which only build {en, fr}: `t` as imported from core/dashboard/i18n.ts,
 * and the catalog's own `N`. A call is marked only where the name is bound to one of them, so a
 * local function that happens to be called t keeps its side effects.
 */
const DASHBOARD = `${path.sep}core${path.sep}dashboard${path.sep}`;
const CATALOG = `${DASHBOARD}catalog.ts`;

/** The local names a file gives to i18n.ts's `t` (import { t } or import { t as x } from '…/i18n'). */
function i18nTextNames(file) {
  const names = new Set();
  for (const st of file.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !/(^|\/)i18n$/.test(st.moduleSpecifier.text)) continue;
    const bindings = st.importClause && st.importClause.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) if ((el.propertyName || el.name).text === 't') names.add(el.name.text);
  }
  return names;
}

/**
 * Marks every text constructor call in core/dashboard and the Apps Script host as pure (a
 * #__PURE__ annotation), so the minifier drops the labels and messages the server never reads:
 * without it, a call might have side effects and its table stays, whole, in the bundle.
 * @type {import('typescript').TransformerFactory<import('typescript').SourceFile>}
 */
function pureTextCalls(context) {
  return (file) => {
    const name = path.normalize(file.fileName);
    if (!name.includes(DASHBOARD) && !name.includes(`${path.sep}apps-script${path.sep}`)) return file;
    const constructors = i18nTextNames(file);
    if (name.endsWith(CATALOG)) constructors.add('N');
    if (name.endsWith(`${DASHBOARD}i18n.ts`)) constructors.add('t');
    if (constructors.size === 0) return file;
    const visit = (node) => {
      const visited = ts.visitEachChild(node, visit, context);
      if (ts.isCallExpression(visited) && ts.isIdentifier(visited.expression) && constructors.has(visited.expression.text))
        return ts.addSyntheticLeadingComment(visited, ts.SyntaxKind.MultiLineCommentTrivia, '#__PURE__', false);
      return visited;
    };
    return ts.visitNode(file, visit);
  };
}

module.exports = { stripRegistryDocs, keepServerFields, pureTextCalls };
