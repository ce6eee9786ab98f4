/** The changes counted per rule and per person (subject), in a stable order. */
import { compareText } from '../text.js';
import { CHANGE_KINDS, type ChangeCounts, type FindingChange, type PersonChanges, type RuleChanges } from './types.js';

export function noChanges(): ChangeCounts {
  return { added: 0, removed: 0, regraded: 0, status: 0 };
}

export function countChanges(changes: FindingChange[]): ChangeCounts {
  const counts = noChanges();
  for (const c of changes) counts[c.kind]++;
  return counts;
}

export function changesByRule(changes: FindingChange[]): RuleChanges[] {
  const rows = new Map<string, RuleChanges>();
  for (const c of changes) {
    const row = rows.get(c.ruleId) ?? { ruleId: c.ruleId, clause: c.clause, title: c.title, ...noChanges() };
    row[c.kind]++;
    rows.set(c.ruleId, row);
  }
  return [...rows.values()].sort((a, b) => compareText(a.clause, b.clause) || compareText(a.ruleId, b.ruleId));
}

/** Staff before the center; a person is counted per center (the same name in two centers is two people). */
export function changesByPerson(changes: FindingChange[]): PersonChanges[] {
  const rows = new Map<string, PersonChanges>();
  for (const c of changes) {
    const key = JSON.stringify([c.center, c.subject.kind, c.subject.name]);
    const row = rows.get(key) ?? { center: c.center, subject: c.subject, ...noChanges() };
    row[c.kind]++;
    rows.set(key, row);
  }
  const kindOrder = (k: string) => (k === 'staff' ? 0 : 1);
  return [...rows.values()].sort(
    (a, b) => compareText(a.center, b.center) || kindOrder(a.subject.kind) - kindOrder(b.subject.kind) || compareText(a.subject.name, b.subject.name),
  );
}

export function sortChanges(changes: FindingChange[], workbookOrder: string[]): FindingChange[] {
  const at = (w: string) => workbookOrder.indexOf(w);
  const kind = (k: FindingChange['kind']) => CHANGE_KINDS.indexOf(k);
  return [...changes].sort(
    (a, b) =>
      at(a.workbook) - at(b.workbook) ||
      kind(a.kind) - kind(b.kind) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.subject.name, b.subject.name) ||
      compareText(a.date, b.date) ||
      a.ref.row - b.ref.row ||
      compareText(a.id, b.id),
  );
}
