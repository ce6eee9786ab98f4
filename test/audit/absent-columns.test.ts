/**
 * A column a rule reads that the sheet's header lacks turns the rule off, as an absent sheet
 * does, and the report says which column (docs/ledger.md). Read as empty, a missing 办结日期
 * made every case of the month open and overdue: the sample month, its 办结日期 headed 办结时间,
 * went from 7 deductions to 212, with no data issue and every rule said to have run.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import { SAMPLES_DIR } from '../../src/paths.js';
import { ruleNotRunText } from '../../src/report/labels.js';
import { toReportJson } from '../../src/report/json.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-absent-columns-'));

/** The sample's CSV month with one header of a sheet renamed (the rest of the file as it is). */
function sampleWithHeader(name: string, sheet: string, from: string, to: string): string {
  const folder = join(dir, name);
  cpSync(join(SAMPLES_DIR, '城东社区-2026-10-csv'), folder, { recursive: true });
  const file = join(folder, readdirSync(folder).find((f) => f.endsWith(`${sheet}.csv`))!);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(`,${from}`);
  writeFileSync(file, text.replace(`,${from}`, `,${to}`));
  return folder;
}

function runOf(result: AuditResult, id: string) {
  return result.rules.find((r) => r.id === id)!;
}

let sample: AuditResult;
let noCompletion: AuditResult;

beforeAll(async () => {
  sample = await audit(join(SAMPLES_DIR, '城东社区-2026-10-csv'));
  noCompletion = await audit(sampleWithHeader('renamed-completion', '办件台账', '办结日期', '办结时间'));
});

describe('a 办件台账 whose 办结日期 is headed 办结时间 (no known column)', () => {
  it('runs none of the rules that would read every case as still open, and says why', () => {
    for (const id of ['case-overdue', 'instant-not-same-day', 'result-notice-late']) {
      expect(runOf(noCompletion, id)).toMatchObject({ ran: false, hits: 0, reason: { code: 'column-absent', sheet: 'cases', columns: expect.arrayContaining(['completed_on']) } });
    }
    expect(ruleNotRunText(runOf(noCompletion, 'case-overdue'), 'zh')).toBe('办件台账缺少“办结日期”列');
    expect(ruleNotRunText(runOf(noCompletion, 'case-overdue'), 'en')).toBe('Cases sheet has no column 办结日期');
  });

  it('charges no one for lateness it cannot see (regression: 212 deductions instead of 7)', () => {
    const deductions = (r: AuditResult) => r.findings.filter((f) => f.grade === 'deduction').length;
    expect(noCompletion.findings.filter((f) => f.ruleId === 'case-overdue')).toEqual([]);
    expect(deductions(noCompletion)).toBeLessThanOrEqual(deductions(sample));
    expect(noCompletion.findings.length).toBeLessThan(sample.findings.length);
  });

  it('still runs the rules that read what the sheet has', () => {
    expect(runOf(noCompletion, 'notice-missing').ran).toBe(true);
    expect(runOf(noCompletion, 'promise-missing').ran).toBe(true);
    expect(noCompletion.findings.some((f) => f.ruleId === 'notice-missing')).toBe(true);
  });

  it('lists no case as open past its deadline in the 预警, since none is known to be open', () => {
    expect(sample.warnings.some((w) => w.kind === 'overdue-open')).toBe(true);
    expect(noCompletion.warnings.filter((w) => w.ref.sheet === 'cases')).toEqual([]);
  });

  it('names the column in the JSON report', () => {
    const json = toReportJson(noCompletion, { lang: 'zh', mask: true });
    expect(json.rules.find((r) => r.id === 'case-overdue')).toMatchObject({ ran: false, reason: '办件台账缺少“办结日期”列', missingColumns: { sheet: 'cases', columns: ['completed_on'] } });
  });
});

describe('the complete sample', () => {
  it('runs every rule whose sheets it has', () => {
    expect(sample.rules.filter((r) => r.reason?.code === 'column-absent')).toEqual([]);
  });
});

describe('a 投诉登记 without a 联系方式 column', () => {
  it('does not say every complaint record lacks one (首问责任制/三 does not run)', async () => {
    const result = await audit(sampleWithHeader('no-contact', '投诉登记', '联系方式', '电话'));
    expect(runOf(result, 'complaint-record-incomplete')).toMatchObject({ ran: false, reason: { code: 'column-absent', sheet: 'complaints' } });
    expect(result.findings.filter((f) => f.clause === '首问责任制/三')).toEqual([]);
  });
});
