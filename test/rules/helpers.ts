/** Test helpers: fixture paths and throw-away rule folders under the OS temp dir. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'rules');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** A fresh folder holding the given files (path → text), optionally seeded from a fixture set. */
export function tempRules(files: Record<string, string>, from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-audit-rules-'));
  if (from) cpSync(fixture(from), dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
