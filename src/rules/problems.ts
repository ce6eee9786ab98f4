/**
 * Rule-loading problems: data with a place (`file:line:col`), a stable code (docs/code-style.md)
 * and a message of the catalogue (src/messages/rule-problems.ts), rendered in either language.
 */
import { displayPath } from '../display-path.js';
import { render, type Message } from '../messages/catalogue.js';
import type { Position } from './json-source.js';
import type { RuleProblem, RuleProblemCode } from './types.js';
import { compareText, type Lang } from '../text.js';

export function problem(file: string, at: Position, code: RuleProblemCode, message: Message): RuleProblem {
  return { file, line: at.line, column: at.column, code, message };
}

/** `rules/x.json:12:7  message`, the file shown relative to the working directory when inside it. */
export function formatProblem(p: RuleProblem, lang: Lang, cwd: string = process.cwd()): string {
  return `${displayPath(p.file, cwd)}:${p.line}:${p.column}  ${render(p.message, lang)}`;
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: RuleProblem[]): RuleProblem[] {
  return [...problems].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}
