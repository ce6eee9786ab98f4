/**
 * Derived facts: values the ledger does not hold but rules need, computed once per record per
 * run (src/facts/*-facts.ts). The descriptions are what `duty-audit facts` shows a reviewer.
 */
import type { SheetKey } from '../ledger/types.js';
import type { Scope } from './scopes.js';
import type { FactDef, FactType } from './types.js';
import { codeWords } from './value-labels.js';

function fact(scope: Scope, name: string, type: FactType, zh: string, en: string, sheets: SheetKey[] = []): FactDef {
  return { name, scope, type, description: { zh, en }, origin: 'derived', sheets };
}

export const DERIVED_FACTS: readonly FactDef[] = [
  fact('case', 'deadline', 'date',
    '承诺办结期限:受理日期后第 promised_days 个工作日(受理当日不计);无承诺时限时为 null',
    'promised deadline: received_on plus promised_days working days (the day of receipt not counted); null without promised_days'),
  fact('case', 'overdue_days', 'number',
    '逾期工作日数:期限之后到办结日期(未办结则到 as-of)的工作日数;未逾期为 0;无期限为 null',
    'working days after the deadline until completed_on (or as-of while open); 0 when not late; null without a deadline'),
  fact('case', 'is_open', 'boolean',
    '截至 as-of 未办结(办结日期为空或晚于 as-of)',
    'not completed by as-of (completed_on empty or after as-of)'),
  fact('case', 'completed_same_day', 'boolean',
    '受理当日办结;未办结为 false(受理当日即为 as-of 且未办结时为 null,当日尚未结束)',
    'completed on the day received; false while open (null when received on as-of and still open: the day is not over)'),
  fact('case', 'notice_delay', 'number',
    '受理日期到告知日期的工作日数;无告知日期为 null',
    'working days from received_on to notified_on; null when there is no notified_on'),
  fact('case', 'result_notice_delay', 'number',
    '办结日期到结果告知日期的工作日数,未告知则到 as-of;未办结为 null',
    'working days from completed_on to result_notified_on, or to as-of while empty; null when not completed'),
  fact('case', 'result_notice_missing', 'boolean',
    '已办结但结果告知日期为空',
    'completed but result_notified_on is empty'),
  fact('case', 'statutory_days', 'number',
    '该事项的法定时限(事项公开表,工作日);事项未列出为 null',
    "the item's statutory limit in working days (items sheet); null when the item is not listed", ['items']),
  fact('case', 'fee_status', 'string',
    `收费核对(事项名称与收费项目对照收费公示):${codeWords('case', 'fee_status', 'zh')}`,
    `fee check of the (item, fee_item) pair against the posted fee schedule: ${codeWords('case', 'fee_status', 'en')}`, ['items']),
  fact('case', 'fee_standard', 'number',
    '事项公开表中该 (事项, 收费项目) 的收费标准,元;未列出为 null',
    'the fee standard of the (item, fee_item) pair in the items sheet, yuan; null when not listed', ['items']),

  fact('complaint', 'missing_fields', 'string[]',
    `投诉记录中为空的必记项:${codeWords('complaint', 'missing_fields', 'zh')}`,
    `which required fields of the complaint record are empty: ${codeWords('complaint', 'missing_fields', 'en')}`),

  fact('attendance', 'handover_exists', 'boolean',
    'AB岗交接表中当日有该人员(A岗)的交接记录',
    'the handovers sheet has a row with absent_staff = staff on that date', ['handovers']),

  fact('staff', 'on_board', 'boolean', '姓名在人员公示表上', 'the name is on the staff board', ['staff']),
  fact('staff', 'handled_count', 'number', '本期受理的办件中由其经办的件数', 'cases received in the period that the person handled'),
  fact('staff', 'error_count', 'number', '本期受理的办件中由其经办且标记差错的件数', 'cases received in the period that the person handled and that are marked 差错'),
  fact('staff', 'is_handler', 'boolean', '本期审计的办件中至少一件由其经办', 'the person handles at least one case audited this period'),

  fact('item', 'handled_count', 'number', '本期审计的办件中该事项的件数', 'audited cases of the item this period'),
  fact('item', 'listed', 'boolean', '事项在事项公开表上', 'the item is on the items sheet', ['items']),
  fact('item', 'undisclosed', 'string[]',
    '未记载为已公开的内容:procedure 程序 / materials 材料 / limit 时限(未列出的事项三项都算)',
    'what is not recorded as posted: procedure / materials / limit (all three for an unlisted item)', ['items']),

  fact('other', 'suggested_grade', 'string',
    '建议等级对应的等级键:reminder / criticism / notice / deduction',
    'the grade key of 建议等级: reminder / criticism / notice / deduction'),

  fact('ledger', 'sheet', 'string', '有数据问题的台账表键名(cases 等)', 'the key of a sheet with data issues (cases, ...)'),
  fact('ledger', 'sheet_name', 'string', '该表在工作簿中的名称', 'the sheet name as written in the workbook'),
  fact('ledger', 'issue_count', 'number', '该表的数据问题条数', 'number of data issues in the sheet'),
  fact('ledger', 'rows', 'number[]', '有数据问题的行号', 'the row numbers with data issues'),
  fact('ledger', 'codes', 'string[]', '数据问题类型(bad-date 等)', 'the data issue codes (bad-date, ...)'),
];
