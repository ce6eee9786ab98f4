import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (where package.json, rules/ and schemas/ live). Found by walking up from
 * this module, because it runs both from `src/` (vitest) and from `dist/` (the built bin).
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('duty-audit: cannot find the package root above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const DEFAULT_RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const SAMPLES_DIR = join(PACKAGE_ROOT, 'samples');

export function schemaPath(name: string): string {
  return join(SCHEMAS_DIR, name);
}
