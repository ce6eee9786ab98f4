/**
 * Runs the real bin (src/cli/main.ts through tsx's loader) in a child process, in a fixed
 * locale: Chinese unless the test asks for another (`{ LANG: 'en_US.UTF-8' }`), whatever the
 * machine running the tests is set to.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../src/paths.js';

const LOADER = pathToFileURL(join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const MAIN = join(PACKAGE_ROOT, 'src', 'cli', 'main.ts');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The locale variables of a child process: none set but LANG, Chinese by default. */
export function localeEnv(locale: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete env[name];
  return { ...env, LANG: 'zh_CN.UTF-8', ...locale };
}

export function runCli(args: string[], cwd: string, locale: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', LOADER, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: localeEnv(locale) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
