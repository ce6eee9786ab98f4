/** A rules argument of `rules diff`: a folder, or a git revision read into a temporary folder. */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkoutRulesFromGit, isGitRevisionSpec } from './git-rules.js';

export interface RulesSource {
  dir: string;
  /** As the user gave it, for messages and the report. */
  label: string;
  /** Removes the temporary copy of a git revision; nothing for a folder. */
  dispose(): void;
}

export function openRulesSource(arg: string, cwd: string = process.cwd()): RulesSource {
  if (!isGitRevisionSpec(arg, cwd)) return { dir: resolve(cwd, arg), label: arg, dispose: () => undefined };
  const dir = checkoutRulesFromGit(arg, cwd);
  return { dir, label: arg, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
