/**
 * Fresh facts objects for the records of a scope: every fact of the scope present (the engine
 * throws on a fact it has not been given), null when unknown. Each scope's object is one
 * compiled object literal (object-factory.ts), so every record of a scope shares one fast shape
 * with all its facts inside the object. (Adding 40 properties by computed key puts V8 objects
 * in dictionary mode; 100,000 cases built that way spent most of their time in the garbage
 * collector.)
 */
import type { FactValue } from './types.js';
import { sheetSpec } from '../ledger/columns.js';
import { objectFactory, type Field, type FieldConstant, type ObjectFactory } from '../object-factory.js';
import { factNames } from './catalogue.js';
import { COLUMN_SHEET, type Scope } from './scopes.js';

type FactsFactory = ObjectFactory<Record<string, FactValue>>;

const EMPTY_FACTS = new Map<Scope, FactsFactory>();
const COLUMN_FACTS = new Map<Scope, FactsFactory>();
const NO_RECORD = Object.freeze({});

/** Every fact of the scope, null. */
export function newFacts(scope: Scope): Record<string, FactValue> {
  let factory = EMPTY_FACTS.get(scope);
  if (!factory) EMPTY_FACTS.set(scope, (factory = objectFactory(factNames(scope).map((key): Field => ({ key, value: null })))));
  return factory(undefined);
}

/**
 * Every fact of the scope, with the column facts read from the scope's sheet record: an empty
 * cell is null, or the schema default where one is declared (visits = 1); keys of the record
 * that are not columns are left out. The derived facts are null, for the caller to fill.
 */
export function columnFacts(scope: Scope, record: object | undefined): Record<string, FactValue> {
  let factory = COLUMN_FACTS.get(scope);
  if (!factory) COLUMN_FACTS.set(scope, (factory = columnFactsFactory(scope)));
  return factory(record ?? NO_RECORD);
}

function columnFactsFactory(scope: Scope): FactsFactory {
  const sheet = COLUMN_SHEET[scope];
  const columns = new Map((sheet ? sheetSpec(sheet).columns : []).map((column) => [column.key, column]));
  return objectFactory(
    factNames(scope).map((key): Field => {
      const column = columns.get(key);
      return column ? { key, from: key, orElse: (column.default ?? null) as FieldConstant } : { key, value: null };
    }),
  );
}
