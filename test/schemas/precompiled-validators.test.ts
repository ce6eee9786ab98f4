/**
 * The committed ajv standalone validators (src/schemas/generated/): they are what
 * `npm run validators` would write now, they answer exactly as ajv compiling the schema on the
 * spot does (same result, same errors down to the verbose fields, same defaults), a run takes
 * them only while the schema on disk is the one they came from, and taking them leaves ajv
 * itself unloaded.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { render } from '../../src/messages/catalogue.js';
import { describe, expect, it, vi } from 'vitest';
import { validateCalendarJson } from '../../src/calendar/schema.js';
import { documentAjv, ledgerAjv, sheetRef } from '../../src/schemas/ajv-instances.js';
import * as calendarModule from '../../src/schemas/generated/calendar.validator.js';
import * as ledgerModule from '../../src/schemas/generated/ledger.validator.js';
import * as policyModule from '../../src/schemas/generated/policy.validator.js';
import * as ruleModule from '../../src/schemas/generated/rule.validator.js';
import { DOCUMENT_SCHEMAS, LEDGER_SCHEMA_NAME, type DocumentSchemaName } from '../../src/schemas/names.js';
import { pickValidator, schemaSha256 } from '../../src/schemas/precompiled.js';
import { GENERATED_DIR, generateAllModules } from '../../src/schemas/standalone.js';
import { buildDocumentValidator, buildLedgerValidators, documentValidator, readSchemaText } from '../../src/schemas/validators.js';
import { fileDocuments, ledgerRecords, mutations, type Doc } from './documents.js';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const PRECOMPILED: Record<DocumentSchemaName, ValidateFunction> = {
  'rule.schema.json': ruleModule.validate,
  'policy.schema.json': policyModule.validate,
  'calendar.schema.json': calendarModule.validate,
};

/** The schema compiled now, as the fallback does, on an ajv of its own. */
function freshlyCompiled(name: DocumentSchemaName): ValidateFunction {
  return documentAjv().compile(JSON.parse(readSchemaText(name)) as AnySchemaObject);
}

interface Outcome {
  valid: boolean;
  errors: unknown;
  /** The document after validation (useDefaults writes into it). */
  data: unknown;
}

function run(validate: ValidateFunction, data: unknown): Outcome {
  const copy = structuredClone(data);
  const valid = validate(copy);
  return { valid, errors: structuredClone(validate.errors), data: copy };
}

/** The documents where the two validators disagree, with both answers (empty when they agree on all). */
function disagreements(a: ValidateFunction, b: ValidateFunction, docs: readonly Doc[]): { name: string; a: Outcome; b: Outcome }[] {
  const out = [];
  for (const doc of docs) {
    const [ra, rb] = [run(a, doc.data), run(b, doc.data)];
    if (!isDeepStrictEqual(ra, rb)) out.push({ name: doc.name, a: ra, b: rb });
  }
  return out.slice(0, 3);
}

describe('the generated files', () => {
  it('are what `npm run validators` writes from the schemas now (run it after editing a schema)', () => {
    const modules = generateAllModules();
    for (const module of modules) {
      const committed = readFileSync(join(GENERATED_DIR, module.file), 'utf8');
      expect(committed === module.text, `src/schemas/generated/${module.file} is stale: run npm run validators`).toBe(true);
    }
    expect(readdirSync(GENERATED_DIR).sort()).toEqual(modules.map((m) => m.file).sort());
  });

  it('carry the SHA-256 of the schema text they were generated from', () => {
    expect(ruleModule.schemaSha256).toBe(schemaSha256(readSchemaText('rule.schema.json')));
    expect(policyModule.schemaSha256).toBe(schemaSha256(readSchemaText('policy.schema.json')));
    expect(calendarModule.schemaSha256).toBe(schemaSha256(readSchemaText('calendar.schema.json')));
    expect(ledgerModule.schemaSha256).toBe(schemaSha256(readSchemaText(LEDGER_SCHEMA_NAME)));
  });

  it('regenerate identically (no timestamps, no machine paths)', () => {
    const [a, b] = [generateAllModules(), generateAllModules()];
    expect(a).toEqual(b);
    for (const m of a) expect(m.text).not.toContain(ROOT);
  });
});

