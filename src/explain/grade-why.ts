/**
 * Why a fired rule's base grade is what it is: the fixed base, the ladder step reached (with
 * every step and the param that set its threshold), the value that picked a byValue grade, or
 * the fact that carried the grade. Computed by src/grade's own baseGrade, so it cannot differ
 * from what grading did.
 */
import type { FactValue } from '../facts/types.js';
import { baseGrade, thresholdValue } from '../grade/base-grade.js';
import type { Grade } from '../grade-scale.js';
import type { Rule } from '../rules/types.js';
import type { GradeWhy, LadderStep } from './types.js';

function ladderSteps(rule: Rule, value: FactValue): LadderStep[] {
  const resolved = rule.resolvedGrade;
  const steps =
    resolved && 'base' in resolved && resolved.ladder
      ? resolved.ladder.steps
      : 'base' in rule.grade && rule.grade.ladder
        ? rule.grade.ladder.steps.map((s) => ({
            min: thresholdValue(rule, s.min),
            grade: s.grade,
            ...(typeof s.min === 'object' ? { param: s.min.param } : {}),
          }))
        : [];
  return steps.map((s) => {
    const step: LadderStep = { min: s.min, grade: s.grade, reached: typeof value === 'number' && value >= s.min };
    if (s.param !== undefined) step.param = s.param;
    return step;
  });
}

export function gradeWhy(rule: Rule, facts: Readonly<Record<string, FactValue>>): GradeWhy {
  const { grade, reason } = baseGrade(rule, facts);
  const spec = rule.grade;
  if ('fromFact' in spec) return { kind: 'fromFact', fact: spec.fromFact, value: facts[spec.fromFact] ?? null, grade };
  if ('byValue' in spec) return { kind: 'byValue', fact: spec.byValue.fact, value: facts[spec.byValue.fact] ?? null, map: spec.byValue.map, grade };
  if (!spec.ladder) return { kind: 'base', grade };
  const value = facts[spec.ladder.fact] ?? null;
  const steps = ladderSteps(rule, value);
  const chosen = reason.kind === 'ladder' ? (steps.find((s) => s.min === reason.min && s.grade === grade) ?? null) : null;
  return { kind: 'ladder', fact: spec.ladder.fact, value, base: spec.base as Grade, steps, chosen, grade };
}
