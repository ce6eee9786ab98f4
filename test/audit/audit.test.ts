import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { DutyAuditError } from '../../src/errors.js';
import { GRADES } from '../../src/grade-scale.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { writeLedgerCsv, writeLedgerXlsx } from './ledger-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-audit-'));
const fixedNow = () => new Date(Date.UTC(2026, 10, 2, 9, 30));
let xlsx: string;
let csv: string;
let withCenter: string;

beforeAll(async () => {
  xlsx = await writeLedgerXlsx(join(dir, '测试社区-2026-10.xlsx'), { title: true });
  withCenter = await writeLedgerXlsx(join(dir, 'center-2026-10.xlsx'), { center: true });
  csv = writeLedgerCsv(join(dir, '测试社区-2026-10-csv'), '测试社区-2026-10', { title: true });
});

async function auditError(promise: Promise<unknown>): Promise<DutyAuditError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DutyAuditError);
  return err as DutyAuditError;
}

describe('audit', () => {
  it('infers the period from the 受理日期 and defaults as-of to its last day', async () => {
    const r = await audit(xlsx, { now: fixedNow });
    expect(r).toMatchObject({ period: '2026-10', periodInferred: true, asOf: '2026-10-31', generatedAt: '2026-11-02T09:30:00.000Z' });
  });

  it('keeps a given period and as-of', async () => {
    const r = await audit(xlsx, { period: '2026-10', asOf: '2026-10-15' });
    expect(r).toMatchObject({ period: '2026-10', periodInferred: false, asOf: '2026-10-15' });
  });

  it('finds the planted overdue case with its ref, grade and evidence', async () => {
    const r = await audit(xlsx);
    const overdue = r.findings.find((f) => f.ruleId === 'case-overdue');
    expect(overdue).toMatchObject({
      clause: '失职追究制/二.6',
      subject: { kind: 'staff', name: '李敏' },
      ref: { sheet: 'cases', row: 4, key: 'C-2' },
      // Completed late: dated by its 办结日期 (the event), not its 受理日期.
      date: '2026-10-16',
      baseGrade: 'criticism',
      grade: 'criticism',
    });
    expect(overdue!.facts['overdue_days']).toBe(4);
  });

  it('turns bad cells into data issues and accounts for every row', async () => {
    const r = await audit(xlsx);
    expect(r.dataIssues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['bad-date', 6, 'B'],
      ['bad-integer', 7, 'K'],
    ]);
    expect(r.summary).toMatchObject({ rowsRead: 6, rowsEvaluated: 4, rowsSetAside: 2 });
    expect(r.summary.rowsRead).toBe(r.summary.rowsEvaluated + r.summary.rowsSetAside);
    expect(r.findings.find((f) => f.ruleId === 'ledger-incomplete')?.rows).toEqual([6, 7]);
  });

  it('counts by grade and by clause exactly the findings it returns', async () => {
    const r = await audit(xlsx);
    for (const g of GRADES) expect(r.summary.byGrade[g]).toBe(r.findings.filter((f) => f.grade === g).length);
    expect(Object.values(r.summary.byClause).reduce((a, b) => a + b, 0)).toBe(r.findings.length);
    for (const run of r.rules) expect(r.summary.byClause).toHaveProperty([run.clause]);
    expect(r.rules.find((x) => x.id === 'case-overdue')).toMatchObject({ ran: true, hits: 1 });
    expect(r.rules.find((x) => x.id === 'attendance-late')).toMatchObject({ ran: false, reason: { code: 'sheet-absent', sheets: ['attendance'] } });
  });

  it('sets aside records dated after as-of', async () => {
    const r = await audit(xlsx, { asOf: '2026-10-19' });
    expect(r.dataIssues.filter((i) => i.code === 'after-as-of').map((i) => i.row)).toEqual([5]);
  });

  it('names the center from the file name without a center sheet, from 中心信息 with one', async () => {
    expect((await audit(xlsx)).center).toBe('测试社区');
    expect((await audit(csv)).center).toBe('测试社区');
    const r = await audit(withCenter);
    expect(r.center).toBe('测试社区便民服务中心');
    expect(r.district).toBe('城东街道');
  });

  it('records each input file with its SHA-256, the rule-set hash, the policy and the tool', async () => {
    const r = await audit(xlsx, { toolVersion: '9.9.9' });
    expect(r.inputs).toEqual([{ file: xlsx, sha256: createHash('sha256').update(readFileSync(xlsx)).digest('hex') }]);
    expect(r.rulesHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.policy.escalate_every).toBeGreaterThan(0);
    expect(r.tool).toEqual({ name: 'duty-audit', version: '9.9.9' });
    const fromCsv = await audit(csv);
    expect(fromCsv.inputs).toEqual([
      { file: join(csv, '测试社区-2026-10-办件台账.csv'), sha256: createHash('sha256').update(readFileSync(join(csv, '测试社区-2026-10-办件台账.csv'))).digest('hex') },
    ]);
  });

  it('gives the same findings from the workbook and from the CSV folder', async () => {
    const a = await audit(xlsx);
    const b = await audit(csv);
    const key = (r: typeof a) => r.findings.map((f) => [f.id, f.ruleId, f.ref.row, f.ref.key, f.grade]);
    expect(key(b)).toEqual(key(a));
    expect(b.summary.byGrade).toEqual(a.summary.byGrade);
  });

  it('gives the same result twice (stable ids, no clock except generatedAt)', async () => {
    const one = await audit(xlsx, { now: fixedNow });
    const two = await audit(xlsx, { now: fixedNow });
    expect(two).toEqual(one);
  });

  it.each([
    [{ period: '2026-13' }, /--period "2026-13" is not a month/, /--period 2026-10/],
    [{ period: '202610' }, /--period "202610"/, /YYYY-MM|2026-10/],
    [{ asOf: '2026-02-30' }, /--as-of "2026-02-30" is not a date/, /--as-of 2026-10-31/],
    [{ asOf: '31/10/2026' }, /--as-of/, /YYYY-MM-DD|2026-10-31/],
  ])('refuses bad usage %j with a fix', async (options, message, hint) => {
    const err = await auditError(audit(xlsx, options));
    expect(err.code).toBe('bad-usage');
    expect(err.message).toMatch(message);
    expect(err.hint).toMatch(hint);
  });

  it('refuses to guess the period when no 受理日期 can be read', async () => {
    const file = await writeLedgerXlsx(join(dir, 'nodates-2026-10.xlsx'), {
      cases: [['C-9', 'bad', '张三', '138', '证明开具', '即办件', '李敏', '是', null, 1, null, null, '办结', null, null]],
    });
    const err = await auditError(audit(file));
    expect(err.code).toBe('bad-usage');
    expect(err.message).toContain(file);
    expect(err.hint).toMatch(/--period/);
  });

  it('stops on bad rules, listing each problem as file:line:col message', async () => {
    const rules = join(dir, 'rules-broken');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const file = join(rules, '失职追究制', 'case-overdue.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"scope": "case"', '"scope": "cases"'));
    const err = await auditError(audit(xlsx, { rulesDir: rules }));
    expect(err.code).toBe('bad-rules');
    expect(err.message).toMatch(/case-overdue\.json:\d+:\d+ /);
    expect(err.hint).toMatch(/rules validate/);
  });

  it('stops when the rules folder does not exist', async () => {
    const err = await auditError(audit(xlsx, { rulesDir: join(dir, 'no-such-rules') }));
    expect(err.code).toBe('bad-rules');
    expect(err.message).toContain('no-such-rules');
  });

  it('passes on the importer’s errors for unreadable input', async () => {
    const text = join(dir, 'notes-2026-10.xlsx');
    writeFileSync(text, 'this is not a workbook');
    const err = await auditError(audit(text));
    expect(err.code).toBe('not-a-workbook');
    expect(err.describe('en')).toContain(text);
    expect(err.describe('zh')).toContain(text);
    expect((await auditError(audit(join(dir, 'missing.xlsx')))).code).toBe('file-not-found');
  });
});
