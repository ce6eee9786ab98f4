/**
/**
 * 人员汇总 By person: the findings that count by grade (with data bars), highest grade, sanction,
 * deduction, and the month's service figures (cases handled, 按期办结率, 满意率;
 * src/facts/service-figures.ts); then, apart, the findings that count for nothing (merged,
 * withdrawn, reported before). People with findings come first, most serious first; handlers
 * with none follow in ledger order.
 */
import type { AuditResult } from '../../audit/types.js';
import type { PersonService } from '../../facts/service-figures.js';
import type { PersonSummary } from '../../findings/types.js';
import { GRADES } from '../../grade-scale.js';
import { highestRank } from '../../grade/people.js';
import { COLUMNS, gradeLabel, SHEET_NAMES } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type ExcelJS from 'exceljs';
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
  handled: 10,
  onTimeRate: 12,
  satisfactionRate: 10,
  merged: 12,
  withdrawn: 12,
  reportedBefore: 14,
};

const RATE_FORMAT = '0.0%';
/** Columns of the two rates (1-based), after name, four grades, total, highest, sanction, deduction and handled. */
const RATE_COLUMNS = [11, 12];

/** Cases handled and the two rates; blank for a person who handled no audited case. */
function serviceCells(s: PersonService | undefined): (number | string)[] {
  return s ? [s.handled, s.onTimeRate ?? '', s.satisfactionRate ?? ''] : ['', '', ''];
}

const HIGHEST_COLUMN = 7;

/** Most serious first: highest grade, then deduction, then number of findings, then name. */
export function byConcern(a: PersonSummary, b: PersonSummary): number {
  const total = (p: PersonSummary) => GRADES.reduce((n, g) => n + (p.counts[g] ?? 0), 0);
  return (
    highestRank(b) - highestRank(a) ||
    b.deductionYuan - a.deductionYuan ||
    total(b) - total(a) ||
    compareText(a.name, b.name)
  );
}

export async function writePeopleSheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const people = [...result.people].sort(byConcern);
  const service = new Map(result.service.people.map((s) => [s.name, s]));
  const withoutFindings = result.service.people.filter((s) => !people.some((p) => p.name === s.name));
  const rows = people.length + withoutFindings.length;
  const sheet = await openTable(book, SHEET_NAMES.people[o.lang], tableColumns(COLUMNS.people, WIDTHS), rows, o.lang);
  if (rows > 0) {
    // Bars per grade column, so each column compares people on that grade alone.
    GRADES.forEach((_g, i) => {
      const col = String.fromCharCode(66 + i);
      sheet.ws.addConditionalFormatting({
        ref: `${col}2:${col}${rows + 1}`,
        rules: [{ type: 'dataBar', priority: i + 1, gradient: true, cfvo: [{ type: 'num', value: 0 }, { type: 'max' }], color: { argb: 'FF5B9BD5' } } as never],
      });
    });
  }
  for (const p of people) {
    const counts = GRADES.map((g) => p.counts[g] ?? 0);
    await sheet.add(
      [
        p.name,
        ...counts,
        counts.reduce((a, b) => a + b, 0),
        p.highest === null ? '' : gradeLabel(p.highest, o.lang),
        p.sanction?.[o.lang] ?? '',
        p.deductionYuan,
        ...serviceCells(service.get(p.name)),
        p.merged,
        p.withdrawn,
        p.reportedBefore,
      ],
      (row) => {
        if (p.highest !== null) row.getCell(HIGHEST_COLUMN).fill = solidFill(GRADE_FILLS[p.highest]);
        wrap(row, [8]);
        formatRates(row);
      },
    );
  }
  for (const s of withoutFindings) {
    await sheet.add([s.name, ...GRADES.map(() => 0), 0, '', '', 0, ...serviceCells(s), 0, 0, 0], formatRates);
  }
}

function formatRates(row: ExcelJS.Row): void {
  for (const c of RATE_COLUMNS) row.getCell(c).numFmt = RATE_FORMAT;
}
