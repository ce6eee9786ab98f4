/**
 * A rules folder that must load cleanly for a command to go on (list, diff): its problems become
 * one DutyAuditError (exit 2) listing each `file:line:col  message`, with the fix. `label`
 * names the folder in messages (e.g. `HEAD~1:rules` for one read from git).
 */
import { DutyAuditError } from '../errors.js';
import { formatProblem } from '../rules/problems.js';
import { loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';

export async function loadValidRuleSet(dir: string, label: string = dir): Promise<RuleSet> {
  const { ruleSet, problems } = await loadRuleSet(dir);
  if (ruleSet && problems.length === 0) return ruleSet;
  const lines = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
  throw new DutyAuditError('bad-rules', `the rules in ${label} have ${problems.length} problem(s):\n${lines}`, {
    file: dir,
    hint: `fix the rule files at the places listed (\`duty-audit rules validate ${label}\` shows them again)`,
  });
}
