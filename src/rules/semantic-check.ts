/**
 * What the schema cannot say about one rule file: every fact exists in the rule's scope, the
 * event is a date fact of it,
 * every operator is known, every param is declared and used, values fit their operators and
 * grades (value-check.ts), the clause is in the seed, the id is the file name. Each problem
 * points at the name in question.
 *
 * It also says what to write instead of json-rules-engine features the rule format leaves out
 * (priority, path, fact params, shared conditions, condition names, operator decorators): the
 * schema refuses them as unknown properties, and a reviewer who knows json-rules-engine deserves
 * more than "has an unknown property".
 */
import { basename } from 'node:path';
import { factsForScope } from '../facts/catalogue.js';
import { isScope, type Scope } from '../facts/scopes.js';
import { isKnownOperator } from './operators.js';
import type { FactDef } from '../facts/types.js';
import { hasNode, joinPointer, locate, type JsonSource, type Position } from './json-source.js';
import { problem } from './problems.js';
import { msg, type Message } from '../messages/catalogue.js';
import { collectReferences, forEachCondition, type Reference } from './references.js';
import type { ClauseList } from './seed-clauses.js';
import type { RuleProblem } from './types.js';
import { checkValues } from './value-check.js';

export interface SemanticContext {
  clauses: ClauseList;
  /** Facts per scope; defaults to the fact library's catalogue. */
  factsFor?: (scope: Scope) => readonly FactDef[];
  /** Operator check; defaults to json-rules-engine's and duty-audit's operators. */
  isOperator?: (name: string) => boolean;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The position of a reference; a template placeholder is pointed at inside its string. */
function positionOf(source: JsonSource, ref: Reference): Position {
  const at = locate(source, ref.pointer);
  if (!('placeholder' in ref) || !ref.placeholder) return at;
  // Templates are one-line strings; the column is the string's start, its quote, then the
  // characters before the placeholder as written (escapes such as \" take two columns).
  const escapedBefore = JSON.stringify(ref.placeholder.text.slice(0, ref.placeholder.index)).slice(1, -1);
  return { line: at.line, column: at.column + 1 + [...escapedBefore].length };
}

function scopeOf(rule: Json): Scope | undefined {
  const s = rule['scope'];
  return typeof s === 'string' && isScope(s) ? s : undefined;
}

export function checkSemantics(file: string, source: JsonSource, ctx: SemanticContext): RuleProblem[] {
  const rule = source.value;
  if (!isObject(rule)) return [];
  const problems: RuleProblem[] = [];
  const refs = collectReferences(rule);
  const params = isObject(rule['params']) ? rule['params'] : {};
  const scope = scopeOf(rule);
  const facts = scope ? (ctx.factsFor ?? factsForScope)(scope) : undefined;
  const isFact = (name: string): boolean => facts?.some((f) => f.name === name) ?? true;
  const isOperator = ctx.isOperator ?? isKnownOperator;
  const used = new Set<string>();

  for (const ref of refs) {
    // Found only for a problem: a position parses the file's text again (json-source.ts).
    const at = (): Position => positionOf(source, ref);
    switch (ref.kind) {
      case 'fact':
        if (!isFact(ref.name)) problems.push(problem(file, at(), 'unknown-fact', msg('problem.unknownFact', { fact: ref.name, scope: String(scope) })));
        break;
      case 'param':
        used.add(ref.name);
        if (!Object.hasOwn(params, ref.name)) problems.push(problem(file, at(), 'undeclared-param', msg('problem.undeclaredParam', { name: ref.name })));
        break;
      case 'placeholder':
        // Own properties only: "constructor" and "toString" are on every object's prototype.
        if (Object.hasOwn(params, ref.name)) used.add(ref.name);
        else if (!isFact(ref.name)) problems.push(problem(file, at(), 'unknown-fact', msg('problem.unknownPlaceholder', { name: ref.name, scope: String(scope) })));
        break;
      case 'operator':
        if (!isOperator(ref.name)) problems.push(problem(file, at(), 'unknown-operator', decoratorMessage(ref.name, isOperator) ?? msg('problem.unknownOperator', { operator: ref.name })));
        break;
    }
  }
  for (const name of Object.keys(params)) {
    if (!used.has(name)) {
      problems.push(problem(file, locate(source, joinPointer('/params', name), 'key'), 'unused-param', msg('problem.unusedParam', { name })));
    }
  }
  problems.push(...checkEvent(file, source, rule['event'], scope, facts));
  problems.push(...unsupportedFeatures(file, source, rule['conditions']));
  problems.push(...checkValues(file, source, facts && ((name: string) => facts.find((f) => f.name === name))));
  problems.push(...checkIdentity(file, source, rule, ctx));
  return problems;
}

/** `event` names a date fact of the rule's scope: the date that places a finding in a month. */
function checkEvent(file: string, source: JsonSource, event: unknown, scope: Scope | undefined, facts: readonly FactDef[] | undefined): RuleProblem[] {
  if (typeof event !== 'string' || event === '' || !facts) return []; // the schema says so
  const dates = facts.filter((f) => f.type === 'date').map((f) => f.name);
  const def = facts.find((f) => f.name === event);
  if (!def) return [problem(file, locate(source, '/event'), 'unknown-fact', msg('problem.event.unknown', { event, scope: String(scope), dates }))];
  if (def.type !== 'date') return [problem(file, locate(source, '/event'), 'bad-event', msg('problem.event.notDate', { event, type: def.type, scope: String(scope), dates }))];
  return [];
}

/** json-rules-engine condition properties the rule format leaves out, and what to write instead. */
const LEFT_OUT: Record<string, Message> = {
  priority: msg('problem.leftOut.priority'),
  path: msg('problem.leftOut.path'),
  params: msg('problem.leftOut.params'),
  condition: msg('problem.leftOut.condition'),
  name: msg('problem.leftOut.name'),
};

/** What a json-rules-engine decorator does, in the rule format. */
const DECORATORS: Record<string, (operator: string) => Message> = {
  not: (operator) => msg('problem.decorator.not', { operator }),
  someFact: () => msg('problem.decorator.someFact'),
  everyFact: () => msg('problem.decorator.everyFact'),
  someValue: (operator) => msg('problem.decorator.someValue', { operator }),
  everyValue: (operator) => msg('problem.decorator.everyValue', { operator }),
  swap: () => msg('problem.decorator.swap'),
};

/** The message for `decorator:operator`, or undefined when the name is not a decorated known operator. */
function decoratorMessage(name: string, isOperator: (name: string) => boolean): Message | undefined {
  const parts = name.split(':');
  const operator = parts.pop()!;
  const advice = Object.hasOwn(DECORATORS, parts[0] ?? '') ? DECORATORS[parts[0]!] : undefined;
  if (parts.length === 0 || !advice || !parts.every((d) => Object.hasOwn(DECORATORS, d)) || !isOperator(operator)) return undefined;
  return msg('problem.decorator', { name, decorators: `${parts.join(':')}:`, advice: advice(operator) });
}

function unsupportedFeatures(file: string, source: JsonSource, conditions: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  forEachCondition(conditions, '/conditions', (node, pointer) => {
    for (const key of Object.keys(node)) {
      const message = Object.hasOwn(LEFT_OUT, key) ? LEFT_OUT[key] : undefined;
      if (message) problems.push(problem(file, locate(source, joinPointer(pointer, key), 'key'), 'schema', message));
    }
    const value = node['value'];
    if (isObject(value) && typeof value['fact'] === 'string') {
      for (const key of ['path', 'params']) {
        if (key in value) problems.push(problem(file, locate(source, joinPointer(pointer, 'value', key), 'key'), 'schema', LEFT_OUT[key]!));
      }
    }
  });
  return problems;
}

function isLeftOutValue(data: unknown): boolean {
  if (!isObject(data) || typeof data['fact'] !== 'string') return false;
  const extra = Object.keys(data).filter((k) => k !== 'fact');
  return extra.length > 0 && extra.every((k) => k === 'path' || k === 'params');
}

/**
 * The ajv errors that unsupportedFeatures reports in words: a left-out property of a condition,
 * the "must be a group or a test" of a bare shared-condition reference, and the "must be a
 * literal, a param or a fact" of a `{fact, path}` value.
 */
function isLeftOutError(e: { keyword: string; instancePath: string; params: unknown; data?: unknown }): boolean {
  if (!e.instancePath.startsWith('/conditions')) return false;
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return Object.hasOwn(LEFT_OUT, String(p['additionalProperty']));
  if (e.keyword === 'oneOf') return isObject(e.data) && 'condition' in e.data && !('all' in e.data || 'any' in e.data || 'not' in e.data);
  if (e.keyword === 'anyOf') return e.instancePath.endsWith('/value') && isLeftOutValue(e.data);
  return false;
}

/** Schema errors this check reports itself, in better words: the loader leaves them out. */
export function reportedBySemanticCheck(e: { keyword: string; instancePath: string; params: unknown; data?: unknown }): boolean {
  return isMissingCasesError(e) || isLeftOutError(e);
}

function checkIdentity(file: string, source: JsonSource, rule: Json, ctx: SemanticContext): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const clause = rule['clause'];
  if (typeof clause === 'string' && !Object.hasOwn(ctx.clauses, clause)) {
    problems.push(problem(file, locate(source, '/clause'), 'unknown-clause', msg('problem.unknownClause', { clause })));
  }
  const id = rule['id'];
  const expected = basename(file, '.json');
  if (typeof id === 'string' && id !== expected) {
    problems.push(problem(file, locate(source, '/id'), 'id-not-file-name', msg('problem.idNotFileName', { id, expected })));
  }
  if (isObject(rule['cases'])) {
    for (const kind of ['fire', 'pass'] as const) {
      const pointer = `/cases/${kind}`;
      const list = rule['cases'][kind];
      if (!Array.isArray(list) || list.length === 0) {
        const at = hasNode(source, pointer) ? locate(source, pointer) : locate(source, '/cases', 'key');
        problems.push(problem(file, at, 'missing-cases', missingCasesMessage(kind)));
      }
    }
  } else if (!hasNode(source, '/cases')) {
    problems.push(problem(file, locate(source, ''), 'missing-cases', msg('problem.noCases')));
  }
  return problems;
}

function missingCasesMessage(kind: 'fire' | 'pass'): Message {
  return kind === 'fire' ? msg('problem.noFireCase') : msg('problem.noPassCase');
}

/** The ajv errors that mean "no cases": reported once, as missing-cases, by checkIdentity. */
export function isMissingCasesError(e: { keyword: string; instancePath: string; params: unknown }): boolean {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    return (e.instancePath === '' && p['missingProperty'] === 'cases') || (e.instancePath === '/cases' && ['fire', 'pass'].includes(String(p['missingProperty'])));
  }
  return e.keyword === 'minItems' && (e.instancePath === '/cases/fire' || e.instancePath === '/cases/pass');
}
