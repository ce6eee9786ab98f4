/**
 * A file given where a folder belongs, or a folder where a file belongs, is said as such (exit 2),
 * not as an internal error to report. Regression: `--rules README.md` stopped in the check of the
 * outputs (ENOTDIR: not a directory, scandir) and `--decisions /tmp` in the read (EISDIR), both
 * "内部错误：……请连同所运行的命令一起报告此问题".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, SAMPLES_DIR } from '../../src/paths.js';
import { runCli } from '../audit/run-cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'duty-audit-not-a-folder-'));
const october = join(SAMPLES_DIR, '城东社区-2026-10.xlsx');

describe('a file for a folder, a folder for a file', () => {
  it('--rules naming a file: exit 2, saying it is a file', () => {
    const r = runCli(['audit', october, '--rules', join(PACKAGE_ROOT, 'README.md'), '--out', 'r.xlsx'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('README.md 是文件，不是规则文件夹');
    expect(r.stderr).not.toContain('内部错误');
  });

  it('--decisions naming a folder: exit 2, saying it is a folder', () => {
    const r = runCli(['audit', october, '--decisions', cwd, '--out', 'd.xlsx'], cwd, { LANG: 'en_US.UTF-8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--decisions \S*: a folder, not a file/);
    expect(r.stderr).not.toMatch(/internal error/i);
  });

  it('rules validate naming a file: exit 2, saying it is a file', () => {
    const r = runCli(['rules', 'validate', join(PACKAGE_ROOT, 'README.md')], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('是文件，不是规则文件夹');
  });
});
