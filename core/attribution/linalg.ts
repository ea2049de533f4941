import { numError } from '../errors';

/**
 * Inverse of a dense n×n matrix (row-major) by Gauss–Jordan elimination with partial pivoting.
 * Cost: O(n³) time, O(n²) memory. Used on I − Q of an absorbing chain, which is non-singular
 * whenever every state can reach an absorbing state.
 * @throws #NUM! when the matrix is singular (a pivot vanishes).
 * @example invert(Float64Array.from([2, 0, 0, 4]), 2) // [0.5, 0, 0, 0.25]
 */
export function invert(matrix: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(matrix);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    const p = a[pivot * n + col];
    if (Math.abs(p) < 1e-300) throw numError('the Markov chain has no way out of some channels; check the paths');
    if (pivot !== col) {
      swapRows(a, n, pivot, col);
      swapRows(inv, n, pivot, col);
    }
    const scale = 1 / p;
    for (let c = 0; c < n; c++) {
      a[col * n + c] *= scale;
      inv[col * n + c] *= scale;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r * n + col];
      if (f === 0) continue;
      for (let c = 0; c < n; c++) {
        a[r * n + c] -= f * a[col * n + c];
        inv[r * n + c] -= f * inv[col * n + c];
      }
    }
  }
  return inv;
}

function swapRows(m: Float64Array, n: number, i: number, j: number): void {
  for (let c = 0; c < n; c++) {
    const t = m[i * n + c];
    m[i * n + c] = m[j * n + c];
    m[j * n + c] = t;
  }
}
