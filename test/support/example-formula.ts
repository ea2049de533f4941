/**
 * Reads the registry's example formulas (`=NAME(arg, {1;2}, "text", TRUE)`) into raw arguments,
 * the way a host would pass them: scalars as values, array literals as 2-D arrays. Only the
 * literal syntax the examples use is supported: numbers, "text", TRUE/FALSE, {a,b;c,d}.
 */
export type Literal = number | string | boolean | Literal[][];

export function parseExample(formula: string): { name: string; args: Literal[] } {
  const m = /^=([A-Z_][A-Z0-9_.]*)\((.*)\)$/s.exec(formula.trim());
  if (!m) throw new Error(`not a function call: ${formula}`);
  const src = m[2];
  let i = 0;
  const skip = () => {
    while (src[i] === ' ') i++;
  };
  const scalar = (): number | string | boolean => {
    skip();
    if (src[i] === '"') {
      const end = src.indexOf('"', i + 1);
      const s = src.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const tok = /^[^,;}\)]+/.exec(src.slice(i))![0];
    i += tok.length;
    const t = tok.trim();
    if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === 'TRUE';
    const n = Number(t);
    if (t === '' || Number.isNaN(n)) throw new Error(`bad literal ${t} in ${formula}`);
    return n;
  };
  const value = (): Literal => {
    skip();
    if (src[i] !== '{') return scalar();
    i++;
    const rows: Literal[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(scalar());
      skip();
      const c = src[i++];
      if (c === ',') continue;
      if (c === ';') rows.push([]);
      else if (c === '}') return rows;
      else throw new Error(`bad array in ${formula}`);
    }
  };
  const args: Literal[] = [];
  skip();
  while (i < src.length) {
    args.push(value());
    skip();
    if (src[i] === ',') i++;
    skip();
  }
  return { name: m[1], args };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Sheets shape: ISO date text becomes a Date (local midnight, as Sheets passes it), "" stays "". */
export function asSheetsArg(v: Literal, makeDate: (y: number, m0: number, d: number) => Date = (y, m, d) => new Date(y, m, d)): unknown {
  if (Array.isArray(v)) return v.map((row) => row.map((c) => asSheetsArg(c, makeDate)));
  if (typeof v === 'string' && ISO.test(v)) {
    const [y, m, d] = v.split('-').map(Number);
    return makeDate(y, m - 1, d);
  }
  return v;
}

/** Excel shape: ISO date text becomes a 1900-system serial number, "" inside a range becomes null. */
export function asExcelArg(v: Literal): unknown {
  if (Array.isArray(v)) return v.map((row) => row.map((c) => (c === '' ? null : asExcelArg(c))));
  if (typeof v === 'string' && ISO.test(v)) {
    const [y, m, d] = v.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / 86400000 + 25569;
  }
  return v;
}
