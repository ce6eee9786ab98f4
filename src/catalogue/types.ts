/**
 * The catalogue a reviewer reads (`duty-audit rules list`, `duty-audit facts`, rules/README.md):
 * rules and facts as plain data, rendered by one writer per format.
 */
import type { Grade } from '../grade-scale.js';
import type { SheetKey } from '../ledger/types.js';
import type { FactType } from '../facts/types.js';
import type { Scope } from '../facts/scopes.js';
import type { Localized } from '../text.js';

export type CatalogueFormat = 'table' | 'md' | 'json';
export const CATALOGUE_FORMATS: readonly CatalogueFormat[] = ['table', 'md', 'json'];

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
