/** The fact catalogue a reviewer reads (`duty-audit facts`) and the validator checks rules against. */
import { describe, expect, it } from 'vitest';
import { FACTS, factsForScope, findFact, SCOPES } from '../../src/facts/catalogue.js';
import { SHEETS } from '../../src/ledger/columns.js';

describe('fact catalogue', () => {
  it('has every column of each scope sheet as a column fact', () => {
    const scopeOf = { cases: 'case', complaints: 'complaint', attendance: 'attendance', staff: 'staff', items: 'item', center: 'center', other: 'other' } as const;
    for (const [sheet, scope] of Object.entries(scopeOf)) {
      const columns = SHEETS.find((s) => s.key === sheet)!.columns.map((c) => c.key);
      for (const column of columns) expect(findFact(scope, column)?.origin, `${scope}.${column}`).toBe('column');
    }
  });

  it('has every derived fact of the architecture table', () => {
    const derived: Record<string, string[]> = {
      case: ['deadline', 'overdue_days', 'is_open', 'completed_same_day', 'notice_delay', 'result_notice_delay', 'result_notice_missing', 'statutory_days', 'fee_status', 'fee_standard'],
      complaint: ['missing_fields'],
      attendance: ['handover_exists'],
      staff: ['on_board', 'handled_count', 'error_count', 'is_handler'],
      item: ['handled_count', 'listed', 'undisclosed'],
      other: ['suggested_grade'],
      ledger: ['sheet', 'sheet_name', 'issue_count', 'rows', 'codes'],
    };
    for (const [scope, names] of Object.entries(derived)) {
      for (const name of names) expect(findFact(scope as never, name)?.origin, `${scope}.${name}`).toBe('derived');
    }
  });

  it('describes every fact in both languages and names no fact twice in a scope', () => {
    for (const f of FACTS) {
      expect(f.description.zh.length, f.name).toBeGreaterThan(2);
      expect(f.description.en.length, f.name).toBeGreaterThan(2);
    }
    for (const scope of SCOPES) {
      const names = factsForScope(scope).map((f) => f.name);
      expect(new Set(names).size, scope).toBe(names.length);
    }
  });

  it('types follow the ledger schema', () => {
    expect(findFact('case', 'received_on')?.type).toBe('date');
    expect(findFact('case', 'visits')?.type).toBe('number');
    expect(findFact('case', 'materials_complete')?.type).toBe('boolean');
    expect(findFact('case', 'kind')?.type).toBe('string');
    expect(findFact('complaint', 'missing_fields')?.type).toBe('string[]');
    expect(findFact('ledger', 'rows')?.type).toBe('number[]');
  });

  it('names the extra sheets a fact reads, so rules using it are turned off when they are absent', () => {
    expect(findFact('case', 'fee_status')?.sheets).toEqual(['items']);
    expect(findFact('case', 'overdue_days')?.sheets).toEqual([]);
    expect(findFact('attendance', 'handover_exists')?.sheets).toEqual(['handovers']);
    expect(findFact('staff', 'badge')?.sheets).toEqual(['staff']);
    expect(findFact('staff', 'name')?.sheets).toEqual([]);
    expect(findFact('staff', 'error_count')?.sheets).toEqual([]);
    expect(findFact('item', 'undisclosed')?.sheets).toEqual(['items']);
    expect(findFact('case', 'handler')?.sheets).toEqual([]);
  });

  it('findFact is scoped', () => {
    expect(findFact('case', 'missing_fields')).toBeUndefined();
    expect(findFact('complaint', 'missing_fields')).toBeDefined();
  });
});
