/**
 * The one-screen summary `duty-audit audit` prints, in the terminal's language: counts by grade,
 * the people to act on, the 预警 counts, data issues, rules that did not run, and where the report and JSON were
 * written. Its words are in the message catalogue (src/messages/output.ts, `summary.*`).
 */
import type { AuditResult } from '../audit/types.js';
import { GRADES } from '../grade-scale.js';
import { tr } from '../messages/catalogue.js';
import { WARNING_KINDS } from '../audit/warnings.js';
import { gradeLabel, ruleNotRunText, STATUS_LABELS, WARNING_LABELS } from './labels.js';
import type { Lang } from '../text.js';
import { byConcern } from './xlsx/people-sheet.js';

export interface TerminalOptions {
  lang: Lang;
  /** Where the workbook was written. */
  report?: string;
  /** Where the JSON was written. */
  json?: string;
  /** People listed before "N more" (keeps it to one screen). */
  maxPeople?: number;
}

/** Rules that did not run, grouped by why (usually one absent sheet turns off several). */
function notRunByReason(result: AuditResult, lang: Lang): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of result.rules) {
    const reason = ruleNotRunText(r, lang);
    if (reason === null) continue;
    groups.set(reason, [...(groups.get(reason) ?? []), r.id]);
  }
  return groups;
}

export function terminalSummary(result: AuditResult, o: TerminalOptions): string {
  const { lang } = o;
  const lines: string[] = [];
  const inferred = result.periodInferred ? tr(lang, 'summary.periodInferred') : '';
  lines.push(tr(lang, 'summary.header', { center: result.center, period: result.period, inferred, asOf: result.asOf }));

  const st = result.summary.byStatus;
  const counts = GRADES.map((g) => `${gradeLabel(g, lang)} ${result.summary.byGrade[g] ?? 0}`).join(' · ');
  lines.push(tr(lang, 'summary.counts', { counts, total: st.counted + st.regraded }));
  const apart = (['merged', 'reported-before', 'withdrawn'] as const).filter((k) => st[k] > 0);
  if (apart.length > 0) lines.push(tr(lang, 'summary.notCounted', { statuses: apart.map((k) => `${STATUS_LABELS[k][lang]} ${st[k]}`).join(' · ') }));

  const people = result.people.filter((p) => p.highest !== null).sort(byConcern);
  const shown = people.slice(0, o.maxPeople ?? 10);
  lines.push(tr(lang, people.length === 0 ? 'summary.people.none' : 'summary.people'));
  const width = Math.max(0, ...shown.map((p) => p.name.length));
  for (const p of shown) {
    const yuan = p.deductionYuan > 0 ? `  ${tr(lang, 'summary.deduct', { yuan: p.deductionYuan })}` : '';
    lines.push(`  ${p.name.padEnd(width)}  ${gradeLabel(p.highest!, lang)}${yuan}`);
  }
  if (people.length > shown.length) lines.push(`  ${tr(lang, 'summary.more', { n: people.length - shown.length })}`);

  const w = result.summary.byWarning;
  lines.push(tr(lang, 'summary.warnings', { counts: WARNING_KINDS.map((k) => `${WARNING_LABELS[k][lang]} ${w[k]}`).join(' · ') }));

  const s = result.summary;
  lines.push(tr(lang, 'summary.dataIssues', { n: result.dataIssues.length, read: s.rowsRead, setAside: s.rowsSetAside }));

  const notRun = notRunByReason(result, lang);
  const notRunCount = result.rules.filter((r) => !r.ran).length;
  lines.push(notRun.size === 0 ? tr(lang, 'summary.rulesNotRun.none') : tr(lang, 'summary.rulesNotRun', { n: notRunCount }));
  for (const [reason, ids] of notRun) lines.push(`  ${tr(lang, 'summary.notRunGroup', { reason, ids })}`);

  if (o.report) lines.push(tr(lang, 'summary.report', { path: o.report }));
  if (o.json) lines.push(tr(lang, 'summary.json', { path: o.json }));
  return `${lines.join('\n')}\n`;
}
