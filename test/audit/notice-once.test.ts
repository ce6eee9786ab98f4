/**
 * The one-time notice is one act (一次性告知制/二), judged once across months (docs/grading.md).
 * Regression: a case not notified when its window closed in September was notice-missing there;
 * October's ledger then recorded the notice as given late, and notice-late charged the same
 * person again for the same notice, history or not: the two rules have different ids, so the
 * history did not know them for one act. They are an `overlaps` pair now (rules/policy.json).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, type AuditOptions } from '../../src/audit/audit.js';
import type { AuditResult } from '../../src/audit/types.js';
import type { CaseRecord } from '../../src/ledger/types.js';
import { reportJsonText } from '../../src/report/json.js';
import { ledgerOf } from '../facts/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'duty-audit-notice-once-'));
const CENTER = { center: '测试社区便民服务中心', district: '城东街道', complaint_phone: '0571-1', phone_posted: true, rules_posted: true };

/** Received 09-15 with materials missing; still open (a 30-day promise). The window closes 09-22. */
const received: Partial<CaseRecord> = {
  case_id: 'N-1', handler: '李敏', received_on: '2026-09-15', kind: '承诺件', promised_days: 30, materials_complete: false, missing_count: 1, result: '办理中', completed_on: undefined,
};

async function auditMonth(cases: Partial<CaseRecord>[], period: string, options: AuditOptions = {}): Promise<AuditResult> {
  const file = join(dir, `测试社区-${period}.xlsx`);
  writeFileSync(file, period);
  return audit(file, { ledger: ledgerOf({ cases, center: [CENTER] }, [], file), period, ...options });
}

const notices = (r: AuditResult) => r.findings.filter((f) => f.ruleId.startsWith('notice-')).map((f) => `${f.ruleId} ${f.date} ${f.status}`);

let september: AuditResult;
let october: AuditResult;

beforeAll(async () => {
  september = await auditMonth([{ ...received, notified: false }], '2026-09');
  const history = join(dir, 'reports');
  mkdirSync(history, { recursive: true });
  writeFileSync(join(history, '测试社区便民服务中心-2026-09.json'), reportJsonText(september, { lang: 'zh', mask: true }));
  // October's ledger: the notice was given on 10-09, 13 working days after receipt.
  october = await auditMonth([{ ...received, notified: true, notified_on: '2026-10-09', notice_form: '电话' }], '2026-10', { history });
});

describe('a notice missing when its window closed, then recorded as given late', () => {
  it('September charges it as not given (criticism)', () => {
    expect(notices(september)).toEqual(['notice-missing 2026-09-22 counted']);
  });

  it('October, with September\'s report as history, does not charge it again as late', () => {
    expect(notices(october)).toEqual(['notice-late 2026-10-09 reported-before']);
    expect(october.summary.byClause['一次性告知制/二'] ?? 0).toBe(0);
  });
});

describe('a notice never given, for four missing materials', () => {
  // 一次性告知制/二 (not notified) and 一次性告知制/三 (≥ 3 materials without a written notice)
  // both fire on the one omission: one act (rules/policy.json overlaps), the graver counts.
  it('counts once, as not notified; the written-notice finding is merged into it (regression: criticism and a reminder)', async () => {
    const never: Partial<CaseRecord> = { ...received, case_id: 'N-2', received_on: '2026-10-12', missing_count: 4, notified: false };
    const result = await auditMonth([never], '2026-10');
    const missing = result.findings.find((f) => f.ruleId === 'notice-missing')!;
    expect(missing).toMatchObject({ status: 'counted', grade: 'criticism' });
    expect(result.findings.find((f) => f.ruleId === 'written-notice-required')).toMatchObject({ status: 'merged', mergedInto: missing.id });
  });

  it('a notice given on time but only by word of mouth is still one written-notice finding', async () => {
    const oral: Partial<CaseRecord> = { ...received, case_id: 'N-3', received_on: '2026-10-12', missing_count: 4, notified: true, notified_on: '2026-10-12', notice_form: '当场口头' };
    const result = await auditMonth([oral], '2026-10');
    expect(result.findings.filter((f) => f.ruleId.startsWith('notice-') || f.ruleId === 'written-notice-required').map((f) => `${f.ruleId} ${f.status}`)).toEqual(['written-notice-required counted']);
  });
});
