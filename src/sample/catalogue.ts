/**
 * The rule ids of the catalogue (docs/ARCHITECTURE.md "The catalogue") with their clauses:
 * the planted list names both, and the sample test checks this table against the document
 * and against the rule files.
 */
export const RULE_CLAUSES: Readonly<Record<string, string>> = {
  'complaint-rude': '失职追究制/二.1',
  'repeated-visits': '失职追究制/二.2',
  'repeated-errors': '失职追究制/二.3',
  'policy-deviation-loss': '失职追究制/二.4',
  'complaint-shirking': '失职追究制/二.5',
  'case-overdue': '失职追究制/二.6',
  'complaint-delay': '失职追究制/二.6',
  'refusal-without-reason': '失职追究制/二.7',
  'materials-not-logged': '失职追究制/二.8',
  'materials-lost': '失职追究制/二.8',
  'attendance-late': '失职追究制/二.9',
  'attendance-absent': '失职追究制/二.9',
  'absence-without-handover': '失职追究制/二.9',
  'other-dereliction': '失职追究制/二.10',
  'notice-missing': '一次性告知制/二',
  'notice-late': '一次性告知制/二',
  'written-notice-required': '一次性告知制/三',
  'instant-not-same-day': '限时办结制/二',
  'promise-missing': '限时办结制/三',
  'promise-exceeds-statutory': '限时办结制/三',
  'forwarded-promise-missing': '限时办结制/四',
  'result-notice-late': '全程代理制/三.3',
  'ledger-incomplete': '全程代理制/三.4',
  'agency-fee': '工作人员守则/五',
  'complaint-fee': '工作人员守则/七',
  'complaint-record-incomplete': '首问责任制/三',
  'absence-not-approved': 'AB岗工作制/一',
  'unsatisfied-rating': '服务承诺制/一.3',
  'handler-not-on-board': '办事公开制/一',
  'board-entry-incomplete': '办事公开制/一',
  'no-badge': '办事公开制/一',
  'item-not-disclosed': '办事公开制/二',
  'fee-above-standard': '办事公开制/三',
  'fee-schedule-incomplete': '办事公开制/三',
  'rules-not-posted': '办事公开制/四',
  'complaint-phone-missing': '办事公开制/五',
};

export function clauseOf(ruleId: string): string {
  const clause = RULE_CLAUSES[ruleId];
  if (!clause) throw new RangeError(`rule ${ruleId} is not in the catalogue`);
  return clause;
}
