/**
 * 人员汇总 By person: the findings that count by grade (with data bars), highest grade, sanction,
 * deduction, and the month's service figures (cases handled, 按期办结率, 满意率;
 * src/facts/service-figures.ts); then, apart, the findings that count for nothing (merged,
 * withdrawn, reported before). People with findings come first, most serious first; handlers
 * with none follow in ledger order.
 *
 * The data bars are written the way Excel 2010+ writes them: each bar's rule carries an
 * `<x14:id>` naming an entry of the sheet's `x14:conditionalFormattings` extension. exceljs
 * writes that pair only for a solid bar (gradient false) and only in its in-memory writer; its
 * streaming writer leaves the id empty with no entry, which Excel repairs or ignores. So a
 * report big enough to be streamed shows the plain counts without bars.
 */
import type ExcelJS from 'exceljs';
import type { AuditResult } from '../../audit/types.js';
import type { PersonService } from '../../facts/service-figures.js';
import type { PersonSummary } from '../../findings/types.js';
import { GRADES } from '../../grade-scale.js';
import { highestRank } from '../../grade/people.js';
import { columnLetter } from '../../ledger/column-letter.js';
import { compareText } from '../../text.js';
import { COLUMNS, gradeLabel, SHEET_NAMES } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type { BookSink, CellValue, SheetSink } from './book.js';
import type { PageHead } from './print.js';
import { gradeCell, RATE_FORMAT } from './style.js';
import { columnOf, inColumnOrder, openTable, tableColumns } from './table.js';

type Column = keyof typeof COLUMNS.people;

const WIDTHS: Record<Column, number> = {
  name: 10,
  reminder: 8,
  criticism: 9,
  notice: 9,
  deduction: 9,
  total: 6,
  highest: 10,
  sanction: 44,
  deductionYuan: 10,
  handled: 8,
  onTimeRate: 10,
  satisfactionRate: 8,
  merged: 8,
  withdrawn: 8,
  reportedBefore: 9,
};

const BAR_COLOUR = 'FF5B9BD5';

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

/** Cases handled and the two rates; blank for a person who handled no audited case. */
function serviceCells(s: PersonService | undefined): Pick<Record<Column, CellValue>, 'handled' | 'onTimeRate' | 'satisfactionRate'> {
  return { handled: s?.handled ?? '', onTimeRate: s?.onTimeRate ?? '', satisfactionRate: s?.satisfactionRate ?? '' };
}

/** Bars per grade column, so each column compares people on that grade alone. */
function addDataBars(sheet: SheetSink, rows: number): void {
  GRADES.forEach((g, i) => {
    const col = columnLetter(columnOf(COLUMNS.people, g));
    const rule = { type: 'dataBar', priority: i + 1, gradient: false, cfvo: [{ type: 'num', value: 0 }, { type: 'max' }], color: { argb: BAR_COLOUR } };
    sheet.ws.addConditionalFormatting({ ref: `${col}2:${col}${rows + 1}`, rules: [rule as ExcelJS.ConditionalFormattingRule] });
  });
}

function formatRates(row: ExcelJS.Row): void {
  for (const c of ['onTimeRate', 'satisfactionRate'] as const) row.getCell(columnOf(COLUMNS.people, c)).numFmt = RATE_FORMAT;
}

export async function writePeopleSheet(book: BookSink, result: AuditResult, o: RenderOptions, head?: PageHead): Promise<void> {
  const people = [...result.people].sort(byConcern);
  const service = new Map(result.service.people.map((s) => [s.name, s]));
  const withoutFindings = result.service.people.filter((s) => !people.some((p) => p.name === s.name));
  const rows = people.length + withoutFindings.length;
  const columns = tableColumns(COLUMNS.people, WIDTHS, ['name', 'sanction']);
  const sheet = await openTable(book, SHEET_NAMES.people[o.lang], columns, rows, o.lang, head ? { head } : {});
  if (rows > 0 && !book.streaming) addDataBars(sheet, rows);
  for (const p of people) {
    const counts = Object.fromEntries(GRADES.map((g) => [g, p.counts[g] ?? 0])) as Record<(typeof GRADES)[number], number>;
    const cells: Record<Column, CellValue> = {
      name: p.name,
      ...counts,
      total: GRADES.reduce((n, g) => n + counts[g], 0),
      highest: p.highest === null ? '' : gradeLabel(p.highest, o.lang),
      sanction: p.sanction?.[o.lang] ?? '',
      deductionYuan: p.deductionYuan,
      ...serviceCells(service.get(p.name)),
      merged: p.merged,
      withdrawn: p.withdrawn,
      reportedBefore: p.reportedBefore,
    };
    await sheet.add(inColumnOrder(COLUMNS.people, cells), (row) => {
      if (p.highest !== null) gradeCell(row.getCell(columnOf(COLUMNS.people, 'highest')), p.highest);
      formatRates(row);
    });
  }
  for (const s of withoutFindings) {
    const cells: Record<Column, CellValue> = {
      name: s.name,
      reminder: 0,
      criticism: 0,
      notice: 0,
      deduction: 0,
      total: 0,
      highest: '',
      sanction: '',
      deductionYuan: 0,
      ...serviceCells(s),
      merged: 0,
      withdrawn: 0,
      reportedBefore: 0,
    };
    await sheet.add(inColumnOrder(COLUMNS.people, cells), formatRates);
  }
}
