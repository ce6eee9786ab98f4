/**
 * `duty-audit audit <workbook|csv-folder>`: the inspector's command. A thin shell over
 * audit() and the report writers; sets the exit code (0 ran, 1 --fail-on reached) and throws
 * DutyAuditError for anything that stops it (exit 2, printed by main.ts).
 */
import { join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { audit, type AuditEngine, type AuditOptions } from '../../audit/audit.js';
import { inputPaths } from '../../audit/inputs.js';
import type { AuditResult } from '../../audit/types.js';
import { DutyAuditError } from '../../errors.js';
import { countsToward } from '../../findings/types.js';
import { msg, tr } from '../../messages/catalogue.js';
import { gradeRank, parseGrade, type Grade } from '../../grade-scale.js';
import { writeReportJson } from '../../report/json.js';
import type { Lang } from '../../text.js';
import { terminalSummary } from '../../report/terminal.js';
import { writeReportXlsx } from '../../report/xlsx/write.js';
import { reportLang, runExplain, type ExplainArgs } from '../../explain/run-explain.js';
import { displayPath } from '../../display-path.js';
import { writeOutput } from '../../output/write-output.js';
import { refuseClashingOutputs, type NamedPath } from '../../output/output-paths.js';
import { safeFileStem } from '../../output/file-name.js';
import { DEFAULT_RULES_DIR } from '../../paths.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { ledgerLimitsOf, ruleLimitsOf, withLedgerLimitOptions, withRuleLimitOptions } from '../limit-options.js';
import { printOut } from '../terminal.js';

/** The explain runner's options (same names, same meaning) plus the audit's own. */
export interface AuditArgs extends Omit<ExplainArgs, 'explain'> {
  'fail-on'?: string;
  /** A finding id, record key or person: explain that instead of reporting (src/explain). */
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

/**
 * `reports/<center>-<period>.xlsx`; an English report is `…-en.xlsx`, so it never overwrites the
 * Chinese one. The center name is made safe as a file name and cut to a length every file system
 * takes (src/output/file-name.ts; a 300-character name failed with ENAMETOOLONG).
 */
export function defaultReportPath(result: AuditResult, cwd = process.cwd(), lang: Lang = 'zh'): string {
  return join(cwd, 'reports', `${safeFileStem(result.center, 'report')}-${safeFileStem(result.period, 'period')}${lang === 'zh' ? '' : `-${lang}`}.xlsx`);
}

/** The outputs, checked against each other and every file the audit reads (exit 2 on a clash). */
function checkOutputs(outputs: (NamedPath | undefined)[], input: string, rulesDir: string): void {
  refuseClashingOutputs(
    outputs.filter((o): o is NamedPath => o !== undefined),
    inputPaths(input, rulesDir),
  );
}

function failOnGrade(value: string | undefined): Grade | undefined {
  if (value === undefined) return undefined;
  const grade = parseGrade(value);
  if (!grade) {
    throw new DutyAuditError('bad-usage', msg('cli.badFailOn', { value }), { hint: msg('cli.badFailOn.hint') });
  }
  return grade;
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
  return `${tr(lang, 'summary.crossChecked', { n: result.findings.length })}\n`;
}

/** Any finding that counts (not merged, reported before or withdrawn) at or above `failOn`. */
export function reachesFailOn(result: AuditResult, failOn: Grade | undefined): boolean {
  return failOn !== undefined && result.findings.some((f) => countsToward(f) && gradeRank(f.grade) >= gradeRank(failOn));
}

/** The command's work without yargs or process state, for tests and embedding. */
export async function runAudit(args: AuditArgs, cwd = process.cwd(), now?: () => Date): Promise<AuditRun> {
  const lang = reportLang(args.lang);
  const ui = args.ui ?? lang;
  const failOn = failOnGrade(args['fail-on']);
  const engine = engineOf(args.engine);
  const options: AuditOptions = { engine };
  if (args.period !== undefined) options.period = String(args.period);
  if (args['as-of'] !== undefined) options.asOf = String(args['as-of']);
  if (args.rules !== undefined) options.rulesDir = resolve(cwd, args.rules);
  if (args.history !== undefined) options.history = resolve(cwd, args.history);
  if (args.decisions !== undefined) options.decisions = resolve(cwd, args.decisions);
  if (now) options.now = now;
  options.limits = ledgerLimitsOf(args);
  options.ruleLimits = ruleLimitsOf(args);

  const rulesDir = options.rulesDir ?? DEFAULT_RULES_DIR;
  const asked = args.out ? resolve(cwd, args.out) : undefined;
  const json = args.json ? resolve(cwd, args.json) : undefined;
  const named = (path: string | undefined, label: NamedPath['label']): NamedPath | undefined => (path === undefined ? undefined : { path, label });
  // Before the audit, so a clash is said at once; again after, for the default report name.
  checkOutputs([named(asked, '--out'), named(json, '--json')], args.input, rulesDir);
  const result = await audit(args.input, options);
  const report = asked ?? defaultReportPath(result, cwd, lang);
  checkOutputs([named(report, asked ? '--out' : msg('write.label.report')), named(json, '--json')], args.input, rulesDir);
  await writeOutput(report, msg('cli.what.report'), 'out', () => writeReportXlsx(result, report, { lang, mask: args.mask }));
  if (json) await writeOutput(json, msg('cli.what.json'), 'json', () => writeReportJson(result, json, { lang, mask: args.mask }));

  const shown = (file: string) => displayPath(file, cwd);
  let summary = terminalSummary(result, { lang: ui, report: shown(report), ...(json ? { json: shown(json) } : {}) });
  if (engine === 'reference') summary += crossCheckLine(result, ui);
  return { result, report, ...(json ? { json } : {}), exitCode: reachesFailOn(result, failOn) ? EXIT_FINDINGS : EXIT_OK, summary };
}

export function auditCommand(lang: Lang): CommandModule<object, AuditArgs> {
  return {
    command: 'audit <input>',
    describe: tr(lang, 'help.audit'),
    builder: (y) =>
      withRuleLimitOptions(withLedgerLimitOptions(y, lang), lang)
        .positional('input', { type: 'string', demandOption: true, describe: tr(lang, 'help.audit.input') })
        .option('period', { type: 'string', describe: tr(lang, 'help.audit.period') })
        .option('as-of', { type: 'string', describe: tr(lang, 'help.asOf') })
        .option('rules', { type: 'string', describe: tr(lang, 'help.rules') })
        .option('out', { type: 'string', describe: tr(lang, 'help.audit.out') })
        .option('json', { type: 'string', describe: tr(lang, 'help.audit.json') })
        .option('history', { type: 'string', describe: tr(lang, 'help.audit.history') })
        .option('decisions', { type: 'string', describe: tr(lang, 'help.audit.decisions') })
        .option('fail-on', { type: 'string', describe: tr(lang, 'help.audit.failOn') })
        .option('mask', { type: 'boolean', default: true, describe: tr(lang, 'help.audit.mask') })
        .option('engine', { type: 'string', choices: ['evaluator', 'reference'], describe: tr(lang, 'help.audit.engine') })
        .option('explain', { type: 'string', describe: tr(lang, 'help.audit.explain') })
        .option('all', { type: 'boolean', default: false, describe: tr(lang, 'help.audit.all') }),
    handler: async (args) => {
      if (args.explain !== undefined) {
        const run = await runExplain({ ...args, explain: args.explain, ui: lang });
        printOut(run.text);
        process.exitCode = run.exitCode;
        return;
      }
      const run = await runAudit({ ...args, ui: lang });
      printOut(run.summary);
      process.exitCode = run.exitCode;
    },
  };
}
