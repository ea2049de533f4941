import { argumentCount, findFunction, signatureOf, suggestName } from './function-catalog';
import { calls, tokenize } from './formula-text';

/**
 * The engine's errors about the formula itself, said in plain words with what to fix: a parser
 * message like "Expecting token of type --> RParen <--" becomes 'A ")" is missing', an unknown
 * name gets a "did you mean", a wrong argument count shows the function's signature. Errors the
 * KPI functions raise already say what to fix and pass through unchanged.
 */
export function explainError(formula: string | undefined, code: string, message: string): string {
  if (!formula) return message;
  if (message.startsWith('Parsing error')) return explainParse(formula, message);
  const unknown = /^Function name (.+) not recognized/.exec(message);
  if (unknown) {
    const name = unknown[1];
    const guess = suggestName(name);
    return guess ? `Unknown function ${name}. Did you mean ${guess}?` : `Unknown function ${name}: the Functions tab lists every function.`;
  }
  const named = /^Named expression (.+) not recognized/.exec(message);
  if (named) {
    const guess = suggestName(named[1]);
    const hint = guess ? ` Did you mean the function ${guess}(…)?` : ' Text needs quotes: "like this".';
    return `"${named[1]}" is not a cell reference or a known name.${hint}`;
  }
  if (/^Wrong number of arguments/.test(message)) {
    for (const call of calls(formula)) {
      const fn = findFunction(call.name);
      if (fn && (call.args < fn.minArgs || call.args > fn.maxArgs)) {
        return `${fn.name} takes ${argumentCount(fn)}, this call has ${call.args}: ${signatureOf(fn)}`;
      }
    }
    return `A function has the wrong number of arguments.`;
  }
  return message || code;
}

function explainParse(formula: string, message: string): string {
  const tokens = tokenize(formula);
  const open = tokens.find((t) => (t.type === 'string' || t.type === 'sheet') && !t.closed);
  if (open)
    return open.type === 'string'
      ? 'A text in quotes is not closed: add the closing ".'
      : "A sheet name in quotes is not closed: add the closing '.";
  let depth = 0;
  for (const t of tokens) {
    if (t.type === 'open') depth++;
    if (t.type === 'close' && --depth < 0) return `There is a ")" with no "(" before it, at character ${t.start + 1}.`;
  }
  if (depth > 0)
    return depth === 1 ? 'A ")" is missing at the end: every "(" needs its ")".' : `${depth} ")" are missing: every "(" needs its ")".`;
  const solid = tokens.filter((t) => t.type !== 'space');
  for (let i = 0; i < solid.length; i++) {
    const t = solid[i];
    const next = solid[i + 1];
    if (t.type === 'op' && t.text === ':' && (!next || (next.type !== 'name' && next.type !== 'number')))
      return 'A range needs both ends, like A1:B10.';
    if (t.type === 'op' && t.text !== '%' && i > 0 && !next) return `The formula ends with "${t.text}": something is missing after it.`;
    if (
      t.type === 'op' &&
      next?.type === 'op' &&
      !'+-'.includes(next.text) &&
      t.text !== '%' &&
      !(t.text === '<' && '>='.includes(next.text)) &&
      !(t.text === '>' && next.text === '=')
    ) {
      return `Something is missing between "${t.text}" and "${next.text}".`;
    }
    if (t.type === 'op' && next?.type === 'close' && t.text !== '%') return `Something is missing after "${t.text}".`;
  }
  const found = /but found:? (?:--> )?'([^']*)'/.exec(message)?.[1];
  return found
    ? `The formula cannot be read at "${found}": check the brackets, quotes and commas around it.`
    : 'The formula cannot be read: check its brackets, quotes and commas.';
}
