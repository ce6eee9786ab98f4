/**
 * Loads a rules folder: every rule file, the policy and the calendars, each validated, and
 * ALL problems of the folder collected in one run with their exact line:column — a reviewer
 * fixes the lot at once instead of one error per run. Library API: `loadRuleSet(dir)` returns
 * the problems as data (`rules validate`); `loadValidRuleSet(dir)` is for the commands that
 * need a rule set to go on (audit, batch, rules list, rules diff) and stops on any problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_RULES_DIR } from '../paths.js';
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import type { Lang } from '../text.js';
import { checkCalendarYear } from '../calendar/check.js';
import type { CalendarYear } from '../calendar/calendar.js';
import { loadClauses } from './clauses.js';
import { calendarFilesOf, POLICY_FILE, ruleFiles } from './files.js';
import { ruleSetHash, sha256 } from './hash.js';
import { locate, parseJsonSource, type JsonSource } from './json-source.js';
import { formatProblem, problem, sortProblems } from './problems.js';
import { toRule } from './resolve.js';
import { checkOverlaps } from './overlaps-check.js';
import { checkSchema, type SchemaName } from './schema-check.js';
import { checkSemantics, reportedBySemanticCheck, type SemanticContext } from './semantic-check.js';
import type { ClauseList } from './seed-clauses.js';
import { isScope, type Scope } from '../facts/scopes.js';
import type { Policy, Rule, RuleFile, RuleProblem, RuleSet } from './types.js';

export interface LoadOptions {
  /** The clause list; default: the folder's clauses.json, else the shipped one. */
  clauses?: ClauseList;
  factsFor?: SemanticContext['factsFor'];
  isOperator?: SemanticContext['isOperator'];
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
}

function read(dir: string, path: string): ReadFile {
  const abs = join(dir, path);
  return { path, abs, bytes: readFileSync(abs) };
}

/** Parses and schema-checks one file; `source` is absent when it is not JSON. */
function parseAndCheck(f: ReadFile, schema: SchemaName, problems: RuleProblem[]): JsonSource | undefined {
  const parsed = parseJsonSource(f.bytes.toString('utf8'));
  if (!parsed.ok) {
    problems.push(problem(f.abs, parsed.position, 'bad-json', msg('problem.badJson', { reason: parsed.reason })));
    return undefined;
  }
  problems.push(...checkSchema(schema, f.abs, parsed.source, schema === 'rule.schema.json' ? reportedBySemanticCheck : undefined));
  return parsed.source;
}

/** Rules loaded, the files read, and each id a file declares with its scope (valid or not). */
function loadRules(dir: string, ctx: SemanticContext, problems: RuleProblem[]): { rules: Rule[]; files: ReadFile[]; declared: Map<string, Scope> } {
  const rules: Rule[] = [];
  const declared = new Map<string, Scope>();
  const files = ruleFiles(dir).map((p) => read(dir, p));
  const firstFileOfId = new Map<string, string>();
  for (const f of files) {
    const own: RuleProblem[] = [];
    const source = parseAndCheck(f, 'rule.schema.json', own);
    if (source) {
      own.push(...checkSemantics(f.abs, source, ctx));
      const { id, scope } = source.value as { id?: unknown; scope?: unknown };
      if (typeof id === 'string' && typeof scope === 'string' && isScope(scope)) declared.set(id, scope);
      if (typeof id === 'string') {
        const first = firstFileOfId.get(id);
        if (first) own.push(problem(f.abs, locate(source, '/id'), 'duplicate-id', msg('problem.duplicateId', { id, first })));
        else firstFileOfId.set(id, f.path);
      }
      if (own.length === 0) rules.push(toRule(source.value as RuleFile, f.path, sha256(f.bytes)));
    }
    problems.push(...own);
  }
  return { rules, files, declared };
}

function loadPolicy(dir: string, declared: ReadonlyMap<string, Scope>, problems: RuleProblem[]): { policy?: Policy; file: ReadFile } {
  // A folder without its own policy (e.g. a reviewer's scratch copy) grades by the shipped one;
  // its overlaps then name rules the folder may not have, which simply never pair up.
  const ownPolicy = existsSync(join(dir, POLICY_FILE));
  const file = ownPolicy ? read(dir, POLICY_FILE) : read(DEFAULT_RULES_DIR, POLICY_FILE);
  const own: RuleProblem[] = [];
  const source = parseAndCheck(file, 'policy.schema.json', own);
  if (source && own.length === 0 && ownPolicy) own.push(...checkOverlaps(file.abs, source, declared));
  problems.push(...own);
  if (!source || own.length > 0) return { file };
  const { $schema: _schema, ...policy } = source.value as Policy & { $schema?: string };
  return { policy, file };
}

function checkCalendars(dir: string, problems: RuleProblem[]): ReadFile[] {
  const files = calendarFilesOf(dir).map((p) => read(dir, p));
  for (const f of files) {
    const own: RuleProblem[] = [];
    const source = parseAndCheck(f, 'calendar.schema.json', own);
    if (source && own.length === 0) {
      // Sense checks the schema cannot make (dates in the file's year, make-up days on weekends).
      const wrong = checkCalendarYear(source.value as CalendarYear);
      if (wrong) own.push(problem(f.abs, locate(source, wrong.pointer), 'schema', wrong.reason));
    }
    problems.push(...own);
  }
  return files;
}

export async function loadRuleSet(dir: string = DEFAULT_RULES_DIR, options: LoadOptions = {}): Promise<LoadResult> {
  const root = resolve(dir);
  if (!existsSync(root)) {
    throw new DutyAuditError('file-not-found', msg('rules.folderNotFound', { dir }), { file: dir, hint: msg('rules.folderNotFound.hint') });
  }
  const problems: RuleProblem[] = [];
  const ctx: SemanticContext = { clauses: options.clauses ?? loadClauses(root) };
  if (options.factsFor) ctx.factsFor = options.factsFor;
  if (options.isOperator) ctx.isOperator = options.isOperator;

  const { rules, files, declared } = loadRules(root, ctx, problems);
  const { policy, file: policyFile } = loadPolicy(root, declared, problems);
  const calendars = checkCalendars(root, problems);

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
export async function loadValidRuleSet(dir: string, label: string = dir): Promise<RuleSet> {
  if (!existsSync(dir)) {
    throw new DutyAuditError('bad-rules', msg('rules.folderNotFound', { dir: label }), { file: dir, hint: msg('rules.folderNotFound.auditHint') });
  }
  const { ruleSet, problems } = await loadRuleSet(dir);
  if (ruleSet && problems.length === 0) return ruleSet;
  const lines = (lang: Lang): string => problems.map((p) => `  ${formatProblem(p, lang)}`).join('\n');
  throw new DutyAuditError('bad-rules', msg('rules.problems', { label, n: problems.length, lines: { zh: lines('zh'), en: lines('en') } }), {
    file: dir,
    hint: msg('rules.problems.hint', { label }),
  });
}
