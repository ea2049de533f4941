/**
 * Straightforward, independent re-implementations used as test oracles: they follow the textbook
 * definitions literally (all orderings for Shapley; value iteration on the chain for Markov) and
 * share no code with core/attribution.
 */
export interface Row {
  readonly path: readonly string[];
  readonly conversions: number;
  readonly nulls: number;
}

export function channelsOf(rows: readonly Row[]): string[] {
  return [...new Set(rows.flatMap((r) => r.path))].sort();
}

/** Shapley values by the definition: the mean marginal contribution over every ordering. */
export function shapleyByOrderings(rows: readonly Row[]): Map<string, number> {
  const players = channelsOf(rows);
  const v = (set: ReadonlySet<string>) => rows.filter((r) => r.path.every((c) => set.has(c))).reduce((s, r) => s + r.conversions, 0);
  const total = new Map(players.map((p) => [p, 0]));
  let orderings = 0;
  const permute = (prefix: string[], rest: string[]) => {
    if (rest.length === 0) {
      orderings++;
      const set = new Set<string>();
      let before = 0;
      for (const p of prefix) {
        set.add(p);
        const after = v(set);
        total.set(p, (total.get(p) as number) + after - before);
        before = after;
      }
      return;
    }
    rest.forEach((p, i) => permute([...prefix, p], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], players);
  for (const p of players) total.set(p, (total.get(p) as number) / orderings);
  return total;
}

/**
 * Removal effects by value iteration: transition probabilities counted from the paths as in
 * Bryl (2016), the removed channel turned into a null, P(conversion) iterated to convergence.
 */
export function removalEffectsByIteration(rows: readonly Row[], useNulls = true): Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, w: number) => {
    if (w === 0) return;
    const m = counts.get(from) ?? new Map<string, number>();
    m.set(to, (m.get(to) ?? 0) + w);
    counts.set(from, m);
  };
  for (const r of rows) {
    const journeys = r.conversions + (useNulls ? r.nulls : 0);
    const states = ['(start)', ...r.path];
    for (let k = 1; k < states.length; k++) add(states[k - 1], states[k], journeys);
    add(r.path[r.path.length - 1], '(conversion)', r.conversions);
    add(r.path[r.path.length - 1], '(null)', useNulls ? r.nulls : 0);
  }
  const pConversion = (removed: string | null): number => {
    const p = new Map<string, number>([['(conversion)', 1]]);
    for (let it = 0; it < 20000; it++) {
      let change = 0;
      for (const [from, m] of counts) {
        if (from === removed) continue;
        let out = 0;
        let hit = 0;
        for (const [to, w] of m) {
          out += w;
          hit += to === removed ? 0 : w * (p.get(to) ?? 0);
        }
        const next = hit / out;
        change = Math.max(change, Math.abs(next - (p.get(from) ?? 0)));
        p.set(from, next);
      }
      if (change < 1e-15) break;
    }
    return p.get('(start)') ?? 0;
  };
  const base = pConversion(null);
  return new Map(channelsOf(rows).map((c) => [c, 1 - pConversion(c) / base]));
}
