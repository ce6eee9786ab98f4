/**
 * The service's API through fastify's inject (docs/service.md): every route, every refusal
 * status (400, 401, 404, 413, 415, 422), uploads of each kind audited on the worker pool, the
 * same file audited once, a failed audit with its fix, the month view with ranks and the change
 * from the month before, and the district summary read back.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeAudit } from '../../src/batch/district-summary.js';
import { audit } from '../../src/index.js';
import { startService, type Service } from '../../src/serve/server.js';
import { CENTERS, multipart, sampleCsvFiles, sampleWorkbook, tempDir, testService, workbookWithoutCases } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const tmp = tempDir();
const MONTH_CENTERS = ([CENTERS[0].center, CENTERS[2].center, CENTERS[1].center, '城南社区'] as string[]).sort();
let service: Service;
const files: Record<string, Buffer> = {};

async function upload(svc: Service, parts: { name: string; bytes: Buffer }[], query = ''): Promise<{ status: number; body: Json }> {
  const res = await svc.app.inject({ method: 'POST', url: `/api/audits${query}`, ...multipart(parts) });
  return { status: res.statusCode, body: res.json() as Json };
}

async function get(svc: Service, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  const res = await svc.app.inject({ url, headers });
  return { status: res.statusCode, body: res.json() as Json };
}

async function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

beforeAll(async () => {
  files.east = readFileSync(await sampleWorkbook(join(tmp.dir, 'east.xlsx'), CENTERS[0]));
  files.eastSeptember = readFileSync(await sampleWorkbook(join(tmp.dir, 'east-09.xlsx'), { ...CENTERS[0], seed: 31, period: '2026-09' }));
  files.west = readFileSync(await sampleWorkbook(join(tmp.dir, 'west.xlsx'), CENTERS[1]));
  files.noCases = readFileSync(await workbookWithoutCases(join(tmp.dir, 'no-cases.xlsx')));
  const csvDir = join(tmp.dir, 'south-csv');
  const csvFiles = await sampleCsvFiles(csvDir, CENTERS[2]);
  files.southZip = await zipOf(Object.fromEntries(csvFiles.map((f) => [`south/${f.split('/').pop()!}`, readFileSync(f)])));
  files.southCases = readFileSync(csvFiles.find((f) => f.endsWith('办件台账.csv'))!);
  await sampleWorkbook(join(tmp.dir, 'south.xlsx'), CENTERS[2]);
  files.southXlsx = readFileSync(join(tmp.dir, 'south.xlsx'));
  service = await testService(join(tmp.dir, 'data'));
}, 120_000);

afterAll(async () => {
  await service?.close();
  tmp.remove();
});

describe('POST /api/audits', () => {
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    const res = await upload(service, [
      { name: '城东社区-2026-10.xlsx', bytes: files.east! },
      { name: '城西社区-2026-10.xlsx', bytes: files.west! },
      { name: '城东社区-2026-09.xlsx', bytes: files.eastSeptember! },
      { name: 'no-cases.xlsx', bytes: files.noCases! },
      { name: '城南社区-csv.zip', bytes: files.southZip! },
    ]);
    expect(res.status).toBe(202);
    const [east, west, september, noCases, southZip] = res.body.audits as Json[];
    ids = { east: east!.id, west: west!.id, september: september!.id, noCases: noCases!.id, southZip: southZip!.id };
    await service.queue.whenIdle();
  }, 180_000);

  it('answers 202 with one random 128-bit id per file, queued before any audit ran', async () => {
    const res = await upload(service, [{ name: 'again.xlsx', bytes: files.east! }]);
    expect(res.status).toBe(202);
    for (const id of Object.values(ids)) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(Object.values(ids)).size).toBe(5);
  });

  it('audits the same file once: a second upload answers with the first audit', async () => {
    const before = (await get(service, `/api/audits/${ids.east}`)).body;
    const res = await upload(service, [{ name: 'east-copy.xlsx', bytes: files.east! }]);
    expect(res.body.audits[0]).toMatchObject({ id: ids.east, duplicate: true, status: 'done' });
    await service.queue.whenIdle();
    const after = (await get(service, `/api/audits/${ids.east}`)).body;
    expect(after.finishedAt).toBe(before.finishedAt);
    expect(after.names).toEqual(['城东社区-2026-10.xlsx', 'again.xlsx', 'east-copy.xlsx']);
    const count = service.store.db.prepare('SELECT COUNT(*) AS n FROM audits WHERE sha256 = ?').get(after.sha256) as { n: number };
    expect(count.n).toBe(1);
  });

  it('gives the counts the library gives for the same workbook', async () => {
    // 城西 has no earlier month here, so its audit is the library's audit of the file alone.
    const body = (await get(service, `/api/audits/${ids.west}`)).body;
    const direct = await audit(join(tmp.dir, 'west.xlsx'));
    expect(body).toMatchObject({ status: 'done', center: CENTERS[1].center, period: '2026-10', byGrade: direct.summary.byGrade, findings: summarizeAudit(direct).findings });
    expect(body.dataIssueCount).toBe(direct.dataIssues.length);
    expect(body.dataIssues).toHaveLength(direct.dataIssues.length);
    expect(body.dataIssues[0]).toMatchObject({ file: '城西社区-2026-10.xlsx', sheet: direct.dataIssues[0]!.sheet, row: direct.dataIssues[0]!.row });
    expect(body.service.onTimeRate).toBe(direct.service.center.onTimeRate);
    expect(body.warnings).toHaveLength((direct as { warnings?: unknown[] }).warnings?.length ?? 0);
  });

  it('audits a zip of csv files like the workbook of the same month', async () => {
    const zip = (await get(service, `/api/audits/${ids.southZip}`)).body;
    const direct = await audit(join(tmp.dir, 'south.xlsx'));
    expect(zip).toMatchObject({ status: 'done', kind: 'zip-csv', center: CENTERS[2].center, byGrade: direct.summary.byGrade });
  });

  it('audits a csv uploaded alone as the cases sheet', async () => {
    const res = await upload(service, [{ name: '城南社区-2026-10-办件台账.csv', bytes: files.southCases! }]);
    expect(res.status).toBe(202);
    await service.queue.whenIdle();
    const body = (await get(service, `/api/audits/${res.body.audits[0].id}`)).body;
    expect(body).toMatchObject({ status: 'done', kind: 'csv', period: '2026-10' });
    expect(body.findings).toBeGreaterThan(0);
  });

  it('shows a failed audit with its reason and fix, and keeps the upload', async () => {
    const body = (await get(service, `/api/audits/${ids.noCases}`)).body;
    expect(body.status).toBe('failed');
    expect(body.failure).toMatchObject({ code: 'no-cases-sheet', title: '缺少办件台账' });
    expect(body.failure.hint).toMatch(/办件台账/);
    expect(body.reports).toBeNull();
    expect(readdirSync(join(tmp.dir, 'data', 'files'))).toContain(`${body.sha256}.xlsx`);
    const en = (await get(service, `/api/audits/${ids.noCases}?lang=en`)).body;
    expect(en.failure.title).toBe('no cases sheet');
  });

  it('stores files by content hash only: an uploaded name is never a path', async () => {
    const res = await upload(service, [{ name: '../../../escape.xlsx', bytes: files.west! }]);
    expect(res.body.audits[0]).toMatchObject({ id: ids.west, name: 'escape.xlsx', duplicate: true });
    expect(existsSync(join(tmp.dir, 'escape.xlsx'))).toBe(false);
    for (const name of readdirSync(join(tmp.dir, 'data', 'files'))) expect(name).toMatch(/^[0-9a-f]{64}\.(xlsx|csv|zip)$/);
    for (const name of readdirSync(join(tmp.dir, 'data', 'reports'))) expect(name).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lists the latest audits, newest first', async () => {
    const list = (await get(service, '/api/audits')).body.audits as Json[];
    expect(list.map((a) => a.id)).toContain(ids.east);
    expect(list[0]!.kind).toBe('csv');
  });

  it('serves both reports of a finished audit, readable as xlsx and JSON', async () => {
    const xlsx = await service.app.inject({ url: `/api/audits/${ids.east}/report.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="[^/\\]+"; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('问题清单');
    const json = await service.app.inject({ url: `/api/audits/${ids.east}/report.json` });
    const report = json.json() as Json;
    expect(report).toMatchObject({ center: CENTERS[0].center, period: '2026-10', masked: true });
    expect((await get(service, `/api/audits/${ids.east}`)).body.byGrade).toEqual(report.summary.byGrade);
  });

  it('shows the month: every center with counts, rates, ranks and the change from the month before', async () => {
    const month = (await get(service, '/api/periods/2026-10')).body;
    // The csv uploaded alone has no 中心信息: its center is named after the upload, 城南社区.
    expect(month.centers.map((c: Json) => c.center)).toEqual(MONTH_CENTERS);
    const east = month.centers.find((c: Json) => c.center === CENTERS[0].center);
    const september = (await get(service, `/api/audits/${ids.september}`)).body;
    expect(east.previous).toMatchObject({ period: '2026-09', auditId: ids.september, findings: september.findings });
    expect(east.change.findings).toBe(east.findings - september.findings);
    expect(east.change.onTimeRate).toBeCloseTo(east.onTimeRate - september.service.onTimeRate, 4);
    const west = month.centers.find((c: Json) => c.center === CENTERS[1].center);
    expect(west.previous).toBeNull();
    const rates = month.centers.map((c: Json) => c.onTimeRate as number);
    for (const c of month.centers) expect(c.ranks.onTime).toBe(1 + rates.filter((r: number) => r > c.onTimeRate).length);
    expect(month.totals.findings).toBe(month.centers.reduce((n: number, c: Json) => n + c.findings, 0));
    expect((await get(service, '/api/periods')).body.periods).toEqual(['2026-10', '2026-09']);
  });

  it('writes the month\'s district summary, one row per center', async () => {
    const res = await service.app.inject({ url: '/api/periods/2026-10/summary.xlsx' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('汇总')!;
    const centers = sheet.getColumn(1).values.slice(3).map(String); // under the title line and the header
    expect(centers).toEqual([...MONTH_CENTERS, '合计']);
  });

  it('renders the page and the month fragment with what the API says', async () => {
    const page = await service.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'nonce-/);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toContain(`data-audit="${ids.east}"`);
    expect(page.body).toContain('按期办结率');
    const en = await service.app.inject({ url: '/?lang=en' });
    expect(en.body).toContain('On-time rate');
    const fragment = await service.app.inject({ url: '/month?period=2026-10' });
    expect(fragment.body).toContain('/api/periods/2026-10/summary.xlsx');
    expect(fragment.body).toContain(CENTERS[1].center);
  });
});

describe('refusals', () => {
  const refusal = (res: { status: number; body: Json }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code });
    expect(typeof res.body.message).toBe('string');
    expect(res.body.hint.length).toBeGreaterThan(0);
  };

  it('400: not multipart, no file, a bad period', async () => {
    const json = await service.app.inject({ method: 'POST', url: '/api/audits', payload: { a: 1 } });
    refusal({ status: json.statusCode, body: json.json() }, 400, 'not-multipart');
    const fieldsOnly = await service.app.inject({ method: 'POST', url: '/api/audits', ...multipart([], { note: 'x' }) });
    refusal({ status: fieldsOnly.statusCode, body: fieldsOnly.json() }, 400, 'no-files');
    refusal(await get(service, '/api/periods/2026-13'), 400, 'bad-period');
    refusal(await get(service, '/api/periods/october/summary.xlsx'), 400, 'bad-period');
  });

  it('404: an unknown or malformed id, a report not there, a month without audits, an unknown route', async () => {
    refusal(await get(service, `/api/audits/${'0'.repeat(32)}`), 404, 'bad-id');
    refusal(await get(service, '/api/audits/..%2F..%2Findex.sqlite'), 404, 'bad-id');
    const failed = (await get(service, '/api/audits')).body.audits.find((a: Json) => a.status === 'failed');
    refusal(await get(service, `/api/audits/${failed.id}/report.xlsx`), 404, 'report-not-ready');
    refusal(await get(service, '/api/periods/2020-01'), 404, 'period-not-found');
    refusal(await get(service, '/api/periods/2020-01/summary.xlsx'), 404, 'period-not-found');
    refusal(await get(service, '/data/index.sqlite'), 404, 'not-found');
  });

  it('413: a file over the size limit, too many files, a zip that declares a bomb', async () => {
    const small = await testService(join(tmp.dir, 'data-small'), { maxMb: 0.01 });
    try {
      refusal(await upload(small, [{ name: 'big.xlsx', bytes: files.east! }]), 413, 'file-too-large');
      expect(readdirSync(join(tmp.dir, 'data-small', 'tmp'))).toEqual([]);
      expect(readdirSync(join(tmp.dir, 'data-small', 'files'))).toEqual([]);
    } finally {
      await small.close();
    }
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `${i}.csv`, bytes: Buffer.from('受理编号,事项\n1,a\n') }));
    refusal(await upload(service, many), 413, 'too-many-files');
    const bomb = await zipOf({ '办件台账.csv': Buffer.alloc(20 * 1024 * 1024, 0x30) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    refusal(await upload(service, [{ name: 'bomb.zip', bytes: bomb }]), 413, 'inflated-too-large');
  });

  it('415: content that is not a ledger, whatever its name says', async () => {
    refusal(await upload(service, [{ name: 'ledger.xlsx', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1') }]), 415, 'unsupported-content');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    refusal(await upload(service, [{ name: 'ledger.xlsx', bytes: ole }]), 415, 'old-excel');
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
    refusal(await upload(service, [{ name: 'ledger.xlsx', bytes: encrypted }]), 415, 'encrypted-workbook');
    refusal(await upload(service, [{ name: 'photos.zip', bytes: await zipOf({ 'a.png': 'x' }) }]), 415, 'unsupported-content');
  });

  it('422: an empty file, a csv that is not the cases sheet, a zip without the cases csv, a damaged zip', async () => {
    refusal(await upload(service, [{ name: 'empty.xlsx', bytes: Buffer.alloc(0) }]), 422, 'empty-file');
    refusal(await upload(service, [{ name: '城东-人员公示.csv', bytes: Buffer.from('姓名,职务,电话\n张三,窗口,1\n') }]), 422, 'csv-not-cases');
    refusal(await upload(service, [{ name: 'staff.zip', bytes: await zipOf({ '人员公示.csv': '姓名,职务\n张三,窗口\n' }) }]), 422, 'no-ledger-csv');
    refusal(await upload(service, [{ name: 'cut.zip', bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]) }]), 422, 'damaged-zip');
  });

  it('refuses a whole request when one of its files is refused, storing none of it', async () => {
    const before = service.store.db.prepare('SELECT COUNT(*) AS n FROM uploads').get() as { n: number };
    const res = await upload(service, [
      { name: 'good.xlsx', bytes: files.west! },
      { name: 'bad.bin', bytes: Buffer.from([1, 2, 3, 0, 4]) },
    ]);
    expect(res.status).toBe(415);
    expect(res.body.message).toContain('bad.bin');
    const after = service.store.db.prepare('SELECT COUNT(*) AS n FROM uploads').get() as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('a zip bomb refused in Chinese says why in Chinese (its detail was English inside the Chinese message)', async () => {
    const bomb = await zipOf({ '办件台账.csv': Buffer.alloc(20 * 1024 * 1024, 0x30) });
    const zh = await upload(service, [{ name: 'bomb.zip', bytes: bomb }]);
    expect(zh.body.message).toBe('bomb.zip 解压后过大（办件台账.csv 的压缩比超过 100:1）');
    const en = await upload(service, [{ name: 'bomb.zip', bytes: bomb }], '?lang=en');
    expect(en.body.message).toBe('bomb.zip inflates too far (办件台账.csv inflates more than 100:1)');
  });

  it('answers in English on ?lang=en', async () => {
    const res = await get(service, `/api/audits/${'f'.repeat(32)}?lang=en`);
    expect(res.body.message).toBe(`no audit with id ${'f'.repeat(32)}`);
  });
});

describe('zip bombs that lie about their sizes', () => {
  /** A zip of one cases csv whose directory and local header declare 1,000 bytes for 2 MB. */
  async function lyingZip(): Promise<Buffer> {
    let text = '受理编号,事项名称\n';
    for (let i = 0; text.length < 2 * 1024 * 1024; i++) text += `SL-${i},${Math.random().toString(36).slice(2)}\n`;
    const zip = Buffer.from(await zipOf({ '办件台账.csv': text }));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(zip.readUInt32LE(central + 24)).toBeGreaterThan(2 * 1024 * 1024);
    zip.writeUInt32LE(1000, central + 24);
    zip.writeUInt32LE(1000, 22);
    return zip;
  }

  it('passes the declared check at upload, then fails its audit when the bytes inflated exceed what was declared', async () => {
    const res = await upload(service, [{ name: 'lying.zip', bytes: await lyingZip() }]);
    expect(res.status).toBe(202);
    await service.queue.whenIdle();
    const body = (await get(service, `/api/audits/${res.body.audits[0].id}?lang=en`)).body;
    expect(body.status).toBe('failed');
    expect(body.failure.code).toBe('not-a-workbook');
    expect((await get(service, `/api/audits/${res.body.audits[0].id}`)).body.failure.message).toMatch(/^lying\.zip：压缩包已损坏（/);
    expect(body.failure.message).toMatch(/^lying\.zip: the zip is damaged \(.*(too many bytes|size)/);
    expect(readdirSync(join(tmp.dir, 'data', 'tmp'))).toEqual([]);
  });
});

