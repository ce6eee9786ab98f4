/** The shipped rule files read as plain JSON, independently of the loader and the catalogue. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';

export interface RawRule {
  file: string;
  id: string;
  clause: string;
  title: { zh: string; en: string };
  scope: string;
  params: Record<string, { value: unknown }>;
  grade: Record<string, unknown>;
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'calendar') walk(path, out);
    else if (e.isFile() && e.name.endsWith('.json') && dir !== DEFAULT_RULES_DIR) out.push(path);
  }
}

export function shippedRules(): RawRule[] {
  const files: string[] = [];
  walk(DEFAULT_RULES_DIR, files);
  return files.map((f) => ({ ...(JSON.parse(readFileSync(f, 'utf8')) as RawRule), file: relative(DEFAULT_RULES_DIR, f) }));
}
