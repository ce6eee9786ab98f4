/**
 * Old rules given as a git revision (`HEAD~1:rules`): the tree is copied out of git into a
 * temporary folder with plumbing commands only (`rev-parse`, `ls-tree`, `cat-file`), so the
 * work tree, the index and HEAD are never touched and no `tar` is needed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';

/** `rev:path` that is not a folder on disk (a Windows `C:\rules` exists, so it is a path). */
export function isGitRevisionSpec(arg: string, cwd: string): boolean {
  return arg.includes(':') && !existsSync(resolve(cwd, arg));
}

function git(args: string[], cwd: string, spec: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') {
      throw new DutyAuditError('bad-usage', msg('diff.gitMissing', { spec }), { hint: msg('diff.gitMissing.hint') });
    }
    const reason = e.stderr?.toString('utf8').trim() || e.message;
    throw new DutyAuditError('bad-usage', msg('diff.gitFailed', { spec, cwd, reason }), { hint: msg('diff.gitFailed.hint') });
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  path: string;
}

function listTree(spec: string, cwd: string): TreeEntry[] {
  const out = git(['ls-tree', '-r', '-z', spec], cwd, spec).toString('utf8');
  return out
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, object] = line.slice(0, tab).split(' ') as [string, string, string];
      return { mode, type, object, path: line.slice(tab + 1) };
    });
}

/** Copies the tree named by `spec` into a new temporary folder and returns the folder. */
export function checkoutRulesFromGit(spec: string, cwd: string): string {
  const kind = git(['cat-file', '-t', spec], cwd, spec).toString('utf8').trim();
  if (kind !== 'tree') {
    throw new DutyAuditError('bad-usage', msg('diff.notFolder', { spec, kind }), { hint: msg('diff.notFolder.hint') });
  }
  const dir = mkdtempSync(join(tmpdir(), 'duty-audit-git-rules-'));
  for (const entry of listTree(spec, cwd)) {
    // Symlinks (120000) and submodules are not rule files.
    if (entry.type !== 'blob' || entry.mode === '120000') continue;
    const file = join(dir, ...entry.path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, git(['cat-file', 'blob', entry.object], cwd, spec));
  }
  return dir;
}
