/**
 * 运行信息 Run: enough to reproduce the report — inputs with SHA-256, the rule-set hash, the
 * policy, the tool version, period and as-of, the earlier reports (--history) and the appeal
 * decisions (--decisions) with their SHA-256, or the note that without history a repeat is
 * possible. The generated-at cell is the only wall-clock value.
 */
import type { AuditResult } from '../../audit/types.js';
import { GRADES } from '../../grade-scale.js';
import { msg, tr } from '../../messages/catalogue.js';
import { gradeLabel, SHEET_NAMES, text, yesNo } from '../labels.js';
import type { Lang } from '../../text.js';
import type { RenderOptions } from '../render.js';
import type { BookSink, SheetSink } from './book.js';
import { DATE_FORMAT, excelDate, styleHeader, styleHeading } from './style.js';

export async function writeRunSheet(book: BookSink, result: AuditResult, o: RenderOptions): Promise<void> {
  const lang = o.lang;
  const sheet = book.addSheet(SHEET_NAMES.run[lang], {});
  sheet.ws.columns = [{ width: 30 }, { width: 70 }, { width: 30 }];
  const p = result.policy;
  await sheet.add([text('tool', lang), result.tool.name]);
  await sheet.add([text('version', lang), result.tool.version]);
  await sheet.add([text('center', lang), result.center]);
  await sheet.add([text('period', lang), result.period, result.periodInferred ? text('periodInferred', lang) : '']);
  await sheet.add([text('asOf', lang), excelDate(result.asOf)], (row) => (row.getCell(2).numFmt = DATE_FORMAT));
  await sheet.add([text('language', lang), lang]);
  await sheet.add([text('masked', lang), yesNo(o.mask, lang)]);
  await sheet.add([text('rulesHash', lang), result.rulesHash]);

  await sheet.add([]);
  await sheet.add([text('inputs', lang)], styleHeading);
  await sheet.add([text('file', lang), text('sha256', lang)], styleHeader);
  for (const input of result.inputs) await sheet.add([input.file, input.sha256]);

  await writeHistory(sheet, result, lang);
  await writeDecisions(sheet, result, lang);

  await sheet.add([]);
  await sheet.add([text('policy', lang)], styleHeading);
  await sheet.add([text('escalateEvery', lang), p.escalate_every]);
  await sheet.add([text('escalateCap', lang), gradeLabel(p.escalate_cap, lang)]);
  await sheet.add([text('deductionYuan', lang), p.deduction_yuan]);
  await sheet.add([text('monthlyCapYuan', lang), p.monthly_cap_yuan]);
  for (const g of GRADES) await sheet.add([`${text('sanction', lang)} · ${gradeLabel(g, lang)}`, p.sanctions[g]?.[lang] ?? '']);

  await sheet.add([]);
  await sheet.add([text('generatedAt', lang), result.generatedAt]);
}

async function writeHistory(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  await sheet.add([]);
  await sheet.add([tr(lang, 'run.history')], styleHeading);
  const history = result.history;
  if (!history) {
    await sheet.add([tr(lang, 'run.noHistory')]);
    return;
  }
  if (history.reports.length === 0) await sheet.add([history.source, tr(lang, 'run.historyEmpty')]);
  else await sheet.add([text('file', lang), text('sha256', lang), tr(lang, 'run.historyPeriod')], styleHeader);
  for (const r of history.reports) await sheet.add([r.file, r.sha256, r.period]);
  for (const r of history.ignored) await sheet.add([r.file, tr(lang, 'run.ignored', { reason: msg(`run.ignored.${r.reason}`) }), r.period]);
}

async function writeDecisions(sheet: SheetSink, result: AuditResult, lang: Lang): Promise<void> {
  await sheet.add([]);
  await sheet.add([tr(lang, 'run.decisions')], styleHeading);
  const d = result.decisions;
  if (!d) {
    await sheet.add([tr(lang, 'run.noDecisions')]);
    return;
  }
  await sheet.add([text('file', lang), text('sha256', lang), tr(lang, 'run.decisionCount')], styleHeader);
  await sheet.add([d.file, d.sha256, d.count]);
}
