/** Which files of a rules folder are what: rule files, the policy, the calendars. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const POLICY_FILE = 'policy.json';
export const CALENDAR_DIR = 'calendar';
/** Files at the folder's top that are not rules. */
const NOT_RULES = new Set([POLICY_FILE, 'clauses.json']);

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = toPosix(relative(root, path));
    if (entry.isDirectory()) {
      if (rel !== CALENDAR_DIR && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path, root, out);
    } else if (entry.name.endsWith('.json') && !NOT_RULES.has(rel)) {
      out.push(rel);
    }
  }
}

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Rule files of a folder, relative to it with `/`, sorted (the rule order of every report). */
export function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  walk(dir, dir, out);
  return out.sort();
}

/** Calendar files of a folder (`calendar/*.json`), relative, sorted; none when there is no calendar/. */
export function calendarFilesOf(dir: string): string[] {
  const cal = join(dir, CALENDAR_DIR);
  if (!existsSync(cal)) return [];
  return readdirSync(cal)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => `${CALENDAR_DIR}/${n}`);
}
