/**
 * Attribution benchmarks: Markov and Shapley on 100,000 distinct paths over 12
 * channels, ATTRIBUTION_TOUCHES on 1,000,000 touch rows; target under 1 s each. Every figure
 * goes through the registry (callFunction), argument reading included, and is compared with a
 * straightforward implementation written here: Markov by simulating journeys on the chain,
 * Shapley by enumerating orderings (on 8 channels: 12! orderings are out of reach), touch rows by
 * grouping row objects in a Map. Data is synthetic and seeded.
 */
import { callFunction } from '../core/hosts';
import { compare, report, section, time } from './harness';
import { seededRandom as rng } from '../core/math/random';

function kpi(name: string, ...args: unknown[]): unknown[][] {
  const outcome = callFunction(name, args);
  if (!outcome.ok) throw outcome.error;
  return outcome.value as unknown[][];
}

const channelNames = (n: number) => Array.from({ length: n }, (_, i) => `Channel ${String(i + 1).padStart(2, '0')}`);

interface PathData {
  paths: string[][];
  conversions: number[][];
  nulls: number[][];
}

/** `count` distinct paths of 1..8 touches over `channels` channels, early channels more frequent. */
function distinctPaths(count: number, channels: number, seed: number): PathData {
  const r = rng(seed);
  const names = channelNames(channels);
  const seen = new Set<string>();
  const out: PathData = { paths: [], conversions: [], nulls: [] };
  while (out.paths.length < count) {
    const len = 1 + Math.floor(r() * r() * 8);
    const steps: string[] = [];
    for (let k = 0; k < len; k++) steps.push(names[Math.floor(r() * r() * channels)]);
    const text = steps.join(' > ');
    if (seen.has(text)) continue;
    seen.add(text);
    out.paths.push([text]);
    out.conversions.push([Math.floor(r() * 4)]);
    out.nulls.push([Math.floor(r() * 20)]);
  }
  if (!out.conversions.some((c) => c[0] > 0)) out.conversions[0][0] = 1;
  return out;
}

/** Straightforward Markov: count transitions in maps, then estimate P(conversion) by simulating journeys. */
function markovBySimulation(data: PathData, journeysPerRun: number, seed: number): Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number) => {
    if (w === 0) return;
    const m = counts.get(a) ?? new Map<string, number>();
    m.set(b, (m.get(b) ?? 0) + w);
    counts.set(a, m);
  };
  for (let i = 0; i < data.paths.length; i++) {
    const steps = data.paths[i][0].split('>').map((s) => s.trim());
    const c = data.conversions[i][0];
    const u = data.nulls[i][0];
    let prev = '(start)';
    for (const s of steps) {
      if (s !== prev) add(prev, s, c + u);
      prev = s;
    }
    add(prev, '(conversion)', c);
    add(prev, '(null)', u);
  }
  const table = new Map<string, { to: string[]; cumulative: number[] }>();
  for (const [from, m] of counts) {
    const to = [...m.keys()];
    const total = [...m.values()].reduce((s, x) => s + x, 0);
    let acc = 0;
    table.set(from, { to, cumulative: to.map((t) => (acc += (m.get(t) as number) / total)) });
  }
  const r = rng(seed);
  const simulate = (removed: string | null): number => {
    let converted = 0;
    for (let j = 0; j < journeysPerRun; j++) {
      let state = '(start)';
      for (let step = 0; step < 1000; step++) {
        const row = table.get(state);
        if (!row) break;
        const x = r();
        let k = 0;
        while (k < row.cumulative.length - 1 && row.cumulative[k] < x) k++;
        state = row.to[k];
        if (state === removed || state === '(null)') break;
        if (state === '(conversion)') {
          converted++;
          break;
        }
      }
    }
    return converted / journeysPerRun;
  };
  const base = simulate(null);
  const channels = [...counts.keys()].filter((c) => c !== '(start)');
  return new Map(channels.map((c) => [c, 1 - simulate(c) / base]));
}

/** Straightforward Shapley: v(S) for every coalition by scanning the paths, then every ordering. */
function shapleyByOrderings(data: PathData): Map<string, number> {
  const names = [...new Set(data.paths.flatMap((p) => p[0].split('>').map((s) => s.trim())))].sort();
  const bit = new Map(names.map((n, i) => [n, 1 << i]));
  const masks = data.paths.map((p) => p[0].split('>').reduce((m, s) => m | (bit.get(s.trim()) as number), 0));
  const v = new Float64Array(1 << names.length);
  for (let s = 0; s < v.length; s++) {
    for (let i = 0; i < masks.length; i++) if ((masks[i] & s) === masks[i]) v[s] += data.conversions[i][0];
  }
  const phi = new Float64Array(names.length);
  let orderings = 0;
  const permute = (order: number[], used: number) => {
    if (order.length === names.length) {
      orderings++;
      let s = 0;
      for (const p of order) {
        phi[p] += v[s | (1 << p)] - v[s];
        s |= 1 << p;
      }
      return;
    }
    for (let p = 0; p < names.length; p++) {
      if (used & (1 << p)) continue;
      order.push(p);
      permute(order, used | (1 << p));
      order.pop();
    }
  };
  permute([], 0);
  return new Map(names.map((n, i) => [n, phi[i] / orderings]));
}

/** Largest |ours − theirs| over the channels, relative to the largest credit. */
function maxDifference(table: unknown[][], column: number, other: Map<string, number>): number {
  let worst = 0;
  let scale = 0;
  for (const row of table.slice(1)) {
    const ours = row[column] as number;
    worst = Math.max(worst, Math.abs(ours - (other.get(row[0] as string) ?? 0)));
    scale = Math.max(scale, Math.abs(ours));
  }
  return worst / scale;
}

