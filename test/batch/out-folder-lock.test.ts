/**
 * The out folder's lock (src/batch/out-folder-lock.ts) as a batch takes it: what a batch killed
 * outright (SIGKILL) left in the folder, its lock and its temporary files, is cleared; a live
 * process's temporary files are left to it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutFolder } from '../../src/batch/out-folder-lock.js';
import { tempDir } from './helpers.js';

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return child.pid!;
}

describe('taking the out folder', () => {
  it('removes the temporary files a killed batch left, and only those (regression: .report.xlsx.<pid>-….partial stayed after kill -9, run after run)', async () => {
    const out = tempDir('lock');
    const dead = deadPid();
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), started: '2026-11-01T00:00:00.000Z' }));
    const left = [`.report.xlsx.${dead}-0a1b2c3d.partial`, `.report.json.${dead}-0a1b2c3e.partial`];
    const live = `.城东社区便民服务中心-2026-10.xlsx.${process.pid}-99aabbcc.partial`;
    for (const name of [...left, live, '城东社区便民服务中心-2026-10.xlsx']) writeFileSync(join(out, name), 'x');

    const release = await lockOutFolder(out);
    expect(readdirSync(out).sort()).toEqual([LOCK_FILE, live, '城东社区便民服务中心-2026-10.xlsx'].sort());
    await release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });
});
