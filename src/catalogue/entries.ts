/**
 * The catalogue a reviewer reads (`duty-audit rules list`, `duty-audit facts`, rules/README.md)
 * as plain data: one entry per rule of a loaded rule set and one per fact of the fact library.
 * The writers (markdown.ts, table.ts, catalogue.ts for JSON) render these entries and nothing
 * else, so every format shows the same catalogue.
 *
 * Rules are ordered as the work rules are: by regime in the seed's order, then article and item
 * as numbers (compareClauses, the order the report uses too), then by id; facts in the library's own order (scope order, then columns in
 * sheet order, then derived facts). Neither order depends on the file system.
 */
import { FACTS } from '../facts/catalogue.js';
import { COLUMN_SHEET, SCOPE_SHEET, type Scope } from '../facts/scopes.js';
import type { FactDef, FactType } from '../facts/types.js';
import type { Grade } from '../grade-scale.js';
import { sheetSpec } from '../ledger/columns.js';
import { SHEET_KEYS, type SheetKey } from '../ledger/types.js';
import { resolveGrade } from '../rules/resolve.js';
import { compareClauses } from '../rules/clauses.js';
import type { Rule, RuleSet } from '../rules/types.js';
import { compareText, type Localized } from '../text.js';

export interface ParamEntry {
  name: string;
  value: number | string | boolean | (number | string)[];
  description: Localized;
}

/** A rule's grade as data: the fixed grade, a ladder with its thresholds, a value map, or a fact. */
export type GradeEntry =
  | { kind: 'base'; base: Grade }
  | { kind: 'ladder'; base: Grade; fact: string; steps: { min: number; param?: string; grade: Grade }[] }
  | { kind: 'byValue'; fact: string; map: Record<string, Grade> }
  | { kind: 'fromFact'; fact: string };

export interface RuleEntry {
  id: string;
  version: number;
  /** The regime (工作制度) the clause belongs to: `失职追究制`. */
  regime: string;
  clause: string;
  clauseText: string;
  title: Localized;
  scope: Scope;
  /** The fact naming the responsible person, or `center`. */
  subject: { kind: 'staff'; fact: string } | { kind: 'center' };
  /** The date fact that places the rule's event in a month (docs/grading.md). */
  event: string;
  params: ParamEntry[];
  grade: GradeEntry;
  /** Sheets the workbook must hold for the rule to run. */
  requires: SheetKey[];
  /** Path inside the rules folder. */
  file: string;
}

export interface FactEntry {
  name: string;
  scope: Scope;
  type: FactType;
  origin: 'column' | 'derived';
  /** The ledger column's Chinese header, for column facts. */
  column?: string;
  /** Every sheet the fact needs: the scope's own sheet and any lookup sheets. */
  sheets: SheetKey[];
  description: Localized;
}

// ---- rules ----

export function regimeOf(clause: string): string {
  return clause.split('/')[0] ?? clause;
}

export function gradeEntry(rule: Rule): GradeEntry {
  const g = rule.resolvedGrade ?? resolveGrade(rule);
  if ('byValue' in g) return { kind: 'byValue', fact: g.byValue.fact, map: g.byValue.map };
  if ('fromFact' in g) return { kind: 'fromFact', fact: g.fromFact };
  if (!g.ladder) return { kind: 'base', base: g.base };
  const steps = g.ladder.steps.map((s) => (s.param === undefined ? { min: s.min, grade: s.grade } : { min: s.min, param: s.param, grade: s.grade }));
  return { kind: 'ladder', base: g.base, fact: g.ladder.fact, steps };
}

export function ruleEntry(rule: Rule): RuleEntry {
  return {
    id: rule.id,
    version: rule.version,
    regime: regimeOf(rule.clause),
    clause: rule.clause,
    clauseText: rule.clauseText,
    title: rule.title,
    scope: rule.scope,
    subject: rule.subject.kind === 'staff' ? { kind: 'staff', fact: rule.subject.fact } : { kind: 'center' },
    event: rule.event,
    params: Object.entries(rule.params)
      .map(([name, p]) => ({ name, value: p.value, description: p.description }))
      .sort((a, b) => compareText(a.name, b.name)),
    grade: gradeEntry(rule),
    requires: [...rule.requires],
    file: rule.file,
  };
}

/** Rules in the one clause order (src/rules/clauses.ts), then by id. */
export function ruleEntries(ruleSet: RuleSet): RuleEntry[] {
  return ruleSet.rules.map(ruleEntry).sort((a, b) => compareClauses(a.clause, b.clause) || compareText(a.id, b.id));
}

/** Entries grouped by regime, in catalogue order. */
export function byRegime(entries: RuleEntry[]): [string, RuleEntry[]][] {
  const groups = new Map<string, RuleEntry[]>();
  for (const e of entries) groups.set(e.regime, [...(groups.get(e.regime) ?? []), e]);
  return [...groups];
}

// ---- facts ----

/** The fact library's entry with the sheets it needs and, for a column fact, the column's Chinese header. */
export function factEntry(def: FactDef): FactEntry {
  const needed = new Set([SCOPE_SHEET[def.scope], ...def.sheets]);
  const entry: FactEntry = {
    name: def.name,
    scope: def.scope,
    type: def.type,
    origin: def.origin,
    sheets: SHEET_KEYS.filter((k) => needed.has(k)),
    description: def.description,
  };
  const column = columnHeader(def);
  if (column !== undefined) entry.column = column;
  return entry;
}

function columnHeader(def: FactDef): string | undefined {
  if (def.origin !== 'column') return undefined;
  const sheet = COLUMN_SHEET[def.scope];
  return sheet ? sheetSpec(sheet).columns.find((c) => c.key === def.name)?.zh : undefined;
}

export function factEntries(scope?: Scope): FactEntry[] {
  return FACTS.filter((f) => scope === undefined || f.scope === scope).map(factEntry);
}

/** Entries grouped by scope, in catalogue order. */
export function byScope(entries: FactEntry[]): [Scope, FactEntry[]][] {
  const groups = new Map<Scope, FactEntry[]>();
  for (const e of entries) groups.set(e.scope, [...(groups.get(e.scope) ?? []), e]);
  return [...groups];
}
