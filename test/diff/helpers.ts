/** Throw-away copies of the shipped rules with one param edited, and the sample month. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR, SAMPLES_DIR } from '../../src/paths.js';

export const SAMPLE = join(SAMPLES_DIR, '城东社区-2026-10.xlsx');

/** A temp folder holding a copy of the shipped rules/ (the folder itself is `<tmp>/rules`). */
export function copyRules(): string {
  const root = mkdtempSync(join(tmpdir(), 'duty-audit-diff-'));
  const dir = join(root, 'rules');
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  return dir;
}

type RuleJson = { params: Record<string, { value: unknown }> };

/** Sets a param's value in a rule file, refusing a param the file does not declare. */
export function setParam(dir: string, file: string, param: string, value: unknown): void {
  const path = join(dir, file);
  const rule = JSON.parse(readFileSync(path, 'utf8')) as RuleJson;
  const spec = rule.params[param];
  if (!spec) throw new Error(`${file} has no param ${param}`);
  spec.value = value;
  writeFileSync(path, JSON.stringify(rule, null, 2) + '\n');
}

export function paramOf(dir: string, file: string, param: string): unknown {
  return (JSON.parse(readFileSync(join(dir, file), 'utf8')) as RuleJson).params[param]?.value;
}

export const REPEATED_ERRORS = '失职追究制/repeated-errors.json';
export const CASE_OVERDUE = '失职追究制/case-overdue.json';
