/**
 * Derived facts: values the ledger does not hold but rules need, computed once per record per
 * run (src/facts/*-facts.ts). The descriptions are what `duty-audit facts` shows a reviewer.
 */
import type { SheetKey } from '../ledger/types.js';
import type { Scope } from './scopes.js';
import { GRADES } from '../grade-scale.js';
import { LIMIT_BASES } from './deadline.js';
import { FEE_STATUSES } from './fee-status.js';
import type { FactDef, FactType } from './types.js';
import { codeWords } from './value-labels.js';

function fact(scope: Scope, name: string, type: FactType, zh: string, en: string, sheets: SheetKey[] = []): FactDef {
  return { name, scope, type, description: { zh, en }, origin: 'derived', sheets };
}

/** A derived fact that reads optional columns of its own sheet (FactDef.readsColumns). */
function reads(def: FactDef, ...columns: string[]): FactDef {
  return { ...def, readsColumns: columns };
}

/** A fact whose values are a short list (codes, true/false): `rules validate` checks values against it. */
function valued(def: FactDef, values: readonly (string | boolean)[], nullable: boolean): FactDef {
  return { ...def, domain: { values, nullable } };
}

const BOOLEAN = [true, false] as const;

/** Staff, items, the center and the ledger are judged on the period's last day (events.ts). */
function periodEndFact(scope: Scope): FactDef {
  return fact(scope, 'period_end', 'date', '审计期间的最后一天:对人员、事项、中心和台账的问题都以此为事件日期', 'the last day of the audited period: the event date of findings on staff, items, the center and the ledger');
}

/** The time-limit facts read 法定时限 from 事项公开 when it is there, and count promises without it. */
function limitFact(name: string, type: FactType, zh: string, en: string): FactDef {
  return {
    ...fact('case', name, type, zh, en),
    readsIfPresent: { sheet: 'items', without: { zh: '无事项公开表：期限只按承诺时限计算', en: 'no items sheet: deadlines count from promises only' } },
  };
}

