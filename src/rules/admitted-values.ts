/**
 * Which values of one fact a rule's conditions let through: what `rules validate` needs to know
 * that a grade map (byValue) grades every record the rule can fire on, or that fromFact always
 * finds a grade. The answer over-approximates — a value the conditions might admit is counted —
 * so a gap is never missed; at worst validate asks for a condition the rule did not strictly need.
 *
 * Each admitted value remembers where it was written (the list element of a param or literal
 * that let it in), so a gap is reported at the value a reviewer added.
 */
import type { FactDomain } from '../facts/types.js';
import { joinPointer } from './json-source.js';

export type Scalar = string | number | boolean | null;

export interface AdmittedValue {
  value: Scalar;
  /** JSON pointer of the list element or literal that admits it; absent when it comes from the fact's own values. */
  at?: string;
}

/** The admitted values by key, or 'any' when they are not limited to a list. */
export type Admitted = Map<string, AdmittedValue> | 'any';

type Json = Record<string, unknown>;
type Params = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is Scalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

const keyOf = (v: Scalar): string => JSON.stringify(v);

function setOf(values: AdmittedValue[]): Map<string, AdmittedValue> {
  return new Map(values.map((v) => [keyOf(v.value), v]));
}

function domainSet(domain: FactDomain | undefined): Admitted {
  if (!domain) return 'any';
  return setOf([...domain.values, ...(domain.nullable ? [null] : [])].map((value) => ({ value })));
}

/** Values in both; the narrower side's place wins, so a value is reported where it was listed. */
function intersect(a: Admitted, b: Admitted): Admitted {
  if (a === 'any') return b;
  if (b === 'any') return a;
  const out = new Map<string, AdmittedValue>();
  for (const [k, v] of b) if (a.has(k)) out.set(k, v.at === undefined ? a.get(k)! : v);
  return out;
}

function union(a: Admitted, b: Admitted): Admitted {
  if (a === 'any' || b === 'any') return 'any';
  const out = new Map(a);
  for (const [k, v] of b) if (!out.has(k)) out.set(k, v);
  return out;
}

/** The domain without these values ('any' stays 'any': an unbounded list minus a few is unbounded). */
function without(domain: Admitted, removed: Admitted): Admitted {
  if (domain === 'any' || removed === 'any') return domain;
  return new Map([...domain].filter(([k]) => !removed.has(k)));
}

/** A leaf's value with the pointer it is written at (a param's value lives under /params). */
function leafValue(leaf: Json, pointer: string, params: Params): { value: unknown; at: string } {
  const value = leaf['value'];
  if (isObject(value) && typeof value['param'] === 'string') {
    const spec = Object.hasOwn(params, value['param']) ? params[value['param']] : undefined;
    return { value: isObject(spec) ? spec['value'] : undefined, at: joinPointer('/params', value['param'], 'value') };
  }
  return { value, at: joinPointer(pointer, 'value') };
}

function listed(value: unknown, at: string): Admitted {
  if (!Array.isArray(value)) return 'any';
  return setOf(value.flatMap((v, i) => (isScalar(v) ? [{ value: v, at: joinPointer(at, i) }] : [])));
}

/** The values of the fact one test on it lets through, within the domain. */
function leafAdmits(leaf: Json, pointer: string, domain: Admitted, params: Params): Admitted {
  const operator = typeof leaf['operator'] === 'string' ? leaf['operator'] : '';
  const { value, at } = leafValue(leaf, pointer, params);
  if (isObject(value)) return domain; // another fact's value: anything
  let admits: Admitted;
  // A decorated operator (`not:in`) is no part of the rule format; it falls to `default`.
  switch (operator) {
    case 'equal': admits = isScalar(value) ? setOf([{ value, at }]) : 'any'; break;
    case 'in':
    case 'inList': admits = listed(value, at); break;
    case 'notEqual': admits = without(domain, isScalar(value) ? setOf([{ value, at }]) : new Map()); break;
    case 'notIn': admits = without(domain, listed(value, at)); break;
    case 'isEmpty': admits = value === false ? without(domain, setOf([{ value: null }])) : setOf([{ value: null, at }]); break;
    default: return domain;
  }
  return intersect(domain, admits);
}

function isLeaf(node: Json): boolean {
  return 'fact' in node || 'operator' in node;
}

function admitsOf(node: unknown, pointer: string, fact: string, domain: Admitted, params: Params): Admitted {
  if (!isObject(node)) return domain;
  if (Array.isArray(node['all'])) {
    return node['all'].reduce<Admitted>((acc, c, i) => intersect(acc, admitsOf(c, joinPointer(pointer, 'all', i), fact, domain, params)), domain);
  }
  if (Array.isArray(node['any'])) {
    if (node['any'].length === 0) return domain;
    return node['any'].map((c, i) => admitsOf(c, joinPointer(pointer, 'any', i), fact, domain, params)).reduce(union);
  }
  if (node['not'] !== undefined) {
    const inner = node['not'];
    // Only a single test on the fact can be turned inside out; `not` over a group may let anything through.
    if (isObject(inner) && isLeaf(inner) && inner['fact'] === fact) return without(domain, admitsOf(inner, joinPointer(pointer, 'not'), fact, domain, params));
    return domain;
  }
  if (isLeaf(node)) return node['fact'] === fact ? leafAdmits(node, pointer, domain, params) : domain;
  return domain;
}

/**
 * The values of `fact` a record can have when the rule fires: the fact's domain (its values
 * when they are a short list) narrowed by the conditions.
 */
export function admittedValues(conditions: unknown, fact: string, domain: FactDomain | undefined, params: Params): Admitted {
  return admitsOf(conditions, '/conditions', fact, domainSet(domain), params);
}

/** The key a grade map is looked up by for this value (src/grade/base-grade.ts: `String(value)`). */
export function mapKey(value: Scalar): string {
  return String(value);
}
