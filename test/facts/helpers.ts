/**
 * Builds Ledger objects in code for fact, evaluation and grading tests: each sheet's rows get
 * 1-based row numbers below a header row, and cases get sensible defaults so a test states
 * only what it is about.
 */
import type { AuditContext } from '../../src/facts/types.js';
import { loadCalendar } from '../../src/calendar/load.js';
import type { WorkCalendar } from '../../src/calendar/types.js';
import type { CaseRecord, DataIssue, Ledger, LedgerRow, RecordOf, SheetKey } from '../../src/ledger/types.js';

let calendar: WorkCalendar | undefined;
export function testCalendar(): WorkCalendar {
  calendar ??= loadCalendar();
  return calendar;
}

export type SheetInput = { [K in SheetKey]?: Partial<RecordOf[K]>[] };

let caseSeq = 0;
export function caseOf(fields: Partial<CaseRecord>): CaseRecord {
  caseSeq += 1;
  return {
    case_id: `SL-T-${String(caseSeq).padStart(4, '0')}`,
    received_on: '2026-10-12',
    applicant: '张三',
    item: '居住证办理',
    kind: '即办件',
    handler: '李敏',
    materials_complete: true,
    visits: 1,
    result: '办结',
    completed_on: fields.received_on ?? '2026-10-12',
    ...fields,
  };
}

/** Rows start at 2: row 1 is the header. */
function rowsOf<K extends SheetKey>(sheet: K, records: Partial<RecordOf[K]>[]): LedgerRow<K>[] {
  return records.map((record, i) => ({ sheet, row: i + 2, record: (sheet === 'cases' ? caseOf(record as Partial<CaseRecord>) : record) as RecordOf[K] }));
}

export function ledgerOf(input: SheetInput, dataIssues: DataIssue[] = [], file = '/tmp/城东社区-2026-10.xlsx'): Ledger {
  const sheets: Ledger['sheets'] = {};
  const keys = Object.keys(input) as SheetKey[];
  for (const key of keys) (sheets as Record<string, unknown>)[key] = rowsOf(key, input[key] as never[]);
  if (!sheets.cases) sheets.cases = [];
  return {
    source: { file, kind: 'xlsx', parts: [] },
    sheets,
    sheetNames: {},
    dataIssues,
    accounts: {},
  };
}

export function contextOf(ledger: Ledger, options: { period?: string; asOf?: string } = {}): AuditContext {
  return { ledger, calendar: testCalendar(), period: options.period ?? '2026-10', asOf: options.asOf ?? '2026-10-31' };
}

export function issue(sheet: SheetKey, row: number, code: DataIssue['code'], column = 'B'): DataIssue {
  return { file: '/tmp/x.xlsx', sheet, sheetName: sheet, row, column, header: '', value: 'x', code, message: 'bad' };
}
