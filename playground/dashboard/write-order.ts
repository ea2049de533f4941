import { columnNumber } from '../../core/dashboard/a1';

/** A formula cell of a planned sheet, 0-based. */
export interface FormulaCell {
  row: number;
  col: number;
  formula: string;
}

const REF = /(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))?(!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/g;

/**
 * The order to write a sheet's formulas in so that each is computed once its inputs on the same
 * sheet are there: a formula reading a range that holds another formula's cell, or that starts
 * right below a formula (where its table spills: the RFM table under its header, the fitted
 * parameters under BGNBD_FIT), comes after it. Ties and cycles keep the plan's order. The order
 * changes only how often the engine recomputes while the sheet is written, never the result.
 * O(formulas² + formula length).
 */
export function writeOrder(cells: readonly FormulaCell[], sheetName: string): FormulaCell[] {
  const rects = cells.map((c) => ownReferences(c.formula, sheetName));
  const after = cells.map(() => new Set<number>()); // after[i]: formulas that must wait for i
  const waits = cells.map(() => 0);
  cells.forEach((g, i) => {
    cells.forEach((_f, j) => {
      if (i === j) return;
      const reads = rects[j].some(
        (r) =>
          (g.row >= r.top && g.row <= r.bottom && g.col >= r.left && g.col <= r.right) ||
          (r.top === g.row + 1 && r.left >= g.col && r.left <= g.col + 10),
      );
      if (reads && !after[i].has(j)) {
        after[i].add(j);
        waits[j]++;
      }
    });
  });
  const out: FormulaCell[] = [];
  const done = new Set<number>();
  while (out.length < cells.length) {
    let next = cells.findIndex((_c, i) => !done.has(i) && waits[i] === 0);
    if (next < 0) next = cells.findIndex((_c, i) => !done.has(i)); // a cycle: plan order
    done.add(next);
    out.push(cells[next]);
    for (const j of after[next]) waits[j]--;
  }
  return out;
}

/** Rectangles a formula reads on its own sheet (unqualified references or ones naming it). */
export function ownReferences(formula: string, sheetName: string): { top: number; left: number; bottom: number; right: number }[] {
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  const text = formula.replace(/"(?:[^"]|"")*"/g, (s) => ' '.repeat(s.length)); // text in quotes holds no references
  for (const m of text.matchAll(REF)) {
    const [, quoted, bare, bang, c1, r1, c2, r2] = m;
    const sheet = quoted?.replace(/''/g, "'") ?? bare;
    if (sheet !== undefined && !bang) continue; // a function or name, not a reference
    if (sheet !== undefined && sheet !== sheetName) continue;
    const before = text[(m.index ?? 0) - 1];
    if (sheet === undefined && before && /[A-Za-z0-9_.!]/.test(before)) continue;
    const left = (columnNumber(c1) as number) - 1;
    const top = Number(r1) - 1;
    const right = c2 ? (columnNumber(c2) as number) - 1 : left;
    const bottom = r2 ? Number(r2) - 1 : top;
    out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return out;
}
