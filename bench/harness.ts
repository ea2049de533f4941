/**
 * A tiny benchmark harness: time a function (best of a few runs after a warm-up), and print
 * figures and ratios against a baseline measured in the same run. Nothing here asserts.
 */
export function time(fn: () => unknown, runs = 5): number {
  fn(); // warm-up: JIT and caches
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

export function report(name: string, ms: number, extra = ''): void {
  console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms  ${extra}`);
}

/** Prints ours and the baseline, and the ratio ours / baseline (lower is better). */
export function compare(name: string, oursMs: number, baselineName: string, baselineMs: number, target = ''): void {
  report(
    name,
    oursMs,
    `${(oursMs / baselineMs).toFixed(2)}× ${baselineName} (${baselineMs.toFixed(1)} ms)${target ? `; target ${target}` : ''}`,
  );
}

export function section(title: string): void {
  console.log(`\n== ${title}`);
}
