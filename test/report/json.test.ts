import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.js';
import { reportJsonPieces, reportJsonText, toReportJson, writeReportJson } from '../../src/report/json.js';
import { COMPLAINT_CONTACT, FINDINGS, makeResult, manyFindings, PHONE, SERVICE } from './fixture.js';
import { schemaErrors } from './schema.js';

describe('toReportJson', () => {
  it.each([
    ['zh', true],
    ['en', true],
    ['zh', false],
    ['en', false],
  ] as const)('validates against schemas/report.schema.json (%s, mask %s)', (lang, mask) => {
    expect(schemaErrors(JSON.parse(reportJsonText(makeResult(), { lang, mask })))).toEqual([]);
    expect(schemaErrors(JSON.parse(reportJsonText(makeResult([], []), { lang, mask })))).toEqual([]);
  });

  it('the schema is a real check: a wrong grade, a missing field or a bad period fail', () => {
    const good = toReportJson(makeResult(), { lang: 'zh', mask: true });
    const badGrade = structuredClone(good);
    (badGrade.findings[0] as { grade: string }).grade = '批评教育';
    expect(schemaErrors(badGrade).join()).toMatch(/grade/);
    const noRules: Record<string, unknown> = structuredClone(good);
    delete noRules['rules'];
    expect(schemaErrors(noRules).join()).toMatch(/rules/);
    expect(schemaErrors({ ...good, period: '2026-13' }).join()).toMatch(/period/);
    const notRunNoReason = structuredClone(good);
    (notRunNoReason.rules[3] as { reason: string | null }).reason = null;
    expect(schemaErrors(notRunNoReason)).not.toEqual([]);
  });

  it('has the docs/report.md top-level fields and finding fields', () => {
    const json = toReportJson(makeResult(), { lang: 'zh', mask: true });
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['tool', 'center', 'period', 'asOf', 'inputs', 'rulesHash', 'summary', 'findings', 'people', 'dataIssues', 'rules']),
    );
    expect(json).toMatchObject({ tool: { name: 'duty-audit', version: '0.1.0' }, center: '城东社区便民服务中心', period: '2026-10', asOf: '2026-10-31', periodInferred: true });
    expect(json.summary).toMatchObject({ byGrade: { reminder: 2, criticism: 2, notice: 1, deduction: 1 }, rowsRead: 40, rowsEvaluated: 38, rowsSetAside: 2 });
    expect(json.summary.byClause).toEqual({ '失职追究制/二.1': 1, '失职追究制/二.6': 4, '失职追究制/二.9': 0, '全程代理制/三.4': 1 });
    const f = json.findings[2]!;
    expect(f).toMatchObject({
      id: FINDINGS[2]!.id,
      ruleId: 'case-overdue',
      clause: '失职追究制/二.6',
      title: '超过承诺时限未办结',
      subject: { kind: 'staff', name: '李敏' },
      ref: { sheet: 'cases', row: 6, key: 'SL-2026-10-0003' },
      date: '2026-10-20',
      baseGrade: 'criticism',
      grade: 'notice',
      escalation: '同一条款本月第3次，上调1级',
    });
    expect(f.facts['overdue_days']).toBe(4);
    expect(json.people[0]).toEqual({ name: '李敏', counts: { reminder: 1, criticism: 1, notice: 1, deduction: 0 }, highest: 'notice', deductionYuan: 0, sanction: '中心内通报批评', merged: 0, withdrawn: 0, reportedBefore: 0 });
    expect(json.dataIssues[0]).toMatchObject({ file: 'samples/城东社区-2026-10.xlsx', sheet: 'cases', row: 12, column: 'B', value: '2026-13-45', code: 'bad-date' });
    expect(json.rules[0]).toMatchObject({ id: 'case-overdue', clause: '失职追究制/二.6', hits: 4, ran: true, reason: null, note: '无事项公开表:期限只按承诺时限计算' });
    expect(json.rules[1]).toMatchObject({ id: 'complaint-rude', ran: true, reason: null, note: null });
    expect(json.rules[3]).toMatchObject({ ran: false, reason: '缺少工作表：AB岗交接', note: null, missingSheets: ['handovers'] });
  });

  it('carries the service figures per handler and for the center, as data (rates 0…1, null when nothing to divide)', () => {
    const json = toReportJson(makeResult(), { lang: 'zh', mask: true });
    expect(json.service.people).toEqual(SERVICE.people);
    expect(json.service.center).toEqual(SERVICE.center);
    expect(json.service.people[1]!.satisfactionRate).toBeNull();
    expect(schemaErrors(json)).toEqual([]);
  });

  it('renders title, message, escalation, sanction and reasons in English with lang en; grade keys stay keys', () => {
    const json = toReportJson(makeResult(), { lang: 'en', mask: true });
    const f = json.findings[2]!;
    expect(f.title).toBe('Case not completed within its promised time limit');
    expect(f.message).toMatch(/^承诺件 SL-2026-10-0003 \(applicant phone 138\*\*\*\*1234\) due/);
    expect(f.escalation).toBe('occurrence 3 of this clause this month: raised 1 grade');
    expect(f.grade).toBe('notice');
    expect(json.findings[0]!.escalation).toBe('');
    expect(json.rules[3]!.reason).toBe('sheet absent: A/B handovers');
    expect(json.rules[0]!.note).toBe('no items sheet: deadlines count from promises only');
    expect(json.dataIssues[0]!.message).toMatch(/is not a date/);
  });

  it('masks phone and contact facts, condition values and messages unless mask is false', () => {
    const masked = reportJsonText(makeResult(), { lang: 'zh', mask: true });
    expect(masked).not.toContain(PHONE);
    expect(masked).not.toContain(COMPLAINT_CONTACT);
    const json = JSON.parse(masked) as ReturnType<typeof toReportJson>;
    expect(json.findings[0]!.facts['phone']).toBe('138****1234');
    expect(json.findings[4]!.facts['contact']).toBe('139****1111');
    expect(json.findings[4]!.conditions[0]!.actual).toBe('139****1111');
    expect(json.masked).toBe(true);

    const plain = reportJsonText(makeResult(), { lang: 'zh', mask: false });
    expect(plain).toContain(PHONE);
    expect(JSON.parse(plain).findings[4].facts.contact).toBe(COMPLAINT_CONTACT);
  });

  it('is byte-identical for the same result, whatever order facts were built in', () => {
    const a = reportJsonText(makeResult(), { lang: 'zh', mask: true });
    const shuffled: Finding[] = FINDINGS.map((f) => ({ ...f, facts: Object.fromEntries(Object.entries(f.facts).reverse()) }));
    const b = reportJsonText(makeResult(shuffled), { lang: 'zh', mask: true });
    expect(b).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('carries no wall-clock time (generatedAt lives only in the Run sheet)', () => {
    const one = makeResult();
    const two = { ...makeResult(), generatedAt: '2030-01-01T00:00:00.000Z' };
    expect(reportJsonText(two, { lang: 'zh', mask: true })).toBe(reportJsonText(one, { lang: 'zh', mask: true }));
    expect(reportJsonText(one, { lang: 'zh', mask: true })).not.toContain('generatedAt');
  });

  it('keeps the per-grade counts equal to the findings listed', () => {
    const json = toReportJson(makeResult(manyFindings(101)), { lang: 'zh', mask: true });
    for (const [grade, count] of Object.entries(json.summary.byGrade)) {
      expect(json.findings.filter((f) => f.grade === grade).length).toBe(count);
    }
  });
});

