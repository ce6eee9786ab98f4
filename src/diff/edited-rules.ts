/** Which rule files differ between two rule sets (by id, compared by the file's SHA-256). */
import { compareText } from '../text.js';
import type { RuleSet } from '../rules/types.js';
import type { EditedRule } from './types.js';

export function editedRules(before: RuleSet, after: RuleSet): EditedRule[] {
  const old = new Map(before.rules.map((r) => [r.id, r]));
  const now = new Map(after.rules.map((r) => [r.id, r]));
  const out: EditedRule[] = [];
  for (const [id, r] of now) {
    const was = old.get(id);
    if (!was) out.push({ id, change: 'added', newVersion: r.version });
    else if (was.sha256 !== r.sha256) out.push({ id, change: 'changed', oldVersion: was.version, newVersion: r.version });
  }
  for (const [id, r] of old) if (!now.has(id)) out.push({ id, change: 'removed', oldVersion: r.version });
  return out.sort((a, b) => compareText(a.id, b.id));
}

export function policyChanged(before: RuleSet, after: RuleSet): boolean {
  return JSON.stringify(before.policy) !== JSON.stringify(after.policy);
}
