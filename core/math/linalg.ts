/**
 * Small dense linear algebra: one elimination (Gauss–Jordan with partial pivoting) behind solving
 * and inverting, and the eigenvalues of a small symmetric matrix. Matrices in the O(n³) routines are
 * row-major Float64Arrays; the callers turn a singular matrix into an error that names their data.
 */

// A pivot smaller than this in absolute value counts as zero: the matrix is singular.
const TINY_PIVOT = 1e-300;

/**
 * Solves A X = B for X, with A n×n and B n×m (both row-major, left alone), by Gauss–Jordan
 * elimination with partial pivoting. Cost O(n²(n + m)) time, O(n(n + m)) memory.
 * @returns X (n×m, row-major), or undefined when A is singular (a pivot vanishes).
 * @example solveMany(Float64Array.from([2, 0, 0, 4]), 2, Float64Array.from([2, 8]), 1) // [1, 2]
 */
export function solveMany(A: Float64Array, n: number, B: Float64Array, m: number): Float64Array | undefined {
  const a = Float64Array.from(A);
  const x = Float64Array.from(B);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    const p = a[pivot * n + col];
    if (!(Math.abs(p) >= TINY_PIVOT)) return undefined;
    if (pivot !== col) {
      swapRows(a, n, pivot, col);
      swapRows(x, m, pivot, col);
    }
    const scale = 1 / p;
    for (let c = 0; c < n; c++) a[col * n + c] *= scale;
    for (let c = 0; c < m; c++) x[col * m + c] *= scale;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r * n + col];
      if (f === 0) continue;
      for (let c = 0; c < n; c++) a[r * n + c] -= f * a[col * n + c];
      for (let c = 0; c < m; c++) x[r * m + c] -= f * x[col * m + c];
    }
  }
  return x;
}

/**
 * Inverse of a dense n×n matrix (row-major). Cost O(n³) time, O(n²) memory.
 * @returns the inverse, or undefined when the matrix is singular.
 * @example invert(Float64Array.from([2, 0, 0, 4]), 2) // [0.5, 0, 0, 0.25]
 */
export function invert(matrix: Float64Array, n: number): Float64Array | undefined {
  const identity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  return solveMany(matrix, n, identity, n);
}

/**
 * Solves A x = b for a small dense A given as rows.
 * @returns x, or undefined when A is singular.
 * @example solve([[2, 1], [1, 3]], [3, 5]) // [0.8, 1.4]
 */
export function solve(A: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = b.length;
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flat[i * n + j] = A[i][j];
  const x = solveMany(flat, n, Float64Array.from(b), 1);
  return x && Array.from(x);
}

function swapRows(m: Float64Array, width: number, i: number, j: number): void {
  for (let c = 0; c < width; c++) {
    const t = m[i * width + c];
    m[i * width + c] = m[j * width + c];
    m[j * width + c] = t;
  }
}

/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations, ascending. O(n³) per sweep. */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const A = matrix.map((row) => row.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i][j] * A[i][j];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = c * akp - s * akq;
          A[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = c * apk - s * aqk;
          A[q][k] = s * apk + c * aqk;
        }
      }
    }
  }
  return A.map((row, i) => row[i]).sort((a, b) => a - b);
}

/** a · b over the first a.length components. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Largest absolute component (the max norm); 0 for an empty vector. */
export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}
