/**
 * Run in a child process by precompiled-validators.test.ts: builds every validator from the
 * unedited schemas, uses them, and prints which ajv modules Node loaded on the way.
 */
import { createRequire } from 'node:module';
import { DOCUMENT_SCHEMAS } from '../../src/schemas/names.js';
import { buildLedgerValidators, documentValidator } from '../../src/schemas/validators.js';

const origins = DOCUMENT_SCHEMAS.map((name) => documentValidator(name).origin);
const ledger = buildLedgerValidators();
origins.push(ledger.origin);
const failures = [
  documentValidator('rule.schema.json').validate({ id: 5 }),
  documentValidator('calendar.schema.json').validate({ year: 2026, holidays: [{ from: '2026-02-30' }] }),
  ledger.bySheet.get('cases')!({ received_on: '2026-02-30' }),
];
const loaded = Object.keys(createRequire(import.meta.url).cache)
  .filter((path) => /[\\/]node_modules[\\/]ajv(-formats)?[\\/]/.test(path))
  .map((path) => path.replace(/^.*[\\/]node_modules[\\/]/, '').replace(/\\/g, '/'))
  .sort();
console.log(JSON.stringify({ origins, failures, loaded }));
