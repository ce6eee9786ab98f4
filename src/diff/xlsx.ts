/**
 * The rule diff as a workbook: 新增 / 移除 / 等级变化 (one row per finding, grades coloured),
 * 按规则 and 按人员 (counts). Same look as the audit report (report/xlsx); the workbook is dated
 * from the audits' as-of so the same diff gives the same file.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Grade } from '../grade-scale.js';
import { gradeLabel, ledgerSheetLabel, statusText } from '../report/labels.js';
import type { Lang, Localized } from '../text.js';
import { memoryBook, type BookSink, type CellValue } from '../report/xlsx/book.js';
import { excelDate, formatDates, GRADE_FILLS, solidFill, wrap } from '../report/xlsx/style.js';
import { openTable, type TableColumn } from '../report/xlsx/table.js';
import { CHANGE_LABELS, DIFF_SHEET_NAMES, DIFF_TEXT, type DiffTextKey } from './labels.js';
import { CHANGE_KINDS, type ChangeKind, type DiffResult, type FindingChange } from './types.js';

const col = (key: DiffTextKey, width: number): TableColumn => ({ label: DIFF_TEXT[key], width });
const countCols = (): TableColumn[] => CHANGE_KINDS.map((k) => ({ label: CHANGE_LABELS[k], width: 10 }));

const CHANGE_COLUMNS: TableColumn[] = [
  col('id', 16), col('clause', 16), col('rule', 24), col('title', 28), col('subject', 12), col('center', 20), col('period', 9),
  col('sheet', 10), col('row', 6), col('record', 18), col('date', 11), col('message', 50),
  col('oldBase', 10), col('oldGrade', 10), col('newBase', 10), col('newGrade', 10), col('oldStatus', 20), col('newStatus', 20),
];
/** 1-based columns of the date and the four grades in CHANGE_COLUMNS. */
const DATE_COL = 11;
const MESSAGE_COL = 12;
const GRADE_COLS = [13, 14, 15, 16];

function changeValues(c: FindingChange, lang: Lang): CellValue[] {
  const g = (grade: Grade | undefined) => (grade ? gradeLabel(grade, lang) : '');
  return [
    c.id, c.clause, c.ruleId, c.title[lang], c.subject.name, c.center, c.period,
    ledgerSheetLabel(c.ref.sheet, lang), c.ref.row, c.ref.key, excelDate(c.date), c.message[lang],
    g(c.before?.baseGrade), g(c.before?.grade), g(c.after?.baseGrade), g(c.after?.grade),
    c.before ? statusText(c.before, lang) : '', c.after ? statusText(c.after, lang) : '',
  ];
}

async function writeChangeSheet(book: BookSink, d: DiffResult, kind: ChangeKind, lang: Lang): Promise<void> {
  const rows = d.changes.filter((c) => c.kind === kind);
  const sheet = await openTable(book, DIFF_SHEET_NAMES[kind][lang], CHANGE_COLUMNS, rows.length, lang);
  for (const c of rows) {
    const grades = [c.before?.baseGrade, c.before?.grade, c.after?.baseGrade, c.after?.grade];
    await sheet.add(changeValues(c, lang), (row) => {
      formatDates(row, [DATE_COL]);
      wrap(row, [MESSAGE_COL]);
      GRADE_COLS.forEach((column, i) => {
        const grade = grades[i];
        if (grade) row.getCell(column).fill = solidFill(GRADE_FILLS[grade]);
      });
    });
  }
}

async function writeCountSheet(book: BookSink, name: Localized, columns: TableColumn[], rows: CellValue[][], lang: Lang): Promise<void> {
  const sheet = await openTable(book, name[lang], columns, rows.length, lang);
  for (const values of rows) await sheet.add(values);
}

export async function writeDiffXlsx(d: DiffResult, file: string, lang: Lang): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const asOf = d.workbooks[0]?.asOf;
  const created = asOf ? excelDate(asOf) : new Date(0);
  const book = memoryBook(file, { creator: 'duty-audit', created: created instanceof Date ? created : new Date(0), lang });
  for (const kind of CHANGE_KINDS) await writeChangeSheet(book, d, kind, lang);
  const counts = (c: Record<ChangeKind, number>) => CHANGE_KINDS.map((k) => c[k]);
  await writeCountSheet(book, DIFF_SHEET_NAMES.byRule, [col('rule', 24), col('clause', 16), col('title', 30), ...countCols()],
    d.byRule.map((r) => [r.ruleId, r.clause, r.title[lang], ...counts(r)]), lang);
  const kindWord = (k: 'staff' | 'center') => DIFF_TEXT[k === 'staff' ? 'staffKind' : 'centerKind'][lang];
  await writeCountSheet(book, DIFF_SHEET_NAMES.byPerson, [col('center', 22), col('subject', 14), col('kind', 8), ...countCols()],
    d.byPerson.map((p) => [p.center, p.subject.name, kindWord(p.subject.kind), ...counts(p)]), lang);
  await book.close();
}
