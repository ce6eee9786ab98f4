/**
 * A mobile number typed into free text — 延期原因, 其他失职's 事由 — is personal data like 联系电话:
 * masked wherever the report shows it unless --no-mask. It was masked in a finding's words and
 * shown whole in the finding's facts and conditions, and in the 预警 sheet's 延期原因 (workbook
 * and JSON).
 */
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/audit/warnings.js';
import type { Finding } from '../../src/findings/types.js';
import { toReportJson } from '../../src/report/json.js';
import { FINDINGS, ISSUES, makeResult, WARNINGS } from './fixture.js';
import { allText, writtenBook } from './read-back.js';

const MOBILE = '13712345678';
const MASKED = '137****5678';

const OTHER: Finding = {
  ...FINDINGS[0]!,
  id: 'F-0000000000ff',
  ruleId: 'other-dereliction',
  clause: '失职追究制/二.10',
  scope: 'other',
  ref: { sheet: 'other', row: 3, key: '李敏@2026-10-14' },
  facts: { description: `未回复群众来电${MOBILE}`, basis: '督查记录', fees: [`退费${MOBILE}`, 3] },
  conditions: [{ fact: 'description', operator: 'isEmpty', expected: false, actual: `未回复群众来电${MOBILE}`, result: true }],
  message: { zh: `李敏：未回复群众来电${MOBILE}`, en: `李敏: did not return the call of ${MOBILE}` },
};

const OVERDUE_WITH_REASON: Warning = { ...WARNINGS[1]!, findingId: null, extensionReason: `等待鉴定，已电话告知申请人${MOBILE}` };

function result() {
  return makeResult([...FINDINGS, OTHER], ISSUES, [WARNINGS[0]!, OVERDUE_WITH_REASON, WARNINGS[2]!]);
}

describe('mobile numbers in free text', () => {
  it('JSON: masked in the facts, the conditions and the warning’s extension reason', () => {
    const json = toReportJson(result(), { lang: 'zh', mask: true });
    const text = JSON.stringify(json);
    expect(text).not.toContain(MOBILE);
    const other = json.findings.find((f) => f.id === OTHER.id)!;
    expect(other.facts).toMatchObject({ description: `未回复群众来电${MASKED}`, fees: [`退费${MASKED}`, 3] });
    expect(other.conditions[0]!.actual).toBe(`未回复群众来电${MASKED}`);
    expect(json.warnings[1]!.extensionReason).toBe(`等待鉴定，已电话告知申请人${MASKED}`);
  });

  it('the workbook: masked in the 预警 sheet’s 延期原因 and everywhere else', async () => {
    const text = allText(await writtenBook(result()));
    expect(text).not.toContain(MOBILE);
    expect(text).toContain(`等待鉴定，已电话告知申请人${MASKED}`);
  });

  it('--no-mask shows them as written', async () => {
    const json = toReportJson(result(), { lang: 'zh', mask: false });
    expect(json.warnings[1]!.extensionReason).toBe(`等待鉴定，已电话告知申请人${MOBILE}`);
    expect(allText(await writtenBook(result(), { mask: false }))).toContain(MOBILE);
  });

  it('a record’s own id is kept as its ref.key shows it', () => {
    const finding: Finding = { ...FINDINGS[0]!, facts: { case_id: MOBILE } };
    const json = toReportJson(makeResult([finding], [], []), { lang: 'zh', mask: true });
    expect(json.findings[0]!.facts['case_id']).toBe(MOBILE);
  });
});
