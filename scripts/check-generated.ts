/**
 * `npm run check:generated`, after `npm run build`: fails when the build changed a committed file
 * it generates (the function reference, the README's function table), naming the files and the
 * command that brings them up to date. CI runs it after the tests (.ci/run).
 */
import { execFileSync } from 'child_process';
import { resolve } from 'path';
import { IN_REPO_OUTPUTS } from './generate/in-repo';

const root = resolve(__dirname, '..');
const status = execFileSync('git', ['status', '--porcelain', '--', ...IN_REPO_OUTPUTS], { cwd: root, encoding: 'utf8' });
const stale = status
  .split('\n')
  .filter(Boolean)
  .map((line) => line.slice(3));
if (stale.length > 0) {
  console.error(`Generated files differ from what is committed: ${stale.join(', ')}.`);
  console.error('They are written from the registry in core/functions: run `npm run build` and commit them.');
  process.exit(1);
}
console.log(`Generated files up to date: ${IN_REPO_OUTPUTS.join(', ')}`);
