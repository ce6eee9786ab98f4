/** 规则 Rules: every rule with clause, version, hits, and whether it ran (and why not). */
import type { AuditResult } from '../../audit/types.js';
import { COLUMNS, ruleNotRunText, ruleRunNote, SHEET_NAMES, yesNo } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import { fillRow } from './style.js';
import { openTable, tableColumns } from './table.js';

const WIDTHS: Record<keyof typeof COLUMNS.rules, number> = {
  id: 28,
  clause: 18,
  title: 36,
  version: 8,
  hits: 8,
  ran: 8,
  reason: 36,
};

const NOT_RUN_FILL = 'FFEDEDED';

export async function writeRulesSheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const sheet = await openTable(book, SHEET_NAMES.rules[o.lang], tableColumns(COLUMNS.rules, WIDTHS), result.rules.length, o.lang);
  for (const r of result.rules) {
    await sheet.add([r.id, r.clause, r.title[o.lang], r.version, r.hits, yesNo(r.ran, o.lang), ruleNotRunText(r, o.lang) ?? ruleRunNote(r, o.lang) ?? ''], (row) => {
      if (!r.ran) fillRow(row, 7, NOT_RUN_FILL);
    });
  }
}
