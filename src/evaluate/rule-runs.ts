/**
 * SPEC §2: a sheet that is absent turns off the rules that need it, and the report says
 * which rules did not run and why.
 */
import type { RuleRun } from '../audit/types.js';
import type { Ledger, SheetKey } from '../ledger/types.js';
import type { Rule } from '../rules/types.js';

export function absentSheets(rule: Pick<Rule, 'requires'>, ledger: Ledger): SheetKey[] {
  return rule.requires.filter((sheet) => ledger.sheets[sheet] === undefined);
}

export function ruleRun(rule: Rule, absent: SheetKey[]): RuleRun {
  const run: RuleRun = { id: rule.id, clause: rule.clause, title: rule.title, version: rule.version, hits: 0, ran: absent.length === 0 };
  if (absent.length > 0) run.reason = { code: 'sheet-absent', sheets: absent };
  return run;
}
