/**
 * The sample month's report, written once per test file: the committed samples/ workbook audited
 * with the shipped rules, at a fixed clock, in Chinese (and English on request). What a new user
 * gets from the quick start, so the print, font and wording checks look at a real month.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import { SAMPLES_DIR } from '../../src/paths.js';
import { reportJsonText } from '../../src/report/json.js';
import { writeReportXlsx } from '../../src/report/xlsx/write.js';
import type { Lang } from '../../src/text.js';

export const SAMPLE_XLSX = join(SAMPLES_DIR, '城东社区-2026-10.xlsx');
/** 2026-11-29 04:21 UTC: 12:21 in Beijing. */
export const GENERATED_AT = new Date('2026-11-29T04:21:08.291Z');

let result: Promise<AuditResult> | undefined;

export function sampleResult(): Promise<AuditResult> {
  result ??= audit(SAMPLE_XLSX, { now: () => GENERATED_AT });
  return result;
}

export interface SampleReport {
  result: AuditResult;
  xlsx: string;
  json: string;
}

/** Writes the sample's report in `lang` into a fresh folder; `streaming` forces a writer. */
export async function writeSampleReport(lang: Lang = 'zh', streaming?: boolean): Promise<SampleReport> {
  const r = await sampleResult();
  const dir = mkdtempSync(join(tmpdir(), 'duty-audit-print-'));
  const xlsx = join(dir, `城东社区便民服务中心-2026-10${lang === 'en' ? '-en' : ''}.xlsx`);
  await writeReportXlsx(r, xlsx, { lang, mask: true, ...(streaming === undefined ? {} : { streaming }) });
  return { result: r, xlsx, json: reportJsonText(r, { lang, mask: true }) };
}
