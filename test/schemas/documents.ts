/**
 * Test documents for the schema validators: the real rules/ folder and the rule fixtures
 * (valid and broken), plus seeded mutations of each (a value of the wrong type, a key removed,
 * an unknown key added), so that every schema is exercised on both sides of every keyword.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarFilesOf, POLICY_FILE, ruleFiles } from '../../src/rules/files.js';
import type { DocumentSchemaName } from '../../src/schemas/names.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RULE_FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

export interface Doc {
  name: string;
  data: unknown;
}

/** The rules folders: the shipped one and every fixture set. */
function rulesFolders(): string[] {
  const fixtures = readdirSync(RULE_FIXTURES)
    .map((n) => join(RULE_FIXTURES, n))
    .filter((p) => statSync(p).isDirectory());
  return [join(ROOT, 'rules'), ...fixtures];
}

function parsed(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // the bad-json fixture: nothing for a schema to see
  }
}

/** The files of every rules folder that a schema validates, by schema. */
export function fileDocuments(): Record<DocumentSchemaName, Doc[]> {
  const out: Record<DocumentSchemaName, Doc[]> = { 'rule.schema.json': [], 'policy.schema.json': [], 'calendar.schema.json': [] };
  const add = (schema: DocumentSchemaName, dir: string, path: string) => {
    const data = parsed(join(dir, path));
    if (data !== undefined) out[schema].push({ name: `${dir.slice(ROOT.length + 1)}/${path}`, data });
  };
  for (const dir of rulesFolders()) {
    for (const path of ruleFiles(dir)) add('rule.schema.json', dir, path);
    for (const path of calendarFilesOf(dir)) add('calendar.schema.json', dir, path);
    try {
      statSync(join(dir, POLICY_FILE));
      add('policy.schema.json', dir, POLICY_FILE);
    } catch {
      // this set has no policy of its own
    }
  }
  return out;
}

type Path = (string | number)[];

function nodesOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => nodesOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodesOf(v, [...path, k], out);
  return out;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, seg) => (node as Record<string | number, unknown>)[seg], value);
}

/** Values of another kind than `value` (and some of the same kind that schemas tend to refuse). */
function replacements(value: unknown): unknown[] {
  if (typeof value === 'string') return [42, '', `${value}?`];
  if (typeof value === 'number') return [String(value), -1, 1.5];
  if (typeof value === 'boolean') return ['yes', 0];
  if (Array.isArray(value)) return [[], {}];
  if (value !== null && typeof value === 'object') return [{}, [], 'x'];
  return [0];
}

/** A copy of `doc` with the node at `path` replaced (or removed, when `to` is REMOVE). */
const REMOVE = Symbol('remove');
function edited(doc: unknown, path: Path, to: unknown): unknown {
  if (path.length === 0) return to;
  const copy = structuredClone(doc);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const last = path[path.length - 1]!;
  if (to !== REMOVE) (parent as Record<string | number, unknown>)[last] = to;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/**
 * Mutations of a document, at most `limit` of them, spread over its nodes: each visited node is
 * replaced by values of other kinds, removed, and (for objects) given an unknown key.
 */
export function mutations(doc: Doc, limit: number): Doc[] {
  const paths = nodesOf(doc.data);
  const out: Doc[] = [];
  const stride = Math.max(1, Math.ceil((paths.length * 5) / limit));
  for (let i = 0; i < paths.length && out.length < limit; i += stride) {
    const path = paths[i]!;
    const node = at(doc.data, path);
    const where = `/${path.join('/')}`;
    for (const value of replacements(node)) out.push({ name: `${doc.name} ${where} = ${JSON.stringify(value)}`, data: edited(doc.data, path, value) });
    if (path.length > 0) out.push({ name: `${doc.name} ${where} removed`, data: edited(doc.data, path, REMOVE) });
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      out.push({ name: `${doc.name} ${where} + unknown key`, data: edited(doc.data, path, { ...node, not_in_the_schema: 1 }) });
    }
  }
  return out.slice(0, limit);
}

/** A seeded generator (LCG), so a failure names the same documents every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Property = { type: string; enum?: string[]; minimum?: number; format?: string };

/** Cell values for a ledger property: right ones first, then ones the schema refuses. */
function cellValues(p: Property): unknown[] {
  const odd = [undefined, null, '', 'x', 0, -1, 1.5, true, [], {}, '2026-02-30'];
  if (p.enum) return [...p.enum, `${p.enum[0]}?`, ...odd];
  if (p.format === 'date') return ['2026-10-08', '2024-02-29', '2025-02-29', '26-10-08', ...odd];
  if (p.type === 'integer') return [1, 2, (p.minimum ?? 0) - 1, 2.5, '3', ...odd];
  if (p.type === 'number') return [0, 12.5, -3, '12', ...odd];
  if (p.type === 'boolean') return [true, false, 'true', 1, ...odd];
  return ['王芳', '𠀀', 'a', ...odd];
}

/** Seeded ledger records of one sheet: about half clean, half with wrong, missing or extra cells. */
export function ledgerRecords(sheet: { properties: Record<string, Property>; required: string[] }, seed: number, count: number): Record<string, unknown>[] {
  const random = rng(seed);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const clean = random() < 0.5;
    const record: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(sheet.properties)) {
      if (!sheet.required.includes(key) && random() < 0.4) continue;
      if (!clean && random() < 0.1) continue;
      const values = cellValues(property);
      const value = clean ? values[Math.floor(random() * 2)] : values[Math.floor(random() * values.length)];
      if (value !== undefined) record[key] = value;
    }
    if (!clean && random() < 0.1) record['unknown_column'] = 'x';
    records.push(record);
  }
  return records;
}
