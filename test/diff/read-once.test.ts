/** rules diff reads each workbook once and audits it twice (audit's `ledger` option). */
import { describe, expect, it, vi } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { diffRuleSets } from '../../src/diff/diff.js';
import * as readModule from '../../src/ledger/read-ledger.js';
import { DEFAULT_RULES_DIR } from '../../src/paths.js';
import { copyRules, SAMPLE } from './helpers.js';

vi.mock('../../src/ledger/read-ledger.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ledger/read-ledger.js')>();
  return { ...original, readLedger: vi.fn(original.readLedger) };
});

describe('diffRuleSets', () => {
  it('reads each workbook once for both rule sets', async () => {
    const readLedger = vi.mocked(readModule.readLedger);
    readLedger.mockClear();
    const diff = await diffRuleSets(DEFAULT_RULES_DIR, copyRules(), [SAMPLE, SAMPLE]);
    expect(readLedger).toHaveBeenCalledTimes(2);
    expect(diff.workbooks).toHaveLength(2);
  });

  it('(the counter sees audit’s own reads: without a ledger, audit reads the workbook itself)', async () => {
    const readLedger = vi.mocked(readModule.readLedger);
    readLedger.mockClear();
    await audit(SAMPLE);
    expect(readLedger).toHaveBeenCalledTimes(1);
  });
});
