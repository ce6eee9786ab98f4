/**
 * An output path that is a device, a pipe or a link to one (`--json /dev/null`, `--out
 * /dev/stdout`) is refused before anything is written. The atomic write renamed its temporary
 * file over the node itself: run as root, `audit … --json /dev/null` replaced /dev/null with a
 * 127 KB regular file for every program on the machine. A FIFO stands in for the device here
 * (making a device node needs root; renaming over either replaced it the same way).
 */
import { spawnSync } from 'node:child_process';
import { lstat, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runAudit } from '../../src/cli/commands/audit.js';
import { DutyAuditError } from '../../src/errors.js';
import { render } from '../../src/messages/catalogue.js';
import { withDir } from './harness.js';
import { writeXlsxMonth } from './month.js';

const args = (input: string, extra: Record<string, string | boolean> = {}) => ({ input, lang: 'en', mask: true, ...extra });

async function refusalOf(run: Promise<unknown>): Promise<DutyAuditError> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof DutyAuditError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe.skipIf(process.platform === 'win32')('an output that is a device or a pipe', () => {
  test.each(['json', 'out'] as const)('--%s naming a FIFO, or a link to one: refused, the FIFO left as it was', async (option) => {
    await withDir(async (dir) => {
      await writeXlsxMonth(join(dir, 'L.xlsx'));
      expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
      await symlink(join(dir, 'pipe'), join(dir, 'stdout'));
      for (const target of ['pipe', 'stdout']) {
        const extra: Record<string, string> = option === 'json' ? { out: 'r.xlsx', json: target } : { out: target };
        const error = await refusalOf(runAudit(args(join(dir, 'L.xlsx'), extra), dir));
        expect(error.code).toBe('cannot-write');
        expect(render(error.detail, 'en')).toContain('not a regular file');
        expect(render(error.fix!, 'en')).toContain(`--${option}`);
        expect((await lstat(join(dir, 'pipe'))).isFIFO()).toBe(true);
        expect((await lstat(join(dir, 'stdout'))).isSymbolicLink()).toBe(true);
      }
      expect((await readdir(dir)).filter((name) => name !== 'r.xlsx').sort()).toEqual(['L.xlsx', 'pipe', 'stdout']);
    });
  });
});
