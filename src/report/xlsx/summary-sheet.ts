/**
 * 汇总 Summary: what an inspector reads first — whose month, counts by grade and by clause,
 * the people to act on, how many ledger rows were read and set aside, rules that did not run.
 */
import type { AuditResult } from '../../audit/types.js';
import { GRADES } from '../../grade-scale.js';
import { SHEET_KEYS } from '../../ledger/types.js';
import { COLUMNS, gradeLabel, ledgerSheetLabel, ruleNotRunText, SHEET_NAMES, STATUS_LABELS, text, WARNING_LABELS } from '../labels.js';
import { WARNING_KINDS } from '../../audit/warnings.js';
import type { Lang } from '../../text.js';
import type { RenderOptions } from '../render.js';
import type { BookSink, SheetSink } from './book.js';
import { byConcern } from './people-sheet.js';
import { DATE_FORMAT, excelDate, GRADE_FILLS, solidFill, styleHeader, styleHeading } from './style.js';

async function section(sheet: SheetSink, title: string, header: string[]): Promise<void> {
  await sheet.add([]);
  await sheet.add([title], styleHeading);
  await sheet.add(header, styleHeader);
}

async function writeHead(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  await sheet.add([text('reportTitle', lang)], (row) => (row.font = { bold: true, size: 14 }));
  await sheet.add([text('center', lang), result.center]);
  if (result.district) await sheet.add([text('district', lang), result.district]);
  await sheet.add([text('period', lang), result.period, result.periodInferred ? text('periodInferred', lang) : '']);
  await sheet.add([text('asOf', lang), excelDate(result.asOf)], (row) => (row.getCell(2).numFmt = DATE_FORMAT));
}

async function writeGrades(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  await section(sheet, text('byGrade', lang), [text('grade', lang), text('count', lang)]);
  for (const g of GRADES) {
    await sheet.add([gradeLabel(g, lang), result.summary.byGrade[g] ?? 0], (row) => (row.getCell(1).fill = solidFill(GRADE_FILLS[g])));
  }
  const s = result.summary;
  await sheet.add([text('total', lang), s.byStatus.counted + s.byStatus.regraded], (row) => (row.font = { bold: true }));
  // Findings kept in the report that count for nothing (docs/grading.md).
  for (const status of ['merged', 'reported-before', 'withdrawn'] as const) {
    await sheet.add([`${text('notCounted', lang)} · ${STATUS_LABELS[status][lang]}`, s.byStatus[status]]);
  }
}

/** The 预警 counts by kind: the state on as-of, graded no one. */
async function writeWarnings(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  await section(sheet, text('byWarning', lang), [text('warnings', lang), text('count', lang)]);
  for (const kind of WARNING_KINDS) await sheet.add([WARNING_LABELS[kind][lang], result.summary.byWarning[kind]]);
}

async function writeClauses(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  await section(sheet, text('byClause', lang), [text('clause', lang), text('count', lang)]);
  for (const [clause, count] of Object.entries(result.summary.byClause)) await sheet.add([clause, count]);
}

async function writePeople(sheet: SheetSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const lang = o.lang;
  const p = COLUMNS.people;
  await section(sheet, text('people', lang), [p.name[lang], p.highest[lang], p.sanction[lang], p.deductionYuan[lang], p.total[lang]]);
  const people = result.people.filter((p) => p.highest !== null).sort(byConcern);
  if (people.length === 0) await sheet.add([text('nobody', lang)]);
  for (const person of people) {
    const total = GRADES.reduce((n, g) => n + (person.counts[g] ?? 0), 0);
    const highest = person.highest!;
    await sheet.add([person.name, gradeLabel(highest, lang), person.sanction?.[lang] ?? '', person.deductionYuan, total], (row) => {
      row.getCell(2).fill = solidFill(GRADE_FILLS[highest]);
    });
  }
}

async function writeRows(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  const s = result.summary;
  await section(sheet, text('rows', lang), [text('sheet', lang), text('rowsRead', lang), text('rowsEvaluated', lang), text('rowsSetAside', lang)]);
  for (const key of SHEET_KEYS) {
    const a = s.bySheet[key];
    if (a) await sheet.add([ledgerSheetLabel(key, lang), a.rowsRead, a.rowsEvaluated, a.rowsSetAside]);
  }
  await sheet.add([text('total', lang), s.rowsRead, s.rowsEvaluated, s.rowsSetAside], (row) => (row.font = { bold: true }));
  await sheet.add([text('dataIssues', lang), result.dataIssues.length]);
}

async function writeRulesNotRun(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  const r = COLUMNS.rules;
  await section(sheet, text('rulesNotRun', lang), [r.id[lang], r.clause[lang], r.reason[lang]]);
  const notRun = result.rules.filter((x) => !x.ran);
  if (notRun.length === 0) await sheet.add([text('allRulesRan', lang)]);
  for (const run of notRun) await sheet.add([run.id, run.clause, ruleNotRunText(run, lang) ?? '']);
}

export async function writeSummarySheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const sheet = book.addSheet(SHEET_NAMES.summary[o.lang], {});
  sheet.ws.columns = [{ width: 26 }, { width: 18 }, { width: 40 }, { width: 16 }, { width: 10 }];
  await writeHead(sheet, result, o.lang);
  await writeGrades(sheet, result, o.lang);
  await writeClauses(sheet, result, o.lang);
  await writePeople(sheet, result, o);
  await writeWarnings(sheet, result, o.lang);
  await writeRows(sheet, result, o.lang);
  await writeRulesNotRun(sheet, result, o.lang);
}
