/**
 * The page in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core,
 * no browser download) uploads three workbooks through the file picker, one of them broken;
 * waits for 完成, 完成, 失败 with the reason; checks every count shown against the JSON API; sees
 * the month view fill in; downloads a report and reads it back with exceljs; and checks that the
 * page fits a phone-width screen without scrolling sideways. It saves a screenshot of the page:
 * reports/serve-page.png (untracked) on every run, docs/serve-page.png (the one the README shows)
 * with UPDATE_SCREENSHOT=1, so running the tests leaves the working tree as it was.
 *
 * Never skipped: without /usr/bin/chromium this test fails and says how to install it
 * (.ci/run installs it).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from '../../src/serve/server.js';
import { CENTERS, sampleWorkbook, tempDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = resolve(import.meta.dirname, '../..', process.env.UPDATE_SCREENSHOT === '1' ? 'docs' : 'reports', 'serve-page.png');
const tmp = tempDir();
let service: Service & { url: string };
let browser: BrowserContext;
let page: Page;
const uploads: string[] = [];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The callbacks given to waitForFunction and $$eval run in the page, where these are the DOM's;
// the project's type check has no DOM library, so they are declared as loosely as they are used.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
type HTMLElement = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

async function api(path: string): Promise<Json> {
  return (await (await fetch(`${service.url}${path}`)).json()) as Json;
}

/** A real workbook with bytes of its compressed sheet overwritten: its zip directory still reads. */
function damage(file: string, target: string): string {
  const bytes = Buffer.from(readFileSync(file));
  const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
  expect(at).toBeGreaterThan(0);
  bytes.fill(0x55, at + 200, at + 1200);
  writeFileSync(target, bytes);
  return target;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does`);
  uploads.push(await sampleWorkbook(join(tmp.dir, '城东社区-2026-10.xlsx'), CENTERS[0]));
  uploads.push(await sampleWorkbook(join(tmp.dir, '城西社区-2026-10.xlsx'), CENTERS[1]));
  const good = await sampleWorkbook(join(tmp.dir, 'source.xlsx'), CENTERS[2]);
  uploads.push(damage(good, join(tmp.dir, '城南社区-2026-10-损坏.xlsx')));
  service = await startService({ data: join(tmp.dir, 'data'), port: 0, jobs: 2 });
  // The month before, uploaded through the API, so the month view has a change to show.
  const september = await sampleWorkbook(join(tmp.dir, '城东社区-2026-09.xlsx'), { ...CENTERS[0], seed: 31, period: '2026-09' });
  const form = new FormData();
  form.append('file', new Blob([readFileSync(september)]), '城东社区-2026-09.xlsx');
  expect((await fetch(`${service.url}/api/audits`, { method: 'POST', body: form })).status).toBe(202);
  await service.queue.whenIdle();
  // A fresh profile each run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'duty-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
  tmp.remove();
});

describe('the upload page in Chromium', () => {
  it('uploads three workbooks, shows each status, the counts the API gives, and the month', async () => {
    await page.goto(service.url);
    expect(await page.title()).toBe('便民服务中心台账审计');
    await page.setInputFiles('#files', uploads);

    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('#audits tbody tr')] as HTMLElement[];
        return rows.length === 4 && rows.every((r) => r.dataset['status'] === 'done' || r.dataset['status'] === 'failed');
      },
      undefined,
      { timeout: 180_000 },
    );
    const rows = await page.$$eval('#audits tbody tr', (trs) =>
      trs.map((tr) => ({
        id: (tr as HTMLElement).dataset['audit'] ?? '',
        status: (tr as HTMLElement).dataset['status'],
        name: tr.querySelector('.name')!.textContent,
        statusText: tr.querySelector('.status')!.textContent ?? '',
        center: tr.querySelector('.center')!.textContent,
        grades: Object.fromEntries([...tr.querySelectorAll('[data-grade]')].map((td) => [(td as HTMLElement).dataset['grade'], td.textContent])),
        issues: tr.querySelector('.issues')!.textContent,
      })),
    );
    const byName = new Map(rows.map((r) => [r.name, r]));
    const broken = byName.get('城南社区-2026-10-损坏.xlsx')!;
    expect(broken.status).toBe('failed');
    expect(broken.statusText).toContain('失败');
    const failure = (await api(`/api/audits/${broken.id}`)).failure;
    expect(failure.code).toBe('not-a-workbook');
    expect(broken.statusText).toContain(failure.message);
    expect(broken.statusText).toContain(`处理建议：${failure.hint}`);
    // The reason names the upload, not where the service keeps it.
    expect(failure.message).toContain('城南社区-2026-10-损坏.xlsx');
    expect(failure.message).not.toContain('/files/');

    for (const name of ['城东社区-2026-10.xlsx', '城西社区-2026-10.xlsx']) {
      const row = byName.get(name)!;
      expect(row.status).toBe('done');
      expect(row.statusText).toBe('完成');
      const json = await api(`/api/audits/${row.id}`);
      expect(row.center).toBe(json.center);
      expect(row.grades).toEqual(Object.fromEntries(Object.entries(json.byGrade).map(([g, n]) => [g, String(n)])));
      expect(row.issues).toBe(String(json.dataIssueCount));
    }

    // The month view is fetched again as each audit finishes.
    await page.waitForFunction(() => document.querySelectorAll('#month-table tbody tr[data-center-audit]').length === 2, undefined, { timeout: 30_000 });
    const month = await api('/api/periods/2026-10');
    const shown = await page.$$eval('#month-table tbody tr[data-center-audit]', (trs) =>
      trs.map((tr) => ({
        id: (tr as HTMLElement).dataset['centerAudit'],
        reminder: tr.querySelector('[data-grade="reminder"]')!.textContent,
        onTime: tr.querySelector('[data-figure="onTimeRate"]')!.textContent,
        change: tr.querySelector('.change')!.textContent,
      })),
    );
    const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
    expect(shown).toEqual(
      month.centers.map((c: Json) => ({
        id: c.auditId,
        reminder: String(c.byGrade.reminder),
        onTime: `${(c.onTimeRate * 100).toFixed(1)}%`,
        change: c.change ? expect.stringContaining(`问题 ${signed(c.change.findings)}`) : '上月未审计',
      })),
    );
    expect(month.centers.filter((c: Json) => c.change !== null)).toHaveLength(1);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 240_000);

  it('downloads a report that reads back with its findings', async () => {
    const link = page.locator('#audits tbody tr[data-status="done"]').first().locator('a', { hasText: 'Excel' });
    const id = await page.locator('#audits tbody tr[data-status="done"]').first().getAttribute('data-audit');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = join(tmp.dir, 'downloaded.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const findings = book.getWorksheet('问题清单')!;
    const json = await api(`/api/audits/${id}`);
    const report = await api(`/api/audits/${id}/report.json`);
    expect(findings.actualRowCount - 1).toBe(report.findings.length);
    expect(download.suggestedFilename()).toBe(`${json.center}-2026-10.xlsx`);
  });

  it('fits a phone-width screen, and speaks English on request', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${service.url}/?lang=en`);
    expect(await phone.locator('h1').textContent()).toBe('Service center ledger audits');
    expect(await phone.locator('#audits tbody tr[data-status="failed"] .status').textContent()).toContain('Failed');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
