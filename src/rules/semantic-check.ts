/**
 * What the schema cannot say about one rule file: every fact exists in the rule's scope,
 * every operator is known, every param is declared and used, the clause is in the seed, the id
 * is the file name. Each problem points at the name in question.
 */
import { basename } from 'node:path';
import { factsForScope } from '../facts/catalogue.js';
import { isScope } from '../facts/scopes.js';
import { isKnownOperator } from '../evaluate/operators.js';
import type { FactDef } from '../facts/types.js';
import { hasNode, joinPointer, locate, type JsonSource, type Position } from './json-source.js';
import { problem } from './problems.js';
import { collectReferences, type Reference } from './references.js';
import type { ClauseList } from './seed-clauses.js';
import type { RuleProblem, Scope } from './types.js';

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
        if (!isOperator(ref.name)) problems.push(problem(file, at, 'unknown-operator', `unknown operator "${ref.name}"; use a json-rules-engine operator or one of duty-audit's (see rules/FORMAT.md)`));
        break;
    }
  }
  for (const name of Object.keys(params)) {
    if (!used.has(name)) {
      problems.push(problem(file, locate(source, joinPointer('/params', name), 'key'), 'unused-param', `param "${name}" is declared but no condition, ladder or evidence uses it`));
    }
  }
  problems.push(...checkIdentity(file, source, rule, ctx));
  return problems;
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
