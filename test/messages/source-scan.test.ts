/**
 * The words the tool prints come from the message catalogue, not from string literals in the
 * code that prints them. The types already refuse text where a Message is due (DutyAuditError,
 * RuleProblem, msg()); this scan covers what types cannot: a sentence written straight into a
 * command, a renderer of terminal output or a rule check. It parses each file with TypeScript
 * and fails on any string or template literal holding a Chinese character or two English words
 * in a row, outside a `{ zh, en }` pair (a text in both languages by construction) and the
 * few tables named below. It also fails on any write to process.stdout / stderr or console in
 * src/cli other than src/cli/terminal.ts, which makes every printed line terminal-safe.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** The files that print, or build what is printed: commands, renderers of terminal output, rule checks. */
const SCANNED = [
  'cli',
  'explain',
  'errors.ts',
  'rule-tester/report.ts',
  'rule-tester/tester.ts',
  'batch/progress.ts',
  'report/terminal.ts',
  'diff/terminal.ts',
  'rules/problems.ts',
  'rules/semantic-check.ts',
  'rules/value-check.ts',
  'rules/schema-messages.ts',
  'rules/schema-check.ts',
  'rules/load.ts',
  'rules/json-source.ts',
  'calendar/check.ts',
  'serve/api-errors.ts',
  'serve/guards.ts',
];

/** Tables that are data rather than sentences, each with why. */
const ALLOWED_TABLES: Record<string, { name: string; why: string }[]> = {
  'explain/labels.ts': [{ name: 'DERIVED_ZH', why: 'short Chinese names of derived facts; in English a fact is shown by its own name' }],
  'cli/yargs-strings.ts': [{ name: 'YARGS_CHINESE', why: 'yargs’ own words in Chinese, under its keys; in English yargs speaks its own en.json' }],
};

function filesUnder(path: string): string[] {
  const abs = join(SRC, path);
  if (!statSync(abs).isDirectory()) return [abs];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : e.name.endsWith('.ts') ? [join(abs, e.name)] : []));
}

const CHINESE = /[\u3400-\u9fff]/;
/** Two English words in a row, perhaps with a template's placeholder (`{}`) between them: `wrote ${n} rules`. */
const TWO_WORDS = /[A-Za-z]{2,}(?:[ ,;:'’]|\{\})+[A-Za-z]{2,}/;

/** A template's text with each placeholder as `{}`. */
function templateText(node: ts.TemplateExpression): string {
  return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
}

/** Words a person reads: Chinese, or two English words in a row (`cannot write`, not `audit <input>` or `--fail-on`). */
export function looksLikeWords(text: string): boolean {
  return CHINESE.test(text) || TWO_WORDS.test(text);
}

function propertyName(node: ts.Node): string | undefined {
  if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return node.name.text;
  return undefined;
}

/** Compared with data (`case 'false schema':`, `=== '…'`), not printed. */
function compared(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isCaseClause(parent) && parent.expression === node) return true;
  if (!ts.isBinaryExpression(parent)) return false;
  const op = parent.operatorToken.kind;
  return op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
}

/** Inside a `zh:` or `en:` property, a type, an import, or an allowed table; or compared with data. */
function exempt(node: ts.Node, allowedTables: readonly string[]): boolean {
  if (compared(node)) return true;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const name = propertyName(n);
    if (name === 'zh' || name === 'en') return true;
    if (ts.isTypeNode(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && allowedTables.includes(n.name.text)) return true;
  }
  return false;
}

interface Found {
  file: string;
  line: number;
  text: string;
}

function literalsWithWords(file: string): Found[] {
  const rel = relative(SRC, file).split(sep).join('/');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const allowed = (ALLOWED_TABLES[rel] ?? []).map((t) => t.name);
  const found: Found[] = [];
  const report = (node: ts.Node, text: string): void => {
    if (!looksLikeWords(text) || exempt(node, allowed)) return;
    found.push({ file: rel, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node)) report(node, templateText(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function directWrites(file: string): Found[] {
  const rel = relative(SRC, file).split(sep).join('/');
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/process\.(stdout|stderr)\.write\(|console\.\w+\(/g)].map((m) => ({ file: rel, line: text.slice(0, m.index).split('\n').length, text: m[0] }));
}

describe('printed words come from the message catalogue', () => {
  const files = SCANNED.flatMap(filesUnder);

  it('scans the files that print (a renamed folder would otherwise pass unseen)', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('no command, renderer or rule check writes a sentence as a string literal', () => {
    expect(files.flatMap(literalsWithWords)).toEqual([]);
  });

  it('only src/cli/terminal.ts writes to the terminal, so every printed line passes terminalSafe', () => {
    const writes = filesUnder('cli').filter((f) => !f.endsWith(join('cli', 'terminal.ts'))).flatMap(directWrites);
    expect(writes).toEqual([]);
  });
});

describe('the scan itself', () => {
  const scan = (code: string): string[] => {
    const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true);
    const out: string[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && looksLikeWords(node.text) && !exempt(node, [])) out.push(node.text);
      if (ts.isTemplateExpression(node) && looksLikeWords(templateText(node)) && !exempt(node, [])) out.push(templateText(node));
      ts.forEachChild(node, visit);
    };
    visit(source);
    return out;
  };

  it('catches English and Chinese sentences, in quotes or templates', () => {
    expect(scan("throw new Error('cannot write the file');")).toEqual(['cannot write the file']);
    expect(scan('out(`已写入 ${file}`);')).toEqual(['已写入 {}']);
    expect(scan('const s = `wrote ${n} rules`;')).toEqual(['wrote {} rules']);
    expect(scan('const s = `${label} ${n} · ${id}`;')).toEqual([]);
  });

  it('lets through command syntax, flags, keys, single words and { zh, en } pairs', () => {
    expect(scan("y.command('audit <input>'); y.option('fail-on', {}); tr(lang, 'summary.report'); const x = 'true ';")).toEqual([]);
    expect(scan("const w = { zh: '已写入', en: 'wrote the file' };")).toEqual([]);
    expect(scan("type T = 'not fired' | 'fired';")).toEqual([]);
    expect(scan("switch (k) { case 'false schema': break; } if (e === 'no such key') {}")).toEqual([]);
  });
});
