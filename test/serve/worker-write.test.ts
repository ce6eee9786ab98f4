/**
 * The service's worker writes each report through a temporary file of its own
 * (src/output/atomic-file.ts). It wrote `report.xlsx.partial` and `report.json.partial` under fixed
 * names and renamed them: a failed rename left a partial file in the report folder.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/serve/guards.js';
import { auditUpload, type ServeTask } from '../../src/serve/worker.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', '城东社区-2026-10.xlsx');

function task(root: string): ServeTask {
  mkdirSync(join(root, 'history'), { recursive: true }); // the store makes it at start
  return {
    auditId: 'a1',
    kind: 'xlsx',
    file: SAMPLE,
    uploadName: '城东社区-2026-10.xlsx',
    workDir: join(root, 'tmp', 'a1'),
    reportDir: join(root, 'reports', 'a1'),
    historyDir: join(root, 'history'),
    lang: 'zh',
    mask: true,
    limits: { ...DEFAULT_UPLOAD_LIMITS },
  };
}

describe('the service worker writes its reports whole or not at all', () => {
  it('writes report.xlsx and report.json and nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'duty-audit-serve-write-'));
    const outcome = await auditUpload(task(root));
    expect(outcome.ok).toBe(true);
    expect(readdirSync(join(root, 'reports', 'a1')).sort()).toEqual(['report.json', 'report.xlsx']);
  });

  it('a report that cannot be put in place leaves no partial file beside it (regression: report.json.partial stayed)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'duty-audit-serve-write-'));
    const t = task(root);
    mkdirSync(join(t.reportDir, 'report.json'), { recursive: true }); // the rename onto it fails
    const outcome = await auditUpload(t);
    expect(outcome.ok).toBe(false);
    expect(readdirSync(t.reportDir).sort()).toEqual(['report.json', 'report.xlsx']);
  });
});