function pathModels(): void {
  section('Markov and Shapley on 100,000 distinct paths over 12 channels (target < 1 s each)');
  const data = distinctPaths(100_000, 12, 5);
  const args = [data.paths, data.conversions, undefined, data.nulls];

  const markovMs = time(() => kpi('ATTRIBUTION', ...args, 'markov'), 3);
  const exact = kpi('REMOVAL_EFFECTS', data.paths, data.conversions, data.nulls);
  let simulated = new Map<string, number>();
  const journeys = 100_000;
  const simMs = time(() => (simulated = markovBySimulation(data, journeys, 9)), 1);
  compare('ATTRIBUTION markov (exact absorbing chain)', markovMs, `simulation, ${journeys / 1000}k journeys × 13 runs`, simMs, '< 1 s');
  report(
    '  simulation error on removal effects (max relative |Δ|)',
    0,
    `${maxDifference(exact, 1, simulated).toExponential(2)} (the exact solve has none)`,
  );
  report(
    'REMOVAL_EFFECTS',
    time(() => kpi('REMOVAL_EFFECTS', data.paths, data.conversions, data.nulls), 3),
  );

  const shapleyMs = time(() => kpi('ATTRIBUTION', ...args, 'shapley'), 3);
  report('ATTRIBUTION shapley (exact, 12 channels)', shapleyMs, 'target < 1 s');

  const small = distinctPaths(100_000, 8, 7);
  const smallArgs = [small.paths, small.conversions, undefined, small.nulls];
  const oursSmall = time(() => kpi('ATTRIBUTION', ...smallArgs, 'shapley'), 3);
  let byOrderings = new Map<string, number>();
  const orderingsMs = time(() => (byOrderings = shapleyByOrderings(small)), 1);
  compare('ATTRIBUTION shapley, 100,000 paths over 8 channels', oursSmall, '8! orderings', orderingsMs);
  report(
    '  max relative |Δ| against the orderings',
    0,
    maxDifference(kpi('ATTRIBUTION', ...smallArgs, 'shapley'), 1, byOrderings).toExponential(2),
  );
}

interface Touches {
  journeys: string[][];
  timestamps: number[][];
  channels: string[][];
  converted: boolean[][];
  values: (number | string)[][];
}

/** About 1,000,000 touch rows: journeys of 1..9 touches over 60 days, rows in global time order (an event log). */
function touchRows(target: number, seed: number): Touches {
  const r = rng(seed);
  const names = channelNames(12);
  const rows: [string, number, string, boolean, number | string][] = [];
  for (let j = 0; rows.length < target; j++) {
    const len = 1 + Math.floor(r() * 9);
    const converts = r() < 0.3;
    const value = converts ? Math.round(r() * 500) : '';
    let t = 46000 + r() * 60;
    for (let k = 0; k < len && rows.length < target; k++) {
      rows.push([`cust-${j}`, t, names[Math.floor(r() * r() * 12)], converts, value]);
      t += r() * 5;
    }
  }
  rows.sort((a, b) => a[1] - b[1]);
  return {
    journeys: rows.map((x) => [x[0]]),
    timestamps: rows.map((x) => [x[1]]),
    channels: rows.map((x) => [x[2]]),
    converted: rows.map((x) => [x[3]]),
    values: rows.map((x) => [x[4]]),
  };
}

/** Straightforward time decay by days: row objects grouped in a Map, each journey sorted, credits in a Map. */
function timeDecayByObjects(d: Touches, halfLifeDays: number): Map<string, number> {
  const groups = new Map<string, { t: number; channel: string; converted: boolean }[]>();
  for (let i = 0; i < d.journeys.length; i++) {
    const list = groups.get(d.journeys[i][0]) ?? [];
    list.push({ t: d.timestamps[i][0], channel: d.channels[i][0], converted: d.converted[i][0] });
    groups.set(d.journeys[i][0], list);
  }
  const credit = new Map<string, number>();
  for (const touches of groups.values()) {
    if (!touches.some((x) => x.converted)) continue;
    touches.sort((a, b) => a.t - b.t);
    const end = touches[touches.length - 1].t;
    const w = touches.map((x) => Math.pow(2, -(end - x.t) / halfLifeDays));
    const sum = w.reduce((s, x) => s + x, 0);
    touches.forEach((x, k) => credit.set(x.channel, (credit.get(x.channel) ?? 0) + w[k] / sum));
  }
  return credit;
}

function touchModels(): void {
  section('ATTRIBUTION_TOUCHES on 1,000,000 touch rows (target < 1 s)');
  const d = touchRows(1_000_000, 11);
  const args = [d.journeys, d.timestamps, d.channels, d.converted, d.values];
  let ours: unknown[][] = [];
  const decayMs = time(() => (ours = kpi('ATTRIBUTION_TOUCHES', ...args, 'time_decay', 7)), 3);
  let naive = new Map<string, number>();
  const naiveMs = time(() => (naive = timeDecayByObjects(d, 7)), 1);
  compare('ATTRIBUTION_TOUCHES time_decay (7-day half-life)', decayMs, 'row objects in a Map', naiveMs, '< 1 s');
  report('  max relative |Δ| against the straightforward version', 0, maxDifference(ours, 1, naive).toExponential(2));
  report(
    'ATTRIBUTION_TOUCHES markov',
    time(() => kpi('ATTRIBUTION_TOUCHES', ...args, 'markov'), 3),
    'target < 1 s',
  );
  report(
    'ATTRIBUTION_TOUCHES shapley',
    time(() => kpi('ATTRIBUTION_TOUCHES', ...args, 'shapley'), 3),
    'target < 1 s',
  );
  report(
    'PATHS',
    time(() => kpi('PATHS', ...args), 3),
  );
}

export function run(): void {
  pathModels();
  touchModels();
}
