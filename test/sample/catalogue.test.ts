import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../../src/grade-scale.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { RULE_CLAUSES } from '../../src/sample/catalogue.js';
import { generateSampleMonth } from '../../src/sample/generate.js';
import { errorsGrade, lossGrade, overdueGrade, visitsGrade } from '../../src/sample/ladders.js';

const month = generateSampleMonth();
const { violations, dataIssues } = month.planted;

/** The catalogue table of docs/ARCHITECTURE.md: `| id | clause | ...`. */
function architectureCatalogue(): Map<string, string> {
  const doc = readFileSync(join(PACKAGE_ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## The catalogue'), doc.indexOf('\n## ', doc.indexOf('## The catalogue') + 5));
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\| ([a-z][a-z-]+) \| ([^|]+?) \|/.exec(line);
    if (m && m[1] !== 'id') rows.set(m[1]!, m[2]!);
  }
  return rows;
}

function ruleFiles(): Map<string, { clause: string; params: Record<string, { value: unknown }>; grade: unknown }> {
  const dir = join(PACKAGE_ROOT, 'rules');
  const out = new Map();
  for (const regime of readdirSync(dir, { withFileTypes: true })) {
    if (!regime.isDirectory() || regime.name === 'calendar') continue;
    for (const f of readdirSync(join(dir, regime.name))) {
      if (!f.endsWith('.json')) continue;
      const rule = JSON.parse(readFileSync(join(dir, regime.name, f), 'utf8'));
      out.set(rule.id, rule);
    }
  }
  return out;
}

describe('the planted list covers the whole catalogue', () => {
  const catalogue = architectureCatalogue();

  it('the document lists 36 rules and the sample knows the same ids and clauses', () => {
    expect(catalogue.size).toBe(36);
    expect(Object.fromEntries(catalogue)).toEqual(RULE_CLAUSES);
  });

  it('every rule id of the catalogue is planted at least once, with its clause', () => {
    const planted = new Set(violations.map((v) => v.ruleId));
    expect([...catalogue.keys()].filter((id) => !planted.has(id))).toEqual([]);
    for (const v of violations) expect(v.clause).toBe(catalogue.get(v.ruleId));
  });

  it('agrees with the rule files that exist (id and clause)', () => {
    const files = ruleFiles();
    for (const [id, rule] of files) {
      if (RULE_CLAUSES[id] === undefined) continue;
      expect({ id, clause: rule.clause }).toEqual({ id, clause: RULE_CLAUSES[id] });
    }
  });

  it('shows every step of the overdue ladder', () => {
    const grades = new Set(violations.filter((v) => v.ruleId === 'case-overdue').map((v) => v.baseGrade));
    expect([...grades].sort()).toEqual(['criticism', 'deduction', 'notice', 'reminder']);
  });

  it('one person is late at least three times, so repeat escalation shows', () => {
    const late = new Map<string, number>();
    for (const v of violations.filter((x) => x.ruleId === 'attendance-late')) {
      const name = v.key.split('@')[0]!;
      late.set(name, (late.get(name) ?? 0) + 1);
    }
    expect(Math.max(...late.values())).toBeGreaterThanOrEqual(3);
  });

  it('grades only substantiated complaints (待查 is a near miss, never a grade) and plants both 二.2 / 二.4 ladder steps', () => {
    const gradesOf = (id: string): Grade[] => [...new Set(violations.filter((v) => v.ruleId === id).map((v) => v.baseGrade))].sort();
    expect(gradesOf('complaint-rude')).toEqual(['criticism']);
    expect(gradesOf('complaint-delay')).toEqual(['criticism']);
    expect(month.planted.nearMisses.filter((n) => n.sheet === 'complaints').map((n) => n.ruleIds[0]).sort()).toEqual(['complaint-delay', 'complaint-rude']);
    expect(gradesOf('repeated-visits')).toEqual(['criticism', 'notice']);
    expect(gradesOf('policy-deviation-loss')).toEqual(['deduction', 'notice']);
  });

  it('plants each behaviour of the limits a case is bound by, the fee split and one finding per absence (issue #11)', () => {
    const notes = (id: string) => violations.filter((v) => v.ruleId === id).map((v) => v.note).join(' | ');
    expect(notes('case-overdue')).toMatch(/no promise, so bound by the statutory/);
    expect(notes('case-overdue')).toMatch(/即办件 still open past its statutory/);
    expect(notes('case-overdue')).toMatch(/promised 20 but bound by the statutory 15/);
    expect(notes('case-overdue')).toMatch(/延期原因 written as 无/);
    expect(notes('refusal-without-reason')).toMatch(/written as \/, a placeholder/);
    expect(notes('promise-exceeds-statutory')).toMatch(/^上报件|\| 上报件/);
    expect(notes('agency-fee')).toMatch(/跑腿费/);
    expect(violations.filter((v) => v.ruleId === 'fee-above-standard').map((v) => [v.sheet, v.status])).toEqual([
      ['cases', 'merged'],
      ['cases', 'counted'],
    ]);
    expect(violations.filter((v) => v.ruleId === 'fee-schedule-incomplete').map((v) => v.key).sort()).toEqual(['低保申请', '残疾人证办理', '老年优待证', '计划生育证明'].sort());
    expect(violations.filter((v) => v.ruleId === 'complaint-fee').map((v) => [v.sheet, v.mergedInto?.ruleId])).toEqual([
      ['complaints', 'agency-fee'],
      ['complaints', 'fee-above-standard'],
    ]);
    expect(notes('absence-without-handover')).toMatch(/3-day approved 请假 with no A\/B handover/);
    expect(notes('absence-not-approved')).toMatch(/2-day 请假 without approval/);
    const quiet = month.planted.nearMisses.map((n) => n.note).join(' | ');
    expect(quiet).toMatch(/退回补正/);
    expect(quiet).toMatch(/补齐日期/);
    expect(quiet).toMatch(/5-day trip covered by one handover row/);
  });

  it('plants an act of each overlap pair of rules/policy.json, a carried-over case of each kind, each appeal and each warning (issue #10)', () => {
    const merged = violations.filter((v) => v.status === 'merged').map((v) => [v.mergedInto!.ruleId, v.ruleId].join(' + ')).sort();
    expect(merged).toEqual(
      ['absence-without-handover + absence-not-approved', 'agency-fee + complaint-fee', 'agency-fee + fee-above-standard', 'case-overdue + complaint-delay', 'fee-above-standard + complaint-fee', 'notice-missing + repeated-visits'].sort(),
    );
    expect(violations.filter((v) => v.reportedIn).map((v) => [v.ruleId, v.status, v.sheet])).toEqual([
      ['case-overdue', 'reported-before', 'cases'],
      ['case-overdue', 'counted', 'cases'],
    ]);
    expect(violations.filter((v) => v.decision).map((v) => `${v.status} ${v.decision!.decision}`).sort()).toEqual(['counted 维持', 'regraded 改为提醒', 'withdrawn 撤销']);
    expect(month.planted.nearMisses.map((n) => n.note).join(' | ')).toMatch(/received last month: its materials were judged then/);
    expect(month.planted.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['due-soon', 'overdue-open', 'pending-complaint']));
    expect(month.planted).toMatchObject({ history: '城东社区-2026-09.json', decisions: 'decisions.json' });
  });

  it('a multi-day absence is planted once, on its first day, and its handover range is one row with 结束日期', () => {
    const attendance = month.sheets.find((s) => s.key === 'attendance')!.rows;
    const handovers = month.sheets.find((s) => s.key === 'handovers')!.rows;
    const trip = month.planted.nearMisses.find((n) => n.sheet === 'attendance')!;
    const [who, from] = trip.key.split('@') as [string, string];
    const days = attendance.filter((r) => r.values.staff === who && r.values.status === '出差' && String(r.values.date) >= from);
    expect(days.length).toBe(5);
    const range = handovers.filter((r) => r.values.absent_staff === who && String(r.values.date) === from);
    expect(range.map((r) => r.values.end_date)).toEqual([days[4]!.values.date]);
    for (const id of ['absence-without-handover', 'absence-not-approved']) {
      const planted = violations.filter((v) => v.ruleId === id).map((v) => v.key);
      expect(new Set(planted).size, id).toBe(planted.length);
    }
  });

  it('ledger-incomplete fires once per sheet with unreadable rows, at its first bad row', () => {
    const sheets = [...new Set(dataIssues.map((d) => d.sheet))].sort();
    const li = violations.filter((v) => v.ruleId === 'ledger-incomplete');
    expect(li.map((v) => v.sheet).sort()).toEqual(sheets);
    for (const v of li) {
      expect(v.key).toBe(v.sheet);
      expect(v.row).toBe(Math.min(...dataIssues.filter((d) => d.sheet === v.sheet).map((d) => d.row)));
    }
    expect(dataIssues.map((d) => d.code).sort()).toEqual(['bad-date', 'bad-integer', 'duplicate-key']);
  });
});

