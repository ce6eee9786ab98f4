/**
 * Library API of `duty-audit rules diff`: both rule sets audit the same workbooks — each
 * workbook read once and audited twice — and the findings are compared by id.
 */
import { audit, type AuditOptions } from '../audit/audit.js';
import { loadValidRuleSet } from '../rules/load.js';
import { readLedger } from '../ledger/read-ledger.js';
import { compareFindings } from './compare.js';
import { editedRules, policyChanged } from './edited-rules.js';
import { changesByPerson, changesByRule, countChanges, sortChanges } from './group.js';
import type { DiffResult, FindingChange, WorkbookDiff } from './types.js';

export interface DiffOptions {
  /** YYYY-MM for every workbook; default: each workbook's own month (as `audit`). */
  period?: string;
  /** YYYY-MM-DD; default: the last day of the period. */
  asOf?: string;
  /** How to name the folders in the result and in messages (e.g. `HEAD~1:rules`). */
  oldLabel?: string;
  newLabel?: string;
}

export async function diffRuleSets(oldDir: string, newDir: string, inputs: string[], options: DiffOptions = {}): Promise<DiffResult> {
  const oldLabel = options.oldLabel ?? oldDir;
  const newLabel = options.newLabel ?? newDir;
  // Both sets are checked before any workbook is read: a bad rule file is the usual mistake.
  const before = await loadValidRuleSet(oldDir, oldLabel);
  const after = await loadValidRuleSet(newDir, newLabel);

  const common: AuditOptions = {};
  if (options.period !== undefined) common.period = options.period;
  if (options.asOf !== undefined) common.asOf = options.asOf;

  const workbooks: WorkbookDiff[] = [];
  const changes: FindingChange[] = [];
  for (const input of inputs) {
    const ledger = await readLedger(input);
    const oldResult = await audit(input, { ...common, ledger, rulesDir: oldDir, ruleSet: before });
    const newResult = await audit(input, { ...common, ledger, rulesDir: newDir, ruleSet: after });
    const side = { workbook: input, center: newResult.center, period: newResult.period };
    workbooks.push({ ...side, asOf: newResult.asOf, oldFindings: oldResult.findings.length, newFindings: newResult.findings.length });
    // One at a time: a spread of 100,000s of changes overflows the call stack.
    for (const change of compareFindings(oldResult.findings, newResult.findings, side)) changes.push(change);
  }

  return {
    old: { label: oldLabel, hash: before.hash, rules: before.rules.length },
    new: { label: newLabel, hash: after.hash, rules: after.rules.length },
    editedRules: editedRules(before, after),
    policyChanged: policyChanged(before, after),
    workbooks,
    changes: sortChanges(changes, inputs),
    byRule: changesByRule(changes),
    byPerson: changesByPerson(changes),
    totals: countChanges(changes),
  };
}
