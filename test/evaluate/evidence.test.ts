/** Evidence templates: `{fact}` placeholders and how each kind of value is written. */
import { describe, expect, it } from 'vitest';
import { formatValue, placeholders, renderTemplate } from '../../src/evaluate/evidence.js';
import type { FactValue } from '../../src/facts/types.js';

const facts: Record<string, FactValue> = { case_id: 'SL-1', overdue_days: 3, deadline: '2026-10-08', note: null, rows: [5, 9], fields: ['contact', 'content'], notified: false, fee: 12.5 };
const lookup = (name: string) => facts[name];

describe('renderTemplate', () => {
  it('fills facts: numbers plain, dates as written, lists joined with 、, null as —', () => {
    expect(renderTemplate('{case_id} 截止{deadline} 逾期{overdue_days}天 行{rows} 缺{fields} 备注{note}', lookup, 'zh')).toBe(
      'SL-1 截止2026-10-08 逾期3天 行5、9 缺contact、content 备注—',
    );
  });

  it('writes booleans in the report language', () => {
    expect(renderTemplate('告知:{notified}', lookup, 'zh')).toBe('告知:否');
    expect(renderTemplate('notified: {notified}', lookup, 'en')).toBe('notified: no');
  });

  it('leaves an unknown placeholder as written, so a typo shows', () => {
    expect(renderTemplate('{case_idd} {fee}', lookup, 'en')).toBe('{case_idd} 12.5');
  });

  it('ignores braces that are not placeholders', () => {
    expect(renderTemplate('{ not one } {1x}', lookup, 'en')).toBe('{ not one } {1x}');
  });
});

describe('formatValue', () => {
  it.each([
    [null, '—'], ['', '—'], [[], '—'], [0, '0'], [1200, '1200'], [0.1 + 0.2, '0.3'], [true, '是'], ['2026-10-08', '2026-10-08'],
  ] as const)('%j → %s', (value, text) => {
    expect(formatValue(value, 'zh')).toBe(text);
  });
});

describe('placeholders', () => {
  it('lists names once each, in order', () => {
    expect(placeholders('{a}{b}{a} {c_1}')).toEqual(['a', 'b', 'c_1']);
  });
});
