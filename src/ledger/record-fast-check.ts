/**
 * A quick yes for the rows the ledger schema accepts, so that ajv (record-schema.ts) runs only
 * on rows with something to report. It restates the schema's own keywords — required, type,
 * enum, minLength, minimum, format date, additionalProperties: false — read from
 * ledger.schema.json itself, and says yes only when ajv would; on any doubt it says no and ajv
 * decides (and words the problems). A sheet whose schema uses a keyword not restated here is
 * always left to ajv. Defaults are applied as ajv's useDefaults does.
 * Measured: ajv on every row was ~9% of reading a 100,000-row workbook.
 */
import { LEDGER_SCHEMA } from './columns.js';
import type { SheetKey } from './types.js';

type Check = (value: unknown) => boolean;

interface FastCheck {
  required: readonly string[];
  checks: ReadonlyMap<string, Check>;
  defaults: readonly [string, unknown][];
}

const PROPERTY_KEYWORDS = new Set(['title', 'description', 'type', 'enum', 'minLength', 'minimum', 'format', 'default', 'x-aliases']);
const SHEET_KEYWORDS = new Set(['title', 'description', 'type', 'additionalProperties', 'properties', 'required', 'x-key', 'x-date', 'x-person']);

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** ajv-formats' `date` (full mode). */
function isDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

const TYPE_CHECKS: Record<string, Check> = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isInteger(v),
  number: (v) => Number.isFinite(v),
};

function propertyCheck(property: Record<string, unknown>): Check | undefined {
  if (Object.keys(property).some((k) => !PROPERTY_KEYWORDS.has(k))) return undefined;
  const checks: Check[] = [];
  const type = TYPE_CHECKS[String(property['type'])];
  if (!type) return undefined;
  checks.push(type);
  if (Array.isArray(property['enum'])) {
    const allowed = new Set(property['enum']);
    checks.push((v) => allowed.has(v));
  }
  if (typeof property['minLength'] === 'number') {
    const min = property['minLength'];
    // ajv counts code points; a code point is one or two code units.
    checks.push((v) => (v as string).length >= 2 * min || [...(v as string)].length >= min);
  }
  if (typeof property['minimum'] === 'number') {
    const min = property['minimum'];
    checks.push((v) => (v as number) >= min);
  }
  if (property['format'] !== undefined) {
    if (property['format'] !== 'date') return undefined;
    checks.push(isDate);
  }
  if (checks.length === 1) return checks[0];
  return (v) => {
    for (const check of checks) if (!check(v)) return false;
    return true;
  };
}

function fastCheckOf(sheet: Record<string, unknown>): FastCheck | undefined {
  if (Object.keys(sheet).some((k) => !SHEET_KEYWORDS.has(k)) || sheet['type'] !== 'object' || sheet['additionalProperties'] !== false) return undefined;
  const checks = new Map<string, Check>();
  const defaults: [string, unknown][] = [];
  for (const [key, property] of Object.entries(sheet['properties'] as Record<string, Record<string, unknown>>)) {
    const check = propertyCheck(property);
    if (!check) return undefined;
    checks.set(key, check);
    if (property['default'] !== undefined) defaults.push([key, property['default']]);
  }
  return { required: (sheet['required'] as string[] | undefined) ?? [], checks, defaults };
}

const FAST_CHECKS = new Map<SheetKey, FastCheck | undefined>(
  (Object.keys(LEDGER_SCHEMA.$defs) as SheetKey[]).map((key) => [key, fastCheckOf(LEDGER_SCHEMA.$defs[key] as unknown as Record<string, unknown>)]),
);

/**
 * True when the schema accepts the record; then the defaults have been applied. False means
 * "ask ajv" (the record is untouched).
 */
export function passesFastCheck(sheet: SheetKey, record: Record<string, unknown>): boolean {
  const fast = FAST_CHECKS.get(sheet);
  if (!fast) return false;
  for (const key of fast.required) if (record[key] === undefined) return false;
  for (const key in record) {
    const value = record[key];
    // An undefined property is absent, for ajv as here (records carry every header column).
    if (value === undefined) continue;
    const check = fast.checks.get(key);
    if (!check || !check(value)) return false;
  }
  applyDefaults(fast, record);
  return true;
}

function applyDefaults(fast: FastCheck, record: Record<string, unknown>): void {
  // A default object must not be shared between records; a number or string can be.
  for (const [key, value] of fast.defaults) if (record[key] === undefined) record[key] = typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

/**
 * The same check taken apart for a reader that builds records cell by cell: whether the schema
 * accepts a value in a column, which columns are required, and the defaults. A record all of
 * whose values are accepted, with every required column, passes; undefined: always ask ajv.
 */
export interface SheetCheck {
  required: readonly string[];
  accepts(key: string): Check | undefined;
  applyDefaults(record: Record<string, unknown>): void;
}

export function sheetCheck(sheet: SheetKey): SheetCheck | undefined {
  const fast = FAST_CHECKS.get(sheet);
  if (!fast) return undefined;
  return { required: fast.required, accepts: (key) => fast.checks.get(key), applyDefaults: (record) => applyDefaults(fast, record) };
}

/** Whether a sheet has a fast check at all (tests: the schema stays within what it restates). */
export function hasFastCheck(sheet: SheetKey): boolean {
  return FAST_CHECKS.get(sheet) !== undefined;
}
