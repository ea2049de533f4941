/**
 * Reading a formula as the user types it, before the engine sees it: which function name is
 * being typed (for autocomplete), which call and argument the caret is in (for the argument
 * hint), and whether a cell reference may go at the caret (for point-and-click ranges).
 * A small lexer is enough: text in "..." and sheet names in '...' are skipped, everything else
 * is names, numbers, brackets, separators and operators. O(formula length) per call.
 */
export type Token =
  | { type: 'name'; text: string; start: number; end: number }
  | {
      type: 'string' | 'sheet' | 'number' | 'op' | 'open' | 'close' | 'comma' | 'space' | 'other';
      text: string;
      start: number;
      end: number;
      closed?: boolean;
    };

const NUMBER = /\d+(\.\d*)?([eE][+-]?\d+)?|\.\d+/y;
const SPACE = /\s+/y;

export function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (type: Token['type'], end: number, extra: { closed?: boolean } = {}) => {
    out.push({ type, text: formula.slice(i, end), start: i, end, ...extra } as Token);
    i = end;
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let end = i + 1;
      let closed = false;
      while (end < formula.length) {
        if (formula[end] === ch) {
          if (formula[end + 1] === ch)
            end += 2; // doubled quote: an escaped one
          else {
            end++;
            closed = true;
            break;
          }
        } else end++;
      }
      push(ch === '"' ? 'string' : 'sheet', end, { closed });
      continue;
    }
    const match = (re: RegExp) => {
      re.lastIndex = i;
      return re.exec(formula)?.[0];
    };
    const space = match(SPACE);
    if (space) push('space', i + space.length);
    else if (/[A-Za-z_$]/.test(ch)) {
      // a name, or a reference with $ (A1, $B$2, Sheet1!A1 keeps the ! as an operator)
      let end = i;
      while (end < formula.length && /[A-Za-z0-9_.$]/.test(formula[end])) end++;
      push('name', end);
    } else if (/[\d.]/.test(ch) && match(NUMBER)) push('number', i + match(NUMBER)!.length);
    else if (ch === '(') push('open', i + 1);
    else if (ch === ')') push('close', i + 1);
    else if (ch === ',' || ch === ';') push('comma', i + 1);
    else if ('+-*/^&=<>:!%'.includes(ch)) push('op', i + 1);
    else push('other', i + 1);
  }
  return out;
}

/** The function name being typed at the caret ("=SU|" -> "SU"), when a function may go there. */
export function nameAt(formula: string, caret: number): { prefix: string; start: number } | undefined {
  if (!formula.startsWith('=')) return undefined;
  const tokens = tokenize(formula.slice(0, caret));
  const last = tokens[tokens.length - 1];
  if (!last || last.type !== 'name' || last.end !== caret || last.text.includes('$')) return undefined;
  const before = previousSolid(tokens, tokens.length - 1);
  if (
    before &&
    !(before.type === 'open' || before.type === 'comma' || (before.type === 'op' && before.text !== '!' && before.text !== ':'))
  )
    return undefined;
  return { prefix: last.text, start: last.start };
}

/** The innermost call the caret is inside ("=ROUND(A1, |" -> ROUND, argument 1), if any. */
export function callAt(formula: string, caret: number): { name: string; argIndex: number; start: number } | undefined {
  if (!formula.startsWith('=')) return undefined;
  const tokens = tokenize(formula.slice(0, caret));
  const stack: { name: string; argIndex: number; start: number }[] = [];
  tokens.forEach((tok, i) => {
    if (tok.type === 'open') {
      const prev = tokens[i - 1];
      stack.push({
        name: prev?.type === 'name' ? prev.text.toUpperCase() : '',
        argIndex: 0,
        start: prev?.type === 'name' ? prev.start : tok.start,
      });
    } else if (tok.type === 'close') stack.pop();
    else if (tok.type === 'comma' && stack.length) stack[stack.length - 1].argIndex++;
  });
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].name) return stack[i];
  return undefined;
}

/**
 * Where a clicked cell's reference goes: right after "=", "(", ",", ":" or an operator, or over
 * the reference just before the caret when that one was itself inserted by a click (so a drag
 * or a second click replaces it). Returns the span to replace, or undefined when the caret sits
 * after a value and a click should end the edit instead.
 */
export function referenceSlot(
  formula: string,
  caret: number,
  replaceable?: { start: number; end: number },
): { start: number; end: number } | undefined {
  if (!formula.startsWith('=')) return undefined;
  if (replaceable && replaceable.end === caret) return replaceable;
  const tokens = tokenize(formula.slice(0, caret));
  const last = previousSolid(tokens, tokens.length);
  if (!last) return undefined;
  if (last.type === 'open' || last.type === 'comma' || (last.type === 'op' && last.text !== '%' && last.text !== '!'))
    return { start: caret, end: caret };
  return undefined;
}

function previousSolid(tokens: Token[], before: number): Token | undefined {
  for (let i = before - 1; i >= 0; i--) if (tokens[i].type !== 'space') return tokens[i];
  return undefined;
}

/** Arguments written so far in each call, by the call's opening bracket: counts for signature checks. */
export function calls(formula: string): { name: string; args: number; start: number }[] {
  const tokens = tokenize(formula);
  const out: { name: string; args: number; start: number }[] = [];
  const stack: { name: string; args: number; start: number; empty: boolean }[] = [];
  tokens.forEach((tok, i) => {
    if (tok.type === 'open') {
      const prev = tokens[i - 1];
      stack.push({ name: prev?.type === 'name' ? prev.text.toUpperCase() : '', args: 0, start: prev?.start ?? tok.start, empty: true });
    } else if (tok.type === 'close') {
      const c = stack.pop();
      if (c && c.name) out.push({ name: c.name, args: c.empty ? 0 : c.args + 1, start: c.start });
    } else if (tok.type === 'comma' && stack.length) {
      stack[stack.length - 1].args++;
      stack[stack.length - 1].empty = false;
    } else if (tok.type !== 'space' && stack.length) stack[stack.length - 1].empty = false;
  });
  return out;
}
