/**
 * Loads a rules folder: every rule file, the policy and the calendars, each validated, and
 * ALL problems of the folder collected in one run with their exact line:column — a reviewer
 * fixes the lot at once instead of one error per run. Library API: `loadRuleSet(dir)` returns
 * the problems as data (`rules validate`); `loadValidRuleSet(dir)` is for the commands that
 * need a rule set to go on (audit, batch, rules list, rules diff) and stops on any problem.
 */
import { existsSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { DEFAULT_RULES_DIR } from '../paths.js';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import type { Lang } from '../text.js';
import { checkCalendarYear } from '../calendar/check.js';
import type { CalendarYear } from '../calendar/calendar.js';
import { loadClauses } from './clauses.js';
import { isLink, listCalendarFiles, listRuleFiles, POLICY_FILE, type LinkProblem } from './files.js';
import { nestingBeyond, RULE_LIMIT_FLAGS, ruleLimits, type RuleLimits } from './limits.js';
import { ruleSetHash, sha256 } from './hash.js';
import { locate, parseJsonSource, type JsonSource } from './json-source.js';
import { formatProblem, problem, sortProblems } from './problems.js';
import { toRule } from './resolve.js';
import { checkOverlaps } from './overlaps-check.js';
import { checkSchema, type SchemaName } from './schema-check.js';
import { checkSemantics, reportedBySemanticCheck, type SemanticContext } from './semantic-check.js';
import type { ClauseList } from './seed-clauses.js';
import { isScope, type Scope } from '../facts/scopes.js';
import { gb18030Text } from '../ledger/csv/decode.js';
import type { Policy, Rule, RuleFile, RuleProblem, RuleSet } from './types.js';

export interface LoadOptions {
  /** The clause list; default: the folder's clauses.json, else the shipped one. */
  clauses?: ClauseList;
  factsFor?: SemanticContext['factsFor'];
  isOperator?: SemanticContext['isOperator'];
  /** File size and nesting limits (src/rules/limits.ts); defaults when absent. */
  limits?: Partial<RuleLimits>;
}

export interface LoadResult {
  /** Present only when there are no problems. */
  ruleSet?: RuleSet;
  problems: RuleProblem[];
}

interface ReadFile {
  path: string;
  abs: string;
  bytes: Buffer;
  /** Set when the file is over maxRuleFileBytes: it was not read (bytes is empty). */
  size?: number;
}

function read(dir: string, path: string, limits: RuleLimits): ReadFile {
  const abs = join(dir, path);
  const { size } = statSync(abs);
  if (size > limits.maxRuleFileBytes) return { path, abs, bytes: Buffer.alloc(0), size };
  return { path, abs, bytes: readFileSync(abs) };
}

const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * The file's text, or a problem: over the size limit, not UTF-8 (a GBK file read as UTF-8 gave
 * garbled messages at wrong columns), or nested deeper than the limit (checked before parsing,
 * which recurses per level).
 */
