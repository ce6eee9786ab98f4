/**
 * The diff as JSON (`rules diff --json FILE`), shaped by schemas/diff.schema.json: the
 * DiffResult itself, both languages of every title and message, so a script or a CI job can
 * act on what a rule edit changes. Same inputs, same bytes (the result is built in a fixed order
 * and carries no clock).
 */
import type { DiffResult } from './types.js';

export function diffJsonText(result: DiffResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