describe('the base grades the sample expects follow the shipped rules\' params', () => {
  const files = ruleFiles();
  /** The grade a rule file's ladder gives a value (params resolved), read from the file itself. */
  function ladderGrade(id: string, value: number): Grade {
    const rule = files.get(id)!;
    const grade = rule.grade as { base: Grade; ladder?: { steps: { min: number | { param: string }; grade: Grade }[] } };
    let g = grade.base;
    for (const step of grade.ladder?.steps ?? []) {
      const min = typeof step.min === 'number' ? step.min : Number(rule.params[step.min.param]!.value);
      if (value >= min) g = step.grade;
    }
    return g;
  }
  it.each([
    ['case-overdue', overdueGrade, 1, 25],
    ['repeated-visits', visitsGrade, 3, 8],
    ['policy-deviation-loss', lossGrade, 1, 3000],
    ['repeated-errors', errorsGrade, 3, 9],
  ] as const)('%s', (id, local, from, to) => {
    if (!existsSync(join(PACKAGE_ROOT, 'rules')) || !files.has(id)) return;
    const step = to > 100 ? 50 : 1;
    for (let v = from; v <= to; v += step) expect({ v, grade: local(v) }).toEqual({ v, grade: ladderGrade(id, v) });
    if (id === 'policy-deviation-loss') for (const v of [999, 1000, 1001]) expect(local(v)).toBe(ladderGrade(id, v));
  });
});

