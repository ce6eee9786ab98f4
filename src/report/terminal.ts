/**
 * The one-screen summary `duty-audit audit` prints: counts by grade, the people to act on, the
 * 预警 counts, data issues, rules that did not run, and where the report and JSON were written.
 */
import type { AuditResult } from '../audit/types.js';
import { GRADES } from '../grade-scale.js';
import { WARNING_KINDS } from '../audit/warnings.js';
import { gradeLabel, ruleNotRunText, STATUS_LABELS, text, WARNING_LABELS } from './labels.js';
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

const SEP = { zh: ':', en: ': ' };

function heading(label: string, sep: string, value: string): string {
  return value === '' ? `${label}${sep}`.trimEnd() : `${label}${sep}${value}`;
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
  const sep = SEP[lang];
  const lines: string[] = [];
  const inferred = result.periodInferred ? ` ${text('periodInferred', lang)}` : '';
  lines.push(`${result.center} · ${result.period}${inferred} · ${text('asOf', lang)} ${result.asOf}`);

  const st = result.summary.byStatus;
  const counts = GRADES.map((g) => `${gradeLabel(g, lang)} ${result.summary.byGrade[g] ?? 0}`).join(' · ');
  lines.push(`${text('count', lang)}${sep}${counts} (${text('total', lang)} ${st.counted + st.regraded})`);
  const apart = (['merged', 'reported-before', 'withdrawn'] as const).filter((k) => st[k] > 0);
  if (apart.length > 0) lines.push(`${text('notCounted', lang)}${sep}${apart.map((k) => `${STATUS_LABELS[k][lang]} ${st[k]}`).join(' · ')}`);

  const people = result.people.filter((p) => p.highest !== null).sort(byConcern);
  const shown = people.slice(0, o.maxPeople ?? 10);
  lines.push(heading(text('people', lang), sep, people.length === 0 ? text('nobody', lang) : ''));
  const width = Math.max(0, ...shown.map((p) => p.name.length));
  for (const p of shown) {
    const yuan = p.deductionYuan > 0 ? `  ${lang === 'zh' ? '扣款' : 'deduct'} ¥${p.deductionYuan}` : '';
    lines.push(`  ${p.name.padEnd(width)}  ${gradeLabel(p.highest!, lang)}${yuan}`);
  }
  if (people.length > shown.length) lines.push(`  ${text('more', lang).replace('{n}', String(people.length - shown.length))}`);

  const w = result.summary.byWarning;
  lines.push(`${text('warnings', lang)}${sep}${WARNING_KINDS.map((k) => `${WARNING_LABELS[k][lang]} ${w[k]}`).join(' · ')}`);

  const s = result.summary;
  const rowsNote = lang === 'zh'
    ? `(读取 ${s.rowsRead} 行,搁置 ${s.rowsSetAside} 行)`
    : ` (${s.rowsSetAside} of ${s.rowsRead} rows set aside)`;
  lines.push(`${text('dataIssues', lang)}${sep}${result.dataIssues.length}${rowsNote}`);

  const notRun = notRunByReason(result, lang);
  lines.push(heading(text('rulesNotRun', lang), sep, notRun.size === 0 ? text('nobody', lang) : String(result.rules.filter((r) => !r.ran).length)));
  for (const [reason, ids] of notRun) lines.push(`  ${reason}${sep}${ids.join(', ')}`);

  if (o.report) lines.push(`${text('report', lang)}${sep}${o.report}`);
  if (o.json) lines.push(`${text('json', lang)}${sep}${o.json}`);
  return `${lines.join('\n')}\n`;
}
