/**
 * The rule-set hash a batch compares against the manifest. Loaded once, before any worker
 * starts: bad rules stop the whole batch (every report would be wrong), unlike a bad input.
 */
import { existsSync } from 'node:fs';
import { DutyAuditError } from '../errors.js';
import { formatProblem } from '../rules/problems.js';
import { loadRuleSet } from '../rules/load.js';

export async function rulesHashOf(rulesDir: string): Promise<string> {
  if (!existsSync(rulesDir)) {
    throw new DutyAuditError('bad-rules', `rules folder not found: ${rulesDir}`, {
      file: rulesDir,
      hint: 'pass --rules with a folder of rule files, or leave --rules out to use the rules shipped with duty-audit',
    });
  }
  const { ruleSet, problems } = await loadRuleSet(rulesDir);
  if (!ruleSet || problems.length > 0) {
    const lines = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new DutyAuditError('bad-rules', `the rules in ${rulesDir} have ${problems.length} problem(s):\n${lines}`, {
      file: rulesDir,
      hint: `fix the rule files at the places listed (\`duty-audit rules validate ${rulesDir}\` shows them again)`,
    });
  }
  return ruleSet.hash;
}
