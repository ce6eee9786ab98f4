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
    const at = positionOf(source, ref);
    switch (ref.kind) {
      case 'fact':
        if (!isFact(ref.name)) problems.push(problem(file, at, 'unknown-fact', `unknown fact "${ref.name}" for scope ${scope}; \`duty-audit facts\` lists the facts of each scope`));
        break;
      case 'param':
        used.add(ref.name);
        if (!(ref.name in params)) problems.push(problem(file, at, 'undeclared-param', `param "${ref.name}" is not declared under params`));
        break;
      case 'placeholder':
        if (ref.name in params) used.add(ref.name);
        else if (!isFact(ref.name)) problems.push(problem(file, at, 'unknown-fact', `evidence placeholder {${ref.name}} is neither a fact of scope ${scope} nor a param`));
        break;
      case 'operator':
        if (!isOperator(ref.name)) problems.push(problem(file, at, 'unknown-operator', decoratorMessage(ref.name, isOperator) ?? `unknown operator "${ref.name}"; use one of the operators listed in rules/FORMAT.md`));
        break;
    }
  }
  for (const name of Object.keys(params)) {
    if (!used.has(name)) {
      problems.push(problem(file, locate(source, joinPointer('/params', name), 'key'), 'unused-param', `param "${name}" is declared but no condition, ladder or evidence uses it`));
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
  const at = locate(source, '/event');
  const def = facts.find((f) => f.name === event);
  if (!def) return [problem(file, at, 'unknown-fact', `event "${event}" is not a fact of scope ${scope}; name one of its date facts: ${dates.join(', ')}`)];
  if (def.type !== 'date') return [problem(file, at, 'bad-event', `event "${event}" is a ${def.type} fact; the event is the date that places a finding in a month, one of scope ${scope}'s date facts: ${dates.join(', ')}`)];
  return [];
}

/** json-rules-engine condition properties the rule format leaves out, and what to write instead. */
const LEFT_OUT: Record<string, string> = {
  priority: '"priority" is not part of the rule format: every condition of a group is judged, in the order written; remove it',
  path: '"path" is not part of the rule format: a condition tests a fact\'s whole value; for a part of one, use a derived fact (`duty-audit facts` lists them)',
  params: '"params" (json-rules-engine fact parameters) is not part of the rule format: facts take no parameters; put a threshold in "value" as {"param": name} and declare it under the rule\'s params',
  condition: 'shared conditions ("condition") are not part of the rule format: write the test here in full, {"fact": …, "operator": …, "value": …}',
  name: '"name" is not part of the rule format: say what the condition means in the rule\'s evidence or in a case\'s description',
};

/** What a json-rules-engine decorator does, in the rule format. */
const DECORATORS: Record<string, (operator: string) => string> = {
  not: (op) => `write the test inside a group, {"not": {"fact": …, "operator": "${op}", "value": …}}`,
  someFact: () => 'for a list fact use "intersects" (shares an element with a list) or "contains"',
  everyFact: () => 'test a derived fact that says it of the whole list (`duty-audit facts` lists them)',
  someValue: (op) => `use "in" or "inList" for one of several values, or an {"any": [...]} of "${op}" tests`,
  everyValue: (op) => `use an {"all": [...]} of "${op}" tests, one per value`,
  swap: () => 'put the fact on the left and choose the operator that reads that way ("in" for a fact in a list, "contains" for a list fact)',
};

/** The message for `decorator:operator`, or undefined when the name is not a decorated known operator. */
function decoratorMessage(name: string, isOperator: (name: string) => boolean): string | undefined {
  const parts = name.split(':');
  const operator = parts.pop()!;
  const advice = DECORATORS[parts[0] ?? ''];
  if (parts.length === 0 || !advice || !parts.every((d) => d in DECORATORS) || !isOperator(operator)) return undefined;
  return `operator "${name}": json-rules-engine's decorators ("${parts.join(':')}:") are not part of the rule format; ${advice(operator)}`;
}

function unsupportedFeatures(file: string, source: JsonSource, conditions: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  forEachCondition(conditions, '/conditions', (node, pointer) => {
    for (const key of Object.keys(node)) {
      const message = LEFT_OUT[key];
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
  if (e.keyword === 'additionalProperties') return String(p['additionalProperty']) in LEFT_OUT;
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
  if (typeof clause === 'string' && !(clause in ctx.clauses)) {
    problems.push(problem(file, locate(source, '/clause'), 'unknown-clause', `clause "${clause}" is not in rules/clauses.json (the seed's clauses, e.g. 失职追究制/二.6)`));
  }
  const id = rule['id'];
  const expected = basename(file, '.json');
  if (typeof id === 'string' && id !== expected) {
    problems.push(problem(file, locate(source, '/id'), 'id-not-file-name', `id "${id}" differs from the file name; rename the file to ${id}.json or set the id to "${expected}"`));
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
    problems.push(problem(file, locate(source, ''), 'missing-cases', 'the rule has no cases: add cases.fire (records it must fire on) and cases.pass (records it must not)'));
  }
  return problems;
}

function missingCasesMessage(kind: 'fire' | 'pass'): string {
  return kind === 'fire'
    ? 'the rule has no fire case: add at least one record it must fire on under cases.fire'
    : 'the rule has no pass case: add at least one record it must not fire on under cases.pass';
}

/** The ajv errors that mean "no cases": reported once, as missing-cases, by checkIdentity. */
export function isMissingCasesError(e: { keyword: string; instancePath: string; params: unknown }): boolean {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    return (e.instancePath === '' && p['missingProperty'] === 'cases') || (e.instancePath === '/cases' && ['fire', 'pass'].includes(String(p['missingProperty'])));
  }
  return e.keyword === 'minItems' && (e.instancePath === '/cases/fire' || e.instancePath === '/cases/pass');
}