describe('precompiled and freshly compiled validators answer alike', () => {
  const files = fileDocuments();

  it('the test documents cover every schema, valid and invalid', () => {
    expect(files['rule.schema.json'].length).toBeGreaterThan(40);
    expect(files['policy.schema.json'].length).toBeGreaterThan(1);
    expect(files['calendar.schema.json'].length).toBeGreaterThanOrEqual(3);
    const rule = PRECOMPILED['rule.schema.json'];
    const verdicts = files['rule.schema.json'].map((d) => rule(structuredClone(d.data)));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  for (const name of DOCUMENT_SCHEMAS) {
    it(`${name}: the rules files and the fixtures, as they are`, () => {
      const docs = files[name];
      expect(disagreements(PRECOMPILED[name], freshlyCompiled(name), docs)).toEqual([]);
    });

    it(`${name}: seeded mutations of them (every error, with schema, parentSchema and data)`, () => {
      const docs = files[name].flatMap((d) => mutations(d, name === 'rule.schema.json' ? 60 : 150));
      const precompiled = PRECOMPILED[name];
      expect(docs.length).toBeGreaterThan(100);
      const invalid = docs.filter((d) => !precompiled(structuredClone(d.data)));
      expect(invalid.length).toBeGreaterThan(docs.length / 3);
      // The verbose fields are there to compare, not undefined on both sides.
      precompiled(invalid[0]!.data);
      expect(precompiled.errors?.[0]).toHaveProperty('parentSchema');
      expect(disagreements(precompiled, freshlyCompiled(name), docs)).toEqual([]);
    });
  }

  it('ledger.schema.json: every sheet, on seeded records (errors and the defaults written into the record)', () => {
    const schema = JSON.parse(readSchemaText(LEDGER_SCHEMA_NAME)) as AnySchemaObject & { $id: string; $defs: Record<string, Parameters<typeof ledgerRecords>[0]> };
    const ajv = ledgerAjv(schema);
    const sheets = Object.keys(schema.$defs);
    expect(Object.keys(ledgerModule.validators).sort()).toEqual([...sheets].sort());
    let invalid = 0;
    sheets.forEach((sheet, i) => {
      const records = ledgerRecords(schema.$defs[sheet]!, i + 1, 400).map((data, n) => ({ name: `${sheet} #${n} ${JSON.stringify(data)}`, data }));
      const precompiled = ledgerModule.validators[sheet]!;
      invalid += records.filter((r) => !precompiled(structuredClone(r.data))).length;
      expect(disagreements(precompiled, ajv.getSchema(sheetRef(schema.$id, sheet))!, records), sheet).toEqual([]);
    });
    expect(invalid).toBeGreaterThan(sheets.length * 100);
  });
});

describe('pickValidator: the precompiled validator only for the schema text it came from', () => {
  const text = '{\n  "type": "object"\n}\n';
  const precompiled = { validate: 'precompiled', schemaSha256: schemaSha256(text) };

  it('takes the precompiled one, without compiling, when the text hashes the same', () => {
    const compile = vi.fn(() => 'compiled');
    expect(pickValidator(text, precompiled, compile)).toEqual({ validate: 'precompiled', origin: 'precompiled' });
    expect(compile).not.toHaveBeenCalled();
  });

  it('line endings do not count (a Windows checkout of the same schema)', () => {
    expect(pickValidator(text.replace(/\n/g, '\r\n'), precompiled, () => 'compiled').origin).toBe('precompiled');
  });

  it('compiles when the text differs at all, even in spacing', () => {
    expect(pickValidator(text.replace('  ', '    '), precompiled, () => 'compiled')).toEqual({ validate: 'compiled', origin: 'compiled' });
  });
});

describe('the run-time validators', () => {
  it('are the precompiled ones for the shipped schemas', () => {
    for (const name of DOCUMENT_SCHEMAS) {
      expect(documentValidator(name).origin, name).toBe('precompiled');
      expect(documentValidator(name).validate).toBe(PRECOMPILED[name]);
    }
    expect(buildLedgerValidators().origin).toBe('precompiled');
  });

  it('an edited document schema is compiled, and validates as edited', () => {
    const text = readSchemaText('calendar.schema.json');
    const schema = JSON.parse(text) as { properties: { year: { maximum: number } } };
    schema.properties.year.maximum = 2026;
    const edited = buildDocumentValidator('calendar.schema.json', JSON.stringify(schema, null, 2));
    expect(edited.origin).toBe('compiled');
    expect(edited.root).toEqual(schema);
    const year2027 = { year: 2027, source: 'test', holidays: [], workdays: [] };
    expect(PRECOMPILED['calendar.schema.json'](year2027)).toBe(true);
    expect(edited.validate(year2027)).toBe(false);
    expect(edited.validate.errors?.[0]).toMatchObject({ instancePath: '/year', keyword: 'maximum', params: { limit: 2026 } });
    // Compiled again after another edit under the same $id: no clash in the shared ajv.
    expect(buildDocumentValidator('calendar.schema.json', JSON.stringify(schema)).validate(year2027)).toBe(false);
  });

  it('an edited ledger schema is compiled, and validates as edited', () => {
    const schema = JSON.parse(readSchemaText(LEDGER_SCHEMA_NAME)) as { $defs: { staff: { required: string[] } } };
    schema.$defs.staff.required.push('phone');
    const edited = buildLedgerValidators(JSON.stringify(schema));
    expect(edited.origin).toBe('compiled');
    const staff = edited.bySheet.get('staff')!;
    expect(staff({ name: '王芳' })).toBe(false);
    expect(staff.errors?.[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'phone' } });
    expect(ledgerModule.validators['staff']!({ name: '王芳' })).toBe(true);
  });

  it('the precompiled path never loads ajv itself (a child process, so nothing else has loaded it)', () => {
    const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const script = join(ROOT, 'test', 'schemas', 'precompiled-only.ts');
    const out = JSON.parse(execFileSync(process.execPath, ['--import', loader, script], { cwd: ROOT, encoding: 'utf8' })) as {
      origins: string[];
      failures: boolean[];
      loaded: string[];
    };
    expect(out.origins).toEqual(['precompiled', 'precompiled', 'precompiled', 'precompiled']);
    expect(out.failures).toEqual([false, false, false]);
    expect(out.loaded).toEqual(['ajv-formats/dist/formats.js', 'ajv/dist/runtime/ucs2length.js']);
  });
});

describe('the calendar loader shares the all-errors validator', () => {
  it('its first error is the one an ajv stopping at the first error reports', () => {
    const { 'calendar.schema.json': calendars } = fileDocuments();
    const docs = calendars.flatMap((d) => mutations(d, 200));
    const firstOnly = (() => {
      const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      const addFormats = require('ajv-formats') as FormatsPlugin;
      const ajv = new Ajv2020({ strict: true, allErrors: false });
      addFormats(ajv);
      return ajv.compile(JSON.parse(readSchemaText('calendar.schema.json')) as AnySchemaObject);
    })();
    let invalid = 0;
    for (const doc of docs) {
      const problem = validateCalendarJson(structuredClone(doc.data));
      if (firstOnly(structuredClone(doc.data))) {
        expect(problem, doc.name).toBeUndefined();
        continue;
      }
      invalid += 1;
      const e = firstOnly.errors![0]!;
      const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : '';
      expect(problem?.pointer, doc.name).toBe(e.instancePath);
      expect(render(problem!.reason, 'en'), doc.name).toBe(`${e.message}${extra}`);
    }
    expect(invalid).toBeGreaterThan(100);
  });
});
