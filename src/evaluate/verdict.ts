/**
 * A rule's verdict (does it fire on a record?) compiled once from its prepared condition tree
 * (conditions.ts) into one JavaScript function, with the same meaning as walking the tree:
 * - a group stops at its first deciding child (`all` → `&&`, `any` → `||`, `not` → `!`; an
 *   empty `all` or `any` holds, as in json-rules-engine);
 * - a leaf reads its fact, then the fact its value names, and calls its operator from
 *   operators.ts with them, holding when that returns `true`;
 * - a fact the record lacks throws `Undefined fact: <name>` when the verdict reaches it.
 *
 * Why compiled: walking the tree, every read was `facts[name]` with a name that changes from
 * leaf to leaf, and every test called its operator from one shared place; V8 can then neither
 * keep a read to one object shape nor inline an operator. In the compiled function each fact
 * name is written in the code and each leaf calls its own operator, so a scope's records (one
 * shape each, src/facts/fact-template.ts) are read by direct field loads and the small
 * operators are inlined. Fact names and the operators' written values never enter the code as
 * text: names are JSON-quoted, values and operators are handed in as arguments.
 */
import type { FactValue } from '../facts/types.js';
import type { OperatorFn } from './operators.js';

/** The parts of a prepared tree (conditions.ts) the verdict reads. */
export type VerdictNode =
  | { kind: 'condition'; fact: string; fn: OperatorFn; value: unknown; valueFact?: string }
  | { kind: 'all' | 'any' | 'not'; children: VerdictNode[] };

export type Verdict = (facts: Readonly<Record<string, FactValue | undefined>>) => boolean;

function undefinedFact(name: string): never {
  throw new Error(`Undefined fact: ${name}`);
}

export function compileVerdict(root: VerdictNode): Verdict {
  const inputs: unknown[] = [];
  const input = (value: unknown): string => `i${inputs.push(value) - 1}`;
  // `v` holds the value just read: an argument's value is taken before the next one is read.
  const read = (name: string): string => {
    const key = JSON.stringify(name);
    return `((v = facts[${key}]) !== undefined || ${key} in facts ? v : undefinedFact(${key}))`;
  };
  const code = (node: VerdictNode): string => {
    if (node.kind === 'condition') {
      const value = node.valueFact === undefined ? input(node.value) : read(node.valueFact);
      return `${input(node.fn)}(${read(node.fact)}, ${value}) === true`;
    }
    if (node.kind === 'not') return `!(${code(node.children[0]!)})`;
    if (node.children.length === 0) return 'true';
    return `(${node.children.map(code).join(node.kind === 'all' ? ' && ' : ' || ')})`;
  };
  const body = code(root);
  const names = inputs.map((_, i) => `i${i}`);
  const make = new Function('undefinedFact', ...names, `"use strict"; return function verdict(facts) { let v; return ${body}; };`);
  return make(undefinedFact, ...inputs) as Verdict;
}
