/** The report writers: Excel workbook, JSON and the terminal summary, in Chinese or English. */
export { writeReportXlsx, type XlsxOptions } from './xlsx/write.js';
export { toReportJson, reportJsonText, type ReportJson, type ReportJsonOptions } from './json.js';
export { terminalSummary, type TerminalOptions } from './terminal.js';
export { isLang, type Lang } from '../text.js';
export { maskPhone, maskText } from './mask.js';
