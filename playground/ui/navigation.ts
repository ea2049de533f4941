/** Ctrl+arrow moves, as Sheets and Excel make them. */
export type Direction = 'up' | 'down' | 'left' | 'right';

const STEP: Record<Direction, [number, number]> = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] };

/**
 * Where Ctrl+arrow lands from a cell: inside a block of filled cells, its last filled cell; from
 * an empty cell or a block's edge, the next filled cell; with none ahead, the edge of the data
 * (row or column 0 going up or left). `size` is the data's extent. O(distance travelled).
 * @example in a column [x, x, x, _, x], Ctrl+Down from row 0 lands on row 2, then on row 4
 */
export function dataEdge(
  filled: (row: number, col: number) => boolean,
  from: { row: number; col: number },
  direction: Direction,
  size: { rows: number; cols: number },
): { row: number; col: number } {
  const [dr, dc] = STEP[direction];
  const last = { row: Math.max(size.rows - 1, from.row), col: Math.max(size.cols - 1, from.col) };
  const inside = (r: number, c: number) => r >= 0 && c >= 0 && r <= last.row && c <= last.col;
  let r = from.row + dr;
  let c = from.col + dc;
  if (!inside(r, c)) return from;
  if (filled(from.row, from.col) && filled(r, c)) {
    while (inside(r + dr, c + dc) && filled(r + dr, c + dc)) {
      r += dr;
      c += dc;
    }
    return { row: r, col: c };
  }
  while (inside(r, c) && !filled(r, c)) {
    r += dr;
    c += dc;
  }
  if (inside(r, c)) return { row: r, col: c };
  return { row: r - dr, col: c - dc };
}
