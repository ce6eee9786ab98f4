/**
 * A valid rule file → a Rule the engine runs: `{param}` values substituted (remembering which
 * param fed which condition, for evidence), ladder thresholds resolved, and the sheets the rule
 * needs. Runs only on files with no problems, so the shapes here are the schema's.
 */
import { sheetSpec } from '../ledger/columns.js';
import { SHEET_KEYS, type SheetKey } from '../ledger/types.js';
import { factsForScope } from '../facts/catalogue.js';
import { SCOPE_SHEET } from '../facts/scopes.js';
import { collectReferences, forEachLeaf } from './references.js';
import type { Localized } from '../text.js';
import type { GradeSpec, ParamSpec, ResolvedGradeSpec, Rule, RuleFile, Threshold } from './types.js';

type Json = Record<string, unknown>;

function isParamRef(v: unknown): v is { param: string } {
  return typeof v === 'object' && v !== null && typeof (v as Json)['param'] === 'string';
}

function paramValue(params: Record<string, ParamSpec>, name: string): ParamSpec['value'] {
  const spec = Object.hasOwn(params, name) ? params[name] : undefined;
  if (!spec) throw new Error(`resolve: param "${name}" is not declared (the loader should have said so)`);
  return spec.value;
}

/** Conditions with params substituted, and which param fed each leaf (by pointer inside `conditions`). */
export function resolveConditions(file: RuleFile): { conditions: unknown; paramOf: Record<string, string> } {
  const conditions = structuredClone(file.conditions);
  const paramOf: Record<string, string> = {};
  forEachLeaf(conditions, '', (leaf, pointer) => {
    const value = leaf['value'];
    if (isParamRef(value)) {
      paramOf[pointer] = value.param;
      // A copy: the engine must never share (and so never mutate) the file's param list.
      leaf['value'] = structuredClone(paramValue(file.params, value.param));
    }
  });
  return { conditions, paramOf };
}

function threshold(params: Record<string, ParamSpec>, min: Threshold): { min: number; param?: string } {
  if (!isParamRef(min)) return { min };
  const value = paramValue(params, min.param);
  if (typeof value !== 'number') throw new Error(`resolve: ladder param "${min.param}" is not a number`);
  return { min: value, param: min.param };
}

export function resolveGrade(file: RuleFile): ResolvedGradeSpec {
  const g = file.grade;
  if ('byValue' in g && g.byValue) return { byValue: g.byValue };
  if ('fromFact' in g && g.fromFact) return { fromFact: g.fromFact };
  const { base, ladder } = g as Extract<GradeSpec, { base: unknown }>;
  if (!ladder) return { base };
  const steps = ladder.steps.map((s) => ({ ...threshold(file.params, s.min), grade: s.grade }));
  return { base, ladder: { fact: ladder.fact, steps } };
}

/** The scope's own sheet, then every sheet a used fact reads, in the ledger's sheet order. */
export function requiredSheets(file: RuleFile): SheetKey[] {
  const facts = factsForScope(file.scope);
  const needed = new Set<SheetKey>([SCOPE_SHEET[file.scope]]);
  for (const ref of collectReferences(file)) {
    if (ref.kind !== 'fact' && ref.kind !== 'placeholder') continue;
    for (const sheet of facts.find((f) => f.name === ref.name)?.sheets ?? []) needed.add(sheet);
  }
  return SHEET_KEYS.filter((k) => needed.has(k));
}

/**
 * The optional columns of the scope's sheet that decide whether the rule fires: read by a fact of
 * its conditions, grade or subject (an evidence placeholder only quotes, and a missing column
 * there shows as —). In the sheet's column order.
 */
export function requiredColumns(file: RuleFile): string[] {
  const facts = factsForScope(file.scope);
  const needed = new Set<string>();
  for (const ref of collectReferences(file)) {
    if (ref.kind !== 'fact') continue;
    for (const column of facts.find((f) => f.name === ref.name)?.readsColumns ?? []) needed.add(column);
  }
  return sheetSpec(SCOPE_SHEET[file.scope]).columns.map((c) => c.key).filter((key) => needed.has(key));
}

/** The sheets the rule's facts read only when present, once per distinct note. */
export function optionalSheets(file: RuleFile): { sheet: SheetKey; without: Localized }[] {
  const facts = factsForScope(file.scope);
  const out: { sheet: SheetKey; without: Localized }[] = [];
  for (const ref of collectReferences(file)) {
    if (ref.kind !== 'fact' && ref.kind !== 'placeholder') continue;
    const optional = facts.find((f) => f.name === ref.name)?.readsIfPresent;
    if (optional && !out.some((o) => o.sheet === optional.sheet && o.without.en === optional.without.en)) out.push(optional);
  }
  return out;
}

export function toRule(file: RuleFile, relativePath: string, sha256: string): Rule {
  const { conditions, paramOf } = resolveConditions(file);
  return {
    ...file,
    file: relativePath,
    resolvedConditions: conditions,
    paramOf,
    resolvedGrade: resolveGrade(file),
    requires: requiredSheets(file),
    requiresColumns: requiredColumns(file),
    readsIfPresent: optionalSheets(file),
    sha256,
  };
}
