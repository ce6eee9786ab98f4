/**
 * explainAudit on altered copies of the sample CSV folder: a rule turned off by an absent
 * sheet is listed as not run (and why); a name with no staff record is a person, with their
 * findings and their dated records listed, however many; a case outside the period is not
 * audited and the message says so.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainAudit } from '../../src/explain/explain.js';
import { readLedger } from '../../src/ledger/read-ledger.js';
import type { Ledger } from '../../src/ledger/types.js';
import { SAMPLE_CSV, verdictOf } from './sample.js';

const VISITOR = '周新';
/** Someone late on many days, with no staff record. */
const OFTEN_LATE = '孙迟';
const LATE_DAYS = 13;
let folder: string;
let ledger: Ledger;

function sheetFile(dir: string, suffix: string): string {
  return join(dir, readdirSync(dir).find((f) => f.endsWith(`${suffix}.csv`))!);
}

beforeAll(async () => {
  folder = join(mkdtempSync(join(tmpdir(), 'duty-audit-explain-')), '城东社区-2026-10-csv');
  cpSync(SAMPLE_CSV, folder, { recursive: true });
  rmSync(sheetFile(folder, 'AB岗交接'));
  // A person on neither the staff board nor the cases: only dated records name them.
  appendFileSync(sheetFile(folder, '考勤记录'), `2026-10-15,${VISITOR},迟到,15,,\r\n2026-10-16,${VISITOR},请假,,是,\r\n`);
  const days = Array.from({ length: LATE_DAYS }, (_, i) => `2026-10-${String(i + 12).padStart(2, '0')}`);
  appendFileSync(sheetFile(folder, '考勤记录'), days.map((d) => `${d},${OFTEN_LATE},迟到,5,,\r\n`).join(''));
  ledger = await readLedger(folder);
});

const explain = (target: string) => explainAudit(folder, target, { ledger });

describe('explainAudit without the handovers sheet', () => {
  it('lists the rule that needs it as not run, with the absent sheet, and still explains the others', async () => {
    const e = await explain(`${VISITOR}@2026-10-16`);
    const record = e.records[0]!;
    const notRun = verdictOf(record, 'absence-without-handover');
    expect(notRun).toMatchObject({ status: 'not-run', absentSheets: ['handovers'] });
    expect(notRun.tree).toBeUndefined();
    expect(record.rules.at(-1)!.ruleId).toBe('absence-without-handover');
    expect(verdictOf(record, 'absence-not-approved')).toMatchObject({ status: 'not-fired' });
  });
});

describe('explainAudit by a name with no staff record', () => {
  it('is a person: their findings with how each was graded, and their dated records listed to explain one by one', async () => {
    const e = await explain(VISITOR);
    expect(e.targetKind).toBe('person');
    expect(e.records).toEqual([]);
    expect(e.alsoMatches.map((r) => r.key)).toEqual([`${VISITOR}@2026-10-15`, `${VISITOR}@2026-10-16`]);
    expect(e.person!.name).toBe(VISITOR);
    expect(e.person!.findings.map((f) => [f.ruleId, f.ref.key])).toEqual([['attendance-late', `${VISITOR}@2026-10-15`]]);
    expect(e.person!.findings[0]!.grade).toMatchObject({ base: 'reminder', why: { kind: 'base' }, final: 'reminder', escalation: { kind: 'none' } });
  });

  it('a name with many dated records is no longer refused: repeats are escalated, and the path says so', async () => {
    const e = await explain(OFTEN_LATE);
    expect(e.targetKind).toBe('person');
    expect(e.alsoMatches).toHaveLength(LATE_DAYS);
    const late = e.person!.findings;
    expect(late.map((f) => f.ref.key)).toEqual([...late.map((f) => f.ref.key)].sort());
    expect(late.map((f) => f.grade.escalation.kind === 'repeat' ? f.grade.escalation.occurrence : 1)).toEqual(late.map((_, i) => i + 1));
    const raised = late.find((f) => f.grade.final !== f.grade.base)!;
    expect(raised.grade.escalation).toMatchObject({ kind: 'repeat' });
    expect(e.person!.summary).toMatchObject({ name: OFTEN_LATE, highest: late.at(-1)!.grade.final });
  });
});

describe('explainAudit of a case whose events all lie in an earlier month', () => {
  it('judges no rule on it: each rule whose conditions hold is other-period, with its event date', async () => {
    // A case the October audit judged (materials lost), completed in October.
    const done = ledger.sheets.cases!.find((r) => r.record.materials_lost === true && r.record.completed_on !== undefined && r.record.completed_on <= '2026-10-31')!;
    const e = await explainAudit(folder, done.record.case_id, { ledger, period: '2026-11', asOf: '2026-11-30' });
    const [record] = e.records;
    expect(record!.rules.filter((v) => v.status === 'fired')).toEqual([]);
    expect(record!.rules.find((v) => v.ruleId === 'materials-lost')).toMatchObject({ status: 'other-period', event: { fact: 'outcome_on', date: done.record.completed_on } });
    for (const v of record!.rules.filter((r) => r.status === 'other-period')) {
      expect(v.tree!.result, v.ruleId).toBe(true);
      expect(v.event!.date === null || v.event!.date < '2026-11-01', v.ruleId).toBe(true);
    }
  });
});
