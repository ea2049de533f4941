/**
 * `npx tsx bench/anomalies.ts`: ANOMALIES against a reference detector on 20 synthetic daily series
 * with a weekly cycle (one year each, noise sd 2) and 12 injected spikes or drops of 4 to 8 sd.
 * Reference: robust STL with a periodic seasonal window, then Rosner's generalized ESD at α 0.05
 * (bench/r/anomalies.R, run when Rscript is installed). Precision = flagged days that were injected /
 * flagged days; recall = injected days flagged / injected days; pooled over the 20 series.
 * Also part of `npm run bench` (forecast.bench.ts calls compareAnomalies).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { findAnomalies } from '../core/forecast/anomalies';
import { withInjectedAnomalies } from '../test/support/seasonal-series';

interface Score {
  precision: number;
  recall: number;
  spikesMissed: number;
  dropsMissed: number;
}

function score(flagged: number[][], cases: { values: number[]; truth: Set<number> }[]): Score {
  let tp = 0;
  let fp = 0;
  let total = 0;
  let spikesMissed = 0;
  let dropsMissed = 0;
  cases.forEach((c, k) => {
    const set = new Set(flagged[k]);
    for (const i of set) c.truth.has(i) ? tp++ : fp++;
    for (const i of c.truth) {
      total++;
      if (set.has(i)) continue;
      const neighbours = (c.values[i - 1] + c.values[i + 1]) / 2;
      if (c.values[i] > neighbours) spikesMissed++;
      else dropsMissed++;
    }
  });
  return { precision: tp / Math.max(1, tp + fp), recall: tp / total, spikesMissed, dropsMissed };
}

function reference(cases: { values: number[] }[]): number[][] | string {
  const dir = mkdtempSync(join(tmpdir(), 'anom-'));
  const input = join(dir, 'in.txt');
  const output = join(dir, 'out.txt');
  writeFileSync(input, cases.map((c) => c.values.map((v) => v.toPrecision(15)).join(' ')).join('\n') + '\n');
  try {
    execFileSync('Rscript', [join(__dirname, 'r', 'anomalies.R'), input, output, '7', '0.05', '0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    return `skipped (${(e as Error).message.split('\n')[0]})`;
  }
  return readFileSync(output, 'utf8')
    .split('\n')
    .slice(0, cases.length)
    .map((l) => (l.trim() ? l.trim().split(' ').map(Number) : []));
}

export function compareAnomalies(seedBase = 500, withReference = true): void {
  const cases = Array.from({ length: 20 }, (_, k) => withInjectedAnomalies(364, 12, seedBase + 17 * k));
  const ours = cases.map((c) => findAnomalies(c.values).flatMap((f, i) => (f ? [i] : [])));
  const show = (name: string, s: Score) =>
    console.log(
      `  ${name.padEnd(46)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (missed ${s.spikesMissed} spikes, ${s.dropsMissed} drops)`,
    );
  console.log('ANOMALIES on 20 daily series with a weekly cycle, 12 injected 4-8 sd spikes/drops each (240 in all):');
  show('ANOMALIES (period detected, alpha 0.05)', score(ours, cases));
  if (!withReference) return;
  const ref = reference(cases);
  if (typeof ref === 'string') console.log(`  reference (robust STL periodic + generalized ESD): ${ref}`);
  else show('reference: robust STL periodic + generalized ESD', score(ref, cases));
}

if (require.main === module) compareAnomalies();
