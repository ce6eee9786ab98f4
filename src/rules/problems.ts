/** Rule-loading problems: data with a place (`file:line:col`) and a stable code (STYLE §3). */
import { displayPath } from '../display-path.js';
import type { Position } from './json-source.js';
import type { RuleProblem, RuleProblemCode } from './types.js';
import { compareText } from '../text.js';

export function problem(file: string, at: Position, code: RuleProblemCode, message: string): RuleProblem {
  return { file, line: at.line, column: at.column, code, message };
}

/** `rules/x.json:12:7  message`, the file shown relative to the working directory when inside it. */
export function formatProblem(p: RuleProblem, cwd: string = process.cwd()): string {
  return `${displayPath(p.file, cwd)}:${p.line}:${p.column}  ${p.message}`;
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: RuleProblem[]): RuleProblem[] {
  return [...problems].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}
