/**
 * The ledger schema's `date` format (src/schemas/ledger-formats.ts, the tool's one date check
 * src/iso-date.ts) is ajv-formats' full `date` written without a regular expression: it must
 * answer as ajv-formats does, alone and inside the ledger validators, except that it refuses
 * the years 0000–0099, which the calendar's arithmetic cannot place.
 */
import { createRequire } from 'node:module';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { LEDGER_ANNOTATION_KEYWORDS, LEDGER_OPTIONS, recordGateSchema, sheetRef } from '../../src/schemas/ajv-instances.js';
import * as ledgerModule from '../../src/schemas/generated/ledger.validator.js';
import { isIsoDate } from '../../src/iso-date.js';
import { LEDGER_SCHEMA_NAME, readSchemaText } from '../../src/schemas/names.js';
import { ledgerRecords } from './documents.js';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: { date: { validate: (text: string) => boolean } } };
const ajvFormatsDate = fullFormats.date.validate;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isIsoDate', () => {
  it('answers as ajv-formats on every month and day number of 1600–2400 (leap centuries included)', () => {
    const disagreements: string[] = [];
    for (let year = 1600; year <= 2400; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (isIsoDate(text) !== ajvFormatsDate(text)) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('answers as ajv-formats on texts that are not YYYY-MM-DD', () => {
    const texts = [
      '', '2026-10-0', '2026-10-001', '2026-1-08', '26-10-08', '2026/10/08', '2026.10.08', '2026-10-08 ',
      ' 2026-10-08', '2026-10-08\n', '2026-10-08T00:00:00Z', '+2026-10-08', '-2026-10-08', '2026-10--8', '2026--10-8',
      '２０２６-10-08', '2026-１0-08', '٢٠٢٦-10-08', '2026-10-0８', 'abcd-ef-gh', '2026-1a-08', '0100-01-01', '9999-12-31',
      '0400-02-29', '2026-10-08x', '20261008', '2026-10-08'.replace('-', '\u2010'),
    ];
    for (const text of texts) expect(isIsoDate(text), JSON.stringify(text)).toBe(ajvFormatsDate(text));
  });

  it('refuses every date of the years 0000–0099, which ajv-formats takes (kept from the calendar’s isIsoDate: Date.UTC reads them as 19xx)', () => {
    let taken = 0;
    for (let year = 0; year <= 99; year++) {
      for (const monthDay of ['01-01', '02-28', '02-29', '12-31']) {
        const text = `${pad(year, 4)}-${monthDay}`;
        if (isIsoDate(text)) taken++;
        if (monthDay !== '02-29' || year % 4 === 0) expect(ajvFormatsDate(text), text).toBe(true);
      }
    }
    expect(taken).toBe(0);
    expect(isIsoDate('0100-01-01')).toBe(true);
  });
});

describe('the ledger validators with isIsoDate', () => {
  it('give the result and errors of the ledger schema compiled with ajv-formats’ date, on seeded records', () => {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as FormatsPlugin;
    const schema = JSON.parse(readSchemaText(LEDGER_SCHEMA_NAME)) as AnySchemaObject & { $id: string; $defs: Record<string, Parameters<typeof ledgerRecords>[0]> };
    const reference = new Ajv2020(LEDGER_OPTIONS);
    addFormats(reference, ['date']);
    for (const keyword of LEDGER_ANNOTATION_KEYWORDS) reference.addKeyword({ keyword, schemaType: ['string', 'object'] });
    // As the record gate checks it: without additionalProperties (ajv-instances.ts, recordGateSchema).
    reference.addSchema(recordGateSchema(schema));
    let badDates = 0;
    Object.keys(schema.$defs).forEach((sheet, i) => {
      const expected = reference.getSchema(sheetRef(schema.$id, sheet)) as ValidateFunction;
      const actual = ledgerModule.validators[sheet]!;
      for (const record of ledgerRecords(schema.$defs[sheet]!, 100 + i, 400)) {
        const [a, b] = [structuredClone(record), structuredClone(record)];
        const ok = actual(a);
        expect(ok, `${sheet} ${JSON.stringify(record)}`).toBe(expected(b));
        expect(actual.errors ?? null).toEqual(expected.errors ?? null);
        expect(a).toEqual(b);
        badDates += (actual.errors ?? []).filter((e) => e.keyword === 'format').length;
      }
    });
    expect(badDates).toBeGreaterThan(50);
  });
});
