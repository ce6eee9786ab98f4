/**
 * Which clauses of the seed have rules (with cases) and which do not (docs/code-style.md: a
 * clause of the seed with no rule fails the build). REQUIRED_CLAUSES are the clauses
 * docs/duties.md says the shipped rule set covers.
 */
import { DutyAuditError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { articleOf, loadClauses } from '../rules/clauses.js';
import type { ClauseList } from '../rules/seed-clauses.js';
import type { Rule, RuleSet } from '../rules/types.js';

const DERELICTION_ITEMS = Array.from({ length: 10 }, (_, i) => `失职追究制/二.${i + 1}`);
const DISCLOSURE = ['一', '二', '三', '四', '五'].map((a) => `办事公开制/${a}`);

export const REQUIRED_CLAUSES: readonly string[] = [
  ...DERELICTION_ITEMS,
  ...DISCLOSURE,
  '一次性告知制/二',
  '一次性告知制/三',
  '限时办结制/二',
  '限时办结制/三',
  '限时办结制/四',
  '全程代理制/三.3',
  '全程代理制/三.4',
  '工作人员守则/五',
  '首问责任制/三',
  'AB岗工作制/一',
  '服务承诺制/一.3',
];

export interface ClauseCoverage {
  clause: string;
  text: string;
  /** Rules citing exactly this clause, with their case counts. */
  rules: { id: string; fire: number; pass: number }[];
  /** For an article: rules citing one of its items. */
  viaItems: string[];
  /** At least one rule with both fire and pass cases cites this clause. */
  covered: boolean;
}

function hasCases(r: Rule): boolean {
  return (r.cases?.fire?.length ?? 0) > 0 && (r.cases?.pass?.length ?? 0) > 0;
}

export function clauseCoverage(ruleSet: Pick<RuleSet, 'dir' | 'rules'>, clauses: ClauseList = loadClauses(ruleSet.dir)): ClauseCoverage[] {
  return Object.entries(clauses).map(([clause, text]) => {
    const citing = ruleSet.rules.filter((r) => r.clause === clause);
    const isArticle = articleOf(clause) === clause;
    const viaItems = isArticle ? ruleSet.rules.filter((r) => r.clause !== clause && articleOf(r.clause) === clause).map((r) => r.id) : [];
    return {
      clause,
      text,
      rules: citing.map((r) => ({ id: r.id, fire: r.cases?.fire?.length ?? 0, pass: r.cases?.pass?.length ?? 0 })),
      viaItems,
      covered: citing.some(hasCases),
    };
  });
}

/** Required clauses with no rule that has both fire and pass cases. */
export function catalogueGaps(ruleSet: Pick<RuleSet, 'rules'>): string[] {
  return REQUIRED_CLAUSES.filter((c) => !ruleSet.rules.some((r) => r.clause === c && hasCases(r)));
}

/** Throws a DutyAuditError naming every required clause left without a tested rule. */
export function assertCatalogueComplete(ruleSet: Pick<RuleSet, 'rules'>): void {
  const gaps = catalogueGaps(ruleSet);
  if (gaps.length > 0) {
    throw new DutyAuditError('bad-rules', msg('rules.uncoveredClauses', { clauses: gaps }), { hint: msg('rules.uncoveredClauses.hint') });
  }
}