describe('every planted ref points at its record', () => {
  const sheet = (k: string) => month.sheets.find((s) => s.key === k)!;

  it('row and key agree with the written row (docs/report.md ref.key)', () => {
    for (const v of violations) {
      if (v.ruleId === 'ledger-incomplete') continue;
      const row = sheet(v.sheet).rows.find((r) => r.row === v.row);
      expect(row, `${v.ruleId} ${v.sheet} row ${v.row}`).toBeDefined();
      const vals = row!.values;
      const key =
        v.sheet === 'cases' && v.ruleId === 'handler-not-on-board' ? String(vals.handler)
        : v.sheet === 'cases' ? String(vals.case_id)
        : v.sheet === 'complaints' ? String(vals.complaint_id)
        : v.sheet === 'attendance' || v.sheet === 'other' ? `${String(vals.staff)}@${String(vals.date)}`
        : v.sheet === 'staff' ? String(vals.name)
        : v.sheet === 'items' ? String(vals.item)
        : 'center';
      expect(key).toBe(v.key);
    }
  });

  it('rows count the title and header rows: the first record is row 3', () => {
    for (const s of month.sheets) {
      expect(s.rows[0]!.row).toBe(3);
      s.rows.forEach((r, i) => expect(r.row).toBe(3 + i));
    }
  });

  it('data issues name the column letter and header of the bad cell', () => {
    for (const d of dataIssues) {
      const s = sheet(d.sheet);
      const index = d.column.charCodeAt(0) - 65;
      expect(s.headers[index]).toBe(d.header);
      const row = s.rows.find((r) => r.row === d.row)!;
      expect(String(row.cells[index])).toBe(d.value);
    }
  });

  it('the duplicate 受理编号 repeats the row right above it', () => {
    const dup = dataIssues.find((d) => d.code === 'duplicate-key')!;
    const rows = sheet('cases').rows;
    const at = rows.findIndex((r) => r.row === dup.row);
    expect(rows[at]!.values.case_id).toBe(rows[at - 1]!.values.case_id);
    expect(new Set(rows.map((r) => r.values.case_id)).size).toBe(rows.length - 1);
  });
});
