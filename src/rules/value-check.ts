/**
 * What `rules validate` checks about values, so that an edit it passes never makes an audit
 * stop (exit 2) or silently misgrade:
 * - grade.byValue grades every value of its fact the conditions admit (adding "否" to
 *   complaint-rude's statuses without a grade for it is reported at the "否");
 * - grade.fromFact only ever finds a grade;
 * - a ladder's fact is a number, its thresholds are numbers, and its steps rise: each min not
 *   below the last, each grade above the last and above the base;
 * - each condition's value (literal or param) has the shape its operator needs (a list for
 *   `in`, a number for `greaterThan`, a date for `dateAfter`, true/false for `isEmpty`), the
 *   fact has the type the operator compares, and a value compared with a fact of listed values
 *   is one of them (a typo such as 待査 would never match).
 * A param is reported at its value under `params` (that is what a reviewer edits), naming the
 * condition or ladder step that uses it.
 */
import type { FactDef } from '../facts/types.js';
import { gradeRank, isGrade, parseGrade, type Grade } from '../grade-scale.js';
import { admittedValues, mapKey, type Admitted, type Scalar } from './admitted-values.js';
import { joinPointer, locate, type JsonSource } from './json-source.js';
import { problem } from './problems.js';
import { msg, type Message, type MessageParam } from '../messages/catalogue.js';
import { forEachLeaf } from './references.js';
import type { RuleProblem } from './types.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an operator needs of its condition value. */
type Shape = 'list' | 'number' | 'date' | 'boolean' | 'scalar' | 'any';

const VALUE_SHAPE: Record<string, Shape> = {
  equal: 'scalar', notEqual: 'scalar', in: 'list', notIn: 'list',
  contains: 'scalar', doesNotContain: 'scalar',
  lessThan: 'number', lessThanInclusive: 'number', greaterThan: 'number', greaterThanInclusive: 'number',
  isEmpty: 'boolean', containsAny: 'list', inList: 'any', intersects: 'any',
  dateAfter: 'date', dateBefore: 'date', dateOnOrAfter: 'date', dateOnOrBefore: 'date',
};

/** The fact types an operator compares meaningfully (absent: any). */
const FACT_TYPES: Record<string, readonly FactDef['type'][]> = {
  lessThan: ['number'], lessThanInclusive: ['number'], greaterThan: ['number'], greaterThanInclusive: ['number'],
  dateAfter: ['date'], dateBefore: ['date'], dateOnOrAfter: ['date'], dateOnOrBefore: ['date'],
  contains: ['string[]', 'number[]'], doesNotContain: ['string[]', 'number[]'], intersects: ['string[]', 'number[]'],
  containsAny: ['string'],
};

/** Operators whose values must be among the fact's own values to ever hold. */
const COMPARES_VALUES = new Set(['equal', 'notEqual', 'in', 'notIn', 'inList']);

const SHAPE_WORDS: Record<Exclude<Shape, 'any'>, Message> = {
  list: msg('problem.shape.list'),
  number: msg('problem.shape.number'),
  date: msg('problem.shape.date'),
  boolean: msg('problem.shape.boolean'),
  scalar: msg('problem.shape.scalar'),
};

function fits(shape: Shape, value: unknown): boolean {
  switch (shape) {
    case 'list': return Array.isArray(value);
    case 'number': return typeof value === 'number';
    case 'date': return typeof value === 'string' && DATE.test(value);
    case 'boolean': return typeof value === 'boolean';
    case 'scalar': return value === null || ['string', 'number', 'boolean'].includes(typeof value);
    case 'any': return true;
  }
}

interface Context {
  file: string;
  source: JsonSource;
  rule: Json;
  params: Json;
  factOf: (name: string) => FactDef | undefined;
  problems: RuleProblem[];
}

function report(ctx: Context, pointer: string, code: RuleProblem['code'], message: Message): void {
  ctx.problems.push(problem(ctx.file, locate(ctx.source, pointer), code, message));
}

/** A leaf's value, resolved through its param; `where` names it for messages. */
function operand(ctx: Context, leaf: Json, pointer: string): { value: unknown; at: string; where: Message } | undefined {
  const value = leaf['value'];
  if (isObject(value) && typeof value['param'] === 'string') {
    const spec = Object.hasOwn(ctx.params, value['param']) ? ctx.params[value['param']] : undefined;
    if (!isObject(spec) || !('value' in spec)) return undefined; // undeclared: reported elsewhere
    return { value: spec['value'], at: joinPointer('/params', value['param'], 'value'), where: msg('problem.where.param', { name: value['param'] }) };
  }
  if (isObject(value)) return undefined; // another fact's value
  return { value, at: joinPointer(pointer, 'value'), where: msg('problem.where.value') };
}

function describeValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(' / ');
}

function checkLeaf(ctx: Context, leaf: Json, pointer: string): void {
  const operator = typeof leaf['operator'] === 'string' ? leaf['operator'] : undefined;
  const fact = typeof leaf['fact'] === 'string' ? ctx.factOf(leaf['fact']) : undefined;
  // An unknown or decorated operator (`not:in`, not part of the rule format) is reported elsewhere.
  const shape = operator === undefined || !Object.hasOwn(VALUE_SHAPE, operator) ? undefined : VALUE_SHAPE[operator];
  if (!operator || !shape) return;
  const o = operand(ctx, leaf, pointer);
  if (o && !fits(shape, o.value)) {
    const path = pointer.slice('/conditions'.length) || '/';
    const needs = SHAPE_WORDS[shape as Exclude<Shape, 'any'>];
    report(ctx, o.at, 'param-type', msg('problem.valueShape', { where: o.where, value: JSON.stringify(o.value), path, operator, fact: String(leaf['fact']), shape: needs }));
    return;
  }
  if (!fact) return;
  const types = Object.hasOwn(FACT_TYPES, operator) ? FACT_TYPES[operator] : undefined;
  if (types && !types.includes(fact.type)) {
    const compared = { zh: types.join(' 或 '), en: types.join(' or ') };
    report(ctx, joinPointer(pointer, 'fact'), 'param-type', msg('problem.factType', { operator, types: compared, fact: fact.name, type: fact.type }));
    return;
  }
  if (o && COMPARES_VALUES.has(operator) && fact.domain) checkAmongValues(ctx, fact, o);
}

/** A value compared with a fact of listed values must be one of them (null when the fact may be empty). */
function checkAmongValues(ctx: Context, fact: FactDef, o: { value: unknown; at: string; where: Message }): void {
  const domain = fact.domain!;
  const allowed = (v: unknown): boolean => (v === null ? domain.nullable : domain.values.includes(v as string | boolean));
  const items = Array.isArray(o.value) ? o.value.map((v, i) => ({ v, at: joinPointer(o.at, i) })) : [{ v: o.value, at: o.at }];
  for (const { v, at } of items) {
    if (allowed(v)) continue;
    const said = { value: JSON.stringify(v), fact: fact.name, values: describeValues(domain.values) };
    report(ctx, at, 'impossible-value', domain.nullable ? msg('problem.impossibleValue.nullable', said) : msg('problem.impossibleValue', said));
  }
}

function gradeWords(value: Scalar): MessageParam {
  return value === null ? msg('problem.emptyValue') : JSON.stringify(value);
}

/** Where a gap is reported: the list element that admits the value, else the grade spec itself. */
function gapAt(at: string | undefined, fallback: string): string {
  return at ?? fallback;
}

function checkByValue(ctx: Context, byValue: Json): void {
  const factName = byValue['fact'];
  const map = byValue['map'];
  if (typeof factName !== 'string' || !isObject(map)) return;
  const fact = ctx.factOf(factName);
  if (!fact) return;
  const admitted = admittedValues(ctx.rule['conditions'], factName, fact.domain, ctx.params);
  if (admitted === 'any') {
    report(ctx, '/grade/byValue/fact', 'grade-gap', msg('problem.byValueUnlimited', { fact: factName }));
    return;
  }
  for (const { value, at } of admitted.values()) {
    if (Object.hasOwn(map, mapKey(value)) && isGrade(map[mapKey(value)])) continue;
    const fix = value === null
      ? msg('problem.byValueGap.fixEmpty', { fact: factName })
      : msg('problem.byValueGap.fix', { key: JSON.stringify(mapKey(value)), value: JSON.stringify(value) });
    report(ctx, gapAt(at, '/grade/byValue/map'), 'grade-gap', msg('problem.byValueGap', { fact: factName, value: gradeWords(value), fix }));
  }
}

