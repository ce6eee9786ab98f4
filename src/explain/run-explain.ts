/**
 * `duty-audit audit <input> --explain <target>` without yargs or process state: explains the
 * target, renders it in zh or en, writes the Explanation as JSON with `--json FILE`, and writes
 * the xlsx report only when `--out` is given. Always exit 0 when it ran (`--fail-on` does not
 * apply: an explanation is not an audit verdict). Phones are personal data (docs/ledger.md): as in
 * the report, they are masked unless `--no-mask` — in the header facts, in condition values and
 * in the quoted evidence.
 */
import { resolve } from 'node:path';
import { displayPath } from '../display-path.js';
import type { AuditOptions } from '../audit/audit.js';
import { inputPaths } from '../audit/inputs.js';
import { refuseClashingOutputs, type NamedPath } from '../output/output-paths.js';
import { writeOutput, writeTextOutput } from '../output/write-output.js';
import { DEFAULT_RULES_DIR } from '../paths.js';
import { DutyAuditError } from '../errors.js';
import { msg, tr } from '../messages/catalogue.js';
import { isLang, type Lang } from '../text.js';
import { writeReportXlsx } from '../report/xlsx/write.js';
import { explainAuditRun } from './explain.js';
import { renderExplanation } from './render.js';
import type { FactValue } from '../facts/types.js';
import { maskFacts, maskFactValue, maskText, phoneValues, PHONE_FACTS } from '../report/mask.js';
import type { Explanation, PersonFinding, RecordExplanation, RuleVerdict, TreeNode } from './types.js';

export interface ExplainArgs {
  input: string;
  explain: string;
  period?: string;
  'as-of'?: string;
  rules?: string;
  out?: string;
  /** `--lang`: the language of the files written (report, JSON) and, unless `ui` says otherwise, of the text. */
  lang?: string;
  /** The language of the printed text (the terminal's, src/cli/language.ts). */
  ui?: Lang;
  json?: string;
  mask: boolean;
  /** Every rule of the record's scope, not only those that fired and the near misses. */
  all?: boolean;
  /** Earlier reports and appeal decisions, so the explanation shows each finding's status. */
  history?: string;
  decisions?: string;
}

export interface ExplainRun {
  /** Masked unless `mask` is false: what was printed and written. */
  explanation: Explanation;
  text: string;
  json?: string;
  report?: string;
  exitCode: number;
}

function maskTree(node: TreeNode): TreeNode {
  if (node.kind === 'condition') return PHONE_FACTS.has(node.fact) ? { ...node, actual: maskFactValue(node.fact, node.actual) } : node;
  return { ...node, children: node.children.map(maskTree) };
}

function maskVerdict(v: RuleVerdict, phones: string[]): RuleVerdict {
  const out: RuleVerdict = { ...v };
  if (v.tree) out.tree = maskTree(v.tree);
  if (v.failedBy) out.failedBy = v.failedBy.map((l) => maskTree(l) as typeof l);
  if (v.grade) out.grade = { ...v.grade, message: { zh: maskText(v.grade.message.zh, phones), en: maskText(v.grade.message.en, phones) } };
  return out;
}

function maskRecord(r: RecordExplanation): RecordExplanation {
  const facts: Record<string, FactValue> = Object.fromEntries(r.facts.map((f) => [f.name, f.value]));
  const phones = phoneValues(facts);
  return {
    ...r,
    facts: r.facts.map((f) => ({ ...f, value: maskFactValue(f.name, f.value) })),
    rules: r.rules.map((v) => maskVerdict(v, phones)),
  };
}

function maskPersonFinding(f: PersonFinding): PersonFinding {
  const phones = phoneValues(f.facts);
  const message = { zh: maskText(f.grade.message.zh, phones), en: maskText(f.grade.message.en, phones) };
  return { ...f, facts: maskFacts(f.facts), grade: { ...f.grade, message } };
}

export function maskExplanation(e: Explanation): Explanation {
  const masked: Explanation = { ...e, records: e.records.map(maskRecord) };
  if (e.person) masked.person = { ...e.person, findings: e.person.findings.map(maskPersonFinding) };
  return masked;
}

/** The language of the files a command writes: `--lang` when given (checked, for library callers), else Chinese. */
export function reportLang(value: string | undefined): Lang {
  if (value === undefined) return 'zh';
  if (!isLang(value)) throw new DutyAuditError('bad-usage', msg('cli.badLang', { value }), { hint: msg('cli.badLang.hint') });
  return value;
}

/** The Explanation as JSON, ending in a newline. */
export function explanationJsonText(e: Explanation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}

export async function runExplain(args: ExplainArgs, cwd = process.cwd(), now?: () => Date): Promise<ExplainRun> {
  const lang = reportLang(args.lang);
  const ui = args.ui ?? lang;
  const options: AuditOptions = {};
  if (args.period !== undefined) options.period = String(args.period);
  if (args['as-of'] !== undefined) options.asOf = String(args['as-of']);
  if (args.rules !== undefined) options.rulesDir = resolve(cwd, args.rules);
  if (args.history !== undefined) options.history = resolve(cwd, args.history);
  if (args.decisions !== undefined) options.decisions = resolve(cwd, args.decisions);
  if (now) options.now = now;

  const json = args.json ? resolve(cwd, args.json) : undefined;
  const report = args.out ? resolve(cwd, args.out) : undefined;
  const outputs: NamedPath[] = [];
  if (json) outputs.push({ path: json, label: '--json' });
  if (report) outputs.push({ path: report, label: '--out' });
  refuseClashingOutputs(outputs, inputPaths(args.input, options.rulesDir ?? DEFAULT_RULES_DIR));
  const { explanation: raw, result } = await explainAuditRun(args.input, String(args.explain), options);
  const explanation = args.mask ? maskExplanation(raw) : raw;
  const shown = (file: string) => displayPath(file, cwd);
  let text = renderExplanation(explanation, ui, { all: args.all ?? false });
  const run: ExplainRun = { explanation, text, exitCode: 0 };

  if (json) {
    await writeTextOutput(json, explanationJsonText(explanation), msg('cli.what.explanation'), 'json');
    run.json = json;
    text += `${tr(ui, 'summary.json', { path: shown(json) })}\n`;
  }
  if (report) {
    await writeOutput(report, msg('cli.what.report'), 'out', () => writeReportXlsx(result, report, { lang, mask: args.mask }));
    run.report = report;
    text += `${tr(ui, 'summary.report', { path: shown(report) })}\n`;
  }
  run.text = text;
  return run;
}