function textOf(f: ReadFile, limits: RuleLimits, problems: RuleProblem[]): string | undefined {
  if (f.size !== undefined) {
    problems.push(problem(f.abs, { line: 1, column: 1 }, 'too-large', msg('problem.tooLarge', { size: f.size, max: limits.maxRuleFileBytes, flag: RULE_LIMIT_FLAGS.maxRuleFileBytes.flag })));
    return undefined;
  }
  const text = f.bytes.toString('utf8');
  const bad = text.indexOf(REPLACEMENT_CHARACTER);
  if (bad >= 0 && !isUtf8(f.bytes)) {
    const looksGbk = gb18030Text(f.bytes) !== undefined;
    problems.push(problem(f.abs, positionOf(text, bad), 'bad-encoding', msg(looksGbk ? 'problem.notUtf8Gbk' : 'problem.notUtf8')));
    return undefined;
  }
  const deep = nestingBeyond(text, limits.maxRuleNesting);
  if (deep) {
    problems.push(problem(f.abs, deep, 'too-deep', msg('problem.tooDeep', { max: limits.maxRuleNesting, flag: RULE_LIMIT_FLAGS.maxRuleNesting.flag })));
    return undefined;
  }
  return text;
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function linkProblems(links: LinkProblem[]): RuleProblem[] {
  return links.map((l) => problem(l.path, { line: 1, column: 1 }, 'bad-link', l.message));
}

/** Parses and schema-checks one file; `source` is absent when it is not JSON. */
function parseAndCheck(f: ReadFile, schema: SchemaName, problems: RuleProblem[], limits: RuleLimits): JsonSource | undefined {
  const text = textOf(f, limits, problems);
  if (text === undefined) return undefined;
  const parsed = parseJsonSource(text);
  if (!parsed.ok) {
    problems.push(problem(f.abs, parsed.position, 'bad-json', msg('problem.badJson', { reason: parsed.reason })));
    return undefined;
  }
  for (const p of checkSchema(schema, f.abs, parsed.source, schema === 'rule.schema.json' ? reportedBySemanticCheck : undefined)) problems.push(p);
  return parsed.source;
}

/** Rules loaded, the files read, and each id a file declares with its scope (valid or not). */
function loadRules(dir: string, ctx: SemanticContext, problems: RuleProblem[], limits: RuleLimits): { rules: Rule[]; files: ReadFile[]; declared: Map<string, Scope> } {
  const rules: Rule[] = [];
  const declared = new Map<string, Scope>();
  const listing = listRuleFiles(dir);
  for (const p of linkProblems(listing.problems)) problems.push(p);
  const files = listing.files.map((p) => read(dir, p, limits));
  const firstFileOfId = new Map<string, string>();
  for (const f of files) {
    const own: RuleProblem[] = [];
    const source = parseAndCheck(f, 'rule.schema.json', own, limits);
    if (source) {
      for (const p of checkSemantics(f.abs, source, ctx)) own.push(p);
      const { id, scope } = source.value as { id?: unknown; scope?: unknown };
      if (typeof id === 'string' && typeof scope === 'string' && isScope(scope)) declared.set(id, scope);
      if (typeof id === 'string') {
        const first = firstFileOfId.get(id);
        if (first) own.push(problem(f.abs, locate(source, '/id'), 'duplicate-id', msg('problem.duplicateId', { id, first })));
        else firstFileOfId.set(id, f.path);
      }
      if (own.length === 0) rules.push(toRule(source.value as RuleFile, f.path, sha256(f.bytes)));
    }
    for (const p of own) problems.push(p);
  }
  return { rules, files, declared };
}

function loadPolicy(dir: string, declared: ReadonlyMap<string, Scope>, problems: RuleProblem[], limits: RuleLimits): { policy?: Policy; file: ReadFile } {
  const path = join(dir, POLICY_FILE);
  const ownPolicy = existsSync(path);
  // A broken link is not "no policy": grading by the shipped one would hide the mistake.
  if (!ownPolicy && isLink(path)) {
    problems.push(problem(path, { line: 1, column: 1 }, 'bad-link', msg('problem.linkBroken', { target: readlinkSync(path) })));
  }
  // A folder without its own policy (e.g. a reviewer's scratch copy) grades by the shipped one;
  // its overlaps then name rules the folder may not have, which simply never pair up.
  const file = ownPolicy ? read(dir, POLICY_FILE, limits) : read(DEFAULT_RULES_DIR, POLICY_FILE, limits);
  const own: RuleProblem[] = [];
  const source = parseAndCheck(file, 'policy.schema.json', own, limits);
  if (source && own.length === 0 && ownPolicy) for (const p of checkOverlaps(file.abs, source, declared)) own.push(p);
  for (const p of own) problems.push(p);
  if (!source || own.length > 0) return { file };
  const { $schema: _schema, ...policy } = source.value as Policy & { $schema?: string };
  return { policy, file };
}


function checkCalendars(dir: string, problems: RuleProblem[], limits: RuleLimits): ReadFile[] {
  const listing = listCalendarFiles(dir);
  for (const p of linkProblems(listing.problems)) problems.push(p);
  const files = listing.files.map((p) => read(dir, p, limits));
  for (const f of files) {
    const own: RuleProblem[] = [];
    const source = parseAndCheck(f, 'calendar.schema.json', own, limits);
    if (source && own.length === 0) {
      // Sense checks the schema cannot make (dates in the file's year, make-up days on weekends).
      const wrong = checkCalendarYear(source.value as CalendarYear);
      if (wrong) own.push(problem(f.abs, locate(source, wrong.pointer), 'schema', wrong.reason));
    }
    for (const p of own) problems.push(p);
  }
  return files;
}

export async function loadRuleSet(dir: string = DEFAULT_RULES_DIR, options: LoadOptions = {}): Promise<LoadResult> {
  const root = resolve(dir);
  if (!existsSync(root)) {
    throw new DutyAuditError('file-not-found', msg('rules.folderNotFound', { dir }), { file: dir, hint: msg('rules.folderNotFound.hint') });
  }
  if (!statSync(root).isDirectory()) {
    throw new DutyAuditError('bad-usage', msg('rules.notAFolder', { dir }), { file: dir, hint: msg('rules.folderNotFound.hint') });
  }
  const problems: RuleProblem[] = [];
  const ctx: SemanticContext = { clauses: options.clauses ?? loadClauses(root) };
  if (options.factsFor) ctx.factsFor = options.factsFor;
  if (options.isOperator) ctx.isOperator = options.isOperator;

  const limits = ruleLimits(options.limits);
  const { rules, files, declared } = loadRules(root, ctx, problems, limits);
  const { policy, file: policyFile } = loadPolicy(root, declared, problems, limits);
  const calendars = checkCalendars(root, problems, limits);

  if (problems.length > 0 || !policy) return { problems: sortProblems(problems) };
  const hash = ruleSetHash([...files, { ...policyFile, path: POLICY_FILE }, ...calendars]);
  return { ruleSet: { dir: root, rules, policy, hash }, problems: [] };
}

/**
 * A rules folder that must load cleanly for a command to go on: a missing folder or any problem
 * becomes one DutyAuditError `bad-rules` (exit 2) listing each `file:line:col  message`, with
 * the fix. Bad rules stop the command, since a report from half a rule set would mislead.
 * `label` names the folder in messages (e.g. `HEAD~1:rules` for one read from git).
 */
export async function loadValidRuleSet(dir: string, label: string = dir, options: LoadOptions = {}): Promise<RuleSet> {
  if (!existsSync(dir)) {
    throw new DutyAuditError('bad-rules', msg('rules.folderNotFound', { dir: label }), { file: dir, hint: msg('rules.folderNotFound.auditHint') });
  }
  if (!statSync(dir).isDirectory()) {
    throw new DutyAuditError('bad-rules', msg('rules.notAFolder', { dir: label }), { file: dir, hint: msg('rules.folderNotFound.auditHint') });
  }
  const { ruleSet, problems } = await loadRuleSet(dir, options);
  if (ruleSet && problems.length === 0) return ruleSet;
  const lines = (lang: Lang): string => problems.map((p) => `  ${formatProblem(p, lang)}`).join('\n');
  throw new DutyAuditError('bad-rules', msg('rules.problems', { label, n: problems.length, lines: { zh: lines('zh'), en: lines('en') } }), {
    file: dir,
    hint: msg('rules.problems.hint', { label }),
  });
}
