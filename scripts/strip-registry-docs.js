/**
 * A TypeScript transformer for the Apps Script bundle and Excel's functions.js: drops the registry's
 * reader-facing text (a function's section, help, details, example and error list, and each
 * parameter's description) from core/functions. Sheets evaluates the whole server bundle on every
 * custom-function call, and nothing there reads that text: Sheets shows the JSDoc of the generated
 * stubs, Excel the descriptions of functions.json, and the reference, the help pages and
 * functions.json are all written at build time from the sources.
 * marginParam(name, description) keeps its name. Names, kinds, defaults, bounds and choices stay:
 * the runner and its error messages use them.
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

module.exports = { stripRegistryDocs };