export const DERIVED_FACTS: readonly FactDef[] = [
  fact('case', 'clock_start', 'date',
    '时限起算日:补齐日期(申请材料后来补齐的),否则受理日期;起算当日不计',
    'the day the time limit counts from: materials_completed_on when the application was completed later, else received_on; that day itself is not counted'),
  limitFact('limit_days', 'number',
    '该件受约束的时限(工作日):承诺时限,但不超过法定时限;无承诺时为法定时限;即办件为法定时限;退回补正或无任何时限为 null',
    'the working days the case is bound by: the promise, but never beyond the statutory limit; the statutory limit without a promise or for a 即办件; null when returned for completion (退回补正) or with no limit at all'),
  valued(limitFact('limit_basis', 'string',
    `时限依据:${codeWords('case', 'limit_basis', 'zh')}`,
    `which limit binds the case: ${codeWords('case', 'limit_basis', 'en')}`), LIMIT_BASES, false),
  limitFact('deadline', 'date',
    '办结期限:起算日后第 limit_days 个工作日;无时限或期限在已载日历之后为 null(见 deadline_after)',
    'the deadline: clock_start plus limit_days working days; null without a limit, or when it falls after the loaded calendars (see deadline_after)'),
  limitFact('deadline_after', 'date',
    '期限落在已载日历最后一天之后时为该日(显示为"YYYY-12-31之后"),此时尚未逾期;否则为 null',
    'when the deadline falls after the last loaded calendar day: that day (shown "after YYYY-12-31"), and the case is not yet overdue; else null'),
  reads(limitFact('overdue_days', 'number',
    '逾期工作日数:期限之后到办结日期(未办结则到 as-of)的工作日数;未逾期为 0;无期限为 null',
    'working days after the deadline until completed_on (or as-of while open); 0 when not late; null without a deadline'), 'completed_on'),
  reads(valued(fact('case', 'is_open', 'boolean',
    '截至 as-of 未办结(办结日期为空或晚于 as-of)',
    'not completed by as-of (completed_on empty or after as-of)'), BOOLEAN, false), 'completed_on'),
  reads(valued(fact('case', 'completed_same_day', 'boolean',
    '受理当日办结;未办结为 false(受理当日即为 as-of 且未办结时为 null,当日尚未结束)',
    'completed on the day received; false while open (null when received on as-of and still open: the day is not over)'), BOOLEAN, true), 'completed_on'),
  fact('case', 'notice_delay', 'number',
    '受理日期到告知日期的工作日数;无告知日期为 null',
    'working days from received_on to notified_on; null when there is no notified_on'),
  reads(fact('case', 'result_notice_delay', 'number',
    '办结日期到结果告知日期的工作日数,未告知则到 as-of;未办结为 null',
    'working days from completed_on to result_notified_on, or to as-of while empty; null when not completed'), 'completed_on', 'result_notified_on'),
  reads(valued(fact('case', 'result_notice_missing', 'boolean',
    '已办结但结果告知日期为空',
    'completed but result_notified_on is empty'), BOOLEAN, false), 'completed_on', 'result_notified_on'),
  fact('case', 'notice_event_on', 'date',
    '一次性告知的事件日期:已告知为告知日期(早于受理日期时为受理日期);未告知且告知期限(notice-late 的 maxNoticeDays 个工作日)已过为期限后第一个工作日;否则为 null',
    'the one-time notice\'s event: notified_on once notified (received_on when notified before receipt); when not notified, the first working day past the notice window (notice-late\'s maxNoticeDays working days) once it has come by as-of; else null'),
  reads(fact('case', 'result_notice_event_on', 'date',
    '结果告知的事件日期:已告知为结果告知日期;办结后未告知且回复期限(result-notice-late 的 maxResultNoticeDays 个工作日)已过为期限后第一个工作日;未办结或期限未过为 null',
    'the result notice\'s event: result_notified_on once told; completed and not told, the first working day past the window (result-notice-late\'s maxResultNoticeDays working days) once it has come by as-of; null while open or within the window'), 'completed_on', 'result_notified_on'),
  reads(fact('case', 'same_day_event_on', 'date',
    '当日办结的事件日期:已办结为办结日期;未办结为受理后第一个工作日(已到 as-of 时);否则为 null',
    'same-day completion\'s event: completed_on once completed; while open, the first working day after receipt once it has come by as-of; else null'), 'completed_on'),
  reads(limitFact('overdue_event_on', 'date',
    '逾期的事件日期:已办结为办结日期;未办结且已过期限为期限后第一个工作日(此后每月仍办理中即每月审计);无期限或未到期为 null',
    'the overdue event: completed_on once completed; while open past the deadline, the first working day past it (judged again every month the case stays open); null without a deadline or before it'), 'completed_on'),
  fact('case', 'outcome_on', 'date',
    '无自身日期的办件事实(差错、偏差/损失、遗失、满意度、往返次数、不予办理)的事件日期:办结日期,未办结为 as-of',
    'the event date of case facts with no date of their own (差错, 偏差/损失, 遗失, 满意度, 往返次数, 不予办理): completed_on, or as-of while open'),
  fact('case', 'statutory_days', 'number',
    '该事项的法定时限(事项公开表,工作日);事项未列出为 null',
    "the item's statutory limit in working days (items sheet); null when the item is not listed", ['items']),
  valued(fact('case', 'fee_status', 'string',
    `收费核对(事项名称与收费项目对照收费公示):${codeWords('case', 'fee_status', 'zh')}`,
    `fee check of the (item, fee_item) pair against the posted fee schedule: ${codeWords('case', 'fee_status', 'en')}`, ['items']), FEE_STATUSES, true),
  fact('case', 'fee_standard', 'number',
    '事项公开表中该 (事项, 收费项目) 的收费标准,元;未列出为 null',
    'the fee standard of the (item, fee_item) pair in the items sheet, yuan; null when not listed', ['items']),

  fact('complaint', 'complaint_event_on', 'date',
    '投诉的事件日期:核实日期(早于登记日期时为登记日期);无核实日期为登记日期;本期之前登记、现为"是"且无核实日期的为 as-of;核实日期晚于 as-of 为 null',
    'the complaint\'s event: verified_on (logged_on when verified before it was logged); without it, logged_on; a complaint logged before the period that is 是 now with no verified_on, as-of; null while verified_on lies after as-of'),
  reads(fact('complaint', 'missing_fields', 'string[]',
    `投诉记录中为空的必记项:${codeWords('complaint', 'missing_fields', 'zh')}`,
    `which required fields of the complaint record are empty: ${codeWords('complaint', 'missing_fields', 'en')}`), 'complainant', 'contact', 'content'),

  valued(fact('attendance', 'handover_exists', 'boolean',
    'AB岗交接表中有一行以该人员为A岗且日期至结束日期覆盖当日',
    'a handovers row names the person as absent_staff and its date … end_date covers that day', ['handovers']), BOOLEAN, true),
  valued(fact('attendance', 'absence_first_day', 'boolean',
    '请假/出差/会议:该行是其缺岗(同一人连续工作日的请假/出差/会议行)在本台账中的第一天;其他状态为 null',
    '请假/出差/会议: this row is the first day in this ledger of its absence (one person\'s 请假/出差/会议 rows on consecutive working days); null for other statuses'), BOOLEAN, true),
  fact('attendance', 'absence_from', 'date', '该行所属缺岗的第一天', 'the first day of the absence the row belongs to'),
  fact('attendance', 'absence_to', 'date', '该行所属缺岗的最后一天', 'the last day of the absence the row belongs to'),
  fact('attendance', 'absence_days', 'number', '该缺岗的天数(有请假/出差/会议记录的日期数)', 'the days of the absence (dates with a 请假/出差/会议 row)'),
  valued(fact('attendance', 'absence_covered', 'boolean',
    '该缺岗的每一天都在以该人员为A岗的某一交接行(日期至结束日期)之内',
    'every day of the absence lies in some handovers row (date … end_date) naming the person as absent_staff', ['handovers']), BOOLEAN, true),
  valued(fact('attendance', 'absence_approved', 'boolean',
    '该缺岗各天的已报批:有一天为否则 false,全部为是则 true,否则 null',
    '已报批 over the absence: false when any day is 否, true when every day is 是, else null'), BOOLEAN, true),

  periodEndFact('staff'),
  valued(fact('staff', 'on_board', 'boolean', '姓名在人员公示表上', 'the name is on the staff board', ['staff']), BOOLEAN, true),
  fact('staff', 'handled_count', 'number', '本期受理的办件中由其经办的件数', 'cases received in the period that the person handled'),
  fact('staff', 'error_count', 'number',
    '由其经办、标记差错且日期在本期的办件数(差错无自身日期:取办结日期,未办结取 as-of)',
    'cases the person handled that are marked 差错 and dated in the period (a 差错 has no date of its own: the 办结日期, or as-of while open)'),
  valued(fact('staff', 'is_handler', 'boolean', '本期审计的办件中至少一件由其经办', 'the person handles at least one case audited this period'), BOOLEAN, false),

  periodEndFact('item'),
  fact('item', 'handled_count', 'number', '本期审计的办件中该事项的件数', 'audited cases of the item this period'),
  valued(fact('item', 'listed', 'boolean', '事项在事项公开表上', 'the item is on the items sheet', ['items']), BOOLEAN, true),
  fact('item', 'fees_charged', 'string[]',
    '本期受理的该事项办件中收取过的收费项目(收费金额 > 0)',
    'the fee items charged (fee > 0) on the item\'s cases received in the period'),
  fact('item', 'fees_not_in_schedule', 'string[]',
    '本期收取但事项公开表中没有该 (事项, 收费项目) 行的收费项目',
    'fee items charged in the period whose (item, fee_item) pair is not a line of the items sheet', ['items']),
  fact('item', 'fees_not_posted', 'string[]',
    '本期收取、在收费公示中但收费公开不为是的收费项目',
    'fee items charged in the period whose line is in the schedule but not posted (收费公开 not 是)', ['items']),
  fact('item', 'fees_without_basis', 'string[]',
    '本期收取、已公开但未注明收费依据的收费项目',
    'fee items charged in the period whose posted line has no 收费依据', ['items']),
  fact('item', 'undisclosed', 'string[]',
    '未记载为已公开的内容:procedure 程序 / materials 材料 / limit 时限(未列出的事项三项都算)',
    'what is not recorded as posted: procedure / materials / limit (all three for an unlisted item)', ['items']),

  periodEndFact('center'),

  valued(fact('other', 'suggested_grade', 'string',
    '建议等级对应的等级键:reminder / criticism / notice / deduction',
    'the grade key of 建议等级: reminder / criticism / notice / deduction'), GRADES, false),

  periodEndFact('ledger'),
  fact('ledger', 'sheet', 'string', '有数据问题的台账表键名(cases 等)', 'the key of a sheet with data issues (cases, ...)'),
  fact('ledger', 'sheet_name', 'string', '该表在工作簿中的名称', 'the sheet name as written in the workbook'),
  fact('ledger', 'issue_count', 'number', '该表的数据问题条数', 'number of data issues in the sheet'),
  fact('ledger', 'rows', 'number[]', '有数据问题的行号', 'the row numbers with data issues'),
  fact('ledger', 'codes', 'string[]', '数据问题类型(bad-date 等)', 'the data issue codes (bad-date, ...)'),
];
