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

const SHAPE_WORDS: Record<Exclude<Shape, 'any'>, string> = {
  list: 'a list such as ["a", "b"]',
  number: 'a number',
  date: 'a date written YYYY-MM-DD',
  boolean: 'true or false',
  scalar: 'a single value (text, number, true/false or null), not a list',
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

function report(ctx: Context, pointer: string, code: RuleProblem['code'], message: string): void {
  ctx.problems.push(problem(ctx.file, locate(ctx.source, pointer), code, message));
}

/** A leaf's value, resolved through its param; `where` names it for messages. */
function operand(ctx: Context, leaf: Json, pointer: string): { value: unknown; at: string; where: string } | undefined {
  const value = leaf['value'];
  if (isObject(value) && typeof value['param'] === 'string') {
    const spec = ctx.params[value['param']];
    if (!isObject(spec) || !('value' in spec)) return undefined; // undeclared: reported elsewhere
    return { value: spec['value'], at: joinPointer('/params', value['param'], 'value'), where: `param "${value['param']}"` };
  }
  if (isObject(value)) return undefined; // another fact's value
  return { value, at: joinPointer(pointer, 'value'), where: 'the value' };
}

function describeValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(' / ');
}

function checkLeaf(ctx: Context, leaf: Json, pointer: string): void {
  const operator = typeof leaf['operator'] === 'string' ? leaf['operator'] : undefined;
  const fact = typeof leaf['fact'] === 'string' ? ctx.factOf(leaf['fact']) : undefined;
  // An unknown or decorated operator (`not:in`, not part of the rule format) is reported elsewhere.
  const shape = operator === undefined ? undefined : VALUE_SHAPE[operator];
  if (!operator || !shape) return;
  const used = `${pointer.slice('/conditions'.length) || '/'} (${operator} on "${String(leaf['fact'])}")`;
  const o = operand(ctx, leaf, pointer);
  if (o && !fits(shape, o.value)) {
    report(ctx, o.at, 'param-type', `${o.where} is ${JSON.stringify(o.value)}, but the condition at conditions${used} needs ${SHAPE_WORDS[shape as Exclude<Shape, 'any'>]}`);
    return;
  }
  if (!fact) return;
  const types = FACT_TYPES[operator];
  if (types && !types.includes(fact.type)) {
    report(ctx, joinPointer(pointer, 'fact'), 'param-type', `operator ${operator} compares ${types.join(' or ')} values, but fact "${fact.name}" is ${fact.type}; the condition could never hold`);
    return;
  }
  if (o && COMPARES_VALUES.has(operator) && fact.domain) checkAmongValues(ctx, fact, o);
}

/** A value compared with a fact of listed values must be one of them (null when the fact may be empty). */
function checkAmongValues(ctx: Context, fact: FactDef, o: { value: unknown; at: string; where: string }): void {
  const domain = fact.domain!;
  const allowed = (v: unknown): boolean => (v === null ? domain.nullable : domain.values.includes(v as string | boolean));
  const items = Array.isArray(o.value) ? o.value.map((v, i) => ({ v, at: joinPointer(o.at, i) })) : [{ v: o.value, at: o.at }];
  for (const { v, at } of items) {
    if (allowed(v)) continue;
    report(ctx, at, 'impossible-value', `${JSON.stringify(v)} is never a value of "${fact.name}" (its values: ${describeValues(domain.values)}${domain.nullable ? ', or empty' : ''}); check the spelling`);
  }
}

