/** `npm run bench`: runs every bench/*.bench.ts in turn (each exports run()). */
import { readdirSync } from 'fs';
import { join } from 'path';

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only || f.includes(only))
    .sort();
  console.log(`KPI Pilot benchmarks, node ${process.version}; figures are best of several runs`);
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<void> | void };
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
