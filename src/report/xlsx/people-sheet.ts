/** 人员汇总 By person: counts by grade (with data bars), highest grade, sanction, deduction. */
import type { AuditResult } from '../../audit/types.js';
import type { PersonSummary } from '../../findings/types.js';
import { GRADES, gradeRank } from '../../grade-scale.js';
import { COLUMNS, gradeLabel, SHEET_NAMES } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import { GRADE_FILLS, solidFill, wrap } from './style.js';
import { openTable, tableColumns } from './table.js';
import { compareText } from '../../text.js';

const WIDTHS: Record<keyof typeof COLUMNS.people, number> = {
  name: 14,
  reminder: 10,
  criticism: 10,
  notice: 10,
  deduction: 10,
  total: 8,
  highest: 12,
  sanction: 36,
  deductionYuan: 14,
};

const HIGHEST_COLUMN = 7;

/** Most serious first: highest grade, then deduction, then number of findings, then name. */
export function byConcern(a: PersonSummary, b: PersonSummary): number {
  const total = (p: PersonSummary) => GRADES.reduce((n, g) => n + (p.counts[g] ?? 0), 0);
  return (
    gradeRank(b.highest) - gradeRank(a.highest) ||
    b.deductionYuan - a.deductionYuan ||
    total(b) - total(a) ||
    compareText(a.name, b.name)
  );
}

export async function writePeopleSheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const people = [...result.people].sort(byConcern);
  const sheet = await openTable(book, SHEET_NAMES.people[o.lang], tableColumns(COLUMNS.people, WIDTHS), people.length, o.lang);
  if (people.length > 0) {
    // Bars per grade column, so each column compares people on that grade alone.
    GRADES.forEach((_g, i) => {
      const col = String.fromCharCode(66 + i);
      sheet.ws.addConditionalFormatting({
        ref: `${col}2:${col}${people.length + 1}`,
        rules: [{ type: 'dataBar', priority: i + 1, gradient: true, cfvo: [{ type: 'num', value: 0 }, { type: 'max' }], color: { argb: 'FF5B9BD5' } } as never],
      });
    });
  }
  for (const p of people) {
    const counts = GRADES.map((g) => p.counts[g] ?? 0);
    await sheet.add(
      [p.name, ...counts, counts.reduce((a, b) => a + b, 0), gradeLabel(p.highest, o.lang), p.sanction[o.lang], p.deductionYuan],
      (row) => {
        row.getCell(HIGHEST_COLUMN).fill = solidFill(GRADE_FILLS[p.highest]);
        wrap(row, [8]);
      },
    );
  }
}
