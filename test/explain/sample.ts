/** The sample month and its planted violations, shared by the explain tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleSet } from '../../src/rules/load.js';
import type { Rule } from '../../src/rules/types.js';
import { DEFAULT_RULES_DIR, SAMPLES_DIR } from '../../src/paths.js';
import type { ConditionLeaf, RecordExplanation, RuleVerdict, TreeNode } from '../../src/explain/types.js';

export const SAMPLE_XLSX = join(SAMPLES_DIR, '城东社区-2026-10.xlsx');
export const SAMPLE_CSV = join(SAMPLES_DIR, '城东社区-2026-10-csv');

export interface Planted {
  ruleId: string;
  clause: string;
  sheet: string;
  key: string;
  row: number;
  baseGrade: string;
  note: string;
}

export const PLANTED: Planted[] = (JSON.parse(readFileSync(join(SAMPLES_DIR, 'planted.json'), 'utf8')) as { violations: Planted[] }).violations;

export async function shippedRules(): Promise<Rule[]> {
  const { ruleSet } = await loadRuleSet(DEFAULT_RULES_DIR);
  if (!ruleSet) throw new Error('the shipped rules do not load');
  return ruleSet.rules;
}

export function verdictOf(record: RecordExplanation, ruleId: string): RuleVerdict {
  const v = record.rules.find((r) => r.ruleId === ruleId);
  if (!v) throw new Error(`no verdict for ${ruleId}`);
  return v;
}

export function factOf(record: RecordExplanation, name: string): unknown {
  return record.facts.find((f) => f.name === name)?.value;
}

export function leaves(node: TreeNode | undefined): ConditionLeaf[] {
  if (!node) return [];
  if (node.kind === 'condition') return [node];
  return node.children.flatMap(leaves);
}
