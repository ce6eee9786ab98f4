/**
 * 汇总 Summary: what an inspector reads first — whose month, counts by grade (the findings that
 * count, then those that count for nothing), the people to act on, the 预警 counts, the center's
 * own findings, rules that did not run (left), counts by clause and the ledger rows read and set
 * aside (right). Two blocks side by side so that the sheet prints on at most
 * two A4 landscape pages; both are written row by row, as the streaming writer needs.
 */
import type ExcelJS from 'exceljs';
import type { AuditResult } from '../../audit/types.js';
import { WARNING_KINDS } from '../../audit/warnings.js';
import { countsToward, type Finding } from '../../findings/types.js';
import { GRADES, gradeRank, type Grade } from '../../grade-scale.js';
import { SHEET_KEYS } from '../../ledger/types.js';
import { compareClauses } from '../../rules/clauses.js';
import { compareText, type Lang } from '../../text.js';
import { COLUMNS, gradeLabel, ledgerSheetLabel, ruleNotRunText, SHEET_NAMES, text, WARNING_LABELS } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type { BookSink, CellValue } from './book.js';
import { byConcern } from './people-sheet.js';
import { printOptions, type PageHead } from './print.js';
import { BOLD_FONT, DATE_FORMAT, excelDate, gradeCell, headerCell, HEADING_FONT, LEFT_TOP, setColumnWidths, TITLE_FONT, WRAP_TOP } from './style.js';

/** One line of a block: its cells, what kind of line it is, and a cell showing a grade. */
interface Line {
  cells: CellValue[];
  kind?: 'heading' | 'header' | 'total';
  grade?: { at: number; grade: Grade };
  /** A cell holding a date (1-based within the block). */
  date?: number;
}

type Block = Line[];

/** Left block: columns A–E; a blank column; right block: G–J. */
const LEFT_WIDTHS = [18, 22, 44, 14, 8];
const GAP_WIDTH = 3;
const RIGHT_WIDTHS = [16, 8, 8, 12];
const RIGHT_FROM = LEFT_WIDTHS.length + 2;
/** Wrapped columns, 1-based in the sheet: the labels and names, the rule titles and the sanctions. */
const WRAPPED = [1, 2, 3];

function section(title: string, header: string[], body: Line[]): Block {
  return [{ cells: [title], kind: 'heading' }, { cells: header, kind: 'header' }, ...body, { cells: [] }];
}

function headLines(result: AuditResult, lang: Lang): Block {
  const period = result.periodInferred ? `${result.period}${lang === 'zh' ? '' : ' '}${text('periodInferred', lang)}` : result.period;
  return [
    { cells: [text('center', lang), result.center] },
    ...(result.district ? [{ cells: [text('district', lang), result.district] }] : []),
    { cells: [text('period', lang), period] },
    { cells: [text('asOf', lang), excelDate(result.asOf)], date: 2 },
    { cells: [] },
  ];
}

/** The statuses that count for nothing, named as 人员汇总's columns name them: 并入（不计）… */
const NOT_COUNTED = [
  ['merged', 'merged'],
  ['reported-before', 'reportedBefore'],
  ['withdrawn', 'withdrawn'],
] as const;

function gradeLines(result: AuditResult, lang: Lang): Block {
  const body: Line[] = GRADES.map((g) => ({ cells: [gradeLabel(g, lang), result.summary.byGrade[g] ?? 0], grade: { at: 1, grade: g } }));
  const s = result.summary.byStatus;
  body.push({ cells: [text('total', lang), s.counted + s.regraded], kind: 'total' });
  // Findings kept in the report that count for nothing (docs/grading.md).
  for (const [status, label] of NOT_COUNTED) body.push({ cells: [COLUMNS.people[label][lang], s[status]] });
  return section(text('byGrade', lang), [text('grade', lang), text('count', lang)], body);
}

function peopleLines(result: AuditResult, o: RenderOptions): Block {
  const lang = o.lang;
  const p = COLUMNS.people;
  const people = result.people.filter((person) => person.highest !== null).sort(byConcern);
  const body: Line[] = people.map((person) => ({
    cells: [person.name, gradeLabel(person.highest!, lang), person.sanction?.[lang] ?? '', person.deductionYuan, GRADES.reduce((n, g) => n + (person.counts[g] ?? 0), 0)],
    grade: { at: 2, grade: person.highest! },
  }));
  if (body.length === 0) body.push({ cells: [text('nobody', lang)] });
  return section(text('people', lang), [p.name[lang], p.highest[lang], p.sanction[lang], p.deductionYuan[lang], text('count', lang)], body);
}

/** The 预警 counts by kind: the state on as-of, graded no one. */
function warningLines(result: AuditResult, lang: Lang): Block {
  const body: Line[] = WARNING_KINDS.map((kind) => ({ cells: [WARNING_LABELS[kind][lang], result.summary.byWarning[kind]] }));
  return section(text('byWarning', lang), [COLUMNS.warnings.kind[lang], text('warningCount', lang)], body);
}

