/**
 * 运行信息 Run: enough to reproduce the report — inputs with SHA-256, the rule-set hash, the
 * policy, the tool version, period and as-of, the files read with their SHA-256 (the ledger,
 * the earlier reports of --history, the appeal decisions of --decisions), or the note that
 * without history a repeat is possible — laid out label beside value, so that a label and its value always print on the
 * same page. The generated-at cell is the only wall-clock
 * value: local time to the minute, with the UTC offset stated once.
 */
import type { AuditResult } from '../../audit/types.js';
import { GRADES } from '../../grade-scale.js';
import { msg, tr } from '../../messages/catalogue.js';
import type { Lang } from '../../text.js';
import { gradeLabel, LANGUAGE_NAMES, SHEET_NAMES, text, yesNo } from '../labels.js';
import type { RenderOptions } from '../render.js';
import type { BookSink } from './book.js';
import { printOptions, type PageHead } from './print.js';
import { BOLD_FONT, DATE_FORMAT, excelDate, headerCell, LEFT_TOP, setColumnWidths, styleHeading, wrap } from './style.js';

/** The label column and the value column: a SHA-256 fits the value column on one line. */
const WIDTHS = [28, 80];

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `2026-11-29 12:21（UTC+08:00）`: an instant as the clock on the wall showed it. The offset is
 * minutes east of UTC, by default the machine's at that instant.
 */
export function localTime(iso: string, lang: Lang, offsetMinutes: number = -new Date(iso).getTimezoneOffset()): string {
  const at = new Date(Date.parse(iso) + offsetMinutes * 60_000);
  if (Number.isNaN(at.getTime())) return iso;
  const day = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${day} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}${lang === 'zh' ? `（${offset}）` : ` (${offset})`}`;
}

export async function writeRunSheet(book: BookSink, result: AuditResult, o: RenderOptions, head?: PageHead): Promise<void> {
  const lang = o.lang;
  const sheet = book.addSheet(SHEET_NAMES.run[lang], printOptions(head));
  setColumnWidths(sheet.ws, WIDTHS);
  const p = result.policy;
  const pair = (label: string, value: string | number | Date) =>
    sheet.add([label, value], (row) => {
      row.getCell(1).font = BOLD_FONT;
      wrap(row, [1, 2]);
      if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
      if (typeof value !== 'string') row.getCell(2).alignment = LEFT_TOP;
    });
  const heading = async (title: string) => {
    await sheet.add([]);
    await sheet.add([title], styleHeading);
  };

  await pair(text('tool', lang), `${result.tool.name} ${result.tool.version}`);
  await pair(text('center', lang), result.center);
  if (result.district) await pair(text('district', lang), result.district);
  await pair(text('period', lang), result.periodInferred ? `${result.period}${lang === 'zh' ? '' : ' '}${text('periodInferred', lang)}` : result.period);
  await pair(text('asOf', lang), excelDate(result.asOf));
  await pair(text('language', lang), LANGUAGE_NAMES[lang][lang]);
  await pair(text('masked', lang), yesNo(o.mask, lang));
  await pair(text('rulesHash', lang), result.rulesHash);
  await pair(text('generatedAt', lang), localTime(result.generatedAt, lang));

  // Every file the audit read: the ledger, the earlier reports (--history), the appeal decisions
  // (--decisions); a run without history or decisions says so, and what that means.
  const history = result.history;
  const d = result.decisions;
  await heading(text('inputs', lang));
  await sheet.add([text('file', lang), text('sha256', lang)], (row) => row.eachCell(headerCell));
  const files: [string, string][] = result.inputs.map((input) => [input.file, input.sha256]);
  for (const r of history?.reports ?? []) files.push([tr(lang, 'run.historyFile', { file: r.file, period: r.period }), r.sha256]);
  if (d) files.push([tr(lang, 'run.decisionsFile', { file: d.file, n: d.count }), d.sha256]);
  for (const [file, sha256] of files) await sheet.add([file, sha256], (row) => wrap(row, [1, 2]));
  for (const r of history?.ignored ?? []) {
    await pair(tr(lang, 'run.historyFile', { file: r.file, period: r.period }), tr(lang, 'run.ignored', { reason: msg(`run.ignored.${r.reason}`) }));
  }
  if (!history) await pair(tr(lang, 'run.history'), tr(lang, 'run.noHistory'));
  else if (history.reports.length === 0) await pair(tr(lang, 'run.history'), tr(lang, 'run.historyEmpty', { source: history.source }));
  if (!d) await pair(tr(lang, 'run.decisions'), tr(lang, 'run.noDecisions'));

  await heading(text('policy', lang));
  await pair(text('escalateEvery', lang), p.escalate_every);
  await pair(text('escalateCap', lang), gradeLabel(p.escalate_cap, lang));
  await pair(text('deductionYuan', lang), p.deduction_yuan);
  await pair(text('monthlyCapYuan', lang), p.monthly_cap_yuan);
  for (const g of GRADES) await pair(`${text('sanction', lang)}·${gradeLabel(g, lang)}`, p.sanctions[g]?.[lang] ?? '');
}