describe('the token', () => {
  const TOKEN = 'a-long-random-secret-for-tests';
  let guarded: Service;

  beforeAll(async () => {
    guarded = await testService(join(tmp.dir, 'data-token'), { token: TOKEN });
  });
  afterAll(async () => guarded?.close());

  it('401 for every request without it, the page included', async () => {
    for (const url of ['/', '/api/audits', `/api/audits/${'0'.repeat(32)}`, '/api/periods/2026-10', '/month?period=2026-10']) {
      const res = await guarded.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'token-required' });
    }
    const wrong = await guarded.app.inject({ url: '/api/audits', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const post = await guarded.app.inject({ method: 'POST', url: '/api/audits', ...multipart([{ name: 'a.xlsx', bytes: files.west! }]) });
    expect(post.statusCode).toBe(401);
  });

  it('takes it as a bearer header, or once in the page address, which becomes a cookie', async () => {
    expect((await guarded.app.inject({ url: '/api/audits', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    const entry = await guarded.app.inject({ url: `/?token=${TOKEN}&lang=en` });
    expect(entry.statusCode).toBe(303);
    expect(entry.headers.location).toBe('/?lang=en');
    const setCookie = String(entry.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const page = await guarded.app.inject({ url: '/?lang=en', headers: { cookie: setCookie.split(';')[0]! } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(TOKEN);
  });

  it('refuses to start beyond loopback without one', async () => {
    await expect(startService({ data: join(tmp.dir, 'data-open'), host: '0.0.0.0', port: 0 })).rejects.toMatchObject({ code: 'bad-usage' });
    expect(existsSync(join(tmp.dir, 'data-open'))).toBe(false);
  });
});

describe('the history folder', () => {
  it('holds each center month\'s standing JSON report under the center\'s key', async () => {
    const dir = join(tmp.dir, 'data', 'history');
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(5); // east 09 and 10, west 10, south 10 (zip), 城南社区 10 (csv alone)
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{16}-\d{4}-\d{2}\.json$/);
    const east = names.filter((n) => readFileSync(join(dir, n), 'utf8').includes(CENTERS[0].center));
    expect(east.map((n) => n.slice(17, 24))).toEqual(['2026-09', '2026-10']);
    writeFileSync(join(dir, east[0]!), '{}');
    await service.store.syncHistoryFolder();
    expect(JSON.parse(readFileSync(join(dir, east[0]!), 'utf8')).period).toBe('2026-09');
  });
});
