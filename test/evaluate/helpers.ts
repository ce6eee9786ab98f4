/** Rules built in code for evaluation tests, through the loader's own resolver (params, requires). */
import { toRule } from '../../src/rules/resolve.js';
import type { Scope } from '../../src/facts/scopes.js';
import type { Rule, RuleFile } from '../../src/rules/types.js';

/** Each scope's plainest event: the record's own date, or the period's last day. */
const EVENT_OF: Record<Scope, string> = {
  case: 'received_on',
  complaint: 'logged_on',
  attendance: 'date',
  other: 'date',
  staff: 'period_end',
  item: 'period_end',
  center: 'period_end',
  ledger: 'period_end',
};

export function ruleOf(fields: Partial<RuleFile> & Pick<RuleFile, 'id' | 'scope' | 'conditions'>): Rule {
  const file: RuleFile = {
    version: 1,
    title: { zh: `规则${fields.id}`, en: `rule ${fields.id}` },
    clause: '失职追究制/二.6',
    clauseText: '…',
    subject: { kind: 'staff', fact: 'handler' },
    event: EVENT_OF[fields.scope],
    params: {},
    grade: { base: 'reminder' },
    evidence: { zh: '{case_id}', en: '{case_id}' },
    cases: { fire: [], pass: [] },
    ...fields,
  };
  return toRule(file, `test/${fields.id}.json`, '0'.repeat(64));
}

/** A copy of the shipped case-overdue rule's logic, so these tests do not depend on its wording. */
export function overdueRule(): Rule {
  return ruleOf({
    id: 'case-overdue',
    scope: 'case',
    event: 'overdue_event_on',
    params: {
      kinds: { value: ['承诺件', '上报件'], description: { zh: '', en: '' } },
      minOverdueDays: { value: 1, description: { zh: '', en: '' } },
      criticismFrom: { value: 3, description: { zh: '', en: '' } },
      noticeFrom: { value: 6, description: { zh: '', en: '' } },
      deductionFrom: { value: 11, description: { zh: '', en: '' } },
    },
    conditions: {
      all: [
        { fact: 'kind', operator: 'in', value: { param: 'kinds' } },
        { fact: 'overdue_days', operator: 'greaterThanInclusive', value: { param: 'minOverdueDays' } },
        { fact: 'extension_reason', operator: 'isEmpty', value: true },
      ],
    },
    grade: {
      base: 'reminder',
      ladder: {
        fact: 'overdue_days',
        steps: [
          { min: { param: 'criticismFrom' }, grade: 'criticism' },
          { min: { param: 'noticeFrom' }, grade: 'notice' },
          { min: { param: 'deductionFrom' }, grade: 'deduction' },
        ],
      },
    },
    evidence: {
      zh: '{kind}{case_id}承诺{promised_days}个工作日,截止{deadline},逾期{overdue_days}个工作日',
      en: '{kind} {case_id} due {deadline}, {overdue_days} working days overdue (from {minOverdueDays})',
    },
  });
}
