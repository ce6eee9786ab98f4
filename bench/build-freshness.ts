/**
 * Whether dist/ still is what `npm run build` would write now (bench/audit.ts measures the audit
 * from dist/). The build reads more than src/: tsc takes its options from tsconfig.build.json and
 * the tsconfig.json it extends, the bin is bundled by the scripts/ folder (scripts/bundle-bin.mjs
 * and the exceljs shim it resolves to), and the bundle takes in the dependencies package.json and
 * package-lock.json pin. A change to any of them left the bench measuring the old build when it
 * looked at src/ alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads, relative to the package root: folders are walked. */
export const BUILD_INPUTS = ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'] as const;

/** The file the build writes last (the bundled bin, after tsc's output). */
export const BUILD_OUTPUT = join('dist', 'cli', 'main.js');

/** The newest modification time of a file, or of any file under a folder; 0 when absent. */
function newestUnder(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestUnder(join(path, name))), 0);
}

/** The build input changed after dist/ was written, or undefined when dist/ is current. */
export function staleBuildInput(root: string): string | undefined {
  const built = join(root, BUILD_OUTPUT);
  if (!existsSync(built)) return BUILD_OUTPUT;
  const builtAt = statSync(built).mtimeMs;
  return BUILD_INPUTS.find((input) => newestUnder(join(root, input)) > builtAt);
}

/** Runs `npm run build` when dist/ is missing or older than what builds it: the benches measure the audit from dist/, as users run it. */
export function ensureBuilt(root: string): void {
  const stale = staleBuildInput(root);
  if (stale === undefined) return;
  process.stderr.write(`dist/ is missing or older than ${stale}: npm run build\n`);
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
