/**
 * A third reading of the rules, for the differential test's known answers: the operator table of
 * rules/FORMAT.md written out again, plainly, for well-typed values (what src/facts produces: a
 * number fact holds a finite number or null, a date fact YYYY-MM-DD or null, …). It shares no code
 * with the evaluator or its operators, so a quirk both engines share (`12 > null` holding, as it
 * did) shows up as a disagreement with this oracle.
 */
import { factsForScope } from '../../src/facts/catalogue.js';
import type { ScopeRecord, FactValue } from '../../src/facts/types.js';
import type { FactType } from '../../src/facts/types.js';
import type { Rule } from '../../src/rules/types.js';

type Node = { all?: Node[]; any?: Node[]; not?: Node; fact?: string; operator?: string; value?: unknown };
type Facts = Record<string, FactValue | undefined>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fits(type: FactType, v: unknown): boolean {
  switch (type) {
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'string': return typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    case 'date': return typeof v === 'string' && DATE.test(v);
    case 'string[]': return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'number[]': return Array.isArray(v) && v.every((x) => typeof x === 'number');
  }
}

/** The record with every value that does not fit its fact's catalogue type made null. */
export function wellTyped(record: ScopeRecord): ScopeRecord {
  const facts: Record<string, FactValue> = {};
  for (const def of factsForScope(record.scope)) {
    const v = record.facts[def.name];
    facts[def.name] = v !== undefined && fits(def.type, v) ? v : null;
  }
  return { ...record, facts };
}

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const bothNumbers = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number';
const bothDates = (a: unknown, b: unknown) => typeof a === 'string' && DATE.test(a) && typeof b === 'string';

/** "holds when the fact…", row by row of the table in rules/FORMAT.md. */
function test(operator: string, a: unknown, b: unknown): boolean {
  switch (operator) {
    case 'equal': return a === b;
    case 'notEqual': return a !== b;
    case 'in': return list(b).includes(a);
    case 'notIn': return !list(b).includes(a);
    case 'lessThan': return bothNumbers(a, b) && (a as number) < (b as number);
    case 'lessThanInclusive': return bothNumbers(a, b) && (a as number) <= (b as number);
    case 'greaterThan': return bothNumbers(a, b) && (a as number) > (b as number);
    case 'greaterThanInclusive': return bothNumbers(a, b) && (a as number) >= (b as number);
    case 'contains': return Array.isArray(a) && a.includes(b);
    case 'doesNotContain': return Array.isArray(a) && !a.includes(b);
    case 'isEmpty': return b === false ? !empty(a) : empty(a);
    case 'containsAny': return typeof a === 'string' && list(b).some((w) => typeof w === 'string' && w !== '' && a.includes(w));
    case 'inList': return a !== null && a !== undefined && list(b).includes(a);
    case 'intersects': return Array.isArray(a) && list(b).some((x) => a.includes(x));
    case 'dateAfter': return bothDates(a, b) && (a as string) > (b as string);
    case 'dateBefore': return bothDates(a, b) && (a as string) < (b as string);
    case 'dateOnOrAfter': return bothDates(a, b) && (a as string) >= (b as string);
    case 'dateOnOrBefore': return bothDates(a, b) && (a as string) <= (b as string);
    default: throw new Error(`the oracle does not know ${operator}`);
  }
}

function judge(node: Node, facts: Facts): boolean {
  if (node.all) return node.all.every((c) => judge(c, facts));
  if (node.any) return node.any.some((c) => judge(c, facts));
  if (node.not) return !judge(node.not, facts);
  const v = node.value as { fact?: unknown } | null;
  const value = v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' ? facts[v.fact] : node.value;
  return test(node.operator!, facts[node.fact!], value);
}

/** Whether the rule fires on the record, by the table. */
export function oracleFires(rule: Rule, record: ScopeRecord): boolean {
  return judge(rule.resolvedConditions as Node, record.facts);
}
