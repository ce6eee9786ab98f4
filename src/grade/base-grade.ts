/**
 * A finding's grade before escalation, from the rule's grade spec and the record's facts:
 * a fixed base, a ladder on a fact (the highest step reached, never below the base), a grade
 * chosen by a fact's value, or the grade the record itself carries (二.10).
 */
import { DutyAuditError } from '../errors.js';
import { msg, type Message } from '../messages/catalogue.js';
import type { RawFinding } from '../findings/types.js';
import type { FactValue } from '../facts/types.js';
import type { Rule, Threshold } from '../rules/types.js';
import { gradeRank, parseGrade, type Grade } from '../grade-scale.js';

export type BaseReason = RawFinding['baseReason'];

export interface BaseGrade {
  grade: Grade;
  reason: BaseReason;
}

type GradedRule = Pick<Rule, 'id' | 'grade' | 'params'> & { file?: string };

export function thresholdValue(rule: GradedRule, threshold: Threshold): number {
  if (typeof threshold === 'number') return threshold;
  const value = Object.hasOwn(rule.params, threshold.param) ? rule.params[threshold.param]?.value : undefined;
  if (typeof value !== 'number') {
    throw badRule(rule, msg('rules.ladderParamNotNumber', { rule: ruleName(rule), param: threshold.param }));
  }
  return value;
}

function ruleName(rule: GradedRule): string {
  return rule.file ?? rule.id;
}

function badRule(rule: GradedRule, detail: Message): DutyAuditError {
  return new DutyAuditError('bad-rules', detail, {
    ...(rule.file === undefined ? {} : { file: rule.file }),
    // Reached only when `rules validate` passed (it checks grade maps against the conditions),
    // so pointing back at it would send the reviewer in a circle: say what to change instead.
    hint: msg('rules.gradeGap.hint'),
  });
}

export function baseGrade(rule: GradedRule, facts: Readonly<Record<string, FactValue>>): BaseGrade {
  const spec = rule.grade;
  if ('fromFact' in spec) {
    const value = facts[spec.fromFact] ?? null;
    const grade = typeof value === 'string' ? parseGrade(value) : undefined;
    if (!grade) throw badRule(rule, msg('rules.fromFactNotGrade', { rule: ruleName(rule), fact: spec.fromFact, value: JSON.stringify(value) }));
    return { grade, reason: { kind: 'fromFact', fact: spec.fromFact, value } };
  }
  if ('byValue' in spec) {
    const value = facts[spec.byValue.fact] ?? null;
    // Own keys only: a value "constructor" would otherwise find Object's constructor in the map.
    const key = String(value);
    const grade = Object.hasOwn(spec.byValue.map, key) ? spec.byValue.map[key] : undefined;
    if (!grade) throw badRule(rule, msg('rules.byValueUnlisted', { rule: ruleName(rule), fact: spec.byValue.fact, value: JSON.stringify(value) }));
    return { grade, reason: { kind: 'byValue', fact: spec.byValue.fact, value } };
  }
  if (!spec.ladder) return { grade: spec.base, reason: { kind: 'base' } };
  return ladderGrade(rule, spec.base, spec.ladder, facts);
}

function ladderGrade(
  rule: GradedRule,
  base: Grade,
  ladder: NonNullable<Extract<Rule['grade'], { base: Grade }>['ladder']>,
  facts: Readonly<Record<string, FactValue>>,
): BaseGrade {
  const value = facts[ladder.fact] ?? null;
  let best: { grade: Grade; min: number } | undefined;
  if (typeof value === 'number') {
    for (const step of ladder.steps) {
      const min = thresholdValue(rule, step.min);
      if (min > value || gradeRank(step.grade) <= gradeRank(best?.grade ?? base)) continue;
      best = { grade: step.grade, min };
    }
  }
  if (!best) return { grade: base, reason: { kind: 'base' } };
  return { grade: best.grade, reason: { kind: 'ladder', fact: ladder.fact, value, min: best.min } };
}
