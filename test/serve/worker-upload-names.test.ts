/**
 * What the service worker's reports say of the upload (src/serve/worker.ts): the file the center
 * sent, never where the service keeps it (DATA/files/<sha256>.xlsx, or the job's folder under
 * DATA/tmp, gone once the job ends); and every csv of a zip read or listed, as in a folder: a
 * second csv for one sheet is a data issue, not passed over without a word.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, type UploadKind } from '../../src/serve/guards.js';
import { auditUpload, type ServeTask } from '../../src/serve/worker.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const CSV_FOLDER = join(SAMPLES, '城东社区-2026-10-csv');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function taskIn(root: string): ServeTask {
  return {
    auditId: 'a1',
    kind: 'xlsx',
    file: '',
    uploadName: '',
    workDir: join(root, 'tmp', 'job-a1'),
    reportDir: join(root, 'reports', 'a1'),
    historyDir: join(root, 'history'),
    lang: 'zh',
    mask: true,
    limits: { ...DEFAULT_UPLOAD_LIMITS },
  };
}

async function auditAs(kind: UploadKind, file: string, uploadName: string): Promise<{ root: string; report: Json }> {
  const root = mkdtempSync(join(tmpdir(), 'duty-audit-serve-names-'));
  mkdirSync(join(root, 'history'), { recursive: true });
  const task: ServeTask = { ...taskIn(root), kind, file, uploadName };
  const outcome = await auditUpload(task);
  expect(outcome.ok).toBe(true);
  return { root, report: JSON.parse(readFileSync(join(task.reportDir, 'report.json'), 'utf8')) as Json };
}

/** Every file name a report gives: its inputs and its data issues. */
function namedFiles(report: Json): string[] {
  return [...(report.inputs as Json[]).map((i) => i.file as string), ...(report.dataIssues as Json[]).map((d) => d.file as string)];
}

describe('the reports of an upload', () => {
  it('name the workbook the center sent, not the stored file (regression: 运行信息 and 数据问题 gave DATA/files/<sha256>.xlsx)', async () => {
    const { report } = await auditAs('xlsx', join(SAMPLES, '城东社区-2026-10.xlsx'), '城东社区-2026-10.xlsx');
    expect(report.inputs).toEqual([{ file: '城东社区-2026-10.xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(report.dataIssues.length).toBeGreaterThan(0);
    expect(new Set(namedFiles(report))).toEqual(new Set(['城东社区-2026-10.xlsx']));
  });

  it('name a zip\'s csv within the zip, and a csv sent alone by its own name, never the job\'s folder (regression: DATA/tmp/job-<id>/ledger/…)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-serve-names-in-'));
    const zip = new JSZip();
    for (const name of readdirSync(CSV_FOLDER)) zip.file(name, readFileSync(join(CSV_FOLDER, name)));
    writeFileSync(join(dir, 'month.zip'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const zipped = await auditAs('zip-csv', join(dir, 'month.zip'), '城东十月.zip');
    expect(namedFiles(zipped.report).every((f) => f.startsWith('城东十月.zip/'))).toBe(true);
    expect(JSON.stringify(zipped.report)).not.toContain(zipped.root);

    const cases = readdirSync(CSV_FOLDER).find((f) => f.endsWith('办件台账.csv'))!;
    const alone = await auditAs('csv', join(CSV_FOLDER, cases), '城东社区-2026-10-办件台账.csv');
    expect(new Set(namedFiles(alone.report))).toEqual(new Set(['城东社区-2026-10-办件台账.csv']));
    expect(JSON.stringify(alone.report)).not.toContain(alone.root);
  });

  it('list a second csv of one sheet in a zip as a data issue, as a folder does (regression: it was passed over without a word)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-serve-names-in-'));
    const zip = new JSZip();
    for (const name of readdirSync(CSV_FOLDER)) zip.file(`10/${name}`, readFileSync(join(CSV_FOLDER, name)));
    const staff = readdirSync(CSV_FOLDER).find((f) => f.endsWith('人员公示.csv'))!;
    zip.file('old/人员公示.csv', readFileSync(join(CSV_FOLDER, staff)));
    writeFileSync(join(dir, 'month.zip'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const { report } = await auditAs('zip-csv', join(dir, 'month.zip'), '城东十月.zip');
    const duplicates = (report.dataIssues as Json[]).filter((d) => d.code === 'duplicate-sheet');
    expect(duplicates).toEqual([
      expect.objectContaining({
        file: '城东十月.zip/old/人员公示.csv',
        sheet: 'staff',
        sheetName: '人员公示',
        row: 0,
        message: `与“${staff.replace(/\.csv$/, '')}”是同一张表，未读取`,
      }),
    ]);
  });

  it('fail a zip holding two cases csv files, naming them, rather than audit the first alone (regression: the second month vanished)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-audit-serve-names-in-'));
    const zip = new JSZip();
    for (const name of readdirSync(CSV_FOLDER)) zip.file(`10/${name}`, readFileSync(join(CSV_FOLDER, name)));
    const cases = readdirSync(CSV_FOLDER).find((f) => f.endsWith('办件台账.csv'))!;
    zip.file('09/城东社区-2026-09-办件台账.csv', readFileSync(join(CSV_FOLDER, cases)));
    writeFileSync(join(dir, 'two-months.zip'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const root = mkdtempSync(join(tmpdir(), 'duty-audit-serve-names-'));
    mkdirSync(join(root, 'history'));
    const outcome = await auditUpload({ ...taskIn(root), kind: 'zip-csv', file: join(dir, 'two-months.zip'), uploadName: '两个月.zip' });
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'several-ledgers' } });
    expect(!outcome.ok && outcome.failure.message).toBe(
      `两个月.zip: the zip holds 2 cases csv files (10/${cases}, 09/城东社区-2026-09-办件台账.csv): a zip holds one center's month, so which one to audit cannot be told, and none was audited`,
    );
    expect(readdirSync(root)).not.toContain('reports');
  });
});
