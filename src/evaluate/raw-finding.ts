/**
 * Turns one fired rule on one record into a RawFinding: who is responsible, which record,
 * the facts and conditions that made it fire, the message in both languages, the base grade.
 */
import type { ScopeRecord, FactValue } from '../facts/types.js';
import { valueLabel } from '../facts/value-labels.js';
import type { ConditionEvidence, RawFinding, Subject } from '../findings/types.js';
import { baseGrade } from '../grade/base-grade.js';
import type { Rule } from '../rules/types.js';
import { factsOfTree, type ConditionNode } from './conditions.js';
import { placeholders, renderTemplate } from './evidence.js';

export function subjectOf(rule: Rule, record: ScopeRecord, centerName: string): Subject {
  if (rule.subject.kind === 'center') return { kind: 'center', name: centerName };
  const value = record.facts[rule.subject.fact];
  return { kind: 'staff', name: value === null || value === undefined || value === '' ? '—' : String(value) };
}

function gradeFacts(rule: Rule): string[] {
  const g = rule.grade;
  if ('fromFact' in g) return [g.fromFact];
  if ('byValue' in g) return [g.byValue.fact];
  return g.ladder ? [g.ladder.fact] : [];
}

const QUOTED = new WeakMap<Rule, string[]>();

/** Facts quoted by the templates, then those the conditions test, then the grade's fact (once per rule). */
function quotedNames(rule: Rule): string[] {
  let names = QUOTED.get(rule);
  if (!names) {
    const all = [
      ...placeholders(rule.evidence.zh),
      ...placeholders(rule.evidence.en),
      ...factsOfTree(rule.resolvedConditions as ConditionNode),
      ...gradeFacts(rule),
    ];
    QUOTED.set(rule, (names = [...new Set(all)]));
  }
  return names;
}

function quotedFacts(rule: Rule, record: ScopeRecord): Record<string, FactValue> {
  const names = quotedNames(rule);
  const facts: Record<string, FactValue> = {};
  for (const name of names) if (Object.hasOwn(record.facts, name) && !Object.hasOwn(facts, name)) facts[name] = record.facts[name]!;
  return facts;
}

function lookup(rule: Rule, record: ScopeRecord): (name: string) => FactValue | undefined {
  return (name) => {
    // Own properties only: `{constructor}` in a template printed Object's constructor as code.
    if (Object.hasOwn(record.facts, name)) return record.facts[name];
    const param = Object.hasOwn(rule.params, name) ? rule.params[name] : undefined;
    return param === undefined ? undefined : (param.value as FactValue);
  };
}

/** `conditions`: the evidence of the fired conditions (conditions.ts, or the reference engine's). */
export function rawFinding(rule: Rule, record: ScopeRecord, conditions: ConditionEvidence[], centerName: string): RawFinding {
  const { grade, reason } = baseGrade(rule, record.facts);
  const values = lookup(rule, record);
  const finding: RawFinding = {
    ruleId: rule.id,
    clause: rule.clause,
    title: rule.title,
    scope: rule.scope,
    subject: subjectOf(rule, record, centerName),
    ref: { ...record.ref },
    // The event's date (the rule judged the record because it falls in the period).
    date: (record.facts[rule.event] as string | null) ?? record.date,
    facts: quotedFacts(rule, record),
    conditions,
    message: {
      zh: renderTemplate(rule.evidence.zh, values, 'zh', (name, value) => valueLabel(rule.scope, name, value, 'zh')),
      en: renderTemplate(rule.evidence.en, values, 'en', (name, value) => valueLabel(rule.scope, name, value, 'en')),
    },
    baseGrade: grade,
    baseReason: reason,
  };
  if (record.rows) finding.rows = [...record.rows];
  return finding;
}
