/**
 * The data issue catalogue (frictionless style): every code a ledger cell or row can be set
 * aside with, its title, what it means, and a message template in Chinese and English, so a
 * report renders issues in either language from the issue's fields. The location (file, sheet,
 * row, column) lives in the issue's fields, not in the message.
 *
 * Template fields: {header} {value} {sheetName} {row} {column} and the issue's `params`.
 */
import { fillTemplate, type Lang } from '../text.js';
import type { DataIssue, DataIssueCode } from './types.js';

export interface IssueType {
  code: DataIssueCode;
  title: Record<Lang, string>;
  description: string;
  message: Record<Lang, string>;
}

type Catalogue = { [C in DataIssueCode]: Omit<IssueType, 'code'> };

const CATALOGUE: Catalogue = {
  'bad-date': {
    title: { zh: '日期无法识别', en: 'Bad date' },
    description: 'A date cell holds something that is not a real calendar day in a known form.',
    message: {
      zh: '{header}“{value}”不是有效日期；请写成 2026-10-03 或使用日期格式单元格',
      en: '{header} "{value}" is not a date; write it as 2026-10-03 or use a date cell',
    },
  },
  'bad-boolean': {
    title: { zh: '是否值无法识别', en: 'Bad yes/no value' },
    description: 'A yes/no cell holds something other than 是/否, Y/N, yes/no, true/false, 1/0, √/×.',
    message: { zh: '{header}“{value}”不是是/否；请填“是”或“否”', en: '{header} "{value}" is not yes/no; write 是 or 否' },
  },
  'bad-number': {
    title: { zh: '数字无法识别', en: 'Bad number' },
    description: 'An amount cell holds something that is not a number (1200, 1,200, 1200元 and ¥1200 are read).',
    message: { zh: '{header}“{value}”不是数字', en: '{header} "{value}" is not a number' },
  },
  'bad-integer': {
    title: { zh: '整数无法识别', en: 'Bad whole number' },
    description: 'A count or day-limit cell holds a fraction or something that is not a number.',
    message: { zh: '{header}“{value}”不是整数', en: '{header} "{value}" is not a whole number' },
  },
  'bad-enum': {
    title: { zh: '取值不在列表中', en: 'Value not in list' },
    description: 'A cell with a fixed list of values holds something else.',
    message: { zh: '{header}“{value}”不在可选值中：{allowed}', en: '{header} "{value}" is not one of: {allowed}' },
  },
  'out-of-range': {
    title: { zh: '数值超出范围', en: 'Value out of range' },
    description: 'A number is below the smallest value the column allows (e.g. a negative fee, 0 visits).',
    message: { zh: '{header}“{value}”小于最小值 {minimum}', en: '{header} "{value}" is below the minimum {minimum}' },
  },
  'missing-required': {
    title: { zh: '必填项为空', en: 'Missing required value' },
    description: 'A column every record needs is empty in this row.',
    message: { zh: '{header}为必填项，此行为空', en: '{header} is required but empty' },
  },
  'duplicate-key': {
    title: { zh: '编号重复', en: 'Duplicate id' },
    description: 'A record id (受理编号, 登记编号) appears again; later rows with the same id are set aside.',
    message: { zh: '{header}“{value}”与第 {firstRow} 行重复', en: '{header} "{value}" repeats row {firstRow}' },
  },
  'formula-error': {
    title: { zh: '公式错误值', en: 'Formula error' },
    description: 'The cell holds an Excel error value (#N/A, #DIV/0!, #VALUE!...) instead of data.',
    message: { zh: '{header}为错误值“{value}”；请修正公式或填入数据', en: '{header} is the error value "{value}"; fix the formula or type the value' },
  },
  'formula-no-result': {
    title: { zh: '公式未计算', en: 'Formula without result' },
    description: 'A formula was saved without its calculated value (written by a program that does not calculate).',
    message: {
      zh: '{header}公式“{value}”没有计算结果；请在 Excel 中打开并保存',
      en: '{header} formula "{value}" has no calculated value; open and save the file in Excel',
    },
  },
  'after-as-of': {
    title: { zh: '日期晚于核查日', en: 'Dated after as-of' },
    description: 'The record is dated after the audit\'s as-of date, so it cannot be judged yet.',
    message: { zh: '{header}“{value}”晚于核查日 {asOf}', en: '{header} "{value}" is after the as-of date {asOf}' },
  },
  'extra-center-row': {
    title: { zh: '中心信息多于一行', en: 'Extra center row' },
    description: 'The center sheet holds one row; rows after the first are set aside.',
    message: { zh: '中心信息只应有一行，已使用第 {firstRow} 行', en: 'the center sheet holds one row; row {firstRow} is used' },
  },
  'missing-header': {
    title: { zh: '找不到表头', en: 'No header row' },
    description: 'None of the first 10 rows holds at least three known column names, so no row of the sheet can be read.',
    message: {
      zh: '前 10 行中没有包含至少三个已知列名的表头行；请检查列名，如 {expected}',
      en: 'no header row with at least three known column names in the first 10 rows; expected names like {expected}',
    },
  },
  'missing-column': {
    title: { zh: '缺少必需列', en: 'Missing required column' },
    description: 'The header lacks a column every record needs, so every row of the sheet is set aside.',
    message: { zh: '表头缺少必需列“{header}”，本表所有行均无法读取', en: 'the header lacks the required column "{header}"; no row of the sheet can be read' },
  },
  'header-too-low': {
    title: { zh: '表头行过低', en: 'Header too low' },
    description: 'The header row is below the first 10 rows, where it is looked for, so no row of the sheet can be read.',
    message: {
      zh: '表头在第 {headerRow} 行，须在前 10 行内；请删除表头上方多余的标题行',
      en: 'the header is on row {headerRow}; it must be within the first 10 rows: delete the title rows above it',
    },
  },
  'wrong-delimiter': {
    title: { zh: '分隔符不是逗号', en: 'Not comma-separated' },
    description: 'The CSV file separates its cells with another character (semicolons, tabs), so its rows read as one cell each and no header is found.',
    message: {
      zh: '此 CSV 文件用“{delimiter}”而不是逗号分隔各列，无法读取；请在 Excel 或 WPS 中另存为“CSV（逗号分隔）”',
      en: 'the CSV file separates its cells with "{delimiter}", not commas, so it cannot be read: save it again from Excel or WPS as "CSV (comma delimited)"',
    },
  },
  'unclosed-quote': {
    title: { zh: '引号未闭合', en: 'Unclosed quote' },
    description:
      'A CSV cell opens with a quote that is not closed where it should be, so the cell ran on over the following lines; the row is read as written and set aside, and the lines after it are read as rows.',
    message: {
      zh: '{column}列的引号未闭合，本行被当作一格一直读到第 {swallowedTo} 行；已单独搁置本行，其后各行照常读取；请删除多余的引号（单元格内的引号须连写两个）',
      en: 'the quote in column {column} is not closed, so the cell ran on to line {swallowedTo}; this row is set aside and the lines after it are read as rows: remove the stray quote (write "" for a quote inside a cell)',
    },
  },
  'outside-calendar': {
    title: { zh: '日期超出日历', en: 'Date outside the calendars' },
    description:
      'Working days are counted from this date, and no loaded working-day calendar covers its year, so the row cannot be judged; the rest of the month is audited.',
    message: {
      zh: '{header}“{value}”不在已载入的工作日日历（{years}）之内，无法计算工作日；请更正日期，或添加 rules/calendar/cn-{year}.json',
      en: '{header} "{value}" is outside the loaded working-day calendars ({years}), so working days cannot be counted from it: correct the date, or add rules/calendar/cn-{year}.json',
    },
  },
  'missing-completion-date': {
    title: { zh: '办结日期为空', en: 'No completion date' },
    description:
      'The case\'s 办理结果 says it is finished (办结 or 不予办理) but its 办结日期 is empty, so its time limit and result notice cannot be judged; read as still open it would run overdue.',
    message: {
      zh: '办理结果为“{result}”，但{header}为空；请填写办结日期，或把办理结果改为“办理中”',
      en: 'the result is "{result}" but {header} is empty: fill in the completion date, or set the result to 办理中',
    },
  },
  'completed-before-receipt': {
    title: { zh: '办结日期早于受理日期', en: 'Completed before received' },
    description: 'The 办结日期 is before the 受理日期, so no time limit or delay can be counted from the two.',
    message: { zh: '{header}“{value}”早于受理日期 {received}；请更正日期', en: '{header} "{value}" is before the 受理日期 {received}: correct the date' },
  },
  'duplicate-sheet': {
    title: { zh: '工作表重复', en: 'Duplicate sheet' },
    description: 'Two sheets (or CSV files) stand for the same ledger sheet; the first one is read.',
    message: { zh: '与“{firstSheet}”是同一张表，未读取', en: 'the same sheet as "{firstSheet}"; not read' },
  },
};

export const ISSUE_TYPES: readonly IssueType[] = Object.entries(CATALOGUE).map(([code, type]) => ({
  code: code as DataIssueCode,
  ...type,
}));

export function issueType(code: DataIssueCode): IssueType {
  return { code, ...CATALOGUE[code] };
}

/** The template's fields filled from an issue; unknown fields are left visible as `{name}`. */
export function renderIssueMessage(
  issue: Pick<DataIssue, 'code' | 'header' | 'value' | 'sheetName' | 'row' | 'column' | 'params'>,
  lang: Lang,
): string {
  const fields: Record<string, string | number> = {
    header: issue.header,
    value: issue.value,
    sheetName: issue.sheetName,
    row: issue.row,
    column: issue.column,
    ...issue.params,
  };
  return fillTemplate(CATALOGUE[issue.code].message[lang], fields);
}
