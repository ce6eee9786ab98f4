/** The non-case scopes: complaints, attendance (handovers), staff, items, center, other, ledger. */
import { describe, expect, it } from 'vitest';
import { buildScopeRecords, scopeRecordSources } from '../../src/facts/build.js';
import { factNames, SCOPES } from '../../src/facts/catalogue.js';
import { contextOf, issue, ledgerOf, type SheetInput } from './helpers.js';

const build = (input: SheetInput, options?: Parameters<typeof contextOf>[1], issues: Parameters<typeof ledgerOf>[1] = []) =>
  buildScopeRecords(contextOf(ledgerOf(input, issues), options));

describe('every scope', () => {
  it('gives each record every fact of its scope', () => {
    const records = build(
      {
        cases: [{ handler: '李敏' }],
        complaints: [{ complaint_id: 'T1', logged_on: '2026-10-03', respondent: '李敏', category: '其他', substantiated: '否', first_responder: '赵六' }],
        attendance: [{ date: '2026-10-09', staff: '王芳', status: '正常' }],
        other: [{ date: '2026-10-09', staff: '王芳', description: '未按规定着装', grade: '提醒' }],
        center: [{ center: '城东社区便民服务中心' }],
      },
      undefined,
      [issue('cases', 7, 'bad-date')],
    );
    for (const scope of SCOPES) {
      expect(records[scope].length, scope).toBeGreaterThan(0);
      for (const r of records[scope]) expect(Object.keys(r.facts).sort(), scope).toEqual(factNames(scope).sort());
    }
  });
});

describe('record sources (what the audit evaluates from)', () => {
  it('walked twice, give the same records as buildScopeRecords, in the same order', () => {
    const ctx = contextOf(
      ledgerOf({
        cases: [{ case_id: 'A', handler: '李敏' }, { case_id: 'B', handler: '王芳', received_on: '2026-10-09' }],
        attendance: [{ date: '2026-10-09', staff: '王芳', status: '迟到' }],
        other: [{ date: '2026-10-09', staff: '王芳', description: '未按规定着装', grade: '提醒' }],
      }),
    );
    const sources = scopeRecordSources(ctx);
    const built = buildScopeRecords(ctx);
    for (const scope of SCOPES) {
      expect([...sources[scope]], scope).toEqual(built[scope]);
      expect([...sources[scope]], scope).toEqual(built[scope]);
    }
    expect(built.case.map((r) => r.ref.key)).toEqual(['A', 'B']);
  });

  it('walked by two walks at once, each walk goes through every record on its own', () => {
    const ctx = contextOf(ledgerOf({ cases: [{ case_id: 'A' }, { case_id: 'B' }] }));
    const cases = scopeRecordSources(ctx).case;
    const [first, second] = [cases[Symbol.iterator](), cases[Symbol.iterator]()];
    expect(first.next().value?.ref.key).toBe('A');
    expect(second.next().value?.ref.key).toBe('A');
    expect(first.next().value?.ref.key).toBe('B');
    expect(first.next().done).toBe(true);
    expect(second.next().value?.ref.key).toBe('B');
    expect(second.next().done).toBe(true);
  });
});

describe('complaints', () => {
  const base = { respondent: '李敏', category: '态度粗暴', substantiated: '是', first_responder: '赵六' } as const;

  it('missing_fields lists the empty ones of complainant, contact, content', () => {
    const [full, partial] = build({
      complaints: [
        { ...base, complaint_id: 'T1', logged_on: '2026-10-03', complainant: '周', contact: '139', content: '态度差' },
        { ...base, complaint_id: 'T2', logged_on: '2026-10-04', complainant: '周', content: '  ' },
      ],
    }).complaint;
    expect(full!.facts.missing_fields).toEqual([]);
    expect(partial!.facts.missing_fields).toEqual(['contact', 'content']);
    expect(partial!.ref).toEqual({ sheet: 'complaints', row: 3, key: 'T2' });
    expect(partial!.date).toBe('2026-10-04');
  });

  it('complaints logged before the period are built too, with their event: 登记日期, 核实日期, or as-of when 是 now', () => {
    const keys = build({
      complaints: [
        { ...base, complaint_id: 'SEP', logged_on: '2026-09-30', substantiated: '否' },
        { ...base, complaint_id: 'OCT', logged_on: '2026-10-01' },
        { ...base, complaint_id: 'SEP-VERIFIED', logged_on: '2026-09-28', verified_on: '2026-10-09', substantiated: '是' },
        { ...base, complaint_id: 'SEP-YES', logged_on: '2026-09-29', substantiated: '是' },
        { ...base, complaint_id: 'SEP-LATER', logged_on: '2026-09-29', verified_on: '2026-11-02', substantiated: '是' },
      ],
    }).complaint.map((r) => [r.ref.key, r.facts.complaint_event_on]);
    expect(keys).toEqual([
      ['SEP', '2026-09-30'],
      ['OCT', '2026-10-01'],
      ['SEP-VERIFIED', '2026-10-09'],
      ['SEP-YES', '2026-10-31'],
      ['SEP-LATER', null],
    ]);
  });
});

