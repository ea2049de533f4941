/** Relative closeness for floats, checked on every cell of a table (not only the first). */
export function expectClose(actual: unknown, expected: unknown, rel = 1e-9, path = 'result'): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new Error(`${path}: expected a table, got ${JSON.stringify(actual)}`);
    if (actual.length !== expected.length)
      throw new Error(`${path}: expected ${expected.length} rows, got ${actual.length}: ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => expectClose(actual[i], e, rel, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = rel * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${path}: expected ${expected}, got ${actual}`);
    return;
  }
  const norm = (v: unknown) => (v === null || v === undefined ? '' : v);
  if (norm(actual) !== norm(expected)) throw new Error(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