/** The center's own findings that count (subject kind center), one line per rule: clause, highest grade, rule, count. */
function centerLines(result: AuditResult, lang: Lang): Block {
  const byRule = new Map<string, Finding[]>();
  for (const f of result.findings) if (f.subject.kind === 'center' && countsToward(f)) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const groups = [...byRule.values()].sort((a, b) => compareClauses(a[0]!.clause, b[0]!.clause) || compareText(a[0]!.ruleId, b[0]!.ruleId));
  const body: Line[] = groups.map((fs) => {
    const highest = fs.reduce<Grade>((hi, f) => (gradeRank(f.grade) > gradeRank(hi) ? f.grade : hi), 'reminder');
    return { cells: [fs[0]!.clause, gradeLabel(highest, lang), fs[0]!.title[lang], fs.length], grade: { at: 2, grade: highest } };
  });
  if (body.length === 0) body.push({ cells: [text('nobody', lang)] });
  return section(text('centerFindings', lang), [text('clause', lang), text('highest', lang), text('rule', lang), text('count', lang)], body);
}

function notRunLines(result: AuditResult, lang: Lang): Block {
  const notRun = result.rules.filter((x) => !x.ran).sort((a, b) => compareClauses(a.clause, b.clause) || compareText(a.id, b.id));
  const body: Line[] = notRun.map((run) => ({ cells: [run.clause, run.title[lang], ruleNotRunText(run, lang) ?? ''] }));
  if (body.length === 0) body.push({ cells: [text('allRulesRan', lang)] });
  return section(text('rulesNotRun', lang), [text('clause', lang), text('rule', lang), COLUMNS.rules.reason[lang]], body);
}

function clauseLines(result: AuditResult, lang: Lang): Block {
  const clauses = Object.entries(result.summary.byClause).sort(([a], [b]) => compareClauses(a, b));
  const body: Line[] = clauses.map(([clause, count]) => ({ cells: [clause, count] }));
  return section(text('byClause', lang), [text('clause', lang), text('count', lang)], body);
}

function rowLines(result: AuditResult, lang: Lang): Block {
  const s = result.summary;
  const body: Line[] = [];
  for (const key of SHEET_KEYS) {
    const a = s.bySheet[key];
    if (a) body.push({ cells: [ledgerSheetLabel(key, lang), a.rowsRead, a.rowsEvaluated, a.rowsSetAside] });
  }
  body.push({ cells: [text('total', lang), s.rowsRead, s.rowsEvaluated, s.rowsSetAside], kind: 'total' });
  body.push({ cells: [text('dataIssues', lang), result.dataIssues.length] });
  return section(text('rows', lang), [text('sheet', lang), text('rowsRead', lang), text('rowsEvaluated', lang), text('rowsSetAside', lang)], body);
}

/** Styles the cells of one block's line, its first cell at column `from`. */
function styleLine(row: ExcelJS.Row, line: Line | undefined, from: number, width: number): void {
  if (!line) return;
  const cells = (n: number) => Array.from({ length: n }, (_, i) => row.getCell(from + i));
  if (line.kind === 'heading') row.getCell(from).font = HEADING_FONT;
  if (line.kind === 'header') {
    for (const cell of cells(Math.max(line.cells.length, 1))) headerCell(cell);
  }
  if (line.kind === 'total') for (const cell of cells(width)) cell.font = BOLD_FONT;
  if (line.grade) gradeCell(row.getCell(from + line.grade.at - 1), line.grade.grade);
  if (line.date) {
    const cell = row.getCell(from + line.date - 1);
    cell.numFmt = DATE_FORMAT;
    cell.alignment = LEFT_TOP;
  }
}

function padded(cells: CellValue[], width: number): CellValue[] {
  return [...cells, ...new Array<CellValue>(Math.max(0, width - cells.length)).fill(null)];
}

export async function writeSummarySheet(book: BookSink, result: AuditResult, o: RenderOptions, head?: PageHead): Promise<void> {
  const lang = o.lang;
  const sheet = book.addSheet(SHEET_NAMES.summary[lang], printOptions(head));
  setColumnWidths(sheet.ws, [...LEFT_WIDTHS, GAP_WIDTH, ...RIGHT_WIDTHS]);

  await sheet.add([text('reportTitle', lang)], (row) => (row.getCell(1).font = TITLE_FONT));
  for (const line of headLines(result, lang)) {
    await sheet.add(line.cells, (row) => {
      styleLine(row, line, 1, LEFT_WIDTHS.length);
      row.getCell(1).font = BOLD_FONT;
    });
  }

  const left = [...gradeLines(result, lang), ...peopleLines(result, o), ...warningLines(result, lang), ...centerLines(result, lang), ...notRunLines(result, lang)];
  const right = [...clauseLines(result, lang), ...rowLines(result, lang)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i];
    const r = right[i];
    const values = [...padded(l?.cells ?? [], LEFT_WIDTHS.length), null, ...(r?.cells ?? [])];
    await sheet.add(values, (row) => {
      for (const c of WRAPPED) if (l && l.kind !== 'heading') row.getCell(c).alignment = WRAP_TOP;
      styleLine(row, l, 1, LEFT_WIDTHS.length);
      styleLine(row, r, RIGHT_FROM, RIGHT_WIDTHS.length);
    });
  }
}
