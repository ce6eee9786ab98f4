/**
 * Which files of a rules folder are what: rule files, the policy, the calendars.
 *
 * Symbolic links are followed, wherever they lead (a rules folder is the reviewer's own, and a
 * regime folder linked in from elsewhere is a real way to share rules), and every path is
 * resolved to its real file: a folder or file reached a second time (a link loop, two links to
 * one place) is read once and reported, and a broken link is reported, so `rules validate`
 * never says OK over a rule it did not read. (Before, a linked folder was skipped without a
 * word and its rules silently dropped.)
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { msg, type Message } from '../messages/catalogue.js';

export const POLICY_FILE = 'policy.json';
export const CALENDAR_DIR = 'calendar';
/** Files at the folder's top that are not rules. */
const NOT_RULES = new Set([POLICY_FILE, 'clauses.json']);

/** A link that could not be followed, or led to something already read. */
export interface LinkProblem {
  /** The link's absolute path. */
  path: string;
  message: Message;
}

export interface FolderListing {
  /** Relative to the folder, with `/`, sorted (the rule order of every report). */
  files: string[];
  problems: LinkProblem[];
}

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

type Kind = 'dir' | 'file' | 'other';

interface Walk {
  root: string;
  out: string[];
  problems: LinkProblem[];
  /** Real path → the path it was first read by, relative to the root. */
  seen: Map<string, string>;
}

/** What an entry is once its links are followed; undefined (with a problem) for a broken link. */
function kindOf(path: string, entry: Dirent, walk: Walk): Kind | undefined {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const target = readlinkSync(path);
    walk.problems.push({
      path,
      message: code === 'ELOOP' ? msg('problem.linkLoop', { target }) : msg('problem.linkBroken', { target }),
    });
    return undefined;
  }
}

/** False (with a problem) when the real file or folder was read already by another path. */
function firstVisit(path: string, walk: Walk): boolean {
  const real = realpathSync.native(path);
  const first = walk.seen.get(real);
  if (first === undefined) {
    walk.seen.set(real, toPosix(relative(walk.root, path)) || '.');
    return true;
  }
  walk.problems.push({ path, message: msg('problem.linkRepeated', { first }) });
  return false;
}

function walkRules(dir: string, walk: Walk): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = toPosix(relative(walk.root, path));
    if (entry.isDirectory() || entry.isSymbolicLink()) {
      if (rel === CALENDAR_DIR || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    }
    // A broken link matters where it could have been a rule or a folder of rules.
    if (entry.isSymbolicLink() && !existsSync(path) && !couldHoldRules(entry.name)) continue;
    const kind = kindOf(path, entry, walk);
    if (kind === 'dir') {
      if (firstVisit(path, walk)) walkRules(path, walk);
    } else if (kind === 'file' && entry.name.endsWith('.json') && !NOT_RULES.has(rel)) {
      if (firstVisit(path, walk)) walk.out.push(rel);
    }
  }
}

/** Rule files of a folder and the links that could not be read. */
export function listRuleFiles(dir: string): FolderListing {
  const walk: Walk = { root: dir, out: [], problems: [], seen: new Map([[realpathSync.native(dir), '.']]) };
  walkRules(dir, walk);
  return { files: walk.out.sort(), problems: walk.problems };
}

/** Rule files of a folder, relative to it with `/`, sorted (the rule order of every report). */
export function ruleFiles(dir: string): string[] {
  return listRuleFiles(dir).files;
}

/** Calendar files of a folder (`calendar/*.json`, links followed) and the links that could not be read. */
export function listCalendarFiles(dir: string): FolderListing {
  const cal = join(dir, CALENDAR_DIR);
  const walk: Walk = { root: dir, out: [], problems: [], seen: new Map() };
  if (!existsSync(cal) && !isLink(cal)) return { files: [], problems: [] };
  if (!existsSync(cal)) {
    walk.problems.push({ path: cal, message: msg('problem.linkBroken', { target: readlinkSync(cal) }) });
    return { files: [], problems: walk.problems };
  }
  for (const entry of readdirSync(cal, { withFileTypes: true })) {
    if (!entry.name.endsWith('.json')) continue;
    const path = join(cal, entry.name);
    if (kindOf(path, entry, walk) === 'file' && firstVisit(path, walk)) walk.out.push(`${CALENDAR_DIR}/${entry.name}`);
  }
  return { files: walk.out.sort(), problems: walk.problems };
}

/** Calendar files of a folder (`calendar/*.json`), relative, sorted; none when there is no calendar/. */
export function calendarFilesOf(dir: string): string[] {
  return listCalendarFiles(dir).files;
}

function couldHoldRules(name: string): boolean {
  return name.endsWith('.json') || !name.includes('.');
}

/**
 * True for a symbolic link, broken or looping or not (existsSync follows links, so it cannot
 * tell); false for anything else and where nothing is (no such path, or a file where a folder of
 * the path should be). A batch's discovery (src/batch/discover.ts) asks it too: one answer for
 * both. When lstat fails otherwise (no permission to search the folder) it answers false too,
 * as both copies did before they were one; the caller's next look at the path meets the same
 * refusal.
 */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
