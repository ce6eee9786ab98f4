/**
 * How the sample month's report prints: writes it (zh), converts it to PDF with LibreOffice
 * headless and prints the pages per sheet. With `--png DIR`, also writes page 1 of 汇总 and of
 * 问题清单 as PNGs at 80 dpi (the pictures in the README: docs/report-summary.png and
 * docs/report-findings.png).
 *
 *   npx tsx bench/print.ts [--png docs]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../src/audit/audit.js';
import { SAMPLES_DIR } from '../src/paths.js';
import { REPORT_SHEETS, SHEET_NAMES } from '../src/report/labels.js';
import { writeReportXlsx } from '../src/report/xlsx/write.js';
import { missingTools, pagesPerSheet, pageToPng, pdfPages, toPdf } from './pdf-pages.js';

const missing = missingTools();
if (missing) {
  process.stderr.write(`${missing}\n`);
  process.exit(2);
}

const pngDir = process.argv.includes('--png') ? process.argv[process.argv.indexOf('--png') + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), 'duty-audit-print-'));
const result = await audit(join(SAMPLES_DIR, '城东社区-2026-10.xlsx'), { now: () => new Date('2026-11-29T04:21:00Z') });
const xlsx = join(dir, '城东社区便民服务中心-2026-10.xlsx');
await writeReportXlsx(result, xlsx, { lang: 'zh', mask: true });
const pdf = toPdf(xlsx, dir);
const names = REPORT_SHEETS.map((s) => SHEET_NAMES[s].zh);
const pages = pdfPages(pdf, names);
process.stdout.write(`${pdf}: ${pages.length} pages\n`);
for (const [sheet, n] of pagesPerSheet(pages)) process.stdout.write(`  ${sheet || '(no header)'}: ${n}\n`);

if (pngDir) {
  for (const [sheet, file] of [['汇总', 'report-summary.png'], ['问题清单', 'report-findings.png']] as const) {
    const first = pages.find((p) => p.sheet === sheet);
    if (!first) throw new Error(`no page of ${sheet}`);
    pageToPng(pdf, first.page, join(pngDir, file));
    process.stdout.write(`wrote ${join(pngDir, file)}\n`);
  }
}
