/**
 * A condition tree as indented lines: ✓ / ✗ per node, each leaf as
 * `fact op expected (param name)  actual: value`, and a note on leaves the engine skipped.
 */
import type { Lang } from '../report/labels.js';
import { comparisonText, valueText, word } from './labels.js';
import type { ConditionLeaf, TreeNode } from './types.js';

export function mark(result: boolean): string {
  return result ? '✓' : '✗';
}

const BOOLEAN_LABELS = {
  all: { zh: '全部满足 (all)', en: 'all of' },
  any: { zh: '任一满足 (any)', en: 'any of' },
  not: { zh: '不成立 (not)', en: 'not' },
} as const;

/** `overdue_days ≥ 1 (param minOverdueDays)  actual: 14` */
export function leafText(leaf: ConditionLeaf, lang: Lang): string {
  const param = leaf.param ? (lang === 'zh' ? `(${word('param', lang)} ${leaf.param})` : ` (${word('param', lang)} ${leaf.param})`) : '';
  const sep = lang === 'zh' ? ':' : ': ';
  const expected = leaf.expectedFact ? `${leaf.expectedFact} ${valueText(leaf.expected, lang)}` : undefined;
  return `${leaf.fact} ${comparisonText(leaf.operator, leaf.expected, lang, expected)}${param}  ${word('actual', lang)}${sep}${valueText(leaf.actual, lang)}`;
}

export function treeLines(node: TreeNode, lang: Lang, indent: string): string[] {
  if (node.kind === 'reference') {
    return [`${indent}${node.result === null ? '?' : mark(node.result)} condition ${node.condition}`];
  }
  if (node.kind === 'condition') {
    const skipped = node.evaluated ? '' : lang === 'zh' ? `(${word('notEvaluated', lang)})` : `  (${word('notEvaluated', lang)})`;
    return [`${indent}${mark(node.result)} ${leafText(node, lang)}${skipped}`];
  }
  const head = `${indent}${mark(node.result)} ${BOOLEAN_LABELS[node.kind][lang]}`;
  return [head, ...node.children.flatMap((c) => treeLines(c, lang, `${indent}  `))];
}