describe('attendance and handover_exists', () => {
  const attendance = [
    { date: '2026-10-09', staff: '王芳', status: '请假' },
    { date: '2026-10-12', staff: '王芳', status: '出差' },
    { date: '2026-10-09', staff: '李敏', status: '会议' },
  ] as const;

  it('is true only for a handover of the same person on the same date', () => {
    const records = build({ attendance: [...attendance], handovers: [{ date: '2026-10-09', absent_staff: '王芳', cover: '李敏' }] }).attendance;
    expect(records.map((r) => [r.ref.key, r.facts.handover_exists])).toEqual([
      ['王芳@2026-10-09', true],
      ['王芳@2026-10-12', false],
      ['李敏@2026-10-09', false],
    ]);
  });

  it('is null when the handovers sheet is absent (the rule needing it does not run)', () => {
    expect(build({ attendance: [...attendance] }).attendance.map((r) => r.facts.handover_exists)).toEqual([null, null, null]);
  });

  it('ref key is 姓名@日期; rows before the period are built too (their dates are not in it)', () => {
    const records = build({ attendance: [{ date: '2026-09-30', staff: '王芳', status: '迟到' }, ...attendance] }).attendance;
    expect(records[1]!.ref).toEqual({ sheet: 'attendance', row: 3, key: '王芳@2026-10-09' });
    expect(records.map((r) => r.facts.date)).toEqual(['2026-09-30', '2026-10-09', '2026-10-12', '2026-10-09']);
  });
});

describe('staff', () => {
  const cases = [
    { handler: '李敏', received_on: '2026-10-05', error: true },
    { handler: '李敏', received_on: '2026-10-20', error: true },
    { handler: '李敏', received_on: '2026-10-09', error: false },
    { handler: '李敏', received_on: '2026-10-12', error: true },
    { handler: '陈刚', received_on: '2026-10-12' },
    // an older open case: its 差错 has no date of its own, so it is dated as-of and counts this month
    { handler: '陈刚', received_on: '2026-09-10', error: true, completed_on: undefined, result: '办理中' as const },
    // an older case completed last month: its 差错 was last month's
    { handler: '陈刚', received_on: '2026-09-10', error: true, completed_on: '2026-09-25', result: '办结' as const },
  ];
  const staff = [
    { name: '王芳', position: '代办员', phone: '0571-1', posted: true, badge: false },
    { name: '李敏', position: '代办员', posted: true, badge: true },
  ];

  it('lists the board first, then handlers not on it', () => {
    expect(build({ cases, staff }).staff.map((r) => r.ref.key)).toEqual(['王芳', '李敏', '陈刚']);
  });

  it('counts cases and errors of the month per handler', () => {
    const byName = Object.fromEntries(build({ cases, staff }).staff.map((r) => [r.ref.key, r.facts]));
    expect(byName['李敏']).toMatchObject({ handled_count: 4, error_count: 3, is_handler: true, on_board: true, badge: true, phone: null });
    expect(byName['陈刚']).toMatchObject({ handled_count: 1, error_count: 1, is_handler: true, on_board: false, position: null });
    expect(byName['王芳']).toMatchObject({ handled_count: 0, error_count: 0, is_handler: false, on_board: true, badge: false });
  });

  it('ref: the board row, else the first case row; date: the period end', () => {
    const byName = Object.fromEntries(build({ cases, staff }).staff.map((r) => [r.ref.key, r]));
    expect(byName['李敏']!.ref).toEqual({ sheet: 'staff', row: 3, key: '李敏' });
    expect(byName['李敏']!.date).toBe('2026-10-31');
    expect(byName['李敏']!.facts.period_end).toBe('2026-10-31');
    expect(byName['陈刚']!.ref).toEqual({ sheet: 'cases', row: 6, key: '陈刚' });
    expect(byName['陈刚']!.date).toBe('2026-10-31');
  });

  it('on_board is null without the staff board; the error counts still hold', () => {
    const records = build({ cases }).staff;
    expect(records.map((r) => [r.ref.key, r.facts.on_board, r.facts.error_count])).toEqual([
      ['李敏', null, 3],
      ['陈刚', null, 1],
    ]);
  });
});

