/**
 * The words and masked values of one finding or data issue, shared by every writer so the
 * workbook, the JSON and the terminal always say the same thing.
 */
import type { ConditionEvidence, Finding } from '../findings/types.js';
import type { FactValue } from '../facts/types.js';
import type { DataIssue } from '../ledger/types.js';
import { renderIssueMessage as renderCatalogueMessage } from '../ledger/issue-codes.js';
import { gradeRank } from '../grade-scale.js';
import { escalationText } from './labels.js';
import type { Lang } from '../text.js';
import { maskFactValue, maskFacts, maskText, phoneValues } from './mask.js';

export interface RenderOptions {
  lang: Lang;
  /** Mask phones (the default); false only with --no-mask. */
  mask: boolean;
}

export interface RenderedFinding {
  title: string;
  message: string;
  escalation: string;
  facts: Record<string, FactValue>;
  conditions: ConditionEvidence[];
}

/** Fact names in code-point order, so the JSON is byte-stable whatever order facts were built in. */
function sortedFacts(facts: Record<string, FactValue>): Record<string, FactValue> {
  return Object.fromEntries(Object.keys(facts).sort().map((k) => [k, facts[k] as FactValue]));
}

export function renderFinding(f: Finding, o: RenderOptions): RenderedFinding {
  const phones = phoneValues(f.facts);
  const message = o.mask ? maskText(f.message[o.lang], phones) : f.message[o.lang];
  const facts = sortedFacts(o.mask ? maskFacts(f.facts) : f.facts);
  const conditions = f.conditions.map((c) => (o.mask ? { ...c, actual: maskFactValue(c.fact, c.actual) } : c));
  return { title: f.title[o.lang], message, escalation: escalationText(f.escalation, o.lang, gradeRank(f.grade) - gradeRank(f.baseGrade)), facts, conditions };
}

const PHONE_HEADERS = /电话|联系方式|phone|contact/i;

export function renderIssueValue(issue: DataIssue, o: RenderOptions): string {
  if (!o.mask) return issue.value;
  return PHONE_HEADERS.test(issue.header) ? maskText(issue.value, [issue.value]) : maskText(issue.value);
}

/** The reason in the report's language, from the importer's catalogue, quoting the (masked) value. */
export function renderIssueMessage(issue: DataIssue, o: RenderOptions): string {
  return renderCatalogueMessage({ ...issue, value: renderIssueValue(issue, o) }, o.lang);
}

/** `办件台账!H14`, the place a person looks for a bad cell. */
export function issueCell(issue: DataIssue): string {
  if (issue.row <= 0) return issue.sheetName;
  return `${issue.sheetName}!${issue.column}${issue.row}`;
}