describe('the JSON report in pieces (a month of 150,000 findings never becomes one string)', () => {
  const whole = (result: ReturnType<typeof makeResult>, o: { lang: 'zh' | 'en'; mask: boolean }) => `${JSON.stringify(toReportJson(result, o), null, 2)}\n`;

  it('is the text JSON.stringify writes, with no findings, a few, and enough for many pieces', () => {
    for (const findings of [[], FINDINGS, manyFindings(3_000)]) {
      for (const o of [{ lang: 'zh', mask: true }, { lang: 'en', mask: false }] as const) {
        const result = makeResult(findings);
        const pieces = [...reportJsonPieces(result, o)];
        expect(pieces.join('')).toBe(whole(result, o));
        if (findings.length === 3_000) expect(pieces.length).toBeGreaterThan(10);
      }
    }
  });

  it('finds the findings array by its place, whatever the ledger text holds', () => {
    // The mark that stands in the findings array while the rest is written, as a whole value too.
    const mark = '\u0000findings\u0000';
    const trap = `\n  "findings": [\n    "${mark}"`;
    const result = { ...makeResult(), center: mark, district: `"findings": [${trap}` };
    const o = { lang: 'zh', mask: true } as const;
    expect(reportJsonText(result, o)).toBe(whole(result, o));
    expect(JSON.parse(reportJsonText(result, o)).district).toBe(`"findings": [${trap}`);
  });

  it('writes the same text to a file, and says its SHA-256', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duty-audit-json-'));
    try {
      const result = makeResult(manyFindings(500));
      const o = { lang: 'zh', mask: true } as const;
      const sha256 = await writeReportJson(result, join(dir, 'report.json'), o);
      expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe(whole(result, o));
      expect(sha256).toBe(createHash('sha256').update(whole(result, o)).digest('hex'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
