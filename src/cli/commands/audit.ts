/**
 * `duty-audit audit <workbook|csv-folder>`: the inspector's command. A thin shell over
 * audit() and the report writers; sets the exit code (0 ran, 1 --fail-on reached) and throws
 * DutyAuditError for anything that stops it (exit 2, printed by main.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { audit, type AuditEngine, type AuditOptions } from '../../audit/audit.js';
import type { AuditResult } from '../../audit/types.js';
import { DutyAuditError } from '../../errors.js';
import { msg } from '../../messages/catalogue.js';
import { gradeRank, parseGrade, type Grade } from '../../grade-scale.js';
import { reportJsonText } from '../../report/json.js';
import { isLang, type Lang } from '../../text.js';
import { terminalSummary } from '../../report/terminal.js';
import { writeReportXlsx } from '../../report/xlsx/write.js';
import { runExplain, type ExplainArgs } from '../../explain/run-explain.js';
import { displayPath } from '../../display-path.js';
import { writeOutput } from '../write-output.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';

/** The explain runner's options (same names, same meaning) plus the audit's own. */
export interface AuditArgs extends Omit<ExplainArgs, 'explain'> {
  'fail-on'?: string;
  /** A finding id or record key: explain that record's rules instead of reporting (src/explain). */
  explain?: string;
  /** `reference`: cross-check the findings with json-rules-engine (src/evaluate/reference.ts). */
  engine?: string;
}

export interface AuditRun {
  result: AuditResult;
  report: string;
  json?: string;
  exitCode: number;
  summary: string;
}

/** A center name made safe as a file name (no path separators or characters Windows refuses). */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'report';
}

export function defaultReportPath(result: AuditResult, cwd = process.cwd()): string {
  return join(cwd, 'reports', `${fileSafe(result.center)}-${result.period}.xlsx`);
}

function failOnGrade(value: string | undefined): Grade | undefined {
  if (value === undefined) return undefined;
  const grade = parseGrade(value);
  if (!grade) {
    throw new DutyAuditError('bad-usage', msg('cli.badFailOn', { value }), { hint: msg('cli.badFailOn.hint') });
  }
  return grade;
}

function langOf(value: string): Lang {
  if (!isLang(value)) throw new DutyAuditError('bad-usage', msg('cli.badLang', { value }), { hint: msg('cli.badLang.hint') });
  return value;
}

const ENGINES: readonly AuditEngine[] = ['evaluator', 'reference'];

function engineOf(value: string | undefined): AuditEngine {
  if (value === undefined) return 'evaluator';
  if (!(ENGINES as readonly string[]).includes(value)) {
    throw new DutyAuditError('bad-usage', msg('cli.badEngine', { value }), { hint: msg('cli.badEngine.hint') });
  }
  return value as AuditEngine;
}

/** The line `--engine reference` adds to the summary once both engines agreed. */
function crossCheckLine(result: AuditResult, lang: Lang): string {
  const n = result.findings.length;
  return lang === 'zh'
    ? `交叉核对:参考引擎 json-rules-engine 得出相同的 ${n} 条问题\n`
    : `cross-checked: json-rules-engine (the reference) gives the same ${n} finding${n === 1 ? '' : 's'}\n`;
}

/** Any finding whose final grade is at or above `failOn`. */
export function reachesFailOn(result: AuditResult, failOn: Grade | undefined): boolean {
  return failOn !== undefined && result.findings.some((f) => gradeRank(f.grade) >= gradeRank(failOn));
}

/** The command's work without yargs or process state, for tests and embedding. */
export async function runAudit(args: AuditArgs, cwd = process.cwd(), now?: () => Date): Promise<AuditRun> {
  const lang = langOf(args.lang);
  const failOn = failOnGrade(args['fail-on']);
  const engine = engineOf(args.engine);
  const options: AuditOptions = { engine };
  if (args.period !== undefined) options.period = String(args.period);
  if (args['as-of'] !== undefined) options.asOf = String(args['as-of']);
  if (args.rules !== undefined) options.rulesDir = resolve(cwd, args.rules);
  if (now) options.now = now;

  const result = await audit(args.input, options);
  const report = args.out ? resolve(cwd, args.out) : defaultReportPath(result, cwd);
  await writeOutput(report, msg('cli.what.report'), 'out', () => writeReportXlsx(result, report, { lang, mask: args.mask }));
  const json = args.json ? resolve(cwd, args.json) : undefined;
  if (json) await writeOutput(json, msg('cli.what.json'), 'json', () => writeFile(json, reportJsonText(result, { lang, mask: args.mask })));

  const shown = (file: string) => displayPath(file, cwd);
  let summary = terminalSummary(result, { lang, report: shown(report), ...(json ? { json: shown(json) } : {}) });
  if (engine === 'reference') summary += crossCheckLine(result, lang);
  return { result, report, ...(json ? { json } : {}), exitCode: reachesFailOn(result, failOn) ? EXIT_FINDINGS : EXIT_OK, summary };
}

export const auditCommand: CommandModule<object, AuditArgs> = {
  command: 'audit <input>',
  describe: 'Audit one month’s ledger (an .xlsx workbook or a folder of CSV files) and write the Excel report',
  builder: (y) =>
    y
      .positional('input', { type: 'string', demandOption: true, describe: 'the ledger workbook (.xlsx) or a folder of .csv files' })
      .option('period', { type: 'string', describe: 'the audited month, YYYY-MM (default: the month holding most 受理日期)' })
      .option('as-of', { type: 'string', describe: '"today" for open cases, YYYY-MM-DD (default: the last day of the period)' })
      .option('rules', { type: 'string', describe: 'rules folder (default: the rules shipped with duty-audit)' })
      .option('out', { type: 'string', describe: 'report file (default: reports/<center>-<period>.xlsx)' })
      .option('lang', { type: 'string', choices: ['zh', 'en'], default: 'zh', describe: 'report language' })
      .option('json', { type: 'string', describe: 'also write the report as JSON to this file (with --explain: the explanation)' })
      .option('fail-on', { type: 'string', describe: 'exit 1 if any finding is graded at or above: reminder, criticism, notice, deduction' })
      .option('mask', { type: 'boolean', default: true, describe: 'mask phone numbers as 138****1234 (--no-mask shows them)' })
      .option('engine', {
        type: 'string',
        choices: ['evaluator', 'reference'],
        describe: 'reference: also evaluate with json-rules-engine and stop with an error if its findings differ (slower)',
      })
      .option('explain', {
        type: 'string',
        describe:
          'explain one record instead of reporting: a finding id (F-…), 受理编号, 登记编号, 姓名@YYYY-MM-DD, a staff name, an item name or center. ' +
          'Prints every rule of its scope with each condition’s values; --json FILE writes that explanation as JSON; ' +
          'the report is written only with --out; --fail-on does not apply',
      }),
  handler: async (args) => {
    if (args.explain !== undefined) {
      const run = await runExplain({ ...args, explain: args.explain });
      process.stdout.write(run.text);
      process.exitCode = run.exitCode;
      return;
    }
    const run = await runAudit(args);
    process.stdout.write(run.summary);
    process.exitCode = run.exitCode;
  },
};
