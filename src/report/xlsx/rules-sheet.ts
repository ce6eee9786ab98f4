/**
 * 规则 Rules: every rule with clause, title, version, hits, and whether it ran (and why not), in
 * the one clause order; the rule's id follows in an end column, on screen only.
 */
import type { AuditResult } from '../../audit/types.js';
import { compareClauses } from '../../rules/clauses.js';
import { compareText } from '../../text.js';
import { COLUMNS, PRINTED_COLUMNS, ruleNotRunText, ruleRunNote, SHEET_NAMES, yesNo } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import type { PageHead } from './print.js';
import { fillRow, MUTED_FILL } from './style.js';
import { inColumnOrder, openTable, tableColumns } from './table.js';

type Column = keyof typeof COLUMNS.rules;

const WIDTHS: Record<Column, number> = {
  clause: 14,
  title: 34,
  version: 6,
  hits: 7,
  ran: 7,
  reason: 40,
  id: 28,
};

const WRAPPED: Column[] = ['clause', 'title', 'reason'];

export async function writeRulesSheet(book: BookSink, result: AuditResult, o: RenderOptions, head?: PageHead): Promise<void> {
  const columns = tableColumns(COLUMNS.rules, WIDTHS, WRAPPED);
  const sheet = await openTable(book, SHEET_NAMES.rules[o.lang], columns, result.rules.length, o.lang, {
    printed: PRINTED_COLUMNS.rules,
    ...(head ? { head } : {}),
  });
  const rules = [...result.rules].sort((a, b) => compareClauses(a.clause, b.clause) || compareText(a.id, b.id));
  for (const r of rules) {
    const cells = {
      clause: r.clause,
      title: r.title[o.lang],
      version: r.version,
      hits: r.hits,
      ran: yesNo(r.ran, o.lang),
      reason: ruleNotRunText(r, o.lang) ?? ruleRunNote(r, o.lang) ?? '',
      id: r.id,
    };
    await sheet.add(inColumnOrder(COLUMNS.rules, cells), (row) => {
      if (!r.ran) fillRow(row, PRINTED_COLUMNS.rules, MUTED_FILL);
    });
  }
}