function gradeWords(value: Scalar): string {
  return value === null ? 'an empty value' : JSON.stringify(value);
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
    report(ctx, '/grade/byValue/fact', 'grade-gap', `grade.byValue grades by "${factName}", but the conditions do not limit it to listed values, so a record could carry a value the map has no grade for: add a condition { "fact": "${factName}", "operator": "in", "value": [...] } naming the values the map grades`);
    return;
  }
  for (const { value, at } of admitted.values()) {
    if (Object.hasOwn(map, mapKey(value)) && isGrade(map[mapKey(value)])) continue;
    const fix = value === null
      ? `add { "fact": "${factName}", "operator": "isEmpty", "value": false } to the conditions`
      : `add ${JSON.stringify(mapKey(value))}: "<grade>" to grade.byValue.map, or leave ${JSON.stringify(value)} out of the conditions`;
    report(ctx, gapAt(at, '/grade/byValue/map'), 'grade-gap', `the conditions admit "${factName}" = ${gradeWords(value)}, but grade.byValue.map has no grade for it: ${fix}`);
  }
}

function checkFromFact(ctx: Context, factName: unknown): void {
  if (typeof factName !== 'string') return;
  const fact = ctx.factOf(factName);
  if (!fact) return;
  const admitted: Admitted = admittedValues(ctx.rule['conditions'], factName, fact.domain, ctx.params);
  if (admitted === 'any') {
    report(ctx, '/grade/fromFact', 'grade-gap', `grade.fromFact reads the grade from "${factName}", whose values are not limited to grades; use a fact that holds a grade (such as suggested_grade) or grade.byValue with a map`);
    return;
  }
  for (const { value, at } of admitted.values()) {
    if (typeof value === 'string' && parseGrade(value)) continue;
    report(ctx, gapAt(at, '/grade/fromFact'), 'grade-gap', `the conditions admit "${factName}" = ${gradeWords(value)}, which is not a grade; grade.fromFact needs a fact that always holds one (reminder / criticism / notice / deduction)`);
  }
}

function thresholdOf(ctx: Context, min: unknown, pointer: string, step: number): number | undefined {
  if (typeof min === 'number') return min;
  if (!isObject(min) || typeof min['param'] !== 'string') return undefined;
  const spec = ctx.params[min['param']];
  if (!isObject(spec) || !('value' in spec)) return undefined; // undeclared: reported elsewhere
  if (typeof spec['value'] === 'number') return spec['value'];
  report(ctx, joinPointer('/params', min['param'], 'value'), 'param-type', `param "${min['param']}" is ${JSON.stringify(spec['value'])}, but ladder step ${step + 1} (${pointer}) uses it as a threshold and needs a number`);
  return undefined;
}

function checkLadder(ctx: Context, base: unknown, ladder: Json): void {
  const factName = ladder['fact'];
  const fact = typeof factName === 'string' ? ctx.factOf(factName) : undefined;
  if (fact && fact.type !== 'number') {
    report(ctx, '/grade/ladder/fact', 'bad-ladder', `a ladder climbs on a number, but fact "${fact.name}" is ${fact.type}`);
  }
  const steps = Array.isArray(ladder['steps']) ? ladder['steps'] : [];
  let previous: { min: number | undefined; grade: Grade } | undefined = isGrade(base) ? { min: undefined, grade: base } : undefined;
  steps.forEach((step, i) => {
    if (!isObject(step)) return;
    const pointer = `/grade/ladder/steps/${i}`;
    const min = thresholdOf(ctx, step['min'], `${pointer}/min`, i);
    const grade = isGrade(step['grade']) ? step['grade'] : undefined;
    if (previous && grade && gradeRank(grade) <= gradeRank(previous.grade)) {
      const than = i === 0 ? `the base grade "${previous.grade}"` : `step ${i}'s "${previous.grade}"`;
      report(ctx, `${pointer}/grade`, 'bad-ladder', `step ${i + 1} gives "${grade}", which is not above ${than}: each step must raise the grade`);
    }
    // Equal thresholds merely skip the lower step (a reviewer may fold notice into deduction);
    // a threshold below the one before leaves a grade unreachable in between.
    if (previous?.min !== undefined && min !== undefined && min < previous.min) {
      report(ctx, `${pointer}/min`, 'bad-ladder', `step ${i + 1} starts at ${min}, below step ${i}'s ${previous.min}: thresholds must rise with the grade, or step ${i} is never reached`);
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
