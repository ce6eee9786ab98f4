/**
 * Phones are personal data (SPEC §2): an explanation shows them masked unless --no-mask, in
 * the header facts, in condition values and in the quoted evidence — as the report does.
 */
import type { FactValue } from '../findings/types.js';
import { maskFactValue, maskText, phoneValues, PHONE_FACTS } from '../report/mask.js';
import type { Explanation, RecordExplanation, RuleVerdict, TreeNode } from './types.js';

function maskTree(node: TreeNode): TreeNode {
  if (node.kind === 'reference') return node;
  if (node.kind === 'condition') return PHONE_FACTS.has(node.fact) ? { ...node, actual: maskFactValue(node.fact, node.actual) } : node;
  return { ...node, children: node.children.map(maskTree) };
}

function maskVerdict(v: RuleVerdict, phones: string[]): RuleVerdict {
  const out: RuleVerdict = { ...v };
  if (v.tree) out.tree = maskTree(v.tree);
  if (v.failedBy) out.failedBy = v.failedBy.map((l) => maskTree(l) as typeof l);
  if (v.grade) out.grade = { ...v.grade, message: { zh: maskText(v.grade.message.zh, phones), en: maskText(v.grade.message.en, phones) } };
  return out;
}

function maskRecord(r: RecordExplanation): RecordExplanation {
  const facts: Record<string, FactValue> = Object.fromEntries(r.facts.map((f) => [f.name, f.value]));
  const phones = phoneValues(facts);
  return {
    ...r,
    facts: r.facts.map((f) => ({ ...f, value: maskFactValue(f.name, f.value) })),
    rules: r.rules.map((v) => maskVerdict(v, phones)),
  };
}

export function maskExplanation(e: Explanation): Explanation {
  return { ...e, records: e.records.map(maskRecord) };
}
