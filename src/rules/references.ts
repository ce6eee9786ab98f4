/**
 * Every name a rule file refers to — facts, params, operators — with the JSON pointer of the
 * place it is written, so each can be checked and reported at its line:column. The walk is
 * defensive: it also runs on files that failed the schema, so one run reports everything.
 */
import { joinPointer } from './json-source.js';

export type Reference =
  | { kind: 'fact'; name: string; pointer: string; placeholder?: PlaceholderAt }
  | { kind: 'param'; name: string; pointer: string; placeholder?: PlaceholderAt }
  /** A `{name}` of an evidence template: a fact or a param. */
  | { kind: 'placeholder'; name: string; pointer: string; placeholder: PlaceholderAt }
  | { kind: 'operator'; name: string; pointer: string };

/** Where in a template string a placeholder sits (`{name}` found at this index of the text). */
export interface PlaceholderAt {
  text: string;
  index: number;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The `{name}` placeholders of a template. */
export function placeholders(template: string): { name: string; index: number }[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, index: m.index }));
}

/** Calls `visit` for every condition object of a tree, groups and leaves, with its pointer. */
export function forEachCondition(condition: unknown, pointer: string, visit: (node: Json, pointer: string) => void): void {
  if (!isObject(condition)) return;
  visit(condition, pointer);
  for (const group of ['all', 'any'] as const) {
    const list = condition[group];
    if (Array.isArray(list)) list.forEach((c, i) => forEachCondition(c, joinPointer(pointer, group, i), visit));
  }
  if (condition['not'] !== undefined) forEachCondition(condition['not'], joinPointer(pointer, 'not'), visit);
}

/** Calls `visit` for every leaf condition (`{fact, operator, value}`) with its pointer. */
export function forEachLeaf(condition: unknown, pointer: string, visit: (leaf: Json, pointer: string) => void): void {
  forEachCondition(condition, pointer, (node, at) => {
    if ('fact' in node || 'operator' in node) visit(node, at);
  });
}

function valueRefs(value: unknown, pointer: string): Reference[] {
  if (!isObject(value)) return [];
  const refs: Reference[] = [];
  if (typeof value['param'] === 'string') refs.push({ kind: 'param', name: value['param'], pointer: joinPointer(pointer, 'param') });
  if (typeof value['fact'] === 'string') refs.push({ kind: 'fact', name: value['fact'], pointer: joinPointer(pointer, 'fact') });
  return refs;
}

function conditionRefs(conditions: unknown): Reference[] {
  const refs: Reference[] = [];
  forEachLeaf(conditions, '/conditions', (leaf, p) => {
    if (typeof leaf['fact'] === 'string') refs.push({ kind: 'fact', name: leaf['fact'], pointer: joinPointer(p, 'fact') });
    if (typeof leaf['operator'] === 'string') refs.push({ kind: 'operator', name: leaf['operator'], pointer: joinPointer(p, 'operator') });
    refs.push(...valueRefs(leaf['value'], joinPointer(p, 'value')));
  });
  return refs;
}

function gradeRefs(grade: unknown): Reference[] {
  if (!isObject(grade)) return [];
  const refs: Reference[] = [];
  const ladder = grade['ladder'];
  if (isObject(ladder)) {
    if (typeof ladder['fact'] === 'string') refs.push({ kind: 'fact', name: ladder['fact'], pointer: '/grade/ladder/fact' });
    if (Array.isArray(ladder['steps'])) {
      ladder['steps'].forEach((step, i) => {
        if (isObject(step)) refs.push(...valueRefs(step['min'], `/grade/ladder/steps/${i}/min`));
      });
    }
  }
  const byValue = grade['byValue'];
  if (isObject(byValue) && typeof byValue['fact'] === 'string') refs.push({ kind: 'fact', name: byValue['fact'], pointer: '/grade/byValue/fact' });
  if (typeof grade['fromFact'] === 'string') refs.push({ kind: 'fact', name: grade['fromFact'], pointer: '/grade/fromFact' });
  return refs;
}

function evidenceRefs(evidence: unknown): Reference[] {
  if (!isObject(evidence)) return [];
  const refs: Reference[] = [];
  for (const lang of ['zh', 'en']) {
    const text = evidence[lang];
    if (typeof text !== 'string') continue;
    for (const { name, index } of placeholders(text)) {
      refs.push({ kind: 'placeholder', name, pointer: `/evidence/${lang}`, placeholder: { text, index } });
    }
  }
  return refs;
}

/** Every reference of a rule file, in file order of its sections. */
export function collectReferences(rule: unknown): Reference[] {
  if (!isObject(rule)) return [];
  const refs: Reference[] = [];
  const subject = rule['subject'];
  if (isObject(subject) && typeof subject['fact'] === 'string') refs.push({ kind: 'fact', name: subject['fact'], pointer: '/subject/fact' });
  refs.push(...conditionRefs(rule['conditions']));
  refs.push(...gradeRefs(rule['grade']));
  refs.push(...evidenceRefs(rule['evidence']));
  return refs;
}
