/**
 * Words for the coded values of derived facts (fee_status `not-posted`, missing_fields
 * `contact`), so that a finding's message reads in the report's language. The findings keep
 * the codes — rule conditions test them and the JSON report carries them — and only the
 * rendered words change. The fact catalogue lists the same codes with these words (codeWords),
 * so a code's meaning is written once.
 */
import type { Scope } from './scopes.js';
import type { Lang, Localized } from '../text.js';
import type { FeeStatus } from './fee-status.js';

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
  'above-standard': { zh: '超过公示收费标准', en: 'above the posted standard' },
};

const COMPLAINT_FIELDS: Labels<(typeof REQUIRED_COMPLAINT_FIELDS)[number]> = {
  complainant: { zh: '投诉人', en: 'complainant' },
  contact: { zh: '联系方式', en: 'contact' },
  content: { zh: '投诉内容', en: 'content' },
};

const VALUE_LABELS: Partial<Record<Scope, Readonly<Record<string, Labels<string>>>>> = {
  case: { fee_status: FEE_STATUS },
  complaint: { missing_fields: COMPLAINT_FIELDS },
};

/** The words for one value (or list item) of a fact, or undefined when the value is not a code. */
export function valueLabel(scope: Scope, fact: string, value: unknown, lang: Lang): string | undefined {
  if (typeof value !== 'string') return undefined;
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