describe('items', () => {
  const cases = [
    { item: '居住证办理', received_on: '2026-10-12' },
    { item: '证明开具', received_on: '2026-10-08' },
    { item: '居住证办理', received_on: '2026-10-05' },
  ];

  it('one record per handled item, undisclosed listing what is not recorded as posted', () => {
    const items = [
      { item: '居住证办理', procedure_posted: true, materials_posted: false, fee_item: '工本费' },
      { item: '居住证办理', limit_posted: true, fee_item: '加急费' },
      { item: '无人办理的事项', procedure_posted: false },
    ];
    const records = build({ cases, items }).item;
    expect(records.map((r) => [r.ref.key, r.facts.handled_count, r.facts.listed, r.facts.undisclosed])).toEqual([
      ['居住证办理', 2, true, ['materials']],
      ['证明开具', 1, false, ['procedure', 'materials', 'limit']],
    ]);
    expect(records[0]!.ref).toEqual({ sheet: 'items', row: 2, key: '居住证办理' });
    expect(records[0]!.date).toBe('2026-10-31');
    expect(records[0]!.facts.period_end).toBe('2026-10-31');
    expect(records[1]!.ref).toEqual({ sheet: 'cases', row: 3, key: '证明开具' });
  });

  it('an empty posting cell counts as not posted', () => {
    const records = build({ cases: [cases[1]!], items: [{ item: '证明开具', procedure_posted: true, materials_posted: true }] }).item;
    expect(records[0]!.facts.undisclosed).toEqual(['limit']);
  });

  it('listed and undisclosed are null without the items sheet', () => {
    const records = build({ cases }).item;
    expect(records.map((r) => [r.facts.listed, r.facts.undisclosed])).toEqual([[null, null], [null, null]]);
  });
});

describe('center, other, ledger', () => {
  it('center: the one row, key center, dated the period\'s last day', () => {
    const [center] = build({ center: [{ center: '城东社区便民服务中心', rules_posted: false }] }).center;
    expect(center).toMatchObject({ ref: { sheet: 'center', row: 2, key: 'center' }, date: '2026-10-31' });
    expect(center!.facts).toMatchObject({ center: '城东社区便民服务中心', rules_posted: false, phone_posted: null });
    expect(build({}).center).toEqual([]);
  });

  it('other: suggested_grade is the grade key of 建议等级', () => {
    const records = build({
      other: [
        { date: '2026-10-09', staff: '王芳', description: 'a', grade: '通报批评' },
        { date: '2026-10-10', staff: '李敏', description: 'b', grade: '提醒' },
        { date: '2026-09-10', staff: '李敏', description: 'c', grade: '提醒' },
      ],
    }).other;
    expect(records.map((r) => [r.ref.key, r.facts.suggested_grade])).toEqual([
      ['王芳@2026-10-09', 'notice'],
      ['李敏@2026-10-10', 'reminder'],
      ['李敏@2026-09-10', 'reminder'],
    ]);
  });

  it('ledger: one record per sheet with data issues, rows sorted and codes listed; after-as-of left out', () => {
    const records = build({}, undefined, [
      issue('cases', 14, 'bad-date'),
      issue('cases', 9, 'bad-enum'),
      issue('cases', 14, 'bad-number', 'C'),
      issue('attendance', 4, 'after-as-of'),
      issue('complaints', 0, 'missing-header'),
    ]).ledger;
    expect(records.map((r) => [r.ref, r.facts.rows, r.facts.codes, r.facts.issue_count])).toEqual([
      [{ sheet: 'cases', row: 9, key: 'cases' }, [9, 14], ['bad-date', 'bad-enum', 'bad-number'], 3],
      [{ sheet: 'complaints', row: 0, key: 'complaints' }, [], ['missing-header'], 1],
    ]);
    expect(records[0]!.rows).toEqual([9, 14]);
    expect(records[0]!.date).toBe('2026-10-31');
  });
});