function checkFromFact(ctx: Context, factName: unknown): void {
  if (typeof factName !== 'string') return;
  const fact = ctx.factOf(factName);
  if (!fact) return;
  const admitted: Admitted = admittedValues(ctx.rule['conditions'], factName, fact.domain, ctx.params);
  if (admitted === 'any') {
    report(ctx, '/grade/fromFact', 'grade-gap', msg('problem.fromFactUnlimited', { fact: factName }));
    return;
  }
  for (const { value, at } of admitted.values()) {
    if (typeof value === 'string' && parseGrade(value)) continue;
    report(ctx, gapAt(at, '/grade/fromFact'), 'grade-gap', msg('problem.fromFactNotGrade', { fact: factName, value: gradeWords(value) }));
  }
}

function thresholdOf(ctx: Context, min: unknown, pointer: string, step: number): number | undefined {
  if (typeof min === 'number') return min;
  if (!isObject(min) || typeof min['param'] !== 'string') return undefined;
  const spec = Object.hasOwn(ctx.params, min['param']) ? ctx.params[min['param']] : undefined;
  if (!isObject(spec) || !('value' in spec)) return undefined; // undeclared: reported elsewhere
  if (typeof spec['value'] === 'number') return spec['value'];
  report(ctx, joinPointer('/params', min['param'], 'value'), 'param-type', msg('problem.ladderParamNotNumber', { param: min['param'], value: JSON.stringify(spec['value']), step: step + 1, pointer }));
  return undefined;
}

function checkLadder(ctx: Context, base: unknown, ladder: Json): void {
  const factName = ladder['fact'];
  const fact = typeof factName === 'string' ? ctx.factOf(factName) : undefined;
  if (fact && fact.type !== 'number') {
    report(ctx, '/grade/ladder/fact', 'bad-ladder', msg('problem.ladderNotNumber', { fact: fact.name, type: fact.type }));
  }
  const steps = Array.isArray(ladder['steps']) ? ladder['steps'] : [];
  let previous: { min: number | undefined; grade: Grade } | undefined = isGrade(base) ? { min: undefined, grade: base } : undefined;
  steps.forEach((step, i) => {
    if (!isObject(step)) return;
    const pointer = `/grade/ladder/steps/${i}`;
    const min = thresholdOf(ctx, step['min'], `${pointer}/min`, i);
    const grade = isGrade(step['grade']) ? step['grade'] : undefined;
    if (previous && grade && gradeRank(grade) <= gradeRank(previous.grade)) {
      const than = i === 0 ? msg('problem.ladderThan.base', { grade: previous.grade }) : msg('problem.ladderThan.step', { step: i, grade: previous.grade });
      report(ctx, `${pointer}/grade`, 'bad-ladder', msg('problem.ladderNotRising', { step: i + 1, grade, than }));
    }
    // Equal thresholds merely skip the lower step (a reviewer may fold notice into deduction);
    // a threshold below the one before leaves a grade unreachable in between.
    if (previous?.min !== undefined && min !== undefined && min < previous.min) {
      report(ctx, `${pointer}/min`, 'bad-ladder', msg('problem.ladderFalling', { step: i + 1, min, previous: i, previousMin: previous.min }));
    }
    if (grade) previous = { min: min ?? previous?.min, grade };
  });
}

function checkGrade(ctx: Context): void {
  const grade = ctx.rule['grade'];
  if (!isObject(grade)) return;
  // A grade mixing forms is one schema problem; checking each form as well would say it twice.
  if (['base', 'byValue', 'fromFact'].filter((form) => form in grade).length !== 1) return;
  if (isObject(grade['byValue'])) checkByValue(ctx, grade['byValue']);
  if ('fromFact' in grade) checkFromFact(ctx, grade['fromFact']);
  if (isObject(grade['ladder'])) checkLadder(ctx, grade['base'], grade['ladder']);
}

/** The value problems of one rule file; `factOf` is undefined for a rule whose scope is unknown. */
export function checkValues(file: string, source: JsonSource, factOf: ((name: string) => FactDef | undefined) | undefined): RuleProblem[] {
  const rule = source.value;
  if (!isObject(rule) || !factOf) return [];
  const ctx: Context = { file, source, rule, params: isObject(rule['params']) ? rule['params'] : {}, factOf, problems: [] };
  forEachLeaf(rule['conditions'], '/conditions', (leaf, pointer) => checkLeaf(ctx, leaf, pointer));
  checkGrade(ctx);
  return ctx.problems;
}
