/**
 * Positions in an ascending array by binary search, over the run sorted[from] … sorted[to − 1]:
 * where a value would be inserted before its equals (lowerBound) or after them (upperBound).
 * upperBound − lowerBound counts the copies of a value; O(log n) each.
 */

/** First index in [from, to) whose value is ≥ v (to when none). @example lowerBound([1, 2, 2, 5], 2) === 1 */
export function lowerBound(sorted: ArrayLike<number>, v: number, from = 0, to = sorted.length): number {
  let a = from;
  let b = to;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] < v) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** First index in [from, to) whose value is > v (to when none). @example upperBound([1, 2, 2, 5], 2) === 3 */
export function upperBound(sorted: ArrayLike<number>, v: number, from = 0, to = sorted.length): number {
  let a = from;
  let b = to;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] <= v) a = mid + 1;
    else b = mid;
  }
  return a;
}
