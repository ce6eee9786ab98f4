/**
 * json-rules-engine's order of evaluation inside an `all` / `any` (rule.js prioritizeConditions,
 * prioritizeAndRun): children are grouped by priority, highest first; every child of a group is
 * evaluated, and a later group only when the earlier ones have not settled the outcome. A group
 * child's priority is its `priority` (parsed as an integer, default 1); a test's is its own
 * `priority` or else its fact's, which is 1 for the facts a run is given. The catalogue sets
 * none, so there is one group and every condition is evaluated; this file keeps the two paths
 * in step when a rule does set one.
 */
import type { ConditionNode } from './condition-tree.js';

/** A priority the compiled path can order exactly as the engine does (an integer, or none). */
export function isSupportedPriority(priority: unknown): boolean {
  return priority === undefined || (typeof priority === 'number' && Number.isInteger(priority));
}

export function priorityOf(node: ConditionNode & { priority?: number }, isGroup: boolean): number {
  const priority = node.priority;
  if (isGroup) return (priority === undefined ? NaN : Math.trunc(priority)) || 1;
  return priority || 1;
}

/** Child indexes grouped by priority, highest group first, children in their written order. */
export function prioritySets(priorities: readonly number[]): number[][] {
  const sets = new Map<number, number[]>();
  priorities.forEach((priority, index) => {
    const set = sets.get(priority);
    if (set) set.push(index);
    else sets.set(priority, [index]);
  });
  return [...sets.entries()].sort(([a], [b]) => b - a).map(([, set]) => set);
}
