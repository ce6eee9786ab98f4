/**
 * Words for the coded values of derived facts (fee_status `not-posted`, missing_fields
 * `contact`, limit_basis `promise-capped`), so that a finding's message reads in the report's
 * language. The findings keep the codes — rule conditions test them and the JSON report
 * carries them — and only the rendered words change. The fact catalogue lists the same codes
 * with these words (codeWords), so a code's meaning is written once. A deadline past the loaded
 * calendars (deadline_after) reads "after YYYY-12-31".
 */
import type { Scope } from './scopes.js';
import type { Lang, Localized } from '../text.js';
import type { LimitBasis } from './deadline.js';
import type { FeeStatus } from './fee-status.js';
import { ISSUE_TYPES } from '../ledger/issue-codes.js';

/**
 * 首问责任制/三: what a complaint record must hold; `missing_fields` lists the ones left empty.
 * Declared here beside their words, not in complaint-facts.ts: the catalogue (derived-facts.ts)
 * reads these words, and complaint-facts.ts builds records through the catalogue, so importing
 * from complaint-facts.ts here closed an import cycle.
 */
export const REQUIRED_COMPLAINT_FIELDS = ['complainant', 'contact', 'content'] as const;

type Labels<Code extends string> = Readonly<Record<Code, Localized>>;

const FEE_STATUS: Labels<FeeStatus> = {
  none: { zh: '未收费', en: 'no fee' },
  posted: { zh: '已公示且未超标准', en: 'posted and within the standard' },
  'not-in-schedule': { zh: '该事项与收费项目不在收费公示中', en: 'item and fee item not in the posted fee schedule' },
  'not-posted': { zh: '收费项目未公开', en: 'fee item not posted' },
  'no-basis': { zh: '收费公示未注明收费依据', en: 'posted without its legal basis (收费依据)' },
  'above-standard': { zh: '超过公示收费标准', en: 'above the posted standard' },
};

const LIMIT_BASIS: Labels<LimitBasis> = {
  promise: { zh: '承诺时限', en: 'the promised limit' },
  statutory: { zh: '法定时限', en: 'the statutory limit' },
  'promise-capped': { zh: '法定时限（承诺时限长于法定时限，只计到法定时限）', en: 'the statutory limit (the promise is longer, and binds only up to it)' },
  none: { zh: '无承诺时限也无法定时限', en: 'neither a promise nor a statutory limit' },
  'with-applicant': { zh: '退回补正，在申请人处，不计时限', en: 'returned for completion: with the applicant, no clock runs' },
};

// Matches fee-status.ts UNNAMED_FEE_ITEM (a value import would make a cycle through the catalogue).
const FEE_ITEMS: Labels<'(unnamed)'> = {
  '(unnamed)': { zh: '（未填收费项目）', en: '(no fee item written)' },
};

const COMPLAINT_FIELDS: Labels<(typeof REQUIRED_COMPLAINT_FIELDS)[number]> = {
  complainant: { zh: '投诉人', en: 'complainant' },
  contact: { zh: '联系方式', en: 'contact' },
  content: { zh: '投诉内容', en: 'content' },
};

/** 办事公开制/二: what of an item is not posted (item-facts.ts DISCLOSURES), in the seed's own words. */
const DISCLOSURES: Labels<'procedure' | 'materials' | 'limit'> = {
  procedure: { zh: '办事程序', en: 'procedure' },
  materials: { zh: '申报材料', en: 'materials required' },
  limit: { zh: '办理期限', en: 'time limit' },
};

/** A sheet's data issues by type: the titles of the importer's catalogue (bad-integer → 整数无法识别). */
const ISSUE_TITLES: Labels<string> = Object.fromEntries(ISSUE_TYPES.map((t) => [t.code, t.title]));

const VALUE_LABELS: Partial<Record<Scope, Readonly<Record<string, Labels<string>>>>> = {
  case: { fee_status: FEE_STATUS, limit_basis: LIMIT_BASIS },
  complaint: { missing_fields: COMPLAINT_FIELDS },
  item: { fees_charged: FEE_ITEMS, fees_not_in_schedule: FEE_ITEMS, fees_not_posted: FEE_ITEMS, fees_without_basis: FEE_ITEMS, undisclosed: DISCLOSURES },
  ledger: { codes: ISSUE_TITLES },
};

/** Facts whose every value reads in words built from it: a date a deadline lies after. */
const VALUE_WORDS: Partial<Record<Scope, Readonly<Record<string, (value: string) => Localized>>>> = {
  case: { deadline_after: (date) => ({ zh: `${date}之后`, en: `after ${date}` }) },
};

/** The words for one value (or list item) of a fact, or undefined when the value is not a code. */
export function valueLabel(scope: Scope, fact: string, value: unknown, lang: Lang): string | undefined {
  if (typeof value !== 'string') return undefined;
  const words = VALUE_WORDS[scope]?.[fact];
  if (words && Object.hasOwn(VALUE_WORDS[scope]!, fact)) return words(value)[lang];
  const labels = VALUE_LABELS[scope]?.[fact];
  return labels && Object.hasOwn(labels, value) ? labels[value]![lang] : undefined;
}

/** Every code of a fact with its words, for the catalogue: `none 未收费 / posted 已公示且未超标准 / …`. */
export function codeWords(scope: Scope, fact: string, lang: Lang): string {
  const labels = VALUE_LABELS[scope]?.[fact] ?? {};
  return Object.entries(labels)
    .map(([code, words]) => `${code} ${lang === 'zh' ? words.zh : `(${words.en})`}`)
    .join(' / ');
}
